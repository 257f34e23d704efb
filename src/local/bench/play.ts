/**
 * Plays a scenario the way Apps Script runs the product, and measures every operation: each
 * menu action is a call of the real menu function from src/main.ts in its own execution (the
 * prompt for the case code answered), every dispatcher run is `runDispatcher` in its own
 * execution. Partners answer through the respondent simulation between operations (not counted:
 * that is not the script's work).
 *
 * Each operation records the service calls it made (per `Class.method`, the emulator's counters),
 * its executions (a start that runs out of time is finished by dispatcher runs: those count as
 * its continuations) and what it did (forms made, mails sent, answers read, tabs rewritten, the
 * overview's elements), from which floors.ts computes the fewest calls its route needs.
 */
import { createHash } from 'node:crypto';
import * as entry from '../../main';
import { replay } from '../../model/caseMachine';
import { isoDate, startOfLocalDay } from '../../model/time';
import type { Decision, LightRoute, StepId } from '../../model/types';
import { addWorkdays } from '../../model/workdays';
import { buildAdvice } from '../../render/advice';
import type { DocTree } from '../../render/docTree';
import { chartsOf } from '../../render/docx/docx';
import { buildDocument } from '../../render/overview';
import { ADVICE_DOCUMENT_KEY, readAdviceTab, writeAdviceTab } from '../../workflow/advice';
import { assembleView, readDecisions } from '../../workflow/assemble';
import { listCases, openCase, openRegister } from '../../workflow/context';
import { itemMapOf } from '../../workflow/formKey';
import { withLock } from '../../workflow/lock';
import { addPersons } from '../../workflow/persons';
import { writePlanTab } from '../../workflow/planTab';
import { audienceDocuments, caseDocumentIds } from '../../workflow/publish';
import { FORMS, PERSONS } from '../../workflow/records';
import { setupRegister } from '../../workflow/registerTabs';
import { startIncomplete } from '../../workflow/startStep';
import { readTable } from '../../workspace/tables';
import { editAsRespondent, submitAsRespondent } from '../apps-script/forms';
import { type LatencyProfile, priceCalls } from '../apps-script/latency';
import type { Runtime } from '../apps-script/runtime';
import { MIME } from '../apps-script/runtime';
import type { SpreadsheetData } from '../apps-script/spreadsheet-model';
import { fictionalCaseInput } from '../demo/caseInput';
import { substitutePersons, toItemAnswers } from '../demo/runScenario';
import type { Scenario, StepRunInput } from '../demo/scenarioSchema';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export type OperationKind =
  | 'openen'
  | 'start'
  | 'namenlijst'
  | 'dispatcher-eerste'
  | 'dispatcher-idle'
  | 'besluit'
  | 'publiceren'
  | 'pdf';

/** One execution of an operation: calls and emulated milliseconds under each profile. */
export interface ExecutionCost {
  calls: number;
  ms: Record<LatencyProfile, number>;
}

/** What an operation did, observed in the emulator's state (not counted). */
export interface Work {
  formsCreated: number;
  itemsCreated: number;
  /** Setter calls the created items cannot do without (ids, choices, grid rows and columns, required). */
  itemSettersCreated: number;
  formsCopied: number;
  mailsSent: number;
  /** Forms of the case that accepted answers when the operation began. */
  openForms: number;
  /** Responses that were new or edited since the previous dispatcher run, and their answers. */
  newResponses: number;
  /** Open forms that received such a response (the forms the response-tab check must read). */
  formsWithNew: number;
  /** Open forms that got a response destination in this operation (Form.setDestination). */
  formsLinked: number;
  newAnswers: number;
  formsClosed: number;
  /** Tabs (of any spreadsheet) whose content changed, tabs that were added among them. */
  tabsChanged: number;
  /** Tabs the operation wrote to (changed or not). */
  tabsWritten: number;
  /** Elements of the overview document when it was written in this operation (0 = not written). */
  docElements: number;
  docWritten: boolean;
  /** Google Docs of the case made or rewritten in this operation (every audience version). */
  docsWritten: number;
  /** Distinct charts in those documents, each with its data-table columns and rows. */
  charts: { columns: number; rows: number }[];
  /** Documents whose readers changed: per document the readers added and removed. */
  sharingChanges: { added: number; removed: number }[];
  personsAdded: number;
  pdfs: number;
  /** Open cases (dispatcher). */
  openCases: number;
  /** Whether the daily folder scan was due. */
  dailyRun: boolean;
  /** Open cases that have a namenlijst (the daily sharing check looks at it too). */
  namesLists: number;
}

