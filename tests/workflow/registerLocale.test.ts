/**
 * The settings tabs are plain text, so what a coordinator types in a Dutch-locale spreadsheet
 * stays what was typed: `1,3` in Stappen is the steps 1 and 3, not the number 1.3.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import { PARTNERS_SHEET, SETTINGS_SHEET } from '../../src/model/schemas';
import { openRegister } from '../../src/workflow/context';
import { QUESTIONS_SHEET, setupRegister } from '../../src/workflow/registerTabs';
import { PARTNERS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const SETTINGS = { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 };

/** A Dutch-locale register, set up like "Register inrichten" does. */
function dutchRegister(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
  const ss = SpreadsheetApp.create('Register');
  ss.setSpreadsheetLocale('nl_NL');
  local.rt.boundContainerId = ss.getId();
  setupRegister(ss, { settings: SETTINGS, partners: PARTNERS });
  return ss;
}

/** Types `value` into the cell of row `match` and column `header`, as a person would (no apostrophe). */
function type(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  key: string,
  header: string,
  value: string,
) {
  const sh = ss.getSheetByName(tab)!;
  const values = sh.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === key);
  const col = values[0]!.indexOf(header);
  expect(row).toBeGreaterThan(0);
  expect(col).toBeGreaterThanOrEqual(0);
  sh.getRange(row + 1, col + 1).setValue(value);
}

describe('register in een spreadsheet met landinstelling nl_NL', () => {
  it('de emulator zet getypte tekst om volgens de landinstelling als de cel geen tekstopmaak heeft', () => {
    const ss = dutchRegister();
    const loose = ss.insertSheet('Los');
    loose.getRange('A1').setValue('1,3');
    expect(loose.getRange('A1').getValue()).toBe(1.3);
  });

  it('Stappen "1,3", een convenantdatum en getallen blijven tekst en worden goed gelezen', () => {
    const ss = dutchRegister();
    type(ss, PARTNERS_SHEET, 'boa', 'Stappen', '1,3');
    type(ss, PARTNERS_SHEET, 'boa', 'Convenant getekend', '1-9-2025');
    type(ss, SETTINGS_SHEET, 'Termijn standaard (werkdagen)', 'Waarde', '7');
    type(ss, SETTINGS_SHEET, 'Bewaartermijn (maanden)', 'Waarde', '24');
    const partners = ss.getSheetByName(PARTNERS_SHEET)!.getDataRange().getValues();
    const boa = partners.find((r) => r[0] === 'boa')!;
    expect(boa[5]).toBe('1,3');
    expect(boa[8]).toBe('1-9-2025');

    const reg = openRegister();
    const p = reg.partners.find((x) => x.id === 'boa')!;
    expect(p.steps).toEqual(['1', '3']);
    expect(p.convenantSigned).toBe('2025-09-01');
    expect(reg.settings.deadlineWorkdays.default).toBe(7);
    expect(reg.settings.retentionMonths).toBe(24);
  });

  it('elke cel van de tabel onder de kopregel van Instellingen, Partners en Vragen is platte tekst, de kopregel niet', () => {
    const ss = dutchRegister();
    for (const name of [SETTINGS_SHEET, PARTNERS_SHEET, QUESTIONS_SHEET]) {
      const sh = ss.getSheetByName(name)!;
      // The table's columns: as far as its header row goes.
      const width = sh.getLastColumn();
      expect(width, name).toBeGreaterThan(1);
      const formats = sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).getNumberFormats();
      expect(
        formats[0]!.every((f) => f !== '@'),
        name,
      ).toBe(true);
      expect(
        formats.slice(1).every((r) => r.slice(0, width).every((f) => f === '@')),
        name,
      ).toBe(true);
      // Columns right of the table keep the sheet's format: the product never reads them.
      expect(
        formats.slice(1).every((r) => r.slice(width).every((f) => f !== '@')),
        name,
      ).toBe(true);
    }
  });

  it('opnieuw inrichten geeft bestaande tabbladen de tekstopmaak en laat de waarden staan', () => {
    const ss = dutchRegister();
    const sh = ss.getSheetByName(PARTNERS_SHEET)!;
    sh.getRange(2, 1, sh.getMaxRows() - 1, sh.getMaxColumns()).setNumberFormat('0.###############');
    const before = sh.getDataRange().getValues();
    setupRegister(ss);
    expect(sh.getRange(2, 6).getNumberFormat()).toBe('@');
    expect(sh.getDataRange().getValues()).toEqual(before);
    type(ss, PARTNERS_SHEET, 'boa', 'Stappen', '1,3');
    expect(openRegister().partners.find((x) => x.id === 'boa')!.steps).toEqual(['1', '3']);
  });
});
