/**
 * System tables: hidden tabs in a spreadsheet that hold the product's own records (form
 * registry, answer ledger, outbox, decisions, plan, log). Each table is read with one
 * getValues and appended to with one setValues; rows are found by key, never by position.
 */
import { asText, label } from './cells';

export type CellValue = string | number;
export type Row = Record<string, CellValue>;

export interface TableDef {
  name: string;
  columns: readonly string[];
  /** Columns that hold numbers; all others are stored as text. */
  numeric?: readonly string[];
  /** Visible tab (register lists); system tables are hidden. */
  visible?: boolean;
}

function sheetFor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef) {
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
export function ensureTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef): void {
  sheetFor(ss, def);
}

function toCell(def: TableDef, col: string, v: CellValue | undefined): CellValue {
  if (def.numeric?.includes(col)) return typeof v === 'number' ? v : Number(v ?? 0);
  return v === undefined || v === '' ? '' : asText(String(v));
}

function fromCell(def: TableDef, col: string, v: unknown): CellValue {
  if (def.numeric?.includes(col)) return typeof v === 'number' ? v : Number(v || 0);
  if (v instanceof Date) return v.toISOString();
  return v === null || v === undefined ? '' : String(v);
}

/** All data rows as records (header row skipped). */
export function readTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef): Row[] {
  const sh = ss.getSheetByName(def.name);
  if (!sh) return [];
  const last = sh.getLastRow();
  if (last < 2) return [];
  const values = sh.getRange(2, 1, last - 1, def.columns.length).getValues();
  return values.map((r) => {
    const row: Row = {};
    def.columns.forEach((c, i) => {
      row[c] = fromCell(def, c, r[i]);
    });
    return row;
  });
}

/** Appends rows with one write; grows the grid first when needed. */
export function appendRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef, rows: Row[]): void {
  if (rows.length === 0) return;
  const sh = sheetFor(ss, def);
  const start = sh.getLastRow() + 1;
  const needed = start + rows.length - 1 - sh.getMaxRows();
  if (needed > 0) sh.insertRowsAfter(sh.getMaxRows(), needed);
  sh.getRange(start, 1, rows.length, def.columns.length).setValues(
    rows.map((r) => def.columns.map((c) => toCell(def, c, r[c]))),
  );
}

/** Rewrites one data row in place (index = position in readTable's result). */
export function updateRow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  def: TableDef,
  index: number,
  row: Row,
): void {
  const sh = sheetFor(ss, def);
  sh.getRange(index + 2, 1, 1, def.columns.length).setValues([
    def.columns.map((c) => toCell(def, c, row[c])),
  ]);
}

/**
 * Replaces all data rows with ONE write: the new rows, padded with blank rows over what was
 * there before. A crash can never leave the table half cleared (there is no separate clear).
 */
export function replaceTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef, rows: Row[]): void {
  const sh = sheetFor(ss, def);
  const old = Math.max(sh.getLastRow() - 1, 0);
  const n = Math.max(old, rows.length);
  if (n === 0) return;
  const needed = 1 + n - sh.getMaxRows();
  if (needed > 0) sh.insertRowsAfter(sh.getMaxRows(), needed);
  const blank = def.columns.map(() => '');
  const values = [
    ...rows.map((r) => def.columns.map((c) => toCell(def, c, r[c]))),
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
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
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
export function writeColumn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  def: TableDef,
  column: string,
  values: CellValue[],
): void {
  const index = def.columns.indexOf(column);
  if (index < 0) throw new Error(`Interne fout: tabel ${def.name} heeft geen kolom ${column}.`);
  if (values.length === 0) return;
  const sh = sheetFor(ss, def);
  sh.getRange(2, index + 1, values.length, 1).setValues(values.map((v) => [toCell(def, column, v)]));
}
