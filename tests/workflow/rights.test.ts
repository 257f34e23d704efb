/**
 * The rights of one person (issue 9, point 5; workflow/rights.ts): an art. 15 export into the
 * namenlijst's folder only, and removing one person everywhere (refused while the plan names
 * the code; resumable). The case is set up directly (decisions, namenlijst, ledger rows), not
 * played, to keep the test cheap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document-snapshot';
import { MIME } from '../../src/local/apps-script/runtime';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import type { LocalAppsScript } from '../../src/local/harness';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { isoDate } from '../../src/model/time';
import { assembleView } from '../../src/workflow/assemble';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { CORRECTIONS_SHEET, recordCorrections } from '../../src/workflow/corrections';
import { recordDecision } from '../../src/workflow/decide';
import { addPersons } from '../../src/workflow/persons';
import { writePlanTab } from '../../src/workflow/planTab';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, CORRECTIONS, FORMS, LOG, NAMES, PERSONS, REMOVALS } from '../../src/workflow/records';
import { exportPerson, removePerson } from '../../src/workflow/rights';
import { startStep } from '../../src/workflow/startStep';
import { appendRows, readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase, PERSONS as PEOPLE } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

function setUp() {
  const f = freshLocalCase();
  local = f.local;
  const decide = (step: '1' | '2A', outcome: string) =>
    recordDecision(
      reopen(f.h),
      {
        step,
        round: 1,
        outcome,
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
      },
      'regie@testdorp.example',
    );
  decide('1', 'verder_verkennen');
  decide('2A', 'problematisch');
  const h = reopen(f.h);
  const [a, b] = addPersons(h, PEOPLE) as [string, string];
  const row = (subject: string, value: string, responseId = 'r1') => ({
    formKey: '2B#1#politie',
    responseId,
    version: 1,
    submittedAt: local.rt.now(),
    questionId: '2B.p.rol',
    subject,
    part: 0,
    value,
    grid: '',
  });
  appendRows(h.ss, ANSWERS, [
    row(a, 'Neemt vaak het voortouw bij de speeltuin.'),
    row(b, 'Komt alleen in het weekend.'),
    row('', `Gezien met ${PEOPLE[0]!.naam} en ${b} bij het winkelcentrum.`, 'r2'),
  ]);
  return { h: reopen(h), a, b, rt: local.rt };
}

function docText(id: string): string {
  return JSON.stringify(snapshotDocument(local.rt, id));
}

describe('inzage (art. 15)', () => {
  it('zet alles over één code in één document in de map van de namenlijst, met alleen codes in de naam', () => {
    const { h, a, b, rt } = setUp();
    const out = exportPerson(h, ` ${a.toLowerCase()} `);
    const file = DriveApp.getFileById(out.fileId);
    expect(file.getParents().next().getId()).toBe(
      DriveApp.getFileById(h.row.namesId).getParents().next().getId(),
    );
    expect(out.name).toBe(`Inzage ${h.row.code} ${a} 2026-01-12`);
    expect(file.getEditors().concat(file.getViewers())).toEqual([]);
    expect(file.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    const text = docText(out.fileId);
    expect(text).toContain(PEOPLE[0]!.naam);
    expect(text).toContain(String(PEOPLE[0]!.geboortejaar));
    expect(text).toContain('Neemt vaak het voortouw bij de speeltuin.');
    expect(text).toContain('bij het winkelcentrum');
    expect(text).not.toContain('Komt alleen in het weekend.');
    expect(text).not.toContain(PEOPLE[1]!.naam);
    const line = readTable(h.ss, LOG).at(-1)!;
    expect(line.detail).toBe(`inzage-export gemaakt voor ${a}, in de map van de namenlijst`);
    expect(rt.drive.get(out.fileId)!.mimeType).toBe(MIME.document);
    expect(b).not.toBe(a);
  });

  it('weigert een naam of een onbekende code zonder te herhalen wat er getypt is', () => {
    const { h } = setUp();
    expect(() => exportPerson(h, PEOPLE[0]!.naam)).toThrow(/^Dat is geen persoonscode/);
    try {
      exportPerson(h, PEOPLE[0]!.naam);
    } catch (e) {
      expect(String(e)).not.toContain('Aardbei');
    }
    expect(() => exportPerson(h, 'P-2222')).toThrow(`Casus ${h.row.code} heeft geen persoon met deze code`);
  });
});

describe('een persoon overal verwijderen', () => {
  it('weigert zolang het plan de code noemt, en zegt welke cel', () => {
    const { h, a } = setUp();
    writePlanTab(h, null);
    h.ss.getSheetByName(PLAN_SHEET)!.getRange('I3').setValue(a);
    expect(() => removePerson(h, a)).toThrow(`Het plan van aanpak noemt deze persoon nog (${PLAN_SHEET}!I3)`);
    expect(readTable(h.ss, REMOVALS)).toEqual([]);
  });

  it('haalt de persoon uit namenlijst, grootboek, personen, weergaven en documenten; een onderbroken verwijdering maakt de herhaling af', () => {
    const { h, a, b, rt } = setUp();
    // Stops halfway: the namenlijst row cannot be deleted the first time.
    rt.injectFault({ method: 'Sheet.deleteRow', nth: 1, message: 'Service unavailable: Spreadsheets' });
    expect(() => removePerson(h, a)).toThrow('Service unavailable');
    expect(readTable(h.ss, REMOVALS)).toMatchObject([{ code: a, finished: 0, answers: 1, mentions: 1 }]);
    const r = removePerson(reopen(h), a);
    expect(r).toMatchObject({ code: a, answers: 1, mentions: 1, forms: 1 });
    expect(r.message).toContain('Google Forms kan alleen een hele inzending wissen');

    const after = reopen(h);
    const ledger = readTable(after.ss, ANSWERS);
    expect(ledger.map((x) => x.subject)).toEqual([b, '']);
    expect(ledger[1]!.value).toBe(`Gezien met [verwijderde persoon] en ${b} bij het winkelcentrum.`);
    expect(readTable(after.ss, PERSONS).map((p) => p.code)).not.toContain(a);
    const names = readTable(SpreadsheetApp.openById(after.row.namesId), NAMES);
    expect(names.map((n) => n.Code)).not.toContain(a);
    expect(names.map((n) => n.Naam)).toEqual(PEOPLE.slice(1).map((p) => p.naam));
    const records = readTable(after.ss, REMOVALS);
    expect(records).toHaveLength(1);
    expect(records[0]!.finished).toBeGreaterThan(0);
    // Views and documents were rebuilt: the code is nowhere but the removal record and the Logboek.
    const snap = snapshotSpreadsheet(rt, after.row.spreadsheetId);
    const shown = snap.sheets.filter((s) => !s.name.startsWith('_') && s.name !== 'Logboek');
    expect(shown.filter((s) => JSON.stringify(s.values).includes(a)).map((s) => s.name)).toEqual([]);
    expect(docText(after.row.overviewId)).not.toContain(a);
    const log = readTable(after.ss, LOG).filter((l) => l.event === 'persoon verwijderd');
    expect(log).toHaveLength(1);
    expect(log[0]!.detail).not.toContain(PEOPLE[0]!.naam);
    // Asked again: already done.
    expect(() => removePerson(reopen(h), a)).toThrow('al uit casus');
  });

  it('een inzending die na het verwijderen binnenkomt, brengt geen uitspraak over de code terug in het grootboek', () => {
    const { h, a, b, rt } = setUp();
    startStep(h);
    const form = readTable(h.ss, FORMS).find((f) => f.step === '2B')!;
    removePerson(reopen(h), a);
    // The partner's form was made before: it still asks about the removed code.
    fillRequired(rt, String(form.formId), 'Ingevuld door de partner.', { all: true });
    rt.advance(60 * 60 * 1000);
    reconcileCase(reopen(h));
    const subjects = new Set(readTable(h.ss, ANSWERS).map((r) => r.subject));
    expect(subjects.has(b)).toBe(true);
    expect(subjects.has(a)).toBe(false);
  });
});

describe('correcties (art. 16)', () => {
  it('weigert per cel, legt daarna vast; weergaven en documenten tonen de correctie gemarkeerd, het grootboek het origineel', () => {
    const { h, a } = setUp();
    expect(recordCorrections(h, 'regie@testdorp.example').recorded).toBe(0);
    const tab = h.ss.getSheetByName(CORRECTIONS_SHEET)!;
    tab.getRange(2, 1, 2, 5).setValues([
      [a, 'politie', '2B.p.rol', 'Zou het voortouw nemen.', `Loopt mee met ${PEOPLE[1]!.naam}.`],
      ['P-2222', 'onbekend', 'geen vraag', '', ''],
    ]);
    let message = '';
    try {
      recordCorrections(h, 'regie@testdorp.example');
    } catch (e) {
      message = String(e);
    }
    expect(message.split('\n').slice(1)).toEqual([
      `${CORRECTIONS_SHEET}!E2: bevat een naam uit de namenlijst; schrijf de persoonscode in plaats van de naam`,
      `${CORRECTIONS_SHEET}!A3: dit is geen persoonscode van deze casus; vul een code uit de namenlijst in (zoals P-7F3K), nooit een naam`,
      `${CORRECTIONS_SHEET}!B3: onbekende partner; vul de sleutel uit de tab Partners in of laat de cel leeg`,
      `${CORRECTIONS_SHEET}!C3: onbekende vraag; vul het id (zoals 2B.rol) of de titel van de vraag in`,
      `${CORRECTIONS_SHEET}!D3: vul in wat niet klopt`,
      `${CORRECTIONS_SHEET}!E3: vul in wat juist is`,
    ]);
    expect(message).not.toContain(PEOPLE[1]!.naam);
    tab.getRange('E2').setValue('Loopt mee, neemt geen voortouw.');
    tab.deleteRow(3);
    const r = recordCorrections(reopen(h), 'regie@testdorp.example');
    expect(r.recorded).toBe(1);
    expect(readTable(h.ss, CORRECTIONS)).toMatchObject([
      {
        subject: a,
        partnerId: 'politie',
        questionId: '2B.p.rol',
        right: 'Loopt mee, neemt geen voortouw.',
        recordedBy: 'regie@testdorp.example',
      },
    ]);
    expect(String(tab.getRange('F2').getValue())).toBe('12-01-2026 door regie@testdorp.example');
    // The restricted store keeps the original; what others read shows the correction, marked.
    expect(
      readTable(h.ss, ANSWERS).some((x) => x.value === 'Neemt vaak het voortouw bij de speeltuin.'),
    ).toBe(true);
    const shown = assembleView(reopen(h)).answers.find((x) => x.subject === a)!;
    expect(shown.value).toBe('[gecorrigeerd op 12-01-2026] Loopt mee, neemt geen voortouw.');
    const doc = docText(h.row.overviewId);
    expect(doc).toContain('[gecorrigeerd op 12-01-2026] Loopt mee, neemt geen voortouw.');
    expect(doc).not.toContain('Neemt vaak het voortouw');
    // Append-only: nothing new, nothing recorded twice.
    expect(recordCorrections(reopen(h), 'regie@testdorp.example').recorded).toBe(0);
    expect(readTable(h.ss, CORRECTIONS)).toHaveLength(1);
    expect(docText(exportPerson(reopen(h), a).fileId)).toContain('Loopt mee, neemt geen voortouw.');
  });
});
