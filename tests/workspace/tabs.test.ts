/**
 * workspace/tabs: the small tab helpers (which tabs exist, removing tabs but never the last one,
 * plain-text format below a header, turning a visible list into a system table).
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import {
  deleteTabRow,
  firstTabId,
  hasTab,
  plainTextBelow,
  removeEmptyTabs,
  removeTabById,
  removeTabsStartingWith,
  setTextFormatBelowHeader,
  tabNames,
  turnIntoSystemTab,
} from '../../src/workspace/tabs';
import { onFreshAppsScript, withoutSheets } from './helpers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let rt: Runtime;
let ss: Spreadsheet;
onFreshAppsScript((fresh) => {
  rt = fresh;
  ss = SpreadsheetApp.create('Register');
});

const names = () => ss.getSheets().map((s) => s.getName());

describe('tabbladen vinden en weghalen', () => {
  it('hasTab, firstTabId en tabNames, met en zonder de Sheets-service', () => {
    const first = ss.getSheets()[0]!;
    ss.insertSheet('Tweede');
    expect(hasTab(ss, 'Tweede')).toBe(true);
    expect(hasTab(ss, 'Derde')).toBe(false);
    expect(firstTabId(ss)).toBe(first.getSheetId());
    expect(tabNames(ss)).toEqual(names());
    expect(withoutSheets(() => tabNames(ss))).toEqual(names());
  });

  it('removeTabById haalt het tabblad weg, maar nooit het laatste', () => {
    const second = ss.insertSheet('Tweede');
    const first = ss.getSheets()[0]!;
    removeTabById(ss, first.getSheetId());
    expect(names()).toEqual(['Tweede']);
    removeTabById(ss, second.getSheetId());
    removeTabById(ss, 987654);
    expect(names()).toEqual(['Tweede']);
  });

  it('removeEmptyTabs haalt alleen lege tabbladen weg, niet wat bewaard moet blijven en nooit het laatste', () => {
    const first = ss.getSheets()[0]!.getName();
    ss.insertSheet('Leeg');
    ss.insertSheet('Bewaren');
    ss.insertSheet('Gevuld').getRange(1, 1).setValue('x');
    removeEmptyTabs(ss, new Set(['Bewaren']));
    expect(names()).toEqual(['Bewaren', 'Gevuld']);
    const only = SpreadsheetApp.create('Alleen');
    removeEmptyTabs(only, new Set());
    expect(only.getSheets()).toHaveLength(1);
    expect(names()).not.toContain(first);
  });

  it('removeTabsStartingWith: alleen met dat begin, behalve wat bewaard moet blijven, nooit het laatste', () => {
    ss.insertSheet('_casussen');
    ss.insertSheet('_register');
    ss.insertSheet('Casussen');
    expect(removeTabsStartingWith(ss, '_', ['_register'])).toEqual(['_casussen']);
    expect(names()).toContain('_register');
    const lonely = SpreadsheetApp.create('Alleen');
    lonely.getSheets()[0]!.setName('_enige');
    expect(removeTabsStartingWith(lonely, '_')).toEqual([]);
  });

  it('deleteTabRow haalt één rij weg; een tabblad dat er niet is, is geen fout', () => {
    const sh = ss.insertSheet('Lijst');
    sh.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    deleteTabRow(ss, 'Lijst', 2);
    expect(sh.getRange(1, 1, 2, 1).getValues()).toEqual([['a'], ['c']]);
    deleteTabRow(ss, 'Bestaat niet', 2);
  });
});

describe('tekstopmaak onder de kop', () => {
  it('zet alle rijen onder de kop, over de gevraagde breedte, op platte tekst', () => {
    const sh = ss.insertSheet('Vragen');
    sh.deleteRows(5, sh.getMaxRows() - 4);
    setTextFormatBelowHeader(ss, 'Vragen', 1, 2);
    setTextFormatBelowHeader(ss, 'Bestaat niet', 1, 2);
    const formats = sh.getRange(1, 1, 4, 3).getNumberFormats();
    expect(formats[0]!.slice(0, 2)).not.toEqual(['@', '@']);
    for (const row of formats.slice(1)) expect(row).toEqual(['@', '@', formats[0]![2]]);
  });

  it('doet niets zonder rijen onder de kop of zonder kolommen', () => {
    const sh = ss.insertSheet('Kop');
    sh.deleteRows(3, sh.getMaxRows() - 2);
    rt.resetCounts();
    plainTextBelow(sh, 2, 3);
    plainTextBelow(sh, 1, 0);
    expect(rt.counts.get('Sheet.getRange') ?? 0).toBe(0);
  });
});

describe('turnIntoSystemTab', () => {
  const HEADER = ['Casuscode', 'Status', 'Stap'];

  it('maakt van een zichtbare lijst met de juiste kop een verborgen systeemtabel', () => {
    const sh = ss.insertSheet('Casussen');
    sh.deleteColumns(3, sh.getMaxColumns() - 2);
    sh.getRange(1, 1, 2, 2).setValues([
      ['Casuscode', 'Status'],
      ['JGA-2026-001', 'open'],
    ]);
    expect(turnIntoSystemTab(ss, 'Casussen', '_casussen', HEADER, 'Status')).toBe(true);
    expect(sh.getName()).toBe('_casussen');
    expect(sh.isSheetHidden()).toBe(true);
    expect(sh.getRange(1, 1, 2, 3).getValues()).toEqual([HEADER, ['JGA-2026-001', 'open', '']]);
  });

  it('laat alles staan als het doel al bestaat, de bron er niet is of leeg is, of de kop niet klopt', () => {
    ss.insertSheet('Leeg');
    const other = ss.insertSheet('Anders');
    other.getRange(1, 1, 1, 2).setValues([['Status', 'Casuscode']]);
    const wrong = ss.insertSheet('Zonder');
    wrong.getRange(1, 1, 1, 2).setValues([['Casuscode', 'Status']]);
    ss.insertSheet('_bestaat');
    const half = ss.insertSheet('Half');
    half.getRange(1, 1, 1, 2).setValues([['Casuscode', 'Fase']]);
    expect(turnIntoSystemTab(ss, 'Anders', '_bestaat', HEADER, 'Status')).toBe(false);
    expect(turnIntoSystemTab(ss, 'Weg', '_x', HEADER, 'Status')).toBe(false);
    expect(turnIntoSystemTab(ss, 'Leeg', '_x', HEADER, 'Status')).toBe(false);
    expect(turnIntoSystemTab(ss, 'Anders', '_x', HEADER, 'Status')).toBe(false);
    expect(turnIntoSystemTab(ss, 'Zonder', '_x', HEADER, 'Stap')).toBe(false);
    expect(turnIntoSystemTab(ss, 'Half', '_x', HEADER, 'Casuscode')).toBe(false);
    expect(names()).toEqual(expect.arrayContaining(['Leeg', 'Anders', 'Zonder', 'Half']));
    expect(names()).not.toContain('_x');
  });
});
