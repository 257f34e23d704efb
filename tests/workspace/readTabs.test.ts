import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { cellDate } from '../../src/model/sheetTable';
import { readTabs, tabValues } from '../../src/workspace/tabs';
import { onFreshAppsScript } from './helpers';

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
onFreshAppsScript((fresh) => {
  rt = fresh;
  ss = SpreadsheetApp.create('Register');
  const a = ss.insertSheet('Instellingen');
  a.getRange(1, 1, 3, 2).setValues([
    ['Instelling', 'Waarde'],
    ['Bewaartermijn', 24],
    ['Actief', true],
  ]);
  const b = ss.insertSheet("Partner's");
  b.getRange(1, 1, 2, 3).setValues([
    ['Naam', 'Convenant', ''],
    ['Politie', new Date(2026, 2, 31), 'x'],
  ]);
  b.getRange(3, 1).setValue('Boa');
  ss.insertSheet('Leeg');
  rt.resetCounts();
});

const calls = () => [...rt.counts.values()].reduce((a, b) => a + b, 0);

describe('readTabs', () => {
  it('leest alle tabbladen in één aanroep, met dezelfde rechthoek als getDataRange().getValues()', () => {
    const got = readTabs(ss, ['Instellingen', "Partner's", 'Leeg']);
    expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(calls()).toBe(2); // getId + batchGet
    expect(got.get('Instellingen')).toEqual(tabValues(ss, 'Instellingen'));
    expect(got.get('Leeg')).toEqual([['']]);
    const partners = got.get("Partner's")!;
    expect(partners.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(partners[2]).toEqual(['Boa', '', '']);
    // The date cell comes as a serial day number; cellDate reads it as the same day as a Date.
    expect(cellDate(partners[1]![1])).toBe('2026-03-31');
    expect(cellDate(tabValues(ss, "Partner's")![1]![1])).toBe('2026-03-31');
  });

  it('leest tab voor tab als een tabblad ontbreekt: null voor dat tabblad, de rest zoals het is', () => {
    const got = readTabs(ss, ['Instellingen', 'Vragen']);
    expect(got.get('Vragen')).toBeNull();
    expect(got.get('Instellingen')).toEqual([
      ['Instelling', 'Waarde'],
      ['Bewaartermijn', 24],
      ['Actief', true],
    ]);
  });

  it('leest tab voor tab zonder de Sheets-service', () => {
    const g = globalThis as { Sheets?: unknown };
    const saved = g.Sheets;
    g.Sheets = undefined;
    try {
      const got = readTabs(ss, ['Instellingen', 'Leeg']);
      expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBeUndefined();
      expect(got.get('Instellingen')![1]).toEqual(['Bewaartermijn', 24]);
      expect(got.get('Leeg')).toEqual([['']]);
    } finally {
      g.Sheets = saved;
    }
  });
});