export interface OperationRun {
  kind: OperationKind;
  /** e.g. `start 3`, `besluit 6 r2`, `dispatcher idle 3`. */
  operation: string;
  step: StepId | '';
  round: number;
  callsByMethod: Record<string, number>;
  calls: number;
  executions: ExecutionCost[];
  /** Milliseconds of Node CPU time the emulator took (wall clock of this process, not emulated). */
  cpuMs: number;
  work: Work;
  /** What the coordinator was told (menu alert), or the dispatcher's logged errors. */
  message: string;
  error?: string;
}

export interface PlayResult {
  runs: OperationRun[];
  caseCode: string;
}

type Say = (line: string) => void;

/** Runs `fn` as one execution of the operation; a trigger run counts toward the daily runtime. */
type Exec = (fn: () => void, trigger?: boolean) => void;

function at(rt: Runtime, iso: string, hour: number, minute = 0): void {
  const t = startOfLocalDay(iso, 'Europe/Amsterdam') + hour * HOUR + minute * MINUTE;
  if (t > rt.now()) rt.setNow(t);
}

function countsSnapshot(rt: Runtime): Map<string, number> {
  return new Map(rt.counts);
}

function diffCounts(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d > 0) out[k] = d;
  }
  return out;
}

function sum(o: Record<string, number>): number {
  let n = 0;
  for (const v of Object.values(o)) n += v;
  return n;
}

/**
 * Which tabs (of any spreadsheet) were written and which changed content. Only tabs the emulator
 * saw written (`rt.tabWrites`) are hashed again; a file touched without a noted tab write (a
 * write path that does not note tabs) has all its tabs hashed again.
 */
class TabTracker {
  private readonly seen = new Map<string, { writes: number; hash: string }>();
  private readonly fileStamp = new Map<string, number>();

  constructor(private readonly rt: Runtime) {
    this.sync();
  }

  /** Updates the cache; returns the tabs written and the tabs whose content changed since the last sync. */
  sync(): { written: number; changed: number } {
    let written = 0;
    let changed = 0;
    for (const e of this.rt.entriesOf(MIME.spreadsheet)) {
      const data = e.data as SpreadsheetData;
      const touched = this.fileStamp.get(e.id) !== e.updatedAt;
      this.fileStamp.set(e.id, e.updatedAt);
      // A form's response tab is written by Google Forms (linking makes it, a submission adds a
      // row), never by the product: its calls are LINK and MAP_TAB, not a tab write.
      const tabs = data.sheets.filter((sh) => !sh.deleted && !sh.formUrl);
      const keys = tabs.map((sh) => `${e.id}/${sh.id}`);
      const noted = keys.some((k) => (this.rt.tabWrites.get(k) ?? 0) !== this.seen.get(k)?.writes);
      tabs.forEach((sh, i) => {
        const key = keys[i]!;
        const writes = this.rt.tabWrites.get(key) ?? 0;
        const prev = this.seen.get(key);
        if (prev && prev.writes === writes && !(touched && !noted)) return;
        const hash = createHash('sha1').update(JSON.stringify(sh.rows)).digest('hex');
        this.seen.set(key, { writes, hash });
        if (!prev || prev.writes !== writes) written++;
        if (!prev || prev.hash !== hash) changed++;
      });
    }
    return { written, changed };
  }
}

interface FormState {
  id: string;
  accepting: boolean;
  items: number;
  /** Setter calls its items cannot do without (see itemSetters). */
  setters: number;
  /** Whether the form sends its responses to a spreadsheet. */
  linked: boolean;
  responses: { id: string; timestamp: number; answers: number }[];
}

