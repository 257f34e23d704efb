/**
 * The coordinator's daily digest: at most one mail per working day (model/workdays), sent by
 * the first dispatcher run within office hours (REMINDER_HOURS, Europe/Amsterdam) that finds
 * something new since the previous digest (workflow/digestFacts: late partners, a decision
 * due, failed mails, quarantine, retention deadlines). The mail is a row of the register's own
 * outbox (workflow/outbox: idempotent per key `dagoverzicht:<day>#<n>`, quota-aware), so a
 * repeated run never mails twice. Turned off with the setting "Dagoverzicht mailen".
 *
 * Cost: outside the window a run pays nothing extra; inside it, until the day's digest is
 * sent, one script-property read, and the facts of open cases come from tables the
 * dispatcher already read for each case (no call per case). Only when there is something to
 * report does the digest read the register's `_dagoverzicht` and outbox tabs.
 */
import { emailList } from '../model/audiences';
import { isoDate, isoDateTime } from '../model/time';
import type { Settings } from '../model/types';
import { isWorkday } from '../model/workdays';
import { digestMail } from '../render/digestText';
import { textHash } from '../render/tableHash';
import { nowMs } from '../workspace/clock';
import { getScriptProperty, setScriptProperty } from '../workspace/props';
import { appendRows, readTable, updateRow } from '../workspace/tables';
import type { Register } from './context';
import type { CaseFacts } from './digestFacts';
import { digestItems, labelOf, retentionFacts } from './digestFacts';
import type { DispatchReport } from './dispatcher';
import { DISPATCH_BUDGET_MS, dispatchAll } from './dispatcher';
import type { FlushResult, MailJob } from './outbox';
import { enqueue, flushOutbox } from './outbox';
import { DIGESTS, OUTBOX } from './records';
import { REMINDER_HOURS } from './remind';

/** Script property: the day (ISO) whose digest was sent; a marker, no content. */
export const DIGEST_SENT_KEY = 'DIGEST_SENT_DAY';

/** Whether `now` is in the digest window of a working day (pure). */
export function inDigestWindow(now: number, settings: Settings): string | null {
  if (settings.digest === false) return null;
  const today = isoDate(now, 'Europe/Amsterdam');
  const hour = Number(isoDateTime(now, 'Europe/Amsterdam').slice(11, 13));
  if (hour < REMINDER_HOURS.from || hour >= REMINDER_HOURS.to) return null;
  if (!isWorkday(today, { bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear })) return null;
  return today;
}

/** The day whose digest may still go in this run, or null (clock and settings first, then one property read). */
export function digestDue(settings: Settings): string | null {
  return digestState(settings)?.today ?? null;
}

/**
 * The day whose digest may still go, with what the property holds: the day itself once its
 * digest went; `<day>:<fingerprint>` when a run of that day found nothing new in facts with
 * that fingerprint (checkedMark), so a later run with the same facts need not look again.
 */
function digestState(settings: Settings): { today: string; mark: string | null } | null {
  const today = inDigestWindow(nowMs(), settings);
  if (today === null) return null;
  const mark = getScriptProperty(DIGEST_SENT_KEY);
  return mark === today ? null : { today, mark };
}

/** The mark of a run that found nothing (new) to send in these facts: only the day and a fingerprint. */
function checkedMark(today: string, items: DigestItems): string {
  return `${today}:${textHash(JSON.stringify(items.map((k) => k.keys)))}`;
}

type DigestItems = ReturnType<typeof digestItems>;

/** What today's digest would hold, from the facts of this run (pure). */
function itemsOf(reg: Register, today: string, report: DispatchReport): DigestItems {
  const facts = report.refreshed.map((r) => r.facts).filter((f): f is CaseFacts => f !== undefined);
  const reached = new Set(facts.map((f) => f.code));
  const open = report.cases.filter((c) => c.status === 'open');
  const notReached = open
    .filter((c) => !reached.has(c.code))
    .map((c) => ({ code: c.code, label: labelOf(c) }));
  // Sharing taken back outside an open case's own check (the product's folders, closed cases).
  const labels = new Map(report.cases.map((c) => [c.code, labelOf(c)] as const));
  return digestItems(
    facts,
    retentionFacts(report.cases, reg.settings, today),
    notReached,
    report.sharing.filter((d) => !reached.has(d.code)),
    labels,
  );
}

/** Who gets the digest: the setting "E-mail dagoverzicht", else the coordinator. */
export function digestRecipients(settings: Settings): string[] {
  const list = emailList(settings.digestEmails);
  return list.length ? list : [settings.coordinatorEmail];
}

export type DigestResult =
  | { sent: false; reason: 'niets' | 'niets nieuw' }
  | { sent: boolean; reason: 'verstuurd' | 'wacht'; items: number; fresh: number; mail: FlushResult };

