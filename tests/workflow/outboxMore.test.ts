/**
 * The outbox (workflow/outbox.ts) on a bare spreadsheet: what a row holds when queued, the run
 * that stopped between "verzenden" and "verstuurd" (mogelijk dubbel verstuurd: marked onzeker,
 * never sent again), the daily quota to the last recipient, the attempt at MAX_ATTEMPTS, the
 * 6-minute limit, reminders that are no longer needed, resending with a fresh key, and what the
 * Logboek says about each (keys and counts, no address).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useMailQuota } from '../../src/local/apps-script/mail';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import type { Partner, Settings } from '../../src/model/types';
import type { CaseHandle } from '../../src/workflow/context';
import type { MailJob } from '../../src/workflow/outbox';
import { BAD_ADDRESS, enqueue, flushOutbox, MAX_ATTEMPTS, resendFailed } from '../../src/workflow/outbox';
import type { FormRow, OutboxRow } from '../../src/workflow/records';
import { FORMS, LOG, OUTBOX } from '../../src/workflow/records';
import { appendRows, readTable, updateRow } from '../../src/workspace/tables';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const NOW = Date.UTC(2026, 0, 12, 8, 0);
const SETTINGS = {
  mailSenderName: 'Gemeente Testdorp',
  coordinatorEmail: 'regie@testdorp.example',
} as Settings;
const POLITIE = { id: 'politie', email: 'wijkagent@politie.example' } as Partner;

/** A case spreadsheet with nothing but what the outbox writes, and a register with one partner. */
function host(mailDailyQuota = 100): CaseHandle {
  local = startLocalAppsScript({ now: NOW, mailDailyQuota });
  const ss = SpreadsheetApp.create('Casus');
  return { ss, reg: { settings: SETTINGS, partners: [POLITIE] } } as unknown as CaseHandle;
}

const job = (key: string, over: Partial<MailJob> = {}): MailJob => ({
  key,
  formKey: '1#1#politie',
  kind: 'uitnodiging',
  to: 'wijkagent@politie.example',
  subject: 'Uitnodiging casus JGA-2026-001',
  body: 'Vul het formulier in.',
  ...over,
});

/** Queues the jobs, then gives row i the fields of `changes[i]` (a state an earlier run left). */
function queued(h: CaseHandle, jobs: MailJob[], changes: Partial<OutboxRow>[] = []): void {
  enqueue(h.ss, jobs);
  const rows = readTable(h.ss, OUTBOX);
  changes.forEach((c, i) => {
    if (Object.keys(c).length) updateRow(h.ss, OUTBOX, i, { ...rows[i]!, ...c });
  });
}

const logged = (h: CaseHandle) => readTable(h.ss, LOG).map((l) => [l.event, l.detail]);
const sends = () => local.rt.counts.get('MailApp.sendEmail') ?? 0;
const outbox = (h: CaseHandle) => readTable(h.ss, OUTBOX);

describe('in de wachtrij', () => {
  it('een nieuwe sleutel wordt een rij "wacht" zonder pogingen of fout; een bekende sleutel komt er niet nog eens bij', () => {
    const h = host();
    const before = local.rt.now();
    expect(enqueue(h.ss, [job('uitnodiging:1#1#politie')])).toBe(1);
    const after = local.rt.now();
    const createdAt = outbox(h)[0]!.createdAt;
    expect(createdAt >= before && createdAt <= after).toBe(true);
    expect(outbox(h)).toEqual([
      {
        ...job('uitnodiging:1#1#politie'),
        status: 'wacht',
        createdAt,
        sentAt: 0,
        attempts: 0,
        error: '',
      },
    ]);
    const known = outbox(h);
    expect(enqueue(h.ss, [job('uitnodiging:1#1#politie'), job('herinnering:1#1#politie')], known)).toBe(1);
    expect(known.map((r) => r.key)).toEqual(['uitnodiging:1#1#politie', 'herinnering:1#1#politie']);
    expect(outbox(h).map((r) => r.key)).toEqual(known.map((r) => r.key));
  });
});

