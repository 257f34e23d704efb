/**
 * §4.3 #14 (docs/betrouwbaarheid.md), workflow/replaceForm.ts in the cases a coordinator meets
 * besides the first: another partner's form, two forms at once, a form deleted a second time, a
 * form restored by hand, old mails that must not go, a closed case, a partner that left, changed
 * questions, an earlier step, a stopped run, and a supplementary form of 2B. What is checked:
 * which form is made for whom (questions, persons), who is mailed, what the coordinator reads and
 * what the Logboek and `_vervangen` say.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { useMailQuota } from '../../src/local/apps-script/mail';
import { MIME } from '../../src/local/apps-script/runtime';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { dutchDate } from '../../src/model/time';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { itemMapOf } from '../../src/workflow/formKey';
import { openNewCase } from '../../src/workflow/newCase';
import { addPersons } from '../../src/workflow/persons';
import { reconcileCase } from '../../src/workflow/reconcile';
import { FORMS, type FormRow, LOG, OUTBOX, type OutboxRow, REPLACEMENTS } from '../../src/workflow/records';
import { QUESTIONS_SHEET } from '../../src/workflow/registerTabs';
import { LOG_EVENT, replaceMissingForms } from '../../src/workflow/replaceForm';
import { askAboutNewPersons, startStep } from '../../src/workflow/startStep';
import { appendRows, readTable, updateRow } from '../../src/workspace/tables';
import { freshCaseAt2B, freshRegister, PARTNERS, PERSONS as PEOPLE, refusal } from './helpers';

let local: LocalAppsScript;
let live = false;
afterEach(() => {
  if (live) local.dispose();
  live = false;
});

const HOUR = 3_600_000;
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const [POLITIE, JONGERENWERK, BOA] = PARTNERS as [
  (typeof PARTNERS)[0],
  (typeof PARTNERS)[0],
  (typeof PARTNERS)[0],
];
/** A second police team of the same organisation (so its forms have the same title). */
const TEAM2 = { ...POLITIE, id: 'politie-team2', email: 'team2@politie.example' };

/** Step 1 started in a register with these partners; the forms as registered. */
function started(partners: unknown = PARTNERS, opts: { latency?: boolean } = {}) {
  const r = freshRegister(partners, opts);
  local = r.local;
  live = true;
  const h = openNewCase(openRegister(), fictionalCaseInput());
  startStep(h);
  return reopen(h);
}

const formOf = (h: CaseHandle, partnerId: string, step = '1') =>
  readTable(h.ss, FORMS).find((x) => x.partnerId === partnerId && x.step === step)!;

/** Deletes these forms by hand and lets a run find them missing. */
function deleteByHand(h: CaseHandle, forms: FormRow[]): CaseHandle {
  for (const f of forms) local.rt.deleteEntry(f.formId);
  local.rt.advance(HOUR);
  reconcileCase(reopen(h));
  const rows = readTable(h.ss, FORMS);
  for (const f of forms) expect(rows.find((x) => x.formKey === f.formKey)!.status).toBe('ontbreekt');
  return reopen(h);
}

function liveForms(h: CaseHandle) {
  return [...local.rt.drive.values()].filter(
    (e) => e.parentIds.includes(h.row.folderId) && !e.trashed && e.mimeType === MIME.form,
  );
}

const newLinkMails = (to: string) =>
  local.rt.mailbox.filter((m) => m.to[0] === to && m.subject.startsWith('Nieuwe link: '));

const answerKeys = (f: FormRow) => Object.values(itemMapOf(f)).sort();

function mail(formKey: string, kind: OutboxRow['kind'], status: OutboxRow['status'], to: string): OutboxRow {
  return {
    key: `${kind}:${formKey}:${status}`,
    formKey,
    kind,
    to,
    subject: `Oude ${kind}`,
    body: 'Met de oude link.',
    status,
    createdAt: local.rt.now(),
    sentAt: 0,
    attempts: status === 'wacht' ? 0 : 1,
    error: '',
  };
}

const TAIL =
  'De volgende bijwerking koppelt het nieuwe formulier aan de antwoordspreadsheet; wat al binnen was, blijft bewaard.';

