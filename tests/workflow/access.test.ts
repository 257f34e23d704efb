/**
 * Access (issue 9, point 6): every entry point a person can call checks that the caller is a
 * coordinator from Instellingen or the owner of the register. The test iterates over ALL names in
 * ENTRYPOINTS, so a new entry point without the check fails here unless it is exempted below
 * with its reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRYPOINTS, type EntryPoint } from '../../src/entrypoints';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import * as main from '../../src/main';
import { ACCESS_REFUSALS, accessVerdict, coordinatorAddresses } from '../../src/model/access';
import { requireCoordinator } from '../../src/workflow/access';
import { openRegister } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import { freshRegister } from './helpers';

/** Entry points without the check, and why. */
const EXEMPT: Partial<Record<EntryPoint, string>> = {
  onOpen: 'een eenvoudige trigger die alleen het menu toevoegt',
  onInstall: 'voegt alleen het menu toe',
  openDashboardOnOpen: 'toont de vaste zijbalkpagina; de gegevens komen via uiDashboard, dat controleert',
  runDispatcher:
    'de tijdgestuurde trigger draait als de procesregisseur die hem aanzette, voor niemand anders',
};

/** Arguments a page or a console user could send. */
function argsFor(name: string, code: string): unknown[] {
  if (name === 'uiRunAction') return [{ code, kind: 'refresh' }];
  if (name === 'uiRecordDecision') return [code, { outcome: 'x', motivation: 'y', expected: 0 }];
  if (name === 'uiNewCase') return [{ ...fictionalCaseInput(), bewaartermijnMaanden: '12' }];
  if (name === 'uiDashboard' || name === 'uiDecisionForm') return [code];
  return [];
}

let local: LocalAppsScript;
afterEach(() => local.dispose());

function setUp(): { code: string; rt: LocalAppsScript['rt']; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const fresh = freshRegister();
  local = fresh.local;
  const code = openNewCase(openRegister(), fictionalCaseInput()).row.code;
  return { code, rt: local.rt, ss: fresh.ss };
}

