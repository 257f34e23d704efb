/** The actions the menu and the dashboard share: what they do, and what a repeat says. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { runCaseAction } from '../../src/workflow/caseActions';
import { openRegister, UserError } from '../../src/workflow/context';
import { FORMS, OUTBOX } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function fresh() {
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}

describe('acties op een casus', () => {
  it('een stap twee keer starten zegt dat hij al loopt, sinds wanneer en hoeveel partners antwoordden', () => {
    const h = fresh();
    const first = runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(first.message).toContain(
      'Stap 1 (ronde 1): 3 van 3 formulieren gemaakt, 3 uitnodiging(en) verstuurd',
    );
    expect(first.message).toContain('deadline 26-01-2026');
    const mails = local.rt.mailbox.length;
    fillRequired(local.rt, String(readTable(h.ss, FORMS)[0]!.formId));
    runCaseAction(openRegister(), h.row.code, 'refresh');
    local.rt.advance(24 * 3_600_000);
    // Typed in lower case: the same case.
    // Typed in lower case: the same case.
    const again = runCaseAction(openRegister(), h.row.code.toLowerCase(), 'startStep');
    expect(again.message).toBe(
      'Stap 1 loopt al sinds 12-01-2026; 1 van 3 partners heeft geantwoord. Er is niets opnieuw verstuurd.',
    );
    expect(local.rt.mailbox.length).toBe(mails);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
  });

  it('herinnert partners over de deadline één keer per dag, en niet wie antwoordde', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toBe(
      'Er zijn geen partners over de deadline zonder antwoord; er is geen herinnering verstuurd.',
    );
    fillRequired(local.rt, String(readTable(h.ss, FORMS).find((f) => f.partnerId === 'politie')!.formId));
    // Deadline 26 January; on the 28th two partners are late. Politie answered but nobody read it yet.
    local.rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
    const before = local.rt.mailbox.length;
    const r = runCaseAction(openRegister(), h.row.code, 'remind');
    expect(r.message).toBe('2 herinnering(en) aan partners over de deadline: 2 verstuurd.');
    const sent = local.rt.mailbox.slice(before);
    expect(sent.map((m) => m.to[0]).sort()).toEqual(
      ['handhaving@testdorp.example', 'team@jongerenwerk.example'].sort(),
    );
    expect(sent[0]!.body).toContain('(verstreken)');
    expect(sent[0]!.subject).not.toMatch(/Testpersoon/);
    // The same day again: nobody twice.
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toBe(
      '2 partner(s) kregen vandaag al een herinnering na de deadline; morgen kan het opnieuw.',
    );
    expect(local.rt.mailbox.length).toBe(before + 2);
    // The next day it may go again.
    local.rt.setNow(Date.UTC(2026, 0, 29, 9, 0));
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toContain('2 verstuurd');
    const keys = readTable(h.ss, OUTBOX).map((m) => m.key);
    expect(keys).toContain('herinnering:1#1#boa:na-deadline:2026-01-28');
    expect(keys).toContain('herinnering:1#1#boa:na-deadline:2026-01-29');
  });

  it('weigert een onbekende casus met een Nederlandse melding', () => {
    fresh();
    expect(() => runCaseAction(openRegister(), 'JGA-2099-999', 'refresh')).toThrow(UserError);
    expect(() => runCaseAction(openRegister(), 'JGA-2099-999', 'refresh')).toThrow(/bestaat niet/);
  });

  it('mislukte mails: opnieuw versturen, en daarna zegt het dat er niets meer is', () => {
    const h = fresh();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, message: 'Invalid email: team@x' });
    runCaseAction(openRegister(), h.row.code, 'startStep');
    local.rt.clearFaults();
    expect(readTable(h.ss, OUTBOX).filter((m) => m.status === 'mislukt')).toHaveLength(1);
    // The coordinator corrected the address (here: it was a passing fault) and sends again.
    const r = runCaseAction(openRegister(), h.row.code, 'resendMail');
    expect(r.message).toBe('1 mail(s) opnieuw in de wachtrij gezet; 1 verstuurd.');
    expect(runCaseAction(openRegister(), h.row.code, 'resendMail').message).toBe(
      'Er zijn geen mislukte of onzekere mails.',
    );
  });
});
