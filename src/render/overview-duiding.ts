/**
 * The duiding chapter: per duiding dimension (a grid question with `duiding: true`) one table
 * with the items as rows and the partners side by side, flagging items where partners' scores
 * lie two or more points apart. Other duiding-theme questions follow as attributed answers.
 */
import type { Question } from '../model/types';
import type { AnswerRecord } from './caseView';
import type { DocNode } from './docTree';
import { type AnswerIndex, latestRound, sortAnswers, themeBlocks } from './overview-answers';
import { ALERT_SHADING, decimal, heading, organisationOf, plain } from './overview-text';

export const LARGE_DIFFERENCE = 'Groot verschil';
/** Behind an item whose scores lie far apart (the item cell is shaded as well). */
export const LARGE_MARK = ' (!)';
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

function dimensionTable(idx: AnswerIndex, question: Question, answers: readonly AnswerRecord[]): DocNode {
  // One column per partner: a second submission replaced the first in the index.
  const partners = sortAnswers(idx, answers);
  const choices = partners.map((a) => gridChoices(question, a));
  const rows: string[][] = [];
  const shading: (string | null)[][] = [];
  (question.rows ?? []).forEach((item, r) => {
    const labels = choices.map((c) => c[r] ?? '');
    const large = isLargeDifference(labels);
    // No column of its own: every column less leaves the scores more room.
    rows.push([large ? `${item}${LARGE_MARK}` : item, ...labels.map(scoreCell)]);
    shading.push([large ? ALERT_SHADING : null, ...labels.map(() => null)]);
  });
  const header = [
    'Item',
    ...partners.map((a) => organisationOf(idx.view, a.partnerId) + (idx.edited.has(a) ? ' (gewijzigd)' : '')),
  ];
  return { type: 'table', header, rows, shading };
}

/** A score as its digit (`2`), `?` for unknown and `—` for no answer: the legend says the rest. */
export function scoreCell(label: string): string {
  const score = scoreOf(label);
  if (score !== null) return String(score);
  return label.trim() === '' ? '—' : '?';
}

/** `0 = niet, 1 = beperkt, ...`: the scale of the duiding grids, from their column labels. */
function scaleLegend(idx: AnswerIndex): string {
  const q = idx.view.catalog.find((x) => x.duiding && (x.choices?.length ?? 0) > 0);
  const parts = (q?.choices ?? []).map((c) => {
    const m = /^\s*(\S+)\s+(.*)$/.exec(c);
    return m ? `${m[1]} = ${m[2]}` : c;
  });
  return parts.length > 0 ? ` Scores: ${parts.join(', ')}.` : '';
}

/** Short name of a duiding dimension: its title up to the colon (`Aard en ernst`). */
export function dimensionLabel(q: Question): string {
  const at = q.title.indexOf(':');
  return at > 0 ? q.title.slice(0, at).trim() : q.title;
}

export interface PartnerScores {
  partnerId: string;
  organisation: string;
  /** Score per item (row); null = unknown or not answered. */
  scores: (number | null)[];
  /** Mean over the scored items; null when none was scored. */
  mean: number | null;
}

export interface DimensionScores {
  question: Question;
  label: string;
  round: number;
  items: readonly string[];
  /** Highest score of the scale (from the choice labels). */
  max: number;
  partners: PartnerScores[];
}

function mean(values: readonly (number | null)[]): number | null {
  const nums = values.filter((v): v is number => v !== null);
  return nums.length === 0 ? null : nums.reduce((s, n) => s + n, 0) / nums.length;
}

/** Scores of the latest round of every duiding dimension that has answers, partners in order. */
export function dimensionScores(idx: AnswerIndex): DimensionScores[] {
  const out: DimensionScores[] = [];
  for (const q of idx.view.catalog) {
    if (!q.duiding) continue;
    const answers = idx.byQuestion.get(q.id) ?? [];
    if (answers.length === 0) continue;
    const round = latestRound(idx.view, q.step, answers);
    const current = sortAnswers(
      idx,
      answers.filter((a) => a.round === round),
    );
    if (current.length === 0) continue;
    const max = Math.max(1, ...(q.choices ?? []).map(scoreOf).filter((n): n is number => n !== null));
    out.push({
      question: q,
      label: dimensionLabel(q),
      round,
      items: q.rows ?? [],
      max,
      partners: current.map((a) => {
        const scores = gridChoices(q, a).map(scoreOf);
        return {
          partnerId: a.partnerId,
          organisation: organisationOf(idx.view, a.partnerId),
          scores,
          mean: mean(scores),
        };
      }),
    });
  }
  return out;
}

