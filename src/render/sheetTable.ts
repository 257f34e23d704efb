/**
 * One spreadsheet tab as plain data: what a view IS, separate from how Apps Script writes it.
 * Built by render/views*.ts, written by workspace/sheetWriter.ts (and read by tests and the
 * exporters without any Apps Script).
 *
 * Cell kinds:
 * - `{ text }`: text that came from a person (partner answers, organisation names, motivations,
 *   action texts) or that must keep its exact form (codes, dates as shown). The writer makes
 *   sure such a cell can never turn into a formula, number, date or boolean.
 * - `string`: a label we wrote ourselves (headers, status words). Never starts with a formula
 *   character; the writer asserts that.
 * - `number`, `boolean`, `Date`: typed values.
 */

import { isDate } from '../model/time';

/** User text (or text that must stay verbatim): always stored as text. */
export interface TextCell {
  text: string;
}

export type Cell = string | number | Date | boolean | TextCell;

export interface CellNote {
  /** 0-based row index into `rows`. */
  row: number;
  /** 0-based column index. */
  column: number;
  note: string;
}

/** A link over the whole text of a cell (to one of our own files; never built from partner text). */
export interface CellLink {
  /** 0-based row index into `rows`. */
  row: number;
  /** 0-based column index. */
  column: number;
  url: string;
}

export interface SheetTable {
  /** Tab name. */
  name: string;
  /** Rectangular: every row has the same length (at least one column). */
  rows: Cell[][];
  /** CSS colour per cell (same shape as `rows`), `null` = default. */
  backgrounds?: (string | null)[][];
  /** 0-based indices of rows shown in bold. */
  boldRows?: number[];
  /** CSS font colour per cell (same shape as `rows`), `null` = default. */
  fontColors?: (string | null)[][];
  frozenRows: number;
  frozenColumns?: number;
  /** Width in pixels per column, from the first column on; shorter than the row = default. */
  columnWidths?: number[];
  notes?: CellNote[];
  /** Cells whose text is a link; the cell must be text (a label or a `{ text }` cell). */
  links?: CellLink[];
  tabColor?: string;
  hidden?: boolean;
}

export function textCell(s: string): TextCell {
  return { text: s };
}

export function isTextCell(c: unknown): c is TextCell {
  return typeof c === 'object' && c !== null && !isDate(c) && typeof (c as TextCell).text === 'string';
}

/** What a reader sees in the cell (dates as ISO, booleans as `TRUE`/`FALSE` like Sheets). */
export function cellText(c: Cell): string {
  if (isTextCell(c)) return c.text;
  if (isDate(c)) return c.toISOString();
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

/** Colours used by the views (soft tints that stay readable when printed). */
export const COLORS = {
  header: '#d9e2f3',
  round: '#eeeeee',
  green: '#d9ead3',
  amber: '#fff2cc',
  red: '#f4cccc',
  grey: '#efefef',
  greyText: '#777777',
  /** A form closed without an answer: missed, not the grey of "not applicable". */
  missed: '#f9cb9c',
  /** A step still to come in which the partner will be asked. */
  planned: '#cfe2f3',
} as const;

/**
 * Collects rows of possibly different lengths with per-row style and turns them into a
 * rectangular SheetTable (short rows are padded with `''`).
 */
export class TableBuilder {
  private readonly rows: Cell[][] = [];
  private readonly bgs: (string | null)[][] = [];
  /** Background for the padding cells of each row (a whole-row colour carries on). */
  private readonly bgFill: (string | null)[] = [];
  private readonly colors: (string | null)[][] = [];
  private readonly bold: number[] = [];
  private readonly notes: CellNote[] = [];

  constructor(private readonly minWidth = 1) {}

  /** Index the next row will get. */
  get length(): number {
    return this.rows.length;
  }

  /**
   * Adds a row. `background` colours the whole row or, given as an array, cell by cell;
   * `fontColors` likewise per cell.
   */
  add(
    cells: Cell[],
    style: {
      bold?: boolean;
      background?: string | null | (string | null)[];
      fontColors?: (string | null)[];
    } = {},
  ): number {
    const index = this.rows.length;
    this.rows.push(cells);
    const bg = style.background;
    this.bgs.push(Array.isArray(bg) ? bg : cells.map(() => bg ?? null));
    this.bgFill.push(Array.isArray(bg) ? null : (bg ?? null));
    this.colors.push(style.fontColors ?? []);
    if (style.bold) this.bold.push(index);
    return index;
  }

  blank(): void {
    this.add([]);
  }

  note(row: number, column: number, note: string): void {
    this.notes.push({ row, column, note });
  }

  build(
    name: string,
    layout: Omit<SheetTable, 'name' | 'rows' | 'backgrounds' | 'boldRows' | 'fontColors' | 'notes'>,
  ): SheetTable {
    const width = Math.max(this.minWidth, 1, ...this.rows.map((r) => r.length));
    const pad = <T>(row: T[], fill: T): T[] => {
      const out = row.slice(0, width);
      while (out.length < width) out.push(fill);
      return out;
    };
    const rows = this.rows.map((r) => pad<Cell>(r, ''));
    const table: SheetTable = { name, rows, ...layout };
    if (this.bgs.some((r, i) => this.bgFill[i] !== null || r.some((c) => c !== null))) {
      table.backgrounds = this.bgs.map((r, i) => pad<string | null>(r, this.bgFill[i] ?? null));
    }
    if (this.colors.some((r) => r.some((c) => c !== null))) {
      table.fontColors = this.colors.map((r) => pad<string | null>(r, null));
    }
    if (this.bold.length > 0) table.boldRows = [...this.bold];
    if (this.notes.length > 0) table.notes = [...this.notes];
    return table;
  }
}
