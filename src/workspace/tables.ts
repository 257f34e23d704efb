/**
 * System tables: hidden tabs in a spreadsheet that hold the product's own records (form
 * registry, answer ledger, outbox, decisions, plan, log). Each table is read with one
 * getValues and appended to with one setValues; rows are found by key, never by position.
 */

import { UserError } from '../model/errors';
import { columnLetter } from '../model/issues';
import { isDate } from '../model/time';
import { asText, label } from './cells';
import { type Book, spreadsheetId } from './spreadsheets';
import { plainTextBelow, SYSTEM_TABLE_KEY, sheetsApi } from './tabs';

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

// ---- per-execution cache ---------------------------------------------------------------------
//
// Inside `withTableCache` (the script lock: one action at a time) every table is read at most
// once: rows are kept per spreadsheet id and table name, and every write through this module
// updates the kept rows as well as the sheet. Outside it, every read goes to the sheet.
//
// The cache also keeps, per table, what a write needs to know about its tab: the Sheet handle
// (one `getSheetByName` per table per run), the last row with content and the grid's row count.
// Nobody else writes the tables while the lock is held, so after the first read or write these
// follow from our own writes: an append is then one `getRange` + one `setValues`, however many
// forms, mails or log lines a run appends one after the other.

interface CachedTable {
  rows: Row[];
}
/** What is known about a table's tab in this run (undefined: not known yet, ask the sheet). */
interface TabState {
  sheet?: GoogleAppsScript.Spreadsheet.Sheet;
  /** The last row with content (the header row is row 1). */
  lastRow?: number;
  /** Rows in the grid (`getMaxRows`). */
  maxRows?: number;
}
let cache: Map<string, CachedTable> | null = null;
let tabStates: Map<string, TabState> | null = null;
/** Per spreadsheet id: the tabs that carry a system-table tag, as asked once in this run. */
let tagMemo: Map<string, TaggedTabs> | null = null;
/** Which `withTableCache` scope is running (0: none); a read outside it may only be used outside. */
let scope = 0;
let scopes = 0;
/** The spreadsheet's id, asked once per handle (workspace/spreadsheets). */
const idOf = spreadsheetId;

function cacheKey(ss: Book, name: string): string {
  return `${idOf(ss)}\u0000${name}`;
}

/** Runs `fn` with the table cache on (nested calls share the outer cache). */
export function withTableCache<T>(fn: () => T): T {
  if (cache) return fn();
  cache = new Map();
  tabStates = new Map();
  tagMemo = new Map();
  scope = ++scopes;
  try {
    return fn();
  } finally {
    cache = null;
    tabStates = null;
    tagMemo = null;
    scope = 0;
  }
}

/**
 * The running `withTableCache` scope (0 outside one). Rows read in one scope may be used in that
 * scope only: outside the lock another action may change a table at any moment.
 */
export function tableScope(): number {
  return scope;
}

/**
 * A table from its tab's values as read in one batch with other tabs (workspace/tabs readTabs:
 * header row first, then the data rows). Inside `withTableCache` the rows are kept like any
 * read, so later reads and writes of the table in this action need no call.
 */
export function tableFromTab<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  values: readonly (readonly unknown[])[],
): TableRow<C, N, E>[] {
  const blank = (r: readonly unknown[] | undefined) => !r || r.every((v) => v === '' || v === null);
  // getLastRow: the last row with content (0 for an empty tab).
  let last = values.length;
  while (last > 0 && blank(values[last - 1])) last--;
  const rows = rowsOfValues(def, values.slice(0, last));
  if (cache) {
    cache.set(cacheKey(ss, def.name), { rows });
    tabState(ss, def)!.lastRow = last;
  }
  return copyRows(rows);
}

/** Whether this action read (or wrote) the table already: a read costs no call. */
export function tableCached(ss: Book, def: TableDef): boolean {
  return cached(ss, def) !== undefined;
}

function cached(ss: Book, def: TableDef): CachedTable | undefined {
  return cache?.get(cacheKey(ss, def.name));
}

