/**
 * Corrections (AVG art. 16) applied to what others read. A correction names a person code, a
 * question and optionally a partner; every statement matching it that was given before the
 * correction was recorded is shown as the corrected text, marked, in the views and documents.
 * A statement the partner gives after the correction is a new statement and is shown as given.
 * The ledger (the restricted store) keeps the original. Pure.
 */

import { isoDate } from '../model/time';
import type { AnswerRecord } from './caseView';

export interface Correction {
  at: number;
  subject: string;
  /** '' = the statements of every partner. */
  partnerId: string;
  questionId: string;
  wrong: string;
  right: string;
  recordedBy: string;
}

/** The mark a corrected statement carries: `[gecorrigeerd op 12-01-2026]`. */
export function correctionMark(at: number, timeZone: string): string {
  const [y, m, d] = isoDate(at, timeZone).split('-');
  return `[gecorrigeerd op ${d}-${m}-${y}]`;
}

/** Whether the correction is about this statement. */
export function corrects(c: Correction, a: AnswerRecord): boolean {
  return (
    a.subject === c.subject &&
    a.questionId === c.questionId &&
    (c.partnerId === '' || c.partnerId === a.partnerId) &&
    a.submittedAt <= c.at
  );
}

/** The answers as others read them: each corrected statement replaced by its newest correction, marked. */
export function applyCorrections(
  answers: readonly AnswerRecord[],
  corrections: readonly Correction[],
  timeZone: string,
): AnswerRecord[] {
  if (corrections.length === 0) return [...answers];
  return answers.map((a) => {
    const c = [...corrections].reverse().find((x) => corrects(x, a));
    if (!c) return a;
    const { grid: _grid, ...rest } = a;
    return { ...rest, value: `${correctionMark(c.at, timeZone)} ${c.right}` };
  });
}
