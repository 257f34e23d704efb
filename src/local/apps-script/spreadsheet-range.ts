/**
 * The emulated `Range` (reference/spreadsheet/range): values with the typed-input
 * coercion of spreadsheet-values.ts, formulas (stored, not computed), geometry and clearing.
 * Formats, notes and validation live in spreadsheet-range-format.ts.
 */

import { implOf, signatureError } from './handles';
import { scriptDate } from './realm';
import { gasError } from './runtime';
import { rectToA1 } from './spreadsheet-a1';
import { type CellData, ERR, type Rect, type SheetData } from './spreadsheet-model';
import { addMetadata, newProtection, protectionHandle } from './spreadsheet-protection';
import { makeRange, type SsCtx } from './spreadsheet-range-base';
import { clearFormats, RangeFormats } from './spreadsheet-range-format';
import { RichTextValueImpl, richTextValue } from './spreadsheet-rich-text';
import { sheetHandle } from './spreadsheet-sheet';
import { type Content, cellValue, contentFromInput, displayOf } from './spreadsheet-values';

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Bounds of `getRange`/`offset` (reference/spreadsheet/sheet, texts [W]): integers only, start ≥ 1, size ≥ 1,
 * inside the grid (reads are not auto-extended).
 */
export function checkRect(sd: SheetData, rect: Rect, method: string, args: unknown[]): Rect {
  for (const v of [rect.r, rect.c, rect.nr, rect.nc]) {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw signatureError(method, args);
  }
  if (rect.r < 1) throw gasError('The starting row of the range is too small.');
  if (rect.c < 1) throw gasError('The starting column of the range is too small.');
  if (rect.nr < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (rect.nc < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (rect.r + rect.nr - 1 > sd.maxRows || rect.c + rect.nc - 1 > sd.maxCols) throw gasError(ERR.outside);
  return rect;
}

function applyContent(cell: CellData, content: Content): void {
  delete cell.v;
  delete cell.d;
  delete cell.f;
  delete cell.link;
  Object.assign(cell, content);
}

type RichText = GoogleAppsScript.Spreadsheet.RichTextValue;

/**
 * A cell as a RichTextValue: null when its value is not text (range#getRichTextValue: "or null
 * if the cell value is not text"); an empty cell is empty text.
 */
function richTextOf(rt: SsCtx['rt'], cell: CellData | null): RichText | null {
  if (!cell || cell.v === undefined) return cell?.f !== undefined ? null : richTextValue(rt, '', null);
  if (typeof cell.v !== 'string' || cell.d) return null;
  return richTextValue(rt, cell.v, cell.link ?? null);
}

export class RangeImpl
  extends RangeFormats
  implements
    Pick<
      Range,
      | 'getValues'
      | 'getValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'setValues'
      | 'setValue'
      | 'getFormulas'
      | 'getFormula'
      | 'setFormulas'
      | 'setFormula'
      | 'clear'
      | 'clearContent'
      | 'getA1Notation'
      | 'getRow'
      | 'getRowIndex'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getHeight'
      | 'getWidth'
      | 'getGridId'
      | 'getSheet'
      | 'offset'
      | 'isBlank'
      | 'activate'
      | 'protect'
      | 'addDeveloperMetadata'
      | 'getRichTextValue'
      | 'getRichTextValues'
      | 'setRichTextValue'
      | 'setRichTextValues'
    >
{
  getRichTextValue(): RichText | null {
    this.enter('getRichTextValue');
    return richTextOf(this.ctx.rt, this.topLeft());
  }

  getRichTextValues(): (RichText | null)[][] {
    this.enter('getRichTextValues');
    const rt = this.ctx.rt;
    return this.readCells((c) => richTextOf(rt, c));
  }

  /** The text is stored as text, never read as a number, date or formula; the link with it. */
  private richContents(grid: unknown[][], method: string, arg: unknown): CellData[][] {
    return grid.map((row) =>
      row.map((v) => {
        const impl = implOf(v, RichTextValueImpl);
        if (!impl) throw signatureError(`SpreadsheetApp.Range.${method}`, [arg]);
        const out: CellData = {};
        if (impl.text !== '') out.v = impl.text;
        if (impl.link !== null && impl.text !== '') out.link = impl.link;
        return out;
      }),
    );
  }

  setRichTextValue(value: RichText): Range {
    this.enter('setRichTextValue');
    const grid = Array.from({ length: this.rect.nr }, () => new Array<unknown>(this.rect.nc).fill(value));
    const contents = this.richContents(grid, 'setRichTextValue', value);
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  setRichTextValues(values: RichText[][]): Range {
    this.enter('setRichTextValues');
    const contents = this.richContents(
      this.checkGrid(values, 'setRichTextValues'),
      'setRichTextValues',
      values,
    );
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  getValues(): unknown[][] {
    this.enter('getValues');
    // Read once: `this` is the strict proxy, a read through it per cell costs a trap each time.
    const timeZone = this.ctx.model.timeZone;
    return this.readCells((c) => cellValue(c, timeZone, scriptDate));
  }

  getValue(): unknown {
    this.enter('getValue');
    return cellValue(this.topLeft(), this.ctx.model.timeZone, scriptDate);
  }

  getDisplayValues(): string[][] {
    this.enter('getDisplayValues');
    const locale = this.ctx.model.locale;
    return this.readCells((c) => displayOf(c, locale));
  }

  getDisplayValue(): string {
    this.enter('getDisplayValue');
    return displayOf(this.topLeft(), this.ctx.model.locale);
  }

  /** Converts every value first, so a rejected value leaves the range unchanged. */
  private contents(grid: unknown[][], method: string, arg: unknown): Content[][] {
    const ctx = {
      locale: this.ctx.model.locale,
      timeZone: this.ctx.model.timeZone,
      reject: () => signatureError(`SpreadsheetApp.Range.${method}`, [arg]),
    };
    // Locals: `this` is the strict proxy; reading through it in the loop costs a trap per cell.
    const rows = this.sd.rows;
    const { r, c } = this.rect;
    return grid.map((row, i) =>
      row.map((v, j) => contentFromInput(v, rows[r + i - 1]?.[c + j - 1]?.nf, ctx)),
    );
  }

  setValues(values: unknown[][]): Range {
    this.enter('setValues');
    const contents = this.contents(this.checkGrid(values, 'setValues'), 'setValues', values);
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  /** Writes every cell of the range (unconfirmed for multi-cell ranges; reference/spreadsheet/range). */
  setValue(value: unknown): Range {
    this.enter('setValue');
    const grid = Array.from({ length: this.rect.nr }, () => new Array<unknown>(this.rect.nc).fill(value));
    const contents = this.contents(grid, 'setValue', value);
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  getFormulas(): string[][] {
    this.enter('getFormulas');
    return this.readCells((c) => c?.f ?? '');
  }

  getFormula(): string {
    this.enter('getFormula');
    return this.topLeft()?.f ?? '';
  }

  /** Formula text is stored as given; relative references are not adjusted per cell. */
  setFormula(formula: string): Range {
    this.enter('setFormula');
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    const grid = Array.from({ length: this.rect.nr }, () => new Array<unknown>(this.rect.nc).fill(formula));
    const contents = this.contents(grid, 'setFormula', formula);
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  setFormulas(formulas: string[][]): Range {
    this.enter('setFormulas');
    const grid = this.checkGrid(formulas, 'setFormulas');
    if (grid.some((row) => row.some((f) => typeof f !== 'string'))) {
      throw signatureError('SpreadsheetApp.Range.setFormulas', [formulas]);
    }
    const contents = this.contents(grid, 'setFormulas', formulas);
    this.writeCells((cell, i, j) => applyContent(cell, contents[i]![j]!));
    return this.self();
  }

  /**
   * `clear()` removes content and formats; notes and validation are kept (unconfirmed).
   * Options: `contentsOnly`, `formatOnly`, `validationsOnly`, `commentsOnly` (notes).
   */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    this.enter('clear');
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    this.clearCells((cell) => {
      if (!any || o.contentsOnly) applyContent(cell, {});
      if (!any || o.formatOnly) clearFormats(cell);
      if (o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
    });
    return this.self();
  }

  clearContent(): Range {
    this.enter('clearContent');
    this.clearCells((cell) => applyContent(cell, {}));
    return this.self();
  }

  getA1Notation(): string {
    this.enter('getA1Notation');
    return rectToA1(this.rect);
  }

  getRow(): number {
    this.enter('getRow');
    return this.rect.r;
  }

  getRowIndex(): number {
    this.enter('getRowIndex');
    return this.rect.r;
  }

  getColumn(): number {
    this.enter('getColumn');
    return this.rect.c;
  }

  getNumRows(): number {
    this.enter('getNumRows');
    return this.rect.nr;
  }

  getNumColumns(): number {
    this.enter('getNumColumns');
    return this.rect.nc;
  }

  getHeight(): number {
    this.enter('getHeight');
    return this.rect.nr;
  }

  getWidth(): number {
    this.enter('getWidth');
    return this.rect.nc;
  }

  /** End row of the range (not of the data). */
  getLastRow(): number {
    this.enter('getLastRow');
    return this.rect.r + this.rect.nr - 1;
  }

  getLastColumn(): number {
    this.enter('getLastColumn');
    return this.rect.c + this.rect.nc - 1;
  }

  getGridId(): number {
    return this.enter('getGridId').id;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return sheetHandle(this.ctx, this.enter('getSheet'));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const sd = this.enter('offset');
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    const rect = {
      r: this.rect.r + rowOffset,
      c: this.rect.c + columnOffset,
      nr: numRows ?? this.rect.nr,
      nc: numColumns ?? this.rect.nc,
    };
    return rangeHandle(this.ctx, sd, checkRect(sd, rect, 'SpreadsheetApp.Range.offset', args));
  }

  isBlank(): boolean {
    this.enter('isBlank');
    return this.readCells((c) => c?.f === undefined && (c?.v === undefined || c.v === '')).every((row) =>
      row.every(Boolean),
    );
  }

  activate(): Range {
    const sd = this.enter('activate');
    this.ctx.model.activeSheetId = sd.id;
    return this.self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sd = this.enter('protect');
    return protectionHandle(this.ctx, newProtection(this.ctx, sd, { ...this.rect }));
  }

  /**
   * Only whole rows or whole columns carry developer metadata; other ranges are refused
   * (wording [W]).
   */
  addDeveloperMetadata(...args: unknown[]): Range {
    const sd = this.enter('addDeveloperMetadata');
    const wholeRows = this.rect.c === 1 && this.rect.nc === sd.maxCols;
    const wholeCols = this.rect.r === 1 && this.rect.nr === sd.maxRows;
    if (!wholeRows && !wholeCols) {
      throw gasError(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    const where = wholeRows
      ? { location: 'ROW' as const, sheetId: sd.id, index: this.rect.r }
      : { location: 'COLUMN' as const, sheetId: sd.id, index: this.rect.c };
    addMetadata(this.ctx, where, args);
    this.touch();
    return this.self();
  }

  override toString(): string {
    return 'Range';
  }
}

export function rangeHandle(ctx: SsCtx, sd: SheetData, rect: Rect): Range {
  return makeRange(new RangeImpl(ctx, sd, { ...rect }));
}