/** The kept state of a table's tab; undefined outside `withTableCache`. */
function tabState(ss: Book, def: TableDef): TabState | undefined {
  if (!tabStates) return undefined;
  const key = cacheKey(ss, def.name);
  let st = tabStates.get(key);
  if (!st) {
    st = {};
    tabStates.set(key, st);
  }
  return st;
}

/** What a read returns for a row just written (the value stored by toCell, read back). */
function asRead(def: TableDef, r: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of def.columns) {
    const v = r[c];
    if (def.numeric?.includes(c)) row[c] = Number(v ?? 0);
    else row[c] = v === undefined || v === null ? '' : String(v);
  }
  return row;
}

function copyRows<T>(rows: Row[]): T[] {
  return rows.map((r) => ({ ...r }) as T);
}

/**
 * Reads every listed table that is not cached yet with ONE `Sheets.Spreadsheets.Values.batchGet`
 * (after one `Sheets.Spreadsheets.get` for the tab names: the API refuses a range on a tab that
 * does not exist). Only inside `withTableCache`, and only where the Sheets advanced service is
 * enabled; otherwise each table is read on first use.
 */
export function prefetchTables(ss: Book, defs: readonly TableDef[]): void {
  const api = sheetsApi();
  if (!cache || !api) return;
  const todo = defs.filter((d) => !cached(ss, d));
  if (todo.length === 0) return;
  const id = idOf(ss);
  // The grid's row count comes with the titles (spreadsheets/get, SheetProperties.gridProperties):
  // an append later in this run need not ask for it.
  // The same call brings each tab's developer metadata (Sheet.developerMetadata,
  // reference/rest/v4/spreadsheets/sheets#Sheet): a system table renamed by hand is found by
  // its tag at no extra call.
  const meta = api.get(id, {
    fields:
      'sheets(properties(sheetId,title,gridProperties.rowCount),developerMetadata(metadataKey,metadataValue))',
  });
  const rowCounts = new Map<string, number>();
  for (const sh of meta.sheets ?? []) {
    const title = sh.properties?.title;
    const rowCount = sh.properties?.gridProperties?.rowCount;
    if (typeof title === 'string' && typeof rowCount === 'number') rowCounts.set(title, rowCount);
  }
  const tags = tagsOfSheets(meta.sheets ?? []);
  tagMemo!.set(id, tags);
  const titles = new Set(rowCounts.keys());
  // A table's tab made before tabs were tagged gets its tag now, once (a tagged tab costs nothing).
  const tagged = new Set([...tags.values()].flat().map((t) => t.title));
  for (const d of todo.filter((t) => titles.has(t.name) && !tagged.has(t.name))) {
    const sh = ss.getSheetByName(d.name);
    if (!sh) continue;
    sh.addDeveloperMetadata(SYSTEM_TABLE_KEY, d.name);
    tabState(ss, d)!.sheet = sh;
  }
  // A table missing by name whose tagged tab is there under another name gets its name back
  // (or the run stops when two tabs could be it) before anything is read or written.
  for (const d of todo.filter((t) => !titles.has(t.name))) {
    const from = relocate(ss, d);
    if (from === null) continue;
    rowCounts.set(d.name, rowCounts.get(from) ?? 0);
    rowCounts.delete(from);
    // The old name is free now (were it another table's name, that table is missing now).
    titles.delete(from);
    titles.add(d.name);
  }
  const missing = todo.filter((d) => !titles.has(d.name));
  for (const d of missing) cache.set(cacheKey(ss, d.name), { rows: [] });
  const present = todo.filter((d) => titles.has(d.name));
  if (present.length === 0) {
    reportRestored();
    return;
  }
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
  // From row 1: the header comes with the rows, so a moved column is noticed at no extra call.
  const got = api.Values!.batchGet(id, {
    ranges: present.map((d) => `${quote(d.name)}!A1:${columnLetter(d.columns.length - 1)}`),
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'FORMATTED_STRING',
  });
  // Every header first: a run that finds one table changed by hand reads none and writes nothing.
  present.forEach((d, k) => {
    checkHeader(d, got.valueRanges?.[k]?.values?.[0] ?? []);
  });
  present.forEach((d, k) => {
    const values = got.valueRanges?.[k]?.values ?? [];
    cache!.set(cacheKey(ss, d.name), { rows: values.slice(1).map((r, i) => rowFromValues(d, r, i + 2)) });
    // The API leaves out trailing empty rows (ValueRange.values), so the last row with content
    // is the number of rows returned, the header included. The columns past the table's own hold nothing.
    const st = tabState(ss, d)!;
    st.lastRow = Math.max(values.length, 1);
    st.maxRows = rowCounts.get(d.name);
  });
  reportRestored();
}

