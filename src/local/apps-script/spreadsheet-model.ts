/**
 * The data behind an emulated spreadsheet: plain, structured-cloneable objects kept in the
 * Drive entry (`entry.data`), so `File.makeCopy` can deep-copy a spreadsheet. The grid is
 * sparse (rows and cells only exist once written); coordinates in this module are 1-based
 * like the Apps Script API.
 */
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

/** Stored content and format of one cell. Absent fields mean "default". */
export interface CellData {
  /** Stored value; `d` marks `v` as a date serial (days since 1899-12-30, wall clock). */
  v?: string | number | boolean;
  d?: true;
  /** Formula text including the leading `=`. */
  f?: string;
  nf?: string;
  bg?: string;
  fw?: 'bold' | 'normal';
  fc?: string;
  fs?: 'italic' | 'normal';
  ha?: string;
  va?: string;
  wrap?: string;
  note?: string;
  dv?: ValidationData;
  /**
   * A link over the whole text of the cell: a RichTextValue link (spreadsheet-rich-text.ts) or
   * the Sheets API's `TextFormat.link`. Part of the content: writing or clearing the value
   * removes it (unconfirmed).
   */
  link?: string;
}

export interface ValidationData {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Rect {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: string[];
  unprotected: Rect[];
}

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  sheetId: number | null;
  /** Row or column position for ROW/COLUMN metadata. */
  index: number | null;
}

export interface SheetData {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  rows: (Array<CellData | null> | null)[];
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  formUrl: string | null;
  /** A1 ranges given to `setBorder` (recorded, not rendered). */
  borders: string[];
  deleted?: true;
}

export interface SpreadsheetData {
  kind: 'spreadsheet';
  sheets: SheetData[];
  activeSheetId: number;
  nextSheetId: number;
  timeZone: string;
  locale: string;
  protections: ProtectionData[];
  metadata: MetadataData[];
  nextId: number;
}

/** Default grid of `SpreadsheetApp.create(name)` and `insertSheet()`: 1000 × 26 [W] (reference/spreadsheet/spreadsheet-app). */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;
/** 10,000,000 cells per spreadsheet, grid size not content (reference/spreadsheet/range). */
export const MAX_CELLS = 10_000_000;
/** 50,000 characters per cell [W] (reference/spreadsheet/range). */
export const MAX_CELL_CHARS = 50_000;
/** Sheet-name length limit from third-party tables — unconfirmed (reference/spreadsheet/sheet). */
export const MAX_SHEET_NAME = 100;

export const ERR = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  tooManyCells: `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
  cellTooLong: `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
  rowsOut: 'Those rows are out of bounds.',
  colsOut: 'Those columns are out of bounds.',
  lastSheet: "You can't remove all the sheets in a document.",
  hideLast: "You can't hide all the sheets in a document.",
} as const;

export function newSheetData(id: number, name: string, rows: number, cols: number): SheetData {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    rows: [],
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    tabColor: null,
    colWidths: {},
    rowHeights: {},
    formUrl: null,
    borders: [],
  };
}

/**
 * The word in the default tab names (`Sheet1`, `Sheet2`): in the account's language, as the
 * Sheets UI names them (`Blad1` in Dutch; what a script's `create` gives in a Dutch account is
 * unconfirmed). Product code finds the first tab by id, never by this name.
 */
export function defaultSheetWord(language: string): string {
  return language === 'nl' ? 'Blad' : 'Sheet';
}

export function newSpreadsheetData(
  timeZone: string,
  rows: number,
  cols: number,
  locale: string,
  sheetWord = 'Sheet',
): SpreadsheetData {
  return {
    kind: 'spreadsheet',
    sheets: [newSheetData(0, `${sheetWord}1`, rows, cols)],
    activeSheetId: 0,
    nextSheetId: 1,
    timeZone,
    locale,
    protections: [],
    metadata: [],
    nextId: 1,
  };
}

/** The spreadsheet model of a Drive entry (the caller has checked the MIME type). */
export function modelOf(entry: DriveEntry): SpreadsheetData {
  const data = entry.data as SpreadsheetData | undefined;
  if (entry.mimeType !== MIME.spreadsheet || data?.kind !== 'spreadsheet') {
    throw new Error(`Emulator: ${entry.id} is not an emulated spreadsheet`);
  }
  return data;
}

/**
 * Next sheet id: the first sheet is 0, later ids grow by an irregular step like real `gid`s do,
 * so code that mixes up sheet id and position fails here as it would in Sheets.
 */
export function nextSheetId(rt: Runtime, model: SpreadsheetData): number {
  // Google assigns ids that no sheet has; a request may have named one itself (AddSheetRequest
  // properties.sheetId), so an id in use is passed over.
  let id = model.nextSheetId;
  while (model.sheets.some((s) => s.id === id)) id += 1 + Math.floor(rt.random() * 100_000);
  model.nextSheetId = id + 1 + Math.floor(rt.random() * 100_000);
  return id;
}

