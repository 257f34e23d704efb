import { beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let rt: Runtime;
let app: App;
let ss: Spreadsheet;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  app = createSpreadsheetApp(rt);
  ss = app.create('Casus test');
});

describe('SpreadsheetApp', () => {
  it('creates one sheet "Sheet1" of 1000 × 26, or the given size', () => {
    const sheets = ss.getSheets();
    expect(sheets.map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheets[0]!.getMaxRows(), sheets[0]!.getMaxColumns()]).toEqual([1000, 26]);
    const small = app.create('Klein', 10, 3).getSheets()[0]!;
    expect([small.getMaxRows(), small.getMaxColumns()]).toEqual([10, 3]);
  });

  it('opens by id and url, with the SpreadsheetApp wording for unknown ids', () => {
    expect(app.openById(ss.getId()).getName()).toBe('Casus test');
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(() => app.openById('bestaat-niet')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('returns the bound spreadsheet as active, or null when standalone', () => {
    expect(app.getActiveSpreadsheet()).toBeNull();
    rt.boundContainerId = ss.getId();
    expect(app.getActiveSpreadsheet().getId()).toBe(ss.getId());
  });

  it('refuses more than 10,000,000 cells in a workbook', () => {
    expect(() => app.create('Te groot', 100_000, 101)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    const big = app.create('Groot', 1_000_000, 10);
    expect(() => big.insertSheet()).toThrow(/above the limit of 10000000 cells/);
  });

  it('throws for members the emulator does not implement, instead of returning undefined', () => {
    const range = ss.getSheets()[0]!.getRange('A1');
    expect(() => range.getTextStyle()).toThrow('Niet geëmuleerd: Range.getTextStyle');
    expect(() => app.getActiveRange()).toThrow('Niet geëmuleerd: SpreadsheetApp.getActiveRange');
  });
});

describe('Spreadsheet sheets', () => {
  it('insertSheet: 0-based index, becomes active, default names', () => {
    const first = ss.insertSheet('Eerste', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Eerste');
    const unnamed = ss.insertSheet();
    expect(unnamed.getName()).toBe('Sheet3');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Eerste', 'Sheet1', 'Sheet3']);
    ss.insertSheet(1);
    expect(ss.getSheets()[1]!.getName()).toBe('Sheet4');
  });

  it('sheet names are unique case-insensitively', () => {
    ss.insertSheet('Data');
    expect(() => ss.insertSheet('data')).toThrow(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(() => ss.getSheets()[0]!.setName('DATA')).toThrow(/already exists/);
    expect(() => ss.insertSheet('x'.repeat(101))).toThrow();
  });

  it('getSheetId is monotonic, starts at 0 and is not the position', () => {
    const a = ss.insertSheet('A', 0);
    const b = ss.insertSheet('B', 0);
    const ids = [ss.getSheetByName('Sheet1')!.getSheetId(), a.getSheetId(), b.getSheetId()];
    expect(ids[0]).toBe(0);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    expect(ids[2]).toBeGreaterThan(ids[1]!);
    expect(ss.getSheetById(ids[2]!)!.getName()).toBe('B');
  });

  it('cannot delete the last sheet; handles to deleted sheets throw', () => {
    const only = ss.getSheets()[0]!;
    expect(() => ss.deleteSheet(only)).toThrow("You can't remove all the sheets in a document.");
    const extra = ss.insertSheet('Weg');
    ss.deleteSheet(extra);
    expect(ss.getNumSheets()).toBe(1);
    expect(() => extra.getName()).toThrow();
  });

  it('cannot hide the only visible sheet', () => {
    const s1 = ss.getSheets()[0]!;
    expect(() => s1.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const s2 = ss.insertSheet('Tweede');
    s2.hideSheet();
    expect(s2.isSheetHidden()).toBe(true);
    expect(() => s1.hideSheet()).toThrow();
    expect(ss.getSheets()).toHaveLength(2);
  });

  it('Spreadsheet.getRange accepts a sheet prefix', () => {
    ss.insertSheet('Mijn tab');
    ss.getRange("'Mijn tab'!B2").setValue('hier');
    expect(ss.getSheetByName('Mijn tab')!.getRange('B2').getValue()).toBe('hier');
    expect(() => ss.getRange('Onbekend!A1')).toThrow('Range not found');
  });

  it('records toasts', () => {
    ss.toast('Klaar', 'Status');
    expect(rt.ui.toasts).toEqual([{ message: 'Klaar', title: 'Status' }]);
  });
});

describe('Sheet ranges and grid', () => {
  it('getRange overloads, open A1 ranges and bounds errors', () => {
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(1, 1, 2, 3).getA1Notation()).toBe('A1:C2');
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange('A1:A1001')).toThrow(/outside the dimensions/);
  });

  it('getLastRow/getLastColumn are 0 on an empty sheet; getDataRange is then A1', () => {
    const sheet = ss.getSheets()[0]!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('appendRow writes after the last content row, coerces, and grows the grid', () => {
    const sheet = app.create('Klein', 2, 2).getSheets()[0]!;
    sheet.appendRow(['naam', '007']);
    sheet.appendRow(['=1+1', true]);
    sheet.appendRow(['a', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getMaxColumns()).toBe(3);
    expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
      ['naam', 7, ''],
      ['', true, ''],
      ['a', 'b', 'c'],
    ]);
    expect(sheet.getRange('A2').getFormula()).toBe('=1+1');
    expect(() => sheet.appendRow('x' as unknown as unknown[])).toThrow(/SpreadsheetApp\.Sheet\.appendRow/);
  });

  it('insert/delete rows shift content; out of bounds and delete-all are refused', () => {
    const sheet = app.create('Rijen', 5, 2).getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(7);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    expect(() => sheet.deleteRows(5, 10)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 5)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.insertRowsAfter(5, 1);
    expect(sheet.getMaxRows()).toBe(6);
  });

  it('frozen rows, tab colour, widths and protection', () => {
    const sheet = ss.getSheets()[0]!;
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.setTabColor('#FF0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    sheet.setTabColor(null);
    expect(sheet.getTabColor()).toBeNull();
    sheet.setColumnWidth(2, 240);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2)]).toEqual([100, 240]);
    const p = sheet.protect().setDescription('Alleen script');
    expect(sheet.protect().getDescription()).toBe('Alleen script');
    expect(p.canEdit()).toBe(true);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([rt.userEmail]);
    expect(() => p.addEditor('geen-adres')).toThrow('Invalid email: geen-adres');
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('copyTo names the copy "Copy of <name>"', () => {
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1').setValue('inhoud');
    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Sheet1');
    expect(copy.getRange('A1').getValue()).toBe('inhoud');
  });

  it('developer metadata: add and find by key', () => {
    ss.addDeveloperMetadata('casus', 'C-001');
    ss.getSheets()[0]!.addDeveloperMetadata('rol', 'register');
    const found = ss.createDeveloperMetadataFinder().withKey('casus').find();
    expect(found.map((m) => m.getValue())).toEqual(['C-001']);
    expect(ss.createDeveloperMetadataFinder().withValue('register').find()).toHaveLength(1);
    expect(() => ss.getSheets()[0]!.getRange('A1').addDeveloperMetadata('x')).toThrow(/arbitrary ranges/);
  });
});
