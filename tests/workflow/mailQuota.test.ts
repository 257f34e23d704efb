import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, openRegister } from '../../src/workflow/context';
import { OUTBOX } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { play, shortScenario } from './helpers';

let p: Played;
beforeAll(() => {
  // Two recipients a day: the three invitations of a step cannot all go on the first day.
  p = play(shortScenario({ mailQuota: 2 }));
});
afterAll(() => p.local.dispose());

describe('het dagquotum van MailApp', () => {
  it('§4.3 #19, #28: verstuurt wat past en laat de rest wachten tot het quotum weer ruimte heeft, zonder dubbele mails', () => {
    const h = openCase(openRegister(), p.result.caseHandle.row.code);
    const rows = readTable(h.ss, OUTBOX);
    const invites1 = rows.filter((r) => String(r.key).startsWith('uitnodiging:1#1#'));
    expect(invites1).toHaveLength(3);
    const sentDays = invites1.map((r) => new Date(Number(r.sentAt)).toISOString().slice(0, 10));
    expect(new Set(sentDays).size).toBeGreaterThan(1);
    expect(invites1.every((r) => r.status === 'verstuurd')).toBe(true);
    // Every key once in the outbox, and exactly one mail per sent key: nothing was sent twice.
    const keys = rows.map((r) => String(r.key));
    expect(new Set(keys).size).toBe(keys.length);
    // (The coordinator's digest is a row of the register's outbox, not of the case's.)
    const partnerMails = p.local.rt.mailbox.filter((m) => !m.subject.startsWith('Dagoverzicht'));
    expect(rows.filter((r) => r.status === 'verstuurd')).toHaveLength(partnerMails.length);
    const perDay = new Map<string, number>();
    for (const m of p.local.rt.mailbox) {
      const d = new Date(m.sentAt).toISOString().slice(0, 10);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
  });
});