export function totalCells(model: SpreadsheetData): number {
  return model.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
}

/** Throws the workbook-size error when growing by `extra` cells would pass 10,000,000. */
export function checkCellBudget(model: SpreadsheetData, extra: number): void {
  if (extra > 0 && totalCells(model) + extra > MAX_CELLS) throw gasError(ERR.tooManyCells);
}

export function cellAt(sd: SheetData, r: number, c: number): CellData | null {
  return sd.rows[r - 1]?.[c - 1] ?? null;
}

/** The cell at (r, c), created when missing. */
export function cellForWrite(sd: SheetData, r: number, c: number): CellData {
  while (sd.rows.length < r) sd.rows.push(null);
  let row = sd.rows[r - 1];
  if (!row) {
    row = [];
    sd.rows[r - 1] = row;
  }
  while (row.length < c) row.push(null);
  let cell = row[c - 1];
  if (!cell) {
    cell = {};
    row[c - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: CellData | null): boolean {
  if (!cell) return false;
  return cell.f !== undefined || (cell.v !== undefined && cell.v !== '');
}

/** Last row with content, 0 on an empty sheet (reference/spreadsheet/sheet). */
export function lastRow(sd: SheetData): number {
  for (let r = sd.rows.length; r >= 1; r--) {
    if (sd.rows[r - 1]?.some((cell) => hasContent(cell))) return r;
  }
  return 0;
}

/** Last column with content, 0 on an empty sheet. */
export function lastCol(sd: SheetData): number {
  let max = 0;
  for (const row of sd.rows) {
    if (!row) continue;
    for (let c = row.length; c > max; c--) {
      if (hasContent(row[c - 1] ?? null)) {
        max = c;
        break;
      }
    }
  }
  return max;
}

/** Inserts `n` blank rows so that the first new row is row `at`. */
export function insertRowsAt(model: SpreadsheetData, sd: SheetData, at: number, n: number): void {
  checkCellBudget(model, n * sd.maxCols);
  if (at - 1 < sd.rows.length) sd.rows.splice(at - 1, 0, ...new Array<null>(n).fill(null));
  sd.rowHeights = shiftKeys(sd.rowHeights, at, n);
  sd.maxRows += n;
}

export function deleteRowsAt(sd: SheetData, at: number, n: number): void {
  if (at - 1 < sd.rows.length) sd.rows.splice(at - 1, n);
  sd.rowHeights = shiftKeys(sd.rowHeights, at + n, -n, at);
  sd.maxRows -= n;
}

export function insertColsAt(model: SpreadsheetData, sd: SheetData, at: number, n: number): void {
  checkCellBudget(model, n * sd.maxRows);
  for (const row of sd.rows) {
    if (row && at - 1 < row.length) row.splice(at - 1, 0, ...new Array<null>(n).fill(null));
  }
  sd.colWidths = shiftKeys(sd.colWidths, at, n);
  sd.maxCols += n;
}

export function deleteColsAt(sd: SheetData, at: number, n: number): void {
  for (const row of sd.rows) if (row && at - 1 < row.length) row.splice(at - 1, n);
  sd.colWidths = shiftKeys(sd.colWidths, at + n, -n, at);
  sd.maxCols -= n;
}

/** Moves numeric keys >= `from` by `delta`; keys in [dropFrom, from) are dropped. */
function shiftKeys(
  rec: Record<number, number>,
  from: number,
  delta: number,
  dropFrom = from,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(rec)) {
    const key = Number(k);
    if (key >= from) out[key + delta] = v;
    else if (key < dropFrom) out[key] = v;
  }
  return out;
}

/** Sheet names are unique case-insensitively (reference/spreadsheet/spreadsheet). */
export function checkSheetName(model: SpreadsheetData, name: unknown, self: SheetData | null): string {
  const s = String(name ?? '');
  // Empty and over-long names: the wording is an assumption (unconfirmed).
  if (s.trim() === '') throw gasError('Invalid argument: sheetName');
  if (s.length > MAX_SHEET_NAME) throw gasError('Invalid argument: sheetName');
  const clash = model.sheets.find((x) => x !== self && x.name.toLowerCase() === s.toLowerCase());
  if (clash) throw gasError(`A sheet with the name "${s}" already exists. Please enter another name.`);
  return s;
}

export function liveSheet(sd: SheetData): SheetData {
  // Handles to deleted sheets throw on use; the exact wording is unconfirmed (guides/support/troubleshooting).
  if (sd.deleted) throw gasError('The sheet has been deleted.');
  return sd;
}
