/**
 * workspace/tables.ts, reading: the per-action table cache (withTableCache, tableScope,
 * tableCached), a table from values read with other tabs (tableFromTab), the batch read of many
 * tables (prefetchTables), a table read by spreadsheet id (readTableById), and how a system tab
 * renamed by hand is found by its tag and reported (relocate, onTableRestored). What is asserted:
 * which rows come back, where the next row goes, and what it costs in calls.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { UserError } from '../../src/model/errors';
import {
  appendRows,
  onTableRestored,
  prefetchTables,
  readTable,
  readTableById,
  table,
  tableCached,
  tableFromTab,
  tableScope,
  withTableCache,
} from '../../src/workspace/tables';
import { SYSTEM_TABLE_KEY } from '../../src/workspace/tabs';
import { errorOf, onTwoTables, TABLE_A, TABLE_B, withoutSheets } from './helpers';

const A = TABLE_A;
const B = TABLE_B;

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let heard: [string, string][];
onTwoTables((f) => {
  ({ rt, ss, heard } = f);
});

const calls = () => [...rt.counts.values()].reduce((n, c) => n + c, 0);
const tab = (name: string) => ss.getSheetByName(name)!;
/** The tab's cells of rows 1..rows over `cols` columns, as the sheet holds them. */
const cells = (name: string, rows: number, cols = 2) => tab(name).getRange(1, 1, rows, cols).getValues();
/** Row y, appended after the read, landed directly under row x, without asking the sheet for its last row. */
function expectRowYBelowX(): void {
  expect(rt.counts.get('Sheet.getLastRow')).toBeUndefined();
  expect(cells('_a', 4)).toEqual([
    ['key', 'n'],
    ['x', 1],
    ['y', 2],
    ['', ''],
  ]);
}

describe('de tabelcache van één actie', () => {
  it('buiten een actie is de scope 0; elke actie krijgt een nieuw, positief nummer', () => {
    expect(tableScope()).toBe(0);
    const seen: number[] = [];
    withTableCache(() => seen.push(tableScope()));
    withTableCache(() => seen.push(tableScope()));
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBeGreaterThan(seen[0]!);
    expect(tableScope()).toBe(0);
  });

  it('een geneste actie deelt de cache en de scope van de buitenste, die daarna blijft gelden', () => {
    withTableCache(() => {
      const outer = tableScope();
      expect(tableCached(ss, A)).toBe(false);
      readTable(ss, A);
      expect(tableCached(ss, A)).toBe(true);
      withTableCache(() => {
        expect(tableScope()).toBe(outer);
        readTable(ss, A);
      });
      rt.resetCounts();
      expect(tableScope()).toBe(outer);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      expect(tableCached(ss, A)).toBe(true);
      expect(calls()).toBe(0);
    });
    // Outside the action nothing is kept: every read goes to the sheet.
    expect(tableCached(ss, A)).toBe(false);
  });

  it('wat een actie leest na eigen schrijven, is wat het blad daarna geeft (ontbrekende cellen: 0 en leeg)', () => {
    let inRun: unknown;
    withTableCache(() => {
      readTable(ss, A);
      readTable(ss, B);
      appendRows(ss, A, [{ key: 'z' }]);
      appendRows(ss, B, [{ key: 'w' }]);
      inRun = [readTable(ss, A), readTable(ss, B)];
    });
    expect(inRun).toEqual([
      [
        { key: 'x', n: 1 },
        { key: 'z', n: 0 },
      ],
      [
        { key: 'y', text: 'tekst' },
        { key: 'w', text: '' },
      ],
    ]);
    expect(inRun).toEqual([readTable(ss, A), readTable(ss, B)]);
  });
});