type FormModelLike = {
  items: { type: string; required: boolean; helpText: string }[];
  acceptingResponses: boolean;
  published: boolean;
  destination: unknown;
  responses: { id: string; timestamp: number; answers: Record<string, unknown> }[];
};

interface DocState {
  updatedAt: number;
  readers: string;
}

function docStates(rt: Runtime): Map<string, DocState> {
  return new Map(
    rt
      .entriesOf(MIME.document)
      .filter((e) => !e.trashed)
      .map((e) => [e.id, { updatedAt: e.updatedAt, readers: [...e.editors, ...e.viewers].sort().join(',') }]),
  );
}

/** Readers added and removed between two states of a document. */
function readerChange(before: string, after: string): { added: number; removed: number } {
  const b = new Set(before.split(',').filter(Boolean));
  const a = new Set(after.split(',').filter(Boolean));
  return { added: [...a].filter((x) => !b.has(x)).length, removed: [...b].filter((x) => !a.has(x)).length };
}

/**
 * The distinct charts in the case documents that were written (rebuilt from the case as it is
 * now with the product's own renderers): what a chart route has to draw at least once.
 */
function chartsIn(rt: Runtime, caseCode: string, written: ReadonlySet<string>): Work['charts'] {
  if (!caseCode || written.size === 0) return [];
  return rt.uncounted(() => {
    const h = openCase(openRegister(), caseCode);
    const view = assembleView(h);
    const trees: DocTree[] = [];
    if (written.has(h.row.overviewId)) trees.push(buildDocument(view, { audience: 'beperkt' }));
    const ids = caseDocumentIds(h);
    for (const d of audienceDocuments(view)) {
      if (written.has(ids.get(d.key) ?? '')) trees.push(buildDocument(view, d.target));
    }
    if (written.has(ids.get(ADVICE_DOCUMENT_KEY) ?? '')) {
      const advice = readAdviceTab(h);
      if (advice.ok) trees.push(buildAdvice(view, advice.value));
    }
    const seen = new Map<string, { columns: number; rows: number }>();
    for (const c of trees.flatMap(chartsOf)) {
      seen.set(JSON.stringify(c), { columns: c.series.length + 1, rows: c.categories.length });
    }
    return [...seen.values()];
  });
}

/**
 * The calls an item needs besides being added and titled (FormApp: apps-script/reference/forms):
 * its help text when it has one (setHelpText; a new item has none); its id, to map answers back
 * to the question (Item.getId; layout items get no answers); its choices (setChoiceValues) or its
 * grid rows and columns (setRows, setColumns); setRequired when it is required (items are
 * optional by default).
 */
export function itemSetters(item: { type: string; required: boolean; helpText?: string }): number {
  const help = item.helpText ? 1 : 0;
  if (item.type === 'SECTION_HEADER' || item.type === 'PAGE_BREAK') return help;
  const shape = ['MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'].includes(item.type)
    ? 1
    : ['GRID', 'CHECKBOX_GRID'].includes(item.type)
      ? 2
      : 0;
  return help + 1 + shape + (item.required ? 1 : 0);
}

function formStates(rt: Runtime): FormState[] {
  return rt.entriesOf(MIME.form).map((e) => {
    const m = e.data as FormModelLike;
    return {
      id: e.id,
      accepting: m.acceptingResponses && m.published && !e.trashed,
      items: m.items.length,
      setters: m.items.reduce((n, item) => n + itemSetters(item), 0),
      linked: m.destination !== null && m.destination !== undefined,
      responses: m.responses.map((r) => ({
        id: r.id,
        timestamp: r.timestamp,
        answers: Object.keys(r.answers).length,
      })),
    };
  });
}

/**
 * Counts the top-level elements of a document body (paragraphs, list items, tables): each needs
 * at least one call when the document is written element by element (`appendTable(cells)` makes
 * a whole table in one).
 */
