/**
 * Names from the namenlijst, compared the way a reader would: two spellings that look the
 * same are the same name. Text is compared after Unicode normalisation (NFC, so a composed é
 * and e + combining accent are equal), without invisible characters (zero-width space and
 * joiners, word joiner, byte-order mark, soft hyphen) and direction controls (the bidi marks,
 * embeddings, overrides and isolates of Unicode's bidirectional algorithm, UAX #9), with
 * whitespace collapsed and case ignored.
 *
 * This module never returns or quotes a name in a message: every message names the row or
 * cell only (AVG: a refusal must not copy personal data into places where it does not belong).
 */

import { columnLetter } from './issues';

/** Zero-width and formatting characters a reader cannot see. */
const INVISIBLE = '\\u00AD\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';
/** Direction marks, embeddings, overrides and isolates (UAX #9). */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const HIDDEN_RE = new RegExp(`[${INVISIBLE}${BIDI}]`, 'u');
const HIDDEN_ALL_RE = new RegExp(`[${INVISIBLE}${BIDI}]`, 'gu');
/** Between two characters of a name, hidden characters may be slipped in. */
const GAP = `[${INVISIBLE}${BIDI}]*`;

/** Whether the text holds a character a reader cannot see, or one that turns the reading direction. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_RE.test(text);
}

/** The form in which two names are compared: NFC, nothing hidden, single spaces, lower case. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .replace(HIDDEN_ALL_RE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('nl');
}

/** A person code the product hands out (`P-7F3K`) or a case code (`JGA-2026-001`), in any case. */
const CODE_SHAPE_RE = /^(?:p-[0-9a-z]{4}|[a-z]{2,6}-\d{4}-\d{3})$/u;

export interface NameRow {
  /** 1-based row number in the namenlijst tab (the header is row 1). */
  row: number;
  code: string;
  name: string;
  birthYear: string;
}

export interface NameProblem {
  /** A1 cell, e.g. `Namenlijst!B4`. */
  cell: string;
  message: string;
}

export interface NameCheckOptions {
  /** The tab name used in cell references. */
  sheet: string;
  /** The current year, for the plausible range of birth years. */
  year: number;
  /** Codes in use (person codes of the case, the case code): a name may not be one of them. */
  codes: readonly string[];
}

/** Youth groups are about minors and young adults: a birth year between 8 and 30 years back. */
export const BIRTH_YEAR_AGES = { min: 8, max: 30 } as const;

/**
 * Every problem of the namenlijst, one message per cell, in row order. A row with a problem
 * gets no code: a duplicate would give one person two codes, a name shaped like a code could be
 * mistaken for a pseudonym, and a hidden character makes two names look equal while they are not.
 */
export function checkNameRows(rows: readonly NameRow[], opts: NameCheckOptions): NameProblem[] {
  const problems: NameProblem[] = [];
  const codes = new Set(opts.codes.map((c) => normalizeName(c)));
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const nameCell = `${opts.sheet}!B${r.row}`;
    const raw = r.name;
    if (raw.trim() === '') {
      if (r.code.trim() !== '') {
        problems.push({ cell: nameCell, message: 'de naam is leeg terwijl er wel een code staat' });
      }
    } else {
      const norm = normalizeName(raw);
      if (hasHiddenCharacters(raw)) {
        problems.push({
          cell: nameCell,
          message:
            'bevat een onzichtbaar teken of een teken dat de leesrichting omdraait; typ de naam opnieuw',
        });
      }
      if (norm === '') {
        problems.push({ cell: nameCell, message: 'bevat alleen onzichtbare tekens' });
      } else if (codes.has(norm) || CODE_SHAPE_RE.test(norm)) {
        problems.push({
          cell: nameCell,
          message: 'is een code of lijkt op een code; in kolom Naam hoort de naam van de persoon',
        });
      } else {
        const seen = firstRow.get(norm);
        if (seen !== undefined) {
          problems.push({
            cell: nameCell,
            message: `dezelfde naam als rij ${seen} (hoofdletters, accenten en onzichtbare tekens tellen niet mee); één persoon krijgt één code`,
          });
        } else firstRow.set(norm, r.row);
      }
    }
    const by = r.birthYear.trim();
    if (by !== '') {
      const n = Number(by);
      const lo = opts.year - BIRTH_YEAR_AGES.max;
      const hi = opts.year - BIRTH_YEAR_AGES.min;
      if (!/^\d{4}$/.test(by) || n < lo || n > hi) {
        problems.push({
          cell: `${opts.sheet}!C${r.row}`,
          message: `geen aannemelijk geboortejaar; verwacht een jaar van ${lo} tot en met ${hi}`,
        });
      }
    }
  }
  return problems;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for whole-word occurrences of the given names in any text, as a reader would see
 * them: NFC, case-insensitive, with hidden characters anywhere inside or around the name and
 * any run of whitespace between its words. A name inside a longer word does not count
 * (`Ali` is not found in `Alibi`). Only the whole name counts: a first name or surname alone is
 * too often an ordinary word ("de Wit", "Bakker") to refuse a coordinator's text for it.
 */
