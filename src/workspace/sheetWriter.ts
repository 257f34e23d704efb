/**
 * Writes a SheetTable into a tab with a small, fixed number of service calls: one
 * `setValues`, one `setBackgrounds`, one `setFontWeights` (when bold rows exist), one
 * `setFontColors` / `setNotes` when used, whatever the number of rows.
 *
 * Formula injection (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection): every `{ text }` cell is written
 * with a leading apostrophe. Sheets stores a quote-prefixed value as text and drops the
 * apostrophe (reference/spreadsheet/range), so `=IMPORTXML(…)`, `+31…`, `0612345678`, `1/2` and `true`
 * all stay the exact string. Plain string cells are our own labels; they must not start
 * with a formula character or look like a number, date or boolean (asserted before any call).
 */
import type { Cell, SheetTable } from '../render/sheetTable';
import { isTextCell } from '../render/sheetTable';
import { asText, fitCell, label, safeUrl } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type CellValue = string | number | boolean | Date;

/** Turns one cell into what `setValues` gets; throws on an unsafe label. */
export function toSheetValue(cell: Cell, where: string): CellValue {
  if (isTextCell(cell)) {
    if (cell.text === '') return '';
    const text = fitCell(cell.text);
    return asText(text);
  }
  if (typeof cell === 'string') return label(cell, where);
  if (typeof cell === 'number' && !Number.isFinite(cell)) {
    throw new Error(`Interne fout: ongeldig getal in ${where}.`);
  }
  return cell;
}

function checkShape(table: SheetTable): number {
  const width = table.rows[0]?.length ?? 0;
  const grids: [string, unknown[][] | undefined][] = [
    ['rows', table.rows],
    ['backgrounds', table.backgrounds],
    ['fontColors', table.fontColors],
  ];
  for (const [label, grid] of grids) {
    if (!grid) continue;
    if (grid.length !== table.rows.length || grid.some((r) => r.length !== width)) {
      throw new Error(`Interne fout: tabblad ${table.name}: ${label} is niet rechthoekig.`);
    }
  }
  if (table.rows.length > 0 && width === 0)
    throw new Error(`Interne fout: tabblad ${table.name} heeft geen kolommen.`);
  return width;
}

/** Groups equal neighbouring widths so each run costs one `setColumnWidths` call. */
function widthRuns(
  widths: readonly number[],
  columns: number,
): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.slice(0, columns).forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === w && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1, width: w });
  });
  return runs;
}

/**
 * Gets or creates the tab, clears it, fits the grid to the table (one spare row/column beyond
 * the frozen ones so Sheets accepts the freeze), then writes values and formats in bulk.
 */
export function writeSheetTable(ss: Spreadsheet, table: SheetTable, opts: { position?: number } = {}): void {
  const width = checkShape(table);
  const height = table.rows.length;
  const values = table.rows.map((row, r) =>
    row.map((c, col) => toSheetValue(c, `${table.name}!R${r + 1}C${col + 1}`)),
  );
  const frozenRows = table.frozenRows;
  const frozenColumns = table.frozenColumns ?? 0;

  const existing = ss.getSheetByName(table.name);
  const created = !existing;
  const sheet: Sheet =
    existing ??
    (opts.position === undefined ? ss.insertSheet(table.name) : ss.insertSheet(table.name, opts.position));
  if (!created) sheet.clear();

  // Grow first, then freeze, then shrink: a freeze needs the rows to exist, and deleting rows
  // must leave at least one row below the frozen ones (reference/spreadsheet/sheet).
  const wantRows = Math.max(height, frozenRows + 1, 1);
  const wantCols = Math.max(width, frozenColumns + 1, 1);
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows < wantRows) sheet.insertRowsAfter(maxRows, wantRows - maxRows);
  if (maxCols < wantCols) sheet.insertColumnsAfter(maxCols, wantCols - maxCols);
  if (!created || frozenRows > 0) sheet.setFrozenRows(frozenRows);
  if (!created || frozenColumns > 0) sheet.setFrozenColumns(frozenColumns);
  if (maxRows > wantRows) sheet.deleteRows(wantRows + 1, maxRows - wantRows);
  if (maxCols > wantCols) sheet.deleteColumns(wantCols + 1, maxCols - wantCols);

  if (height > 0) {
    const range = sheet.getRange(1, 1, height, width);
    range.setValues(values);
    if (table.backgrounds) range.setBackgrounds(table.backgrounds as string[][]);
    if (table.boldRows && table.boldRows.length > 0) {
      const bold = new Set(table.boldRows);
      range.setFontWeights(table.rows.map((row, r) => row.map(() => (bold.has(r) ? 'bold' : 'normal'))));
    }
    if (table.fontColors) range.setFontColors(table.fontColors);
    if (table.notes && table.notes.length > 0) {
      const notes: (string | null)[][] = table.rows.map((row) => row.map(() => null));
      for (const n of table.notes) {
        const line = notes[n.row];
        if (line && n.column >= 0 && n.column < width) line[n.column] = n.note;
      }
      range.setNotes(notes);
    }
    writeLinks(sheet, table, values);
  }

  // Column widths only on a new tab or when the number of columns changed: a rewrite of the
  // same shape keeps widths the coordinator set by hand and saves a call per column run.
  if (created || maxCols !== wantCols) {
    for (const run of widthRuns(table.columnWidths ?? [], width)) {
      sheet.setColumnWidths(run.start, run.count, run.width);
    }
  }
  if (table.tabColor !== undefined || !created) sheet.setTabColor(table.tabColor ?? null);
  if (table.hidden) sheet.hideSheet();
  else if (!created) sheet.showSheet();
}

/**
 * The links of a table as RichTextValues (reference/spreadsheet/rich-text-value-builder#setlinkurllinkurl):
 * per column one `setRichTextValues` over the rows from its first to its last link; the cells in
 * between keep their text (without a link).
 */
function writeLinks(sheet: Sheet, table: SheetTable, values: CellValue[][]): void {
  const byColumn = new Map<number, Map<number, string>>();
  for (const l of table.links ?? []) {
    const col = byColumn.get(l.column) ?? new Map<number, string>();
    col.set(l.row, safeUrl(l.url, table.name));
    byColumn.set(l.column, col);
  }
  for (const [column, rows] of byColumn) {
    const first = Math.min(...rows.keys());
    const last = Math.max(...rows.keys());
    const rich = [];
    for (let r = first; r <= last; r++) {
      const cell = table.rows[r]?.[column];
      const text = cell === undefined ? '' : isTextCell(cell) ? cell.text : String(values[r]?.[column] ?? '');
      const builder = SpreadsheetApp.newRichTextValue().setText(text);
      const url = rows.get(r);
      rich.push([(url ? builder.setLinkUrl(url) : builder).build()]);
    }
    sheet.getRange(first + 1, column + 1, rich.length, 1).setRichTextValues(rich);
  }
}

/** All values of a tab (`[]` when it is empty), or `null` when the tab does not exist. */
export function readSheetRows(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  if (values.length === 1 && values[0]?.length === 1 && values[0][0] === '') return [];
  return values;
}
