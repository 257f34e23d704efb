/**
 * `Sheets.Spreadsheets.batchUpdate` of the Sheets advanced service (spreadsheets/batchUpdate in
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate),
 * the request kinds the product uses: `addSheet`, `updateSheetProperties`, `updateCells` and
 * `updateDimensionProperties` (reference/rest/v4/spreadsheets/request). Any other kind throws
 * `Emulator: … not emulated` rather than guessing.
 *
 * As the reference says, the requests are applied in order and "if any request is not valid
 * then the entire request will fail and nothing will be applied": the emulator applies them to
 * a copy of the spreadsheet and keeps the copy only when every request succeeded.
 *
 * Cell values come as `ExtendedValue` (reference/rest/v4/spreadsheets/other#ExtendedValue): a
 * `stringValue` is stored as text exactly as given — it is never parsed as a number, date or
 * formula (only `formulaValue` is a formula) — which is what makes this route safe for partner
 * answers. Messages of refused requests follow the API's pattern `Invalid requests[i].<kind>: …`;
 * where the exact text is not documented, the product must not depend on it (it never does).
 */
import { type DriveEntry, gasError, type Runtime } from '../runtime';
import {
  type CellData,
  checkSheetName,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  ERR,
  MAX_CELL_CHARS,
  MAX_CELLS,
  newSheetData,
  nextSheetId,
  type SheetData,
  type SpreadsheetData,
} from '../spreadsheet-model';

type Json = Record<string, unknown>;

function apiError(message: string): Error {
  return gasError(`API call to sheets.spreadsheets.batchUpdate failed with error: ${message}`);
}

function notEmulated(what: string): Error {
  return new Error(`Emulator: ${what} is not emulated`);
}

/**
 * A field mask (`gridProperties(rowCount,frozenRowCount),hidden` or `gridProperties.rowCount`)
 * as a set of dotted paths (protobuf FieldMask in JSON, guides/field-masks).
 */
export function parseFieldMask(mask: unknown, where: string): Set<string> {
  if (typeof mask !== 'string' || mask.trim() === '') {
    throw apiError(`Invalid ${where}: At least one field must be specified.`);
  }
  const out = new Set<string>();
  const s = mask.replace(/\s+/g, '');
  let i = 0;
  const parse = (prefix: string): void => {
    let name = '';
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === ',') {
        if (name) out.add(prefix + name);
        name = '';
        i++;
      } else if (ch === '(') {
        i++;
        parse(`${prefix}${name}.`);
        name = '';
        // After the group: a comma or the end of the enclosing group.
      } else if (ch === ')') {
        if (name) out.add(prefix + name);
        i++;
        return;
      } else {
        name += ch;
        i++;
      }
    }
    if (name) out.add(prefix + name);
  };
  parse('');
  return out;
}

/** Whether `path` is selected by the mask (a selected parent selects all its children). */
function selected(mask: Set<string>, path: string): boolean {
  if (mask.has('*')) return true;
  const parts = path.split('.');
  for (let n = 1; n <= parts.length; n++) if (mask.has(parts.slice(0, n).join('.'))) return true;
  return false;
}

