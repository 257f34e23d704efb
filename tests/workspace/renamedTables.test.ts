/**
 * workspace/tables.ts, a system table whose tab was renamed by hand (§4.3 #17): found again by its
 * developer metadata, with and without the Sheets advanced service, at no extra call while every
 * tab has its own name.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { appendRows, prefetchTables, readTable, table, withTableCache } from '../../src/workspace/tables';
import { SYSTEM_TABLE_KEY } from '../../src/workspace/tabs';
import { onTwoTables, TABLE_A, TABLE_B } from './helpers';

const A = TABLE_A;
const B = TABLE_B;

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let heard: [string, string][];
onTwoTables((f) => {
  ({ rt, ss, heard } = f);
});

const calls = () => [...rt.counts.values()].reduce((n, c) => n + c, 0);

describe('een systeemtabel met een andere naam', () => {
  it('elk tabblad dat het product maakt, draagt zijn tabelnaam als developer metadata', () => {
    const found = ss.createDeveloperMetadataFinder().withKey(SYSTEM_TABLE_KEY).find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getSheet()!.getName()])).toEqual([
      ['_a', '_a'],
      ['_b', '_b'],
    ]);
  });

  it('de gewone batchlezing kost niet meer aanroepen: één get en één batchGet', () => {
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
    });
    expect(calls()).toBe(2);
    expect(rt.counts.get('Sheets.Spreadsheets.get')).toBe(1);
    expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  });

  it('in de batchlezing: teruggevonden uit dezelfde get, hernoemd met één setName, en gemeld', () => {
    ss.getSheetByName('_a')!.setName('Mijn tabel');
    rt.resetCounts();
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      appendRows(ss, A, [{ key: 'z', n: 2 }]);
    });
    expect(rt.counts.get('Sheets.Spreadsheets.get')).toBe(1);
    expect(rt.counts.get('Sheet.setName')).toBe(1);
    expect(heard).toEqual([['_a', 'Mijn tabel']]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', '_a', '_b']);
    expect(readTable(ss, A).map((r) => r.key)).toEqual(['x', 'z']);
  });

  it('hernoemd naar de naam van een andere tabel (die weg was): die ander is nu leeg, de batchlezing faalt niet', () => {
    ss.deleteSheet(ss.getSheetByName('_b')!);
    ss.getSheetByName('_a')!.setName('_b');
    withTableCache(() => {
      prefetchTables(ss, [A, B]);
      expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
      expect(readTable(ss, B)).toEqual([]);
    });
    expect(heard).toEqual([['_a', '_b']]);
  });

  it('buiten de batchlezing, met en zonder de Sheets-service', () => {
    ss.getSheetByName('_a')!.setName('Mijn tabel');
    expect(readTable(ss, A)).toEqual([{ key: 'x', n: 1 }]);
    expect(heard).toEqual([['_a', 'Mijn tabel']]);
    const g = globalThis as { Sheets?: unknown };
    const saved = g.Sheets;
    g.Sheets = undefined;
    try {
      ss.getSheetByName('_b')!.setName('Andere naam');
      // A write without a read first: the tab is found again, not made anew.
      appendRows(ss, B, [{ key: 'w', text: 'meer' }]);
      expect(rt.counts.get('DeveloperMetadataFinder.find')).toBe(1);
    } finally {
      g.Sheets = saved;
    }
    expect(heard).toEqual([
      ['_a', 'Mijn tabel'],
      ['_b', 'Andere naam'],
    ]);
    expect(readTable(ss, B).map((r) => r.key)).toEqual(['y', 'w']);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', '_a', '_b']);
  });

  it('een tabel die er nog niet is, wordt gemaakt zoals voorheen (met zijn tag)', () => {
    const C = table({ name: '_c', columns: ['key'] });
    withTableCache(() => {
      prefetchTables(ss, [A, B, C]);
      expect(readTable(ss, C)).toEqual([]);
      appendRows(ss, C, [{ key: 'nieuw' }]);
    });
    // The tags came with the prefetch's get: no second get before the tab is made.
    expect(rt.counts.get('Sheets.Spreadsheets.get')).toBe(1);
    expect(rt.counts.get('Sheet.addDeveloperMetadata')).toBe(1);
    expect(readTable(ss, C)).toEqual([{ key: 'nieuw' }]);
    expect(heard).toEqual([]);
  });
});

describe('een systeemtabel van vóór de tags', () => {
  it('krijgt zijn tag bij de eerste batchlezing, één keer; daarna wordt hij ook hernoemd teruggevonden', () => {
    const old = ss.insertSheet('_oud');
    old.getRange(1, 1, 2, 2).setValues([
      ['key', 'text'],
      ['k', 'v'],
    ]);
    const OLD = table({ name: '_oud', columns: ['key', 'text'] });
    rt.resetCounts();
    withTableCache(() => prefetchTables(ss, [A, B, OLD]));
    expect(rt.counts.get('Sheet.addDeveloperMetadata')).toBe(1);
    rt.resetCounts();
    withTableCache(() => prefetchTables(ss, [A, B, OLD]));
    expect(rt.counts.get('Sheet.addDeveloperMetadata')).toBeUndefined();
    expect(calls()).toBe(2);
    ss.getSheetByName('_oud')!.setName('Oud');
    withTableCache(() => {
      prefetchTables(ss, [A, B, OLD]);
      expect(readTable(ss, OLD)).toEqual([{ key: 'k', text: 'v' }]);
    });
    expect(heard).toEqual([['_oud', 'Oud']]);
  });
});
