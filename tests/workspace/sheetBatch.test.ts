/** The batch route writes exactly what the per-tab route writes, in two calls for any number of tabs. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import type { Cell, SheetTable } from '../../src/render/sheetTable';
import { textCell } from '../../src/render/sheetTable';
import { buildViews } from '../../src/render/views';
import {
  colorOf,
  sheetRequests,
  type TabState,
  tabSnapshot,
  tabStates,
  writeSheetTables,
  writeTables,
} from '../../src/workspace/sheetBatch';
import { writeSheetTable } from '../../src/workspace/sheetWriter';
import { caseView } from '../render/views.fixture';
import { onFreshAppsScript, withoutSheets } from './helpers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let rt: Runtime;
onFreshAppsScript((r) => {
  rt = r;
});
afterEach(() => {
  vi.restoreAllMocks();
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

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** The sheetId a new tab gets in `sheetRequests`. */
function idOf(requests: Request[]): number {
  return Number(requests[0]!.addSheet!.properties!.sheetId);
}

describe('tabStates (één Sheets.Spreadsheets.get)', () => {
  it('geeft per tabblad het id en de afmetingen, en vraagt alleen die velden op, geen celinhoud', () => {
    const ss = SpreadsheetApp.create('Staat');
    const first = ss.getSheets()[0]!;
    const second = ss.insertSheet('Tweede');
    second.deleteColumns(4, second.getMaxColumns() - 3);
    second.deleteRows(6, second.getMaxRows() - 5);
    const get = vi.spyOn(Sheets!.Spreadsheets!, 'get');
    expect(tabStates(ss)).toEqual(
      new Map([
        [
          first.getName(),
          { sheetId: first.getSheetId(), rowCount: first.getMaxRows(), columnCount: first.getMaxColumns() },
        ],
        ['Tweede', { sheetId: second.getSheetId(), rowCount: 5, columnCount: 3 }],
      ]),
    );
    expect(get).toHaveBeenCalledTimes(1);
    const fields = String((get.mock.calls[0]![1] as { fields?: string }).fields);
    expect(fields).toMatch(/^sheets\.properties\(.*sheetId.*title.*rowCount.*columnCount.*\)$/);
    expect(fields).not.toMatch(/data/);
  });

  it('slaat een tabblad zonder titel over en leest een tabblad zonder raster als 0 bij 0', () => {
    // The API leaves out empty fields; a sheet of type OBJECT (a chart on its own tab) has no
    // gridProperties (reference/rest/v4/spreadsheets/sheets#SheetProperties).
    const ss = SpreadsheetApp.create('Grafiektab');
    vi.spyOn(Sheets!.Spreadsheets!, 'get').mockReturnValue({
      sheets: [{}, { properties: { sheetId: 4 } }, { properties: { sheetId: 9, title: 'Grafiek' } }],
    });
    expect(tabStates(ss)).toEqual(new Map([['Grafiek', { sheetId: 9, rowCount: 0, columnCount: 0 }]]));
  });

  it('meldt in het Nederlands dat de Sheets-service uit staat wanneer de batch hem toch nodig heeft', () => {
    const ss = SpreadsheetApp.create('Zonder');
    withoutSheets(() => {
      expect(() => tabStates(ss)).toThrow(
        /Sheets-service \(Sheets API v4\) staat niet aan.*zet hem aan onder Services/,
      );
      expect(() =>
        writeSheetTables(
          ss,
          [{ table: { name: 'T', rows: [['a']], frozenRows: 0 }, position: 0 }],
          new Map(),
        ),
      ).toThrow(/staat niet aan/);
    });
  });
});

describe('colorOf', () => {
  it('leest #rrggbb (ook hoofdletters en met spaties eromheen) als rood, groen, blauw tussen 0 en 1', () => {
    expect(colorOf(' #FF0033 ', 'T!R1C1')).toEqual({ red: 1, green: 0, blue: 0x33 / 255 });
  });

  it('weigert alles wat geen #rrggbb is, met waar het stond', () => {
    for (const css of ['#ff003', '#ff00333', 'x#ff0033', '#ff0033x', 'rood', 'rgb(1,2,3)']) {
      expect(() => colorOf(css, 'T!R2C3'), css).toThrow(
        `Interne fout: kleur ${css} in T!R2C3 is geen #rrggbb.`,
      );
    }
  });
});

