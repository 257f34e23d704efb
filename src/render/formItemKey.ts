/**
 * How one form item is keyed in a form's item map, and how its answer is read back per subject.
 * Pure. Keys:
 * - `questionId`: a question asked once;
 * - `questionId|subject`: a question asked about one person code, action or goal;
 * - `questionId|[CODE1,CODE2,...]`: one item about several person codes at once — a grid whose
 *   rows are the codes, or a paragraph with one line per code ("Toelichting per persoon"); also
 *   the grid of step 7 with a row per afschaalcriterium (`[C1,C2,...]`).
 * Forms made before grids existed keep their `questionId|subject` keys and are read as before.
 */
import { type NormalisedAnswer, normaliseAnswer } from '../model/answers';
import type { Question } from '../model/types';

export interface ParsedItemKey {
  questionId: string;
  /** One subject (person code, action id or goal id). */
  subject?: string;
  /** Several person codes in one item, in row (or line) order. */
  subjects?: string[];
}

export function itemKey(questionId: string, subject?: string): string {
  return subject ? `${questionId}|${subject}` : questionId;
}

/** The key of one item about several person codes (codes never hold `,`, `[` or `]`). */
export function personsItemKey(questionId: string, codes: readonly string[]): string {
  return `${questionId}|[${codes.join(',')}]`;
}

export function parseItemKey(key: string): ParsedItemKey {
  const i = key.indexOf('|');
  if (i < 0) return { questionId: key };
  const questionId = key.slice(0, i);
  const rest = key.slice(i + 1);
  if (rest.startsWith('[') && rest.endsWith(']')) {
    const subjects = rest
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return { questionId, subjects };
  }
  return { questionId, subject: rest };
}

/** Every subject an item key asks about (empty for a question asked once). */
export function subjectsOfKey(key: string): string[] {
  const p = parseItemKey(key);
  return p.subjects ?? (p.subject ? [p.subject] : []);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a "one line per code" answer into text per code. A line starts with one or more codes
 * (`P-7F3K: ...`, `P-7F3K en P-2M9Q - ...`, case-insensitive, an optional bullet in front);
 * a line without a code continues the previous one. Text before the first code is returned
 * as `rest`, so nothing the partner wrote is lost.
 */
export function splitPerCode(
  text: string,
  codes: readonly string[],
): { byCode: Map<string, string>; rest: string } {
  const byCode = new Map<string, string>();
  const rest: string[] = [];
  if (codes.length === 0) return { byCode, rest: text.trim() };
  const alt = [...codes]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
  const codeRe = `(?:${alt})`;
  const lineRe = new RegExp(
    `^\\s*(?:[-*•·]\\s*)?(${codeRe}(?:\\s*(?:,|/|&|\\ben\\b)\\s*${codeRe})*)(?![\\w-])\\s*[:=\\-–—]?\\s*(.*)$`,
    'i',
  );
  const canonical = new Map(codes.map((c) => [c.toLowerCase(), c]));
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = lineRe.exec(line);
    if (m) {
      current = [...(m[1] ?? '').matchAll(new RegExp(codeRe, 'gi'))].map(
        (x) => canonical.get(x[0].toLowerCase()) ?? x[0],
      );
      const body = (m[2] ?? '').trim();
      for (const c of current) {
        const seen = byCode.get(c);
        if (body) byCode.set(c, seen ? `${seen}\n${body}` : body);
      }
      continue;
    }
    if (line.trim() === '') continue;
    if (current.length === 0) rest.push(line.trim());
    else
      for (const c of current)
        byCode.set(c, byCode.has(c) ? `${byCode.get(c)}\n${line.trim()}` : line.trim());
  }
  return { byCode, rest: rest.join('\n') };
}

/**
 * The stored answers of one item: one per subject for an item about several codes (grid row or
 * line), otherwise the one answer `normaliseAnswer` makes. Unanswered rows give nothing.
 */
export function expandItemAnswer(
  key: string,
  raw: string | string[] | string[][],
  question: Question | undefined,
): NormalisedAnswer[] {
  const parsed = parseItemKey(key);
  const codes = parsed.subjects;
  if (!codes) {
    const one = normaliseAnswer(key, raw, question);
    return one ? [one] : [];
  }
  const out: NormalisedAnswer[] = [];
  const push = (subject: string | undefined, value: string) => {
    if (value.trim() === '') return;
    const a: NormalisedAnswer = { questionId: parsed.questionId, value };
    if (subject) a.subject = subject;
    out.push(a);
  };
  if (Array.isArray(raw)) {
    // A grid: one entry per row (a checkbox grid gives a list per row).
    codes.forEach((code, i) => {
      const cell = raw[i];
      push(code, Array.isArray(cell) ? cell.join('; ') : String(cell ?? ''));
    });
    return out;
  }
  const { byCode, rest } = splitPerCode(String(raw ?? ''), codes);
  for (const code of codes) push(code, byCode.get(code) ?? '');
  push(undefined, rest);
  return out;
}
