/**
 * The register's settings tabs as the coordinator meets them (workflow/registerTabs.ts): what
 * "Register inrichten" creates in an empty spreadsheet and leaves alone in a used one, each
 * refusal with a Dutch message that names what to fix (one problem per line), and the case row
 * in `_casussen` that a decision and the case's views keep up to date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import { PARTNERS_SHEET, SETTINGS_SHEET } from '../../src/model/schemas';
import type { CaseState } from '../../src/model/types';
import { CASE_LIST_HEADERS } from '../../src/render/caseList';
import type { CaseHandle } from '../../src/workflow/context';
import { listCases, openCase, openRegister } from '../../src/workflow/context';
import { CASES } from '../../src/workflow/records';
import {
  PLACEHOLDER,
  QUESTIONS_SHEET,
  readCatalogOverrides,
  readPartners,
  readSettings,
  recordCaseSummary,
  setupRegister,
  updateCaseRow,
} from '../../src/workflow/registerTabs';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase, freshRegister, PARTNERS, refusal } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

/** A spreadsheet as Google makes it (one empty tab "Sheet1"), bound to a fresh in-memory Apps Script. */
function emptySpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
  const ss = SpreadsheetApp.create('Register');
  local.rt.boundContainerId = ss.getId();
  return ss;
}

function register(partners: unknown = PARTNERS): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const fresh = freshRegister(partners);
  local = fresh.local;
  return fresh.ss;
}

function tab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

/** Writes `value` as text into column `col` of the first row whose first cell is `key`. */
function setCell(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  key: string,
  col: number,
  value: string,
) {
  const sh = ss.getSheetByName(name)!;
  const row = sh
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  sh.getRange(row + 1, col).setValue(`'${value}`);
  return row + 1;
}

describe('Register inrichten in een lege spreadsheet', () => {
  it('zet invulplekken in Instellingen, een lege Partners en de vragenlijst; het lege Sheet1 verdwijnt', () => {
    const ss = emptySpreadsheet();
    setupRegister(ss);
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Instellingen',
      'Partners',
      'Vragen',
      'Casussen',
      '_casussen',
      'Vernietigd',
      '_tabbladen',
    ]);
    const settings = tab(ss, SETTINGS_SHEET);
    const value = (name: string) => settings.find((r) => r[0] === name)?.[1];
    expect(value('Gemeente')).toBe(`${PLACEHOLDER} naam van de gemeente`);
    expect(value('Procesregisseur')).toBe(`${PLACEHOLDER} naam van de procesregisseur`);
    expect(value('Bewaartermijn (maanden)')).toBe(12);
    // Partners: only the header, no example partner.
    expect(tab(ss, PARTNERS_SHEET)).toEqual([
      [
        'Sleutel',
        'Organisatie',
        'Soort',
        'Contactpersoon',
        'E-mail',
        'Stappen',
        'Niveaus',
        'Actief',
        'Convenant getekend',
      ],
    ]);
    expect(tab(ss, QUESTIONS_SHEET).length).toBeGreaterThan(100);
  });

  it('zolang de invulplekken er staan, noemt openen elke cel die nog ingevuld moet worden, één per regel', () => {
    const ss = emptySpreadsheet();
    setupRegister(ss);
    expect(refusal(() => openRegister())).toBe(
      [
        'De instellingen zijn nog niet ingevuld:',
        'Instellingen!B2: vul "Gemeente" in',
        'Instellingen!B5: vul "Procesregisseur" in',
        'Instellingen!B6: vul "E-mail procesregisseur" in',
      ].join('\n'),
    );
  });

  it('met ingevulde instellingen maar zonder partners: eerst een actieve partner', () => {
    const ss = emptySpreadsheet();
    setupRegister(ss, {
      settings: { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    });
    expect(refusal(() => openRegister())).toBe('Partners: er staat nog geen actieve partner in de lijst.');
    expect(tab(ss, PARTNERS_SHEET)).toHaveLength(1);
  });

  it('ongeldige instellingen of partners bij het inrichten: elke fout op een eigen regel, met het veld', () => {
    const ss = emptySpreadsheet();
    expect(
      refusal(() =>
        setupRegister(ss, { settings: { gemeente: '', coordinatorEmail: 'regie@', retentionMonths: 12 } }),
      ),
    ).toBe(
      [
        'Instellingen kloppen niet:',
        'settings.gemeente: naam van de gemeente ontbreekt',
        'settings.coordinatorEmail: ongeldig e-mailadres van de procesregisseur',
      ].join('\n'),
    );
    // Nothing was written: the spreadsheet is as Google made it.
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(
      refusal(() => setupRegister(ss, { partners: [{ ...PARTNERS[0], email: 'politie@', steps: ['9'] }] })),
    ).toBe(
      [
        'Partners kloppen niet:',
        'partners[0].email: ongeldig e-mailadres',
        'partners[0].steps[0]: onbekende stap; kies uit 1, 2A, 2B, 3, 4, 5, 6, 7',
      ].join('\n'),
    );
  });
});