/** Mean over every partner's item scores of a dimension. */
export function dimensionMean(d: DimensionScores): number | null {
  return mean(d.partners.flatMap((p) => p.scores));
}

export interface Disagreement {
  dimension: string;
  item: string;
  high: { organisation: string; score: number };
  low: { organisation: string; score: number };
  spread: number;
}

/** Items whose partner scores lie furthest apart (at least the threshold), largest first. */
export function disagreements(dims: readonly DimensionScores[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const d of dims) {
    d.items.forEach((item, r) => {
      const scored = d.partners
        .map((p) => ({ organisation: p.organisation, score: p.scores[r] ?? null }))
        .filter((x): x is { organisation: string; score: number } => x.score !== null);
      if (scored.length < 2) return;
      const high = scored.reduce((m, x) => (x.score > m.score ? x : m));
      const low = scored.reduce((m, x) => (x.score < m.score ? x : m));
      const spread = high.score - low.score;
      if (spread >= DIFFERENCE_THRESHOLD) out.push({ dimension: d.label, item, high, low, spread });
    });
  }
  return out.sort((a, b) => b.spread - a.spread);
}

/** Bar chart: per dimension the mean score of each partner (latest round). */
export function duidingChart(dims: readonly DimensionScores[]): DocNode | null {
  if (dims.length === 0) return null;
  const partnerIds: string[] = [];
  const names = new Map<string, string>();
  for (const d of dims) {
    for (const p of d.partners) {
      if (!partnerIds.includes(p.partnerId)) partnerIds.push(p.partnerId);
      names.set(p.partnerId, p.organisation);
    }
  }
  const round2 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  const max = Math.max(...dims.map((d) => d.max));
  return {
    type: 'chart',
    chart: {
      kind: 'bar',
      title: 'Duiding: gemiddelde score per dimensie en partner',
      categories: dims.map((d) => d.label),
      series: partnerIds.map((id) => ({
        name: names.get(id) ?? id,
        values: dims.map((d) => round2(d.partners.find((p) => p.partnerId === id)?.mean ?? null)),
      })),
      min: 0,
      max,
      alt:
        `Staafdiagram met per duidingdimensie de gemiddelde score (0 tot ${max}) van elke partner: ` +
        dims
          .map((d) => {
            const m = dimensionMean(d);
            return `${d.label} gemiddeld ${m === null ? 'onbekend' : decimal(m)}`;
          })
          .join('; ') +
        '.',
    },
  };
}

export function duidingBlocks(idx: AnswerIndex): DocNode[] {
  const out: DocNode[] = [];
  for (const q of idx.view.catalog) {
    if (!q.duiding) continue;
    const answers = idx.byQuestion.get(q.id) ?? [];
    if (answers.length === 0) continue;
    // The latest round only; earlier rounds stay in the case spreadsheet.
    const latest = latestRound(idx.view, q.step, answers);
    const current = answers.filter((a) => a.round === latest);
    if (current.length === 0) continue;
    out.push(heading(2, latest > 1 ? `${dimensionLabel(q)} (ronde ${latest})` : dimensionLabel(q)));
    out.push(dimensionTable(idx, q, current));
  }
  if (out.length > 0) {
    const chart = duidingChart(dimensionScores(idx));
    if (chart) out.unshift(chart);
    out.unshift(
      plain(
        'Per dimensie staan de scores van de partners naast elkaar. Liggen de scores op een item ' +
          `twee punten of meer uiteen (een groot verschil), dan staat er${LARGE_MARK} achter het item en is het gemarkeerd: bespreek dat item samen. ` +
          'Een vraagteken (onbekend) telt niet mee.' +
          scaleLegend(idx),
      ),
    );
  }
  out.push(...themeBlocks(idx, 'duiding'));
  return out;
}

export interface Agreement {
  dimension: string;
  item: string;
  mean: number;
  partners: number;
}

/** Items that at least two partners scored within one point of each other, highest mean first. */
export function agreements(dims: readonly DimensionScores[]): Agreement[] {
  const out: Agreement[] = [];
  for (const d of dims) {
    d.items.forEach((item, r) => {
      const scores = d.partners.map((p) => p.scores[r] ?? null).filter((s): s is number => s !== null);
      if (scores.length < 2 || Math.max(...scores) - Math.min(...scores) > 1) return;
      out.push({
        dimension: d.label,
        item,
        mean: scores.reduce((s, n) => s + n, 0) / scores.length,
        partners: scores.length,
      });
    });
  }
  return out.sort((a, b) => b.mean - a.mean || b.partners - a.partners);
}