describe('§4.3 #14 opnieuw maken: voor wie, met welke vragen, en wie wat hoort', () => {
  it('de formulieren van twee andere partners dan de eerste: elk voor die partner, de nieuwe link naar die partner; het formulier met dezelfde titel van een ander team en een eigen formulier in de map blijven', () => {
    const h0 = started([...PARTNERS, TEAM2]);
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    const jw = formOf(h0, JONGERENWERK.id);
    const t2 = formOf(h0, TEAM2.id);
    expect(jw.sheetTab).not.toBe('');
    // The coordinator keeps a form of their own in the case folder.
    const own = FormApp.create('Eigen evaluatieformulier');
    DriveApp.getFileById(own.getId()).moveTo(DriveApp.getFolderById(h0.row.folderId));
    // Mails of the deleted forms that failed or are uncertain, and one of another form that waits.
    appendRows(h0.ss, OUTBOX, [
      mail(jw.formKey, 'herinnering', 'mislukt', JONGERENWERK.email),
      mail(t2.formKey, 'herinnering', 'onzeker', TEAM2.email),
      mail(formOf(h0, BOA.id).formKey, 'herinnering', 'wacht', BOA.email),
    ]);
    const h = deleteByHand(h0, [jw, t2]);

    const r = replaceMissingForms(h);
    expect(r.replaced).toEqual([jw.formKey, t2.formKey]);
    expect(r.back).toEqual([]);
    expect(r.changedQuestions).toEqual([]);
    const deadline = dutchDate(jw.deadline);
    expect(r.message).toBe(
      `Casus ${h.row.code}: 2 formulier(en) opnieuw gemaakt met dezelfde vragen: ${JONGERENWERK.organisation} (stap 1, deadline ${deadline}); ${POLITIE.organisation} (stap 1, deadline ${deadline}). ${r.mail.sent} mail(s) met de nieuwe link verstuurd. ${TAIL}`,
    );

    // Each new form is that partner's, with the old form's questions, linked again by the next run.
    const newJw = formOf(h, JONGERENWERK.id);
    const newT2 = formOf(h, TEAM2.id);
    expect(FormApp.openById(newJw.formId).getTitle()).toContain(JONGERENWERK.organisation);
    expect(answerKeys(newJw)).toEqual(answerKeys(jw));
    expect(answerKeys(newT2)).toEqual(answerKeys(t2));
    for (const f of [newJw, newT2]) expect([f.sheetBook, f.sheetTab, f.sheetPrint]).toEqual(['', '', '']);
    // Nothing else in the case folder was trashed.
    const ids = liveForms(h).map((e) => e.id);
    expect(ids).toContain(formOf(h, POLITIE.id).formId);
    expect(ids).toContain(own.getId());
    expect(ids).toHaveLength(5);

    // The new links went to these two partners only.
    expect(newLinkMails(JONGERENWERK.email)).toHaveLength(1);
    expect(newLinkMails(JONGERENWERK.email)[0]!.body).toContain(newJw.publishedUrl);
    expect(newLinkMails(TEAM2.email)).toHaveLength(1);
    expect(newLinkMails(TEAM2.email)[0]!.body).toContain(newT2.publishedUrl);
    expect(newLinkMails(POLITIE.email)).toEqual([]);
    // The old failed and uncertain mails go no more; another form's waiting mail still goes.
    const outbox = readTable(h.ss, OUTBOX);
    const status = (key: string) => outbox.find((m) => m.key === key)!;
    expect(status(`herinnering:${jw.formKey}:mislukt`)).toMatchObject({
      status: 'vervallen',
      error: 'Het formulier is opnieuw gemaakt; de nieuwe link is apart verstuurd.',
    });
    expect(status(`herinnering:${t2.formKey}:onzeker`).status).toBe('vervallen');
    expect(status(`herinnering:${formOf(h, BOA.id).formKey}:wacht`).status).toBe('verstuurd');
    expect(
      outbox.filter((m) => m.kind === 'uitnodiging' && !m.key.startsWith('nieuw-')).map((m) => m.status),
    ).toEqual(['verstuurd', 'verstuurd', 'verstuurd', 'verstuurd']);
    // One Logboek line per form.
    const lines = readTable(h.ss, LOG).filter((l) => l.event === LOG_EVENT);
    expect(lines.map((l) => l.detail.split(':')[0])).toEqual([jw.formKey, t2.formKey]);
  });

  it('een formulier dat na de vervanging opnieuw verdwijnt, wordt weer vervangen en weer gelogd; de andere formulieren blijven', () => {
    const h0 = started();
    const old = formOf(h0, POLITIE.id);
    const jw = formOf(h0, JONGERENWERK.id);
    replaceMissingForms(deleteByHand(h0, [old]));
    const second = formOf(h0, POLITIE.id);
    local.rt.advance(HOUR);
    const r = replaceMissingForms(deleteByHand(h0, [second]));
    expect(r.replaced).toEqual([old.formKey]);
    const third = formOf(h0, POLITIE.id);
    expect(readTable(h0.ss, REPLACEMENTS).map((x) => [x.oldFormId, x.newFormId])).toEqual([
      [old.formId, second.formId],
      [second.formId, third.formId],
    ]);
    expect(readTable(h0.ss, LOG).filter((l) => l.event === LOG_EVENT)).toHaveLength(2);
    expect(newLinkMails(POLITIE.email)).toHaveLength(2);
    expect(newLinkMails(JONGERENWERK.email)).toEqual([]);
    expect(formOf(h0, JONGERENWERK.id).formId).toBe(jw.formId);
  });

  it('één vervangen en twee teruggezet: het bericht noemt beide, en dat de mail op het dagquotum wacht', () => {
    const h0 = started();
    const old = formOf(h0, POLITIE.id);
    const h = deleteByHand(h0, [old]);
    // Two forms marked missing that the coordinator restored from the trash before acting.
    readTable(h.ss, FORMS).forEach((f, i) => {
      if (f.partnerId !== POLITIE.id) updateRow(h.ss, FORMS, i, { ...f, status: 'ontbreekt' });
    });
    useMailQuota(local.rt, Infinity);
    const r = replaceMissingForms(reopen(h));
    expect(r.replaced).toEqual([old.formKey]);
    expect(r.back).toEqual([formOf(h, JONGERENWERK.id).formKey, formOf(h, BOA.id).formKey]);
    const deadline = dutchDate(old.deadline);
    expect(r.message).toBe(
      [
        `Casus ${h.row.code}: 1 formulier(en) opnieuw gemaakt met dezelfde vragen: ${POLITIE.organisation} (stap 1, deadline ${deadline}). 0 mail(s) met de nieuwe link verstuurd, 1 wachten op het dagquotum. ${TAIL}`,
        `Het formulier van ${JONGERENWERK.organisation} (stap 1, deadline ${deadline}); ${BOA.organisation} (stap 1, deadline ${deadline}) staat weer in de casusmap; het is niet opnieuw gemaakt en wordt bij de volgende bijwerking weer gelezen.`,
      ].join('\n'),
    );
  });

  it('alleen teruggezet: het bericht zegt niets over opnieuw gemaakte formulieren', () => {
    const h = started();
    const jw = readTable(h.ss, FORMS).findIndex((f) => f.partnerId === JONGERENWERK.id);
    updateRow(h.ss, FORMS, jw, { ...readTable(h.ss, FORMS)[jw]!, status: 'ontbreekt' });
    const r = replaceMissingForms(reopen(h));
    expect(r.message).toBe(
      `Het formulier van ${JONGERENWERK.organisation} (stap 1, deadline ${dutchDate(formOf(h, JONGERENWERK.id).deadline)}) staat weer in de casusmap; het is niet opnieuw gemaakt en wordt bij de volgende bijwerking weer gelezen.`,
    );
    expect(readTable(h.ss, REPLACEMENTS)).toEqual([]);
  });

  it('de vragen veranderden sinds het oude formulier: het nieuwe heeft die van nu, en het bericht zegt dat', () => {
    const h0 = started();
    const old = [formOf(h0, POLITIE.id), formOf(h0, BOA.id)];
    const h = deleteByHand(h0, old);
    // The coordinator hid a question both forms asked in the tab Vragen (column I).
    const question = answerKeys(old[0]!).find((k) => answerKeys(old[1]!).includes(k))!;
    const tab = openRegister().ss.getSheetByName(QUESTIONS_SHEET)!;
    const row = tab
      .getDataRange()
      .getValues()
      .findIndex((x) => x[0] === question);
    tab.getRange(row + 1, 9).setValue("'ja");
    const r = replaceMissingForms(reopen(h));
    expect(r.changedQuestions).toEqual(old.map((f) => f.formKey));
    expect(answerKeys(formOf(h, POLITIE.id))).not.toContain(question);
    const deadline = dutchDate(old[0]!.deadline);
    expect(r.message.split('\n')[1]).toBe(
      `De vragen zijn sinds het oude formulier veranderd in de tab Vragen; het nieuwe formulier van ${POLITIE.organisation} (stap 1, deadline ${deadline}); ${BOA.organisation} (stap 1, deadline ${deadline}) heeft de vragen van nu.`,
    );
  });
});

