/**
 * The facts of the coordinator's digest (workflow/digestFacts.ts), from a case's tables without
 * any service: which forms count for the running step, who is late from which day, which mails
 * and log lines are reported, when a retention deadline is announced and when it has passed, and
 * the keys that decide whether an item is news. The digest on a whole case is in digest.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/model/caseMachine';
import { CATALOG } from '../../src/model/catalog';
import { PartnerListSchema, SettingsSchema } from '../../src/model/configSchemas';
import type { CaseState } from '../../src/model/types';
import type { CaseRow } from '../../src/workflow/context';
import type { CaseFacts, CaseTables, RetentionFact } from '../../src/workflow/digestFacts';
import {
  actionFactsFromTables,
  digestItems,
  factsFromTables,
  labelOf,
  RETENTION_NOTICE_DAYS,
  retentionFacts,
} from '../../src/workflow/digestFacts';
import { LOG_CHANGED_EVENT } from '../../src/workflow/logCheck';
import type { FormRow, LogRow, OutboxRow } from '../../src/workflow/records';
import { SHARING_REVERTED_EVENT } from '../../src/workflow/sharingCheck';
import { caseFacts, caseListRow, caseTables, formRow, PARTNERS } from './helpers';

const SETTINGS = SettingsSchema.parse({
  gemeente: 'Testdorp',
  coordinatorEmail: 'regie@testdorp.example',
  retentionMonths: 12,
});
const REG = { partners: PartnerListSchema.parse(PARTNERS), catalog: CATALOG };
const CODE = 'JGA-2026-001';
/** Tuesday 27 January 2026. */
const TODAY = '2026-01-27';

const caseRow = (over: Partial<CaseRow> = {}): CaseRow =>
  caseListRow({ code: CODE, label: 'speeltuin', ...over });

/** A form row; `key` is `<step>#<round>#<partner>[#n]`. */
const form = (key: string, status: FormRow['status'], deadline = '2026-01-26'): FormRow =>
  formRow(key, { status, deadline });

function mail(key: string, status: OutboxRow['status'], kind: OutboxRow['kind'] = 'uitnodiging'): OutboxRow {
  return {
    key,
    formKey: '1#1#politie',
    kind,
    to: 'x@example.org',
    subject: '',
    body: '',
    status,
    createdAt: 0,
    sentAt: 0,
    attempts: 0,
    error: '',
  };
}

const logLine = (at: number, event: string, detail: string): LogRow => ({ at, event, detail, hash: '' });

const tables = caseTables;

/** The case as opened: step 1, round 1. */
const START: CaseState = replay(CODE, []);

/** actionFactsFromTables without the state it was given. */
function actionFacts(state: CaseState, t: CaseTables, today = TODAY) {
  const { state: _state, ...rest } = actionFactsFromTables(state, caseRow(), t, REG, today);
  return rest;
}