const DIGEST_PREFIX = 'dagoverzicht:';

/**
 * Sends today's digest from the facts of this run, or finishes sending it (a digest queued
 * earlier today that waited for the quota). Runs inside the script lock.
 */
export function sendDigest(reg: Register, today: string, report: DispatchReport): DigestResult {
  const host = { ss: reg.ss, reg };
  const items = itemsOf(reg, today, report);
  const outbox = readTable(reg.ss, OUTBOX);
  const todays = outbox.filter((r) => r.key.startsWith(`${DIGEST_PREFIX}${today}#`));
  let summary: { items: number; fresh: number } = { items: 0, fresh: 0 };
  // Nothing (new) to send: remembered with the facts' fingerprint, so the next run of today
  // with the same facts takes no lock for the digest (dispatchWithDigest).
  const nothing = (reason: 'niets' | 'niets nieuw'): DigestResult => {
    setScriptProperty(DIGEST_SENT_KEY, checkedMark(today, items));
    return { sent: false, reason };
  };
  if (todays.length === 0) {
    if (!items.some((k) => k.keys.length > 0)) return nothing('niets');
    const sent = readTable(reg.ss, DIGESTS);
    const previous = sent[sent.length - 1];
    // Keys are never empty: an empty line in the previous digest's keys matches nothing.
    const known = new Set(previous?.keys.split('\n'));
    const isNew = (key: string) => !known.has(key);
    const fresh = items.filter((k) => k.keys.some(isNew)).length;
    if (fresh === 0) return nothing('niets nieuw');
    const text = digestMail(items, isNew, today, reg.settings);
    const jobs: MailJob[] = digestRecipients(reg.settings).map((to, n) => ({
      key: `${DIGEST_PREFIX}${today}#${n + 1}`,
      formKey: '',
      kind: 'dagoverzicht',
      to,
      ...text,
    }));
    enqueue(reg.ss, jobs, outbox);
    appendRows(reg.ss, DIGESTS, [
      { day: today, sentAt: nowMs(), keys: items.flatMap((k) => k.keys).join('\n') },
    ]);
    summary = { items: items.length, fresh };
  }
  // A digest of an earlier day that still waits (quota) is stale: today's replaces it.
  outbox.forEach((r, i) => {
    if (r.kind === 'dagoverzicht' && r.status === 'wacht' && !r.key.startsWith(`${DIGEST_PREFIX}${today}#`)) {
      outbox[i] = { ...r, status: 'vervallen', error: 'Vervangen door een nieuwer dagoverzicht.' };
      updateRow(reg.ss, OUTBOX, i, outbox[i]);
    }
  });
  // Partners' mails go first: while one of them waits for the quota, so does the digest.
  const partnersWait = report.refreshed.some((r) => r.mail.waiting > 0);
  const mail = partnersWait
    ? { sent: 0, waiting: 1, failed: 0, uncertain: 0 }
    : flushOutbox(host, { outbox });
  const waiting = outbox.some((r) => r.key.startsWith(`${DIGEST_PREFIX}${today}#`) && r.status === 'wacht');
  // Sent: the day. Waiting for the quota: no fingerprint, so the next run looks again.
  setScriptProperty(DIGEST_SENT_KEY, waiting ? `${today}:wacht` : today);
  return { sent: mail.sent > 0, reason: waiting ? 'wacht' : 'verstuurd', ...summary, mail };
}

/**
 * The dispatcher's run with the digest: every open case is refreshed (collecting the digest's
 * facts only when a digest may go today), then the digest is sent when due.
 */
export function dispatchWithDigest(
  reg: Register,
  budgetMs = DISPATCH_BUDGET_MS,
): DispatchReport & { digest: DigestResult | null } {
  const due = digestState(reg.settings);
  if (due === null) return { ...dispatchAll(reg, budgetMs, { facts: false }), digest: null };
  const { today, mark } = due;
  // The digest goes in the run's last lock, with the Casussen view (dispatcher.ts RunEnd);
  // not at all when an earlier run of today found nothing new in the same facts.
  const { end, ...report } = dispatchAll(
    reg,
    budgetMs,
    { facts: true },
    {
      tables: [OUTBOX, DIGESTS],
      wanted: (r) => mark !== checkedMark(today, itemsOf(reg, today, r)),
      run: (r) => sendDigest(reg, today, r),
    },
  );
  if (end === null) {
    // As the earlier run of today found: nothing at all, or nothing new.
    const any = itemsOf(reg, today, report).some((k) => k.keys.length > 0);
    return { ...report, digest: { sent: false, reason: any ? 'niets nieuw' : 'niets' } };
  }
  return { ...report, digest: end.ok ? end.value : null };
}
