/**
 * The coordinator's daily digest (workflow/digest.ts, digestFacts.ts, render/digestText.ts):
 * once per working day in office hours, only when something is new, codes and labels only,
 * sent through the register's own outbox, and no service call per case on top of the
 * dispatcher's own work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { CATALOG } from '../../src/model/catalog';
import { PartnerListSchema, SettingsSchema } from '../../src/model/configSchemas';
import { parseSettingsRows, settingsToRows } from '../../src/model/settingsSheet';
import { addMonths } from '../../src/model/workdays';
import { digestMail } from '../../src/render/digestText';
import type { CaseHandle } from '../../src/workflow/context';
import { openRegister } from '../../src/workflow/context';
import {
  DIGEST_SENT_KEY,
  digestDue,
  digestRecipients,
  dispatchWithDigest,
  inDigestWindow,
  sendDigest,
} from '../../src/workflow/digest';
import type { CaseFacts } from '../../src/workflow/digestFacts';
import { digestItems, factsFromTables, retentionFacts } from '../../src/workflow/digestFacts';
import type { CaseRefresh, DispatchReport } from '../../src/workflow/dispatcher';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { enqueue } from '../../src/workflow/outbox';
import { DIGESTS, FORMS, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { appendRows, readTable } from '../../src/workspace/tables';
import {
  caseFacts,
  caseListRow,
  caseTables,
  fillRequired,
  formRow,
  freshLocalCase,
  freshRegister,
  PARTNERS,
  PERSONS,
} from './helpers';

const SETTINGS = SettingsSchema.parse({
  gemeente: 'Testdorp',
  coordinatorEmail: 'regie@testdorp.example',
  retentionMonths: 12,
});
/** Local (Amsterdam, winter) hour on an ISO day as epoch ms. */
const at = (iso: string, hour: number) => Date.parse(`${iso}T${String(hour - 1).padStart(2, '0')}:00:00Z`);

const caseRow = caseListRow;

const form = (partnerId: string, status: 'open' | 'beantwoord' | 'gesloten', deadline = '2026-01-26') =>
  formRow(`1#1#${partnerId}`, { status, deadline });

const tables = caseTables;

const REG = { partners: PartnerListSchema.parse(PARTNERS), catalog: CATALOG };

describe('dagoverzicht: wanneer', () => {
  it('alleen op werkdagen tussen 8 en 18 uur, en niet als het is uitgezet', () => {
    expect(inDigestWindow(at('2026-01-27', 8), SETTINGS)).toBe('2026-01-27');
    expect(inDigestWindow(at('2026-01-27', 17), SETTINGS)).toBe('2026-01-27');
    expect(inDigestWindow(at('2026-01-27', 7), SETTINGS)).toBeNull();
    expect(inDigestWindow(at('2026-01-27', 18), SETTINGS)).toBeNull();
    // Saturday, and Tweede Paasdag 2026 (6 April).
    expect(inDigestWindow(at('2026-01-31', 10), SETTINGS)).toBeNull();
    expect(inDigestWindow(at('2026-04-06', 10), SETTINGS)).toBeNull();
    expect(inDigestWindow(at('2026-01-27', 10), { ...SETTINGS, digest: false })).toBeNull();
  });

  it('staat standaard aan, gaat naar de procesregisseur of naar de ingestelde adressen', () => {
    expect(SETTINGS.digest).toBe(true);
    expect(digestRecipients(SETTINGS)).toEqual(['regie@testdorp.example']);
    expect(digestRecipients({ ...SETTINGS, digestEmails: 'a@x.example, b@x.example' })).toEqual([
      'a@x.example',
      'b@x.example',
    ]);
  });

  it('de instellingen "Dagoverzicht mailen" en "E-mail dagoverzicht" gaan heen en terug en worden gecontroleerd', () => {
    const rows = settingsToRows({ ...SETTINGS, digest: false, digestEmails: 'a@x.example' });
    const r = parseSettingsRows(rows);
    expect(r.ok && [r.value.digest, r.value.digestEmails]).toEqual([false, 'a@x.example']);
    const bad = rows.map((row) => (row[0] === 'E-mail dagoverzicht' ? [row[0], 'geen-adres', ''] : row));
    const line = bad.findIndex((row) => row[0] === 'E-mail dagoverzicht') + 1;
    const refused = parseSettingsRows(bad);
    expect(refused.ok ? [] : refused.errors).toEqual([
      expect.stringContaining(
        `Instellingen!B${line}: ongeldig e-mailadres voor het dagoverzicht: geen-adres`,
      ),
    ]);
  });
});

