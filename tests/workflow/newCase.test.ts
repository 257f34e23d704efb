import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { listCases, openCase, openRegister, UserError } from '../../src/workflow/context';
import { nextCaseCode, openNewCase } from '../../src/workflow/newCase';
import { CASES, LOG } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshRegister } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function register() {
  const fresh = freshRegister();
  local = fresh.local;
  return fresh.ss;
}

describe('een nieuwe casus met label, wijk, eerste signaal en bewaartermijn', () => {
  it('zet de vier velden achteraan in Casussen (voor de sluitdatum) en nergens in een bestandsnaam', () => {
    const ss = register();
    const input = fictionalCaseInput({
      label: 'Groep bij de sporthal',
      wijk: 'Noord',
      bewaartermijnMaanden: 24,
    });
    const h = openNewCase(openRegister(), input);
    // In the system table after the ids and times; the view Casussen shows label and wijk.
    const header = ss.getSheetByName('_casussen')!.getRange(1, 1, 1, CASES.columns.length).getValues()[0];
    expect(header!.slice(10, 14)).toEqual(['Label', 'Wijk', 'Eerste signaal', 'Bewaartermijn']);
    const view = ss.getSheetByName('Casussen')!.getDataRange().getDisplayValues();
    expect(view[1]!.slice(0, 3)).toEqual([h.row.code, 'Groep bij de sporthal', 'Noord']);
    const row = readTable(ss, CASES)[0]!;
    expect(row).toMatchObject({
      Label: 'Groep bij de sporthal',
      Wijk: 'Noord',
      'Eerste signaal': '2025-12-01',
      Bewaartermijn: 24,
    });
    expect(listCases(openRegister())[0]).toMatchObject({
      code: h.row.code,
      label: 'Groep bij de sporthal',
      wijk: 'Noord',
      firstSignal: '2025-12-01',
      retentionMonths: 24,
    });
    // Starting step 1 makes forms and mails partners: the label and the wijk are in none of them.
    startStep(openCase(openRegister(), h.row.code));
    expect(local.rt.mailbox.length).toBeGreaterThan(0);
    const names = [...local.rt.drive.values()].map((e) => e.name);
    expect(names.some((n) => n.includes('sporthal') || n.includes('Noord'))).toBe(false);
    const mails = local.rt.mailbox
      .map((m) => `${m.subject}\n${m.body ?? ''}\n${m.htmlBody ?? ''}`)
      .join('\n');
    expect(mails).not.toMatch(/sporthal|Noord/);
  });

  it('weigert een fout veld met de Nederlandse melding en maakt dan niets', () => {
    register();
    const before = local.rt.drive.size;
    expect(() => openNewCase(openRegister(), fictionalCaseInput({ label: 'JGA-2026-004' }))).toThrow(
      UserError,
    );
    expect(() => openNewCase(openRegister(), fictionalCaseInput({ eersteSignaal: '2026-01-13' }))).toThrow(
      'Nieuwe casus: Het eerste signaal kan niet in de toekomst liggen; vandaag is 12-01-2026.',
    );
    // Two wrong fields: both messages, one after the other.
    const message = (over: Parameters<typeof fictionalCaseInput>[0]) => {
      try {
        openNewCase(openRegister(), fictionalCaseInput(over));
      } catch (e) {
        return (e as Error).message.replace('Nieuwe casus: ', '');
      }
      return '';
    };
    const label = message({ label: 'JGA-2026-004' });
    const signal = message({ eersteSignaal: '2026-01-13' });
    expect(message({ label: 'JGA-2026-004', eersteSignaal: '2026-01-13' })).toBe(`${label} ${signal}`);
    expect(local.rt.drive.size).toBe(before);
  });

  it('geeft de casus zoals hij daarna gelezen wordt, zonder het standaardtabblad en met "casus geopend" in het Logboek', () => {
    register();
    openNewCase(openRegister(), fictionalCaseInput());
    const h = openNewCase(openRegister(), fictionalCaseInput());
    const read = openCase(openRegister(), h.row.code);
    // The next action is worked out when the case list is read; everything else is the same.
    const { nextAction: _mine, ...mine } = h.row;
    const { nextAction: _read, ...stored } = read.row;
    expect(mine).toEqual(stored);
    expect(h.row).toMatchObject({ index: 1, status: 'open', step: '1', closedOn: '' });
    // The default first tab of a new spreadsheet ("Sheet1", "Blad1", …) is gone.
    expect(h.ss.getSheets().map((t) => t.getName())).not.toContain(
      local.rt.uncounted(() => SpreadsheetApp.create('leeg').getSheets()[0]!.getName()),
    );
    expect(readTable(h.ss, LOG).map((l) => [l.event, l.detail])[0]).toEqual([
      'casus geopend',
      `${h.row.code} (stap 1, ronde 1) — open`,
    ]);
    // Every case folder is in one folder next to the register.
    expect(DriveApp.getFolderById(h.row.folderId).getParents().next().getName()).toBe(
      'Casussen jeugdgroepen',
    );
  });

  it('een casuscode in kleine letters vindt de casus', () => {
    register();
    const h = openNewCase(openRegister(), fictionalCaseInput());
    expect(openCase(openRegister(), ` ${h.row.code.toLowerCase()} `).row.code).toBe(h.row.code);
    expect(() => openCase(openRegister(), 'jga-2026-099')).toThrow('Casus JGA-2026-099 bestaat niet');
  });
});

describe('nextCaseCode', () => {
  it('het hoogste nummer van dit voorvoegsel en jaar plus één, met drie cijfers', () => {
    const existing = [
      'JGA-2026-001',
      'JGA-2026-007',
      'JGA-2025-009',
      'XYZ-2026-010',
      'JGA-2026-01',
      'JGA-2026-0123',
    ];
    expect(nextCaseCode('JGA', 2026, existing)).toBe('JGA-2026-008');
    expect(nextCaseCode('JGA', 2027, existing)).toBe('JGA-2027-001');
    expect(nextCaseCode('XYZ', 2026, existing)).toBe('XYZ-2026-011');
    expect(nextCaseCode('JGA', 2026, [])).toBe('JGA-2026-001');
  });

  it('na 999 casussen in een jaar zijn de codes op', () => {
    expect(nextCaseCode('JGA', 2026, ['JGA-2026-998'])).toBe('JGA-2026-999');
    expect(() => nextCaseCode('JGA', 2026, ['JGA-2026-999'])).toThrow(
      'Casuscodes voor 2026 zijn op (maximaal 999).',
    );
  });
});