// ---- system tables renamed by hand -----------------------------------------------------------
//
// A system table is read by its tab's name. Each tab the product makes for one carries developer
// metadata with key SYSTEM_TABLE_KEY and the table's name as value (Sheet.addDeveloperMetadata,
// reference/spreadsheet/sheet#adddevelopermetadatakey,-value). Metadata "will remain associated
// at those locations as they move around and the spreadsheet is edited" and is bound to the
// sheet's id (DeveloperMetadataLocation.sheetId), not its title; "if the associated object is
// deleted its metadata is deleted too" (Sheets API reference/rest/v4/spreadsheets.developerMetadata).
// So when a table's tab is missing by name, its tab is looked up by tag before a new, empty one is
// ever made: the data of a renamed `_besluiten` or `_uitgaand` is never left behind.

/** Per table name: the tabs tagged with it (id and current title). */
type TaggedTabs = Map<string, { sheetId: number; title: string }[]>;

function tagsOfSheets(sheets: readonly GoogleAppsScript.Sheets.Schema.Sheet[]): TaggedTabs {
  const out: TaggedTabs = new Map();
  for (const sh of sheets) {
    const title = sh.properties?.title;
    const sheetId = sh.properties?.sheetId;
    if (typeof title !== 'string' || typeof sheetId !== 'number') continue;
    for (const m of sh.developerMetadata ?? []) {
      if (m.metadataKey !== SYSTEM_TABLE_KEY || !m.metadataValue) continue;
      const list = out.get(m.metadataValue) ?? [];
      list.push({ sheetId, title });
      out.set(m.metadataValue, list);
    }
  }
  return out;
}

/**
 * The tagged tabs of the spreadsheet: kept from this run's prefetch, else ONE
 * `Sheets.Spreadsheets.get` (spreadsheets/get with the sheets' developerMetadata), else (Sheets
 * service off) through a DeveloperMetadataFinder (reference/spreadsheet/developer-metadata-finder).
 * Asked only when a table is missing by name.
 */
function taggedTabs(ss: Book): TaggedTabs {
  const id = idOf(ss);
  const kept = tagMemo?.get(id);
  if (kept) return kept;
  const api = sheetsApi();
  let tags: TaggedTabs;
  if (api) {
    const meta = api.get(id, {
      fields: 'sheets(properties(sheetId,title),developerMetadata(metadataKey,metadataValue))',
    });
    tags = tagsOfSheets(meta.sheets ?? []);
  } else {
    tags = new Map();
    const found = ss.createDeveloperMetadataFinder().withKey(SYSTEM_TABLE_KEY).find();
    for (const m of found) {
      const value = m.getValue();
      const where = m.getLocation();
      // Only metadata on a whole sheet (an enum prints as its name).
      if (!value || String(where.getLocationType()) !== 'SHEET') continue;
      const sh = where.getSheet();
      if (!sh) continue;
      const list = tags.get(value) ?? [];
      list.push({ sheetId: sh.getSheetId(), title: sh.getName() });
      tags.set(value, list);
    }
  }
  tagMemo?.set(id, tags);
  return tags;
}

/** Tabs given their name back in this run, to be reported once the read or write is done. */
const restored: { ss: Book; table: string; from: string }[] = [];
type RestoredListener = (ss: Book, table: string, from: string) => void;
const listeners = new Set<RestoredListener>();
let reporting = false;

/**
 * Who hears of a system tab that was given its name back (workflow/log.ts writes it in the
 * case's Logboek). Tab names are no personal data. Returns a function that stops listening.
 */
