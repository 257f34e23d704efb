/** Tabs of a spreadsheet as a whole: whether one exists, its raw values, removing unused ones. */
import { type Book, spreadsheetId } from './spreadsheets';

/**
 * Developer metadata key on the tab of every system table, with the table's name as value: the
 * tab is found again by it when someone renames it by hand (workspace/tables.ts relocate).
 */
export const SYSTEM_TABLE_KEY = 'systeemtabel';

export function hasTab(ss: Book, name: string): boolean {
  return ss.getSheetByName(name) !== null;
}

/**
 * Deletes one row of a tab (reference/spreadsheet/sheet#deleteRow(Integer)); the rows below move
 * up. Nothing when the tab does not exist.
 */
export function deleteTabRow(ss: Book, name: string, row: number): void {
  ss.getSheetByName(name)?.deleteRow(row);
}

/** All values of the tab's data range (`[['']]` for an empty tab), or null when it does not exist. */
export function tabValues(ss: Book, name: string): unknown[][] | null {
  const sh = ss.getSheetByName(name);
  if (!sh) return null;
  return sh.getDataRange().getValues();
}

/**
 * The values of several tabs at once, keyed by name (null for a tab that does not exist), each
 * shaped like `getDataRange().getValues()`: a rectangle, `[['']]` for an empty tab.
 *
 * Where the Sheets advanced service is enabled this is ONE `Sheets.Spreadsheets.Values.batchGet`
 * (spreadsheets.values/batchGet; a range of only a tab name is the whole tab). Its values are
 * UNFORMATTED_VALUE: numbers and booleans as such, text as typed; a date cell comes back as its
 * serial day number (DateTimeRenderOption SERIAL_NUMBER: days since 30 December 1899), which
 * `cellDate` in model/sheetTable.ts reads. The API refuses the whole request when one tab is
 * missing; then, and without the service, every tab is read on its own — or, with
 * `tabByTab: false`, nothing more is read and the map is empty (the caller reads fewer tabs).
 */
export function readTabs(
  ss: Book,
  names: readonly string[],
  opts: { tabByTab?: boolean } = {},
): Map<string, unknown[][] | null> {
  const out = new Map<string, unknown[][] | null>();
  const api = sheetsApi();
  if (api?.Values) {
    let got: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse | null = null;
    try {
      got = api.Values.batchGet(spreadsheetId(ss), {
        ranges: names.map((n) => `'${n.replace(/'/g, "''")}'`),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      });
    } catch {
      // A tab is missing (or the call failed): the tab-by-tab reads below say which.
      got = null;
    }
    if (got) {
      names.forEach((n, k) => {
        out.set(n, rectangle((got!.valueRanges?.[k]?.values ?? []) as unknown[][]));
      });
      return out;
    }
  }
  if (opts.tabByTab === false) return out;
  for (const n of names) out.set(n, tabValues(ss, n));
  return out;
}

/** Rows padded with '' to the widest row, `[['']]` when there are none (as getDataRange gives). */
function rectangle(rows: unknown[][]): unknown[][] {
  if (rows.length === 0) return [['']];
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length === width ? r : [...r, ...Array(width - r.length).fill('')]));
}

/**
 * Plain-text number format (`@`) for every cell of the table's `width` columns below the header
 * row, so what the coordinator types (a scale like 1-5, an id like 2A.x) is not turned into a
 * date or a number.
 */
export function setTextFormatBelowHeader(ss: Book, name: string, headerRows: number, width: number): void {
  const sh = ss.getSheetByName(name);
  if (sh) plainTextBelow(sh, headerRows, width);
}

/**
 * Plain-text number format (`@`) for the first `width` columns of `sh` below its first
 * `headerRows` rows: the columns the product reads. Columns to the right of the table keep the
 * sheet's own format (the product never reads them), and the tab carries no format on the
 * thousands of cells it does not use.
 */
