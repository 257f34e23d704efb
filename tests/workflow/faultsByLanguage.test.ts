/**
 * The fault cases of issue 10 in an English and in a Dutch account. Apps Script raises its errors
 * in the account's language; the product decides on facts (the case folder's listing, the mail
 * quota left, the address syntax) and on known wording only where no fact exists
 * (workspace/errors.ts), so both accounts end the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useMailQuota } from '../../src/local/apps-script/mail';
import type { AccountLanguage } from '../../src/local/apps-script/messages';
import type { LocalAppsScript } from '../../src/local/harness';
import { openCase, openRegister } from '../../src/workflow/context';
import { BAD_ADDRESS, enqueue, flushOutbox } from '../../src/workflow/outbox';
import { reconcileCase } from '../../src/workflow/reconcile';
import { FORMS, LOG, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const DAY = 24 * 3_600_000;

describe.each<AccountLanguage>(['en', 'nl'])('een %s-account', (language) => {
  const fresh = () => {
    const f = freshLocalCase({ language });
    local = f.local;
    return f.h;
  };
  const logged = (h: ReturnType<typeof fresh>) => readTable(h.ss, LOG).map((r) => String(r.event));

  it('§4.3 #14: een verwijderd formulier heet "ontbreekt", niet "niet gelezen"; de andere formulieren lopen door', () => {
    const h = fresh();
    startStep(h);
    const [gone] = readTable(h.ss, FORMS);
    local.rt.deleteEntry(String(gone!.formId));
    local.rt.resetCounts();
    const r = reconcileCase(h);
    expect(r.missingForms).toBe(1);
    expect(r.unreadable).toBe(0);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['ontbreekt', 'open', 'open']);
    expect(logged(h)).toContain('formulier ontbreekt');
    expect(logged(h)).not.toContain('formulier niet gelezen');
    // One Drive listing settles it, for the missing form and the daily scan together.
    expect(local.rt.counts.get('Drive.Files.list')).toBe(1);
  });

  it('een voorbijgaande fout bij het lezen: "niet gelezen", ook als de tekst op "weg" lijkt maar de map het formulier nog heeft', () => {
    const h = fresh();
    startStep(h);
    local.rt.injectFault({ method: 'FormApp.openById', nth: 1, message: 'Service unavailable: Forms' });
    local.rt.injectFault({
      method: 'FormApp.openById',
      nth: 2,
      message: 'No item with the given ID could be found, or you do not have permission to access it.',
    });
    const r = reconcileCase(h, { scanFolder: false });
    expect(r.unreadable).toBe(2);
    expect(r.missingForms).toBe(0);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['open', 'open', 'open']);
  });

  it('het dagquotum van MailApp (door een ander script opgebruikt): de mail wacht tot morgen en telt niet als poging', () => {
    const h = fresh();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, effect: (rt) => useMailQuota(rt, Infinity) });
    const first = startStep(h);
    expect(first.mail).toMatchObject({ sent: 1, failed: 0 });
    const rows = readTable(h.ss, OUTBOX);
    expect(rows.map((r) => r.status)).toEqual(['verstuurd', 'wacht', 'wacht']);
    expect(rows[1]!.attempts).toBe(0);
    expect(rows[1]!.error).toBe('Dagquotum bereikt; wordt morgen verstuurd.');
    // MailApp was asked once more after the refusal (the fact), and not for the third mail.
    expect(local.rt.counts.get('MailApp.sendEmail')).toBe(2);
    local.rt.advance(DAY);
    const next = flushOutbox(openCase(openRegister(), h.row.code));
    expect(next.sent).toBe(2);
    expect(readTable(h.ss, OUTBOX).map((r) => r.status)).toEqual(['verstuurd', 'verstuurd', 'verstuurd']);
  });

  it('een adres dat Google weigert wordt niet drie keer geprobeerd, en het adres komt niet in de tabel', () => {
    const h = fresh();
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      times: 5,
      message: 'Invalid email: jan@politie.example',
    });
    startStep(h);
    startStep(openCase(openRegister(), h.row.code));
    const [row] = readTable(h.ss, OUTBOX);
    expect(row!.status).toBe('mislukt');
    expect(row!.attempts).toBe(1);
    expect(row!.error).toBe(BAD_ADDRESS);
  });

  it('een adres dat de syntaxregel niet haalt: mislukt zonder MailApp te vragen', () => {
    const h = fresh();
    enqueue(h.ss, [
      { key: 'x', formKey: '1#1#politie', kind: 'uitnodiging', to: 'jan@politie', subject: 'S', body: 'B' },
    ]);
    const r = flushOutbox(h);
    expect(r.failed).toBe(1);
    expect(local.rt.counts.get('MailApp.sendEmail') ?? 0).toBe(0);
    const [row] = readTable(h.ss, OUTBOX);
    expect(row).toMatchObject({ status: 'mislukt', attempts: 1, error: BAD_ADDRESS });
  });
});