export function onTableRestored(fn: RestoredListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function reportRestored(): void {
  if (reporting || restored.length === 0) return;
  reporting = true;
  try {
    while (restored.length > 0) {
      const r = restored.shift()!;
      for (const fn of listeners) fn(r.ss, r.table, r.from);
    }
  } finally {
    reporting = false;
  }
}

/**
 * A table whose tab is missing by name: when exactly one tab carries its tag under another name,
 * that tab is renamed back (`Sheet.setName`) and the old name returned; with none, null (the
 * tab was deleted: a write makes a new, empty one, as before). With two or more the run stops
 * before it writes anything, naming the tabs.
 */
function relocate(ss: Book, def: TableDef): string | null {
  const candidates = (taggedTabs(ss).get(def.name) ?? []).filter((t) => t.title !== def.name);
  if (candidates.length === 0) return null;
  const names = candidates.map((c) => `'${c.title}'`);
  if (candidates.length > 1) {
    throw new UserError(
      `Het systeemtabblad ${def.name} is niet gevonden, maar ${names.length} tabbladen kunnen het zijn: ${names.join(' en ')}. ` +
        `Geef het juiste tabblad de naam ${def.name} terug (en verwijder of hernoem de andere); er is niets bijgewerkt of geschreven.`,
    );
  }
  const found = candidates[0]!;
  const from = found.title;
  const sh = ss.getSheetById(found.sheetId);
  if (!sh) return null;
  sh.setName(def.name);
  found.title = def.name;
  const st = tabState(ss, def);
  if (st) st.sheet = sh;
  restored.push({ ss, table: def.name, from });
  return from;
}

/**
 * A table of the spreadsheet with this id, read without opening it: one
 * `Sheets.Spreadsheets.Values.batchGet` by id (spreadsheets.values/batchGet) where the Sheets
 * advanced service is on. The API refuses a range on a tab that does not exist; then, and
 * without the service, the spreadsheet is opened and the table read as usual (none: no rows).
 * Inside `withTableCache` kept like any read, under the same key as a read through a handle.
 */
export function readTableById<C extends string, N extends C, E extends Choices<C>>(
  id: string,
  def: TableDef<C, N, E>,
  open: (id: string) => Book,
): TableRow<C, N, E>[] {
  const key = `${id}\u0000${def.name}`;
  const hit = cache?.get(key);
  if (hit) return copyRows(hit.rows);
  const values = valuesByApi(id, def);
  if (values === null) return readTable(open(id), def);
  const rows = rowsOfValues(def, values);
  if (cache && tabStates) {
    cache.set(key, { rows });
    tabStates.set(key, { ...tabStates.get(key), lastRow: Math.max(values.length, 1) });
  }
  return copyRows(rows);
}

/**
 * The table's tab from row 1 (the header with the rows) in one
 * `Sheets.Spreadsheets.Values.batchGet` (spreadsheets.values/batchGet; trailing empty rows are
 * left out, as getLastRow ignores them). Null where the Sheets advanced service is off, or when
 * the API refuses (the tab does not exist): then the caller reads the way SpreadsheetApp does.
 */
function valuesByApi(id: string, def: TableDef): unknown[][] | null {
  const api = sheetsApi();
  if (!api?.Values) return null;
  try {
    const got = api.Values.batchGet(id, {
      ranges: [`'${def.name.replace(/'/g, "''")}'!A1:${columnLetter(def.columns.length - 1)}`],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    return (got.valueRanges?.[0]?.values ?? []) as unknown[][];
  } catch {
    return null;
  }
}

/** The data rows of a tab's values (header first); a table with rows has its header checked. */
function rowsOfValues(def: TableDef, values: readonly (readonly unknown[])[]): Row[] {
  // A table without rows has nothing to misread.
  if (values.length < 2) return [];
  checkHeader(def, values[0] ?? []);
  return values.slice(1).map((r, i) => rowFromValues(def, r, i + 2));
}

function sheetFor(ss: Book, def: TableDef, fresh = false) {
  const st = tabState(ss, def);
  if (st?.sheet) return st.sheet;
  let sh = ss.getSheetByName(def.name);
  // Missing by name: renamed by hand (its tag finds it) before a new, empty tab is made. A
  // spreadsheet the product made in this action has nothing to find.
  if (!sh && !fresh && relocate(ss, def) !== null) sh = st?.sheet ?? ss.getSheetByName(def.name);
  if (!sh) {
    sh = ss.insertSheet(def.name, ss.getNumSheets());
    sh.getRange(1, 1, 1, def.columns.length).setValues([def.columns.map((c) => label(c))]);
    sh.setFrozenRows(1);
    if (!def.visible) sh.hideSheet();
    // The tag by which the tab is found again when someone renames it (see relocate).
    sh.addDeveloperMetadata(SYSTEM_TABLE_KEY, def.name);
    if (st) st.lastRow = 1;
  }
  if (st) st.sheet = sh;
  return sh;
}

/** The last row with content: kept in this run, or asked once. */
function lastRowOf(sh: GoogleAppsScript.Spreadsheet.Sheet, st: TabState | undefined): number {
  if (st?.lastRow !== undefined) return st.lastRow;
  const last = sh.getLastRow();
  if (st) st.lastRow = last;
  return last;
}

/** The last row with content: known in this run (no call), else from the Sheet (which is returned). */
function lastRowKnown(
  ss: Book,
  def: TableDef,
  st: TabState | undefined,
): { last: number; sh?: GoogleAppsScript.Spreadsheet.Sheet } {
  if (st?.lastRow !== undefined) return { last: st.lastRow };
  const sh = sheetFor(ss, def);
  return { last: lastRowOf(sh, st), sh };
}

/** Grows the grid so that row `lastNeeded` exists (rows added after the last one). */
function ensureRows(sh: GoogleAppsScript.Spreadsheet.Sheet, st: TabState | undefined, lastNeeded: number) {
  const max = st?.maxRows ?? sh.getMaxRows();
  if (lastNeeded > max) sh.insertRowsAfter(max, lastNeeded - max);
  if (st) st.maxRows = Math.max(max, lastNeeded);
}

/**
 * The rows `row`…`row + n - 1` of a table's tab, over its columns. Through the Sheet when this
 * run has it; when the run read the tab (so it exists) but never needed its Sheet, by A1 notation
 * on the spreadsheet: one `Spreadsheet.getRange('name'!A1:B2)` instead of `getSheetByName` and
 * `Sheet.getRange` (reference/spreadsheet/spreadsheet#getrangea1notation). With `grow`, rows
 * past the grid are added first (that needs the Sheet, unless the run knows the grid is big
 * enough).
 */
function tableRange(
  ss: Book,
  def: TableDef,
  row: number,
  n: number,
  grow: boolean,
  sheet?: GoogleAppsScript.Spreadsheet.Sheet,
) {
  const st = tabState(ss, def);
  const end = row + n - 1;
  const fits = !grow || (st?.maxRows !== undefined && end <= st.maxRows);
  if (!sheet && !st?.sheet && st?.lastRow !== undefined && fits) {
    const quoted = `'${def.name.replace(/'/g, "''")}'`;
    return ss.getRange(`${quoted}!A${row}:${columnLetter(def.columns.length - 1)}${end}`);
  }
  const sh = sheet ?? sheetFor(ss, def);
  if (grow) ensureRows(sh, st, end);
  return sh.getRange(row, 1, n, def.columns.length);
}

/** After a write of rows up to `row` that holds content: the last row moves down if needed. */
function wroteUpTo(st: TabState | undefined, row: number): void {
  if (st?.lastRow !== undefined) st.lastRow = Math.max(st.lastRow, row);
}

/** Forgets what this run knows about a table (its tab was renamed or replaced outside this module). */
export function forgetTable(ss: Book, def: TableDef): void {
  cache?.delete(cacheKey(ss, def.name));
  tabStates?.delete(cacheKey(ss, def.name));
}

/**
 * Creates the tab with its header row when it does not exist yet (and is not found under another
 * name). For the tables of a spreadsheet made in this action, see createTables.
 */
export function ensureTable(ss: Book, def: TableDef): void {
  sheetFor(ss, def);
  reportRestored();
}

/** Rows of a tab made by `createTables` (the grid Sheets gives a new tab, set explicitly). */
const NEW_TAB_ROWS = 1000;
/**
 * The first sheet id `createTables` names: far from the 0 of a new spreadsheet's own first tab
 * (the ids of one spreadsheet only have to differ from each other).
 */
const FIRST_TABLE_SHEET_ID = 1_000_001;

/**
 * The tabs of `defs` in a spreadsheet made in this action (nothing there to find or to keep), in
 * one Sheets batchUpdate (sheets/api/reference/rest/v4/spreadsheets/batchUpdate, all requests or
 * none): per table an addSheet with its name, frozen header row and visibility, its header labels
 * (updateCells) and the tag a renamed tab is found by (createDeveloperMetadata, see relocate).
 * Made one by one, a table costs eight calls. The request names the new sheets' ids itself
 * (AddSheetRequest `properties.sheetId`), so the later requests of the same batch can refer to
 * them. Without the Sheets advanced service the tabs are made one by one.
 */
export function createTables(ss: Book, defs: readonly TableDef[]): void {
  const api = sheetsApi();
  if (!api) {
    for (const def of defs) sheetFor(ss, def, true);
    return;
  }
  const requests = defs.flatMap((def, i) => {
    const sheetId = FIRST_TABLE_SHEET_ID + i;
    return [
      {
        addSheet: {
          properties: {
            sheetId,
            title: def.name,
            hidden: !def.visible,
            gridProperties: { rowCount: NEW_TAB_ROWS, frozenRowCount: 1 },
          },
        },
      },
      {
        updateCells: {
          range: {
            sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: def.columns.length,
          },
          rows: [{ values: def.columns.map((c) => ({ userEnteredValue: { stringValue: label(c) } })) }],
          fields: 'userEnteredValue',
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: SYSTEM_TABLE_KEY,
            metadataValue: def.name,
            location: { sheetId },
            visibility: 'DOCUMENT',
          },
        },
      },
    ];
  });
  api.batchUpdate({ requests }, idOf(ss));
  // What this run now knows: each table is there, empty below its header, on a grid of
  // NEW_TAB_ROWS rows (an append is then one getRange by A1 notation and one setValues).
  for (const def of defs) {
    cache?.set(cacheKey(ss, def.name), { rows: [] });
    const st = tabState(ss, def);
    if (st) {
      st.lastRow = 1;
      st.maxRows = NEW_TAB_ROWS;
    }
  }
}

/**
 * Adds the header labels of columns a table gained after its tab was made (a tab keeps the header
 * it was created with). Returns whether it wrote any; costs one `getLastColumn` otherwise.
 */
export function ensureHeader(ss: Book, def: TableDef): boolean {
  const sh = sheetFor(ss, def);
  reportRestored();
  const width = sh.getLastColumn();
  if (width >= def.columns.length) return false;
  sh.getRange(1, width + 1, 1, def.columns.length - width).setValues([
    def.columns.slice(width).map((c) => label(c)),
  ]);
  return true;
}

function toCell(def: TableDef, col: string, v: CellValue | undefined): CellValue {
  if (def.numeric?.includes(col)) return Number(v ?? 0);
  return v === undefined || v === '' ? '' : asText(String(v));
}

/**
 * One cell as its column's type. A numeric column accepts a number, a blank (0), numeric text
 * and a date (its time in ms); anything else is refused naming the cell, never its content
 * (a name typed in the wrong place must not travel into an error message or a log).
 */
function fromCell(def: TableDef, col: string, index: number, rowNumber: number, v: unknown): CellValue {
  if (def.numeric?.includes(col)) {
    if (typeof v === 'number') return v;
    if (v === null || v === undefined || v === '') return 0;
    // A number that is not one (no baseline yet) is stored as the text NaN and read back as NaN.
    if (v === 'NaN') return Number.NaN;
    if (isDate(v)) return v.getTime();
    if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
    throw new UserError(
      `${def.name}!${columnLetter(index)}${rowNumber} (${col}): hier hoort een getal te staan. Herstel de cel of zet de vorige waarde terug.`,
    );
  }
  const text = isDate(v) ? v.toISOString() : v === null || v === undefined ? '' : String(v);
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
  const hit = cached(ss, def);
  if (hit) return copyRows(hit.rows);
  const rows = readFromSheet(ss, def);
  if (cache) cache.set(cacheKey(ss, def.name), { rows });
  reportRestored();
  return copyRows(rows);
}

function rowFromValues(def: TableDef, r: readonly unknown[], rowNumber: number): Row {
  const row: Row = {};
  def.columns.forEach((c, j) => {
    row[c] = fromCell(def, c, j, rowNumber, r[j]);
  });
  return row;
}

function readFromSheet(ss: Book, def: TableDef): Row[] {
  // One call where the Sheets advanced service is on (the tab then need not be opened).
  const got = valuesByApi(idOf(ss), def);
  if (got !== null) {
    const st = tabState(ss, def);
    if (st) st.lastRow = got.length;
    return rowsOfValues(def, got);
  }
  let sh = ss.getSheetByName(def.name);
  if (!sh && relocate(ss, def) !== null) sh = ss.getSheetByName(def.name);
  if (!sh) return [];
  const st = tabState(ss, def);
  if (st) st.sheet = sh;
  const last = sh.getLastRow();
  if (st) st.lastRow = last;
  // A table without rows has nothing to misread: no call for its header alone.
  if (last < 2) return [];
  const values = sh.getRange(1, 1, last, def.columns.length).getValues();
  checkHeader(def, values[0]!);
  return values.slice(1).map((r, i) => rowFromValues(def, r, i + 2));
}

/**
 * A system table is read by position (its rows are found by key, never by place). When someone
 * moved or deleted a column by hand, a column name stands somewhere else in the header: then
 * every position is wrong, so the run stops before it writes anything, naming the tab and the
 * columns. A header text that was merely typed over (no column name elsewhere) changes nothing
 * and is tolerated, as is an emptied header row.
 */
function checkHeader(def: TableDef, header: readonly unknown[]): void {
  const names = header.map((h) => String(h ?? '').trim());
  for (const [j, col] of def.columns.entries()) {
    const at = names.indexOf(col);
    if (at < 0 || at === j) continue;
    throw new UserError(
      `Het tabblad ${def.name} is met de hand veranderd: de kolom "${col}" staat in kolom ${columnLetter(at)} en hoort in kolom ${columnLetter(j)}. ` +
        'Zet de kolommen terug (Bestand → Versiegeschiedenis); er is niets bijgewerkt of geschreven.',
    );
  }
}

/** Appends rows with one write; grows the grid first when needed. */
export function appendRows<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  rows: TableInput<C, N, E>[],
): void {
  if (rows.length === 0) return;
  const st = tabState(ss, def);
  // Never above row 2: a tab whose header row was emptied by hand still keeps its data below it.
  const { last, sh } = lastRowKnown(ss, def, st);
  const start = Math.max(last + 1, 2);
  const end = start + rows.length - 1;
  tableRange(ss, def, start, rows.length, true, sh).setValues(
    rows.map((r) => def.columns.map((c) => toCell(def, c, r[c] as CellValue | undefined))),
  );
  if (st) st.lastRow = end;
  cached(ss, def)?.rows.push(...rows.map((r) => asRead(def, r)));
  reportRestored();
}

/** Rewrites one data row in place (index = position in readTable's result). */
export function updateRow<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  index: number,
  row: TableInput<C, N, E>,
): void {
  updateRows(ss, def, index, [row]);
}

