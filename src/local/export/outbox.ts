/**
 * The emulator's mailbox (every mail MailApp accepted) as files: one RFC 5322 `.eml` per
 * mail that a mail client can open, an `outbox.html` overview and an `outbox.json` dump.
 * Header values are folded onto one line (no header injection) and non-ASCII text is
 * RFC 2047 encoded.
 */
import { xmlSafe } from '../../render/text';
import type { SentMail } from '../apps-script/runtime';
import { formatDutchDateTime, wallClockDate } from './cells';
import { escapeHtml, htmlPage, relativeHref } from './escape';

export interface OutboxOptions {
  /** Sender address for the From header (MailApp sends as the script's user). */
  from?: string;
  /** Time zone for Date headers and the overview (default Europe/Amsterdam). */
  timeZone?: string;
}

export interface OutboxFile {
  name: string;
  content: string;
}

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * One header line: line breaks and other control characters become spaces (no header injection);
 * what XML cannot hold elsewhere is replaced as in every writer (render/text.ts xmlSafe).
 */
function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: header values must not carry control characters
  return xmlSafe(value.replace(/[\u0000-\u001f\u007f]+/g, ' ')).trim();
}

/**
 * RFC 2047 `B` encoding for header text with non-ASCII characters; encoded words stay within
 * 75 characters and never split a character, joined by folding whitespace.
 */