describe('mogelijk dubbel verstuurd', () => {
  it('een rij die nog op "verzenden" staat wordt "onzeker" en niet opnieuw verstuurd, met de sleutel in het Logboek', () => {
    const h = host();
    queued(h, [job('uitnodiging:1#1#politie')], [{ status: 'verzenden' }]);
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 0, failed: 0, uncertain: 1 });
    expect(sends()).toBe(0);
    const [row] = outbox(h);
    expect(row!.status).toBe('onzeker');
    expect(row!.error).toBe('Verzending onderbroken; controleer of deze mail is aangekomen.');
    expect(logged(h)).toEqual([['mail onzeker', 'uitnodiging:1#1#politie']]);
    // A next run leaves it alone: at most one mail per key.
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 0, failed: 0, uncertain: 0 });
    expect(sends()).toBe(0);
    expect(logged(h)).toHaveLength(1);
  });

  it('de 6-minutengrens tijdens het versturen: de run stopt, de rij blijft "verzenden" en de volgende run meldt haar onzeker', () => {
    const h = host();
    queued(h, [job('uitnodiging:1#1#politie'), job('uitnodiging:1#1#boa')]);
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, message: 'Exceeded maximum execution time' });
    expect(() => flushOutbox(h)).toThrow(/Exceeded maximum execution time/);
    expect(outbox(h).map((r) => [r.status, r.attempts])).toEqual([
      ['verzenden', 0],
      ['wacht', 0],
    ]);
    expect(flushOutbox(h)).toEqual({ sent: 1, waiting: 0, failed: 0, uncertain: 1 });
    expect(outbox(h).map((r) => r.status)).toEqual(['onzeker', 'verstuurd']);
    expect(local.rt.mailbox.map((m) => m.to)).toEqual([['wijkagent@politie.example']]);
  });
});

describe('schrijven', () => {
  it('wachtende mails tussen al verstuurde rijen: elke rij houdt haar eigen sleutel en status', () => {
    const h = host();
    queued(
      h,
      [job('a'), job('b'), job('c'), job('d')],
      [{}, { status: 'verstuurd' }, {}, { status: 'vervallen' }],
    );
    expect(flushOutbox(h)).toEqual({ sent: 2, waiting: 0, failed: 0, uncertain: 0 });
    expect(outbox(h).map((r) => [r.key, r.status])).toEqual([
      ['a', 'verstuurd'],
      ['b', 'verstuurd'],
      ['c', 'verstuurd'],
      ['d', 'vervallen'],
    ]);
  });
});

describe('het dagquotum', () => {
  it('met nog precies één ontvanger vandaag gaat één mail; de tweede wacht zonder dat MailApp gevraagd wordt', () => {
    const h = host(1);
    queued(h, [job('uitnodiging:1#1#politie'), job('uitnodiging:1#1#boa')]);
    expect(flushOutbox(h)).toEqual({ sent: 1, waiting: 1, failed: 0, uncertain: 0 });
    expect(sends()).toBe(1);
    expect(outbox(h).map((r) => [r.status, r.attempts, r.error])).toEqual([
      ['verstuurd', 0, ''],
      ['wacht', 0, ''],
    ]);
    expect(logged(h)).toEqual([
      ['mail verstuurd', '1 mail(s)'],
      ['mail wacht', '1 mail(s) wachten op het dagquotum van morgen'],
    ]);
  });

  it('opgebruikt door een ander script na de controle: de geweigerde mail en de rest wachten, zonder poging te tellen', () => {
    const h = host(10);
    queued(h, [job('a'), job('b'), job('c')]);
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, effect: (rt) => useMailQuota(rt, Infinity) });
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 3, failed: 0, uncertain: 0 });
    expect(sends()).toBe(1);
    expect(outbox(h).map((r) => [r.status, r.attempts, r.error])).toEqual([
      ['wacht', 0, 'Dagquotum bereikt; wordt morgen verstuurd.'],
      ['wacht', 0, ''],
      ['wacht', 0, ''],
    ]);
    expect(logged(h)).toEqual([['mail wacht', '3 mail(s) wachten op het dagquotum van morgen']]);
  });
});

