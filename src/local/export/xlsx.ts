/**
 * Spreadsheet → .xlsx (exceljs), for `npm start` outputs a coordinator can open in Excel or
 * LibreOffice. Node only.
 *
 * Formula safety (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection): every string value is written as a
 * text cell, never parsed, so `=IMPORTXML(...)` or `+316...` stays literal text; strings that
 * a spreadsheet program could read as a formula also get the text number format `@` so that
 * re-editing the cell in Excel keeps it text. Only what the snapshot reports in `formulas`
 * is written as a formula.
 *
 * Text is never corrupted or cut silently:
 * - characters XML cannot hold become U+FFFD (render/text.ts xmlSafe, the rule of every writer);
 * - a carriage return is written as `_x000D_`, DEL as `_x007F_` and a literal `_xHHHH_` as
 *   `_x005F_xHHHH_` (ECMA-376 Part 1 §22.9.2.19 ST_Xstring), so CR, CR LF, LF and DEL come back as
 *   they were;
 * - text over Excel's 32,767 characters per cell (Excel specifications and limits:
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3)
 *   keeps its first part in the cell, which ends by naming the row of the sheet
 *   {@link CONTINUATION_SHEET} where the rest follows, in parts, in order.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
// The single-file build of exceljs: the same Workbook API, loaded in about a third of the time
// of the package's several hundred CommonJS modules (this import is most of `npm start`'s start-up).
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';
import { looksLikeFormula, xmlSafe } from '../../render/text';
import type { Runtime } from '../apps-script/runtime';
import { snapshotSpreadsheet } from '../apps-script/spreadsheet';
import { argb, excelSheetNames, wallClockDate } from './cells';
import type { SheetSnapshot, SpreadsheetSnapshot } from './snapshots';

/** Excel holds at most 32,767 characters in a cell; Sheets holds 50,000. */
export const EXCEL_CELL_MAX = 32767;
/** The sheet that holds the rest of every text longer than a cell, added only when needed. */
export const CONTINUATION_SHEET = 'Vervolg lange teksten';
/** Sheets' number formats that mean "no explicit format". */
const DEFAULT_FORMATS = new Set(['', 'General', '0.###############']);
const WHITE = 'FFFFFFFF';
const BLACK = 'FF000000';

/** What a cut cell ends with: the sheet and the row where its text continues. */
export function continuationNote(sheet: string, row: number): string {
  return ` … [vervolg in blad "${sheet}", rij ${row}]`;
}

/** Finds the note of {@link continuationNote} at the end of a cell's text. */
export const CONTINUATION_NOTE = / … \[vervolg in blad "([^"]+)", rij (\d+)\]$/;

/**
 * OOXML text: a literal `_xHHHH_` is escaped as `_x005F_xHHHH_`, CR written as `_x000D_` and DEL
 * as `_x007F_` (ECMA-376 Part 1 §22.9.2.19 ST_Xstring). Otherwise XML's line-end handling would
 * turn CR into LF (XML 1.0 §2.11), exceljs would drop DEL when it writes the XML, and a reader
 * would decode a partner's literal `_x000D_` as a CR.
 */
export function xlsxText(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/\r/g, '_x000D_')
    .replace(/\u007F/g, '_x007F_');
}

/** Cuts text into parts of at most `first`, then `rest` UTF-16 units, never inside a surrogate pair. */
export function cutText(text: string, first: number, rest: number): string[] {
  const parts: string[] = [];
  let i = 0;
  let max = first;
  while (i < text.length) {
    let end = Math.min(i + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
    max = rest;
  }
  return parts;
}

/** Rows of the continuation sheet: the sheet and cell a text belongs to, the part number and the part. */
interface Spill {
  sheet: string;
  rows: [string, string, number, string][];
}

/** The text as it fits a cell: whole, or its first part ending with where the rest is. */
function fitCell(text: string, sheetName: string, address: string, spill: Spill): string {
  if (text.length <= EXCEL_CELL_MAX) return text;
  const row = spill.rows.length + 2;
  const note = continuationNote(spill.sheet, row);
  const [head, ...rest] = cutText(text, EXCEL_CELL_MAX - note.length, EXCEL_CELL_MAX);
  rest.forEach((part, i) => {
    spill.rows.push([sheetName, address, i + 2, part]);
  });
  return `${head}${note}`;
}

export interface XlsxOptions {
  /** Creation date written into the workbook properties (default: now). */
  at?: Date;
}

type CellValue = ExcelJS.CellValue;

function primitiveFor(value: unknown, timeZone: string): { value: CellValue; date: boolean } {
  if (value === null || value === undefined || value === '') return { value: null, date: false };
  if (typeof value === 'string') return { value: xmlSafe(value), date: false };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value, date: false } : { value: String(value), date: false };
  }
  if (typeof value === 'boolean') return { value, date: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null, date: false };
    return { value: wallClockDate(value, timeZone), date: true };
  }
  return { value: xmlSafe(String(value)), date: false };
}

function defaultDateFormat(d: Date): string {
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight ? 'dd-mm-yyyy' : 'dd-mm-yyyy hh:mm';
}

