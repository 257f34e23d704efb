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
import { LETTERS_SHEET } from '../../src/model/letters';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { assembleView } from '../../src/workflow/assemble';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { CORRECTIONS_SHEET, recordCorrections } from '../../src/workflow/corrections';
import { ensureLettersTab, knownLettersFolder, makeLetters } from '../../src/workflow/letters';
import { withLock } from '../../src/workflow/lock';
import { addPersons } from '../../src/workflow/persons';
import { writePlanTab } from '../../src/workflow/planTab';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, CORRECTIONS, FORMS, LOG, NAMES, PERSONS, REMOVALS } from '../../src/workflow/records';
import { exportPerson, type RemovalResult, removePerson } from '../../src/workflow/rights';
import { startStep } from '../../src/workflow/startStep';
import { appendRows, readTable } from '../../src/workspace/tables';
import { fillRequired, freshCaseAt2B, PERSONS as PEOPLE } from './helpers';

let local: LocalAppsScript;
let live = false;
function disposeLocal() {
  if (live) local.dispose();
  live = false;
}
afterEach(disposeLocal);

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

function setUp() {
  const f = freshCaseAt2B();
  local = f.local;
  live = true;
  const h = f.h;
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

/** The live documents in the case's letters folder (none when it was never made). */
function lettersOf(caseCode: string) {
  const folder = knownLettersFolder(caseCode);
  return [...local.rt.drive.values()].filter(
    (e) => folder !== null && e.parentIds.includes(folder) && !e.trashed && e.mimeType === MIME.document,
  );
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

describe('een persoon overal verwijderen: de afsluitbrief (AVG art. 14)', () => {
  it('maakt vóór het verwijderen één afsluitbrief met de naam, in de beperkte map; niet voor wie blijft', () => {
    const { h, a } = setUp();
    const r = removePerson(h, a);
    const file = `Afsluitbrief ${h.row.code} ${a}`;
    expect(r.letter).toBe(file);
    expect(r.message).toContain(`de afsluitbrief "${file}" staat in de beperkte map "Brieven ${h.row.code}"`);
    const letters = lettersOf(h.row.code);
    expect(letters.map((d) => d.name)).toEqual([file]);
    // In the letters folder beside the namenlijst, never in the shared case folder.
    const namesFolder = DriveApp.getFileById(h.row.namesId).getParents().next().getId();
    expect(local.rt.drive.get(knownLettersFolder(h.row.code)!)!.parentIds).toEqual([namesFolder]);
    expect(letters[0]!.parentIds).not.toContain(h.row.folderId);
    // The name came from the namenlijst row, so the letter was made before that row went.
    const text = docText(letters[0]!.id);
    expect(text).toContain(`Beste ${PEOPLE[0]!.naam},`);
    expect(text).toContain('Die registratie is nu beëindigd');
    expect(text).not.toContain(PEOPLE[1]!.naam);
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), NAMES);
    expect(names.map((n) => n.Naam)).not.toContain(PEOPLE[0]!.naam);
    expect(readTable(h.ss, REMOVALS)[0]!.result).toContain(`afsluitbrief: ${file}`);
    // Removing a second person makes that person's letter only; the first stays single.
    const b = readTable(h.ss, PERSONS)[0]!.code;
    const r2 = removePerson(reopen(h), b);
    expect(r2.letter).toBe(`Afsluitbrief ${h.row.code} ${b}`);
    expect(
      lettersOf(h.row.code)
        .map((d) => d.name)
        .sort(),
    ).toEqual([file, r2.letter].sort());
  });

  it('een afsluitbrief die er al was (de casus sloot eerder) wordt genoemd, niet opnieuw gemaakt', () => {
    const { h, a } = setUp();
    // The coordinator made the closing letters already ("Afsluitbrieven maken").
    makeLetters(h, 'afsluitbrief');
    const before = lettersOf(h.row.code).length;
    const r = removePerson(reopen(h), a);
    expect(r.letter).toBe(`Afsluitbrief ${h.row.code} ${a}`);
    expect(lettersOf(h.row.code)).toHaveLength(before);
  });

  it('een crash bij elke aanroep tot en met het wissen van de namenlijstregel: na de herhaling precies één afsluitbrief', () => {
    // Calls of a clean removal up to the namenlijst row's deletion (the last moment the name exists).
    const clean = setUp();
    let upTo = 0;
    clean.rt.resetCounts();
    clean.rt.injectFault({
      method: 'Sheet.deleteRow',
      nth: 1,
      effect: (rt) => {
        upTo = rt.totalCalls();
      },
    });
    withLock(() => removePerson(clean.h, clean.a));
    disposeLocal();
    expect(upTo).toBeGreaterThan(10);
    let crashes = 0;
    for (let n = 1; n <= upTo; n++) {
      const { h, a, rt } = setUp();
      try {
        rt.resetCounts();
        rt.injectFault({ method: /.*/, nth: n, message: `Crash bij aanroep ${n}` });
        let r: RemovalResult | null = null;
        try {
          r = withLock(() => removePerson(h, a));
        } catch (_e) {
          crashes++;
        }
        rt.clearFaults();
        // A call the product retries or tolerates does not stop the removal; otherwise run again.
        r ??= withLock(() => removePerson(reopen(h), a));
        const letters = lettersOf(h.row.code);
        expect(
          letters.map((d) => d.name),
          `crash bij aanroep ${n}`,
        ).toEqual([`Afsluitbrief ${h.row.code} ${a}`]);
        expect(r.letter, `crash bij aanroep ${n}`).toBe(letters[0]!.name);
        expect(docText(letters[0]!.id), `crash bij aanroep ${n}`).toContain(`Beste ${PEOPLE[0]!.naam},`);
        expect(
          readTable(h.ss, REMOVALS).filter((x) => x.finished > 0),
          `aanroep ${n}`,
        ).toHaveLength(1);
      } finally {
        disposeLocal();
      }
    }
    expect(crashes).toBeGreaterThan(upTo / 2);
  });

  it('weigert zonder geldig sjabloon en noemt tab en cel; er wordt niets verwijderd', () => {
    const { h, a } = setUp();
    ensureLettersTab(h.reg.ss);
    const tab = h.reg.ss.getSheetByName(LETTERS_SHEET)!;
    const rows = tab.getDataRange().getValues();
    const at = rows.findIndex((r) => r[0] === 'afsluitbrief' && String(r[1]).startsWith('Beste')) + 1;
    tab.getRange(at, 2).setValue('Beste {{naam}}, uw adres is {{adres}}.');
    const tried = () => removePerson(reopen(h), a);
    expect(tried).toThrow(`Persoon ${a} is niet verwijderd`);
    expect(tried).toThrow(`${LETTERS_SHEET}!B${at}: onbekende invulplek {{adres}}`);
    const untouched = () => {
      expect(readTable(h.ss, REMOVALS)).toEqual([]);
      expect(readTable(h.ss, PERSONS).map((p) => p.code)).toContain(a);
      expect(readTable(SpreadsheetApp.openById(h.row.namesId), NAMES).map((n) => n.Code)).toContain(a);
      expect(lettersOf(h.row.code)).toEqual([]);
    };
    untouched();
    // No closing letter in the tab at all: refused too, naming the tab and column A.
    for (let i = rows.length; i >= 2; i--) if (rows[i - 1]![0] === 'afsluitbrief') tab.deleteRow(i);
    expect(tried).toThrow('In de tab Brieven van het register staat geen afsluitbrief');
    untouched();
    // Fixed: the removal goes through, with its letter.
    tab.appendRow(['afsluitbrief', 'Afsluiting']);
    tab.appendRow(['afsluitbrief', 'Beste {{naam}}, de registratie is beëindigd.']);
    const r = removePerson(reopen(h), a);
    expect(r.letter).toBe(`Afsluitbrief ${h.row.code} ${a}`);
    expect(docText(lettersOf(h.row.code)[0]!.id)).toContain(`Beste ${PEOPLE[0]!.naam}, de registratie`);
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