describe('tableFromTab: een tabel uit waarden die met andere tabbladen zijn gelezen', () => {
  // As a batch read of the tab may give them: blank rows (empty text or null) below the data.
  const values = [
    ['key', 'n'],
    ['x', 1],
    ['', ''],
    [null, null],
    ['', null],
  ];

  it('lege rijen onderaan tellen niet mee', () => {
    expect(tableFromTab(ss, A, values)).toEqual([{ key: 'x', n: 1 }]);
    expect(
      tableFromTab(ss, A, [
        ['', ''],
        ['', ''],
        ['', ''],
      ]),
    ).toEqual([]);
    expect(tableFromTab(ss, A, [])).toEqual([]);
  });

  it('in een actie is de tabel daarna gelezen, en komt een nieuwe rij direct onder de laatste zonder te vragen waar', () => {
    withTableCache(() => {
      tableFromTab(ss, A, values);
      rt.resetCounts();
      expect(tableCached(ss, A)).toBe(true);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      expect(calls()).toBe(0);
      appendRows(ss, A, [{ key: 'y', n: 2 }]);
    });
    expectRowYBelowX();
  });
});

describe('prefetchTables: alle tabellen van een actie in één keer', () => {
  const C = table({ name: '_c', columns: ['key'] });
  const D = table({ name: '_d', columns: ['key'] });

  it('alleen tabellen die er niet zijn: één get, geen batchGet, en lezen kost daarna niets', () => {
    withTableCache(() => {
      prefetchTables(ss, [C, D]);
      expect(calls()).toBe(1);
      expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBeUndefined();
      expect(readTable(ss, C)).toEqual([]);
      expect(readTable(ss, D)).toEqual([]);
      expect(calls()).toBe(1);
    });
  });

  it('een ontbrekende tabel naast een bestaande: twee aanroepen, en ook de ontbrekende is gelezen', () => {
    withTableCache(() => {
      prefetchTables(ss, [A, C]);
      expect(calls()).toBe(2);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      expect(readTable(ss, C)).toEqual([]);
      expect(calls()).toBe(2);
      expect(rt.counts.get('Spreadsheet.getSheetById')).toBeUndefined();
    });
  });

  it('een tabblad waarvan ook de kopregel is gewist, leest als leeg; de volgende rij komt in rij 2', () => {
    tab('_b').getRange(1, 1, 2, 2).clearContent();
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, B)).toEqual([]);
      appendRows(ss, B, [{ key: 'n', text: 'nieuw' }]);
    });
    expect(cells('_b', 3)).toEqual([
      ['', ''],
      ['n', 'nieuw'],
      ['', ''],
    ]);
  });

  it('een woord in een getalkolom noemt de rij zoals het blad hem nummert', () => {
    appendRows(ss, A, [{ key: 'y', n: 2 }]);
    tab('_a').getRange(3, 2).setValue('Jan');
    const e = errorOf(() => withTableCache(() => prefetchTables(ss, [A, B])));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/^_a!B3 \(n\): hier hoort een getal te staan/);
    expect(e.message).not.toContain('Jan');
  });

  it('een notitie rechts naast de tabel verplaatst de volgende rij niet', () => {
    tab('_a').getRange('D10').setValue('notitie');
    withTableCache(() => {
      prefetchTables(ss, [A]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      appendRows(ss, A, [{ key: 'y', n: 2 }]);
    });
    expect(cells('_a', 4)).toEqual([
      ['key', 'n'],
      ['x', 1],
      ['y', 2],
      ['', ''],
    ]);
  });

  it("een tabelnaam met een apostrof wordt goed geciteerd (A1-notatie: '' binnen de aanhalingstekens)", () => {
    const Q = table({ name: "_d'66", columns: ['key'] });
    appendRows(ss, Q, [{ key: 'q' }]);
    rt.resetCounts();
    withTableCache(() => {
      prefetchTables(ss, [Q]);
      expect(readTable(ss, Q)).toEqual([{ key: 'q' }]);
    });
    expect(calls()).toBe(2);
  });

  it('een kopie van een systeemtabblad (met dezelfde tag) stoort niet zolang het origineel zijn naam heeft', () => {
    ss.insertSheet('Kopie van _a').addDeveloperMetadata(SYSTEM_TABLE_KEY, '_a');
    rt.resetCounts();
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
    });
    expect(rt.counts.get('Sheet.setName')).toBeUndefined();
    expect(heard).toEqual([]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', '_a', '_b', 'Kopie van _a']);
  });

  it('alleen de eigen sleutel telt: metadata van een ander met de tabelnaam als waarde maakt geen tweede kandidaat', () => {
    tab('_a').setName('Mijn tabel');
    ss.insertSheet('Notities').addDeveloperMetadata('andere-sleutel', '_a');
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
    });
    expect(heard).toEqual([['_a', 'Mijn tabel']]);
    expect(tab('Notities').getName()).toBe('Notities');
  });

  it('velden die de API weglaat (een grafiekblad zonder raster, een blad zonder titel of id) breken de batchlezing niet', () => {
    // The API leaves out absent fields; an object sheet (a chart) has no gridProperties
    // (reference/rest/v4/spreadsheets/sheets#SheetProperties).
    const g = globalThis as unknown as { Sheets: GoogleAppsScript.Sheets };
    const real = g.Sheets;
    const tag = [{ metadataKey: SYSTEM_TABLE_KEY, metadataValue: '_a' }];
    g.Sheets = {
      Spreadsheets: {
        get: (id: string, args: object) => {
          const got = real.Spreadsheets!.get(id, args);
          got.sheets!.push(
            {},
            { properties: { sheetId: 901, title: 'Grafiek', sheetType: 'OBJECT' } },
            { properties: { title: 'Zonder id' }, developerMetadata: tag },
            { properties: { sheetId: 902 }, developerMetadata: tag },
          );
          return got;
        },
        Values: real.Spreadsheets!.Values,
      },
    } as unknown as GoogleAppsScript.Sheets;
    try {
      tab('_a').setName('Mijn tabel');
      withTableCache(() => {
        prefetchTables(ss, [A, B]);
        expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
        expect(readTable(ss, B)).toEqual([{ key: 'y', text: 'tekst' }]);
      });
    } finally {
      g.Sheets = real;
    }
    expect(heard).toEqual([['_a', 'Mijn tabel']]);
  });
});

