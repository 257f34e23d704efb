/** Nothing is lost at the gate, no name becomes a code, no supplementary form or resend goes missing. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { ADVICE_SHEET } from '../../src/model/adviceSheet';
import { HOLDS_NAME } from '../../src/model/names';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { isoDate } from '../../src/model/time';
import { readAdviceTab, requireAdvice, writeAdviceTab } from '../../src/workflow/advice';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { resendFailed } from '../../src/workflow/outbox';
import { addPersons, ensureNamesList, syncNamesList } from '../../src/workflow/persons';
import { readPlanTab } from '../../src/workflow/planTab';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, DECISIONS, FORMS, LOG, NAMES, OUTBOX } from '../../src/workflow/records';
import { setCaseNamesId } from '../../src/workflow/registerTabs';
import { askAboutNewPersons, startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { closeAt2B, decideGate, fillRequired, freshLocalCase, PERSONS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());
const HOUR = 3_600_000;

function fresh(): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const decide = (h: CaseHandle, step: '1' | '2A' | '2B', outcome: string) =>
  decideGate(local, h, step, outcome);

describe('de poort', () => {
  it('wacht met het besluit als een formulier nu niet te lezen is, en verliest daarna geen antwoord', () => {
    const h = fresh();
    startStep(h);
    const form = readTable(h.ss, FORMS).find((f) => f.formKey === '1#1#politie')!;
    fillRequired(local.rt, String(form.formId), 'vlak voor het overleg');
    local.rt.advance(HOUR);
    // The forms close, but reading them once more fails (through the handle that closed them).
    local.rt.injectFault({
      method: 'Form.getResponses',
      nth: 1,
      times: 50,
      message: 'Service unavailable: Forms',
    });
    expect(() => decide(h, '1', 'verder_verkennen')).toThrow(UserError);
    expect(readTable(h.ss, DECISIONS)).toHaveLength(0);
    local.rt.clearFaults();
    decide(h, '1', 'verder_verkennen');
    expect(readTable(h.ss, DECISIONS)).toHaveLength(1);
    expect(readTable(h.ss, ANSWERS).some((r) => r.value === 'vlak voor het overleg')).toBe(true);
    expect(
      readTable(h.ss, FORMS)
        .filter((f) => f.step === '1')
        .every((f) => f.status === 'gesloten'),
    ).toBe(true);
  });

  it('een gesloten formulier blijft gesloten, ook na een leesfout', () => {
    const h = fresh();
    startStep(h);
    decide(h, '1', 'verder_verkennen');
    local.rt.injectFault({
      method: 'FormApp.openById',
      nth: 1,
      times: 3,
      message: 'No item with the given ID could be found, or you do not have permission to access it.',
    });
    reconcileCase(reopen(h), { includeClosed: true });
    local.rt.clearFaults();
    reconcileCase(reopen(h), { includeClosed: true });
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['gesloten', 'gesloten', 'gesloten']);
  });
});

describe('de namenlijst', () => {
  function toStep2B(): CaseHandle {
    const h = fresh();
    decide(h, '1', 'verder_verkennen');
    decide(h, '2A', 'problematisch');
    return reopen(h);
  }

  it('weigert iets in de kolom Code wat geen persoonscode is, zonder het te herhalen', () => {
    const h = toStep2B();
    const { id } = ensureNamesList(h);
    SpreadsheetApp.openById(id)
      .getSheetByName(NAMES.name)!
      .appendRow(["'Jan Fictief", "'Jan Fictief", '', '']);
    let message = '';
    try {
      syncNamesList(reopen(h));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('rij 2');
    expect(message).not.toContain('Jan');
  });

  it('§4.3 #10: weigert dubbele, codeachtige en verborgen namen per cel, zonder ze te herhalen en zonder codes uit te delen', () => {
    const h = toStep2B();
    const { id } = ensureNamesList(h);
    const tab = SpreadsheetApp.openById(id).getSheetByName(NAMES.name)!;
    for (const naam of ['Ilse Fictief', 'ILSE  fictief', 'P-7F3K', 'Bram\u200B Fictief', 'Kees Fictief'])
      tab.appendRow(['', `'${naam}`, '', '']);
    tab.getRange(6, 3).setValue('1950');
    let message = '';
    try {
      syncNamesList(reopen(h));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(
      message
        .split('\n')
        .slice(1)
        .map((l) => l.split(':')[0]),
    ).toEqual(['Namenlijst!B3', 'Namenlijst!B4', 'Namenlijst!B5', 'Namenlijst!C6']);
    expect(message).not.toMatch(/ilse|bram|kees|fictief/i);
    expect(readTable(SpreadsheetApp.openById(id), NAMES).every((r) => r.Code === '')).toBe(true);
  });

  it('verwijdert de namenlijst bij 2B niet bevestigd, en de dispatcher maakt een onderbroken verwijdering af', () => {
    const h = toStep2B();
    addPersons(h, [{ naam: 'Ilse Fictief' }]);
    const namesId = reopen(h).row.namesId;
    expect(namesId).not.toBe('');
    const notes: string[] = [];
    const after = closeAt2B(local, h, notes);
    expect(after.status).toBe('gesloten');
    expect(DriveApp.getFileById(namesId).isTrashed()).toBe(true);
    expect(reopen(h).row.namesId).toBe('');
    expect(notes).toContain('De namenlijst is verwijderd.');
    const log = readTable(h.ss, LOG).map((r) => `${r.event} ${r.detail}`);
    expect(log.some((l) => l.includes('namenlijst verwijderd'))).toBe(true);
    expect(log.join('\n')).not.toContain('Fictief');

    // A decision that stopped before the removal: the next dispatcher run removes the namenlijst.
    DriveApp.getFileById(namesId).setTrashed(false);
    setCaseNamesId(reopen(h), namesId);
    dispatchAll(openRegister());
    expect(DriveApp.getFileById(namesId).isTrashed()).toBe(true);
    expect(reopen(h).row.namesId).toBe('');
  });

  it('weigert een naam uit de namenlijst in een motivatie, het plan en het advies, met veld of cel en zonder de naam', () => {
    const h = toStep2B();
    addPersons(h, [{ naam: 'Ilse Fictief' }]);
    let message = '';
    try {
      recordDecision(
        reopen(h),
        {
          step: '2B',
          round: 1,
          outcome: 'bevestigd',
          motivation: 'Bevestigd, vooral door ILSE  fictief.',
          decidedBy: 'overleg',
          date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        },
        'regie@testdorp.example',
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Motivatie: bevat een naam uit de namenlijst');
    expect(message).not.toMatch(/ilse|fictief/i);
    expect(readTable(h.ss, DECISIONS).filter((d) => d.step === '2B')).toHaveLength(0);

    h.ss.getSheetByName(PLAN_SHEET)!.getRange(3, 3).setValue('Huisbezoek bij Ilse Fictief');
    const plan = readPlanTab(reopen(h), 1);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors).toEqual([`${PLAN_SHEET}!C3: ${HOLDS_NAME}`]);

    const advice = readAdviceTab(reopen(h));
    expect(advice.ok).toBe(false);
    writeAdviceTab(reopen(h), null);
    h.ss.getSheetByName(ADVICE_SHEET)!.getRange(2, 2).setValue('Gesprek met ilse fictief');
    let adviceMessage = '';
    try {
      requireAdvice(reopen(h));
    } catch (e) {
      adviceMessage = (e as Error).message;
    }
    expect(adviceMessage).toContain(`${ADVICE_SHEET}!B2: ${HOLDS_NAME}`);
    expect(adviceMessage).not.toMatch(/ilse|fictief/i);
  });

  it('een label dat een naam uit de namenlijst noemt, wordt gemeld zonder de naam te herhalen', () => {
    const h = toStep2B();
    addPersons(h, PERSONS.slice(0, 1));
    expect(syncNamesList(reopen(h)).warnings).toEqual([]);
    const cases = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Casussen')!;
    const col =
      (cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[]).indexOf('Label') + 1;
    cases.getRange(2, col).setValue("'Groep rond aardbei");
    const { warnings } = syncNamesList(reopen(h));
    expect(warnings).toEqual([
      `Het label van casus ${h.row.code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
    ]);
    expect(warnings.join()).not.toMatch(/aardbei/i);
  });

  it('een aanvullend formulier dat zonder uitnodiging bleef, krijgt die bij de volgende keer', () => {
    const h = toStep2B();
    addPersons(h, PERSONS.slice(0, 1));
    startStep(reopen(h));
    addPersons(reopen(h), PERSONS.slice(1));
    // The run stops right after registering the supplementary form (writes: its template, the
    // form registry, then the outbox).
    local.rt.injectFault({ method: 'Range.setValues', nth: 3, message: 'Exceeded maximum execution time' });
    expect(() => askAboutNewPersons(reopen(h))).toThrow();
    local.rt.clearFaults();
    expect(readTable(h.ss, FORMS).some((f) => String(f.formKey).endsWith('#2'))).toBe(true);
    const before = local.rt.mailbox.length;
    askAboutNewPersons(reopen(h));
    const invites = local.rt.mailbox.slice(before).filter((m) => m.subject.startsWith('Uitvraag'));
    expect(invites).toHaveLength(1);
    expect(readTable(h.ss, OUTBOX).filter((r) => String(r.key).endsWith('#2'))).toHaveLength(1);
  });
});

describe('opnieuw versturen', () => {
  it('een onderbroken herverzending verliest geen mail en stuurt hem niet twee keer', () => {
    const h = fresh();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, message: 'Invalid email: x' });
    startStep(h);
    local.rt.clearFaults();
    // Stops after the new row was queued, before the old one was marked.
    local.rt.injectFault({ method: 'Range.setValues', nth: 2, message: 'Exceeded maximum execution time' });
    expect(() => resendFailed(reopen(h))).toThrow();
    local.rt.clearFaults();
    const before = local.rt.mailbox.length;
    resendFailed(reopen(h));
    expect(local.rt.mailbox.length - before).toBe(1);
    resendFailed(reopen(h));
    expect(local.rt.mailbox.length - before).toBe(1);
  });
});
