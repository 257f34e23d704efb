/**
 * MailApp (reference/mail/mail-app, guides/services/quotas).
 * Accepted mails land in `rt.mailbox`. The daily quota counts recipients (to + cc + bcc) and
 * resets 24 hours after the first request of the window.
 */
import { gasError, perRuntime, type Runtime, type SentMail } from './runtime';
import { strict } from './strict';

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_ATTACHMENTS_PER_MESSAGE = 250;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A plain address or `Name <address>`; deliberately simple, like a server-side syntax check. */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

interface QuotaWindow {
  start: number | null;
  used: number;
}

const windows = perRuntime((): QuotaWindow => ({ start: null, used: 0 }));

function windowOf(rt: Runtime): QuotaWindow {
  const w = windows(rt);
  if (w.start !== null && rt.now() >= w.start + DAY_MS) {
    w.start = null;
    w.used = 0;
  }
  return w;
}

/**
 * Mail sent by something else under the same account (another script, an add-on): the daily
 * quota is per user, not per script (guides/services/quotas: quotas are per user and reset 24
 * hours after the first request), so it shrinks without this script sending. `n` recipients; `Infinity` uses it all up.
 * Not Apps Script: a hook for tests, no call is counted.
 */
export function useMailQuota(rt: Runtime, n: number): void {
  const w = windowOf(rt);
  if (w.start === null) w.start = rt.now();
  w.used = Math.min(rt.mailDailyQuota, w.used + n);
}

/** Consumer accounts (gmail.com) have the smaller body limit and no `noReply`. */
export function isConsumerAccount(rt: Runtime): boolean {
  return /@(gmail|googlemail)\.com$/i.test(rt.userEmail);
}

function splitAddresses(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkAddress(raw: string): string {
  const inner = /<([^<>]+)>\s*$/.exec(raw)?.[1]?.trim() ?? raw;
  if (!ADDRESS.test(inner)) throw gasError(`Invalid email: ${raw}`);
  return raw;
}

function byteLength(s: string | undefined): number {
  return s === undefined ? 0 : Buffer.byteLength(s, 'utf8');
}

type Message = GoogleAppsScript.Mail.MailAdvancedParameters;

class MailAppImpl implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  constructor(private readonly rt: Runtime) {}

  /** Recipients left in the current 24-hour window. */
  getRemainingDailyQuota(): number {
    this.rt.call('MailApp.getRemainingDailyQuota');
    return Math.max(0, this.rt.mailDailyQuota - windowOf(this.rt).used);
  }

  sendEmail(...args: unknown[]): void {
    this.rt.call('MailApp.sendEmail');
    this.send(normalize(args));
  }

  private send(m: Message): void {
    const to = splitAddresses(m.to).map(checkAddress);
    const cc = splitAddresses(m.cc).map(checkAddress);
    const bcc = splitAddresses(m.bcc).map(checkAddress);
    if (m.replyTo !== undefined && m.replyTo !== '') checkAddress(String(m.replyTo));
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw gasError('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw gasError('Limit Exceeded: Email Recipients Per Message.');
    const limitKb = isConsumerAccount(this.rt) ? 200 : 400;
    if (Math.max(byteLength(m.body), byteLength(m.htmlBody)) > limitKb * 1024) {
      throw gasError('Limit Exceeded: Email Body Size.');
    }
    if ((m.attachments?.length ?? 0) > MAX_ATTACHMENTS_PER_MESSAGE) {
      throw gasError('Limit Exceeded: Email Attachments Per Message.');
    }
    const w = windowOf(this.rt);
    if (w.start === null) w.start = this.rt.now();
    if (w.used + count > this.rt.mailDailyQuota) {
      throw gasError('Service invoked too many times for one day: email.');
    }
    w.used += count;
    const mail: SentMail = {
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      sentAt: this.rt.now(),
    };
    if (m.htmlBody !== undefined) mail.htmlBody = String(m.htmlBody);
    if (m.name !== undefined) mail.name = String(m.name);
    if (m.replyTo !== undefined && m.replyTo !== '') mail.replyTo = String(m.replyTo);
    // `noReply` only works for Workspace accounts; a gmail.com sender ignores it. The mailbox
    // record has no sender field, so the option is accepted and not stored.
    this.rt.mailbox.push(mail);
  }
}

/** Resolves the four `sendEmail` overloads into one message object. */
function normalize(args: unknown[]): Message {
  const [a, b, c, d] = args;
  const count = args.length;
  if (count === 1 && a !== null && typeof a === 'object') return { ...(a as Message) };
  if (count === 3) return { to: String(a), subject: String(b), body: String(c) };
  if (count === 4 && typeof d === 'string') {
    return { to: String(a), replyTo: String(b), subject: String(c), body: d };
  }
  if (count === 4 && d !== null && typeof d === 'object') {
    return { ...(d as Message), to: String(a), subject: String(b), body: String(c) };
  }
  const types = args.map((v) => (typeof v === 'string' ? 'String' : typeof v));
  throw gasError(
    `The parameters (${types.join(',')}) don't match the method signature for MailApp.sendEmail.`,
  );
}

export function createMailApp(rt: Runtime): GoogleAppsScript.Mail.MailApp {
  return strict(new MailAppImpl(rt), 'MailApp') as unknown as GoogleAppsScript.Mail.MailApp;
}
