/**
 * Formatting, notes and validation of the emulated `Range` (reference/spreadsheet/range;
 * reference/spreadsheet/range). Single-value setters apply to every cell; `null` resets to the default;
 * the 2-D setters must match the range exactly (same errors as `setValues`).
 */
import { signatureError } from './handles';
import { gasError } from './runtime';
import type { CellData, ValidationData } from './spreadsheet-model';
import { normalizeColor, RangeBase } from './spreadsheet-range-base';
import { ruleData, validationHandle } from './spreadsheet-validation';
import { GENERAL_FORMAT } from './spreadsheet-values';

type Range = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

const DEFAULT_BG = '#ffffff';
const DEFAULT_FC = '#000000';

function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  // Wording unconfirmed; Apps Script rejects values outside the documented set.
  throw gasError(`Invalid argument: ${what}`);
}

function assign<K extends keyof CellData>(cell: CellData, key: K, value: CellData[K] | undefined): void {
  if (value === undefined) delete cell[key];
  else cell[key] = value;
}

export abstract class RangeFormats
  extends RangeBase
  implements
    Pick<
      Range,
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'setBackground'
      | 'setBackgrounds'
      | 'getBackground'
      | 'getBackgrounds'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'setFontColor'
      | 'setFontColors'
      | 'getFontColor'
      | 'getFontColors'
      | 'setFontStyle'
      | 'getFontStyle'
      | 'setWrap'
      | 'setWrapStrategy'
      | 'getWrap'
      | 'setHorizontalAlignment'
      | 'setVerticalAlignment'
      | 'setNote'
      | 'setNotes'
      | 'getNote'
      | 'getNotes'
      | 'clearNote'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'clearDataValidations'
      | 'clearFormat'
    >
{
  private setAll<K extends keyof CellData>(key: K, value: CellData[K] | undefined): Range {
    this.writeCells((cell) => assign(cell, key, value));
    return this.self();
  }

  private setGrid<K extends keyof CellData>(
    method: string,
    data: unknown,
    key: K,
    map: (v: unknown) => CellData[K] | undefined,
  ): Range {
    const grid = this.checkGrid(data, method);
    const mapped = grid.map((row) => row.map(map));
    this.writeCells((cell, i, j) => assign(cell, key, mapped[i]?.[j]));
    return this.self();
  }

  setNumberFormat(numberFormat: string): Range {
    this.enter('setNumberFormat');
    if (typeof numberFormat !== 'string')
      throw signatureError('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    return this.setAll('nf', numberFormat === '' ? undefined : numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): Range {
    this.enter('setNumberFormats');
    return this.setGrid('setNumberFormats', numberFormats, 'nf', (v) =>
      v === '' || v == null ? undefined : String(v),
    );
  }

  getNumberFormat(): string {
    this.enter('getNumberFormat');
    return this.topLeft()?.nf ?? GENERAL_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.enter('getNumberFormats');
    return this.readCells((c) => c?.nf ?? GENERAL_FORMAT);
  }

  setBackground(color: string | null): Range {
    this.enter('setBackground');
    return this.setAll('bg', normalizeColor(color, 'setBackground'));
  }

  setBackgrounds(color: (string | null)[][]): Range {
    this.enter('setBackgrounds');
    return this.setGrid('setBackgrounds', color, 'bg', (v) => normalizeColor(v, 'setBackgrounds'));
  }

  getBackground(): string {
    this.enter('getBackground');
    return this.topLeft()?.bg ?? DEFAULT_BG;
  }

  getBackgrounds(): string[][] {
    this.enter('getBackgrounds');
    return this.readCells((c) => c?.bg ?? DEFAULT_BG);
  }

  setFontWeight(fontWeight: FontWeight | null): Range {
    this.enter('setFontWeight');
    return this.setAll('fw', oneOf(fontWeight, ['bold', 'normal'], 'fontWeight'));
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): Range {
    this.enter('setFontWeights');
    return this.setGrid('setFontWeights', fontWeights, 'fw', (v) =>
      oneOf(v, ['bold', 'normal'], 'fontWeight'),
    );
  }

  getFontWeight(): FontWeight {
    this.enter('getFontWeight');
    return this.topLeft()?.fw ?? 'normal';
  }

  getFontWeights(): FontWeight[][] {
    this.enter('getFontWeights');
    return this.readCells((c) => c?.fw ?? 'normal');
  }

  setFontColor(color: string | null): Range {
    this.enter('setFontColor');
    return this.setAll('fc', normalizeColor(color, 'setFontColor'));
  }

  setFontColors(colors: unknown[][]): Range {
    this.enter('setFontColors');
    return this.setGrid('setFontColors', colors, 'fc', (v) => normalizeColor(v, 'setFontColors'));
  }

  getFontColor(): string {
    this.enter('getFontColor');
    return this.topLeft()?.fc ?? DEFAULT_FC;
  }

  getFontColors(): string[][] {
    this.enter('getFontColors');
    return this.readCells((c) => c?.fc ?? DEFAULT_FC);
  }

  setFontStyle(fontStyle: FontStyle | null): Range {
    this.enter('setFontStyle');
    return this.setAll('fs', oneOf(fontStyle, ['italic', 'normal'], 'fontStyle'));
  }

  getFontStyle(): FontStyle {
    this.enter('getFontStyle');
    return this.topLeft()?.fs ?? 'normal';
  }

  setWrap(isWrapEnabled: boolean): Range {
    this.enter('setWrap');
    return this.setAll('wrap', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    this.enter('setWrapStrategy');
    return this.setAll('wrap', oneOf(String(strategy), ['WRAP', 'OVERFLOW', 'CLIP'], 'strategy'));
  }

  getWrap(): boolean {
    this.enter('getWrap');
    return this.topLeft()?.wrap === 'WRAP';
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    this.enter('setHorizontalAlignment');
    return this.setAll('ha', oneOf(alignment, ['left', 'center', 'normal', 'right'], 'alignment'));
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    this.enter('setVerticalAlignment');
    return this.setAll('va', oneOf(alignment, ['top', 'middle', 'bottom'], 'alignment'));
  }

  /** Records the call only (borders are not rendered by the exporters). */
  setBorder(...args: unknown[]): Range {
    const sd = this.enter('setBorder');
    if (args.length !== 6 && args.length !== 8) throw signatureError('SpreadsheetApp.Range.setBorder', args);
    sd.borders.push(`${this.rect.r},${this.rect.c},${this.rect.nr},${this.rect.nc}`);
    this.touch();
    return this.self();
  }

  setNote(note: string | null): Range {
    this.enter('setNote');
    return this.setAll('note', note === null || note === '' ? undefined : String(note));
  }

  setNotes(notes: (string | null)[][]): Range {
    this.enter('setNotes');
    return this.setGrid('setNotes', notes, 'note', (v) =>
      v === null || v === '' || v === undefined ? undefined : String(v),
    );
  }

  getNote(): string {
    this.enter('getNote');
    return this.topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    this.enter('getNotes');
    return this.readCells((c) => c?.note ?? '');
  }

  clearNote(): Range {
    this.enter('clearNote');
    this.clearCells((cell) => delete cell.note);
    return this.self();
  }

  setDataValidation(rule: Rule | null): Range {
    this.enter('setDataValidation');
    // One stored rule for the whole range: cells share it (nothing changes a stored rule in
    // place; reading one hands out a copy, see ruleOf), so a rule over a column of 1,000 rows
    // costs no 1,000 copies.
    const data = ruleData(rule, 'setDataValidation');
    const stored = data ? structuredClone(data) : undefined;
    this.writeCells((cell) => assign(cell, 'dv', stored));
    return this.self();
  }

  setDataValidations(rules: (Rule | null)[][]): Range {
    this.enter('setDataValidations');
    const grid = this.checkGrid(rules, 'setDataValidations').map((row) =>
      row.map((r) => ruleData(r, 'setDataValidations')),
    );
    this.writeCells((cell, i, j) => {
      const data = grid[i]?.[j];
      assign(cell, 'dv', data ? structuredClone(data) : undefined);
    });
    return this.self();
  }

  private ruleOf(dv: ValidationData | undefined): Rule | null {
    return dv ? validationHandle(this.rt, structuredClone(dv)) : null;
  }

  getDataValidation(): Rule | null {
    this.enter('getDataValidation');
    return this.ruleOf(this.topLeft()?.dv);
  }

  getDataValidations(): (Rule | null)[][] {
    this.enter('getDataValidations');
    return this.readCells((c) => this.ruleOf(c?.dv));
  }

  clearDataValidations(): Range {
    this.enter('clearDataValidations');
    this.clearCells((cell) => delete cell.dv);
    return this.self();
  }

  clearFormat(): Range {
    this.enter('clearFormat');
    this.clearCells(clearFormats);
    return this.self();
  }
}

export function clearFormats(cell: CellData): void {
  for (const k of ['nf', 'bg', 'fw', 'fc', 'fs', 'ha', 'va', 'wrap'] as const) delete cell[k];
}
