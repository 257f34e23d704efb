/**
 * Shared state and helpers of the emulated `Range` (reference/spreadsheet/range): the sheet
 * and rectangle it points at, cell iteration and the exact-shape check of the 2-D setters.
 */
import { signatureError, wrap } from './handles';
import { type DriveEntry, gasError, type Runtime } from './runtime';
import {
  type CellData,
  cellAt,
  cellForWrite,
  liveSheet,
  type Rect,
  type SheetData,
  type SpreadsheetData,
} from './spreadsheet-model';

/** What every spreadsheet handle carries: the runtime, the Drive entry and its model. */
export interface SsCtx {
  rt: Runtime;
  entry: DriveEntry;
  model: SpreadsheetData;
}

type Range = GoogleAppsScript.Spreadsheet.Range;

export abstract class RangeBase {
  constructor(
    protected readonly ctx: SsCtx,
    /** Emulator internals (not Apps Script members): the sheet and rectangle of this range. */
    readonly sd: SheetData,
    readonly rect: Rect,
  ) {}

  protected get rt(): Runtime {
    return this.ctx.rt;
  }

  /** Counts the call and checks that the sheet still exists. */
  protected enter(method: string): SheetData {
    this.ctx.rt.call(`Range.${method}`);
    return liveSheet(this.sd);
  }

  protected self(): Range {
    return this as unknown as Range;
  }

  protected touch(): void {
    this.ctx.rt.touch(this.ctx.entry);
    this.ctx.rt.noteTabWrite(this.ctx.entry.id, this.sd.id);
  }

  /** Cells of the range row by row (null where nothing is stored). */
  protected readCells<T>(fn: (cell: CellData | null) => T): T[][] {
    // Locals: `this` is the strict proxy, and every property read through it costs a trap.
    const { r, c, nr, nc } = this.rect;
    const sd = this.sd;
    const out: T[][] = [];
    for (let i = 0; i < nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < nc; j++) row.push(fn(cellAt(sd, r + i, c + j)));
      out.push(row);
    }
    return out;
  }

  protected topLeft(): CellData | null {
    return cellAt(this.sd, this.rect.r, this.rect.c);
  }

  /** Applies `fn` to every cell of the range (creating cells) and marks the file changed. */
  protected writeCells(fn: (cell: CellData, i: number, j: number) => void): void {
    const { r, c, nr, nc } = this.rect;
    const sd = this.sd;
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) fn(cellForWrite(sd, r + i, c + j), i, j);
    }
    this.touch();
  }

  /** Same as `writeCells` without creating cells that do not exist (clearing). */
  protected clearCells(fn: (cell: CellData) => void): void {
    const { r, c, nr, nc } = this.rect;
    const rows = this.sd.rows;
    for (let i = 0; i < nr; i++) {
      const row = rows[r + i - 1];
      if (!row) continue;
      for (let j = 0; j < nc; j++) {
        const cell = row[c + j - 1];
        if (cell) fn(cell);
      }
    }
    this.touch();
  }

  /**
   * The 2-D argument of `setValues`/`setFormulas`/`setBackgrounds`/…: must be an array of arrays
   * of exactly the range's shape (reference/spreadsheet/range; texts [W]). A 1-D array or a non-array is a
   * signature error (guides/support/troubleshooting).
   */
  protected checkGrid(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const rows = data as unknown[][];
    if (rows.length !== this.rect.nr) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.rect.nr}.`,
      );
    }
    for (const row of rows) {
      if (row.length !== this.rect.nc) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.nc}.`,
        );
      }
    }
    return rows;
  }
}

/** CSS colour as Sheets reports it back: lower-case `#rrggbb` for hex and common names. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  purple: '#800080',
};

export function normalizeColor(color: unknown, method: string): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  if (typeof color !== 'string') throw signatureError(`SpreadsheetApp.Range.${method}`, [color]);
  const c = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return NAMED[c] ?? c;
}

export function makeRange(impl: RangeBase): Range {
  return wrap<Range>(impl, 'Range');
}
