/**
 * System tables: hidden tabs in a spreadsheet that hold the product's own records (form
 * registry, answer ledger, outbox, decisions, plan, log). Each table is read with one
 * getValues and appended to with one setValues; rows are found by key, never by position.
 */
import { UserError } from '../model/errors';
import { asText, label } from './cells';
import type { Book } from './spreadsheets';

export type CellValue = string | number;
/** Any row, for code that handles every table alike. */
export type Row = Record<string, CellValue>;

/** Allowed texts per column (a closed list; include `''` when the cell may be blank). */
export type Choices<C extends string> = { readonly [K in C]?: readonly string[] };

/**
 * A table: its tab name and columns. `numeric` columns are read as numbers, `choices` columns
 * as one of their listed texts, every other column as text. Made with `table()`, so the column
 * names are literal types and a row read from the table has exactly those fields, each with
 * its type (`TableRow`): no cast is needed where a row is used.
 */
export interface TableDef<C extends string = string, N extends C = C, E extends Choices<C> = Choices<C>> {
  name: string;
  columns: readonly C[];
  /** Columns that hold numbers; all others are stored as text. */
  numeric?: readonly N[];
  /** Columns that hold one of a closed list of texts. */
  choices?: E;
  /** Visible tab (register lists); system tables are hidden. */
  visible?: boolean;
}

type ChoiceOf<E, K> = K extends keyof E
  ? E[K] extends readonly (infer V extends string)[]
    ? V
    : string
  : string;

/** A row of a table with columns C of which N are numeric and E have a closed list. */
export type TableRow<C extends string, N extends string, E = {}> = {
  [K in C]: K extends N ? number : ChoiceOf<E, K>;
};
/** What may be written: any subset of the columns (a missing cell is written blank or 0). */
export type TableInput<C extends string, N extends string, E = {}> = {
  [K in C]?: K extends N ? number : K extends keyof E ? ChoiceOf<E, K> : CellValue;
};
/** The row type of a table definition, e.g. `RowOf<typeof FORMS>`. */
export type RowOf<D> = D extends TableDef<infer C, infer N, infer E> ? TableRow<C, N, E> : never;

export function table<
  const C extends string,
  const N extends C = never,
  const E extends Choices<C> = {},
>(def: {
  name: string;
  columns: readonly C[];
  numeric?: readonly N[];
  choices?: E;
  visible?: boolean;
}): TableDef<C, N, E> {
  return def as TableDef<C, N, E>;
}

function sheetFor(ss: Book, def: TableDef) {
  let sh = ss.getSheetByName(def.name);
  if (!sh) {
    sh = ss.insertSheet(def.name, ss.getNumSheets());
    sh.getRange(1, 1, 1, def.columns.length).setValues([def.columns.map((c) => label(c))]);
    sh.setFrozenRows(1);
    if (!def.visible) sh.hideSheet();
  }
  return sh;
}

/** Creates the tab with its header row when it does not exist yet. */
export function ensureTable(ss: Book, def: TableDef): void {
  sheetFor(ss, def);
}

function toCell(def: TableDef, col: string, v: CellValue | undefined): CellValue {
  if (def.numeric?.includes(col)) return typeof v === 'number' ? v : Number(v ?? 0);
  return v === undefined || v === '' ? '' : asText(String(v));
}

/** Column letter(s) of a 0-based column index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * One cell as its column's type. A numeric column accepts a number, a blank (0), numeric text
 * and a date (its time in ms); anything else is refused naming the cell, never its content
 * (a name typed in the wrong place must not travel into an error message or a log).
 */
function fromCell(def: TableDef, col: string, index: number, rowNumber: number, v: unknown): CellValue {
  if (def.numeric?.includes(col)) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === null || v === undefined || v === '') return 0;
    if (v instanceof Date) return v.getTime();
    if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
    throw new UserError(
      `${def.name}!${columnLetter(index)}${rowNumber} (${col}): hier hoort een getal te staan. Herstel de cel of zet de vorige waarde terug.`,
    );
  }
  const text = v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v);
  const allowed = def.choices?.[col];
  if (allowed && !allowed.includes(text)) {
    throw new UserError(
      `${def.name}!${columnLetter(index)}${rowNumber} (${col}): hier hoort een van ${allowed.map((a) => (a === '' ? '(leeg)' : a)).join(', ')} te staan. Herstel de cel of zet de vorige waarde terug.`,
    );
  }
  return text;
}