export function plainTextBelow(
  sh: GoogleAppsScript.Spreadsheet.Sheet,
  headerRows: number,
  width: number,
): void {
  const rows = sh.getMaxRows();
  if (rows <= headerRows || width < 1) return;
  sh.getRange(headerRows + 1, 1, rows - headerRows, width).setNumberFormat('@');
}

/** The id of the first tab (the default "Sheet1"/"Blad1" of a new spreadsheet), if any. */
export function firstTabId(ss: Book): number | null {
  return ss.getSheets()[0]?.getSheetId() ?? null;
}

/** Removes the tab with this id, unless it is the last tab (a spreadsheet keeps at least one). */
export function removeTabById(ss: Book, sheetId: number): void {
  const sh = ss.getSheetById(sheetId);
  if (sh && ss.getSheets().length > 1) ss.deleteSheet(sh);
}

/** Removes tabs that are completely empty and not named in `keep`; never the last tab. */
export function removeEmptyTabs(ss: Book, keep: ReadonlySet<string>): void {
  for (const sh of ss.getSheets()) {
    if (keep.has(sh.getName()) || ss.getSheets().length <= 1) continue;
    if (sh.getLastRow() === 0 && sh.getLastColumn() === 0) ss.deleteSheet(sh);
  }
}

/** The Sheets advanced service's spreadsheets collection, or null where the service is off. */
export function sheetsApi(): NonNullable<GoogleAppsScript.Sheets['Spreadsheets']> | null {
  return typeof Sheets !== 'undefined' && Sheets?.Spreadsheets ? Sheets.Spreadsheets : null;
}

/** Whether the Sheets advanced service is enabled in this project. */
export function sheetsServiceOn(): boolean {
  return sheetsApi() !== null;
}

/**
 * The names of all tabs: one `Sheets.Spreadsheets.get` where the Sheets advanced service is
 * enabled (spreadsheets/get, `fields` narrows the answer to the titles), otherwise
 * `getSheets` plus one `getName` per tab.
 */
export function tabNames(ss: Book): string[] {
  const api = sheetsApi();
  if (api) {
    const meta = api.get(spreadsheetId(ss), { fields: 'sheets.properties.title' });
    return (meta.sheets ?? []).map((s) => s.properties?.title ?? '');
  }
  return ss.getSheets().map((s) => s.getName());
}

/**
 * Renames tab `from` to `to`, hides it and writes `header` as its first row (growing the grid
 * when the header is wider): a visible list that becomes a system table, data untouched. Only
 * when `from` exists, `to` does not, and the first row starts with `header[0]`, `header[1]` and
 * contains `mustHave`. Returns whether it did.
 */
export function turnIntoSystemTab(
  ss: Book,
  from: string,
  to: string,
  header: readonly string[],
  mustHave: string,
): boolean {
  if (ss.getSheetByName(to)) return false;
  const sh = ss.getSheetByName(from);
  if (!sh || sh.getLastColumn() === 0) return false;
  const first = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0] ?? [];
  // The first columns must be those of the system table (a view with the same headers in
  // another order is not it).
  if (first[0] !== header[0] || first[1] !== header[1] || !first.includes(mustHave)) return false;
  sh.setName(to);
  if (sh.getMaxColumns() < header.length)
    sh.insertColumnsAfter(sh.getMaxColumns(), header.length - sh.getMaxColumns());
  sh.getRange(1, 1, 1, header.length).setValues([[...header]]);
  sh.hideSheet();
  sh.addDeveloperMetadata(SYSTEM_TABLE_KEY, to);
  return true;
}

/** Deletes every tab whose name starts with `prefix` (system tables) except `keep`; never the last tab. */
export function removeTabsStartingWith(ss: Book, prefix: string, keep: readonly string[] = []): string[] {
  const removed: string[] = [];
  for (const sh of ss.getSheets()) {
    const name = sh.getName();
    if (!name.startsWith(prefix) || keep.includes(name) || ss.getSheets().length <= 1) continue;
    ss.deleteSheet(sh);
    removed.push(name);
  }
  return removed;
}
