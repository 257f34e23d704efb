import { describe, expect, it } from 'vitest';
import { createMailApp } from '../../src/local/apps-script/mail';
import { Runtime } from '../../src/local/apps-script/runtime';

const HOUR = 3_600_000;

function setup(opts: { mailDailyQuota?: number; userEmail?: string } = {}) {
  const rt = new Runtime({ latency: false, ...opts });
  return { rt, mail: createMailApp(rt) };
}

describe('MailApp.sendEmail', () => {
  it('stores an accepted mail with options in the mailbox at the emulated time', () => {
    const { rt, mail } = setup();
    mail.sendEmail('partner@politie.example', 'Uitvraag stap 2', 'Vul het formulier in.', {
      cc: 'a@gemeente.example, b@gemeente.example',
      bcc: 'archief@gemeente.example',
      htmlBody: '<p>Vul het formulier in.</p>',
      name: 'Procesregisseur',
      replyTo: 'regie@gemeente.example',
    });
    expect(rt.mailbox).toEqual([
      {
        to: ['partner@politie.example'],
        cc: ['a@gemeente.example', 'b@gemeente.example'],
        bcc: ['archief@gemeente.example'],
        subject: 'Uitvraag stap 2',
        body: 'Vul het formulier in.',
        htmlBody: '<p>Vul het formulier in.</p>',
        name: 'Procesregisseur',
        replyTo: 'regie@gemeente.example',
        sentAt: rt.now(),
      },
    ]);
  });

  it('supports the reply-to and message-object overloads', () => {
    const { rt, mail } = setup();
    mail.sendEmail('x@gemeente.example', 'regie@gemeente.example', 'Onderwerp', 'Tekst');
    mail.sendEmail({ to: 'y@gemeente.example', subject: 'Obj', body: 'B', noReply: true });
    expect(rt.mailbox[0]?.replyTo).toBe('regie@gemeente.example');
    expect(rt.mailbox[1]).toMatchObject({ to: ['y@gemeente.example'], subject: 'Obj', body: 'B' });
  });

  it('rejects an invalid address with the Apps Script text', () => {
    const { rt, mail } = setup();
    expect(() => mail.sendEmail('geen-adres', 'S', 'B')).toThrow('Invalid email: geen-adres');
    expect(() =>
      mail.sendEmail('ok@gemeente.example', 'S', 'B', { cc: 'ok2@gemeente.example, kapot@' }),
    ).toThrow('Invalid email: kapot@');
    expect(rt.mailbox).toHaveLength(0);
  });

  it('rejects a mail without recipients', () => {
    const { mail } = setup();
    expect(() => mail.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow(
      'Failed to send email: no recipient',
    );
  });

  it('allows 50 recipients per message and refuses 51', () => {
    const { mail } = setup();
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@gemeente.example`).join(',');
    mail.sendEmail(list(50), 'S', 'B');
    expect(() => mail.sendEmail(list(40), 'S', 'B', { bcc: list(11) })).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
  });

  it('limits the body to 200 KB on gmail.com and 400 KB on Workspace', () => {
    const body = 'x'.repeat(300 * 1024);
    expect(() => setup({ userEmail: 'iemand@gmail.com' }).mail.sendEmail('a@b.example', 'S', body)).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    const ws = setup();
    ws.mail.sendEmail('a@b.example', 'S', body);
    expect(ws.rt.mailbox).toHaveLength(1);
    expect(() => ws.mail.sendEmail('a@b.example', 'S', 'y'.repeat(401 * 1024))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
  });
});

describe('daily recipient quota', () => {
  it('counts every to, cc and bcc recipient', () => {
    const { mail } = setup({ mailDailyQuota: 10 });
    expect(mail.getRemainingDailyQuota()).toBe(10);
    mail.sendEmail('a@x.example,b@x.example', 'S', 'B', { cc: 'c@x.example', bcc: 'd@x.example' });
    expect(mail.getRemainingDailyQuota()).toBe(6);
  });

  it('throws when a mail does not fit, and sends nothing', () => {
    const { rt, mail } = setup({ mailDailyQuota: 3 });
    mail.sendEmail('a@x.example,b@x.example', 'S', 'B');
    expect(() => mail.sendEmail('c@x.example,d@x.example', 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.mailbox).toHaveLength(1);
    mail.sendEmail('c@x.example', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  it('resets 24 hours after the first request of the window, not at midnight', () => {
    const { rt, mail } = setup({ mailDailyQuota: 2 });
    mail.sendEmail('a@x.example', 'S', 'B');
    rt.advance(20 * HOUR);
    mail.sendEmail('b@x.example', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    rt.advance(4 * HOUR - 1);
    expect(() => mail.sendEmail('c@x.example', 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    rt.advance(1);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('c@x.example', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(1);
  });
});