describe('een mislukte poging', () => {
  it(`een voorbijgaande fout vóór poging ${MAX_ATTEMPTS} wacht op een volgende run; bij poging ${MAX_ATTEMPTS} is de mail "mislukt"`, () => {
    const h = host();
    queued(h, [job('a'), job('b')], [{ attempts: MAX_ATTEMPTS - 2 }, { attempts: MAX_ATTEMPTS - 1 }]);
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      times: 2,
      message: 'Service unavailable: Mail',
    });
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 1, failed: 1, uncertain: 0 });
    expect(outbox(h).map((r) => [r.status, r.attempts, r.error])).toEqual([
      ['wacht', MAX_ATTEMPTS - 1, 'Service unavailable: Mail'],
      ['mislukt', MAX_ATTEMPTS, 'Service unavailable: Mail'],
    ]);
    expect(logged(h)).toEqual([
      ['mail later opnieuw', 'a: Service unavailable: Mail'],
      ['mail mislukt', 'b: Service unavailable: Mail'],
      ['mail wacht', '1 mail(s) wachten op het dagquotum van morgen'],
    ]);
  });

  it('een verzoek dat Google weigert (ongeldig argument) is meteen "mislukt", bij de eerste poging', () => {
    const h = host();
    queued(h, [job('a')]);
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, message: 'Invalid argument: replyTo' });
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 0, failed: 1, uncertain: 0 });
    expect(outbox(h).map((r) => [r.status, r.attempts])).toEqual([['mislukt', 1]]);
    expect(logged(h)).toEqual([['mail mislukt', 'a: Invalid argument: replyTo']]);
  });

  it('een adres dat de syntaxis niet haalt: MailApp wordt niet gevraagd, de rij is "mislukt" en het Logboek noemt alleen de sleutel', () => {
    const h = host();
    queued(h, [job('uitnodiging:1#1#politie', { to: 'wijkagent(at)politie.example' })]);
    expect(flushOutbox(h)).toEqual({ sent: 0, waiting: 0, failed: 1, uncertain: 0 });
    expect(sends()).toBe(0);
    expect(outbox(h).map((r) => [r.status, r.attempts, r.error])).toEqual([['mislukt', 1, BAD_ADDRESS]]);
    expect(logged(h)).toEqual([['mail mislukt', `uitnodiging:1#1#politie: ${BAD_ADDRESS}`]]);
  });
});

describe('herinneringen', () => {
  it('een herinnering gaat alleen naar een formulier dat nog open is; de andere vervalt met de reden', () => {
    const h = host();
    appendRows(h.ss, FORMS, [
      { formKey: '1#1#politie', step: '1', round: 1, partnerId: 'politie', status: 'open' },
      { formKey: '1#1#boa', step: '1', round: 1, partnerId: 'boa', status: 'beantwoord' },
    ] as FormRow[]);
    queued(h, [
      job('uitnodiging:1#1#jongerenwerk', { formKey: '1#1#jongerenwerk' }),
      job('herinnering:1#1#politie', { kind: 'herinnering' }),
      job('herinnering:1#1#boa', { kind: 'herinnering', formKey: '1#1#boa' }),
    ]);
    expect(flushOutbox(h)).toEqual({ sent: 2, waiting: 0, failed: 0, uncertain: 0 });
    expect(outbox(h).map((r) => [r.status, r.error])).toEqual([
      ['verstuurd', ''],
      ['verstuurd', ''],
      ['vervallen', 'Niet meer nodig: de partner antwoordde of de stap is gesloten.'],
    ]);
    expect(logged(h)).toEqual([['mail verstuurd', '2 mail(s)']]);
  });
});

