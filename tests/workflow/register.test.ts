import { afterEach, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { openRegister, UserError } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import { FORMS } from '../../src/workflow/records';
import { QUESTIONS_SHEET } from '../../src/workflow/registerTabs';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshRegister } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function register(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const fresh = freshRegister();
  local = fresh.local;
  return fresh.ss;
}

function setCell(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  match: (row: unknown[]) => boolean,
  col: number,
  value: string,
) {
  const sh = ss.getSheetByName(tab)!;
  const values = sh.getDataRange().getValues();
  const i = values.findIndex(match);
  expect(i).toBeGreaterThan(0);
  sh.getRange(i + 1, col).setValue(`'${value}`);
  return i + 1;
}

describe('het register: instellingen, partners en vragen zonder code', () => {
  it('maakt de tabbladen Instellingen, Partners, Vragen, Casussen en Vernietigd, en verborgen systeemtabellen', () => {
    const ss = register();
    const tabs = ss.getSheets();
    expect(tabs.filter((s) => !s.isSheetHidden()).map((s) => s.getName())).toEqual([
      'Instellingen',
      'Partners',
      'Vragen',
      'Casussen',
      'Vernietigd',
    ]);
    expect(tabs.filter((s) => s.isSheetHidden()).map((s) => s.getName())).toEqual([
      '_casussen',
      '_tabbladen',
    ]);
  });

  it('§4.3 #26: weigert een ongeldig e-mailadres in Partners met de cel erbij', () => {
    const ss = register();
    const row = setCell(ss, 'Partners', (r) => r[0] === 'boa', 5, 'handhaving@');
    expect(() => openRegister()).toThrow(UserError);
    expect(() => openRegister()).toThrow(`Partners!E${row}: ongeldig e-mailadres`);
  });

  it('een gewijzigde titel en een verborgen vraag in Vragen komen zo in het formulier', () => {
    const ss = register();
    setCell(ss, QUESTIONS_SHEET, (r) => r[0] === '1.functie', 6, 'Wat is uw rol in de wijk?');
    setCell(ss, QUESTIONS_SHEET, (r) => r[0] === '1.bron', 9, 'ja');
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    const form = readTable(h.ss, FORMS).find((f) => f.formKey === '1#1#politie')!;
    const titles = snapshotForm(local.rt, String(form.formId)).items.map((i) => i.title);
    expect(titles).toContain('Wat is uw rol in de wijk?');
    expect(titles).not.toContain('Wat is uw functie?');
    const map = JSON.parse(String(form.itemMap)) as Record<string, string>;
    expect(Object.values(map)).not.toContain('1.bron');
    expect(Object.values(map)).toContain('1.functie');
  });

  it('een eigen vraag in Vragen komt in het formulier van de genoemde partners', () => {
    const ss = register();
    ss.getSheetByName(QUESTIONS_SHEET)!.appendRow([
      "'1.eigen_station",
      "'1",
      "'politie, boa",
      "'groep",
      "'keuze",
      "'Ziet u de groep ook bij het station?",
      '',
      "'ja",
      "'nee",
      "'Ja; Nee; Weet ik niet",
    ]);
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    const forms = readTable(h.ss, FORMS);
    const titles = (key: string) =>
      snapshotForm(local.rt, String(forms.find((f) => f.formKey === key)!.formId)).items.map((i) => i.title);
    expect(titles('1#1#politie')).toContain('Ziet u de groep ook bij het station?');
    expect(titles('1#1#boa')).toContain('Ziet u de groep ook bij het station?');
    expect(titles('1#1#jongerenwerk')).not.toContain('Ziet u de groep ook bij het station?');
  });

  it('een eigen vraag met fouten wordt gemeld met de cel, en persoonsvragen vóór 2B worden geweigerd', () => {
    const ss = register();
    const tab = ss.getSheetByName(QUESTIONS_SHEET)!;
    tab.appendRow(["'1.eigen_fout", "'9", "'alle", "'groep", "'keuze", "'Titel", '', '', '', "'Ja; Nee"]);
    const row = tab.getLastRow();
    tab.appendRow([
      "'1.eigen_naam",
      "'1",
      "'alle",
      "'persoon",
      "'alinea",
      "'Wie is de leider?",
      '',
      '',
      '',
      '',
    ]);
    expect(() => openRegister()).toThrow(`Vragen!B${row}: onbekende stap "9"`);
    expect(() => openRegister()).toThrow(
      /Vragen!A\d+: Vraag "1.eigen_naam": vragen op persoonsniveau kunnen pas vanaf stap 2B/,
    );
  });
});
