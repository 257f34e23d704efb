/**
 * A crash halfway through starting a step (here: MailApp failing on the second mail, or
 * FormApp failing on the third form) loses nothing and duplicates nothing: running the same
 * action again finishes the job with exactly one form and one invitation per partner.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { holdLockElsewhere } from '../../src/local/apps-script/lock';
import type { LocalAppsScript } from '../../src/local/harness';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { withLock } from '../../src/workflow/lock';
import { addPersons, ensureNamesList, syncNamesList } from '../../src/workflow/persons';
import { FORMS, NAMES, OUTBOX, PERSONS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase, PARTNERS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function freshCase(): CaseHandle {
  const fresh = freshLocalCase();
  local = fresh.local;
  return fresh.h;
}

describe('opnieuw starten na een onderbreking', () => {
  it('MailApp valt uit bij de tweede uitnodiging: de herhaling mailt alleen wie nog niets kreeg', () => {
    const h = freshCase();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, message: 'Service unavailable: Mail' });
    const first = startStep(h);
    expect(first.mail.sent).toBe(2);
    expect(first.mail.waiting).toBe(1);
    expect(readTable(h.ss, OUTBOX).map((r) => r.status)).toEqual(['verstuurd', 'wacht', 'verstuurd']);
    const again = startStep(openCase(openRegister(), h.row.code));
    expect(again.created).toEqual([]);
    expect(again.mail.sent).toBe(1);
    expect(local.rt.mailbox.map((m) => m.to[0]).sort()).toEqual(PARTNERS.map((p) => p.email).sort());
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
    expect(readTable(h.ss, OUTBOX).map((r) => r.status)).toEqual(['verstuurd', 'verstuurd', 'verstuurd']);
  });

  it('een ongeldig adres wordt niet steeds opnieuw geprobeerd', () => {
    const h = freshCase();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, times: 5, message: 'Invalid email: jan@' });
    startStep(h);
    startStep(openCase(openRegister(), h.row.code));
    const rows = readTable(h.ss, OUTBOX);
    expect(rows[0]!.status).toBe('mislukt');
    expect(rows[0]!.attempts).toBe(1);
  });

  it('FormApp valt uit bij het derde formulier: de herhaling maakt alleen het ontbrekende formulier', () => {
    const h = freshCase();
    local.rt.injectFault({ method: 'FormApp.create', nth: 3, message: 'Service Forms failed' });
    expect(() => startStep(h)).toThrow('Service Forms failed');
    expect(readTable(h.ss, FORMS)).toHaveLength(2);
    expect(local.rt.mailbox).toHaveLength(0);
    const again = startStep(openCase(openRegister(), h.row.code));
    expect(again.created).toEqual(['boa']);
    const forms = readTable(h.ss, FORMS);
    expect(forms.map((f) => f.formKey)).toEqual(['1#1#politie', '1#1#jongerenwerk', '1#1#boa']);
    expect(local.rt.mailbox.map((m) => m.to[0]).sort()).toEqual(PARTNERS.map((p) => p.email).sort());
    // A third run changes nothing.
    startStep(openCase(openRegister(), h.row.code));
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
    expect(local.rt.mailbox).toHaveLength(3);
  });
});

describe('één bewerking tegelijk', () => {
  it('§4.3 #21: een tweede bewerking terwijl een andere het slot heeft, krijgt een duidelijke melding en doet niets', () => {
    const h = freshCase();
    holdLockElsewhere(local.rt, 'script', local.rt.now() + 60_000);
    const before = local.rt.now();
    expect(() => withLock(() => startStep(h))).toThrow(/Er loopt al een andere bewerking/);
    expect(local.rt.now() - before).toBeGreaterThanOrEqual(10_000);
    expect(readTable(h.ss, FORMS)).toHaveLength(0);
    // Once the other execution is done, the same action goes through.
    local.rt.advance(60_000);
    expect(withLock(() => startStep(h)).created).toHaveLength(3);
  });

  it('§4.3 #29: de dispatcher slaat een casus over als het slot bezet is en pakt hem de volgende keer op', () => {
    const h = freshCase();
    startStep(h);
    holdLockElsewhere(local.rt, 'script', local.rt.now() + 60_000);
    const report = dispatchAll(openRegister());
    expect(report.deferred).toEqual([h.row.code]);
    local.rt.advance(60_000);
    expect(dispatchAll(openRegister()).refreshed.map((r) => r.code)).toEqual([h.row.code]);
  });
});

describe('de namenlijst', () => {
  it('kan pas bestaan na het besluit "problematisch" in 2A', () => {
    const h = freshCase();
    expect(() => addPersons(h, [{ naam: 'Fictief Persoon' }])).toThrow(/pas na het besluit in stap 2A/);
    expect(() => ensureNamesList(h)).toThrow(UserError);
  });

  it('geeft namen zonder code een code, ook als het bijwerken halverwege stopte, en nooit twee codes per naam', () => {
    const h = freshCase();
    const decide = (step: '1' | '2A', outcome: string) =>
      recordDecision(
        openCase(openRegister(), h.row.code),
        {
          step,
          round: 1,
          outcome,
          motivation: 'Besproken.',
          decidedBy: 'partneroverleg',
          date: '2026-01-12',
        },
        'regie@testdorp.example',
      );
    decide('1', 'verder_verkennen');
    decide('2A', 'problematisch');
    const hh = openCase(openRegister(), h.row.code);
    const { id, created } = ensureNamesList(hh);
    expect(created).toBe(true);
    // The namenlijst is not in the shared case folder.
    expect(local.rt.getEntry(id).parentIds).not.toContain(hh.row.folderId);
    const names = SpreadsheetApp.openById(id);
    names.getSheetByName('Namenlijst')!.appendRow(['', "'Fictief Een", "'2010", '', '']);
    names.getSheetByName('Namenlijst')!.appendRow(['', "'Fictief Twee", "'2011", '', '']);
    // The run stops right after writing the codes into the namenlijst.
    local.rt.injectFault({ method: 'Range.setValues', nth: 2, message: 'Exceeded maximum execution time' });
    expect(() => syncNamesList(hh)).toThrow('Exceeded maximum execution time');
    local.rt.clearFaults();
    const again = syncNamesList(openCase(openRegister(), h.row.code));
    expect(again.added).toEqual([]);
    const codes = readTable(hh.ss, PERSONS).map((r) => String(r.code));
    const list = readTable(names, NAMES).map((r) => String(r.Code));
    expect(codes).toEqual(list);
    expect(new Set(codes).size).toBe(2);
  });
});