/** Rewrites neighbouring data rows in place with one write, the first at `index`. */
export function updateRows<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  index: number,
  rows: TableInput<C, N, E>[],
): void {
  if (rows.length === 0) return;
  tableRange(ss, def, index + 2, rows.length, false).setValues(
    rows.map((row) => def.columns.map((c) => toCell(def, c, row[c] as CellValue | undefined))),
  );
  wroteUpTo(tabState(ss, def), index + 1 + rows.length);
  const hit = cached(ss, def);
  if (hit) {
    // Rows past the kept ones: blank rows in between, as a read would give them.
    while (hit.rows.length < index) hit.rows.push(asRead(def, {}));
    rows.forEach((row, k) => {
      hit.rows[index + k] = asRead(def, row);
    });
  }
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
  const st = tabState(ss, def);
  const { last, sh } = lastRowKnown(ss, def, st);
  const old = Math.max(last - 1, 0);
  const n = Math.max(old, rows.length);
  if (n === 0) return;
  const blank = def.columns.map(() => '');
  const values = [
    ...rows.map((r) => def.columns.map((c) => toCell(def, c, r[c] as CellValue | undefined))),
    ...Array.from({ length: n - rows.length }, () => blank),
  ];
  tableRange(ss, def, 2, n, true, sh).setValues(values);
  // The blank rows below the new ones hold no content (reference/spreadsheet/sheet#getlastrow).
  if (st) st.lastRow = 1 + rows.length;
  const hit = cached(ss, def);
  if (hit) hit.rows = rows.map((r) => asRead(def, r));
  reportRestored();
}

