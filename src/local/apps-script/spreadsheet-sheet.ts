/**
 * The emulated `Sheet` (reference/spreadsheet/sheet): ranges, data extent,
 * naming, position, protection, metadata and copies; grid changes and view settings live in
 * spreadsheet-sheet-base.ts. Handles to a deleted sheet throw on use.
 */
import { implOf, signatureError, wrap } from './handles';
import { gasError } from './runtime';
import { SpreadsheetImpl, spreadsheetHandle } from './spreadsheet';
import { parseA1, splitSheetPrefix } from './spreadsheet-a1';
import {
  checkCellBudget,
  checkSheetName,
  lastCol,
  lastRow,
  nextSheetId,
  type Rect,
  type SheetData,
} from './spreadsheet-model';
import { addMetadata, finderHandle, newProtection, protectionHandle } from './spreadsheet-protection';
import { checkRect, rangeHandle } from './spreadsheet-range';
import type { SsCtx } from './spreadsheet-range-base';
import { SheetBase } from './spreadsheet-sheet-base';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class SheetImpl
  extends SheetBase
  implements
    Pick<
      Sheet,
      | 'activate'
      | 'copyTo'
      | 'getDataRange'
      | 'getFormUrl'
      | 'getIndex'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getMaxColumns'
      | 'getMaxRows'
      | 'getName'
      | 'getSheetName'
      | 'getParent'
      | 'getProtections'
      | 'getRange'
      | 'getSheetId'
      | 'getSheetValues'
      | 'protect'
      | 'setName'
      | 'addDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
    >
{
  private range(rect: Rect): Range {
    return rangeHandle(this.ctx, this.sd, rect);
  }

  activate(): Sheet {
    this.ctx.model.activeSheetId = this.enter('activate').id;
    return this.self();
  }

  getName(): string {
    return this.enter('getName').name;
  }

  getSheetName(): string {
    return this.enter('getSheetName').name;
  }

  /** Duplicate names (case-insensitive) are refused (reference/spreadsheet/sheet). */
  setName(name: string): Sheet {
    const sd = this.enter('setName');
    sd.name = checkSheetName(this.ctx.model, name, sd);
    this.touch();
    return this.self();
  }

  getSheetId(): number {
    return this.enter('getSheetId').id;
  }

  /** 1-based tab position (reference/spreadsheet/sheet). */
  getIndex(): number {
    return this.ctx.model.sheets.indexOf(this.enter('getIndex')) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.enter('getParent');
    return spreadsheetHandle(this.ctx.rt, this.ctx.entry);
  }

  getFormUrl(): string | null {
    return this.enter('getFormUrl').formUrl;
  }

  getRange(a: number | string, b?: number, c?: number, d?: number): Range {
    const sd = this.enter('getRange');
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (typeof a === 'string' && args.length === 1) {
      const { sheet, a1 } = splitSheetPrefix(a);
      if (sheet !== null && sheet !== sd.name) throw gasError('Range not found');
      return this.range(parseA1(a1, sd.maxRows, sd.maxCols));
    }
    if (typeof a !== 'number' || typeof b !== 'number')
      throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    return this.range(
      checkRect(sd, { r: a, c: b, nr: c ?? 1, nc: d ?? 1 }, 'SpreadsheetApp.Sheet.getRange', args),
    );
  }

  /** `A1:<last col><last row>`; an empty sheet gives `A1` [W]. */
  getDataRange(): Range {
    const sd = this.enter('getDataRange');
    return this.range({ r: 1, c: 1, nr: Math.max(lastRow(sd), 1), nc: Math.max(lastCol(sd), 1) });
  }

  /** `-1` for a count means "up to the last row/column with data". */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sd = this.enter('getSheetValues');
    const nr = numRows === -1 ? lastRow(sd) - startRow + 1 : numRows;
    const nc = numColumns === -1 ? lastCol(sd) - startColumn + 1 : numColumns;
    const args = [startRow, startColumn, numRows, numColumns];
    const rect = checkRect(
      sd,
      { r: startRow, c: startColumn, nr, nc },
      'SpreadsheetApp.Sheet.getSheetValues',
      args,
    );
    return this.ctx.rt.uncounted(() => this.range(rect).getValues());
  }

  getLastRow(): number {
    return lastRow(this.enter('getLastRow'));
  }

  getLastColumn(): number {
    return lastCol(this.enter('getLastColumn'));
  }

  getMaxRows(): number {
    return this.enter('getMaxRows').maxRows;
  }

  getMaxColumns(): number {
    return this.enter('getMaxColumns').maxCols;
  }

  // ---- protection, metadata, copies ---------------------------------------------------------

  /** Returns the existing sheet protection when there is one (reference/spreadsheet/sheet). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sd = this.enter('protect');
    const existing = this.ctx.model.protections.find((p) => p.type === 'SHEET' && p.sheetId === sd.id);
    return protectionHandle(this.ctx, existing ?? newProtection(this.ctx, sd, null));
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const sd = this.enter('getProtections');
    const t = String(type);
    if (t !== 'SHEET' && t !== 'RANGE') throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    return this.ctx.model.protections
      .filter((p) => p.sheetId === sd.id && p.type === t)
      .map((p) => protectionHandle(this.ctx, p));
  }

  addDeveloperMetadata(...args: unknown[]): Sheet {
    const sd = this.enter('addDeveloperMetadata');
    addMetadata(this.ctx, { location: 'SHEET', sheetId: sd.id, index: null }, args);
    return this.self();
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return finderHandle(this.ctx, this.enter('createDeveloperMetadataFinder').id);
  }

  /** Copy named `Copy of <name>` at the end of the target spreadsheet (reference/spreadsheet/sheet). */
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
    const sd = this.enter('copyTo');
    const target = implOf(spreadsheet, SpreadsheetImpl);
    if (!target) throw signatureError('SpreadsheetApp.Sheet.copyTo', [spreadsheet]);
    const tctx = target.ctx();
    checkCellBudget(tctx.model, sd.maxRows * sd.maxCols);
    const copy: SheetData = {
      ...structuredClone(sd),
      id: nextSheetId(this.ctx.rt, tctx.model),
      formUrl: null,
    };
    const taken = (n: string) => tctx.model.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase());
    let name = `Copy of ${sd.name}`;
    for (let i = 2; taken(name); i++) name = `Copy of ${sd.name} ${i}`;
    copy.name = name;
    copy.hidden = false;
    tctx.model.sheets.push(copy);
    this.ctx.rt.touch(tctx.entry);
    return sheetHandle(tctx, copy);
  }

  override toString(): string {
    return 'Sheet';
  }
}

export function sheetHandle(ctx: SsCtx, sd: SheetData): Sheet {
  return wrap<Sheet>(new SheetImpl(ctx, sd), 'Sheet');
}
