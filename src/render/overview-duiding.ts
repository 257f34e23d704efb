/**
 * The duiding chapter: per duiding dimension (a grid question with `duiding: true`) one table
 * with the items as rows and the partners side by side, flagging items where partners' scores
 * lie two or more points apart. Other duiding-theme questions follow as attributed answers.
 */
import type { Question } from '../model/types';
import type { AnswerRecord } from './caseView';
import type { DocNode } from './docTree';
import { type AnswerIndex, latestRound, themeBlocks } from './overview-answers';
import { ALERT_SHADING, heading, organisationOf, plain } from './overview-text';

export const LARGE_DIFFERENCE = 'Groot verschil';
/** Scores (leading digit) this far apart count as a large difference. */
const DIFFERENCE_THRESHOLD = 2;

/** The numeric score of a scale label like `2 duidelijk`; null for `? onbekend` or empty. */
export function scoreOf(label: string): number | null {
  const m = /^\s*(\d)/.exec(label);
  return m ? Number(m[1]) : null;
}

/** True when the numeric scores of a row differ by at least the threshold. */
export function isLargeDifference(labels: readonly string[]): boolean {
  const scores = labels.map(scoreOf).filter((s): s is number => s !== null);
  if (scores.length < 2) return false;
  return Math.max(...scores) - Math.min(...scores) >= DIFFERENCE_THRESHOLD;
}

/** The chosen column per row: from `grid`, or parsed from the `rij: kolom` lines. */
export function gridChoices(question: Question, answer: AnswerRecord): string[] {
  const rows = question.rows ?? [];
  if (answer.grid) return rows.map((_, i) => answer.grid?.[i] ?? '');
  const byRow = new Map<string, string>();
  for (const line of answer.value.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) byRow.set(line.slice(0, at).trim(), line.slice(at + 2).trim());
  }
  return rows.map((r) => byRow.get(r) ?? '');
}

/**
 * Every response in a round, in partner order (a partner that submitted twice gets two
 * columns: both scores count for the difference flag).
 */
function perResponse(idx: AnswerIndex, answers: readonly AnswerRecord[]): AnswerRecord[] {
  return [...answers].sort(
    (a, b) => idx.rank(a.partnerId) - idx.rank(b.partnerId) || a.submittedAt - b.submittedAt,
  );
}

function dimensionTable(idx: AnswerIndex, question: Question, answers: readonly AnswerRecord[]): DocNode {
  const partners = perResponse(idx, answers);
  const count = new Map<string, number>();
  for (const a of partners) count.set(a.partnerId, (count.get(a.partnerId) ?? 0) + 1);
  const nth = new Map<string, number>();
  const choices = partners.map((a) => gridChoices(question, a));
  const rows: string[][] = [];
  const shading: (string | null)[][] = [];
  (question.rows ?? []).forEach((item, r) => {
    const labels = choices.map((c) => c[r] ?? '');
    const large = isLargeDifference(labels);
    rows.push([item, ...labels.map((l) => l || '—'), large ? LARGE_DIFFERENCE : '']);
    shading.push([null, ...labels.map(() => null), large ? ALERT_SHADING : null]);
  });
  const header = [
    'Item',
    ...partners.map((a) => {
      const n = (nth.get(a.partnerId) ?? 0) + 1;
      nth.set(a.partnerId, n);
      const which = (count.get(a.partnerId) ?? 1) > 1 ? ` (inzending ${n})` : '';
      return organisationOf(idx.view, a.partnerId) + which + (a.version > 1 ? ' (gewijzigd)' : '');
    }),
    'Verschil',
  ];
  return { type: 'table', header, rows, shading };
}

export function duidingBlocks(idx: AnswerIndex): DocNode[] {
  const out: DocNode[] = [];
  for (const q of idx.view.catalog) {
    if (!q.duiding) continue;
    const answers = idx.byQuestion.get(q.id) ?? [];
    if (answers.length === 0) continue;
    const latest = latestRound(idx.view, q.step, answers);
    const rounds = [...new Set(answers.map((a) => a.round))].sort((a, b) => b - a);
    for (const round of rounds) {
      out.push(heading(3, round < latest ? `${q.title} (ronde ${round})` : q.title));
      out.push(
        dimensionTable(
          idx,
          q,
          answers.filter((a) => a.round === round),
        ),
      );
    }
  }
  if (out.length > 0) {
    out.unshift(
      plain(
        'Per dimensie staan de scores van de partners naast elkaar. Liggen de scores op een item ' +
          `twee punten of meer uiteen, dan staat er "${LARGE_DIFFERENCE}": bespreek dat item samen. ` +
          'Een vraagteken (onbekend) telt niet mee.',
      ),
    );
  }
  out.push(...themeBlocks(idx, 'duiding'));
  return out;
}