/**
 * Replacing all data rows of a table (what replaceTable does) as one request of a Sheets
 * `batchUpdate` that writes other tabs of the spreadsheet anyway, so it costs no call of its
 * own: `updateCells` over the rows with `fields: userEnteredValue` (reference/rest/v4/
 * spreadsheets/request#UpdateCellsRequest: a cell without a value in the request is cleared).
 * Text goes in as `stringValue`, stored verbatim, never read as a formula or number.
 *
 * Null when this run does not know the tab (its id and grid from the batch's snapshot, its last
 * row from this run's read) or the rows do not fit the grid: then the caller uses replaceTable.
 * Once the batch went through, `applied()` keeps the new rows in this run's cache.
 */
export function replaceTableRequest<C extends string, N extends C, E extends Choices<C>>(
  ss: Book,
  def: TableDef<C, N, E>,
  rows: TableInput<C, N, E>[],
  tab: { sheetId: number; rowCount: number } | undefined,
): { request: GoogleAppsScript.Sheets.Schema.Request; applied: () => void } | null {
  const st = tabState(ss, def);
  if (!tab || st?.lastRow === undefined) return null;
  const n = Math.max(st.lastRow - 1, rows.length, 1);
  if (1 + n > tab.rowCount) return null;
  const cell = (c: string, v: CellValue | undefined): GoogleAppsScript.Sheets.Schema.CellData => {
    if ((def.numeric as readonly string[] | undefined)?.includes(c))
      return { userEnteredValue: { numberValue: Number(v ?? 0) } };
    return v === undefined || v === '' ? {} : { userEnteredValue: { stringValue: String(v) } };
  };
  const request = {
    updateCells: {
      range: {
        sheetId: tab.sheetId,
        startRowIndex: 1,
        endRowIndex: 1 + n,
        startColumnIndex: 0,
        endColumnIndex: def.columns.length,
      },
      rows: rows.map((r) => ({ values: def.columns.map((c) => cell(c, r[c] as CellValue | undefined)) })),
      fields: 'userEnteredValue',
    },
  };
  const applied = () => {
    st.lastRow = 1 + rows.length;
    const hit = cached(ss, def);
    if (hit) hit.rows = rows.map((r) => asRead(def, r));
  };
  return { request, applied };
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
  options: { plainText?: boolean } = {},
): GoogleAppsScript.Spreadsheet.Sheet {
  let sh = ss.getSheetByName(name);
  if (!sh) sh = ss.insertSheet(name, ss.getNumSheets());
  sh.clearContents();
  // Plain text (`@`) below the header BEFORE any value is written, so what the coordinator
  // types later is kept as typed: in an nl_NL spreadsheet `1,3` would otherwise become the
  // number 1.3 (reference/spreadsheet/range#setnumberformatnumberformat: "@" is plain text).
  const width = Math.max(...rows.map((r) => r.length));
  if (options.plainText) plainTextBelow(sh, headerRows, width);
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
  // Conservative: the last row is only known again when it surely did not move up.
  const st = tabState(ss, def);
  if (st?.lastRow !== undefined && st.lastRow < values.length + 1) st.lastRow = undefined;
  const hit = cached(ss, def);
  if (hit) {
    // Row k is kept already or is the next one: values.length rows from the first, no gap.
    values.forEach((v, k) => {
      hit.rows[k] = asRead(def, { ...hit.rows[k], [column]: v });
    });
  }
  reportRestored();
}
