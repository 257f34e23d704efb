/**
 * "Instellingen controleren" on the in-memory Apps Script: every problem of the register's tabs
 * by cell, and the Plan van aanpak of a case in step 5, through the entry point the sidebar calls.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { uiCheckSettings } from '../../src/main';
import { PLAN_HEADERS, PLAN_SHEET } from '../../src/model/planSheet';
import { openRegister } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import { CASES } from '../../src/workflow/records';
import { readTable, updateRow } from '../../src/workspace/tables';
import { freshRegister } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function register(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const fresh = freshRegister();
  local = fresh.local;
  return fresh.ss;
}

function problems() {
  const r = uiCheckSettings();
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('Instellingen controleren', () => {
  it('een goed register: geen problemen', () => {
    register();
    const r = problems();
    expect(r.message).toBe('Geen problemen gevonden in de instellingen.');
    expect(r.problems).toEqual([]);
  });

  it('somt de problemen van Instellingen en Partners samen op, met de cel', () => {
    const ss = register();
    ss.getSheetByName('Partners')!.getRange('E2').setValue('wijkagent@');
    ss.getSheetByName('Partners')!.getRange('B3').setValue('');
    ss.getSheetByName('Instellingen')!.getRange('B1').setValue('x');
    ss.getSheetByName('Instellingen')!.appendRow(['Kleur van de knoppen', 'blauw', '']);
    const r = problems();
    const texts = r.problems.map((p) => p.text);
    expect(texts.some((t) => t.startsWith('Partners!E2: '))).toBe(true);
    expect(texts.some((t) => t.startsWith('Partners!B3: '))).toBe(true);
    expect(texts.some((t) => t.startsWith('Instellingen!A') && t.includes('Kleur van de knoppen'))).toBe(
      true,
    );
    expect(r.problems.find((p) => p.text.startsWith('Partners!E2'))).toMatchObject({
      tab: 'Partners',
      cell: 'E2',
    });
    expect(r.message).toBe(`${r.problems.length} problemen gevonden.`);
    expect(r.notes).toEqual([
      'De plannen van aanpak van de casussen worden gecontroleerd zodra het register klopt.',
    ]);
  });

  it('controleert het plan van aanpak van een casus in stap 5, niet van een casus in stap 1', () => {
    const ss = register();
    const first = openNewCase(openRegister(), fictionalCaseInput());
    const second = openNewCase(openRegister(), fictionalCaseInput());
    const rows = readTable(ss, CASES);
    const i = rows.findIndex((c) => c.Casuscode === second.row.code);
    updateRow(ss, CASES, i, { ...rows[i]!, Stap: '5' });
    // A plan with an action of an unknown owner and a goal without a target.
    const plan = second.ss.getSheetByName(PLAN_SHEET)!;
    plan.getRange(3, 1, 2, 13).setValues([
      ["'D1", '', "'Minder overlast", '', '', '', '', '', '', "'Meldingen", 10, '', "'2026-12-31"],
      [
        "'A1",
        "'groep",
        "'Gesprekken",
        "'D1",
        "'onbekend",
        "'2026-02-01",
        "'wekelijks",
        "'2026-06-30",
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    const r = problems();
    expect(r.plansChecked).toEqual([second.row.code]);
    expect(r.plansChecked).not.toContain(first.row.code);
    const plan5 = r.problems.filter((p) => p.caseCode === second.row.code);
    expect(plan5.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        `Plan van aanpak (${second.row.code})!L3: Streefwaarde ontbreekt bij doel D1`,
        `Plan van aanpak (${second.row.code})!E4: onbekende eigenaar "onbekend"; gebruik de sleutel uit de tab Partners`,
      ]),
    );
    expect(r.problems.every((p) => p.caseCode === second.row.code)).toBe(true);
  });

  it('controleert alleen open casussen in stap 5 of 6 die een plan van aanpak hebben; een gesloten casus of een verdwenen tab niet', () => {
    const ss = register();
    const [open5, closed5, open6] = [1, 2, 3].map(() => openNewCase(openRegister(), fictionalCaseInput()));
    const rows = readTable(ss, CASES);
    const set = (code: string, over: object) => {
      const i = rows.findIndex((c) => c.Casuscode === code);
      updateRow(ss, CASES, i, { ...rows[i]!, ...over });
    };
    set(open5!.row.code, { Stap: '5' });
    set(closed5!.row.code, { Stap: '5', Status: 'gesloten' });
    set(open6!.row.code, { Stap: '6' });
    // A complete plan in step 5: one goal, one action, one afschaalcriterium and the evaluation.
    const cells = (c: Partial<Record<(typeof PLAN_HEADERS)[number], string>>) =>
      PLAN_HEADERS.map((h) => (c[h] ? `'${c[h]}` : ''));
    const plan = [
      cells({
        Nr: 'D1',
        Omschrijving: 'Minder overlast',
        Indicator: 'Meldingen',
        Nulmeting: '20',
        Streefwaarde: '10',
        Meetdatum: '2026-12-31',
      }),
      cells({
        Nr: 'A1',
        Spoor: 'domein',
        Omschrijving: 'Surveilleren',
        Doel: 'D1',
        Eigenaar: 'politie',
        Start: '2026-05-01',
        Frequentie: 'wekelijks',
        Deadline: '2026-06-30',
      }),
      cells({ Nr: 'C1', Omschrijving: 'Twee rondes op rij onder de streefwaarde' }),
      cells({ Nr: 'Evaluatie', Deadline: '2026-12-31' }),
    ];
    open5!.ss.getSheetByName(PLAN_SHEET)!.getRange(3, 1, plan.length, PLAN_HEADERS.length).setValues(plan);
    // The closed case's plan has a goal without a target: nobody works on it any more.
    closed5!.ss
      .getSheetByName(PLAN_SHEET)!
      .getRange(3, 1, 1, 13)
      .setValues([
        ["'D1", '', "'Minder overlast", '', '', '', '', '', '', "'Meldingen", '', '', "'2026-12-31"],
      ]);
    // The coordinator removed the tab of the case in step 6.
    open6!.ss.deleteSheet(open6!.ss.getSheetByName(PLAN_SHEET)!);
    const r = problems();
    expect(r.plansChecked).toEqual([open5!.row.code]);
    expect(r.problems).toEqual([]);
    expect(r.message).toBe('Geen problemen gevonden in de instellingen.');
  });
});
