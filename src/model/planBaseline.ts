/**
 * The nulmeting of a plan goal taken from the duiding (step 3) where one fits: when a goal's
 * indicator names an item of a duiding grid (for example "Vernieling"), its baseline is the mean
 * score the partners gave that item in the latest round of step 3, on the duiding's 0–3 scale.
 * Pure.
 */
import { duidingScore } from './catalog/shared';
import type { BaselineSuggestion } from './planSheet';
import type { Question, StepId } from './types';

/** The part of a stored answer this needs (the render layer's AnswerRecord fits). */
export interface ScoredAnswer {
  step: StepId;
  round: number;
  questionId: string;
  value: string;
  /** Chosen column per grid row, in row order. */
  grid?: string[];
}

export interface DuidingItemScore {
  questionId: string;
  item: string;
  /** Mean of the numeric scores (`? onbekend` does not count). */
  mean: number;
  /** Number of scores in the mean. */
  count: number;
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’'`"()[\],.:;!?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The chosen column per row of a grid answer: from `grid`, else from its `rij: kolom` lines. */
function choices(q: Question, a: ScoredAnswer): string[] {
  const rows = q.rows ?? [];
  if (a.grid) return rows.map((_, i) => a.grid?.[i] ?? '');
  const byRow = new Map<string, string>();
  for (const line of a.value.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) byRow.set(line.slice(0, at).trim(), line.slice(at + 2).trim());
  }
  return rows.map((r) => byRow.get(r) ?? '');
}

/** Mean score per duiding item over the latest round of step 3. */
export function duidingItemScores(
  catalog: readonly Question[],
  answers: readonly ScoredAnswer[],
): DuidingItemScore[] {
  const step3 = answers.filter((a) => a.step === '3');
  const round = Math.max(0, ...step3.map((a) => a.round));
  const out: DuidingItemScore[] = [];
  for (const q of catalog) {
    if (!q.duiding || q.type !== 'grid') continue;
    const given = step3.filter((a) => a.round === round && a.questionId === q.id).map((a) => choices(q, a));
    (q.rows ?? []).forEach((item, r) => {
      const scores = given.map((c) => duidingScore(c[r] ?? '')).filter((s): s is number => s !== null);
      if (scores.length === 0) return;
      out.push({
        questionId: q.id,
        item,
        mean: Math.round((scores.reduce((s, n) => s + n, 0) / scores.length) * 10) / 10,
        count: scores.length,
      });
    });
  }
  return out;
}

/**
 * A baseline lookup for the plan tab: the duiding item whose name the indicator contains
 * (the longest such name wins); null when none fits.
 */
export function baselineFromDuiding(
  scores: readonly DuidingItemScore[],
): (indicator: string) => BaselineSuggestion | null {
  return (indicator) => {
    const text = ` ${normalise(indicator)} `;
    let best: DuidingItemScore | null = null;
    for (const s of scores) {
      const item = normalise(s.item);
      if (item && text.includes(` ${item} `) && (!best || item.length > normalise(best.item).length))
        best = s;
    }
    if (!best) return null;
    return {
      value: best.mean,
      from: `duiding: "${best.item}", gemiddelde van ${best.count} score${best.count === 1 ? '' : 's'} op de schaal 0–3`,
    };
  };
}
