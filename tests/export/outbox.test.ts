import { describe, expect, it } from 'vitest';
import type { SentMail } from '../../src/local/apps-script/runtime';
import { encodeHeaderText, exportOutbox, rfc5322Date, slugify } from '../../src/local/export/outbox';
import { XSS } from './helpers';

const WINTER = Date.UTC(2026, 0, 5, 8, 0, 0);
const SUMMER = Date.UTC(2026, 6, 1, 12, 30, 0);

function mail(over: Partial<SentMail> = {}): SentMail {
  return {
    to: ['jongerenwerk@partner.example'],
    cc: [],
    bcc: [],
    subject: 'Uitnodiging stap 2A',
    body: 'Beste partner,\n\nGraag uw bijdrage.\n\nMet vriendelijke groet',
    sentAt: WINTER,
    ...over,
  };
}

function decodeWords(header: string): string {
  return header
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('exportOutbox', () => {
  const mails = [
    mail({
      subject: 'Verzoek om informatie: casus J-2026-001 – reactie vóór 12 januari (één week)',
      cc: ['a@x.example'],
    }),
    mail({
      subject: `Herinnering ${XSS}`,
      sentAt: SUMMER,
      bcc: ['archief@gemeente.example'],
      name: 'Procesregisseur',
    }),
    mail({ subject: 'Met html', htmlBody: '<p>Hallo</p>', body: 'Hallo' }),
  ];
  const { files } = exportOutbox(mails, { from: 'regie@gemeente.example' });
  const byName = new Map(files.map((f) => [f.name, f.content]));

  it('names one .eml per mail by number and subject slug, plus outbox.html and outbox.json', () => {
    expect(files.map((f) => f.name)).toEqual([
      '001-verzoek-om-informatie-casus-j-2026-001-reactie.eml',
      '002-herinnering-img-src-x-onerror-alert-1.eml',
      '003-met-html.eml',
      'outbox.html',
      'outbox.json',
    ]);
  });

  it('encodes a Dutch subject with RFC 2047 in encoded words of at most 75 characters', () => {
    const eml = files[0]!.content;
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    const subject = /^Subject: (.*(?:\r\n .*)*)/m.exec(head)![1]!;
    expect(subject).toMatch(/^=\?UTF-8\?B\?/);
    expect(/[^\x20-\x7e\r\n]/.test(head)).toBe(false);
    for (const word of subject.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(subject)).toBe(mails[0]!.subject);
    expect(head).toContain('To: jongerenwerk@partner.example');
    expect(head).toContain('Cc: a@x.example');
    expect(head).toContain('Date: Mon, 05 Jan 2026 09:00:00 +0100');
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toContain('From: regie@gemeente.example');
    expect(eml.endsWith('Graag uw bijdrage.\r\n\r\nMet vriendelijke groet\r\n')).toBe(true);
  });

  it('keeps ASCII subjects plain, Bcc and sender name, and a multipart body for html mail', () => {
    const second = files[1]!.content;
    expect(second).toContain(`Subject: Herinnering ${XSS}\r\n`);
    expect(second).toContain('Bcc: archief@gemeente.example');
    expect(second).toContain('From: "Procesregisseur" <regie@gemeente.example>');
    expect(second).toContain('Date: Wed, 01 Jul 2026 14:30:00 +0200');
    const third = byName.get('003-met-html.eml')!;
    expect(third).toMatch(/Content-Type: multipart\/alternative; boundary="([^"]+)"/);
    expect(third).toContain('Content-Type: text/html; charset=utf-8');
  });

  it('cannot inject headers through the subject', () => {
    const { files: f } = exportOutbox([mail({ subject: 'Hallo\r\nBcc: stiekem@evil.example' })]);
    const head = f[0]!.content.split('\r\n\r\n')[0]!;
    expect(head.split('\r\n').filter((l) => l.startsWith('Bcc:'))).toEqual([]);
  });

  it('lists every mail escaped in outbox.html and as data in outbox.json', () => {
    const html = byName.get('outbox.html')!;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Herinnering &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('05-01-2026 09:00');
    expect(html).toContain('href="002-herinnering-img-src-x-onerror-alert-1.eml"');
    expect(html).toContain('Beste partner, Graag uw bijdrage.');
    const json = JSON.parse(byName.get('outbox.json')!);
    expect(json.count).toBe(3);
    expect(json.mails[0].subject).toBe(mails[0]!.subject);
    expect(json.mails[1].sentAtIso).toBe('2026-07-01T12:30:00.000Z');
    expect(exportOutbox([]).files.find((x) => x.name === 'outbox.html')!.content).toContain(
      'Er zijn geen e-mails verzonden.',
    );
  });
});

describe('mail helpers', () => {
  it('slugifies and encodes', () => {
    expect(slugify('Één Ørkest – Ça va?')).toBe('een-rkest-ca-va');
    expect(slugify('!!!')).toBe('bericht');
    expect(encodeHeaderText('plain ascii')).toBe('plain ascii');
    expect(decodeWords(encodeHeaderText('👍'.repeat(30)))).toBe('👍'.repeat(30));
    expect(rfc5322Date(Date.UTC(2026, 2, 29, 1, 0, 0), 'Europe/Amsterdam')).toBe(
      'Sun, 29 Mar 2026 03:00:00 +0200',
    );
  });
});
