import { beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';
import { UserError } from '../../src/model/errors';
import { CASES, OUTBOX } from '../../src/workflow/records';
import { appendRows, readTable, table, writeColumn } from '../../src/workspace/tables';
import { errorOf } from './helpers';

let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;

beforeEach(() => {
  const rt = new Runtime({ latency: false });
  const app = createSpreadsheetApp(rt) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss = app.create('Tabellen');
});

const T = table({
  name: '_proef',
  columns: ['naam', 'aantal', 'soort'],
  numeric: ['aantal'],
  choices: { soort: ['', 'a', 'b'] },
});

describe('systeemtabellen: getypeerde rijen', () => {
  it('leest tekst als tekst, getallen als getal en keuzes als een van hun waarden', () => {
    appendRows(ss, T, [{ naam: '007', aantal: 3, soort: 'a' }, { naam: '=1+1' }]);
    const rows = readTable(ss, T);
    expect(rows).toEqual([
      { naam: '007', aantal: 3, soort: 'a' },
      { naam: '=1+1', aantal: 0, soort: '' },
    ]);
    // The type follows the definition: aantal is a number, soort one of its choices.
    const n: number = rows[0]!.aantal;
    const s: '' | 'a' | 'b' = rows[0]!.soort;
    expect([n, s]).toEqual([3, 'a']);
  });

  it('numerieke tekst en een datum in een getalkolom worden een getal', () => {
    appendRows(ss, T, [{ naam: 'x' }, { naam: 'y' }]);
    const sh = ss.getSheetByName('_proef')!;
    sh.getRange(2, 2).setValue("'12");
    sh.getRange(3, 2).setValue(new Date(Date.UTC(2026, 0, 2)));
    expect(readTable(ss, T).map((r) => r.aantal)).toEqual([12, Date.UTC(2026, 0, 2)]);
  });

  it('een woord in een getalkolom geeft een Nederlandse melding met de cel, zonder de inhoud', () => {
    appendRows(ss, CASES, [{ Casuscode: 'JG-2026-001', Status: 'open', Stap: '1', Ronde: 1 }]);
    ss.getSheetByName('_casussen')!.getRange(2, 4).setValue('Jan Jansen');
    const e = errorOf(() => readTable(ss, CASES));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/^_casussen!D2 \(Ronde\): hier hoort een getal te staan/);
    expect(e.message).not.toContain('Jan');
  });

  it('een onbekende waarde in een keuzekolom noemt de cel en de toegestane waarden', () => {
    appendRows(ss, OUTBOX, [{ key: 'k', kind: 'uitnodiging', status: 'wacht' }]);
    ss.getSheetByName('_uitgaand')!.getRange(2, 7).setValue('verzonden?');
    const e = errorOf(() => readTable(ss, OUTBOX));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain('_uitgaand!G2 (status): hier hoort een van wacht, verzenden, verstuurd');
    expect(e.message).not.toContain('verzonden?');
    // A blank is only allowed where the list says so.
    ss.getSheetByName('_uitgaand')!.getRange(2, 7).setValue('');
    expect(() => readTable(ss, OUTBOX)).toThrow('_uitgaand!G2');
  });

  it('writeColumn schrijft één kolom als tekst en laat de andere staan', () => {
    appendRows(ss, T, [
      { naam: 'p', aantal: 1 },
      { naam: 'q', aantal: 2 },
    ]);
    writeColumn(ss, T, 'soort', ['b', '']);
    expect(readTable(ss, T)).toEqual([
      { naam: 'p', aantal: 1, soort: 'b' },
      { naam: 'q', aantal: 2, soort: '' },
    ]);
  });
});