function writeCell(
  ws: ExcelJS.Worksheet,
  sheet: SheetSnapshot,
  r: number,
  c: number,
  timeZone: string,
  spill: Spill,
): void {
  const raw = sheet.values[r]?.[c];
  const formula = sheet.formulas[r]?.[c] ?? '';
  const background = argb(sheet.backgrounds[r]?.[c]);
  const fontColor = argb(sheet.fontColors[r]?.[c]);
  const bold = sheet.fontWeights[r]?.[c] === 'bold' || r < sheet.frozenRows;
  const note = sheet.notes[r]?.[c] ?? '';
  const format = sheet.numberFormats[r]?.[c] ?? '';
  const { value, date } = primitiveFor(raw, timeZone);
  const styled = (background && background !== WHITE) || (fontColor && fontColor !== BLACK) || bold;
  if (value === null && formula === '' && !styled && note === '') return;

  const cell = ws.getCell(r + 1, c + 1);
  if (formula.startsWith('=') && formula.length > 1) {
    // Only a formula the Sheet itself holds; its last computed value is kept as the result.
    const result =
      value === null
        ? undefined
        : typeof value === 'string'
          ? xlsxText(fitCell(value, ws.name, cell.address, spill))
          : (value as number | boolean | Date);
    cell.value = { formula: formula.slice(1), result } as ExcelJS.CellFormulaValue;
  } else if (value !== null) {
    const link = sheet.links?.[r]?.[c] ?? '';
    const text = typeof value === 'string' ? xlsxText(fitCell(value, ws.name, cell.address, spill)) : null;
    // A cell link (a RichTextValue link or TextFormat.link) as an Excel hyperlink.
    cell.value =
      text === null ? value : link !== '' ? ({ text, hyperlink: link } as ExcelJS.CellHyperlinkValue) : text;
  }
  if (typeof value === 'string' && formula === '' && (looksLikeFormula(value) || format === '@')) {
    cell.numFmt = '@';
  } else if (!DEFAULT_FORMATS.has(format) && typeof value !== 'string') {
    cell.numFmt = format;
  } else if (date && value instanceof Date) {
    cell.numFmt = defaultDateFormat(value);
  }
  if (bold || (fontColor && fontColor !== BLACK)) {
    cell.font = {
      ...(bold ? { bold: true } : {}),
      ...(fontColor && fontColor !== BLACK ? { color: { argb: fontColor } } : {}),
    };
  }
  if (background && background !== WHITE) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: background } };
  }
  if (note !== '') cell.note = xmlSafe(note);
}

function addSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetSnapshot,
  name: string,
  timeZone: string,
  spill: Spill,
): ExcelJS.Worksheet {
  const tab = argb(sheet.tabColor);
  const ws = wb.addWorksheet(name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    ...(tab ? { properties: { tabColor: { argb: tab } } } : {}),
    ...(sheet.frozenRows > 0 || sheet.frozenColumns > 0
      ? { views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] }
      : {}),
  });
  for (const [pos, px] of Object.entries(sheet.columnWidths)) {
    const col = Number(pos);
    if (Number.isInteger(col) && col >= 1 && px > 0)
      ws.getColumn(col).width = Math.round((px / 7) * 100) / 100;
  }
  const rows = Math.max(
    sheet.values.length,
    sheet.formulas.length,
    sheet.notes.length,
    sheet.backgrounds.length,
  );
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(
      sheet.values[r]?.length ?? 0,
      sheet.formulas[r]?.length ?? 0,
      sheet.notes[r]?.length ?? 0,
      sheet.backgrounds[r]?.length ?? 0,
    );
    for (let c = 0; c < cols; c++) writeCell(ws, sheet, r, c, timeZone, spill);
  }
  return ws;
}

/** The sheet with the rest of every long text: one row per part, in order, after a header row. */
function addContinuationSheet(wb: ExcelJS.Workbook, spill: Spill): void {
  const ws = wb.addWorksheet(spill.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.getRow(1).values = ['Blad', 'Cel', 'Deel', 'Tekst (vervolg)'];
  ws.getRow(1).font = { bold: true };
  ws.getColumn(4).width = 100;
  spill.rows.forEach(([sheet, address, part, text], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = xlsxText(sheet);
    row.getCell(2).value = address;
    row.getCell(3).value = part;
    const cell = row.getCell(4);
    cell.value = xlsxText(text);
    cell.numFmt = '@';
  });
}

/** Builds the .xlsx for a snapshot (pure apart from exceljs). */
export async function spreadsheetSnapshotToXlsx(
  snap: SpreadsheetSnapshot,
  opts: XlsxOptions = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zeven-stappen (lokale export)';
  wb.title = xmlSafe(snap.name);
  const at = opts.at ?? new Date();
  wb.created = at;
  wb.modified = at;
  // The continuation sheet's name is chosen with the others, so it never clashes with a tab.
  const names = excelSheetNames([...snap.sheets.map((s) => s.name), CONTINUATION_SHEET]);
  const spill: Spill = { sheet: names[snap.sheets.length]!, rows: [] };
  const sheets = snap.sheets.map((s, i) => addSheet(wb, s, names[i]!, snap.timeZone, spill));
  if (spill.rows.length > 0) addContinuationSheet(wb, spill);
  // Excel refuses a workbook without a visible sheet; the active tab must be visible.
  let active = snap.sheets.findIndex((s) => !s.hidden);
  if (active === -1 && sheets[0]) {
    sheets[0].state = 'visible';
    active = 0;
  }
  if (sheets.length === 0) wb.addWorksheet('Blad1');
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(active, 0),
      visibility: 'visible',
    },
  ];
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** Exports an emulated spreadsheet as .xlsx bytes, without counting service calls. */
export async function exportSpreadsheetXlsx(rt: Runtime, spreadsheetId: string): Promise<Buffer> {
  const snap = rt.uncounted(() => snapshotSpreadsheet(rt, spreadsheetId));
  return spreadsheetSnapshotToXlsx(snap, { at: rt.nowDate() });
}

/** Writes the .xlsx of an emulated spreadsheet to `path`, creating the directory. */
export async function writeSpreadsheetXlsx(
  rt: Runtime,
  spreadsheetId: string,
  path: string,
): Promise<string> {
  const buf = await exportSpreadsheetXlsx(rt, spreadsheetId);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buf);
  return path;
}