describe('Register inrichten in een register dat in gebruik is', () => {
  it('laat wat de procesregisseur in Vragen en Partners veranderde staan, ook een leeggemaakte tab', () => {
    const ss = register();
    setCell(ss, QUESTIONS_SHEET, '1.functie', 6, 'Wat is uw rol in de wijk?');
    ss.getSheetByName(PARTNERS_SHEET)!.clear();
    setupRegister(ss);
    expect(tab(ss, QUESTIONS_SHEET).find((r) => r[0] === '1.functie')?.[5]).toBe('Wat is uw rol in de wijk?');
    // An emptied tab of the register is hers to fill again, not an unused default tab.
    expect(ss.getSheetByName(PARTNERS_SHEET)).not.toBeNull();
    expect(refusal(() => openRegister())).toMatch(/^De partnerlijst klopt niet:/);
  });

  it('schrijft de lijst Casussen opnieuw, in de stapnamen uit Instellingen, en zet een hand-wijziging terug', () => {
    const f = freshLocalCase();
    local = f.local;
    const ss = f.h.reg.ss;
    const view = ss.getSheetByName('Casussen')!;
    const step = CASE_LIST_HEADERS.indexOf('Stap') + 1;
    const before = view.getRange(2, step).getValue();
    expect(before).toMatch(/^Stap 1 — /);
    view.getRange(2, step).setValue('met de hand veranderd');
    setupRegister(ss);
    expect(view.getRange(2, step).getValue()).toBe(before);
    setCell(ss, SETTINGS_SHEET, 'Stapnamen (2023/2016)', 2, '2016');
    setupRegister(ss);
    const after = view.getRange(2, step).getValue();
    expect(after).toMatch(/^Stap 1 — /);
    // The 2016 name of step 1 differs from the 2023 one the list was first written with.
    expect(after).not.toBe(before);
  });
});

describe('de tabbladen lezen: wat ontbreekt of niet klopt', () => {
  it('een verwijderde tab Instellingen of Partners: kies "Register inrichten"', () => {
    const ss = register();
    ss.deleteSheet(ss.getSheetByName(PARTNERS_SHEET)!);
    expect(refusal(() => openRegister())).toBe(
      'De tab Partners ontbreekt. Kies "Register inrichten" in het menu.',
    );
    ss.deleteSheet(ss.getSheetByName(SETTINGS_SHEET)!);
    expect(refusal(() => openRegister())).toBe(
      'De tab Instellingen ontbreekt. Kies "Register inrichten" in het menu.',
    );
    expect(refusal(() => readSettings(ss))).toMatch(/^De tab Instellingen ontbreekt/);
    expect(refusal(() => readPartners(ss))).toMatch(/^De tab Partners ontbreekt/);
  });

  it('zonder tab Vragen gelden de landelijke vragen', () => {
    const ss = register();
    ss.deleteSheet(ss.getSheetByName(QUESTIONS_SHEET)!);
    expect(readCatalogOverrides(ss)).toEqual({});
    const reg = openRegister();
    expect(reg.catalog.map((q) => q.id)).toContain('1.bron');
  });

  it('een tab Vragen met één aangepaste vraag telt; een lege tab Vragen laat de landelijke vragen', () => {
    const ss = register();
    const rows = tab(ss, QUESTIONS_SHEET);
    const bron = rows.find((r) => r[0] === '1.bron')!;
    const hidden = [...bron];
    hidden[8] = 'ja';
    expect(readCatalogOverrides(ss, [rows[0]!, hidden]).hide).toEqual(['1.bron']);
    ss.getSheetByName(QUESTIONS_SHEET)!.clear();
    expect(openRegister().catalog.map((q) => q.id)).toContain('1.bron');
  });

  it('instellingen die niet kloppen: elke fout op een eigen regel', () => {
    const ss = register();
    setCell(ss, SETTINGS_SHEET, 'Bewaartermijn (maanden)', 2, 'lang');
    setCell(ss, SETTINGS_SHEET, 'Casusprefix', 2, 'x');
    const lines = refusal(() => openRegister()).split('\n');
    expect(lines[0]).toBe('De instellingen kloppen niet:');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.startsWith('Instellingen!B'))).toBe(true);
  });

  it('partners die niet kloppen: elke fout op een eigen regel met de cel', () => {
    const ss = register();
    const boa = setCell(ss, PARTNERS_SHEET, 'boa', 5, 'handhaving@');
    const politie = setCell(ss, PARTNERS_SHEET, 'politie', 5, 'wijkagent@');
    const lines = refusal(() => openRegister()).split('\n');
    expect(lines[0]).toBe('De partnerlijst klopt niet:');
    expect(lines.slice(1).sort()).toEqual(
      [
        `Partners!E${boa}: ongeldig e-mailadres "handhaving@"`,
        `Partners!E${politie}: ongeldig e-mailadres "wijkagent@"`,
      ].sort(),
    );
  });

  it('alleen partners die niet actief zijn: geen actieve partner', () => {
    register(PARTNERS.map((p) => ({ ...p, active: false })));
    expect(refusal(() => openRegister())).toBe('Partners: er staat nog geen actieve partner in de lijst.');
  });

  it('een vragenlijst met twee fouten: elke fout op een eigen regel', () => {
    const ss = register();
    setCell(ss, QUESTIONS_SHEET, '1.functie', 6, '');
    setCell(ss, QUESTIONS_SHEET, '1.bron', 6, '');
    const lines = refusal(() => openRegister()).split('\n');
    expect(lines[0]).toBe('De vragenlijst klopt niet:');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => /^Vragen!F\d+: titel ontbreekt$/.test(l))).toBe(true);
  });
});