export interface NameMatcher {
  /** Whether the text holds one of the names. */
  test(text: string): boolean;
  /** The text with every name replaced by `replacement(index)`, the index into the names given. */
  replace(text: string, replacement: (index: number) => string): { text: string; count: number };
}

export function nameMatcher(names: readonly string[]): NameMatcher {
  const parts = names.map((n) => {
    const norm = normalizeName(n);
    if (norm === '') return null;
    const chars = [...norm].map((ch) => (ch === ' ' ? `[\\s${INVISIBLE}${BIDI}]+` : escapeRe(ch)));
    return `(${chars.join(GAP)})`;
  });
  const live = parts.map((p, i) => ({ p, i })).filter((x): x is { p: string; i: number } => x.p !== null);
  if (live.length === 0) {
    return { test: () => false, replace: (text) => ({ text, count: 0 }) };
  }
  // Longest names first, so "Jan de Vries" wins over "Jan".
  live.sort((a, b) => b.p.length - a.p.length);
  const source = `(?<![\\p{L}\\p{N}\\p{M}])(?:${live.map((x) => x.p).join('|')})(?![\\p{L}\\p{N}\\p{M}])`;
  // Compiled once per matcher: a guard checks thousands of cells against the same names, and
  // compiling this pattern (Unicode property classes, a gap class between every letter) costs
  // far more than running it. `test` uses a pattern without the g flag, so it keeps no lastIndex
  // between calls; `replace` with the g flag starts at 0 on every call
  // (ECMAScript RegExp.prototype[@@replace] sets lastIndex to 0 for a global pattern).
  const finder = new RegExp(source, 'iu');
  const everywhere = new RegExp(source, 'giu');
  return {
    test(text: string): boolean {
      return finder.test(text.normalize('NFC'));
    },
    replace(text: string, replacement: (index: number) => string) {
      let count = 0;
      const out = text.normalize('NFC').replace(everywhere, (...m: unknown[]) => {
        count++;
        const groups = m.slice(1, 1 + live.length);
        const k = groups.findIndex((g) => g !== undefined);
        return replacement(live[k]!.i);
      });
      return { text: out, count };
    },
  };
}

/** What a refusal says about a cell that holds a name: the cell, never the name. */
export const HOLDS_NAME = 'bevat een naam uit de namenlijst; schrijf de persoonscode in plaats van de naam';

/**
 * Every cell of a tab the coordinator typed that holds a name from the namenlijst, as
 * `Tab!B4: bevat een naam uit de namenlijst; ...` (row numbers 1-based from the tab's first row).
 */
export function cellsWithNames(
  rows: readonly (readonly unknown[])[],
  sheet: string,
  matcher: NameMatcher,
): string[] {
  const out: string[] = [];
  rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (typeof cell === 'string' && cell !== '' && matcher.test(cell)) {
        out.push(`${sheet}!${columnLetter(j)}${i + 1}: ${HOLDS_NAME}`);
      }
    });
  });
  return out;
}
