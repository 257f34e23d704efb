/**
 * Reading a sheet tab (2-D values with a header row) into validated records, with Dutch errors
 * that point at cells, e.g. `Partners!E7: ongeldig e-mailadres "jan@"`. Also the Partners tab:
 * its Dutch headers and the way back from partners to rows.
 */

import { PartnerListSchema } from './configSchemas';
import type { SheetContext } from './issues';
import { columnLetter, formatIssues } from './issues';
import { partnerKindFromText } from './partners';
import { isDate } from './time';
import type { Partner } from './types';
import { STEP_IDS } from './types';
import type * as z from './zod';

export interface SheetColumn {
  /** Field of the record, e.g. `email`. */
  field: string;
  /** Dutch header text in the header row. */
  header: string;
  /** Cell value → field value (default `cellText`). `undefined` leaves the field out. */
  parse?: (cell: unknown) => unknown;
  /** The column may be absent; the field is then left out (schema default applies). */
  optional?: boolean;
}

export type SheetParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

// ---------------------------------------------------------------- cell conversions

export function isEmptyCell(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Text cell: numbers and booleans become text; empty → undefined. */
export function cellText(cell: unknown): unknown {
  if (isEmptyCell(cell)) return undefined;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return cell;
}

/** Whole number: numbers stay, numeric text becomes a number; anything else is passed on. */
export function cellNumber(cell: unknown): unknown {
  if (isEmptyCell(cell)) return undefined;
  if (typeof cell === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(cell)) return Number(cell);
  return cell;
}

const TRUE_WORDS = ['ja', 'j', 'waar', 'true', 'yes', 'x', '1', 'actief'];
const FALSE_WORDS = ['nee', 'n', 'onwaar', 'false', 'no', '0', 'inactief'];

/** ja/nee, waar/onwaar, checkbox booleans; anything else is passed on. */
export function cellBoolean(cell: unknown): unknown {
  if (isEmptyCell(cell)) return undefined;
  if (typeof cell === 'boolean') return cell;
  const t = String(cell).trim().toLowerCase();
  if (TRUE_WORDS.includes(t)) return true;
  if (FALSE_WORDS.includes(t)) return false;
  return cell;
}

/** Comma-, semicolon- or space-separated list. */
export function cellList(cell: unknown): string[] | undefined {
  if (isEmptyCell(cell)) return undefined;
  return String(cell)
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Steps like `1, 2a, 2B`; `alle` means every step. */
export function cellSteps(cell: unknown): string[] | undefined {
  const list = cellList(cell);
  if (!list) return undefined;
  if (list.length === 1 && list[0]!.toLowerCase() === 'alle') return [...STEP_IDS];
  return list.map((s) => s.toUpperCase());
}

export function cellLowerList(cell: unknown): string[] | undefined {
  return cellList(cell)?.map((s) => s.toLowerCase());
}

/**
 * A date cell: a Date (Sheets gives dates as Date values in the spreadsheet's time zone), a serial
 * day number (the Sheets API's way) or text `jjjj-mm-dd` / `dd-mm-jjjj` becomes `jjjj-mm-dd`; anything else is passed on for the schema.
 */
export function cellDate(cell: unknown): unknown {
  if (isEmptyCell(cell)) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (isDate(cell) && !Number.isNaN(cell.getTime())) {
    return `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`;
  }
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= 1) {
    // A serial day number, as the Sheets API gives a date cell (DateTimeRenderOption
    // SERIAL_NUMBER: whole days since 30 December 1899; the fraction is the time of day).
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const t = String(cell).trim();
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (nl) return `${nl[3]}-${pad(Number(nl[2]))}-${pad(Number(nl[1]))}`;
  return t;
}

/** Partner kind by key or Dutch label; unknown text is passed on for the schema to report. */
export function cellKind(cell: unknown): unknown {
  if (isEmptyCell(cell)) return undefined;
  return partnerKindFromText(String(cell)) ?? cell;
}

// ---------------------------------------------------------------- generic table reading

function normaliseHeader(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function rowIsEmpty(row: readonly unknown[] | undefined): boolean {
  return !row || row.every(isEmptyCell);
}

/**
 * Reads a tab: the first non-empty row is the header row (headers are matched case-insensitively;
 * a trailing "(...)" is ignored; unknown columns are ignored), blank rows are skipped, and the
 * list of records is validated with `schema` (an array schema). Errors carry cell addresses.
 */
export function parseSheetTable<S extends z.ZodType>(
  sheetName: string,
  rows: readonly (readonly unknown[])[],
  schema: S,
  columns: readonly SheetColumn[],
): SheetParseResult<z.output<S>> {
  const headerIndex = rows.findIndex((r) => !rowIsEmpty(r));
  if (headerIndex < 0) {
    return {
      ok: false,
      errors: [`${sheetName}: de kopregel ontbreekt (${columns.map((c) => c.header).join(', ')})`],
    };
  }
  const headerRow = headerIndex + 1;
  const header = rows[headerIndex] ?? [];
  const errors: string[] = [];
  const positions = new Map<string, number>();
  for (const col of columns) {
    const wanted = normaliseHeader(col.header);
    const found = header.map((h, i) => (normaliseHeader(h) === wanted ? i : -1)).filter((i) => i >= 0);
    if (found.length > 1) {
      errors.push(
        `${sheetName}!${columnLetter(found[1]!)}${headerRow}: kolom "${col.header}" staat dubbel in de kopregel`,
      );
    } else if (found.length === 0) {
      if (!col.optional)
        errors.push(`${sheetName} rij ${headerRow}: kolom "${col.header}" ontbreekt in de kopregel`);
    } else positions.set(col.field, found[0]!);
  }
  if (errors.length) return { ok: false, errors };

  const records: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    if (rowIsEmpty(row)) continue;
    const record: Record<string, unknown> = {};
    for (const col of columns) {
      const pos = positions.get(col.field);
      if (pos === undefined) continue;
      const value = (col.parse ?? cellText)(row![pos]);
      if (value !== undefined) record[col.field] = value;
    }
    records.push(record);
    rowNumbers.push(r + 1);
  }

  const parsed = schema.safeParse(records, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const context: SheetContext = {
    sheet: sheetName,
    headerRow,
    columns: Object.fromEntries([...positions].map(([field, pos]) => [field, columnLetter(pos)])),
    firstDataRow: headerRow + 1,
    rowNumbers,
    cell: (index, field) => {
      const pos = positions.get(field);
      const rowNumber = rowNumbers[index];
      return pos === undefined || rowNumber === undefined ? undefined : rows[rowNumber - 1]?.[pos];
    },
  };
  const order = (path: readonly PropertyKey[]) => {
    const row = typeof path[0] === 'number' ? path[0] : -1;
    const col = typeof path[1] === 'string' ? (positions.get(path[1]) ?? 0) : 0;
    return row * 1000 + col;
  };
  const issues = [...parsed.error.issues].sort((a, b) => order(a.path) - order(b.path));
  return { ok: false, errors: formatIssues(issues, context) };
}

// ---------------------------------------------------------------- the Partners tab

export const PARTNERS_SHEET = 'Partners';

/** Dutch headers of the Partners tab, per Partner field. */
export const PARTNER_HEADERS = {
  id: 'Sleutel',
  organisation: 'Organisatie',
  kind: 'Soort',
  contactName: 'Contactpersoon',
  email: 'E-mail',
  steps: 'Stappen',
  levels: 'Niveaus',
  active: 'Actief',
  convenantSigned: 'Convenant getekend',
} as const satisfies Record<keyof Partner, string>;

export const PARTNER_COLUMNS: readonly SheetColumn[] = [
  { field: 'id', header: PARTNER_HEADERS.id },
  { field: 'organisation', header: PARTNER_HEADERS.organisation },
  { field: 'kind', header: PARTNER_HEADERS.kind, parse: cellKind },
  { field: 'contactName', header: PARTNER_HEADERS.contactName },
  { field: 'email', header: PARTNER_HEADERS.email },
  { field: 'steps', header: PARTNER_HEADERS.steps, parse: cellSteps },
  { field: 'levels', header: PARTNER_HEADERS.levels, parse: cellLowerList },
  { field: 'active', header: PARTNER_HEADERS.active, parse: cellBoolean, optional: true },
  { field: 'convenantSigned', header: PARTNER_HEADERS.convenantSigned, parse: cellDate, optional: true },
];

/** Reads the Partners tab (values from A1). */
export function parsePartnerRows(rows: readonly (readonly unknown[])[]): SheetParseResult<Partner[]> {
  return parseSheetTable(PARTNERS_SHEET, rows, PartnerListSchema, PARTNER_COLUMNS);
}

/** Header row plus one row per partner, in PARTNER_COLUMNS order (round trip with parsePartnerRows). */
export function partnersToRows(partners: readonly Partner[]): string[][] {
  return [
    PARTNER_COLUMNS.map((c) => c.header),
    ...partners.map((p) => [
      p.id,
      p.organisation,
      p.kind,
      p.contactName,
      p.email,
      p.steps.join(', '),
      p.levels.join(', '),
      p.active ? 'ja' : 'nee',
      p.convenantSigned ?? '',
    ]),
  ];
}