describe('§4.3 #14 opnieuw maken: wanneer niet', () => {
  it('een gesloten casus: geweigerd, er wordt niets gemaakt', () => {
    const h0 = started();
    const h = deleteByHand(h0, [formOf(h0, POLITIE.id)]);
    recordDecision(
      h,
      {
        step: '1',
        round: 1,
        outcome: 'niet_verder',
        routes: ['lichte_interventie'],
        motivation: 'Geen groepsproblematiek.',
        decidedBy: 'overleg',
        date: '2026-01-12',
      },
      'regie@testdorp.example',
    );
    const forms = liveForms(h).length;
    expect(refusal(() => replaceMissingForms(reopen(h)))).toBe(
      `Casus ${h.row.code} is gesloten: er worden geen formulieren meer ingevuld, dus er is niets opnieuw te maken.`,
    );
    expect(liveForms(h)).toHaveLength(forms);
  });

  it('het formulier van een partner die niet meer in de tab Partners staat: geweigerd, er wordt niets gemaakt', () => {
    const h0 = started();
    const boa = formOf(h0, BOA.id);
    const h = deleteByHand(h0, [formOf(h0, POLITIE.id), boa]);
    const tab = openRegister().ss.getSheetByName('Partners')!;
    tab.deleteRow(
      tab
        .getDataRange()
        .getValues()
        .findIndex((x) => x[0] === BOA.id) + 1,
    );
    const forms = liveForms(h).length;
    expect(refusal(() => replaceMissingForms(reopen(h)))).toBe(
      `Het formulier ${boa.formKey} hoort bij partner "${BOA.id}", die niet meer in de tab Partners staat; zet de partner terug of laat het formulier ontbreken. Er is niets gemaakt.`,
    );
    expect(liveForms(h)).toHaveLength(forms);
    expect(readTable(h.ss, REPLACEMENTS)).toEqual([]);
  });

  it('een formulier van een eerdere stap dat ontbreekt, wordt in de volgende stap niet meer gemaakt', () => {
    const h0 = started();
    const old = formOf(h0, POLITIE.id);
    const h = deleteByHand(h0, [old]);
    recordDecision(
      h,
      {
        step: '1',
        round: 1,
        outcome: 'verder_verkennen',
        motivation: 'Verder.',
        decidedBy: 'overleg',
        date: '2026-01-12',
      },
      'regie@testdorp.example',
    );
    // The step's forms closed with the decision; a later run found this one missing.
    const at = readTable(h.ss, FORMS).findIndex((x) => x.formKey === old.formKey);
    updateRow(h.ss, FORMS, at, { ...formOf(h, POLITIE.id), status: 'ontbreekt' });
    const r = replaceMissingForms(reopen(h));
    expect(r.replaced).toEqual([]);
    expect(r.message).toContain('in stap 2A ontbreekt geen formulier');
    expect(formOf(h, POLITIE.id).formId).toBe(old.formId);
  });
});

