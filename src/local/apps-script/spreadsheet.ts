/**
 * The emulated SpreadsheetApp and Spreadsheet (reference/spreadsheet/spreadsheet-app,
 * …/spreadsheet; reference/spreadsheet/spreadsheet-app, reference/spreadsheet/spreadsheet). A spreadsheet is a Drive entry whose `data` is the
 * model of spreadsheet-model.ts. Strictness: exact Apps Script errors where known, unknown
 * members throw `Niet geëmuleerd: …`, every call is counted and costs emulated time.
 */
import { registerCopier, urlOf } from './drive-core';
import { Shareable, type SharingMember } from './drive-sharing';
import { implOf, signatureError, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';
import { parseA1, splitSheetPrefix } from './spreadsheet-a1';
import {
  checkCellBudget,
  checkSheetName,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  defaultSheetWord,
  ERR,
  liveSheet,
  MAX_CELLS,
  modelOf,
  newSheetData,
  newSpreadsheetData,
  nextSheetId,
  type SheetData,
  type SpreadsheetData,
} from './spreadsheet-model';
import { addMetadata, finderHandle, metadataHandle, protectionHandle } from './spreadsheet-protection';
import { rangeHandle } from './spreadsheet-range';
import type { SsCtx } from './spreadsheet-range-base';
import { SheetImpl, sheetHandle } from './spreadsheet-sheet';
import { isIanaZone } from './time-zone';

export { createSpreadsheetApp } from './spreadsheet-app';
export { linkFormResponseSheet, snapshotSpreadsheet, unlinkFormResponseSheet } from './spreadsheet-links';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type TemplateOptions = { template?: Sheet | undefined };

// Copies of a spreadsheet drop their form links: the copied tabs no longer receive responses.
registerCopier(MIME.spreadsheet, (_rt, data) => {
  const copy = structuredClone(data as SpreadsheetData);
  for (const s of copy.sheets) s.formUrl = null;
  return copy;
});

export class SpreadsheetImpl
  extends Shareable<Spreadsheet, GoogleAppsScript.Base.User>
  implements
    Pick<
      Spreadsheet,
      | SharingMember
      | 'getId'
      | 'getUrl'
      | 'getName'
      | 'rename'
      | 'getSheets'
      | 'getSheetByName'
      | 'getNumSheets'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'moveActiveSheet'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'setSpreadsheetLocale'
      | 'getFormUrl'
      | 'toast'
      | 'getRange'
      | 'getProtections'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
    >
{
  constructor(
    private readonly rt: Runtime,
    /** Emulator internal (not an Apps Script member). */
    readonly entry: DriveEntry,
  ) {
    super();
  }

  /** Emulator internal: the context handed to sheet and range handles. */
  ctx(): SsCtx {
    return { rt: this.rt, entry: this.entry, model: modelOf(this.entry) };
  }

  private enter(method: string): SpreadsheetData {
    this.rt.call(`Spreadsheet.${method}`);
    return modelOf(this.entry);
  }

  private self(): Spreadsheet {
    return this as unknown as Spreadsheet;
  }

  protected sharedEntry(method: string): DriveEntry {
    this.enter(method);
    return this.entry;
  }

  protected signatureOf(method: string): string {
    return `SpreadsheetApp.Spreadsheet.${method}`;
  }

  private sheetOf(sheet: unknown, method: string): SheetData {
    const impl = implOf(sheet, SheetImpl);
    if (!impl) throw signatureError(`SpreadsheetApp.Spreadsheet.${method}`, [sheet]);
    const sd = liveSheet(impl.sd);
    if (!modelOf(this.entry).sheets.includes(sd)) throw gasError('Invalid argument: sheet');
    return sd;
  }

  private activeData(model: SpreadsheetData): SheetData {
    return model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets.find((s) => !s.hidden)!;
  }

  getId(): string {
    this.enter('getId');
    return this.entry.id;
  }

  getUrl(): string {
    this.enter('getUrl');
    return urlOf(this.entry).replace('?usp=drivesdk', '');
  }

  getName(): string {
    this.enter('getName');
    return this.entry.name;
  }

  rename(newName: string): void {
    this.enter('rename');
    if (typeof newName !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.rename', [newName]);
    this.entry.name = newName;
    this.rt.touch(this.entry);
  }

  /** Tab order, hidden sheets included (reference/spreadsheet/spreadsheet). */
  getSheets(): Sheet[] {
    const model = this.enter('getSheets');
    return model.sheets.map((sd) => sheetHandle(this.ctx(), sd));
  }

  /** Exact-case lookup (case sensitivity unconfirmed; names are unique case-insensitively). */
  getSheetByName(name: string): Sheet | null {
    const model = this.enter('getSheetByName');
    const sd = model.sheets.find((s) => s.name === String(name));
    return sd ? sheetHandle(this.ctx(), sd) : null;
  }

  getSheetById(id: number): Sheet | null {
    const model = this.enter('getSheetById');
    const sd = model.sheets.find((s) => s.id === id);
    return sd ? sheetHandle(this.ctx(), sd) : null;
  }

  getNumSheets(): number {
    return this.enter('getNumSheets').sheets.length;
  }

  /**
   * `insertSheet()`, `(index)`, `(name)`, `(name, index)` and the `{template}` variants. The index
   * is 0-based; the new sheet becomes the active sheet; default name `Sheet<N>` (reference/spreadsheet/spreadsheet).
   */
  insertSheet(
    a?: string | number | TemplateOptions,
    b?: number | TemplateOptions,
    c?: TemplateOptions,
  ): Sheet {
    const model = this.enter('insertSheet');
    const args = [a, b, c].filter((x) => x !== undefined);
    let name: string | undefined;
    let index: number | undefined;
    let options: unknown;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') [index, options] = [b, c];
      else [options] = [b];
    } else if (typeof a === 'number') [index, options] = [a, b];
    else options = a;
    if ((options !== undefined && (options === null || typeof options !== 'object')) || args.length > 3) {
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > model.sheets.length)) {
      throw gasError('Invalid argument: sheetIndex'); // wording unconfirmed
    }
    const template = (options as TemplateOptions | undefined)?.template;
    const tsd = template === undefined ? null : this.sheetOf(template, 'insertSheet');
    if (name === undefined) {
      let n = model.sheets.length + 1;
      const word = defaultSheetWord(this.rt.language);
      while (model.sheets.some((s) => s.name.toLowerCase() === `${word.toLowerCase()}${n}`)) n++;
      name = `${word}${n}`;
    }
    checkSheetName(model, name, null);
    const rows = tsd?.maxRows ?? DEFAULT_ROWS;
    const cols = tsd?.maxCols ?? DEFAULT_COLS;
    checkCellBudget(model, rows * cols);
    const sd = newSheetData(nextSheetId(this.rt, model), name, rows, cols);
    if (tsd) {
      const copy = structuredClone(tsd);
      Object.assign(sd, {
        rows: copy.rows,
        frozenRows: copy.frozenRows,
        frozenCols: copy.frozenCols,
        colWidths: copy.colWidths,
      });
    }
    model.sheets.splice(index ?? model.sheets.length, 0, sd);
    model.activeSheetId = sd.id;
    this.rt.touch(this.entry);
    return sheetHandle(this.ctx(), sd);
  }

  /** The last sheet cannot go: `You can't remove all the sheets in a document.` [W]. */
  deleteSheet(sheet: Sheet): void {
    const model = this.enter('deleteSheet');
    const sd = this.sheetOf(sheet, 'deleteSheet');
    if (model.sheets.length === 1) throw gasError(ERR.lastSheet);
    model.sheets = model.sheets.filter((s) => s !== sd);
    model.protections = model.protections.filter((p) => p.sheetId !== sd.id);
    model.metadata = model.metadata.filter((m) => m.sheetId !== sd.id);
    sd.deleted = true;
    if (model.activeSheetId === sd.id) model.activeSheetId = this.activeData(model).id;
    this.rt.touch(this.entry);
  }

  getActiveSheet(): Sheet {
    const model = this.enter('getActiveSheet');
    return sheetHandle(this.ctx(), this.activeData(model));
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    const model = this.enter('setActiveSheet');
    const sd = this.sheetOf(sheet, 'setActiveSheet');
    model.activeSheetId = sd.id;
    return sheetHandle(this.ctx(), sd);
  }

  /** Moves the active sheet to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    const model = this.enter('moveActiveSheet');
    if (!Number.isInteger(pos) || pos < 1 || pos > model.sheets.length)
      throw gasError('Invalid argument: pos');
    const sd = this.activeData(model);
    model.sheets = model.sheets.filter((s) => s !== sd);
    model.sheets.splice(pos - 1, 0, sd);
  }

  getSpreadsheetTimeZone(): string {
    return this.enter('getSpreadsheetTimeZone').timeZone;
  }

  /** Stored date serials keep their wall clock, so instants read back shift with the zone. */
  setSpreadsheetTimeZone(timezone: string): void {
    const model = this.enter('setSpreadsheetTimeZone');
    if (typeof timezone !== 'string' || !isIanaZone(timezone)) throw gasError('Invalid argument: timeZone');
    model.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this.enter('getSpreadsheetLocale').locale;
  }

  setSpreadsheetLocale(locale: string): void {
    const model = this.enter('setSpreadsheetLocale');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw gasError('Invalid argument: locale');
    model.locale = locale;
  }

  /** One of the linked forms' URLs, or null; use `Sheet.getFormUrl()` per tab (reference/spreadsheet/spreadsheet). */
  getFormUrl(): string | null {
    return this.enter('getFormUrl').sheets.find((s) => s.formUrl !== null)?.formUrl ?? null;
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.enter('toast');
    this.rt.ui.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title) });
  }

  /** `'Tab'!A1:B2` or, without a sheet name, a range on the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const model = this.enter('getRange');
    if (typeof a1Notation !== 'string')
      throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const { sheet, a1 } = splitSheetPrefix(a1Notation);
    const sd =
      sheet === null
        ? this.activeData(model)
        : model.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!sd) throw gasError('Range not found');
    return rangeHandle(this.ctx(), sd, parseA1(a1, sd.maxRows, sd.maxCols));
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const model = this.enter('getProtections');
    const t = String(type);
    if (t !== 'SHEET' && t !== 'RANGE')
      throw signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    return model.protections.filter((p) => p.type === t).map((p) => protectionHandle(this.ctx(), p));
  }

  addDeveloperMetadata(...args: unknown[]): Spreadsheet {
    this.enter('addDeveloperMetadata');
    addMetadata(this.ctx(), { location: 'SPREADSHEET', sheetId: null, index: null }, args);
    return this.self();
  }

  /** Only metadata attached to the spreadsheet itself (reference/spreadsheet/spreadsheet). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const model = this.enter('getDeveloperMetadata');
    return model.metadata
      .filter((m) => m.location === 'SPREADSHEET')
      .map((m) => metadataHandle(this.ctx(), m));
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.enter('createDeveloperMetadataFinder');
    return finderHandle(this.ctx(), null);
  }
}

export function spreadsheetHandle(rt: Runtime, entry: DriveEntry): Spreadsheet {
  return wrap<Spreadsheet>(new SpreadsheetImpl(rt, entry), 'Spreadsheet');
}

/** `create(name, rows, columns)` argument checks and the 10,000,000-cell limit. */
export function createSpreadsheetEntry(rt: Runtime, name: unknown, rows: unknown, cols: unknown): DriveEntry {
  const args = [name, rows, cols].filter((x) => x !== undefined);
  if (typeof name !== 'string' || (args.length !== 1 && args.length !== 3)) {
    throw signatureError('SpreadsheetApp.create', args);
  }
  const r = rows === undefined ? DEFAULT_ROWS : rows;
  const c = cols === undefined ? DEFAULT_COLS : cols;
  if (typeof r !== 'number' || typeof c !== 'number' || !Number.isInteger(r) || !Number.isInteger(c)) {
    throw signatureError('SpreadsheetApp.create', args);
  }
  if (r < 1 || c < 1) throw gasError('Invalid argument: rows/columns');
  if (r * c > MAX_CELLS) throw gasError(ERR.tooManyCells);
  rt.countCreation('spreadsheets');
  return rt.createFile(
    name,
    MIME.spreadsheet,
    newSpreadsheetData(rt.timeZone, r, c, rt.locale, defaultSheetWord(rt.language)),
  );
}
