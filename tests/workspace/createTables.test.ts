/**
 * createTables: the system tables of a spreadsheet made in this action, in one Sheets
 * batchUpdate; the same tabs one by one where the Sheets advanced service is off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalAppsScript, startLocalAppsScript } from '../../src/local/harness';
import { CASE_TABLES, FORMS } from '../../src/workflow/records';
import { appendRows, createTables, readTable, withTableCache } from '../../src/workspace/tables';
import { SYSTEM_TABLE_KEY } from '../../src/workspace/tabs';
import { withoutSheets } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

/** Each tab as a person (and the product) sees it. */
function tabsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  return ss.getSheets().map((sh) => ({
    name: sh.getName(),
    hidden: sh.isSheetHidden(),
    frozen: sh.getFrozenRows(),
    header: sh.getRange(1, 1, 1, sh.getLastColumn() || 1).getValues()[0],
    tags: sh
      .createDeveloperMetadataFinder()
      .withKey(SYSTEM_TABLE_KEY)
      .find()
      .map((m) => m.getValue()),
  }));
}

function made(withSheetsService: boolean) {
  local = startLocalAppsScript();
  const make = () => {
    const ss = SpreadsheetApp.create('Nieuw');
    local.rt.resetCounts();
    withTableCache(() => {
      createTables(ss, CASE_TABLES);
      // Known after making them: empty, and an append needs no lookup of the tab.
      expect(readTable(ss, FORMS)).toEqual([]);
    });
    return { ss, calls: Object.fromEntries(local.rt.counts), tabs: tabsOf(ss) };
  };
  return withSheetsService ? make() : withoutSheets(make);
}

describe('createTables', () => {
  it('maakt alle tabbladen met kopregel, bevriezing, zichtbaarheid en sleutel in één aanroep', () => {
    const { calls, tabs } = made(true);
    // The batch, and the new spreadsheet's id asked once.
    expect(calls).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 1, 'Spreadsheet.getId': 1 });
    const byName = new Map(tabs.map((t) => [t.name, t]));
    for (const def of CASE_TABLES) {
      const t = byName.get(def.name)!;
      expect(t, def.name).toEqual({
        name: def.name,
        hidden: !def.visible,
        frozen: 1,
        header: [...def.columns],
        tags: [def.name],
      });
    }
  });

  it('geeft zonder de Sheets-dienst dezelfde tabbladen, één voor één', () => {
    const batched = made(true).tabs;
    local.dispose();
    const oneByOne = made(false);
    expect(oneByOne.tabs).toEqual(batched);
    const total = Object.values(oneByOne.calls).reduce((n, v) => n + v, 0);
    expect(total).toBeGreaterThan(CASE_TABLES.length * 5);
  });

  it('na het maken schrijft een toevoeging in een tabel zonder het tabblad op te zoeken', () => {
    local = startLocalAppsScript();
    const ss = SpreadsheetApp.create('Nieuw');
    withTableCache(() => {
      createTables(ss, CASE_TABLES);
      local.rt.resetCounts();
      appendRows(ss, FORMS, [{ formKey: '1#1#politie', step: '1', status: 'open' }]);
      expect(local.rt.counts.get('Spreadsheet.getSheetByName') ?? 0).toBe(0);
      expect(local.rt.totalCalls()).toBe(2);
    });
    expect(readTable(ss, FORMS).map((r) => r.formKey)).toEqual(['1#1#politie']);
  });
});
