/**
 * The outbox: every mail is first a row with an idempotency key, then sent. A rerun never
 * mails twice: a key that exists is never queued again, and a row is marked `verzenden`
 * before MailApp is called and `verstuurd` after. A row still `verzenden` at the next run
 * means the run stopped in between: it is marked `onzeker` for the coordinator to check
 * instead of being sent again (at most once per key).
 */
import type { Settings } from '../model/types';
import { nowMs } from '../workspace/clock';
import {
  classifyMailError,
  errorMessage,
  isMailAddress,
  kindByWording,
  type ServiceErrorKind,
} from '../workspace/errors';
import { remainingQuota, sendMail } from '../workspace/mail';
import type { Book } from '../workspace/spreadsheets';
import { flushWrites } from '../workspace/spreadsheets';
import { appendRows, readTable, updateRow, updateRows } from '../workspace/tables';
import type { CaseHandle } from './context';
import { parseFormKey } from './formKey';
import { logEvents } from './log';
import type { FormRow, OutboxRow } from './records';
import { FORMS, OUTBOX } from './records';

export interface MailJob {
  key: string;
  formKey: string;
  kind: OutboxRow['kind'];
  to: string;
  subject: string;
  body: string;
}

/**
 * Queues mails whose key is new; returns how many were added. When the caller passes the
 * outbox rows it already read, the new rows are added to that array too, so it stays the
 * whole table in sheet order (and the outbox need not be read again in this run).
 */
export function enqueue(ss: Book, jobs: MailJob[], existing?: OutboxRow[]): number {
  const known = new Set((existing ?? readTable(ss, OUTBOX)).map((r) => r.key));
  const fresh = jobs.filter((j) => !known.has(j.key));
  const at = nowMs();
  const rows: OutboxRow[] = fresh.map((j) => ({
    ...j,
    status: 'wacht',
    createdAt: at,
    sentAt: 0,
    attempts: 0,
    error: '',
  }));
  appendRows(ss, OUTBOX, rows);
  existing?.push(...rows);
  return fresh.length;
}

export interface FlushResult {
  sent: number;
  waiting: number;
  failed: number;
  uncertain: number;
}

/** What is stored when the address fails the syntax check (no mail was attempted). */
export const BAD_ADDRESS = 'ongeldig e-mailadres; verbeter het in de tab Partners van het register';

/**
 * What is stored about a failure: Google's text can hold the partner's e-mail address
 * (`Invalid email: ...`, `Ongeldige e-mail: ...`), which does not belong in the case spreadsheet
 * or its log.
 */