describe('§4.3 #14 opnieuw maken: een run die stopte', () => {
  it('gestopt bij het maken van het formulier: `_vervangen` zegt "nog niet klaar" zonder nieuw formulier; de herhaling maakt er één, ook als intussen een ander formulier verdween', () => {
    const h0 = started();
    const boa = formOf(h0, BOA.id);
    const h = deleteByHand(h0, [boa]);
    local.rt.injectFault({
      method: /^(FormApp\.create|Drive\.Files\.copy|File\.makeCopy)$/,
      nth: 1,
      times: 20,
      message: 'Service error: Forms',
    });
    expect(() => replaceMissingForms(h)).toThrow('Service error');
    expect(readTable(h.ss, REPLACEMENTS)).toMatchObject([
      { formKey: boa.formKey, oldFormId: boa.formId, newFormId: '', finished: 0 },
    ]);
    local.rt.clearFaults();
    // Meanwhile the politie's form (earlier in the table) was deleted by hand too.
    const politie = formOf(h0, POLITIE.id);
    const r = replaceMissingForms(deleteByHand(h, [politie]));
    expect(r.replaced).toEqual([politie.formKey, boa.formKey]);
    expect(readTable(h.ss, REPLACEMENTS)).toMatchObject([
      { formKey: boa.formKey, oldFormId: boa.formId, newFormId: formOf(h, BOA.id).formId },
      { formKey: politie.formKey, oldFormId: politie.formId, newFormId: formOf(h, POLITIE.id).formId },
    ]);
    expect(liveForms(h)).toHaveLength(3);
    expect(newLinkMails(POLITIE.email)).toHaveLength(1);
    expect(newLinkMails(BOA.email)).toHaveLength(1);
  });

  it('twee formulieren in één run zonder dat de klok verspringt: elk een eigen regel in het Logboek', () => {
    const h0 = started(PARTNERS, { latency: false });
    const forms = [formOf(h0, POLITIE.id), formOf(h0, BOA.id)];
    replaceMissingForms(deleteByHand(h0, forms));
    const lines = readTable(h0.ss, LOG).filter((l) => l.event === LOG_EVENT);
    expect(lines.map((l) => l.detail.split(':')[0])).toEqual(forms.map((f) => f.formKey));
  });

  it('gestopt na de regel in het Logboek (in dezelfde milliseconde): de herhaling schrijft hem niet nog eens en mailt niet opnieuw', () => {
    // Without service latency the clock stands still during the run: the line has the record's time.
    const h0 = started(PARTNERS, { latency: false });
    const old = formOf(h0, POLITIE.id);
    const h = deleteByHand(h0, [old]);
    replaceMissingForms(h);
    // As if the run stopped after the Logboek line, before the record was completed.
    const [record] = readTable(h.ss, REPLACEMENTS);
    expect(readTable(h.ss, LOG).find((l) => l.event === LOG_EVENT)!.at).toBe(record!.started);
    updateRow(h.ss, REPLACEMENTS, 0, { ...record!, finished: 0 });
    const r = replaceMissingForms(reopen(h));
    expect(r.replaced).toEqual([old.formKey]);
    expect(readTable(h.ss, LOG).filter((l) => l.event === LOG_EVENT)).toHaveLength(1);
    expect(newLinkMails(POLITIE.email)).toHaveLength(1);
    expect(liveForms(h)).toHaveLength(3);
    expect(readTable(h.ss, REPLACEMENTS)[0]!.finished).toBeGreaterThan(0);
  });
});