describe('hernoemde tabbladen: terugvinden en melden', () => {
  it('een luisteraar die zelf een tabel schrijft, hoort de meldingen één voor één, in volgorde', () => {
    const LOG = table({ name: '_log', columns: ['key'] });
    const order: string[] = [];
    const stopLog = onTableRestored((_ss, name) => {
      order.push(`begin ${name}`);
      appendRows(ss, LOG, [{ key: name }]);
      order.push(`einde ${name}`);
    });
    try {
      tab('_a').setName('Mijn a');
      tab('_b').setName('Mijn b');
      withTableCache(() => prefetchTables(ss, [A, B]));
    } finally {
      stopLog();
    }
    expect(order).toEqual(['begin _a', 'einde _a', 'begin _b', 'einde _b']);
    expect(heard).toEqual([
      ['_a', 'Mijn a'],
      ['_b', 'Mijn b'],
    ]);
    expect(readTable(ss, LOG)).toEqual([{ key: '_a' }, { key: '_b' }]);
  });

  it('een hernoemd tabblad wordt bij de eerste schrijfactie één keer opgezocht en meteen gebruikt', () => {
    tab('_b').setName('Andere naam');
    rt.resetCounts();
    withTableCache(() => appendRows(ss, B, [{ key: 'w', text: 'meer' }]));
    expect(rt.counts.get('Spreadsheet.getSheetByName')).toBe(1);
    expect(heard).toEqual([['_b', 'Andere naam']]);
    expect(readTable(ss, B).map((r) => r.key)).toEqual(['y', 'w']);
  });

  it('een getagd tabblad dat tijdens de actie verdwijnt: er komt een nieuw, leeg tabblad', () => {
    tab('_b').setName('Oud b');
    withTableCache(() => {
      // The tags are read here, with Oud b still there.
      prefetchTables(ss, [A]);
      ss.deleteSheet(tab('Oud b'));
      appendRows(ss, B, [{ key: 'n', text: 'nieuw' }]);
    });
    expect(readTable(ss, B)).toEqual([{ key: 'n', text: 'nieuw' }]);
    expect(heard).toEqual([]);
  });

  it('zonder de Sheets-service: metadata op een rij of op het hele bestand is geen tabblad', () => {
    tab('_a').setName('Mijn tabel');
    const notes = ss.insertSheet('Notities');
    notes.getRange(1, 1, 1, notes.getMaxColumns()).addDeveloperMetadata(SYSTEM_TABLE_KEY, '_a');
    ss.addDeveloperMetadata(SYSTEM_TABLE_KEY, '_a');
    expect(withoutSheets(() => readTable(ss, A))).toEqual([{ key: 'x', n: 1 }]);
    expect(heard).toEqual([['_a', 'Mijn tabel']]);
    expect(tab('Notities').getName()).toBe('Notities');
  });
});