function call(name: string, code: string): unknown {
  const fn = (main as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
  return fn(...argsFor(name, code));
}

/** The refusal an entry point gave: its UiResult message or the alert it showed. */
function refusalOf(rt: LocalAppsScript['rt'], result: unknown, alertsBefore: number): string {
  if (result && typeof result === 'object' && 'ok' in result) {
    const r = result as { ok: boolean; message?: string };
    return r.ok ? '' : String(r.message ?? '');
  }
  return rt.ui.alerts
    .slice(alertsBefore)
    .map((a) => a.prompt)
    .join('\n');
}

describe('toegang: alleen procesregisseurs', () => {
  it('elk entry point weigert wie geen procesregisseur is, zonder iets te doen (behalve de uitzonderingen)', () => {
    const { code, rt } = setUp();
    rt.activeUserEmail = 'collega@elders.example';
    const files = rt.drive.size;
    const mails = rt.mailbox.length;
    const checked: string[] = [];
    for (const name of ENTRYPOINTS) {
      if (EXEMPT[name]) continue;
      const alerts = rt.ui.alerts.length;
      const shown = rt.ui.sidebars.length + rt.ui.dialogs.length;
      // The refusal is an alert with OK (a menu item); a prompt for a code would take it instead.
      rt.ui.answers.splice(0, rt.ui.answers.length, { button: 'OK' });
      const result = call(name, code);
      expect(refusalOf(rt, result, alerts), name).toBe(ACCESS_REFUSALS['geen procesregisseur']);
      // One alert (the refusal), no prompt for a code, no dialog or sidebar.
      expect(rt.ui.alerts.length - alerts, name).toBe(result && typeof result === 'object' ? 0 : 1);
      expect(rt.ui.sidebars.length + rt.ui.dialogs.length, name).toBe(shown);
      checked.push(name);
    }
    expect(rt.drive.size).toBe(files);
    expect(rt.mailbox.length).toBe(mails);
    expect(checked.length + Object.keys(EXEMPT).length).toBe(ENTRYPOINTS.length);
    for (const name of Object.keys(EXEMPT)) expect(ENTRYPOINTS as readonly string[]).toContain(name);
  });

  it('weigert ook wanneer Google niet zegt wie de gebruiker is', () => {
    const { code, rt } = setUp();
    rt.activeUserEmail = '';
    const r = main.uiDashboard(code);
    expect(r).toMatchObject({ ok: false, message: ACCESS_REFUSALS['onbekende gebruiker'] });
  });

  it('laat de procesregisseur, een andere procesregisseur en de eigenaar van het register toe', () => {
    const { code, rt, ss } = setUp();
    rt.activeUserEmail = 'Regie@Testdorp.example';
    expect(main.uiDashboard(code).ok).toBe(true);
    rt.activeUserEmail = 'vervanger@testdorp.example';
    expect(main.uiDashboard(code).ok).toBe(false);
    const tab = ss.getSheetByName('Instellingen')!;
    const rows = tab.getDataRange().getValues();
    const row = rows.findIndex((r) => String(r[0]).startsWith('Andere procesregisseurs'));
    expect(row).toBeGreaterThan(0);
    tab.getRange(row + 1, 2).setValue('iemand@testdorp.example, vervanger@testdorp.example');
    expect(main.uiDashboard(code).ok).toBe(true);
    rt.activeUserEmail = rt.userEmail;
    expect(main.uiDashboard(code).ok).toBe(true);
  });

  it('vraagt Google één keer per uitvoering wie de gebruiker is (de controle en "vastgelegd door" samen)', () => {
    const { code, rt } = setUp();
    rt.activeUserEmail = 'regie@testdorp.example';
    const form = main.uiDecisionForm(code);
    expect(form.ok).toBe(true);
    const expected = String((form as { form: { rules: { expected: number } } }).form.rules.expected);
    rt.resetCounts();
    const decided = main.uiRecordDecision(code, {
      outcome: 'verder_verkennen',
      motivation: 'De politie ziet een groep.',
      decidedBy: 'partneroverleg',
      date: '2026-01-12',
      expected,
    });
    expect(decided.ok).toBe(true);
    expect(rt.counts.get('Session.getActiveUser')).toBe(1);
    // The next execution asks again: someone else may run it.
    rt.activeUserEmail = 'collega@elders.example';
    expect(main.uiDashboard(code).ok).toBe(false);
    expect(rt.counts.get('Session.getActiveUser')).toBe(2);
  });

  it('controleert niet zolang er geen register is of Instellingen geen procesregisseur noemt', () => {
    local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
    local.rt.activeUserEmail = 'collega@elders.example';
    // No register: the action itself says "Register inrichten" first.
    expect(() => requireCoordinator()).not.toThrow();
    local.dispose();
    const { rt, ss } = setUp();
    rt.activeUserEmail = 'collega@elders.example';
    expect(() => requireCoordinator()).toThrow(ACCESS_REFUSALS['geen procesregisseur']);
    // A copied register whose Instellingen name no coordinator yet, or has no Instellingen at all.
    const tab = ss.getSheetByName('Instellingen')!;
    const row = tab
      .getDataRange()
      .getValues()
      .findIndex((r) => String(r[0]) === 'E-mail procesregisseur');
    tab.getRange(row + 1, 2).setValue('');
    expect(() => requireCoordinator()).not.toThrow();
    ss.deleteSheet(tab);
    expect(() => requireCoordinator()).not.toThrow();
  });

  it('een register dat Google niet kan openen is geen "nog geen register": de fout komt door', () => {
    const { rt } = setUp();
    rt.activeUserEmail = 'regie@testdorp.example';
    rt.injectFault({
      method: 'SpreadsheetApp.getActiveSpreadsheet',
      nth: 1,
      message: 'Service Spreadsheets failed',
    });
    expect(() => requireCoordinator()).toThrow('Service Spreadsheets failed');
  });

  it('vraagt de eigenaar van het register alleen na wie geen procesregisseur is', () => {
    const { rt } = setUp();
    rt.activeUserEmail = 'regie@testdorp.example';
    rt.resetCounts();
    requireCoordinator();
    expect(rt.counts.get('File.getOwner') ?? 0).toBe(0);
    rt.activeUserEmail = rt.userEmail;
    requireCoordinator();
    expect(rt.counts.get('File.getOwner')).toBe(1);
  });

  it('model: adressen uit Instellingen, sjabloonwaarden tellen niet', () => {
    expect(
      coordinatorAddresses([
        ['Instelling', 'Waarde'],
        ['E-mail procesregisseur', ' Regie@X.nl '],
        ['Andere procesregisseurs (e-mail)', 'a@x.nl; b@x.nl'],
        ['E-mail dagoverzicht', 'c@x.nl'],
      ]),
    ).toEqual(['regie@x.nl', 'a@x.nl', 'b@x.nl']);
    expect(coordinatorAddresses([['E-mail procesregisseur', 'vul-in@voorbeeld.invalid']])).toEqual([]);
    expect(accessVerdict('a@x.nl', ['a@x.nl'], '')).toBe('toegestaan');
    expect(accessVerdict('o@x.nl', ['a@x.nl'], 'O@x.nl')).toBe('toegestaan');
    expect(accessVerdict('o@x.nl', ['a@x.nl'], '')).toBe('geen procesregisseur');
    expect(accessVerdict(' ', ['a@x.nl'], 'a@x.nl')).toBe('onbekende gebruiker');
  });
});