export function failureReason(message: string): string {
  if (kindByWording(message) === 'invalid' && /@/.test(message)) return BAD_ADDRESS;
  return message.replace(/[^\s:;,<>"']+@[^\s:;,<>"']+/g, '[adres]');
}

/** A transient failure (service hiccup) is retried on later runs, at most this many times in all. */
export const MAX_ATTEMPTS = 3;

/** Tables a caller already read in this run (whole tables, in sheet order). */
export interface Known {
  outbox?: OutboxRow[];
  forms?: FormRow[];
}

/** Where an outbox lives: a case spreadsheet, or the register (the coordinator's digest). */
export interface OutboxHost {
  ss: Book;
  reg: { settings: Settings };
}

/** Sends what is waiting, as far as today's quota reaches. */
export function flushOutbox(h: OutboxHost, known: Known = {}): FlushResult {
  const rows = known.outbox ?? readTable(h.ss, OUTBOX);
  const result: FlushResult = { sent: 0, waiting: 0, failed: 0, uncertain: 0 };
  // Every change is kept in `rows`, so a caller's copy stays true, and written before the next
  // mail leaves. A mail's "verstuurd" waits for the next write: when that is the next row's
  // "verzenden" (the usual case: invitations are queued together), both go in one write.
  let held: { i: number; row: OutboxRow } | null = null;
  const writeHeld = () => {
    if (held) updateRow(h.ss, OUTBOX, held.i, held.row);
    held = null;
  };
  const update = (i: number, row: OutboxRow) => {
    rows[i] = row;
    if (held && held.i + 1 === i) {
      updateRows(h.ss, OUTBOX, held.i, [held.row, row]);
      held = null;
      return;
    }
    writeHeld();
    updateRow(h.ss, OUTBOX, i, row);
  };
  const updateLater = (i: number, row: OutboxRow) => {
    rows[i] = row;
    writeHeld();
    held = { i, row };
  };
  const events: [string, string][] = [];
  rows.forEach((r, i) => {
    if (r.status === 'verzenden') {
      update(i, {
        ...r,
        status: 'onzeker',
        error: 'Verzending onderbroken; controleer of deze mail is aangekomen.',
      });
      result.uncertain++;
      events.push(['mail onzeker', r.key]);
    }
  });
  const pending = rows.map((r, i) => ({ r, i })).filter((x) => x.r.status === 'wacht');
  if (pending.length === 0) {
    logEvents(h.ss, events);
    return result;
  }
  // A reminder that waited (quota, a passing error) is dropped once its form is answered or closed.
  const stillOpen = pending.some((x) => x.r.kind === 'herinnering')
    ? new Set(
        (known.forms ?? readTable(h.ss, FORMS)).filter((f) => f.status === 'open').map((f) => f.formKey),
      )
    : new Set<string>();
  let quota = remainingQuota();
  for (const { r, i } of pending) {
    if (r.kind === 'herinnering' && !stillOpen.has(r.formKey)) {
      update(i, {
        ...r,
        status: 'vervallen',
        error: 'Niet meer nodig: de partner antwoordde of de stap is gesloten.',
      });
      continue;
    }
    if (quota < 1) {
      result.waiting++;
      continue;
    }
    if (!isMailAddress(r.to)) {
      // A wrong address is a fact of the syntax rule (workspace/errors): MailApp is not asked,
      // and no retry can help until the coordinator corrects it (resendFailed).
      const attempts = r.attempts + 1;
      update(i, { ...r, status: 'mislukt', attempts, error: BAD_ADDRESS });
      result.failed++;
      events.push(['mail mislukt', `${r.key}: ${BAD_ADDRESS}`]);
      continue;
    }
    update(i, { ...r, status: 'verzenden' });
    // The marker must be stored before the mail leaves: if the run dies after sending, the next
    // run finds "verzenden" and does not send again (reference/spreadsheet/spreadsheet-app#flush).
    flushWrites();
    let failure: { message: string; kind: ServiceErrorKind } | null = null;
    try {
      sendMail(r.to, r.subject, r.body, h.reg.settings.mailSenderName, h.reg.settings.coordinatorEmail);
    } catch (e) {
      const kind = classifyMailError(e);
      // The 6-minute limit ends the run on the spot in Apps Script: nothing more is written.
      if (kind === 'timeLimit') throw e;
      failure = { message: errorMessage(e), kind };
    }
    // Only MailApp's own refusal counts as "not sent". A failure after this point (before
    // "verstuurd" is written) leaves the row at "verzenden", which the next run reports as uncertain.
    if (failure === null) {
      updateLater(i, { ...r, status: 'verstuurd', sentAt: nowMs(), error: '' });
      result.sent++;
      quota--;
    } else if (failure.kind === 'dailyQuota') {
      update(i, {
        ...r,
        status: 'wacht',
        error: 'Dagquotum bereikt; wordt morgen verstuurd.',
      });
      result.waiting++;
      quota = 0;
    } else {
      const attempts = r.attempts + 1;
      const retry = failure.kind !== 'invalid' && attempts < MAX_ATTEMPTS;
      const reason = failureReason(failure.message);
      update(i, { ...r, status: retry ? 'wacht' : 'mislukt', attempts, error: reason });
      if (retry) result.waiting++;
      else result.failed++;
      events.push([retry ? 'mail later opnieuw' : 'mail mislukt', `${r.key}: ${reason}`]);
    }
  }
  writeHeld();
  if (result.sent) events.push(['mail verstuurd', `${result.sent} mail(s)`]);
  if (result.waiting)
    events.push(['mail wacht', `${result.waiting} mail(s) wachten op het dagquotum van morgen`]);
  logEvents(h.ss, events);
  return result;
}

/**
 * Sends failed and uncertain mails again, to the partner's current address (after the
 * coordinator corrected it in the Partners tab). The old row is marked `vervangen` and a new
 * row with a fresh key takes its place, so the key of every mail stays unique.
 */
export function resendFailed(h: CaseHandle): { requeued: number; mail: FlushResult } {
  const rows = readTable(h.ss, OUTBOX);
  const keys = new Set(rows.map((r) => r.key));
  const base = (key: string) => key.replace(/~\d+$/, '');
  const jobs: MailJob[] = [];
  const replace: number[] = [];
  rows.forEach((r, i) => {
    if (r.status !== 'mislukt' && r.status !== 'onzeker') return;
    replace.push(i);
    // A successor made by an earlier, interrupted resend already takes its place.
    const successors = rows.filter((x, j) => j > i && base(x.key) === base(r.key));
    if (successors.length) return;
    const { partnerId } = parseFormKey(r.formKey);
    const partner = h.reg.partners.find((p) => p.id === partnerId);
    if (!partner) return;
    let n = 2;
    while (keys.has(`${base(r.key)}~${n}`)) n++;
    const key = `${base(r.key)}~${n}`;
    keys.add(key);
    jobs.push({
      key,
      formKey: r.formKey,
      kind: r.kind,
      to: partner.email,
      subject: r.subject,
      body: r.body,
    });
  });
  // The new rows first, then the old ones marked: a stop in between never loses a mail.
  const requeued = enqueue(h.ss, jobs, rows);
  for (const i of replace) {
    rows[i] = { ...rows[i]!, status: 'vervangen' };
    updateRow(h.ss, OUTBOX, i, rows[i]);
  }
  if (requeued) logEvents(h.ss, [['mail opnieuw', `${requeued} mail(s) opnieuw in de wachtrij`]]);
  return { requeued, mail: flushOutbox(h, { outbox: rows }) };
}