describe('dagoverzicht: wat "besluit nodig" ziet (actionFactsFromTables)', () => {
  it('alleen de formulieren van de lopende stap én ronde tellen', () => {
    // Step 1 in its second round: a round-1 answer and a form of another step are history.
    const round2: CaseState = { ...START, round: 2, rounds: { '1': 2 } };
    const facts = actionFacts(
      round2,
      tables({
        forms: [
          form('1#1#jongerenwerk', 'beantwoord'),
          form('1#2#politie', 'open', '2026-02-09'),
          form('2A#2#boa', 'beantwoord'),
        ],
      }),
    );
    expect(facts.partners).toEqual([
      { partnerId: 'politie', answered: false, closed: false, deadline: '2026-02-09' },
    ]);
    expect(facts.started).toBe(true);
  });

  it('een partner met aanvullende formulieren: geantwoord zodra er één beantwoord is en geen meer open staat; de vroegste open termijn telt', () => {
    const facts = actionFacts(
      START,
      tables({
        forms: [
          // Politie answered its first form but two supplementary ones are still open.
          form('1#1#politie', 'beantwoord', '2026-01-19'),
          form('1#1#politie#2', 'open', '2026-02-02'),
          form('1#1#politie#3', 'open', '2026-01-28'),
          // Handhaving answered one, the other was closed unanswered: it has answered.
          form('1#1#boa', 'beantwoord', '2026-01-26'),
          form('1#1#boa#2', 'gesloten', '2026-01-23'),
          // Jongerenwerk's only form was closed: it can no longer answer.
          form('1#1#jongerenwerk', 'gesloten', '2026-01-26'),
        ],
      }),
    );
    expect(facts.partners).toEqual([
      { partnerId: 'politie', answered: false, closed: false, deadline: '2026-01-28' },
      { partnerId: 'boa', answered: true, closed: false, deadline: '2026-01-23' },
      { partnerId: 'jongerenwerk', answered: false, closed: true, deadline: '2026-01-26' },
    ]);
    expect(facts.expected).toBe(3);
  });

  it('zonder formulieren is de stap alleen gestart als het logboek "stap gestart" voor deze stap en ronde heeft', () => {
    const started = (log: LogRow[]) => actionFacts(START, tables({ log })).started;
    expect(started([])).toBe(false);
    expect(started([logLine(1, 'stap gestart', 'stap 1, ronde 1: 0 van 3 formulieren gemaakt')])).toBe(true);
    // Another round, another event with the same words, or the words not at the start: not started.
    expect(started([logLine(1, 'stap gestart', 'stap 1, ronde 2: 3 van 3 formulieren gemaakt')])).toBe(false);
    expect(started([logLine(1, 'stap hervat', 'stap 1, ronde 1: 3 van 3 formulieren gemaakt')])).toBe(false);
    expect(started([logLine(1, 'stap gestart', 'opnieuw stap 1, ronde 1:')])).toBe(false);
  });

  it('mislukte en onzekere mails tellen, verstuurde, wachtende en vervangen niet', () => {
    const facts = actionFacts(
      START,
      tables({
        outbox: [
          mail('a', 'mislukt'),
          mail('b', 'onzeker'),
          mail('c', 'verstuurd'),
          mail('d', 'wacht'),
          mail('e', 'vervangen'),
          mail('f', 'vervallen'),
        ],
      }),
    );
    expect(facts).toEqual({
      today: TODAY,
      started: false,
      expected: 3,
      partners: [],
      namesList: false,
      persons: 0,
      failedMails: 2,
      overviewStale: false,
      letters: { toMake: 0, waiting: 0 },
    });
  });
});