/** A Color (reference/rest/v4/other#Color: red, green, blue in [0, 1]) as `#rrggbb`. */
function hexOf(color: unknown, whereOf: string | (() => string)): string | undefined {
  if (color === undefined || color === null) return undefined;
  const where = typeof whereOf === 'string' ? whereOf : whereOf();
  if (typeof color !== 'object') throw apiError(`Invalid ${where}: Invalid value for Color.`);
  const c = color as Json;
  const part = (k: string): string => {
    const v = c[k] === undefined ? 0 : Number(c[k]);
    if (!Number.isFinite(v) || v < 0 || v > 1)
      throw apiError(`Invalid ${where}: Invalid value for Color.${k}.`);
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${part('red')}${part('green')}${part('blue')}`;
}

function int(v: unknown, where: string, min = 0): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw apiError(`Invalid ${where}: must be an integer >= ${min}.`);
  return n;
}

/**
 * Sheets of the working copy that are still the original model's objects, during one
 * `batchUpdate`. A request that changes a sheet copies it first (copy on write), so a batch that
 * fails leaves the model as it was, and a batch that writes one tab copies that tab only.
 */
let shared: Set<SheetData> | null = null;

/** The sheet with this id, ready to be changed (copied out of the original model on first use). */
function sheetOf(model: SpreadsheetData, id: unknown, where: string): SheetData {
  const sd = model.sheets.find((s) => !s.deleted && s.id === Number(id));
  if (!sd) throw apiError(`Invalid ${where}: No grid with id: ${String(id)}`);
  if (!shared?.has(sd)) return sd;
  shared.delete(sd);
  const copy = structuredClone(sd);
  model.sheets[model.sheets.indexOf(sd)] = copy;
  return copy;
}

function live(model: SpreadsheetData): SheetData[] {
  return model.sheets.filter((s) => !s.deleted);
}

function cellTotal(model: SpreadsheetData): number {
  return live(model).reduce((n, s) => n + s.maxRows * s.maxCols, 0);
}

/** Moves a sheet to a position among the live sheets (0-based). */
function moveTo(model: SpreadsheetData, sd: SheetData, index: number): void {
  const sheets = live(model).filter((s) => s !== sd);
  const at = Math.min(index, sheets.length);
  sheets.splice(at, 0, sd);
  model.sheets = [...sheets, ...model.sheets.filter((s) => s.deleted)];
}

/** Resizes the grid: rows and cells past the new size are dropped. */
function resize(sd: SheetData, rows: number, cols: number): void {
  if (rows < sd.maxRows) sd.rows.length = Math.min(sd.rows.length, rows);
  if (cols < sd.maxCols) for (const row of sd.rows) if (row && row.length > cols) row.length = cols;
  for (const k of Object.keys(sd.colWidths)) if (Number(k) > cols) delete sd.colWidths[Number(k)];
  for (const k of Object.keys(sd.rowHeights)) if (Number(k) > rows) delete sd.rowHeights[Number(k)];
  sd.maxRows = rows;
  sd.maxCols = cols;
}

/** Grid, freeze and visibility rules checked after a sheet's properties changed. */
function checkSheet(model: SpreadsheetData, sd: SheetData, where: string): void {
  if (sd.maxRows < 1 || sd.maxCols < 1)
    throw apiError(`Invalid ${where}: The grid must have at least one row and column.`);
  // Sheets keeps at least one unfrozen row and column (reference/spreadsheet/sheet: a freeze of every row
  // is refused); the wording is not documented.
  if (sd.frozenRows >= sd.maxRows)
    throw apiError(`Invalid ${where}: You can't freeze all visible rows on the sheet.`);
  if (sd.frozenCols >= sd.maxCols)
    throw apiError(`Invalid ${where}: You can't freeze all visible columns on the sheet.`);
  if (!live(model).some((s) => !s.hidden)) throw apiError(`Invalid ${where}: ${ERR.hideLast}`);
  if (cellTotal(model) > MAX_CELLS) throw apiError(`Invalid ${where}: ${ERR.tooManyCells}`);
}

/** Applies SheetProperties (only the paths in `mask`, or all given ones for addSheet). */
function applyProperties(
  model: SpreadsheetData,
  sd: SheetData,
  p: Json,
  has: (path: string) => boolean,
  where: string,
): void {
  const grid = (p.gridProperties ?? {}) as Json;
  if (has('title')) sd.name = checkSheetName(model, p.title, sd);
  if (has('hidden')) sd.hidden = p.hidden === true;
  if (has('tabColor') || has('tabColorStyle')) {
    const style = p.tabColorStyle as Json | undefined;
    if (style?.themeColor !== undefined) throw notEmulated('tabColorStyle.themeColor');
    sd.tabColor = hexOf(style?.rgbColor ?? p.tabColor, `${where}.tabColor`) ?? null;
  }
  const rows = has('gridProperties.rowCount')
    ? int(grid.rowCount ?? 0, `${where}.gridProperties.rowCount`, 1)
    : sd.maxRows;
  const cols = has('gridProperties.columnCount')
    ? int(grid.columnCount ?? 0, `${where}.gridProperties.columnCount`, 1)
    : sd.maxCols;
  if (rows !== sd.maxRows || cols !== sd.maxCols) resize(sd, rows, cols);
  if (has('gridProperties.frozenRowCount'))
    sd.frozenRows = int(grid.frozenRowCount ?? 0, `${where}.frozenRowCount`);
  if (has('gridProperties.frozenColumnCount'))
    sd.frozenCols = int(grid.frozenColumnCount ?? 0, `${where}.frozenColumnCount`);
  if (has('index')) moveTo(model, sd, int(p.index ?? 0, `${where}.index`));
  for (const k of Object.keys(p)) {
    if (
      ![
        'sheetId',
        'title',
        'index',
        'hidden',
        'tabColor',
        'tabColorStyle',
        'gridProperties',
        'sheetType',
      ].includes(k)
    )
      throw notEmulated(`SheetProperties.${k}`);
  }
}

function addSheet(rt: Runtime, model: SpreadsheetData, req: Json, where: string): SheetData {
  const p = (req.properties ?? {}) as Json;
  if (p.sheetType !== undefined && p.sheetType !== 'GRID')
    throw notEmulated(`sheetType ${String(p.sheetType)}`);
  let id: number;
  if (p.sheetId !== undefined) {
    id = int(p.sheetId, `${where}.properties.sheetId`);
    if (model.sheets.some((s) => s.id === id)) {
      throw apiError(`Invalid ${where}: A sheet with the id ${id} already exists.`);
    }
  } else {
    id = nextSheetId(rt, model);
  }
  // A new sheet without a title gets "Sheet<n>"; the product always names its tabs.
  if (p.title === undefined) throw notEmulated('addSheet without a title');
  const sd = newSheetData(id, checkSheetName(model, p.title, null), DEFAULT_ROWS, DEFAULT_COLS);
  model.sheets.push(sd);
  moveTo(model, sd, p.index === undefined ? live(model).length : int(p.index, `${where}.properties.index`));
  const given = (path: string): boolean => {
    const [head, sub] = path.split('.');
    const v = p[head!];
    return v !== undefined && (sub === undefined || (v as Json)[sub] !== undefined);
  };
  applyProperties(model, sd, { ...p, index: undefined }, (path) => path !== 'index' && given(path), where);
  checkSheet(model, sd, where);
  return sd;
}

function updateSheetProperties(model: SpreadsheetData, req: Json, where: string): SheetData {
  const p = (req.properties ?? {}) as Json;
  const sd = sheetOf(model, p.sheetId, `${where}.properties.sheetId`);
  const mask = parseFieldMask(req.fields, where);
  applyProperties(model, sd, p, (path) => selected(mask, path), where);
  checkSheet(model, sd, where);
  return sd;
}

/** The CellData fields the emulator stores (reference/rest/v4/spreadsheets/cells#CellData). */
const CELL_FIELDS = [
  'userEnteredValue',
  'userEnteredFormat.backgroundColor',
  'userEnteredFormat.textFormat.bold',
  'userEnteredFormat.textFormat.italic',
  'userEnteredFormat.textFormat.foregroundColor',
  'userEnteredFormat.textFormat.link',
  'userEnteredFormat.numberFormat',
  'userEnteredFormat.horizontalAlignment',
  'userEnteredFormat.verticalAlignment',
  'userEnteredFormat.wrapStrategy',
  'note',
] as const;

/**
 * Sets (or, with `src` undefined, clears) the selected fields of one stored cell. `on` tells
 * whether the field mask selects a path; `whereOf` names the cell in an error message (made
 * only when one is thrown: this runs for every cell of every tab written).
 */
function writeCell(
  cell: CellData,
  src: Json | undefined,
  on: (path: string) => boolean,
  whereOf: () => string,
): void {
  if (on('userEnteredValue')) {
    delete cell.v;
    delete cell.d;
    delete cell.f;
    const v = src?.userEnteredValue as Json | undefined;
    if (v) {
      if (v.stringValue !== undefined) {
        const s = String(v.stringValue);
        if (s.length > MAX_CELL_CHARS) throw apiError(`Invalid ${whereOf()}: ${ERR.cellTooLong}`);
        cell.v = s;
      } else if (v.numberValue !== undefined) {
        const n = Number(v.numberValue);
        if (!Number.isFinite(n)) throw apiError(`Invalid ${whereOf()}: Invalid value for numberValue.`);
        cell.v = n;
      } else if (v.boolValue !== undefined) cell.v = v.boolValue === true;
      else if (v.formulaValue !== undefined) cell.f = String(v.formulaValue);
      else if (v.errorValue !== undefined) throw notEmulated('errorValue');
    }
  }
  const fmt = (src?.userEnteredFormat ?? {}) as Json;
  const text = (fmt.textFormat ?? {}) as Json;
  if (on('userEnteredFormat.backgroundColor')) {
    const style = fmt.backgroundColorStyle as Json | undefined;
    const bg = hexOf(style?.rgbColor ?? fmt.backgroundColor, () => `${whereOf()}.backgroundColor`);
    if (bg === undefined || bg === '#ffffff') delete cell.bg;
    else cell.bg = bg;
  }
  if (on('userEnteredFormat.textFormat.bold')) {
    if (text.bold === true) cell.fw = 'bold';
    else delete cell.fw;
  }
  if (on('userEnteredFormat.textFormat.italic')) {
    if (text.italic === true) cell.fs = 'italic';
    else delete cell.fs;
  }
  if (on('userEnteredFormat.textFormat.foregroundColor')) {
    const fc = hexOf(text.foregroundColor, () => `${whereOf()}.foregroundColor`);
    if (fc === undefined || fc === '#000000') delete cell.fc;
    else cell.fc = fc;
  }
  // TextFormat.link (reference/rest/v4/spreadsheets/other#TextFormat): the link of the cell's
  // text; stored as the cell link a RichTextValue reads (spreadsheet-rich-text.ts).
  if (on('userEnteredFormat.textFormat.link')) {
    const link = text.link as Json | undefined;
    if (link?.uri !== undefined && link.uri !== '') cell.link = String(link.uri);
    else if (link?.sheetId !== undefined) throw notEmulated('TextFormat.link.sheetId');
    else delete cell.link;
  }
  if (on('userEnteredFormat.numberFormat')) {
    const nf = fmt.numberFormat as Json | undefined;
    if (nf?.pattern !== undefined) cell.nf = String(nf.pattern);
    else if (nf?.type === 'TEXT') cell.nf = '@';
    else if (nf !== undefined) throw notEmulated(`numberFormat type ${String(nf.type)}`);
    else delete cell.nf;
  }
  for (const [path, key] of [
    ['userEnteredFormat.horizontalAlignment', 'ha'],
    ['userEnteredFormat.verticalAlignment', 'va'],
    ['userEnteredFormat.wrapStrategy', 'wrap'],
  ] as const) {
    if (!on(path)) continue;
    const name = path.split('.')[1]!;
    if (fmt[name] !== undefined) cell[key] = String(fmt[name]).toLowerCase();
    else delete cell[key];
  }
  if (on('note')) {
    if (src?.note !== undefined && src.note !== '') cell.note = String(src.note);
    else delete cell.note;
  }
  if (src) {
    for (const k of Object.keys(src)) {
      if (!['userEnteredValue', 'userEnteredFormat', 'note'].includes(k)) throw notEmulated(`CellData.${k}`);
    }
  }
}

function updateCells(model: SpreadsheetData, req: Json, where: string): SheetData {
  const mask = parseFieldMask(req.fields, where);
  for (const path of mask) {
    if (
      path !== '*' &&
      !CELL_FIELDS.some((f) => f === path || f.startsWith(`${path}.`) || path.startsWith(`${f}.`))
    )
      throw notEmulated(`updateCells field ${path}`);
  }
  // The mask is the same for every cell: whether it selects a path is worked out once per path.
  const known = new Map<string, boolean>();
  const on = (path: string): boolean => {
    let v = known.get(path);
    if (v === undefined) {
      v = selected(mask, path);
      known.set(path, v);
    }
    return v;
  };
  const rows = (req.rows ?? []) as Json[];
  if (!Array.isArray(rows)) throw apiError(`Invalid ${where}.rows: must be a list.`);
  let sd: SheetData;
  let r0: number;
  let c0: number;
  let r1: number;
  let c1: number;
  if (req.range !== undefined) {
    const g = req.range as Json;
    sd = sheetOf(model, g.sheetId ?? 0, `${where}.range`);
    r0 = g.startRowIndex === undefined ? 0 : int(g.startRowIndex, `${where}.range.startRowIndex`);
    c0 = g.startColumnIndex === undefined ? 0 : int(g.startColumnIndex, `${where}.range.startColumnIndex`);
    r1 = g.endRowIndex === undefined ? sd.maxRows : int(g.endRowIndex, `${where}.range.endRowIndex`);
    c1 = g.endColumnIndex === undefined ? sd.maxCols : int(g.endColumnIndex, `${where}.range.endColumnIndex`);
  } else if (req.start !== undefined) {
    const g = req.start as Json;
    sd = sheetOf(model, g.sheetId ?? 0, `${where}.start`);
    r0 = int(g.rowIndex ?? 0, `${where}.start.rowIndex`);
    c0 = int(g.columnIndex ?? 0, `${where}.start.columnIndex`);
    r1 = r0 + rows.length;
    c1 = c0 + Math.max(0, ...rows.map((row) => ((row.values ?? []) as unknown[]).length));
  } else throw apiError(`Invalid ${where}: One of range or start must be set.`);
  if (r1 < r0 || c1 < c0) throw apiError(`Invalid ${where}: the range ends before it starts.`);
  if (r1 > sd.maxRows || c1 > sd.maxCols) {
    throw apiError(
      `Invalid ${where}: Range (${sd.name}) exceeds grid limits. Max rows: ${sd.maxRows}, max columns: ${sd.maxCols}`,
    );
  }
  for (let r = r0; r < r1; r++) {
    const values = ((rows[r - r0]?.values ?? []) as Json[]) ?? [];
    if (req.range !== undefined && values.length > c1 - c0) {
      throw apiError(`Invalid ${where}: the data has more columns than the range.`);
    }
    for (let c = c0; c < c1; c++) {
      const src = values[c - c0];
      const existing = sd.rows[r]?.[c] ?? null;
      if (!src && !existing) continue;
      while (sd.rows.length <= r) sd.rows.push(null);
      const line = sd.rows[r] ?? [];
      sd.rows[r] = line;
      while (line.length <= c) line.push(null);
      const cell = line[c] ?? {};
      writeCell(cell, src, on, () => `${where}.rows[${r - r0}].values[${c - c0}]`);
      line[c] = Object.keys(cell).length > 0 ? cell : null;
    }
  }
  if (req.range !== undefined && rows.length > r1 - r0) {
    throw apiError(`Invalid ${where}: the data has more rows than the range.`);
  }
  return sd;
}

function updateDimensionProperties(model: SpreadsheetData, req: Json, where: string): SheetData {
  const g = (req.range ?? {}) as Json;
  const sd = sheetOf(model, g.sheetId ?? 0, `${where}.range`);
  const mask = parseFieldMask(req.fields, where);
  const p = (req.properties ?? {}) as Json;
  const columns = g.dimension === 'COLUMNS';
  if (!columns && g.dimension !== 'ROWS')
    throw apiError(`Invalid ${where}.range.dimension: must be ROWS or COLUMNS.`);
  const max = columns ? sd.maxCols : sd.maxRows;
  const from = int(g.startIndex ?? 0, `${where}.range.startIndex`);
  const to = g.endIndex === undefined ? max : int(g.endIndex, `${where}.range.endIndex`);
  if (to > max || to < from) throw apiError(`Invalid ${where}: Range exceeds grid limits.`);
  for (const path of mask)
    if (path !== 'pixelSize') throw notEmulated(`updateDimensionProperties field ${path}`);
  const size = int(p.pixelSize ?? 0, `${where}.properties.pixelSize`);
  const target = columns ? sd.colWidths : sd.rowHeights;
  for (let i = from; i < to; i++) target[i + 1] = size;
  return sd;
}

/** spreadsheets.batchUpdate: all requests or none. */
export function batchUpdate(
  rt: Runtime,
  entry: DriveEntry,
  model: SpreadsheetData,
  resource: unknown,
): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
  const requests = (resource as Json | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw apiError('Invalid requests: Must specify at least one request.');
  for (const k of Object.keys(resource as Json)) {
    if (k !== 'requests') throw notEmulated(`batchUpdate ${k}`);
  }
  // A working copy: its own list of sheets, each sheet copied when a request first changes it
  // (sheetOf); addSheet only changes the list and nextSheetId, both the copy's own.
  const work: SpreadsheetData = { ...model, sheets: [...model.sheets], metadata: [...model.metadata] };
  const touched = new Set<number>();
  shared = new Set(model.sheets);
  try {
    applyRequests(rt, work, requests, touched);
  } finally {
    shared = null;
  }
  // Commit into the original objects: SpreadsheetApp handles (Sheet, Range) hold on to them.
  const originals = new Map(model.sheets.map((sd) => [sd.id, sd]));
  const sheets = work.sheets.map((sd) => {
    const orig = originals.get(sd.id);
    return orig ? Object.assign(orig, sd) : sd;
  });
  Object.assign(model, work, { sheets });
  rt.touch(entry);
  for (const id of touched) rt.noteTabWrite(entry.id, id);
  return { spreadsheetId: entry.id, replies: requests.map(() => ({})) };
}

/**
 * CreateDeveloperMetadataRequest (reference/rest/v4/spreadsheets/request#createdevelopermetadatarequest)
 * with a DeveloperMetadata (reference/rest/v4/spreadsheets.developerMetadata): the key and the
 * visibility are required ("Developer metadata must always have a key specified", "… a
 * visibility specified"); the location is one of the whole spreadsheet or a sheet (a row or
 * column location is not emulated); a given metadataId must be positive and not in use,
 * otherwise one is assigned. The wording of the refusals is unconfirmed.
 */
function createDeveloperMetadata(work: SpreadsheetData, req: Json, where: string): void {
  const m = (req.developerMetadata ?? null) as Json | null;
  if (!m) throw apiError(`Invalid ${where}: developerMetadata is required.`);
  const key = m.metadataKey;
  if (typeof key !== 'string' || key === '')
    throw apiError(
      `Invalid ${where}.developerMetadata: Developer metadata must always have a key specified.`,
    );
  const visibility = m.visibility;
  if (visibility !== 'DOCUMENT' && visibility !== 'PROJECT')
    throw apiError(
      `Invalid ${where}.developerMetadata: Developer metadata must always have a visibility specified.`,
    );
  const loc = (m.location ?? {}) as Json;
  if (loc.dimensionRange !== undefined) throw notEmulated('developer metadata on a row or column');
  let sheetId: number | null = null;
  if (loc.sheetId !== undefined && loc.spreadsheet === undefined) {
    sheetId = int(loc.sheetId, `${where}.developerMetadata.location.sheetId`);
    if (!work.sheets.some((sd) => !sd.deleted && sd.id === sheetId))
      throw apiError(`Invalid ${where}: No grid with id: ${sheetId}`);
  } else if (loc.spreadsheet !== true || loc.sheetId !== undefined) {
    throw apiError(`Invalid ${where}.developerMetadata.location: exactly one location must be set.`);
  }
  let id: number;
  if (m.metadataId !== undefined) {
    id = int(m.metadataId, `${where}.developerMetadata.metadataId`, 1);
    if (work.metadata.some((x) => x.id === id))
      throw apiError(`Invalid ${where}: Developer metadata with id ${id} already exists.`);
    work.nextId = Math.max(work.nextId, id + 1);
  } else {
    id = work.nextId++;
  }
  const value = m.metadataValue === undefined || m.metadataValue === null ? null : String(m.metadataValue);
  work.metadata.push({
    id,
    key,
    value,
    visibility,
    location: sheetId === null ? 'SPREADSHEET' : 'SHEET',
    sheetId,
    index: null,
  });
}

function applyRequests(rt: Runtime, work: SpreadsheetData, requests: Json[], touched: Set<number>): void {
  requests.forEach((request: Json, i) => {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1)
      throw apiError(`Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0]!;
    const req = request[kind] as Json;
    const where = `requests[${i}].${kind}`;
    switch (kind) {
      case 'addSheet':
        touched.add(addSheet(rt, work, req, where).id);
        break;
      case 'updateSheetProperties':
        touched.add(updateSheetProperties(work, req, where).id);
        break;
      case 'updateCells':
        touched.add(updateCells(work, req, where).id);
        break;
      case 'updateDimensionProperties':
        touched.add(updateDimensionProperties(work, req, where).id);
        break;
      case 'createDeveloperMetadata':
        createDeveloperMetadata(work, req, where);
        break;
      default:
        throw notEmulated(`batchUpdate request ${kind}`);
    }
  });
}
