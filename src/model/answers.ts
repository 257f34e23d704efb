/**
 * Turning raw form answers into stored answer text. Pure.
 * Checkbox answers are joined with `; `; a grid answer keeps the chosen column per row and is
 * shown as `rij: kolom` lines. An answer that is empty in every item is a ghost submission.
 */
import type { Question } from './types';

export interface NormalisedAnswer {
  questionId: string;
  subject?: string;
  value: string;
  grid?: string[];
}

export function splitKey(key: string): { questionId: string; subject?: string } {
  const i = key.indexOf('|');
  if (i < 0) return { questionId: key };
  return { questionId: key.slice(0, i), subject: key.slice(i + 1) };
}

export function normaliseAnswer(
  key: string,
  raw: string | string[] | string[][],
  question: Question | undefined,
): NormalisedAnswer | null {
  const { questionId, subject } = splitKey(key);
  let value: string;
  let grid: string[] | undefined;
  if (Array.isArray(raw) && question?.type === 'grid') {
    grid = raw.map((x) => (Array.isArray(x) ? x.join(', ') : String(x ?? '')));
    const rows = question.rows ?? [];
    value = grid
      .map((col, i) => (col ? `${rows[i] ?? `rij ${i + 1}`}: ${col}` : ''))
      .filter(Boolean)
      .join('\n');
  } else if (Array.isArray(raw)) {
    value = raw.map((x) => (Array.isArray(x) ? x.join(', ') : String(x))).join('; ');
  } else {
    value = String(raw ?? '');
  }
  if (value.trim() === '') return null;
  const out: NormalisedAnswer = { questionId, value };
  if (subject) out.subject = subject;
  if (grid) out.grid = grid;
  return out;
}

/** Splits text into parts that fit a Sheets cell (50,000 characters; we keep a margin). */
export const CELL_PART = 45_000;
export function splitParts(text: string): string[] {
  if (text.length <= CELL_PART) return [text];
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + CELL_PART, text.length);
    // Never cut between the two halves of a character outside the BMP (emoji).
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}