function docElementCount(rt: Runtime, id: string): number {
  return rt.uncounted(() => DocumentApp.openById(id).getBody().getNumChildren());
}

export interface PlayOptions {
  say?: Say;
  /** Stop after this many steps of the scenario (a shorter run for tests). */
  maxSteps?: number;
}

/** Plays the scenario and measures every operation. */
export function playScenario(rt: Runtime, scenario: Scenario, opts: PlayOptions = {}): PlayResult {
  const say = opts.say ?? (() => {});
  const runs: OperationRun[] = [];
  let caseCode = '';
  let overviewId = '';
  let lastDispatch = 0;
  /** Days (local dates) with a dispatcher run, and whether the last run was the day's first. */
  const dispatcherDays = new Set<string>();
  let lastDispatchDaily = false;
  const scope = entry as unknown as Record<string, () => void>;
  const tabs = new TabTracker(rt);

  /** Runs one operation: `body` runs its executions through `exec`. */
  const measure = (
    kind: OperationKind,
    operation: string,
    step: StepId | '',
    round: number,
    body: (exec: Exec) => string,
  ): OperationRun => {
    const before = countsSnapshot(rt);
    tabs.sync();
    const formsBefore = formStates(rt);
    const mailsBefore = rt.mailbox.length;
    const docBefore = overviewId ? rt.getEntry(overviewId).updatedAt : 0;
    const docsBefore = docStates(rt);
    const pdfsBefore = rt.entriesOf(MIME.pdf).length;
    const personsBefore = caseCode ? rt.uncounted(() => personCount()) : 0;
    const openCases = caseCode ? 1 : 0;
    const namesLists = caseCode && rt.uncounted(() => openCase(openRegister(), caseCode).row.namesId) ? 1 : 0;
    const since = lastDispatch;
    const executions: ExecutionCost[] = [];
    let error: string | undefined;
    const cpu0 = process.cpuUsage();
    const exec: Exec = (fn, trigger = false) => {
      const c0 = countsSnapshot(rt);
      rt.beginExecution({ trigger });
      try {
        fn();
      } finally {
        rt.endExecution();
        const d = Object.entries(diffCounts(c0, rt.counts));
        executions.push({
          calls: d.reduce((n, [, v]) => n + v, 0),
          ms: { typical: priceCalls(d, 'typical'), pessimistic: priceCalls(d, 'pessimistic') },
        });
      }
    };
    let message = '';
    try {
      message = body(exec);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const cpu = process.cpuUsage(cpu0);
    const callsByMethod = diffCounts(before, rt.counts);
    const formsAfter = formStates(rt);
    const tabSync = tabs.sync();
    const known = new Map(formsBefore.map((f) => [f.id, f]));
    const created = formsAfter.filter((f) => !known.has(f.id));
    let newResponses = 0;
    let newAnswers = 0;
    let formsWithNew = 0;
    if (kind === 'dispatcher-eerste' || kind === 'dispatcher-idle' || kind === 'besluit') {
      for (const f of formsBefore) {
        let any = false;
        for (const r of f.responses) {
          if (r.timestamp > since) {
            newResponses++;
            newAnswers += r.answers;
            any = true;
          }
        }
        if (any && f.accepting) formsWithNew++;
      }
    }
    const formsLinked = formsAfter.filter((f) => f.linked && !known.get(f.id)?.linked).length;
    const docAfter = overviewId ? rt.getEntry(overviewId).updatedAt : 0;
    const docWritten = overviewId !== '' && docAfter !== docBefore;
    const docsAfter = docStates(rt);
    const written = new Set(
      [...docsAfter].filter(([id, d]) => docsBefore.get(id)?.updatedAt !== d.updatedAt).map(([id]) => id),
    );
    const sharingChanges = [...docsAfter]
      .map(([id, d]) => readerChange(docsBefore.get(id)?.readers ?? '', d.readers))
      .filter((c) => c.added + c.removed > 0);
    const work: Work = {
      formsCreated: created.length,
      itemsCreated: created.reduce((n, f) => n + f.items, 0),
      itemSettersCreated: created.reduce((n, f) => n + f.setters, 0),
      formsCopied: callsByMethod['Drive.Files.copy'] ?? 0,
      mailsSent: rt.mailbox.length - mailsBefore,
      openForms: formsBefore.filter((f) => f.accepting).length,
      newResponses,
      newAnswers,
      formsWithNew,
      formsLinked,
      formsClosed: formsAfter.filter((f) => known.get(f.id)?.accepting && !f.accepting).length,
      tabsChanged: tabSync.changed,
      tabsWritten: tabSync.written,
      docElements: docWritten ? docElementCount(rt, overviewId) : 0,
      docWritten,
      docsWritten: written.size,
      charts: chartsIn(rt, caseCode, written),
      sharingChanges,
      personsAdded: caseCode ? rt.uncounted(() => personCount()) - personsBefore : 0,
      pdfs: rt.entriesOf(MIME.pdf).length - pdfsBefore,
      openCases,
      dailyRun: kind === 'dispatcher-eerste' && lastDispatchDaily,
      namesLists,
    };
    const run: OperationRun = {
      kind,
      operation,
      step,
      round,
      callsByMethod,
      calls: sum(callsByMethod),
      executions,
      cpuMs: (cpu.user + cpu.system) / 1000,
      work,
      message,
    };
    if (error !== undefined) run.error = error;
    runs.push(run);
    return run;
  };

  const personCount = (): number => readTable(openCase(openRegister(), caseCode).ss, PERSONS).length;

  /** A menu click: answers the case-code prompt, returns the alert shown at the end. */
  const click = (fn: string, answers: { button: string; text?: string }[] = []): string => {
    const alertsBefore = rt.ui.alerts.length;
    rt.ui.answers.push(...answers, { button: 'OK' });
    try {
      const f = scope[fn];
      if (typeof f !== 'function') throw new Error(`Geen menufunctie ${fn}.`);
      f();
    } finally {
      rt.ui.answers.length = 0;
    }
    const alert = rt.ui.alerts.slice(alertsBefore).at(-1)?.prompt ?? '';
    if (alert.startsWith('Er ging iets mis')) throw new Error(alert);
    return alert;
  };
  const askCode = () => [{ button: 'OK', text: caseCode }];

  /** One trigger run of the dispatcher (no UI, like a time-driven trigger). */
  const dispatcher = (exec: Exec): string => {
    // The product does its daily work (folder scan, link and sharing checks) in the first run of
    // a calendar day, also when that run finished a split start earlier that day.
    const day = isoDate(rt.now(), 'Europe/Amsterdam');
    lastDispatchDaily = !dispatcherDays.has(day);
    dispatcherDays.add(day);
    const logsBefore = rt.logs.length;
    const uiBefore = rt.ui.uiAvailable;
    rt.ui.uiAvailable = false;
    try {
      exec(() => entry.runDispatcher(), true);
    } finally {
      rt.ui.uiAvailable = uiBefore;
      lastDispatch = rt.now();
    }
    const errors = rt.logs.slice(logsBefore).filter((l) => l.level === 'error');
    if (errors.length) throw new Error(errors.map((e) => e.message).join(' | '));
    return '';
  };

  // The register, set up by the coordinator (not measured: a one-time installation).
  const first = scenario.steps[0];
  if (!first) throw new Error('Scenario zonder stappen.');
  at(rt, first.startOn, 8);
  rt.uncounted(() => {
    const reg = SpreadsheetApp.create('Register aanpak jeugdgroepen');
    rt.boundContainerId = reg.getId();
    setupRegister(reg, { settings: scenario.settings, partners: scenario.partners });
  });
  // The menu item shows the new-case dialog (not measured: the job is what the form posts);
  // the coordinator's form then posts to uiNewCase, one execution.
  rt.uncounted(() => click('menuNewCase'));
  measure('openen', 'casus openen', '', 0, (exec) => {
    let msg = '';
    exec(() => {
      const r = entry.uiNewCase(
        fictionalCaseInput({
          eersteSignaal: first.startOn,
          bewaartermijnMaanden: scenario.settings.retentionMonths,
        }),
      );
      if (!r.ok) throw new Error(`${r.message ?? ''} ${Object.values(r.errors).join(' ')}`);
      msg = r.message;
    });
    return msg;
  });
  caseCode = rt.uncounted(() => listCases(openRegister()).at(-1)?.code ?? '');
  if (!caseCode) throw new Error('De casus is niet geopend.');
  overviewId = rt.uncounted(() => openCase(openRegister(), caseCode).row.overviewId);
  say(`Casus ${caseCode} geopend.`);

  const steps = opts.maxSteps === undefined ? scenario.steps : scenario.steps.slice(0, opts.maxSteps);
  const seen = new Map<string, number>();
  for (const run of steps) {
    const n = (seen.get(run.step) ?? 0) + 1;
    seen.set(run.step, n);
    const label = n > 1 ? `${run.step} r${n}` : run.step;
    playStep(run, label);
  }
  const lastDate = steps[steps.length - 1]?.startOn;
  if (lastDate) {
    at(rt, addWorkdays(lastDate, 6, { bevrijdingsdagEveryYear: false }), 9);
  }
  measure('publiceren', 'integraal beeld bijwerken', '', 0, (exec) => {
    let msg = '';
    exec(() => {
      msg = click('menuBuildOverview', askCode());
    });
    return msg;
  });
  measure('publiceren', 'integraal beeld bijwerken (ongewijzigd)', '', 0, (exec) => {
    let msg = '';
    exec(() => {
      msg = click('menuBuildOverview', askCode());
    });
    return msg;
  });
  measure('pdf', 'pdf', '', 0, (exec) => {
    let msg = '';
    exec(() => {
      msg = click('menuExportPdf', askCode());
    });
    return msg;
  });
  return { runs, caseCode };

  function playStep(run: StepRunInput, label: string): void {
    at(rt, run.startOn, 9);
    const h0 = rt.uncounted(() => openCase(openRegister(), caseCode));
    const state = rt.uncounted(() => replay(caseCode, readDecisions(h0.ss)));
    if (state.step !== run.step) {
      throw new Error(`Scenario: stap ${run.step} verwacht, maar de casus staat in stap ${state.step}.`);
    }
    if (run.step === '2B' && state.personDataAllowed && scenario.persons.length > 0 && !h0.row.namesId) {
      measure('namenlijst', 'namenlijst', '2B', state.round, (exec) => {
        exec(() => {
          withLock(() => addPersons(openCase(openRegister(), caseCode), scenario.persons));
        });
        return '';
      });
    }
    const codes = rt.uncounted(() => readTable(h0.ss, PERSONS).map((p) => String(p.code)));
    if (run.advice) {
      // The coordinator types the Advies tab by hand: not a call of the product.
      const { besluiten, ...advice } = substitutePersons(run.advice, codes);
      rt.uncounted(() => writeAdviceTab(h0, { ...advice, ...(besluiten ? { besluiten } : {}) }));
    }
    const startRun = measure('start', `start ${label}`, run.step, state.round, (exec) => {
      let msg = '';
      exec(() => {
        msg = click('menuStartStep', askCode());
      });
      // A start that ran out of time is finished by the next dispatcher runs (every 15 minutes).
      for (let guard = 0; guard < 20; guard++) {
        const incomplete = rt.uncounted(() => startIncomplete(openCase(openRegister(), caseCode)));
        if (!incomplete) break;
        rt.advance(15 * MINUTE);
        dispatcher(exec);
      }
      return msg;
    });
    if (startRun.error) say(`  start ${label}: ${startRun.error}`);
    const forms = rt.uncounted(() =>
      readTable(openCase(openRegister(), caseCode).ss, FORMS).filter(
        (f) => f.step === run.step && Number(f.round) === state.round,
      ),
    );
    say(`Stap ${label}: ${forms.length} formulieren, ${startRun.calls} aanroepen bij de start.`);
    const formOf = (partnerId: string) => {
      const f = forms.find((x) => x.partnerId === partnerId);
      if (!f) throw new Error(`Scenario: partner ${partnerId} heeft geen formulier in stap ${run.step}.`);
      return { formId: String(f.formId), formKey: String(f.formKey), itemMap: itemMapOf(f) };
    };
    const opts = { bevrijdingsdagEveryYear: false };
    // Answers per subject (`vraag|#3`) go into that subject's grid row or line, as the scenario
    // runner fills them in.
    const catalog = h0.reg.catalog;
    const responseIds = new Map<string, string>();
    for (let day = 0; day <= run.decision.day; day++) {
      const date = addWorkdays(run.startOn, day, opts);
      at(rt, date, 10);
      rt.uncounted(() => {
        for (const [partnerId, sub] of Object.entries(run.submissions)) {
          const f = formOf(partnerId);
          if (sub.day === day) {
            const id = submitAsRespondent(
              rt,
              f.formId,
              toItemAnswers(f.formKey, f.itemMap, sub.answers, codes, catalog),
            );
            responseIds.set(partnerId, id);
            if (sub.duplicate) {
              rt.advance(MINUTE);
              submitAsRespondent(
                rt,
                f.formId,
                toItemAnswers(f.formKey, f.itemMap, sub.answers, codes, catalog),
              );
            }
          }
          if (sub.edit && sub.edit.day === day) {
            const id = responseIds.get(partnerId);
            if (!id) throw new Error(`Scenario: partner ${partnerId} bewerkt voordat hij antwoordde.`);
            editAsRespondent(
              rt,
              f.formId,
              id,
              toItemAnswers(f.formKey, f.itemMap, sub.edit.answers, codes, catalog),
            );
          }
        }
        if (day === 1) {
          for (const g of run.ghosts) FormApp.openById(formOf(g).formId).createResponse().submit();
        }
      });
      // The time-driven dispatcher: the first run of the day, then a run with nothing new.
      at(rt, date, 14);
      measure(
        'dispatcher-eerste',
        `dispatcher eerste run ${label} dag ${day}`,
        run.step,
        state.round,
        dispatcher,
      );
      at(rt, date, 14, 15);
      measure('dispatcher-idle', `dispatcher idle ${label} dag ${day}`, run.step, state.round, dispatcher);
    }
    const date = addWorkdays(run.startOn, run.decision.day, opts);
    at(rt, date, 16);
    const d = run.decision;
    const decision: Decision = {
      step: run.step as StepId,
      round: state.round,
      outcome: d.outcome,
      motivation: substitutePersons(d.motivation, codes),
      decidedBy: d.decidedBy,
      date: isoDate(rt.now(), 'Europe/Amsterdam'),
    };
    const routes = [...(d.route ? [d.route] : []), ...(d.routes ?? [])];
    if (routes.length) decision.routes = routes as LightRoute[];
    if (d.acuteReason) decision.acuteReason = d.acuteReason;
    if (d.directions) decision.directions = d.directions;
    // The coordinator types the plan into the case spreadsheet's tab (not the script's work).
    if (d.plan) {
      const plan = substitutePersons(d.plan, codes);
      rt.uncounted(() => writePlanTab(openCase(openRegister(), caseCode), plan));
    }
    const gate = measure('besluit', `besluit ${label}`, run.step, state.round, (exec) => {
      let msg = '';
      exec(() => {
        // What the decision dialog posts (google.script.run.uiRecordDecision): its own checks,
        // then the recording under the lock.
        const { step: _step, round: _round, ...fields } = decision;
        const r = entry.uiRecordDecision(caseCode, { ...fields, expected: String(state.decisions.length) });
        if (!r.ok) throw new Error(`${r.message ?? ''} ${Object.values(r.errors).join(' ')}`.trim());
        msg = `besluit ${d.outcome} → ${r.status === 'gesloten' ? 'gesloten' : `stap ${r.step}`}`;
      });
      return msg;
    });
    if (gate.error) throw new Error(`Besluit ${label}: ${gate.error}`);
    say(`  ${gate.message} (${gate.calls} aanroepen)`);
  }
}