export function encodeHeaderText(value: string): string {
  const text = oneLine(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const enc = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (enc.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** RFC 5322 date-time (`Mon, 05 Jan 2026 09:00:00 +0100`) in a time zone. */
export function rfc5322Date(ms: number, timeZone: string): string {
  const wall = wallClockDate(new Date(ms), timeZone);
  const offsetMin = Math.round((wall.getTime() - ms) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const p = (n: number): string => String(n).padStart(2, '0');
  const zone = `${sign}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
  return (
    `${DAYS[wall.getUTCDay()]}, ${p(wall.getUTCDate())} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ` +
    `${p(wall.getUTCHours())}:${p(wall.getUTCMinutes())}:${p(wall.getUTCSeconds())} ${zone}`
  );
}

/** File-name slug: lower case, diacritics removed, words joined by `-`, at most 50 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 50) return slug || 'bericht';
  // Cut at a word boundary when there is one in reach.
  const cut = slug.slice(0, 51).lastIndexOf('-');
  return slug.slice(0, cut > 20 ? cut : 50).replace(/-+$/g, '');
}

function addressList(list: string[]): string {
  return list
    .map(oneLine)
    .filter((a) => a !== '')
    .join(', ');
}

/**
 * Normalises line ends to CRLF (RFC 5322 §2.3: CR and LF appear only together); characters XML
 * cannot hold are replaced as in every writer (render/text.ts xmlSafe); 8bit unless a line is too
 * long for SMTP (then base64).
 */
function bodyPart(contentType: string, raw: string): string[] {
  const normalised = xmlSafe(raw).replace(/\r\n|\r|\n/g, CRLF);
  const tooLong = normalised.split(CRLF).some((l) => Buffer.byteLength(l, 'utf8') > 998);
  if (!tooLong) {
    return [`Content-Type: ${contentType}; charset=utf-8`, 'Content-Transfer-Encoding: 8bit', '', normalised];
  }
  const b64 = Buffer.from(normalised, 'utf8').toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  return [`Content-Type: ${contentType}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', b64];
}

/** The `.eml` text of one mail. */
export function mailToEml(mail: SentMail, index: number, opts: OutboxOptions = {}): string {
  const timeZone = opts.timeZone ?? 'Europe/Amsterdam';
  const from = oneLine(opts.from ?? 'noreply@gemeente.example');
  const name = oneLine(mail.name ?? '').replace(/["\\]/g, '');
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : encodeHeaderText(name);
  const headers: string[] = [`From: ${name ? `${display} <${from}>` : from}`, `To: ${addressList(mail.to)}`];
  if (mail.cc.length > 0) headers.push(`Cc: ${addressList(mail.cc)}`);
  if (mail.bcc.length > 0) headers.push(`Bcc: ${addressList(mail.bcc)}`);
  if (mail.replyTo) headers.push(`Reply-To: ${oneLine(mail.replyTo)}`);
  headers.push(
    `Subject: ${encodeHeaderText(mail.subject)}`,
    `Date: ${rfc5322Date(mail.sentAt, timeZone)}`,
    `Message-ID: <${String(index + 1).padStart(3, '0')}.${mail.sentAt}@zeven-stappen.local>`,
    'MIME-Version: 1.0',
  );
  if (mail.htmlBody === undefined)
    return [...headers, ...bodyPart('text/plain', mail.body)].join(CRLF) + CRLF;
  const boundary = `=_zeven-stappen_${index + 1}_${mail.sentAt}`;
  return (
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      ...bodyPart('text/plain', mail.body),
      `--${boundary}`,
      ...bodyPart('text/html', mail.htmlBody),
      `--${boundary}--`,
    ].join(CRLF) + CRLF
  );
}

function emlName(mail: SentMail, index: number, width: number): string {
  return `${String(index + 1).padStart(width, '0')}-${slugify(mail.subject)}.eml`;
}

function preview(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const OUTBOX_CSS = `
main{max-width:1100px}
td.time{white-space:nowrap}
td.preview{color:#5f6368;font-size:.9em}
`;

function overviewHtml(mails: SentMail[], names: string[], timeZone: string): string {
  const rows = mails.map((m, i) => {
    const to = addressList(m.to);
    const cc = m.cc.length > 0 ? `<br><span class="muted">cc: ${escapeHtml(addressList(m.cc))}</span>` : '';
    const bcc =
      m.bcc.length > 0 ? `<br><span class="muted">bcc: ${escapeHtml(addressList(m.bcc))}</span>` : '';
    return [
      '<tr>',
      `<td class="time">${escapeHtml(formatDutchDateTime(m.sentAt, timeZone))}</td>`,
      `<td>${escapeHtml(to)}${cc}${bcc}</td>`,
      `<td><a href="${relativeHref(names[i]!)}">${escapeHtml(m.subject)}</a></td>`,
      `<td class="preview">${escapeHtml(preview(m.body))}</td>`,
      '</tr>',
    ].join('');
  });
  const table =
    mails.length === 0
      ? '<p class="muted">Er zijn geen e-mails verzonden.</p>'
      : [
          '<table>',
          '<thead><tr><th>Verzonden</th><th>Aan</th><th>Onderwerp</th><th>Begin van de tekst</th></tr></thead>',
          `<tbody>${rows.join('\n')}</tbody>`,
          '</table>',
        ].join('\n');
  const count = `${mails.length} ${mails.length === 1 ? 'e-mail' : 'e-mails'}`;
  return htmlPage(
    'Verzonden e-mails',
    OUTBOX_CSS,
    `<main>\n<h1>Verzonden e-mails</h1>\n<p class="muted">${count}, tijden in ${escapeHtml(timeZone)}.</p>\n${table}\n</main>`,
  );
}

/** One `.eml` per mail plus `outbox.html` and `outbox.json`. */
export function exportOutbox(mails: SentMail[], opts: OutboxOptions = {}): { files: OutboxFile[] } {
  const timeZone = opts.timeZone ?? 'Europe/Amsterdam';
  const width = Math.max(3, String(mails.length).length);
  const names = mails.map((m, i) => emlName(m, i, width));
  const files: OutboxFile[] = mails.map((m, i) => ({ name: names[i]!, content: mailToEml(m, i, opts) }));
  files.push({ name: 'outbox.html', content: overviewHtml(mails, names, timeZone) });
  const json = mails.map((m, i) => ({ file: names[i], sentAtIso: new Date(m.sentAt).toISOString(), ...m }));
  files.push({
    name: 'outbox.json',
    content: `${JSON.stringify({ count: mails.length, mails: json }, null, 2)}\n`,
  });
  return { files };
}