/** All data rows as records typed by the table's columns (header row skipped). */
export function readTable<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
): TableRow<C, N, E>[] {
  const sh = ss.getSheetByName(def.name);
  if (!sh) return [];
  const last = sh.getLastRow();
  if (last < 2) return [];
  const values = sh.getRange(2, 1, last - 1, def.columns.length).getValues();
  return values.map((r, i) => {
    const row: Row = {};
    def.columns.forEach((c, j) => {
      row[c] = fromCell(def, c, j, i + 2, r[j]);
    });
    return row as TableRow<C, N, E>;
  });
}

/** Appends rows with one write; grows the grid first when needed. */
export function appendRows<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  rows: TableInput<C, N, E>[],
): void {
  if (rows.length === 0) return;
  const sh = sheetFor(ss, def);
  const start = sh.getLastRow() + 1;
  const needed = start + rows.length - 1 - sh.getMaxRows();
  if (needed > 0) sh.insertRowsAfter(sh.getMaxRows(), needed);
  sh.getRange(start, 1, rows.length, def.columns.length).setValues(
    rows.map((r) => def.columns.map((c) => toCell(def, c, r[c] as CellValue | undefined))),
  );
}

/** Rewrites one data row in place (index = position in readTable's result). */
export function updateRow<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  index: number,
  row: TableInput<C, N, E>,
): void {
  const sh = sheetFor(ss, def);
  sh.getRange(index + 2, 1, 1, def.columns.length).setValues([
    def.columns.map((c) => toCell(def, c, row[c] as CellValue | undefined)),
  ]);
}

/**
 * Replaces all data rows with ONE write: the new rows, padded with blank rows over what was
 * there before. A crash can never leave the table half cleared (there is no separate clear).
 */
export function replaceTable<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  rows: TableInput<C, N, E>[],
): void {
  const sh = sheetFor(ss, def);
  const old = Math.max(sh.getLastRow() - 1, 0);
  const n = Math.max(old, rows.length);
  if (n === 0) return;
  const needed = 1 + n - sh.getMaxRows();
  if (needed > 0) sh.insertRowsAfter(sh.getMaxRows(), needed);
  const blank = def.columns.map(() => '');
  const values = [
    ...rows.map((r) => def.columns.map((c) => toCell(def, c, r[c] as CellValue | undefined))),
    ...Array.from({ length: n - rows.length }, () => blank),
  ];
  sh.getRange(2, 1, n, def.columns.length).setValues(values);
}

/**
 * Writes a tab the coordinator edits (settings, partners, questions, plan): the first
 * `headerRows` rows are our labels, in bold and frozen; every other string is written as text
 * (never a formula or a number), numbers as numbers. One write for all values.
 */
export function writeEditableTab(
  ss: Book,
  name: string,
  rows: (string | number)[][],
  headerRows = 1,
): GoogleAppsScript.Spreadsheet.Sheet {
  let sh = ss.getSheetByName(name);
  if (!sh) sh = ss.insertSheet(name, ss.getNumSheets());
  sh.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r, i) =>
    Array.from({ length: width }, (_, c) => {
      const v = r[c] ?? '';
      if (v === '') return '';
      if (i < headerRows) return label(String(v));
      return typeof v === 'number' ? v : asText(v);
    }),
  );
  sh.getRange(1, 1, grid.length, width).setValues(grid);
  sh.getRange(headerRows, 1, 1, width).setFontWeight('bold');
  sh.setFrozenRows(headerRows);
  return sh;
}

/**
 * Rewrites one column of the first `values.length` data rows with one write, leaving the
 * other columns (what the coordinator typed) untouched.
 */
export function writeColumn<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  column: C,
  values: CellValue[],
): void {
  const index = def.columns.indexOf(column);
  if (index < 0) throw new Error(`Interne fout: tabel ${def.name} heeft geen kolom ${column}.`);
  if (values.length === 0) return;
  const sh = sheetFor(ss, def);
  sh.getRange(2, index + 1, values.length, 1).setValues(values.map((v) => [toCell(def, column, v)]));
}
