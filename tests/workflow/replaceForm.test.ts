/**
 * §4.3 #14 (docs/betrouwbaarheid.md): a partner's form deleted by hand is made again by the
 * coordinator's action (workflow/replaceForm.ts): one new form with the same questions in the same
 * registry row, linked by the next run, the partner mailed the new link with the step's deadline,
 * the Logboek told; crash-safe at every call; only for a coordinator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useMailQuota } from '../../src/local/apps-script/mail';
import { MIME } from '../../src/local/apps-script/runtime';
import type { LocalAppsScript } from '../../src/local/harness';
import * as main from '../../src/main';
import { ACCESS_REFUSALS } from '../../src/model/access';
import { dutchDate } from '../../src/model/time';
import { runCaseAction } from '../../src/workflow/caseActions';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { caseDashboard } from '../../src/workflow/dashboard';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { itemMapOf } from '../../src/workflow/formKey';
import { withLock } from '../../src/workflow/lock';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, type FormRow, LOG, OUTBOX, REPLACEMENTS } from '../../src/workflow/records';
import { LOG_EVENT, NEW_LINK_NOTICE, replaceMissingForms } from '../../src/workflow/replaceForm';
import { startStep } from '../../src/workflow/startStep';
import { readTable, withTableCache } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase, PARTNERS } from './helpers';

let local: LocalAppsScript;
let live = false;
function disposeLocal() {
  if (live) local.dispose();
  live = false;
}
afterEach(disposeLocal);

const HOUR = 3_600_000;
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const POLITIE = PARTNERS[0]!;

/** Step 1 started; the politie's form deleted by hand and found missing by a run. */
function setUp(): { h: CaseHandle; old: FormRow } {
  const f = freshLocalCase();
  local = f.local;
  live = true;
  startStep(f.h);
  const old = readTable(f.h.ss, FORMS).find((x) => x.partnerId === POLITIE.id)!;
  local.rt.deleteEntry(old.formId);
  local.rt.advance(HOUR);
  reconcileCase(reopen(f.h));
  expect(readTable(f.h.ss, FORMS).find((x) => x.formKey === old.formKey)!.status).toBe('ontbreekt');
  return { h: reopen(f.h), old };
}

/** Live forms in the case folder. */
function formsInFolder(h: CaseHandle) {
  return [...local.rt.drive.values()].filter(
    (e) => e.parentIds.includes(h.row.folderId) && !e.trashed && e.mimeType === MIME.form,
  );
}

const newLinkMails = () =>
  local.rt.mailbox.filter((m) => m.to[0] === POLITIE.email && m.subject.startsWith('Nieuwe link: '));

const answerKeys = (f: FormRow) => Object.values(itemMapOf(f)).sort();