describe('§4.3 #14 opnieuw maken in 2B: de personen van het oude formulier', () => {
  it('het hoofdformulier vraagt naar de eerste personen, het aanvullende alleen naar de later toegevoegde, met alleen de vragen per persoon', () => {
    const f = freshCaseAt2B();
    local = f.local;
    live = true;
    const first = addPersons(f.h, PEOPLE);
    startStep(reopen(f.h));
    const later = addPersons(reopen(f.h), [{ naam: 'Later Erbij' }]);
    expect(askAboutNewPersons(reopen(f.h)).created).toEqual(['2B#1#politie#2']);
    const forms = readTable(f.h.ss, FORMS);
    const main = forms.find((x) => x.formKey === '2B#1#politie')!;
    const extra = forms.find((x) => x.formKey === '2B#1#politie#2')!;
    const h = deleteByHand(f.h, [main, extra]);
    const r = replaceMissingForms(h);
    expect(r.replaced).toEqual([main.formKey, extra.formKey]);
    expect(r.changedQuestions).toEqual([]);
    const now = readTable(h.ss, FORMS);
    const newMain = now.find((x) => x.formKey === main.formKey)!;
    const newExtra = now.find((x) => x.formKey === extra.formKey)!;
    expect(answerKeys(newMain)).toEqual(answerKeys(main));
    expect(answerKeys(newExtra)).toEqual(answerKeys(extra));
    const text = (x: FormRow) => JSON.stringify(snapshotForm(local.rt, x.formId));
    for (const c of first) expect(text(newMain)).toContain(c);
    for (const c of later) expect(text(newMain)).not.toContain(c);
    for (const c of later) expect(text(newExtra)).toContain(c);
    for (const c of first) expect(text(newExtra)).not.toContain(c);
    expect(FormApp.openById(newExtra.formId).getTitle()).toContain('aanvulling');
    expect(FormApp.openById(newMain.formId).getTitle()).not.toContain('aanvulling');
  });
});