describe('opnieuw versturen', () => {
  it('een mislukte en een onzekere mail gaan met een nieuwe sleutel naar het huidige adres; de oude rijen heten "vervangen"', () => {
    const h = host();
    queued(
      h,
      [
        job('uitnodiging:1#1#politie', { to: 'oud@politie.example' }),
        job('herinnering:1#1#politie'),
        job('c'),
      ],
      [{ status: 'mislukt', attempts: 1 }, { status: 'onzeker' }, { status: 'verstuurd' }],
    );
    const r = resendFailed(h);
    expect(r).toEqual({ requeued: 2, mail: { sent: 2, waiting: 0, failed: 0, uncertain: 0 } });
    expect(outbox(h).map((x) => [x.key, x.status, x.to])).toEqual([
      ['uitnodiging:1#1#politie', 'vervangen', 'oud@politie.example'],
      ['herinnering:1#1#politie', 'vervangen', 'wijkagent@politie.example'],
      ['c', 'verstuurd', 'wijkagent@politie.example'],
      ['uitnodiging:1#1#politie~2', 'verstuurd', 'wijkagent@politie.example'],
      ['herinnering:1#1#politie~2', 'verstuurd', 'wijkagent@politie.example'],
    ]);
    expect(logged(h)).toEqual([
      ['mail opnieuw', '2 mail(s) opnieuw in de wachtrij'],
      ['mail verstuurd', '2 mail(s)'],
    ]);
  });

  it('een opnieuw verstuurde mail die weer mislukt krijgt de volgende sleutel (~3), en een ~10 telt vanaf de oorspronkelijke sleutel, nooit een bestaande', () => {
    const h = host();
    queued(
      h,
      [job('a'), job('a~2'), job('b~10')],
      [{ status: 'vervangen' }, { status: 'mislukt' }, { status: 'mislukt' }],
    );
    const r = resendFailed(h);
    expect(r.requeued).toBe(2);
    expect(outbox(h).map((x) => [x.key, x.status])).toEqual([
      ['a', 'vervangen'],
      ['a~2', 'vervangen'],
      ['b~10', 'vervangen'],
      ['a~3', 'verstuurd'],
      ['b~2', 'verstuurd'],
    ]);
  });

  it('een mail aan een partner die niet meer in het register staat komt niet terug in de wachtrij; zonder nieuwe mail geen regel "mail opnieuw"', () => {
    const h = host();
    queued(h, [job('uitnodiging:1#1#weg', { formKey: '1#1#weg' })], [{ status: 'mislukt' }]);
    expect(resendFailed(h)).toEqual({ requeued: 0, mail: { sent: 0, waiting: 0, failed: 0, uncertain: 0 } });
    expect(sends()).toBe(0);
    expect(outbox(h)).toHaveLength(1);
    expect(logged(h)).toEqual([]);
  });
});

describe('leesbudget', () => {
  // Each table read is one Sheets values.batchGet here (the advanced service is on).
  const reads = () => local.rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0;

  it('een run zonder herinneringen leest de wachtrij en het Logboek, niet de formulierentabel', () => {
    const h = host();
    appendRows(h.ss, FORMS, [
      { formKey: '1#1#politie', step: '1', round: 1, partnerId: 'politie', status: 'open' },
    ] as FormRow[]);
    queued(h, [job('uitnodiging:1#1#politie')]);
    local.rt.resetCounts();
    expect(flushOutbox(h).sent).toBe(1);
    expect(reads()).toBe(2);
  });

  it('opnieuw versturen leest de wachtrij één keer; het versturen daarna gebruikt dezelfde rijen', () => {
    const h = host();
    queued(h, [job('uitnodiging:1#1#politie')], [{ status: 'mislukt' }]);
    local.rt.resetCounts();
    expect(resendFailed(h).mail.sent).toBe(1);
    // The outbox once, the Logboek before each of its two lines ("mail opnieuw", "mail verstuurd").
    expect(reads()).toBe(3);
  });
});
