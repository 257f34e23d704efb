/**
 * Hooks other emulator parts use without counting calls: the Forms service linking a form to a
 * response tab (reference/forms/form#setDestination(DestinationType,String)) and the exporters' read-only snapshot.
 */
import { MIME, type Runtime } from './runtime';
import {
  cellAt,
  cellForWrite,
  checkSheetName,
  DEFAULT_ROWS,
  hasContent,
  insertColsAt,
  insertRowsAt,
  lastRow,
  modelOf,
  newSheetData,
  nextSheetId,
  type SheetData,
} from './spreadsheet-model';
import { cellValue, contentFromInput } from './spreadsheet-values';

export interface FormResponseLink {
  sheetName: string;
  /** Writes one response row below the last row with content (not counted as a call). */
  appendResponseRow(values: unknown[]): void;
  /** Rewrites the `index`-th row this link wrote (0-based), e.g. after a response was edited. */
  updateResponseRow(index: number, values: unknown[]): void;
}

/**
 * Adds a tab `Form Responses N` (first free N) as the first tab, with a frozen header row,
 * linked to `formUrl` (`Sheet.getFormUrl()`). Name and position are unconfirmed (§9.3);
 * Sheets localises the name. Answers are stored like typed input, except that a leading `=`
 * stays text.
 */
export function linkFormResponseSheet(
  rt: Runtime,
  spreadsheetId: string,
  formUrl: string,
  headers: string[],
): FormResponseLink {
  const entry = rt.getEntry(spreadsheetId, MIME.spreadsheet);
  const model = modelOf(entry);
  let n = 1;
  while (model.sheets.some((s) => s.name.toLowerCase() === `form responses ${n}`)) n++;
  const name = checkSheetName(model, `Form Responses ${n}`, null);
  const sd = newSheetData(nextSheetId(rt, model), name, DEFAULT_ROWS, Math.max(headers.length, 1));
  sd.formUrl = formUrl;
  sd.frozenRows = 1;
  model.sheets.unshift(sd);
  headers.forEach((h, j) => {
    cellForWrite(sd, 1, j + 1).v = String(h);
  });
  rt.touch(entry);
  const written: number[] = [];
  const writeRow = (r: number, values: unknown[]): void => {
    if (r > sd.maxRows) insertRowsAt(model, sd, sd.maxRows + 1, r - sd.maxRows);
    if (values.length > sd.maxCols) insertColsAt(model, sd, sd.maxCols + 1, values.length - sd.maxCols);
    const ctx = {
      locale: model.locale,
      timeZone: model.timeZone,
      reject: () => new Error('Emulator: unsupported response value'),
    };
    values.forEach((v, j) => {
      const cell = cellForWrite(sd, r, j + 1);
      const content = typeof v === 'string' && v.startsWith('=') ? { v } : contentFromInput(v, cell.nf, ctx);
      delete cell.v;
      delete cell.d;
      delete cell.f;
      Object.assign(cell, content);
    });
    rt.touch(entry);
  };
  return {
    sheetName: name,
    appendResponseRow(values: unknown[]): void {
      if (sd.deleted) return;
      const r = lastRow(sd) + 1;
      written.push(r);
      writeRow(r, values);
    },
    updateResponseRow(index: number, values: unknown[]): void {
      const r = written[index];
      if (sd.deleted || r === undefined) return;
      writeRow(r, values);
    },
  };
}

/** The tab stays; `getFormUrl()` returns null afterwards. */
export function unlinkFormResponseSheet(rt: Runtime, spreadsheetId: string, formUrl: string): void {
  const model = modelOf(rt.getEntry(spreadsheetId, MIME.spreadsheet));
  for (const s of model.sheets) if (s.formUrl === formUrl) s.formUrl = null;
}

export interface SheetSnapshotData {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  values: unknown[][];
  formulas: string[][];
  backgrounds: (string | null)[][];
  fontWeights: string[][];
  fontColors: string[][];
  numberFormats: string[][];
  notes: string[][];
  /** The link of each cell ('' where none); absent in hand-built snapshots. */
  links?: string[][];
  /** Width in pixels per column position (1-based, as `Sheet.setColumnWidth`). */
  columnWidths: Record<number, number>;
  protected: boolean;
}

export interface SpreadsheetSnapshotData {
  name: string;
  timeZone: string;
  sheets: SheetSnapshotData[];
}

/** Rows and columns that hold content or a note. */
function region(sd: SheetData): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sd.rows.forEach((row, i) => {
    row?.forEach((cell, j) => {
      if (hasContent(cell) || cell?.note) {
        rows = Math.max(rows, i + 1);
        cols = Math.max(cols, j + 1);
      }
    });
  });
  return { rows, cols };
}

/**
 * A read-only copy of a spreadsheet for the exporters, trimmed to the data region; counts no
 * calls. Values are as `getValues` returns them (formula cells '': not computed); backgrounds
 * are null where none is set, number formats '' where none is set.
 */
export function snapshotSpreadsheet(rt: Runtime, id: string): SpreadsheetSnapshotData {
  const entry = rt.getEntry(id, MIME.spreadsheet);
  const model = modelOf(entry);
  return {
    name: entry.name,
    timeZone: model.timeZone,
    sheets: model.sheets.map((sd) => {
      const { rows, cols } = region(sd);
      const grid = <T>(fn: (cell: ReturnType<typeof cellAt>) => T): T[][] =>
        Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => fn(cellAt(sd, i + 1, j + 1))),
        );
      return {
        name: sd.name,
        hidden: sd.hidden,
        frozenRows: sd.frozenRows,
        frozenColumns: sd.frozenCols,
        tabColor: sd.tabColor,
        values: grid((c) => cellValue(c, model.timeZone)),
        formulas: grid((c) => c?.f ?? ''),
        backgrounds: grid((c) => c?.bg ?? null),
        fontWeights: grid((c) => c?.fw ?? 'normal'),
        fontColors: grid((c) => c?.fc ?? '#000000'),
        numberFormats: grid((c) => c?.nf ?? ''),
        notes: grid((c) => c?.note ?? ''),
        links: grid((c) => c?.link ?? ''),
        columnWidths: { ...sd.colWidths },
        protected: model.protections.some((p) => p.type === 'SHEET' && p.sheetId === sd.id),
      };
    }),
  };
}
