/**
 * Spreadsheet → .xlsx (exceljs), for `npm start` outputs a coordinator can open in Excel or
 * LibreOffice. Node only.
 *
 * Formula safety (reliability-security-privacy §2.1): every string value is written as a
 * text cell, never parsed, so `=IMPORTXML(...)` or `+316...` stays literal text; strings that
 * a spreadsheet program could read as a formula also get the text number format `@` so that
 * re-editing the cell in Excel keeps it text. Only what the snapshot reports in `formulas`
 * is written as a formula.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
// The single-file build of exceljs: the same Workbook API, loaded in about a third of the time
// of the package's several hundred CommonJS modules (this import is most of `npm start`'s start-up).
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';
import { looksLikeFormula } from '../../render/text';
import type { Runtime } from '../apps-script/runtime';
import { snapshotSpreadsheet } from '../apps-script/spreadsheet';
import { argb, excelSheetNames, wallClockDate } from './cells';
import type { SheetSnapshot, SpreadsheetSnapshot } from './snapshots';

/** Excel holds at most 32,767 characters in a cell; Sheets holds 50,000. */
const EXCEL_CELL_MAX = 32767;
const TRUNCATED = ' … [ingekort]';
/** Sheets' number formats that mean "no explicit format". */
const DEFAULT_FORMATS = new Set(['', 'General', '0.###############']);
const WHITE = 'FFFFFFFF';
const BLACK = 'FF000000';

export interface XlsxOptions {
  /** Creation date written into the workbook properties (default: now). */
  at?: Date;
}

type CellValue = ExcelJS.CellValue;

function primitiveFor(value: unknown, timeZone: string): { value: CellValue; date: boolean } {
  if (value === null || value === undefined || value === '') return { value: null, date: false };
  if (typeof value === 'string') {
    const text =
      value.length > EXCEL_CELL_MAX ? value.slice(0, EXCEL_CELL_MAX - TRUNCATED.length) + TRUNCATED : value;
    return { value: text, date: false };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value, date: false } : { value: String(value), date: false };
  }
  if (typeof value === 'boolean') return { value, date: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null, date: false };
    return { value: wallClockDate(value, timeZone), date: true };
  }
  return { value: String(value), date: false };
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
    const result = value === null ? undefined : (value as string | number | boolean | Date);
    cell.value = { formula: formula.slice(1), result } as ExcelJS.CellFormulaValue;
  } else if (value !== null) {
    const link = sheet.links?.[r]?.[c] ?? '';
    // A cell link (a RichTextValue link or TextFormat.link) as an Excel hyperlink.
    cell.value =
      link !== '' && typeof value === 'string'
        ? ({ text: value, hyperlink: link } as ExcelJS.CellHyperlinkValue)
        : value;
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
  if (note !== '') cell.note = note;
}

function addSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetSnapshot,
  name: string,
  timeZone: string,
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
    for (let c = 0; c < cols; c++) writeCell(ws, sheet, r, c, timeZone);
  }
  return ws;
}

/** Builds the .xlsx for a snapshot (pure apart from exceljs). */
export async function spreadsheetSnapshotToXlsx(
  snap: SpreadsheetSnapshot,
  opts: XlsxOptions = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zeven-stappen (lokale export)';
  wb.title = snap.name;
  const at = opts.at ?? new Date();
  wb.created = at;
  wb.modified = at;
  const names = excelSheetNames(snap.sheets.map((s) => s.name));
  const sheets = snap.sheets.map((s, i) => addSheet(wb, s, names[i]!, snap.timeZone));
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