describe('readTableById: een tabel lezen zonder het bestand te openen', () => {
  let opened: number;
  const open = (id: string) => {
    opened++;
    return SpreadsheetApp.openById(id);
  };
  beforeEach(() => {
    opened = 0;
  });

  it('in een actie één batchGet, ook voor een latere lezing via het bestand; een nieuwe rij komt eronder', () => {
    const id = ss.getId();
    rt.resetCounts();
    withTableCache(() => {
      expect(readTableById(id, A, open)).toEqual([{ key: 'x', n: 1 }]);
      expect(readTableById(id, A, open)).toEqual([{ key: 'x', n: 1 }]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      expect(calls()).toBe(1);
      appendRows(ss, A, [{ key: 'y', n: 2 }]);
    });
    expect(opened).toBe(0);
    expectRowYBelowX();
  });

  it('een notitie rechts naast de tabel verplaatst de volgende rij niet', () => {
    tab('_a').getRange('D10').setValue('notitie');
    withTableCache(() => {
      expect(readTableById(ss.getId(), A, open)).toEqual([{ key: 'x', n: 1 }]);
      appendRows(ss, A, [{ key: 'y', n: 2 }]);
    });
    expect(cells('_a', 3)).toEqual([
      ['key', 'n'],
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('een tabelnaam met een apostrof: één batchGet, het bestand wordt niet geopend', () => {
    const Q = table({ name: "_d'66", columns: ['key'] });
    appendRows(ss, Q, [{ key: 'q' }]);
    const id = ss.getId();
    rt.resetCounts();
    expect(readTableById(id, Q, open)).toEqual([{ key: 'q' }]);
    expect(opened).toBe(0);
    expect(calls()).toBe(1);
  });

  it('verschoven kolommen: met rijen stopt de lezing met de kolomnaam, zonder rijen is er niets mis te lezen', () => {
    const C = table({ name: '_c', columns: ['key', 'text'] });
    appendRows(ss, C, []);
    ss.insertSheet('_c')
      .getRange(1, 1, 1, 2)
      .setValues([['text', 'key']]);
    expect(readTableById(ss.getId(), C, open)).toEqual([]);
    tab('_c')
      .getRange(2, 1, 1, 2)
      .setValues([['t', 'k']]);
    const e = errorOf(() => readTableById(ss.getId(), C, open));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain('Het tabblad _c is met de hand veranderd: de kolom "key" staat in kolom B');
    expect(opened).toBe(0);
  });

  it('zonder de Sheets-service wordt het bestand geopend en gelezen zoals altijd', () => {
    expect(withoutSheets(() => readTableById(ss.getId(), B, open))).toEqual([{ key: 'y', text: 'tekst' }]);
    expect(opened).toBe(1);
  });
});
