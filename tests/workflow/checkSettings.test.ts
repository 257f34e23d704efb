/**
 * "Instellingen controleren" on the in-memory Apps Script: every problem of the register's tabs
 * by cell, and the Plan van aanpak of a case in step 5, through the entry point the sidebar calls.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { uiCheckSettings } from '../../src/main';
import { PLAN_SHEET } from '../../src/model/planSheet';
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
});
