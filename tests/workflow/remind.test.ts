/**
 * Reminders (workflow/remind.ts): before the deadline during office hours only, never on the
 * invitation day, escalation after it logged once; and the coordinator's "Herinnering sturen" for
 * forms past their deadline. Step 1 of the fictional case starts Monday 12 January 2026; its
 * deadline is Monday 26 January and the early reminder is due from Thursday 22 January.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { stepName } from '../../src/model/steps';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { logEvents } from '../../src/workflow/log';
import { reconcileCase } from '../../src/workflow/reconcile';
import { FORMS, type FormRow, LOG, OUTBOX } from '../../src/workflow/records';
import { queueReminders, remindLate } from '../../src/workflow/remind';
import { startStep } from '../../src/workflow/startStep';
import { readTable, updateRow } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

/** Amsterdam is UTC+1 in January and UTC+2 in May. */
const at = (y: number, m: number, d: number, hour: number, minute = 0, offset = 1) =>
  Date.UTC(y, m - 1, d, hour - offset, minute);

function started(): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  startStep(f.h);
  return openCase(openRegister(), f.h.row.code);
}
const forms = (h: CaseHandle) => readTable(h.ss, FORMS);
const reminderKeys = (h: CaseHandle) =>
  readTable(h.ss, OUTBOX)
    .filter((r) => r.kind === 'herinnering')
    .map((r) => String(r.key))
    .sort();

describe('herinneringen vóór de deadline', () => {
  it('alleen in kantoortijd: van 8:00 tot 18:00, niet om 7:59 en niet om 18:00', () => {
    const h = started();
    // Each call against an empty outbox, so that every call may queue again.
    const count = (hour: number, minute: number) => {
      local.rt.setNow(at(2026, 1, 22, hour, minute));
      return queueReminders(h, { outbox: [] }).queued;
    };
    const open = forms(h).length;
    expect(count(7, 59)).toBe(0);
    expect(count(8, 0)).toBe(open);
    expect(count(17, 59)).toBe(open);
    expect(count(18, 0)).toBe(0);
  });

  it('vooraf en op de dag zelf, elk één keer, met de herinneringstekst en de stap', () => {
    const h = started();
    const keys = forms(h).map((f) => f.formKey);
    local.rt.setNow(at(2026, 1, 22, 10));
    queueReminders(h);
    queueReminders(h);
    local.rt.setNow(at(2026, 1, 26, 10));
    queueReminders(h);
    expect(reminderKeys(h)).toEqual(
      keys.flatMap((k) => [`herinnering:${k}:deadline`, `herinnering:${k}:vooraf`]).sort(),
    );
    const mail = readTable(h.ss, OUTBOX).find((r) => r.kind === 'herinnering')!;
    expect(mail.subject).toContain('Herinnering');
    expect(mail.subject).toContain(`1 (${stepName('1', h.reg.settings.naming)})`);
  });

  it('nooit op de dag van de uitnodiging, ook niet als die al binnen de herinneringstermijn valt', () => {
    const h = started();
    h.reg.settings.reminderWorkdaysBefore = 20;
    local.rt.setNow(at(2026, 1, 12, 15));
    expect(queueReminders(h).queued).toBe(0);
    local.rt.setNow(at(2026, 1, 13, 10));
    expect(queueReminders(h).queued).toBe(forms(h).length);
  });

  it('telt Bevrijdingsdag mee als de gemeente die elk jaar vrij heeft', () => {
    // Deadline Wednesday 6 May 2026, two working days before: Monday 4 May, or Friday 1 May
    // when 5 May is a day off (2026 is no lustrum year).
    const h = started();
    const row = { ...forms(h)[0]!, deadline: '2026-05-06' } as FormRow;
    local.rt.setNow(at(2026, 5, 1, 10, 0, 2));
    h.reg.settings.reminderWorkdaysBefore = 2;
    h.reg.settings.bevrijdingsdagEveryYear = false;
    expect(queueReminders(h, { forms: [row], outbox: [] }).queued).toBe(0);
    h.reg.settings.bevrijdingsdagEveryYear = true;
    expect(queueReminders(h, { forms: [row], outbox: [] }).queued).toBe(1);
  });

  it('slaat gesloten formulieren en partners die niet meer in het register staan over', () => {
    const h = started();
    const [a, b, c] = forms(h) as [FormRow, FormRow, FormRow];
    const rows = [{ ...a, status: 'gesloten' }, { ...b, partnerId: 'vertrokken' }, c] as FormRow[];
    local.rt.setNow(at(2026, 1, 22, 10));
    expect(queueReminders(h, { forms: rows, outbox: [] }).queued).toBe(1);
    local.rt.setNow(at(2026, 1, 27, 10));
    // Past the deadline only the open form of a known partner escalates.
    expect(queueReminders(h, { forms: rows, outbox: [] }).escalations).toEqual([c.formKey]);
  });
});

describe('na de deadline: escalatie', () => {
  it('één regel per formulier in het Logboek, één keer; een andere regel over hetzelfde formulier telt niet', () => {
    const h = started();
    const keys = forms(h).map((f) => f.formKey);
    logEvents(h.ss, [['iets anders', keys[0]!]]);
    local.rt.setNow(at(2026, 1, 27, 10));
    const first = queueReminders(h);
    expect(first).toMatchObject({ queued: 0, escalations: keys, newEscalations: keys.length });
    expect(queueReminders(h).newEscalations).toBe(0);
    const lines = readTable(h.ss, LOG).filter((l) => l.event === 'escalatie');
    expect(lines.map((l) => l.detail)).toEqual(keys);
  });
});

describe('Herinnering sturen (na de deadline, op verzoek)', () => {
  it('alleen open formulieren zonder antwoord van een bekende partner, pas na de deadlinedag; één keer per dag', () => {
    const h = started();
    const [politie, second, third] = forms(h) as [FormRow, FormRow, FormRow];
    fillRequired(local.rt, String(politie.formId));
    reconcileCase(h);
    // An answer counts even while the form's row still says open (a run that has not caught up).
    updateRow(h.ss, FORMS, 0, { ...forms(h)[0]!, status: 'open' });
    updateRow(h.ss, FORMS, 1, { ...second, status: 'gesloten' });
    local.rt.setNow(at(2026, 1, 26, 10));
    expect(remindLate(h).queued).toEqual([]);
    local.rt.setNow(at(2026, 1, 27, 10));
    const now = remindLate(h);
    expect(now.queued).toEqual([third.formKey]);
    expect(now.already).toEqual([]);
    const again = remindLate(h);
    expect(again).toMatchObject({ queued: [], already: [third.formKey] });
    const log = readTable(h.ss, LOG).filter((l) => l.event === 'herinnering na deadline');
    expect(log.map((l) => l.detail)).toEqual(['1 formulier(en)']);
    const mail = readTable(h.ss, OUTBOX).find((r) => String(r.key).includes(':na-deadline:'))!;
    expect(mail.subject).toContain(`1 (${stepName('1', h.reg.settings.naming)})`);
    expect(mail.subject).toContain('verstreken');
  });

  it('slaat een formulier over van een partner die niet meer in het register staat', () => {
    const h = started();
    const rows = forms(h);
    updateRow(h.ss, FORMS, 0, { ...rows[0]!, partnerId: 'vertrokken' });
    local.rt.setNow(at(2026, 1, 27, 10));
    expect(remindLate(h).queued).toEqual(rows.slice(1).map((f) => f.formKey));
  });
});