describe('de regel van een casus in _casussen', () => {
  function caseRow(h: CaseHandle) {
    return readTable(h.reg.ss, CASES).find((r) => r.Casuscode === h.row.code)!;
  }
  function state(h: CaseHandle, over: Partial<CaseState>): CaseState {
    return {
      code: h.row.code,
      status: 'open',
      step: '2A',
      round: 1,
      rounds: { '1': 1, '2A': 1 },
      personDataAllowed: false,
      decisions: [],
      ...over,
    };
  }
  const decision = (date: string) => ({
    step: '1' as const,
    round: 1,
    outcome: 'verder_verkennen',
    motivation: 'Besproken.',
    decidedBy: 'overleg',
    date,
  });

  it('een open casus heeft geen sluitdatum, ook na besluiten; een gesloten casus de datum van het laatste besluit', () => {
    const f = freshLocalCase();
    local = f.local;
    updateCaseRow(f.h, state(f.h, { decisions: [decision('2026-01-20')] }));
    expect(caseRow(f.h)).toMatchObject({ Status: 'open', Stap: '2A', 'Gesloten op': '' });
    updateCaseRow(
      f.h,
      state(f.h, { status: 'gesloten', decisions: [decision('2026-01-20'), decision('2026-02-03')] }),
    );
    expect(caseRow(f.h)).toMatchObject({ Status: 'gesloten', 'Gesloten op': '2026-02-03' });
    // A closed state without a decision (not made by the product) leaves the date empty.
    updateCaseRow(f.h, state(f.h, { status: 'gesloten' }));
    expect(caseRow(f.h)['Gesloten op']).toBe('');
  });

  it('een casus die niet meer in _casussen staat: de melding noemt de casuscode', () => {
    const f = freshLocalCase();
    local = f.local;
    const sys = f.h.reg.ss.getSheetByName(CASES.name)!;
    sys.deleteRow(2);
    expect(refusal(() => updateCaseRow(f.h, state(f.h, {})))).toBe(
      `Casus ${f.h.row.code} staat niet meer in de tab Casussen.`,
    );
  });

  it('wie te laat is en de volgende actie komen in de regel en de lijst; dezelfde waarden schrijven niets', () => {
    const f = freshLocalCase();
    local = f.local;
    const code = f.h.row.code;
    const stale = openCase(openRegister(), code);
    recordCaseSummary(f.h, { late: 2, nextAction: 'Besluit nemen' });
    expect(caseRow(f.h)).toMatchObject({ 'Te laat': 2, 'Volgende actie': 'Besluit nemen' });
    expect(listCases(openRegister())[0]).toMatchObject({ late: 2, nextAction: 'Besluit nemen' });
    // Another handle read before: its own row is old, but the register's row holds these
    // values already, so nothing is written.
    f.local.rt.resetCounts();
    recordCaseSummary(stale, { late: 2, nextAction: 'Besluit nemen' });
    expect(stale.row).toMatchObject({ late: 2, nextAction: 'Besluit nemen' });
    expect(f.local.rt.totalCalls('Range.set')).toBe(0);
    expect(f.local.rt.totalCalls('Sheets.Spreadsheets.batchUpdate')).toBe(0);
    // Only the number late changes: it is written.
    recordCaseSummary(stale, { late: 1, nextAction: 'Besluit nemen' });
    expect(caseRow(f.h)).toMatchObject({ 'Te laat': 1, 'Volgende actie': 'Besluit nemen' });
  });
});