describe('sheetRequests: de cellen', () => {
  const one = (table: SheetTable, states: Map<string, TabState> = new Map()) =>
    sheetRequests([{ table, position: 0 }], states);
  const cellsOf = (requests: Request[]) => requests.find((r) => r.updateCells)!.updateCells!.rows;

  it('schrijft tekst, getallen en ja/nee als waarde, lege cellen zonder waarde, en alleen de opmaak en notities die er zijn', () => {
    const table: SheetTable = {
      name: 'Cellen',
      rows: [
        ['Kop', textCell(''), ''],
        [textCell('=1+1'), 3.5, true],
        [false, 0, textCell('x')],
      ],
      frozenRows: 1,
      boldRows: [0],
      // Shorter than the rows: the rest has the default colours.
      backgrounds: [['#ff0000', null, null]],
      fontColors: [
        [null, null, null],
        [null, '#0000ff'],
      ],
      notes: [
        { row: 1, column: 2, note: 'notitie' },
        { row: 2, column: 0, note: '' },
      ],
    };
    const bold = { textFormat: { bold: true } };
    expect(cellsOf(one(table))).toStrictEqual([
      {
        values: [
          {
            userEnteredValue: { stringValue: 'Kop' },
            userEnteredFormat: { backgroundColor: { red: 1, green: 0, blue: 0 }, textFormat: { bold: true } },
          },
          { userEnteredFormat: bold },
          { userEnteredFormat: bold },
        ],
      },
      {
        values: [
          { userEnteredValue: { stringValue: '=1+1' } },
          {
            userEnteredValue: { numberValue: 3.5 },
            userEnteredFormat: { textFormat: { foregroundColor: { red: 0, green: 0, blue: 1 } } },
          },
          { userEnteredValue: { boolValue: true }, note: 'notitie' },
        ],
      },
      {
        values: [
          { userEnteredValue: { boolValue: false } },
          { userEnteredValue: { numberValue: 0 } },
          { userEnteredValue: { stringValue: 'x' } },
        ],
      },
    ]);
  });

  it('noemt bij een fout de cel (tabblad!R<rij>C<kolom>) en weigert een ongeldig getal en een scheve tabel', () => {
    const table = (rows: Cell[][]): SheetTable => ({ name: 'Fout', rows, frozenRows: 0 });
    expect(() =>
      one(
        table([
          ['a', 'b', 'c'],
          ['d', 'e', Number.NaN],
        ]),
      ),
    ).toThrow('Interne fout: ongeldig getal in Fout!R2C3.');
    expect(() => one(table([['a', Number.POSITIVE_INFINITY]]))).toThrow('ongeldig getal in Fout!R1C2.');
    expect(() => one(table([['a', '=SUM(1)']]))).toThrow(/label in Fout!R1C2 /);
    expect(() => one(table([['a', 'b'], ['c']]))).toThrow(
      'Interne fout: tabblad Fout: rows is niet rechthoekig.',
    );
    expect(() => one(table([[]]))).toThrow('Interne fout: tabblad Fout heeft geen kolommen.');
  });

  it('schrijft een tabel zonder rijen als een leeg tabblad, net als de route per tabblad', () => {
    const empty: SheetTable = { name: 'Leeg', rows: [], frozenRows: 0 };
    expect(one(empty)[0]!.addSheet!.properties!.gridProperties).toEqual({
      rowCount: 1,
      columnCount: 1,
      frozenRowCount: 0,
      frozenColumnCount: 0,
    });
    const { perTab, batch } = both([[{ ...empty, rows: [['weg']] }], [empty]]);
    expect(snapshot(batch)).toEqual(snapshot(perTab));
  });
});

