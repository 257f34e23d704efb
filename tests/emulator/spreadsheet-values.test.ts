import { beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let rt: Runtime;
let sheet: Sheet;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  sheet = createSpreadsheetApp(rt).create('Waarden').getSheets()[0]!;
});

function roundTrip(value: unknown): unknown {
  const cell = sheet.getRange('A1');
  cell.setValue(value);
  return cell.getValue();
}

describe('Range.setValues shape', () => {
  it('rejects a row-count mismatch with the exact Apps Script text', () => {
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('rejects a column-count mismatch in any row', () => {
    expect(() =>
      sheet.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects a 1-D array as a signature error', () => {
    const range = sheet.getRange(1, 1, 1, 2);
    expect(() => range.setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => range.setValues('x' as unknown as unknown[][])).toThrow(/don't match the method signature/);
  });

  it('rejects plain objects and leaves the range unchanged', () => {
    const range = sheet.getRange(1, 1, 1, 2);
    expect(() => range.setValues([['a', { x: 1 }]])).toThrow(/SpreadsheetApp\.Range\.setValues/);
    expect(range.getValues()).toEqual([['', '']]);
  });

  it('the error is an Exception, as Apps Script surfaces service errors', () => {
    try {
      sheet.getRange(1, 1, 2, 1).setValues([[1]]);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
  });
});

describe('coercion of written strings (typed input)', () => {
  it('makes a formula of a leading "=" and does not compute it', () => {
    const cell = sheet.getRange('B2');
    cell.setValue('=1+1');
    expect(cell.getFormula()).toBe('=1+1');
    expect(cell.getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(2);
  });

  it('strips a leading apostrophe and keeps the rest as text', () => {
    expect(roundTrip("'=1+1")).toBe('=1+1');
    expect(roundTrip("'007")).toBe('007');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('turns numeric-looking strings into numbers (en_US)', () => {
    sheet.getParent().setSpreadsheetLocale('en_US');
    expect(roundTrip('007')).toBe(7);
    expect(roundTrip('+31612345678')).toBe(31612345678);
    expect(roundTrip('0612345678')).toBe(612345678);
    expect(roundTrip('-3.5')).toBe(-3.5);
    expect(roundTrip('1,000')).toBe(1000);
    expect(roundTrip('50%')).toBe(0.5);
    expect(roundTrip('$2.99')).toBe(2.99);
    expect(roundTrip('1,00')).toBe('1,00');
    expect(roundTrip('06-12345678')).toBe('06-12345678');
  });

  it('a new spreadsheet is nl_NL in Europe/Amsterdam: decimal comma, d-M-yyyy dates', () => {
    const ss = sheet.getParent();
    expect(ss.getSpreadsheetLocale()).toBe('nl_NL');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Amsterdam');
    expect(roundTrip('1,5')).toBe(1.5);
    expect(roundTrip('2.000')).toBe(2000);
    expect(roundTrip('1.000,25')).toBe(1000.25);
    expect(roundTrip('1,000')).toBe(1);
    expect((roundTrip('31-1-2026') as Date).toISOString()).toBe('2026-01-30T23:00:00.000Z');
    expect(roundTrip('1/31/2026')).toBe('1/31/2026');
    expect(roundTrip('€ 2,50')).toBe(2.5);
  });

  it('another locale for the whole runtime: new Runtime({ locale })', () => {
    const other = createSpreadsheetApp(new Runtime({ latency: false, locale: 'en_US' })).create('x');
    expect(other.getSpreadsheetLocale()).toBe('en_US');
    const cell = other.getSheets()[0]!.getRange('A1');
    cell.setValue('1,000');
    expect(cell.getValue()).toBe(1000);
    cell.setValue('31-1-2026');
    expect(cell.getValue()).toBe('31-1-2026');
  });

  it('turns TRUE/FALSE in any case into booleans', () => {
    expect(roundTrip('true')).toBe(true);
    expect(roundTrip('FALSE')).toBe(false);
    expect(roundTrip('waar')).toBe('waar');
  });

  it('turns an ISO date into a Date and keeps an impossible date as text', () => {
    const d = roundTrip('2024-01-31');
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString()).toBe('2024-01-30T23:00:00.000Z'); // midnight Europe/Amsterdam
    expect(roundTrip('2024-13-45')).toBe('2024-13-45');
    expect(roundTrip('2023-02-29')).toBe('2023-02-29');
  });

  it('keeps strings as text under number format "@", but "=" still makes a formula', () => {
    const cell = sheet.getRange('A1');
    cell.setNumberFormat('@');
    cell.setValue('007');
    expect(cell.getValue()).toBe('007');
    cell.setValue('+31612345678');
    expect(cell.getValue()).toBe('+31612345678');
    cell.setValue('=2*3');
    expect(cell.getFormula()).toBe('=2*3');
  });

  it('stores null and undefined as empty', () => {
    sheet.getRange(1, 1, 1, 2).setValues([[null, undefined]]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
  });
});

describe('reading back', () => {
  it('returns fresh arrays and Date copies', () => {
    const when = new Date(Date.UTC(2026, 0, 5, 9, 30));
    const range = sheet.getRange(1, 1, 1, 2);
    range.setValues([[when, 'x']]);
    const first = range.getValues();
    (first[0]![0] as Date).setFullYear(1999);
    first[0]![1] = 'changed';
    const second = range.getValues();
    expect((second[0]![0] as Date).getTime()).toBe(when.getTime());
    expect(second[0]![1]).toBe('x');
    expect(second[0]![0]).not.toBe(first[0]![0]);
  });

  it('keeps the wall clock when the spreadsheet time zone changes (Sheets stores serials)', () => {
    const ss = sheet.getParent();
    const when = new Date(Date.UTC(2026, 0, 5, 9, 0));
    sheet.getRange('A1').setValue(when);
    ss.setSpreadsheetTimeZone('UTC');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('formats display values (nl_NL, the default)', () => {
    const range = sheet.getRange(1, 1, 1, 4);
    range.setValues([[1234.5, true, '2024-01-31', 'tekst']]);
    expect(range.getDisplayValues()).toEqual([['1234,5', 'TRUE', '31-1-2024', 'tekst']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    expect(range.getDisplayValues()[0]![0]).toBe('1.234,50');
  });

  it('formats display values (en_US)', () => {
    sheet.getParent().setSpreadsheetLocale('en_US');
    const range = sheet.getRange(1, 1, 1, 4);
    range.setValues([[1234.5, true, '2024-01-31', 'tekst']]);
    expect(range.getDisplayValues()).toEqual([['1234.5', 'TRUE', '1/31/2024', 'tekst']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(range.getDisplayValues()[0]).toEqual(['1,234.50', 'TRUE', '2024-01-31', 'tekst']);
  });

  it('formats: defaults, null resets, 2-D setters must match the shape', () => {
    const range = sheet.getRange(1, 1, 1, 2);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    range.setBackground('RED');
    expect(range.getBackground()).toBe('#ff0000');
    range.setBackground(null);
    expect(range.getBackground()).toBe('#ffffff');
    range.setFontWeights([['bold', null]]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(() => range.setBackgrounds([['#000000']])).toThrow(/The data has 1 but the range has 2/);
    range.setNotes([['let op', null]]);
    expect(range.getNotes()).toEqual([['let op', '']]);
    expect(range.getNumberFormat()).toBe('0.###############');
  });
});

describe('data validation', () => {
  it('defaults allowInvalid to true and records the rule', () => {
    const app = createSpreadsheetApp(rt);
    const rule = app.newDataValidation().requireValueInList(['ja', 'nee']).setHelpText('Kies').build();
    expect(rule.getAllowInvalid()).toBe(true);
    sheet.getRange('A1:A3').setDataValidation(rule);
    const back = sheet.getRange('A2').getDataValidation()!;
    expect(back.getCriteriaValues()).toEqual([['ja', 'nee'], true]);
    expect(back.getHelpText()).toBe('Kies');
    sheet.getRange('A2').setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });

  it('keeps the rule of each cell apart: changing what one cell returns changes no other cell', () => {
    const app = createSpreadsheetApp(rt);
    const list = ['ja', 'nee'];
    sheet.getRange('B1:B3').setDataValidation(app.newDataValidation().requireValueInList(list).build());
    list.push('misschien');
    const got = sheet.getRange('B1').getDataValidation()!;
    (got.getCriteriaValues()[0] as string[]).push('later');
    sheet.getRange('B2').setDataValidation(got.copy().setHelpText('Alleen B2').build());
    expect(sheet.getRange('B3').getDataValidation()!.getCriteriaValues()).toEqual([['ja', 'nee'], true]);
    expect(sheet.getRange('B3').getDataValidation()!.getHelpText()).not.toBe('Alleen B2');
    expect(sheet.getRange('B2').getDataValidation()!.getHelpText()).toBe('Alleen B2');
  });

  it('refuses a list of more than 500 items', () => {
    const app = createSpreadsheetApp(rt);
    const items = Array.from({ length: 501 }, (_, i) => `optie ${i}`);
    const rule = app.newDataValidation().requireValueInList(items).build();
    expect(() => sheet.getRange('A1').setDataValidation(rule)).toThrow(
      'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
    );
  });
});