describe('dagoverzicht: wat erin staat', () => {
  it('te laat alleen voor open formulieren na de termijn; besluit nodig als alles binnen of gesloten is', () => {
    const f = factsFromTables(
      caseRow(),
      tables({
        forms: [
          form('politie', 'beantwoord'),
          form('boa', 'open'),
          form('jongerenwerk', 'open', '2026-01-28'),
        ],
      }),
      REG,
      SETTINGS,
      '2026-01-27',
    );
    expect(f.late).toEqual([
      {
        formKey: '1#1#boa',
        partner: 'Handhaving Testdorp',
        step: '1',
        deadline: '2026-01-26',
        workdaysLate: 1,
      },
    ]);
    expect(f.decisionDue).toBeNull();
    // As the sidebar's "Besluit vastleggen" (model/nextActions): every form in or closed ...
    const due = factsFromTables(
      caseRow(),
      tables({
        forms: [form('politie', 'beantwoord'), form('boa', 'gesloten'), form('jongerenwerk', 'beantwoord')],
      }),
      REG,
      SETTINGS,
      '2026-01-27',
    );
    expect(due.decisionDue).toEqual({
      step: '1',
      round: 1,
      allIn: true,
      reason: 'Alle antwoorden zijn binnen (2 van 3 partners hebben geantwoord).',
    });
    expect(due.late).toEqual([]);
    // ... or the deadline of everyone still waited for has passed; not while a form is still to be made.
    const past = factsFromTables(
      caseRow(),
      tables({
        forms: [form('politie', 'beantwoord'), form('boa', 'open'), form('jongerenwerk', 'open')],
      }),
      REG,
      SETTINGS,
      '2026-01-27',
    );
    expect(past.decisionDue?.reason).toBe('De deadline is voorbij; 1 van 3 partners heeft geantwoord.');
    const unfinished = factsFromTables(
      caseRow(),
      tables({ forms: [form('politie', 'beantwoord'), form('boa', 'gesloten')] }),
      REG,
      SETTINGS,
      '2026-01-27',
    );
    expect(unfinished.decisionDue).toBeNull();
  });

  it('bewaartermijn: gemeld vanaf vier weken ervoor, verstreken daarna, en een onbekende sluitdatum één keer', () => {
    const closed = (code: string, closedOn: string) =>
      caseRow({ code, status: 'gesloten', updatedAt: closedOn ? at(closedOn, 12) : 0 });
    const rows = [
      closed('JGA-2025-001', '2025-02-20'),
      closed('JGA-2025-002', '2025-01-10'),
      closed('JGA-2025-003', '2025-06-01'),
      closed('JGA-2025-004', ''),
      caseRow({ code: 'JGA-2025-005', updatedAt: at('2025-01-01', 12) }),
      // The case's own term (chosen at opening) wins over the setting.
      { ...closed('JGA-2025-006', '2025-08-10'), retentionMonths: 6 },
    ];
    expect(retentionFacts(rows, SETTINGS, '2026-01-27')).toEqual([
      {
        code: 'JGA-2025-001',
        label: '',
        closedOn: '2025-02-20',
        months: 12,
        until: '2026-02-20',
        passed: false,
      },
      {
        code: 'JGA-2025-002',
        label: '',
        closedOn: '2025-01-10',
        months: 12,
        until: '2026-01-10',
        passed: true,
      },
      { code: 'JGA-2025-004', label: '', closedOn: '', months: 12, until: '', passed: false },
      {
        code: 'JGA-2025-006',
        label: '',
        closedOn: '2025-08-10',
        months: 6,
        until: '2026-02-10',
        passed: false,
      },
    ]);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('de tekst noemt codes, organisaties, stappen en data, en markeert wat nieuw is', () => {
    const f = factsFromTables(
      caseRow(),
      tables({ forms: [form('boa', 'open')] }),
      REG,
      SETTINGS,
      '2026-01-28',
    );
    const items = digestItems([f], [], [{ code: 'JGA-2026-002', label: '' }]);
    const mail = digestMail(items, (k) => k === 'laat:JGA-2026-001:1#1#boa', '2026-01-28', SETTINGS);
    expect(mail.subject).toBe('Dagoverzicht jeugdgroepen Testdorp 28-01-2026: 1 punt');
    expect(mail.body).toContain(
      '- JGA-2026-001: Handhaving Testdorp (stap 1, termijn 26-01-2026, 2 werkdagen te laat). [nieuw]',
    );
    expect(mail.body).toContain('JGA-2026-002: niet bijgewerkt in deze ronde');
    expect(mail.body).toContain('"Dagoverzicht mailen" op nee');
  });
});

describe('dagoverzicht: een casus op de in-memory Apps Script', () => {
  let local: LocalAppsScript;
  afterEach(() => local.dispose());

  const digests = () => local.rt.mailbox.filter((m) => m.subject.startsWith('Dagoverzicht'));

  function caseWithTrouble(): CaseHandle {
    const fresh = freshLocalCase();
    local = fresh.local;
    const h = fresh.h;
    // The third invitation (boa) bounces for good.
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 3, message: 'Invalid email: handhaving@' });
    startStep(h);
    const forms = readTable(h.ss, FORMS);
    const politie = forms.find((f) => f.partnerId === 'politie')!;
    fillRequired(local.rt, politie.formId, `${PERSONS[0]!.naam} hangt rond bij de speeltuin.`);
    // An answer to an item the product did not make goes to quarantine.
    const f = FormApp.openById(politie.formId);
    const extra = f.addTextItem().setTitle('Extra vraag');
    f.createResponse()
      .withItemResponse(extra.createResponse(`${PERSONS[1]!.naam} was er ook`))
      .submit();
    return h;
  }

  it('mailt één keer per dag wat nieuw is, alleen codes en organisaties, en niets als er niets nieuws is', () => {
    const h = caseWithTrouble();
    // Monday 12 January, 09:30: a failed invitation and a quarantined answer.
    local.rt.setNow(at('2026-01-12', 9) + 30 * 60_000);
    const first = dispatchWithDigest(openRegister());
    expect(first.digest).toMatchObject({ sent: true, reason: 'verstuurd', fresh: 2 });
    expect(digests()).toHaveLength(1);
    const mail = digests()[0]!;
    expect(mail.to).toEqual(['regie@testdorp.example']);
    // The case is named by its code and the coordinator's own label.
    const ref = `${h.row.code} (${h.row.label})`;
    expect(h.row.label).not.toBe('');
    expect(mail.body).toContain(`${ref}: 1 mislukt.`);
    expect(mail.body).toMatch(/\): \d inzending(en)? niet verwerkt \(quarantaine\)/);
    // Never a name, an answer or a partner's contact.
    for (const text of [
      ...PERSONS.map((p) => p.naam),
      ...PARTNERS.flatMap((p) => [p.contactName, p.email]),
      'speeltuin',
    ])
      expect(`${mail.subject}\n${mail.body}`).not.toContain(text);
    // The mail is a row of the register's own outbox; what it reported is kept by key.
    const reg = openRegister();
    expect(readTable(reg.ss, OUTBOX).map((r) => [r.key, r.kind, r.status])).toEqual([
      ['dagoverzicht:2026-01-12#1', 'dagoverzicht', 'verstuurd'],
    ]);
    expect(readTable(reg.ss, DIGESTS).map((r) => r.day)).toEqual(['2026-01-12']);

    // Later the same day: nothing more.
    local.rt.setNow(at('2026-01-12', 14));
    expect(dispatchWithDigest(openRegister()).digest).toBeNull();
    // The next working day: the same problems are not news.
    local.rt.setNow(at('2026-01-13', 9));
    expect(dispatchWithDigest(openRegister()).digest).toEqual({ sent: false, reason: 'niets nieuw' });
    expect(digests()).toHaveLength(1);
    // A later run that day finds the same facts: it does not look again, and says the same.
    local.rt.setNow(at('2026-01-13', 11));
    expect(dispatchWithDigest(openRegister()).digest).toEqual({ sent: false, reason: 'niets nieuw' });

    // The day after the deadline (Monday 26 January): two partners late.
    local.rt.setNow(at('2026-01-27', 9));
    const late = dispatchWithDigest(openRegister());
    expect(late.digest).toMatchObject({ sent: true, fresh: 2 });
    const second = digests()[1]!;
    expect(second.body).toMatch(
      /Partners te laat\n- .*Jongerenwerk Testdorp.*Handhaving Testdorp.*\[nieuw\]/,
    );
    expect(second.body).toMatch(/1 mislukt\. [^\n]*versturen"\.\n/);
    expect(second.body).toContain(
      'stap 1 (Signalen delen): De deadline is voorbij; 1 van 3 partners heeft geantwoord.',
    );

    // Both late partners answer: every form is in, a decision is due.
    for (const f of readTable(h.ss, FORMS).filter((x) => x.partnerId !== 'politie'))
      fillRequired(local.rt, f.formId);
    local.rt.setNow(at('2026-01-28', 9));
    dispatchWithDigest(openRegister());
    const third = digests()[2]!;
    expect(third.body).toContain(
      `Besluit nodig\n- ${h.row.code} (${h.row.label}), stap 1 (Signalen delen): Alle antwoorden zijn binnen (3 van 3 partners hebben geantwoord). Leg het besluit vast. [nieuw]`,
    );
    expect(third.body).not.toContain('Partners te laat');
  });

  it('uitgezet: geen dagoverzicht', () => {
    caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 10));
    const reg = openRegister();
    expect(dispatchWithDigest({ ...reg, settings: { ...reg.settings, digest: false } }).digest).toBeNull();
    expect(digests()).toHaveLength(0);
  });

  it('op het dagquotum: het overzicht wacht en gaat bij een volgende run van dezelfde dag alsnog, één keer', () => {
    caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 10));
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      message: 'Service invoked too many times for one day: email.',
    });
    expect(dispatchWithDigest(openRegister()).digest).toMatchObject({ sent: false, reason: 'wacht' });
    expect(digests()).toHaveLength(0);
    local.rt.setNow(at('2026-01-12', 11));
    // The run that finishes it counts no items: the run that queued it reported them.
    expect(dispatchWithDigest(openRegister()).digest).toEqual({
      sent: true,
      reason: 'verstuurd',
      items: 0,
      fresh: 0,
      mail: expect.objectContaining({ sent: 1, waiting: 0 }),
    });
    local.rt.setNow(at('2026-01-12', 12));
    dispatchWithDigest(openRegister());
    expect(digests()).toHaveLength(1);
  });

  it('kost per casus geen aanroep extra; buiten het venster niets, erna één eigenschap', () => {
    caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 10));
    dispatchAll(openRegister());
    // Each run opens the register itself, as runDispatcher does (the case list comes with it).
    const reg = openRegister;
    const count = (fn: () => void) => {
      local.rt.resetCounts();
      fn();
      return local.rt.totalCalls();
    };
    const plain = count(() => dispatchAll(reg()));
    const withFacts = count(() => dispatchAll(reg(), undefined, { facts: true }));
    expect(withFacts).toBe(plain);
    dispatchWithDigest(reg());
    expect(digests()).toHaveLength(1);
    // Sent today: the run costs one script-property read more than the dispatcher alone.
    expect(count(() => dispatchWithDigest(reg())) - count(() => dispatchAll(reg()))).toBeLessThanOrEqual(2);
    // Evening: nothing at all.
    local.rt.setNow(at('2026-01-12', 19));
    expect(count(() => dispatchWithDigest(reg()))).toBe(count(() => dispatchAll(reg())));
  });

  it('de run die het overzicht verstuurt, leest de tabs van het register in de laatste batch: één leesronde meer dan de dispatcher alleen', () => {
    caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 10));
    dispatchAll(openRegister());
    const batchReads = (fn: () => void) => {
      local.rt.resetCounts();
      fn();
      return local.rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0;
    };
    const plain = batchReads(() => dispatchAll(openRegister()));
    expect(batchReads(() => dispatchWithDigest(openRegister()))).toBe(plain + 1);
    expect(digests()).toHaveLength(1);
  });

  it('buiten het venster verzamelt een run geen feiten voor het overzicht', () => {
    caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 19));
    const run = dispatchWithDigest(openRegister());
    expect(run.digest).toBeNull();
    expect(run.refreshed).toHaveLength(1);
    expect(run.refreshed[0]!.facts).toBeUndefined();
    // In the window the same run collects them.
    local.rt.setNow(at('2026-01-13', 9));
    expect(dispatchWithDigest(openRegister()).refreshed[0]!.facts).toBeDefined();
  });

  it('dezelfde dag een nieuw probleem van een soort die al gemeld was: het overzicht gaat alsnog', () => {
    const h = caseWithTrouble();
    local.rt.setNow(at('2026-01-12', 10));
    expect(dispatchWithDigest(openRegister()).digest).toMatchObject({ sent: true, fresh: 2 });
    local.rt.setNow(at('2026-01-13', 9));
    expect(dispatchWithDigest(openRegister()).digest).toEqual({ sent: false, reason: 'niets nieuw' });
    // A second answer to the item the product did not make: quarantine again, with a new key.
    const politie = readTable(h.ss, FORMS).find((f) => f.partnerId === 'politie')!;
    const form = FormApp.openById(politie.formId);
    const extra = form
      .getItems()
      .find((i) => i.getTitle() === 'Extra vraag')!
      .asTextItem();
    form.createResponse().withItemResponse(extra.createResponse('Nog een keer')).submit();
    local.rt.setNow(at('2026-01-13', 10));
    expect(dispatchWithDigest(openRegister()).digest).toMatchObject({
      sent: true,
      reason: 'verstuurd',
      fresh: 1,
    });
    expect(digests()).toHaveLength(2);
  });
});

