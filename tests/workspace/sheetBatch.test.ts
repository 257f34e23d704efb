/** The batch route writes exactly what the per-tab route writes, in two calls for any number of tabs. */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import type { Cell, SheetTable } from '../../src/render/sheetTable';
import { textCell } from '../../src/render/sheetTable';
import { buildViews } from '../../src/render/views';
import {
  sheetRequests,
  tabSnapshot,
  tabStates,
  writeSheetTables,
  writeTables,
} from '../../src/workspace/sheetBatch';
import { writeSheetTable } from '../../src/workspace/sheetWriter';
import { caseView } from '../render/views.fixture';
import { onFreshAppsScript } from './helpers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let rt: Runtime;
onFreshAppsScript((r) => {
  rt = r;
});

/** Everything a reader of the tab can see. */
function snapshot(ss: Spreadsheet) {
  return ss.getSheets().map((sh) => {
    const rows = sh.getMaxRows();
    const cols = sh.getMaxColumns();
    const range = sh.getRange(1, 1, rows, cols);
    return {
      name: sh.getName(),
      grid: [rows, cols, sh.getFrozenRows(), sh.getFrozenColumns()],
      hidden: sh.isSheetHidden(),
      tabColor: sh.getTabColor(),
      values: range.getValues(),
      formulas: range.getFormulas(),
      backgrounds: range.getBackgrounds(),
      weights: range.getFontWeights(),
      colors: range.getFontColors(),
      notes: range.getNotes(),
      widths: Array.from({ length: cols }, (_, c) => sh.getColumnWidth(c + 1)),
    };
  });
}

function both(tablesList: SheetTable[][]): { perTab: Spreadsheet; batch: Spreadsheet } {
  const perTab = SpreadsheetApp.create('Per tabblad');
  const batch = SpreadsheetApp.create('In één keer');
  for (const tables of tablesList) {
    tables.forEach((table, position) => {
      writeSheetTable(perTab, table, { position });
    });
    writeSheetTables(
      batch,
      tables.map((table, position) => ({ table, position })),
      tabStates(batch),
    );
  }
  return { perTab, batch };
}

describe('writeSheetTables (Sheets.Spreadsheets.batchUpdate)', () => {
  it('schrijft alle weergaven van een casus zoals de route per tabblad, in één aanroep', () => {
    const views = buildViews(caseView());
    const batchBook = SpreadsheetApp.create('Tel');
    const states = tabStates(batchBook);
    rt.resetCounts();
    writeSheetTables(
      batchBook,
      views.map((table, position) => ({ table, position })),
      states,
    );
    // The id was asked once for this handle already (tabStates): workspace/spreadsheets.
    expect(Object.fromEntries(rt.counts)).toEqual({
      'Sheets.Spreadsheets.batchUpdate': 1,
    });
    const { perTab, batch } = both([views]);
    expect(snapshot(batch)).toEqual(snapshot(perTab));
  });

  it('laat na een kleinere herschrijving niets achter, net als de route per tabblad', () => {
    const big: Cell[][] = [
      ['A', 'B', 'C'],
      ...Array.from({ length: 30 }, (_, i) => [i, textCell(`r${i}`), 'x']),
    ];
    const first: SheetTable = {
      name: 'Wissel',
      rows: big,
      frozenRows: 1,
      frozenColumns: 1,
      boldRows: [0, 3],
      backgrounds: big.map((r) => r.map(() => '#f4cccc')),
      fontColors: big.map((r) => r.map(() => '#990000')),
      notes: [{ row: 2, column: 1, note: 'opmerking' }],
      columnWidths: [80, 200, 200],
      tabColor: '#3366cc',
    };
    const second: SheetTable = {
      name: 'Wissel',
      rows: [
        ['Kop', 'Waarde'],
        ['a', textCell('=1+1')],
      ],
      frozenRows: 1,
      hidden: true,
    };
    const keep: SheetTable = { name: 'Blijft', rows: [['x']], frozenRows: 0 };
    const { perTab, batch } = both([
      [keep, first],
      [keep, second],
    ]);
    expect(snapshot(batch)).toEqual(snapshot(perTab));
    expect(batch.getSheetByName('Wissel')!.getRange(2, 2).getValue()).toBe('=1+1');
  });

  it('weigert een onveilig eigen label en een datum vóór elke aanroep', () => {
    const ss = SpreadsheetApp.create('Fout');
    const states = tabStates(ss);
    rt.resetCounts();
    expect(() =>
      writeSheetTables(
        ss,
        [{ table: { name: 'T', rows: [['=SUM(1)']], frozenRows: 0 }, position: 0 }],
        states,
      ),
    ).toThrow(/Interne fout/);
    expect(() =>
      sheetRequests([{ table: { name: 'T', rows: [[new Date(0)]], frozenRows: 0 }, position: 0 }], states),
    ).toThrow(/datum/);
    expect(rt.totalCalls()).toBe(0);
  });

  it('zet kolombreedtes alleen bij een nieuw tabblad of een ander aantal kolommen', () => {
    const table: SheetTable = { name: 'T', rows: [['a', 'b']], frozenRows: 0, columnWidths: [120, 300] };
    const widths = (states: Map<string, { sheetId: number; rowCount: number; columnCount: number }>) =>
      sheetRequests([{ table, position: 0 }], states).filter((r) => r.updateDimensionProperties).length;
    expect(widths(new Map())).toBe(2);
    expect(widths(new Map([['T', { sheetId: 5, rowCount: 1, columnCount: 2 }]]))).toBe(0);
    expect(widths(new Map([['T', { sheetId: 5, rowCount: 1, columnCount: 3 }]]))).toBe(2);
  });

  it('schrijft zonder Sheets-service tabblad voor tabblad met SpreadsheetApp, met hetzelfde resultaat', () => {
    const views = buildViews(caseView());
    const writes = views.map((table, position) => ({ table, position }));
    const batch = SpreadsheetApp.create('Met dienst');
    writeTables(batch, writes, tabSnapshot(batch));
    const g = globalThis as unknown as { Sheets?: unknown };
    const saved = g.Sheets;
    g.Sheets = undefined;
    try {
      const plain = SpreadsheetApp.create('Zonder dienst');
      const snap = tabSnapshot(plain);
      expect(snap.states).toBeNull();
      rt.resetCounts();
      writeTables(plain, writes, snap);
      expect(rt.counts.get('Sheets.Spreadsheets.batchUpdate') ?? 0).toBe(0);
      expect(rt.counts.get('Range.setValues') ?? 0).toBeGreaterThan(0);
      expect(snapshot(plain)).toEqual(snapshot(batch));
    } finally {
      g.Sheets = saved;
    }
  });
});