describe('sheetRequests: het tabblad', () => {
  it('houdt een kolom vrij naast de bevroren kolommen en maakt een nieuw verborgen tabblad verborgen aan', () => {
    const table: SheetTable = {
      name: 'Smal',
      rows: [['a'], ['b']],
      frozenRows: 1,
      frozenColumns: 1,
      hidden: true,
    };
    const [add] = sheetRequests([{ table, position: 1 }], new Map());
    expect(add!.addSheet!.properties).toMatchObject({
      title: 'Smal',
      index: 1,
      hidden: true,
      gridProperties: { rowCount: 2, columnCount: 2, frozenRowCount: 1, frozenColumnCount: 1 },
    });
    const { perTab, batch } = both([[{ name: 'Zichtbaar', rows: [['x']], frozenRows: 0 }, table]]);
    expect(snapshot(batch)).toEqual(snapshot(perTab));
    expect(batch.getSheetByName('Smal')!.isSheetHidden()).toBe(true);
    expect(batch.getSheetByName('Smal')!.getMaxColumns()).toBe(2);
  });

  it('zet gelijke naburige kolombreedtes in één keer, en geen breedte voor kolommen buiten de tabel', () => {
    const table: SheetTable = {
      name: 'Breed',
      rows: [['a', 'b', 'c', 'd']],
      frozenRows: 0,
      columnWidths: [100, 100, 250, 100, 400, 400],
    };
    const runs = sheetRequests([{ table, position: 0 }], new Map())
      .filter((r) => r.updateDimensionProperties)
      .map((r) => {
        const d = r.updateDimensionProperties!;
        return [d.range!.startIndex, d.range!.endIndex, d.properties!.pixelSize];
      });
    expect(runs).toEqual([
      [0, 2, 100],
      [2, 3, 250],
      [3, 4, 100],
    ]);
  });

  it('geeft een nieuw tabblad een id dat bij zijn naam hoort, binnen int32, en nooit een id dat al bestaat', () => {
    const table = (name: string): SheetTable => ({ name, rows: [['a']], frozenRows: 0 });
    const fresh = (name: string, states: Map<string, TabState> = new Map()) =>
      idOf(sheetRequests([{ table: table(name), position: 0 }], states));
    const long = 'Een heel lang tabbladnaam met veel tekens erin, langer dan dertig';
    expect(fresh('Overzicht')).toBe(fresh('Overzicht'));
    expect(fresh('Overzicht')).not.toBe(fresh('Planning'));
    for (const name of ['A', 'Overzicht', long]) {
      const id = fresh(name);
      expect(Number.isInteger(id) && id >= 0 && id < 2 ** 31, `${name}: ${id}`).toBe(true);
    }
    // The id the name would get is taken by another tab: the new tab gets another one.
    const taken = fresh('Planning');
    const other = fresh('Planning', new Map([['Oud', { sheetId: taken, rowCount: 1, columnCount: 1 }]]));
    expect(other).not.toBe(taken);
    expect(Number.isInteger(other) && other >= 0 && other < 2 ** 31).toBe(true);
  });

  it('voegt een tabblad toe naast een tabblad dat het id van zijn naam al heeft, en voert ook losse verzoeken uit', () => {
    const ss = SpreadsheetApp.create('Botsing');
    const taken = idOf(
      sheetRequests([{ table: { name: 'Planning', rows: [['a']], frozenRows: 0 }, position: 0 }], new Map()),
    );
    rt.resetCounts();
    // Only `also`: no tables, one request of another module in the same batch.
    writeSheetTables(ss, [], tabStates(ss), [{ addSheet: { properties: { sheetId: taken, title: 'Oud' } } }]);
    expect(rt.counts.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(ss.getSheetByName('Oud')!.getSheetId()).toBe(taken);
    writeSheetTables(
      ss,
      [{ table: { name: 'Planning', rows: [['a']], frozenRows: 0 }, position: 0 }],
      tabStates(ss),
    );
    expect(ss.getSheetByName('Planning')!.getRange(1, 1).getValue()).toBe('a');
    expect(ss.getSheetByName('Planning')!.getSheetId()).not.toBe(taken);
    rt.resetCounts();
    writeSheetTables(ss, [], tabStates(ss));
    expect(rt.counts.get('Sheets.Spreadsheets.batchUpdate') ?? 0).toBe(0);
  });
});