describe('dagoverzicht: de feiten van een open casus (factsFromTables)', () => {
  it('te laat vanaf de dag na de termijn, niet op de dag zelf; zonder termijn of beantwoord nooit', () => {
    const t = tables({
      forms: [
        form('1#1#politie', 'open', '2026-01-26'),
        form('1#1#jongerenwerk', 'open', TODAY),
        form('1#1#boa', 'open', '2026-01-28'),
        form('1#1#politie#2', 'open', ''),
        form('1#1#boa#2', 'beantwoord', '2026-01-20'),
        // A partner no longer in the register is named by its id.
        form('1#1#oudpartner', 'open', '2026-01-23'),
      ],
    });
    const late = (today: string) =>
      factsFromTables(caseRow(), t, REG, SETTINGS, today).late.map((l) => [
        l.partner,
        l.deadline,
        l.workdaysLate,
      ]);
    expect(late('2026-01-26')).toEqual([['oudpartner', '2026-01-23', 1]]);
    expect(late(TODAY)).toEqual([
      ['Politie Basisteam Testdorp', '2026-01-26', 1],
      ['oudpartner', '2026-01-23', 2],
    ]);
    expect(late('2026-01-28')).toEqual([
      ['Politie Basisteam Testdorp', '2026-01-26', 2],
      ['Jongerenwerk Testdorp', TODAY, 1],
      ['oudpartner', '2026-01-23', 3],
    ]);
    // Over a weekend: Friday's deadline is one working day late on Monday.
    const friday = tables({ forms: [form('1#1#boa', 'open', '2026-01-30')] });
    expect(factsFromTables(caseRow(), friday, REG, SETTINGS, '2026-02-02').late).toEqual([
      {
        formKey: '1#1#boa',
        partner: 'Handhaving Testdorp',
        step: '1',
        deadline: '2026-01-30',
        workdaysLate: 1,
      },
    ]);
  });

  it('mails per soort met hun sleutel, quarantaine als formulier|inzending, en een casus zonder label heet ""', () => {
    const f = factsFromTables(
      // A register row from before labels existed has no label at all.
      caseRow({ label: undefined as unknown as string }),
      tables({
        outbox: [mail('m1', 'mislukt'), mail('m2', 'onzeker'), mail('m3', 'verstuurd'), mail('m4', 'wacht')],
        quarantine: [{ at: 1, formId: 'F1', responseId: 'R1', reason: 'onbekende vraag', data: '{}' }],
      }),
      REG,
      SETTINGS,
      TODAY,
    );
    expect([f.label, f.failedMails, f.uncertainMails, f.quarantine]).toEqual(['', ['m1'], ['m2'], ['F1|R1']]);
    expect(labelOf(caseRow())).toBe('speeltuin');
  });

  it('logboekwijzigingen en teruggezet delen alleen van vandaag (Amsterdamse dag), met het aantal bestanden', () => {
    // 27 January 00:30 in Amsterdam is still 26 January in UTC; 26 January 23:30 is the day before.
    const justToday = Date.UTC(2026, 0, 26, 23, 30);
    const yesterday = Date.UTC(2026, 0, 26, 22, 30);
    const noon = Date.UTC(2026, 0, 27, 11, 0);
    const f = factsFromTables(
      caseRow(),
      tables({
        log: [
          logLine(yesterday, LOG_CHANGED_EVENT, '2 regels'),
          logLine(justToday, LOG_CHANGED_EVENT, '1 regel'),
          logLine(noon, 'stap gestart', 'stap 1, ronde 1: 3 van 3 formulieren gemaakt'),
          logLine(yesterday, SHARING_REVERTED_EVENT, '5'),
          logLine(justToday, SHARING_REVERTED_EVENT, '3 bestanden'),
          logLine(noon, SHARING_REVERTED_EVENT, 'onleesbaar'),
        ],
      }),
      REG,
      SETTINGS,
      TODAY,
    );
    expect(f.logChanged).toEqual([justToday]);
    expect(f.sharingReverted).toEqual([
      { at: justToday, files: 3 },
      { at: noon, files: 0 },
    ]);
  });

  it('een besluitentabel die het model weigert: geen "besluit nodig", de rest wel', () => {
    // Every deadline passed: with a readable decisions table the decision is due.
    const forms = [
      form('1#1#politie', 'open'),
      form('1#1#boa', 'beantwoord'),
      form('1#1#jongerenwerk', 'gesloten'),
    ];
    expect(factsFromTables(caseRow(), tables({ forms }), REG, SETTINGS, TODAY).decisionDue).toEqual({
      step: '1',
      round: 1,
      allIn: false,
      reason: 'De deadline is voorbij; 1 van 3 partners heeft geantwoord.',
    });
    const f = factsFromTables(
      caseRow(),
      tables({
        forms,
        decisions: [
          {
            step: '3',
            round: 1,
            outcome: 'onbekend',
            motivation: '',
            decidedBy: '',
            date: '2026-01-20',
            route: '',
            directions: '',
            recordedAt: 0,
            recordedBy: '',
            acuteReason: '',
          },
        ],
      }),
      REG,
      SETTINGS,
      TODAY,
    );
    expect(f.decisionDue).toBeNull();
    expect(f.late.map((l) => l.formKey)).toEqual(['1#1#politie']);
  });
});

describe('dagoverzicht: bewaartermijnen (retentionFacts)', () => {
  it(`gemeld vanaf ${RETENTION_NOTICE_DAYS} dagen ervoor, niet een dag eerder; verstreken op de dag zelf`, () => {
    const closed = (code: string, closedOn: string) => caseRow({ code, status: 'gesloten', closedOn });
    // Today + 28 days = 24 February 2026.
    const facts = retentionFacts(
      [
        closed('JGA-2025-001', '2025-02-24'),
        closed('JGA-2025-002', '2025-02-25'),
        closed('JGA-2025-003', '2025-01-27'),
        closed('JGA-2025-004', '2025-01-28'),
        closed('JGA-2025-005', '2025-01-26'),
      ],
      SETTINGS,
      TODAY,
    );
    expect(facts.map((f) => [f.code, f.until, f.passed])).toEqual([
      ['JGA-2025-001', '2026-02-24', false],
      ['JGA-2025-003', TODAY, true],
      ['JGA-2025-004', '2026-01-28', false],
      ['JGA-2025-005', '2026-01-26', true],
    ]);
  });
});

