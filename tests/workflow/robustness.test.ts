/** What a coordinator runs into in practice: wrong addresses, late runs, passing errors, crashes. */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import type { LocalAppsScript } from '../../src/local/harness';
import { isoDate } from '../../src/model/time';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { flushOutbox, resendFailed } from '../../src/workflow/outbox';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, OUTBOX } from '../../src/workflow/records';
import { queueReminders } from '../../src/workflow/remind';
import { startIncomplete, startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function fresh() {
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}
const reopen = (code: string) => openCase(openRegister(), code);
const HOUR = 3_600_000;

describe('mail', () => {
  it('een fout adres: de mail staat als mislukt in Formulieren en gaat na correctie opnieuw naar het nieuwe adres', () => {
    const h = fresh();
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 3,
      message: 'Invalid email: handhaving@testdorp',
    });
    startStep(h);
    rebuildViews(h);
    const tab = snapshotSpreadsheet(local.rt, h.row.spreadsheetId).sheets.find(
      (s) => s.name === 'Formulieren',
    )!;
    expect(JSON.stringify(tab.values)).toContain(
      'mislukt: ongeldig e-mailadres; verbeter het in de tab Partners',
    );
    // Google's message holds the address; it stays out of what the spreadsheet shows and logs.
    const shown = snapshotSpreadsheet(local.rt, h.row.spreadsheetId).sheets.filter((s) => !s.hidden);
    expect(JSON.stringify(shown.map((s) => s.values))).not.toContain('handhaving@testdorp');
    expect(JSON.stringify(readTable(h.ss, OUTBOX).map((r) => r.error))).not.toContain('handhaving@testdorp');
    // The coordinator corrects the address in the Partners tab.
    const partners = openRegister().ss.getSheetByName('Partners')!;
    const values = partners.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'boa') + 1;
    partners.getRange(row, 5).setValue("'toezicht@testdorp.example");
    const r = resendFailed(reopen(h.row.code));
    expect(r.requeued).toBe(1);
    expect(r.mail.sent).toBe(1);
    expect(local.rt.mailbox.at(-1)!.to).toEqual(['toezicht@testdorp.example']);
    const keys = readTable(h.ss, OUTBOX).map((x) => `${x.key}=${x.status}`);
    expect(keys).toContain('uitnodiging:1#1#boa=vervangen');
    expect(keys).toContain('uitnodiging:1#1#boa~2=verstuurd');
    // Nothing left to resend.
    expect(resendFailed(reopen(h.row.code)).requeued).toBe(0);
  });

  it('herinnert niet op de dag van de uitnodiging, niet buiten kantoortijd, en laat een herinnering vervallen als de partner intussen antwoordde', () => {
    const h = fresh();
    startStep(h);
    // Deadline 26 January; the early reminder is due from 22 January (two working days before).
    local.rt.setNow(Date.UTC(2026, 0, 22, 5, 30)); // 06:30 in Amsterdam
    expect(queueReminders(h).queued).toBe(0);
    local.rt.setNow(Date.UTC(2026, 0, 22, 9, 0)); // 10:00
    expect(queueReminders(h).queued).toBe(3);
    // The quota is gone before they are sent; in the meantime politie answers.
    local.rt.injectFault({ method: 'MailApp.getRemainingDailyQuota', nth: 1, message: 'x' });
    local.rt.clearFaults();
    const form = readTable(h.ss, FORMS).find((f) => f.formKey === '1#1#politie')!;
    fillRequired(local.rt, String(form.formId));
    reconcileCase(h);
    const r = flushOutbox(h);
    expect(r.sent).toBe(2);
    const rows = readTable(h.ss, OUTBOX).filter((x) => x.kind === 'herinnering');
    expect(rows.find((x) => String(x.key).includes('politie'))!.status).toBe('vervallen');
  });
});

describe('besluiten', () => {
  it('weigert een besluitdatum vóór de opening van de casus of in de toekomst', () => {
    const h = fresh();
    const d = (date: string) => ({
      step: '1' as const,
      round: 1,
      outcome: 'verder_verkennen',
      motivation: 'x',
      decidedBy: 'overleg',
      date,
    });
    expect(() => recordDecision(h, d('2025-12-31'), 'r@x.example')).toThrow('ligt vóór de opening van casus');
    expect(() => recordDecision(h, d('2062-01-20'), 'r@x.example')).toThrow('ligt in de toekomst');
    expect(recordDecision(h, d(isoDate(local.rt.now(), 'Europe/Amsterdam')), 'r@x.example').step).toBe('2A');
  });
});

describe('formulieren lezen', () => {
  it('§4.3 #27: een voorbijgaande fout bij het lezen verandert de status niet; een antwoord daarna wordt gewoon verwerkt', () => {
    const h = fresh();
    startStep(h);
    local.rt.injectFault({
      method: 'FormApp.openById',
      nth: 1,
      times: 3,
      message: 'Service unavailable: Forms',
    });
    const r = reconcileCase(h);
    expect(r.unreadable).toBe(3);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['open', 'open', 'open']);
    const form = readTable(h.ss, FORMS)[0]!;
    fillRequired(local.rt, String(form.formId));
    expect(reconcileCase(h).newResponses).toBe(1);
    expect(readTable(h.ss, FORMS)[0]!.status).toBe('beantwoord');
  });

  it('stopt de run na het opslaan van de antwoorden maar vóór de status, dan zet de volgende run de status alsnog goed', () => {
    const h = fresh();
    startStep(h);
    const form = readTable(h.ss, FORMS)[0]!;
    fillRequired(local.rt, String(form.formId));
    // Fail the registry rewrite (after the answers were appended).
    local.rt.injectFault({ method: 'Range.setValues', nth: 3, message: 'Exceeded maximum execution time' });
    expect(() => reconcileCase(h)).toThrow();
    local.rt.clearFaults();
    expect(readTable(h.ss, FORMS)).toHaveLength(3); // the registry was not wiped
    expect(readTable(h.ss, ANSWERS).length).toBeGreaterThan(0);
    reconcileCase(h);
    expect(readTable(h.ss, FORMS)[0]!.status).toBe('beantwoord');
  });
});

describe('een stap starten binnen de tijdslimiet', () => {
  it('stopt na het tijdsbudget en de dispatcher maakt de rest, met één uitnodiging per partner', () => {
    const h = fresh();
    const r = startStep(h, { budgetMs: 1 });
    expect(r.created.length).toBeGreaterThan(0);
    expect(r.remaining.length).toBeGreaterThan(0);
    expect(startIncomplete(h)).toBe(true);
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    expect(startIncomplete(reopen(h.row.code))).toBe(false);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
    const invites = local.rt.mailbox.filter((m) => m.subject.startsWith('Uitvraag'));
    expect(invites.map((m) => m.to[0]).sort()).toEqual([
      'handhaving@testdorp.example',
      'team@jongerenwerk.example',
      'wijkagent@politie.example',
    ]);
  });
});
