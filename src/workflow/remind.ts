/**
 * Reminders go only to partners that have not answered: one N werkdagen before the deadline
 * and one on the deadline day. After the deadline there is no more mail; the coordinator
 * sees an escalation in the Overzicht and one line in the Logboek.
 */

import { stepName } from '../model/steps';
import { dutchDate, isoDate, isoDateTime } from '../model/time';
import { addWorkdays } from '../model/workdays';
import { mailText } from '../render/mailText';
import { nowMs } from '../workspace/clock';
import { readTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { logEvents } from './log';
import type { FlushResult, Known, MailJob } from './outbox';
import { enqueue, flushOutbox } from './outbox';
import { ANSWERS, FORMS, LOG, OUTBOX } from './records';

/** Local hours in which reminders are queued: from 8:00 until 18:00. */
export const REMINDER_HOURS = { from: 8, to: 18 } as const;

export interface RemindResult {
  queued: number;
  escalations: string[];
  /** Escalations logged for the first time in this run. */
  newEscalations: number;
}

/**
 * Queues the reminders that are due. `known` holds tables the caller already read in this run
 * (the outbox array gets the queued rows); the Logboek is read only when there is an escalation.
 */
export function queueReminders(h: CaseHandle, known: Known = {}): RemindResult {
  const settings = h.reg.settings;
  const opts = { bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear };
  const now = nowMs();
  const today = isoDate(now, 'Europe/Amsterdam');
  // Reminders only go out during office hours, not from the first run after midnight.
  const hour = Number(isoDateTime(now, 'Europe/Amsterdam').slice(11, 13));
  const officeHours = hour >= REMINDER_HOURS.from && hour < REMINDER_HOURS.to;
  const outbox = known.outbox ?? readTable(h.ss, OUTBOX);
  const jobs: MailJob[] = [];
  const escalations: string[] = [];
  for (const f of known.forms ?? readTable(h.ss, FORMS)) {
    if (f.status !== 'open') continue;
    const deadline = f.deadline;
    const partner = h.reg.partners.find((p) => p.id === f.partnerId);
    if (!partner) continue;
    const early = addWorkdays(deadline, -settings.reminderWorkdaysBefore, opts);
    const kinds: string[] = [];
    // Never a reminder on the day the invitation went out (a short deadline would otherwise
    // send one right after it).
    const invited = isoDate(f.createdAt, 'Europe/Amsterdam');
    if (today > deadline) escalations.push(f.formKey);
    else if (!officeHours || today === invited) continue;
    else if (today === deadline) kinds.push('deadline');
    else if (today >= early) kinds.push('vooraf');
    for (const kind of kinds) {
      const text = mailText(settings, 'reminder', {
        casus: h.row.code,
        stap: `${f.step} (${stepName(f.step, settings.naming)})`,
        deadline: dutchDate(deadline),
        link: f.publishedUrl,
        organisatie: partner.organisation,
        gemeente: settings.gemeente,
      });
      jobs.push({
        key: `herinnering:${f.formKey}:${kind}`,
        formKey: f.formKey,
        kind: 'herinnering',
        to: partner.email,
        ...text,
      });
    }
  }
  const queued = enqueue(h.ss, jobs, outbox);
  if (escalations.length === 0) return { queued, escalations, newEscalations: 0 };
  const logged = new Set(
    readTable(h.ss, LOG)
      .filter((l) => l.event === 'escalatie')
      .map((l) => l.detail),
  );
  const fresh = escalations.filter((k) => !logged.has(k));
  if (fresh.length)
    logEvents(
      h.ss,
      fresh.map((k) => ['escalatie', k] as [string, string]),
    );
  return { queued, escalations, newEscalations: fresh.length };
}

/**
 * On the coordinator's request (the dashboard's "Herinnering sturen"): one reminder to every
 * partner whose form is past its deadline without an answer. At most one per form per day (the
 * date is in the mail's key), so a second click the same day mails nobody twice. Returns the
 * form keys reminded now and those already reminded today.
 */
export function remindLate(h: CaseHandle): { queued: string[]; already: string[]; mail: FlushResult } {
  const settings = h.reg.settings;
  const today = isoDate(nowMs(), 'Europe/Amsterdam');
  const outbox = readTable(h.ss, OUTBOX);
  const answered = new Set(readTable(h.ss, ANSWERS).map((a) => a.formKey));
  const jobs: MailJob[] = [];
  for (const f of readTable(h.ss, FORMS)) {
    if (f.status !== 'open' || today <= f.deadline || answered.has(f.formKey)) continue;
    const partner = h.reg.partners.find((p) => p.id === f.partnerId);
    if (!partner) continue;
    const text = mailText(settings, 'reminder', {
      casus: h.row.code,
      stap: `${f.step} (${stepName(f.step, settings.naming)})`,
      deadline: `${dutchDate(f.deadline)} (verstreken)`,
      link: f.publishedUrl,
      organisatie: partner.organisation,
      gemeente: settings.gemeente,
    });
    jobs.push({
      key: `herinnering:${f.formKey}:na-deadline:${today}`,
      formKey: f.formKey,
      kind: 'herinnering',
      to: partner.email,
      ...text,
    });
  }
  const known = new Set(outbox.map((r) => r.key));
  const already = jobs.filter((j) => known.has(j.key)).map((j) => j.formKey);
  const queued = jobs.filter((j) => !known.has(j.key)).map((j) => j.formKey);
  enqueue(h.ss, jobs, outbox);
  if (queued.length) logEvents(h.ss, [['herinnering na deadline', `${queued.length} formulier(en)`]]);
  return { queued, already, mail: flushOutbox(h, { outbox }) };
}
