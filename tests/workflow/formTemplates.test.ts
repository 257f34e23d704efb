/**
 * Forms made by copy: built once per template key (same items and settings), then copied with
 * Drive.Files.copy; asserted as call counts on the in-memory Apps Script.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { openCase, openRegister } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, TEMPLATES } from '../../src/workflow/records';
import { QUESTIONS_SHEET } from '../../src/workflow/registerTabs';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshRegister, PARTNERS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

/** The test partners plus a second and third boa team: three forms with the same questions. */
const WITH_BOAS = [
  ...PARTNERS,
  ...[2, 3].map((n) => ({
    ...PARTNERS[2]!,
    id: `boa-${n}`,
    organisation: `Handhaving Testdorp team ${n}`,
    email: `handhaving${n}@testdorp.example`,
  })),
];

function register(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const fresh = freshRegister(WITH_BOAS);
  local = fresh.local;
  return fresh.ss;
}

function counted(fn: () => void): Record<string, number> {
  local.rt.resetCounts();
  fn();
  return Object.fromEntries(local.rt.counts);
}

const formRows = (code: string) => readTable(openCase(openRegister(), code).ss, FORMS);

describe('formulieren als kopie van een sjabloon', () => {
  it('bouwt één sjabloon per vragenset en kopieert het voor elke partner met dezelfde vragen', () => {
    const ss = register();
    const h = openNewCase(openRegister(), fictionalCaseInput());
    const calls = counted(() => startStep(h));
    // Three kinds (politie, jongerenwerk, boa): three templates, five copies.
    expect(calls['FormApp.create']).toBe(3);
    expect(calls['Drive.Files.copy']).toBe(5);
    expect(readTable(ss, TEMPLATES)).toHaveLength(3);
    const forms = formRows(h.row.code);
    expect(forms).toHaveLength(5);
    // Each copy has its own title and description, is published and lives in the case folder.
    for (const f of forms) {
      const snap = snapshotForm(local.rt, String(f.formId));
      expect(snap.title).toContain(WITH_BOAS.find((p) => p.id === f.partnerId)!.organisation);
      expect(snap.accepting).toBe(true);
      expect(local.rt.getEntry(String(f.formId)).parentIds).toEqual([h.row.folderId]);
    }
    // Templates are never open for answers and are not in the case folder.
    for (const t of readTable(ss, TEMPLATES)) {
      expect(snapshotForm(local.rt, String(t.formId)).accepting).toBe(false);
      expect(local.rt.getEntry(String(t.formId)).parentIds).not.toContain(h.row.folderId);
      // In a folder of their own whose name says what they are for.
      const [folder] = local.rt.getEntry(String(t.formId)).parentIds;
      expect(local.rt.getEntry(folder!).name).toBe('Formuliersjablonen (niet delen, niet invullen)');
    }
  });

  it("een formulier van meer dan twee pagina's toont de voortgangsbalk, een korter niet", () => {
    register();
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    for (const f of formRows(h.row.code)) {
      const pages =
        snapshotForm(local.rt, String(f.formId)).items.filter((i) => i.type === 'PAGE_BREAK').length + 1;
      const bar = local.rt.uncounted(() => FormApp.openById(String(f.formId)).hasProgressBar());
      expect(bar, `${f.partnerId}: ${pages} pagina's`).toBe(pages > 2);
    }
  });

  it('de antwoorden op een kopie komen bij de juiste vraag, ook als de kopie nieuwe item-ids kreeg', () => {
    register();
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    const boa3 = formRows(h.row.code).find((f) => f.partnerId === 'boa-3')!;
    fillRequired(local.rt, String(boa3.formId), 'van team 3');
    reconcileCase(h, { scanFolder: false });
    const stored = readTable(h.ss, ANSWERS).filter((r) => r.formKey === '1#1#boa-3');
    expect(stored.map((r) => r.questionId)).toContain('1.functie');
    expect(stored.find((r) => r.questionId === '1.functie')?.value).toBe('van team 3');

    // A Drive copy that renumbers its items (undocumented either way): the ids are read once.
    const reg = openRegister();
    const tpl = readTable(reg.ss, TEMPLATES).find((t) => {
      const keys = JSON.parse(String(t.keys)) as string[];
      return (
        keys.includes('1.functie') && snapshotForm(local.rt, String(t.formId)).items.length === keys.length
      );
    })!;
    const model = formModelOf(local.rt, String(tpl.formId));
    model.items.forEach((it, i) => {
      it.id = 900_000_000 + i;
    });
    const h2 = openNewCase(reg, fictionalCaseInput());
    const calls = counted(() => startStep(h2));
    expect(calls['Item.getId'] ?? 0).toBeGreaterThanOrEqual(model.items.length);
    const copy = formRows(h2.row.code).find((f) => f.formKey === '1#1#politie' || f.partnerId === 'boa')!;
    fillRequired(local.rt, String(copy.formId), 'na hernummeren');
    reconcileCase(h2, { scanFolder: false });
    expect(readTable(h2.ss, ANSWERS).find((r) => r.questionId === '1.functie')?.value).toBe('na hernummeren');
    expect(reconcileCase(h2, { scanFolder: false }).quarantined).toBe(0);
  });

  it('een volgende casus kopieert de sjablonen van de vorige; een gewijzigde vraag in Vragen geeft een nieuw sjabloon', () => {
    const ss = register();
    startStep(openNewCase(openRegister(), fictionalCaseInput()));
    const again = counted(() => startStep(openNewCase(openRegister(), fictionalCaseInput())));
    expect(again['FormApp.create'] ?? 0).toBe(0);
    expect(again['Drive.Files.copy']).toBe(5);
    // The coordinator changes a question every kind gets in step 1.
    const sh = ss.getSheetByName(QUESTIONS_SHEET)!;
    const values = sh.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === '1.functie');
    sh.getRange(row + 1, 6).setValue("'Wat is uw rol in de wijk?");
    const h3 = openNewCase(openRegister(), fictionalCaseInput());
    const changed = counted(() => startStep(h3));
    expect(changed['FormApp.create']).toBe(3);
    const titles = snapshotForm(local.rt, String(formRows(h3.row.code)[0]!.formId)).items.map((i) => i.title);
    expect(titles).toContain('Wat is uw rol in de wijk?');
  });

  it('een sjabloon dat weg is, wordt opnieuw gebouwd', () => {
    const ss = register();
    startStep(openNewCase(openRegister(), fictionalCaseInput()));
    for (const t of readTable(ss, TEMPLATES)) local.rt.deleteEntry(String(t.formId));
    const h = openNewCase(openRegister(), fictionalCaseInput());
    const calls = counted(() => startStep(h));
    expect(calls['FormApp.create']).toBe(3);
    expect(formRows(h.row.code)).toHaveLength(5);
    // The last row of a key wins.
    const keys = readTable(ss, TEMPLATES).map((t) => String(t.key));
    expect(new Set(keys).size).toBe(3);
    expect(keys).toHaveLength(6);
  });

  it('een met de hand gewijzigd sjabloon wordt niet gekopieerd', () => {
    const ss = register();
    startStep(openNewCase(openRegister(), fictionalCaseInput()));
    const templates = readTable(ss, TEMPLATES);
    FormApp.openById(String(templates[0]!.formId)).addTextItem().setTitle('Met de hand toegevoegd');
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    for (const f of formRows(h.row.code)) {
      const titles = snapshotForm(local.rt, String(f.formId)).items.map((i) => i.title);
      expect(titles).not.toContain('Met de hand toegevoegd');
    }
    // The failed copy went to the trash, not into the registry.
    expect(formRows(h.row.code)).toHaveLength(5);
  });
});