describe('§4.3 #14 een formulier met de hand verwijderd: opnieuw maken', () => {
  it('§4.3 #14: het dashboard stelt het voor; één nieuw formulier met dezelfde vragen in dezelfde rij, de nieuwe link met de deadline gemaild, gekoppeld door de volgende run', () => {
    const { h, old } = setUp();
    const before = withTableCache(() => caseDashboard(reopen(h)));
    expect(before.actions.map((a) => a.label)).toContain('Ontbrekend formulier opnieuw maken (1)');
    const folderBefore = formsInFolder(h).length;

    const out = runCaseAction(openRegister(), h.row.code, 'replaceForms');
    expect(out.message).toContain(
      `1 formulier(en) opnieuw gemaakt met dezelfde vragen: ${POLITIE.organisation} (stap 1, deadline ${dutchDate(old.deadline)})`,
    );
    expect(out.message).toContain('1 mail(s) met de nieuwe link verstuurd');

    const forms = readTable(h.ss, FORMS);
    expect(forms).toHaveLength(3);
    const row = forms.find((x) => x.formKey === old.formKey)!;
    expect(row.formId).not.toBe(old.formId);
    expect(row.status).toBe('open');
    expect(row.deadline).toBe(old.deadline);
    expect(row.publishedUrl).not.toBe(old.publishedUrl);
    expect(answerKeys(row)).toEqual(answerKeys(old));
    expect(formsInFolder(h)).toHaveLength(folderBefore + 1);
    expect(FormApp.openById(row.formId).getTitle()).toBe(
      local.rt.drive
        .get(forms.find((x) => x.partnerId !== POLITIE.id)!.formId)!
        .name.replace(/Jongerenwerk Testdorp|Handhaving Testdorp/, POLITIE.organisation),
    );

    // The mail: the new link and the step's deadline, not the old link; through the outbox.
    const mails = newLinkMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.startsWith(NEW_LINK_NOTICE)).toBe(true);
    expect(mails[0]!.body).toContain(row.publishedUrl);
    expect(mails[0]!.body).toContain(dutchDate(old.deadline));
    expect(mails[0]!.body).not.toContain(old.publishedUrl);
    expect(readTable(h.ss, OUTBOX).filter((m) => m.key.startsWith('nieuw-formulier:'))).toMatchObject([
      { formKey: old.formKey, kind: 'uitnodiging', status: 'verstuurd' },
    ]);
    // The old one is marked replaced; the Logboek says so once, with codes and keys only.
    expect(readTable(h.ss, REPLACEMENTS)).toMatchObject([
      { formKey: old.formKey, oldFormId: old.formId, newFormId: row.formId },
    ]);
    expect(readTable(h.ss, REPLACEMENTS)[0]!.finished).toBeGreaterThan(0);
    const lines = readTable(h.ss, LOG).filter((l) => l.event === LOG_EVENT);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.detail.startsWith(`${old.formKey}: het formulier was met de hand verwijderd`)).toBe(
      true,
    );

    // The dashboard proposes nothing more; asking again makes nothing and sends nothing.
    const after = withTableCache(() => caseDashboard(reopen(h)));
    expect(after.actions.some((a) => a.kind === 'replaceForms')).toBe(false);
    expect(runCaseAction(openRegister(), h.row.code, 'replaceForms').message).toContain(
      'in stap 1 ontbreekt geen formulier',
    );
    expect(formsInFolder(h)).toHaveLength(folderBefore + 1);
    expect(newLinkMails()).toHaveLength(1);

    // The partner answers in the new form; the next run links it to the response spreadsheet,
    // ties its tab and takes the answers in under the same form key.
    fillRequired(local.rt, row.formId, 'Antwoord in het nieuwe formulier.');
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    const linked = readTable(h.ss, FORMS).find((x) => x.formKey === old.formKey)!;
    const book = readTable(h.ss, FORMS).find((x) => x.formKey !== old.formKey)!.sheetBook;
    expect(book).not.toBe('');
    expect(linked.sheetBook).toBe(book);
    expect(linked.sheetTab).toMatch(/^\d+$/);
    expect(linked.status).toBe('beantwoord');
    expect(
      readTable(h.ss, ANSWERS).some(
        (a) => a.formKey === old.formKey && a.value === 'Antwoord in het nieuwe formulier.',
      ),
    ).toBe(true);
  });

  it('§4.3 #14: een uitnodiging met de oude link die nog wachtte, gaat niet meer; antwoorden uit het oude formulier blijven', () => {
    const f = freshLocalCase();
    local = f.local;
    live = true;
    // The politie's invitation waits for tomorrow's quota (another script used it up).
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, effect: (rt) => useMailQuota(rt, Infinity) });
    startStep(f.h);
    const old = readTable(f.h.ss, FORMS).find((x) => x.partnerId === POLITIE.id)!;
    expect(readTable(f.h.ss, OUTBOX).find((m) => m.formKey === old.formKey)!.status).toBe('wacht');
    const other = readTable(f.h.ss, FORMS).find((x) => x.partnerId !== POLITIE.id)!;
    fillRequired(local.rt, other.formId, 'Al ingevuld.');
    local.rt.deleteEntry(old.formId);
    local.rt.advance(HOUR);
    reconcileCase(reopen(f.h));
    local.rt.advance(24 * HOUR);
    const r = replaceMissingForms(reopen(f.h));
    expect(r.replaced).toEqual([old.formKey]);
    const outbox = readTable(f.h.ss, OUTBOX).filter((m) => m.formKey === old.formKey);
    expect(outbox.map((m) => [m.key.split(':')[0], m.status])).toEqual([
      ['uitnodiging', 'vervallen'],
      ['nieuw-formulier', 'verstuurd'],
    ]);
    const toPolitie = local.rt.mailbox.filter((m) => m.to[0] === POLITIE.email);
    expect(toPolitie).toHaveLength(1);
    expect(toPolitie[0]!.body).not.toContain(old.publishedUrl);
    expect(readTable(f.h.ss, ANSWERS).some((a) => a.value === 'Al ingevuld.')).toBe(true);
  });

  it('§4.3 #14: een formulier dat weer in de casusmap staat, wordt niet opnieuw gemaakt', () => {
    const { h, old } = setUp();
    // Restored by hand: the folder lists a form with the old id again.
    const other = readTable(h.ss, FORMS).find((x) => x.formKey !== old.formKey)!;
    const entry = { ...local.rt.drive.get(other.formId)!, id: old.formId };
    local.rt.drive.set(old.formId, entry);
    const r = replaceMissingForms(reopen(h));
    expect(r.replaced).toEqual([]);
    expect(r.back).toEqual([old.formKey]);
    expect(r.message).toContain('staat weer in de casusmap');
    expect(readTable(h.ss, FORMS).find((x) => x.formKey === old.formKey)!.formId).toBe(old.formId);
    expect(newLinkMails()).toEqual([]);
  });

  it('§4.3 #14: alleen een procesregisseur: de knop en het menu-item weigeren anderen zonder iets te doen', () => {
    const { h } = setUp();
    const files = local.rt.drive.size;
    local.rt.activeUserEmail = 'collega@elders.example';
    const r = main.uiRunAction({ code: h.row.code, kind: 'replaceForms' });
    expect(r).toMatchObject({ ok: false, message: ACCESS_REFUSALS['geen procesregisseur'] });
    local.rt.ui.answers.splice(0, local.rt.ui.answers.length, { button: 'OK' });
    main.menuReplaceForms();
    expect(local.rt.ui.alerts.at(-1)!.prompt).toBe(ACCESS_REFUSALS['geen procesregisseur']);
    expect(local.rt.drive.size).toBe(files);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toContain('ontbreekt');
    expect(newLinkMails()).toEqual([]);
  });

  it('§4.3 #14: een crash bij elke aanroep, dan de automatische run en de actie opnieuw: precies één nieuw formulier en hooguit één mail', () => {
    const clean = setUp();
    local.rt.resetCounts();
    withLock(() => replaceMissingForms(clean.h));
    const total = local.rt.totalCalls();
    disposeLocal();
    expect(total).toBeGreaterThan(10);
    let crashes = 0;
    for (let n = 1; n <= total; n++) {
      const { h, old } = setUp();
      try {
        local.rt.resetCounts();
        local.rt.injectFault({ method: /.*/, nth: n, message: `Crash bij aanroep ${n}` });
        try {
          withLock(() => replaceMissingForms(h));
        } catch (_e) {
          crashes++;
        }
        local.rt.clearFaults();
        local.rt.advance(HOUR);
        dispatchAll(openRegister());
        withLock(() => replaceMissingForms(reopen(h)));
        const at = `crash bij aanroep ${n}`;
        const rows = readTable(h.ss, FORMS);
        const row = rows.find((x) => x.formKey === old.formKey)!;
        expect(rows, at).toHaveLength(3);
        expect(row.formId, at).not.toBe(old.formId);
        expect(row.status, at).not.toBe('ontbreekt');
        expect(answerKeys(row), at).toEqual(answerKeys(old));
        // Exactly one new form: every live form in the case folder is a registered one.
        const registered = new Set(rows.map((x) => x.formId));
        expect(
          formsInFolder(h).map((e) => registered.has(e.id)),
          at,
        ).toEqual(formsInFolder(h).map(() => true));
        expect(formsInFolder(h), at).toHaveLength(3);
        // At most one mail with the new link; without one, the outbox says "onzeker".
        const sent = newLinkMails();
        expect(sent.length, at).toBeLessThanOrEqual(1);
        const queued = readTable(h.ss, OUTBOX).filter((m) => m.key.startsWith('nieuw-formulier:'));
        expect(queued, at).toHaveLength(1);
        if (sent.length === 0) expect(queued[0]!.status, at).toBe('onzeker');
        else expect(sent[0]!.body, at).toContain(row.publishedUrl);
        expect(
          readTable(h.ss, LOG).filter((l) => l.event === LOG_EVENT),
          at,
        ).toHaveLength(1);
        expect(
          readTable(h.ss, REPLACEMENTS).filter((r) => r.finished > 0),
          at,
        ).toHaveLength(1);
      } finally {
        disposeLocal();
      }
    }
    expect(crashes).toBeGreaterThan(total / 2);
  });
});
