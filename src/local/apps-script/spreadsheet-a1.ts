/**
 * A1 notation (reference/spreadsheet/sheet#getRange(String)): `A1`, `A1:B2`, `$A$1`, open
 * ranges `A:C`, `2:5`, `A2:C`, and a sheet prefix `'My tab'!A1:B2` for `Spreadsheet.getRange`.
 * R1C1 notation is not emulated.
 */
import { gasError } from './runtime';
import type { Rect } from './spreadsheet-model';

export function columnLetters(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const rem = (x - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectToA1(rect: Rect): string {
  const start = `${columnLetters(rect.c)}${rect.r}`;
  if (rect.nr === 1 && rect.nc === 1) return start;
  return `${start}:${columnLetters(rect.c + rect.nc - 1)}${rect.r + rect.nr - 1}`;
}

/** Splits `'Tab name'!A1:B2` / `Tab!A1` into sheet name and A1 part. */
export function splitSheetPrefix(ref: string): { sheet: string | null; a1: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: null, a1: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, a1: ref.slice(bang + 1) };
}

interface Side {
  col: number | null;
  row: number | null;
}

function side(s: string): Side | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row };
}

/**
 * Parses an A1 range against a grid of `maxRows` × `maxCols`. Invalid notation → `Range not
 * found` [W]; a range past the grid → the out-of-bounds error (reference/spreadsheet/sheet).
 */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect {
  const parts = String(a1).split(':');
  const notFound = () => gasError('Range not found');
  if (parts.length < 1 || parts.length > 2) throw notFound();
  const a = side(parts[0] ?? '');
  const b = parts.length === 2 ? side(parts[1] ?? '') : a;
  if (!a || !b) throw notFound();
  if (parts.length === 1 && (a.col === null || a.row === null)) throw notFound();
  // Open ranges: both sides must be of the same kind (`A:C`, `2:5`) or a cell plus a column/row.
  if ((a.col === null) !== (b.col === null) && a.row === null) throw notFound();
  const c1 = a.col ?? 1;
  const c2 = b.col ?? maxCols;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  const r = Math.min(r1, r2);
  const c = Math.min(c1, c2);
  const rect = { r, c, nr: Math.abs(r2 - r1) + 1, nc: Math.abs(c2 - c1) + 1 };
  if (rect.r + rect.nr - 1 > maxRows || rect.c + rect.nc - 1 > maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}
