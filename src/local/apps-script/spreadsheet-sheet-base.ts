/**
 * Grid and view part of the emulated `Sheet` (reference/spreadsheet/sheet):
 * `appendRow`, clearing, inserting/deleting rows and columns with their bounds errors,
 * freezing, hiding, tab colour and sizes. Ranges, naming and protection: spreadsheet-sheet.ts.
 */
import { signatureError } from './handles';
import { gasError } from './runtime';
import {
  cellAt,
  cellForWrite,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  deleteColsAt,
  deleteRowsAt,
  ERR,
  insertColsAt,
  insertRowsAt,
  lastRow,
  liveSheet,
  type SheetData,
} from './spreadsheet-model';
import { normalizeColor, type SsCtx } from './spreadsheet-range-base';
import { clearFormats } from './spreadsheet-range-format';
import { contentFromInput, displayOf } from './spreadsheet-values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export abstract class SheetBase
  implements
    Pick<
      Sheet,
      | 'appendRow'
      | 'clear'
      | 'clearContents'
      | 'clearFormats'
      | 'clearNotes'
      | 'deleteColumn'
      | 'deleteColumns'
      | 'deleteRow'
      | 'deleteRows'
      | 'insertColumnAfter'
      | 'insertColumnBefore'
      | 'insertColumns'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'insertRowAfter'
      | 'insertRowBefore'
      | 'insertRows'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'setFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'hideSheet'
      | 'showSheet'
      | 'isSheetHidden'
      | 'setTabColor'
      | 'getTabColor'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'getColumnWidth'
      | 'setRowHeight'
      | 'getRowHeight'
      | 'autoResizeColumn'
      | 'autoResizeColumns'
    >
{
  constructor(
    protected readonly ctx: SsCtx,
    /** Emulator internal (not an Apps Script member). */
    readonly sd: SheetData,
  ) {}

  protected enter(method: string): SheetData {
    this.ctx.rt.call(`Sheet.${method}`);
    return liveSheet(this.sd);
  }

  protected self(): Sheet {
    return this as unknown as Sheet;
  }

  protected touch(): void {
    this.ctx.rt.touch(this.ctx.entry);
    this.ctx.rt.noteTabWrite(this.ctx.entry.id, this.sd.id);
  }

  /**
   * Writes after the last row with content, growing the grid when it is full (commonly observed,
   * unconfirmed); same coercion as `setValues` (reference/spreadsheet/sheet).
   */
  appendRow(rowContents: unknown[]): Sheet {
    const sd = this.enter('appendRow');
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length === 0) return this.self();
    const r = lastRow(sd) + 1;
    const ctx = {
      locale: this.ctx.model.locale,
      timeZone: this.ctx.model.timeZone,
      reject: () => signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]),
    };
    const contents = rowContents.map((v, j) => contentFromInput(v, cellAt(sd, r, j + 1)?.nf, ctx));
    if (r > sd.maxRows) insertRowsAt(this.ctx.model, sd, sd.maxRows + 1, r - sd.maxRows);
    if (rowContents.length > sd.maxCols) {
      insertColsAt(this.ctx.model, sd, sd.maxCols + 1, rowContents.length - sd.maxCols);
    }
    contents.forEach((content, j) => {
      const cell = cellForWrite(sd, r, j + 1);
      delete cell.v;
      delete cell.d;
      delete cell.f;
      Object.assign(cell, content);
    });
    this.touch();
    return this.self();
  }

  private eachCell(fn: (cell: NonNullable<ReturnType<typeof cellAt>>) => void): void {
    for (const row of this.sd.rows) for (const cell of row ?? []) if (cell) fn(cell);
    this.touch();
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    this.enter('clear');
    const o = options ?? {};
    const both = !o.formatOnly && !o.contentsOnly;
    this.eachCell((cell) => {
      if (both || o.contentsOnly) {
        delete cell.v;
        delete cell.d;
        delete cell.f;
        delete cell.link;
      }
      if (both || o.formatOnly) clearFormats(cell);
    });
    return this.self();
  }

  clearContents(): Sheet {
    this.enter('clearContents');
    this.eachCell((cell) => {
      delete cell.v;
      delete cell.d;
      delete cell.f;
      delete cell.link;
    });
    return this.self();
  }

  clearFormats(): Sheet {
    this.enter('clearFormats');
    this.eachCell(clearFormats);
    return this.self();
  }

  clearNotes(): Sheet {
    this.enter('clearNotes');
    this.eachCell((cell) => delete cell.note);
    return this.self();
  }

  // ---- grid changes --------------------------------------------------------------------------

  private rowsAt(method: string, at: number, n: number, allowEnd: boolean): SheetData {
    const sd = this.enter(method);
    if (!Number.isInteger(at) || !Number.isInteger(n))
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [at, n]);
    if (n < 1 || at < 1 || at > sd.maxRows + (allowEnd ? 1 : 0)) throw gasError(ERR.rowsOut);
    insertRowsAt(this.ctx.model, sd, at, n);
    this.touch();
    return sd;
  }

  private colsAt(method: string, at: number, n: number, allowEnd: boolean): SheetData {
    const sd = this.enter(method);
    if (!Number.isInteger(at) || !Number.isInteger(n))
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [at, n]);
    if (n < 1 || at < 1 || at > sd.maxCols + (allowEnd ? 1 : 0)) throw gasError(ERR.colsOut);
    insertColsAt(this.ctx.model, sd, at, n);
    this.touch();
    return sd;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.rowsAt('insertRows', rowIndex, numRows, false);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.rowsAt('insertRowsBefore', beforePosition, howMany, false);
    return this.self();
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.rowsAt('insertRowsAfter', afterPosition + 1, howMany, true);
    return this.self();
  }

  insertRowBefore(beforePosition: number): Sheet {
    this.rowsAt('insertRowBefore', beforePosition, 1, false);
    return this.self();
  }

  insertRowAfter(afterPosition: number): Sheet {
    this.rowsAt('insertRowAfter', afterPosition + 1, 1, true);
    return this.self();
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.colsAt('insertColumns', columnIndex, numColumns, false);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.colsAt('insertColumnsBefore', beforePosition, howMany, false);
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.colsAt('insertColumnsAfter', afterPosition + 1, howMany, true);
    return this.self();
  }

  insertColumnBefore(beforePosition: number): Sheet {
    this.colsAt('insertColumnBefore', beforePosition, 1, false);
    return this.self();
  }

  insertColumnAfter(afterPosition: number): Sheet {
    this.colsAt('insertColumnAfter', afterPosition + 1, 1, true);
    return this.self();
  }

  /** Out of the grid → `Those rows are out of bounds.`; all non-frozen rows → refused [W]. */
  private dropRows(method: string, pos: number, n: number): void {
    const sd = this.enter(method);
    if (!Number.isInteger(pos) || !Number.isInteger(n))
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [pos, n]);
    if (n < 1 || pos < 1 || pos + n - 1 > sd.maxRows) throw gasError(ERR.rowsOut);
    if (sd.maxRows - n <= sd.frozenRows)
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    deleteRowsAt(sd, pos, n);
    this.touch();
  }

  private dropCols(method: string, pos: number, n: number): void {
    const sd = this.enter(method);
    if (!Number.isInteger(pos) || !Number.isInteger(n))
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [pos, n]);
    if (n < 1 || pos < 1 || pos + n - 1 > sd.maxCols) throw gasError(ERR.colsOut);
    if (sd.maxCols - n <= sd.frozenCols)
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    deleteColsAt(sd, pos, n);
    this.touch();
  }

  deleteRow(rowPosition: number): Sheet {
    this.dropRows('deleteRow', rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.dropRows('deleteRows', rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.dropCols('deleteColumn', columnPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.dropCols('deleteColumns', columnPosition, howMany);
  }

  // ---- view ----------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    const sd = this.enter('setFrozenRows');
    if (!Number.isInteger(rows) || rows < 0 || rows >= sd.maxRows) throw gasError('Invalid argument: rows');
    sd.frozenRows = rows;
    this.touch();
  }

  setFrozenColumns(columns: number): void {
    const sd = this.enter('setFrozenColumns');
    if (!Number.isInteger(columns) || columns < 0 || columns >= sd.maxCols)
      throw gasError('Invalid argument: columns');
    sd.frozenCols = columns;
    this.touch();
  }

  getFrozenRows(): number {
    return this.enter('getFrozenRows').frozenRows;
  }

  getFrozenColumns(): number {
    return this.enter('getFrozenColumns').frozenCols;
  }

  /** Hiding the only visible sheet throws [W]; hiding a hidden sheet is a no-op. */
  hideSheet(): Sheet {
    const sd = this.enter('hideSheet');
    if (sd.hidden) return this.self();
    if (!this.ctx.model.sheets.some((s) => s !== sd && !s.hidden)) throw gasError(ERR.hideLast);
    sd.hidden = true;
    if (this.ctx.model.activeSheetId === sd.id) {
      this.ctx.model.activeSheetId = this.ctx.model.sheets.find((s) => !s.hidden)!.id;
    }
    this.touch();
    return this.self();
  }

  showSheet(): Sheet {
    this.enter('showSheet').hidden = false;
    this.touch();
    return this.self();
  }

  isSheetHidden(): boolean {
    return this.enter('isSheetHidden').hidden;
  }

  setTabColor(color: string | null): Sheet {
    this.enter('setTabColor').tabColor = normalizeColor(color, 'setTabColor') ?? null;
    this.touch();
    return this.self();
  }

  getTabColor(): string | null {
    return this.enter('getTabColor').tabColor;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.enter('setColumnWidth').colWidths[columnPosition] = width;
    return this.self();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const sd = this.enter('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) sd.colWidths[c] = width;
    return this.self();
  }

  getColumnWidth(columnPosition: number): number {
    return this.enter('getColumnWidth').colWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    this.enter('setRowHeight').rowHeights[rowPosition] = height;
    return this.self();
  }

  getRowHeight(rowPosition: number): number {
    return this.enter('getRowHeight').rowHeights[rowPosition] ?? DEFAULT_ROW_HEIGHT;
  }

  /** Estimates a fitting width from the longest displayed text (about 7 px per character). */
  private autoWidth(sd: SheetData, col: number): void {
    let longest = 0;
    for (let r = 1; r <= sd.rows.length; r++) {
      longest = Math.max(longest, displayOf(cellAt(sd, r, col), this.ctx.model.locale).length);
    }
    sd.colWidths[col] = Math.min(Math.max(longest * 7 + 12, 30), 1000);
  }

  autoResizeColumn(columnPosition: number): Sheet {
    this.autoWidth(this.enter('autoResizeColumn'), columnPosition);
    return this.self();
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const sd = this.enter('autoResizeColumns');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.autoWidth(sd, c);
    return this.self();
  }
}