describe('dagoverzicht: wat er uit een run komt (sendDigest)', () => {
  let local: LocalAppsScript;
  afterEach(() => local.dispose());
  const TODAY = '2026-01-12';
  const digests = () => local.rt.mailbox.filter((m) => m.subject.startsWith('Dagoverzicht'));
  const property = () => PropertiesService.getScriptProperties().getProperty(DIGEST_SENT_KEY);

  const facts = caseFacts;
  const refreshed = (code: string, f: CaseFacts | undefined, waiting = 0): CaseRefresh =>
    ({
      code,
      reminders: 0,
      escalations: 0,
      mail: { sent: 0, waiting, failed: 0, uncertain: 0 },
      published: false,
      daily: false,
      facts: f,
    }) as unknown as CaseRefresh;
  const report = (over: Partial<DispatchReport>): DispatchReport => ({
    refreshed: [],
    deferred: [],
    errors: [],
    cases: [],
    sharing: [],
    ...over,
  });

  function register() {
    local = freshRegister().local;
    local.rt.setNow(at(TODAY, 10));
    return openRegister();
  }

  it('telt wat het bereikte, wat het niet bereikte (alleen open casussen) en teruggezet delen buiten een casus', () => {
    const reg = register();
    // A mail of case A was reported before; its second failed mail is new.
    appendRows(reg.ss, DIGESTS, [{ day: '2026-01-09', sentAt: 0, keys: 'mail:JGA-2026-001:k1' }]);
    const r = sendDigest(
      reg,
      TODAY,
      report({
        cases: [
          caseRow({ code: 'JGA-2026-001' }),
          caseRow({ code: 'JGA-2026-002' }),
          caseRow({ code: 'JGA-2026-003', status: 'gesloten', closedOn: '2026-01-09' }),
        ],
        refreshed: [refreshed('JGA-2026-001', facts('JGA-2026-001', { failedMails: ['k1', 'k2'] }))],
        sharing: [
          // Case A's own check already reported it (sharingReverted); not twice.
          { code: 'JGA-2026-001', files: 2, links: 1, removed: 1, day: TODAY },
          { code: '', files: 1, links: 1, removed: 0, day: TODAY },
        ],
      }),
    );
    // Items: A's mails, the product's folders, B not reached. C is closed.
    expect(r).toMatchObject({ sent: true, reason: 'verstuurd', items: 3, fresh: 2 });
    const body = digests()[0]!.body;
    expect(body).toContain('JGA-2026-002: niet bijgewerkt in deze ronde');
    expect(body).not.toContain('JGA-2026-001: niet bijgewerkt');
    expect(body).not.toContain('JGA-2026-003');
    expect(body).toContain('De mappen van het product: 1 bestand of map op 12-01-2026');
    expect(body).not.toContain('2 bestanden of mappen');
    expect(readTable(reg.ss, OUTBOX).map((m) => [m.key, m.formKey, m.status])).toEqual([
      ['dagoverzicht:2026-01-12#1', '', 'verstuurd'],
    ]);
    expect(readTable(reg.ss, DIGESTS).at(-1)!.keys).toBe(
      ['mail:JGA-2026-001:k1', 'mail:JGA-2026-001:k2', 'delen:2026-01-12:'].join('\n'),
    );
    expect(property()).toBe(TODAY);
  });

  it('niets te melden: geen mail, en alleen de dag met een vingerafdruk onthouden', () => {
    const reg = register();
    const r = sendDigest(
      reg,
      TODAY,
      report({ cases: [caseRow()], refreshed: [refreshed('JGA-2026-001', facts('JGA-2026-001'))] }),
    );
    expect(r).toEqual({ sent: false, reason: 'niets' });
    expect(digests()).toHaveLength(0);
    expect(readTable(reg.ss, OUTBOX)).toHaveLength(0);
    expect(property()).toMatch(/^2026-01-12:./);
  });

  it('een casus zonder feiten (uitgesteld) telt als niet bereikt', () => {
    const reg = register();
    const r = sendDigest(
      reg,
      TODAY,
      report({
        cases: [caseRow(), caseRow({ code: 'JGA-2026-002' })],
        refreshed: [
          refreshed('JGA-2026-001', undefined),
          refreshed('JGA-2026-002', facts('JGA-2026-002', { quarantine: ['f|r'] })),
        ],
      }),
    );
    expect(r).toMatchObject({ sent: true, items: 2, fresh: 1 });
    expect(digests()[0]!.body).toContain('JGA-2026-001: niet bijgewerkt in deze ronde');
  });

  it('een wachtend overzicht van een eerdere dag vervalt; alleen dat van vandaag gaat', () => {
    const reg = register();
    const old = (day: string, n: number) => ({
      key: `dagoverzicht:${day}#${n}`,
      formKey: '',
      kind: 'dagoverzicht' as const,
      to: 'regie@testdorp.example',
      subject: `Dagoverzicht oud ${day}`,
      body: 'oud',
    });
    enqueue(reg.ss, [old('2026-01-09', 1), old('2026-01-08', 1)]);
    const rows = readTable(reg.ss, OUTBOX);
    // The one of the 8th already failed: it stays as it was.
    reg.ss
      .getSheetByName(OUTBOX.name)!
      .getRange(3, Object.keys(rows[1]!).indexOf('status') + 1)
      .setValue('mislukt');
    expect(readTable(reg.ss, OUTBOX).map((m) => m.status)).toEqual(['wacht', 'mislukt']);
    const r = sendDigest(
      reg,
      TODAY,
      report({
        cases: [caseRow()],
        refreshed: [refreshed('JGA-2026-001', facts('JGA-2026-001', { quarantine: ['f|r'] }))],
      }),
    );
    expect(r).toMatchObject({ sent: true, reason: 'verstuurd' });
    expect(readTable(reg.ss, OUTBOX).map((m) => [m.key, m.status, m.error])).toEqual([
      ['dagoverzicht:2026-01-09#1', 'vervallen', 'Vervangen door een nieuwer dagoverzicht.'],
      ['dagoverzicht:2026-01-08#1', 'mislukt', expect.anything()],
      ['dagoverzicht:2026-01-12#1', 'verstuurd', expect.anything()],
    ]);
    expect(digests().map((m) => m.subject)).not.toContain('Dagoverzicht oud 2026-01-09');
    expect(digests()).toHaveLength(1);
  });

  it('wacht zolang een partnermail op het quotum wacht, en onthoudt geen vingerafdruk', () => {
    const reg = register();
    // An earlier day's digest that failed is no reason to wait.
    enqueue(reg.ss, [
      {
        key: 'dagoverzicht:2026-01-09#1',
        formKey: '',
        kind: 'dagoverzicht',
        to: 'regie@testdorp.example',
        subject: 'Dagoverzicht oud',
        body: 'oud',
      },
    ]);
    reg.ss
      .getSheetByName(OUTBOX.name)!
      .getRange(2, Object.keys(readTable(reg.ss, OUTBOX)[0]!).indexOf('status') + 1)
      .setValue('mislukt');
    const r = sendDigest(
      reg,
      TODAY,
      report({
        cases: [caseRow(), caseRow({ code: 'JGA-2026-002' })],
        refreshed: [
          refreshed('JGA-2026-001', facts('JGA-2026-001', { quarantine: ['f|r'] })),
          refreshed('JGA-2026-002', facts('JGA-2026-002'), 1),
        ],
      }),
    );
    expect(r).toEqual({
      sent: false,
      reason: 'wacht',
      items: 1,
      fresh: 1,
      mail: { sent: 0, waiting: 1, failed: 0, uncertain: 0 },
    });
    expect(digests()).toHaveLength(0);
    expect(readTable(reg.ss, OUTBOX).map((m) => m.status)).toEqual(['mislukt', 'wacht']);
    expect(property()).toBe('2026-01-12:wacht');
  });

  it('digestDue: de dag binnen het venster, tot het overzicht van die dag verstuurd is', () => {
    const reg = register();
    expect(digestDue(reg.settings)).toBe(TODAY);
    PropertiesService.getScriptProperties().setProperty(DIGEST_SENT_KEY, `${TODAY}:wacht`);
    expect(digestDue(reg.settings)).toBe(TODAY);
    PropertiesService.getScriptProperties().setProperty(DIGEST_SENT_KEY, TODAY);
    expect(digestDue(reg.settings)).toBeNull();
    local.rt.setNow(at(TODAY, 19));
    PropertiesService.getScriptProperties().deleteProperty(DIGEST_SENT_KEY);
    expect(digestDue(reg.settings)).toBeNull();
  });

  it('een herhaalde run zonder nieuwe feiten zegt hetzelfde als de eerste: niets', () => {
    const reg = register();
    expect(dispatchWithDigest(reg).digest).toEqual({ sent: false, reason: 'niets' });
    expect(dispatchWithDigest(openRegister()).digest).toEqual({ sent: false, reason: 'niets' });
  });

  it('Bevrijdingsdag: vrij als de instelling het elk jaar zo wil, anders alleen in lustrumjaren', () => {
    register();
    const may5 = at('2026-05-05', 10);
    expect(inDigestWindow(may5, SETTINGS)).toBe('2026-05-05');
    expect(inDigestWindow(may5, { ...SETTINGS, bevrijdingsdagEveryYear: true })).toBeNull();
  });

  it('alleen niet bereikte casussen: niets om te mailen', () => {
    const reg = register();
    expect(sendDigest(reg, TODAY, report({ cases: [caseRow()] }))).toEqual({ sent: false, reason: 'niets' });
    expect(digests()).toHaveLength(0);
  });

  it('niets gevonden en later dezelfde dag een mislukte uitnodiging: dan gaat het overzicht alsnog', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    local.rt.setNow(at(TODAY, 10));
    expect(dispatchWithDigest(openRegister()).digest).toEqual({ sent: false, reason: 'niets' });
    // The same facts again: the digest costs at most the property read, no lock or table read.
    const count = (fn: () => void) => {
      local.rt.resetCounts();
      fn();
      return local.rt.totalCalls();
    };
    expect(
      count(() => dispatchWithDigest(openRegister())) - count(() => dispatchAll(openRegister())),
    ).toBeLessThanOrEqual(2);
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, message: 'Invalid email: wijkagent@' });
    startStep(fresh.h);
    local.rt.advance(60_000);
    expect(dispatchWithDigest(openRegister()).digest).toMatchObject({
      sent: true,
      reason: 'verstuurd',
      fresh: 1,
    });
    expect(digests()).toHaveLength(1);
  });
  it('alleen een casus die de run niet bereikte: niets, ook bij de volgende run', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    local.rt.setNow(at(TODAY, 10));
    // No time left at all: every case waits for the next run.
    const first = dispatchWithDigest(openRegister(), -1);
    expect(first.deferred).toEqual([fresh.h.row.code]);
    expect(first.digest).toEqual({ sent: false, reason: 'niets' });
    expect(dispatchWithDigest(openRegister(), -1).digest).toEqual({ sent: false, reason: 'niets' });
    expect(digests()).toHaveLength(0);
  });

  it('een andere wachtende mail van het register vervalt niet door het overzicht', () => {
    const reg = register();
    enqueue(reg.ss, [
      {
        key: 'advies:2026-01-09#1',
        formKey: '',
        kind: 'advies',
        to: 'regie@testdorp.example',
        subject: 'Advies',
        body: 'Tekst.',
      },
    ]);
    sendDigest(
      reg,
      TODAY,
      report({
        cases: [caseRow()],
        refreshed: [refreshed('JGA-2026-001', facts('JGA-2026-001', { quarantine: ['f|r'] }))],
      }),
    );
    expect(readTable(reg.ss, OUTBOX).map((m) => [m.key, m.status])).toEqual([
      ['advies:2026-01-09#1', 'verstuurd'],
      ['dagoverzicht:2026-01-12#1', 'verstuurd'],
    ]);
  });
  it('een andere mail van het register die later opnieuw moet, laat het verstuurde overzicht niet wachten', () => {
    const reg = register();
    enqueue(reg.ss, [
      {
        key: 'advies:2026-01-09#1',
        formKey: '',
        kind: 'advies',
        to: 'regie@testdorp.example',
        subject: 'Advies',
        body: 'Tekst.',
      },
    ]);
    // The advice mail meets a passing error of the mail service; the digest after it goes.
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      message: 'Service unavailable. Try again later.',
    });
    const r = sendDigest(
      reg,
      TODAY,
      report({
        cases: [caseRow()],
        refreshed: [refreshed('JGA-2026-001', facts('JGA-2026-001', { quarantine: ['f|r'] }))],
      }),
    );
    expect(readTable(reg.ss, OUTBOX).map((m) => [m.key, m.status])).toEqual([
      ['advies:2026-01-09#1', 'wacht'],
      ['dagoverzicht:2026-01-12#1', 'verstuurd'],
    ]);
    expect(r).toMatchObject({ sent: true, reason: 'verstuurd' });
    expect(property()).toBe(TODAY);
  });
});