describe('dagoverzicht: de punten en hun sleutels (digestItems)', () => {
  const facts = (over: Partial<CaseFacts>): CaseFacts => caseFacts(CODE, { label: 'speeltuin', ...over });

  it('besluit: "alles binnen" en "termijn voorbij" zijn verschillende sleutels per stap en ronde', () => {
    const items = digestItems(
      [
        facts({ decisionDue: { step: '1', round: 1, allIn: true, reason: 'Alle antwoorden zijn binnen.' } }),
        facts({
          code: 'JGA-2026-002',
          decisionDue: { step: '2A', round: 2, allIn: false, reason: 'De deadline is voorbij.' },
        }),
      ],
      [],
      [],
    );
    expect(items.map((i) => i.keys)).toEqual([
      ['besluit:JGA-2026-001:1:1:binnen'],
      ['besluit:JGA-2026-002:2A:2:termijn'],
    ]);
    expect(items[1]!.item).toEqual({
      kind: 'besluit',
      code: 'JGA-2026-002',
      label: 'speeltuin',
      step: '2A',
      round: 2,
      allIn: false,
      reason: 'De deadline is voorbij.',
    });
  });

  it('logboek en teruggezet delen: één sleutel per regel, de dag in Amsterdam', () => {
    const at = Date.UTC(2026, 0, 26, 23, 30);
    const items = digestItems(
      [facts({ logChanged: [at, at + 1], sharingReverted: [{ at, files: 2 }] })],
      [],
      [],
    );
    expect(items).toEqual([
      {
        item: { kind: 'logboek', code: CODE, label: 'speeltuin' },
        keys: [`logboek:${CODE}:${at}`, `logboek:${CODE}:${at + 1}`],
      },
      {
        item: { kind: 'delen', code: CODE, label: 'speeltuin', files: 2, day: '2026-01-27' },
        keys: [`delen:${CODE}:${at}`],
      },
    ]);
  });

  it('bewaren: de sleutel zegt onbekend, nadert of verlopen, zodat elke overgang nieuws is', () => {
    const r = (code: string, until: string, passed: boolean): RetentionFact => ({
      code,
      label: '',
      closedOn: until === '' ? '' : '2025-01-01',
      months: 12,
      until,
      passed,
    });
    const items = digestItems(
      [],
      [
        r('JGA-2025-001', '', false),
        r('JGA-2025-002', '2026-02-01', false),
        r('JGA-2025-003', '2026-01-01', true),
      ],
      [],
    );
    expect(items.map((i) => i.keys)).toEqual([
      ['bewaren:JGA-2025-001:onbekend:'],
      ['bewaren:JGA-2025-002:nadert:2026-02-01'],
      ['bewaren:JGA-2025-003:verlopen:2026-01-01'],
    ]);
    expect(items[2]!.item).toEqual({ kind: 'bewaren', ...r('JGA-2025-003', '2026-01-01', true) });
  });

  it('feiten van vóór logboek- en deelcontrole geven geen punt; gedeelde mappen met en zonder casuslabel', () => {
    const old = facts({}) as Partial<CaseFacts>;
    delete old.logChanged;
    delete old.sharingReverted;
    const items = digestItems(
      [old as CaseFacts],
      [],
      [{ code: 'JGA-2026-009', label: 'plein' }],
      [
        { code: CODE, files: 4, day: TODAY },
        { code: '', files: 1, day: TODAY },
      ],
      new Map([[CODE, 'speeltuin']]),
    );
    expect(items).toEqual([
      {
        item: { kind: 'delen', code: CODE, label: 'speeltuin', files: 4, day: TODAY },
        keys: [`delen:${TODAY}:${CODE}`],
      },
      { item: { kind: 'delen', code: '', label: '', files: 1, day: TODAY }, keys: [`delen:${TODAY}:`] },
      { item: { kind: 'niet-bekeken', code: 'JGA-2026-009', label: 'plein' }, keys: [] },
    ]);
  });
});
