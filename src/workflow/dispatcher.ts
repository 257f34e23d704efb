/**
 * The one time-driven dispatcher (not one trigger per form): for every open case it
 * reconciles the forms, queues reminders, sends what the mail quota allows and rebuilds
 * what changed. It stops starting new cases after a time budget well inside Apps Script's
 * 6 minutes; the next run continues with the cases it did not reach.
 */

import { replay } from '../model/caseMachine';
import { isoDate } from '../model/time';
import { nowMs } from '../workspace/clock';
import { errorMessage } from '../workspace/errors';
import { getScriptProperty, setScriptProperty } from '../workspace/props';
import { prefetchTables, readTable, type TableDef } from '../workspace/tables';
import { readDecisions } from './assemble';
import { CASE_LIST_TABLES, caseListsPending, flushCaseLists, withCaseList } from './caseList';
import type { CaseHandle, CaseRow, Register } from './context';
import { listCases, openCaseRow } from './context';
import { type CaseFacts, caseFacts } from './digestFacts';
import { closingLettersOnClose, LETTERS_BUDGET_MS } from './letters';
import { tryWithLock } from './lock';
import { logEvents } from './log';
import { checkLogChain } from './logCheck';
import type { FlushResult } from './outbox';
import { flushOutbox } from './outbox';
import { dropNamesListIfUnconfirmed } from './persons';
import { rebuildViews } from './publish';
import { purgeDue, purgeDueCases } from './purge';
import type { ReconcileResult } from './reconcile';
import { reconcileCase } from './reconcile';
import { CASE_TABLES, FORMS, type FormRow, OUTBOX } from './records';
import { queueReminders } from './remind';
import { checkCaseSharing, checkSharing, registerCheckDue, type SharingDrift } from './sharingCheck';
import { AFTER_START_MS, START_BUDGET_MS, type StartResult, startIncomplete, startStep } from './startStep';

export const DISPATCH_BUDGET_MS = 4.5 * 60 * 1000;
const ROTATION_KEY = 'DISPATCH_OFFSET';

export interface CaseRefresh {
  code: string;
  reconcile: ReconcileResult;
  reminders: number;
  escalations: number;
  mail: FlushResult;
  published: boolean;
  /** Whether this was the case's first refresh of the day (the daily checks ran). */
  daily: boolean;
  /** Sharing its daily check took back. */
  sharing?: SharingDrift;
  /** What the coordinator's digest needs (only when asked for: `facts`). */
  facts?: CaseFacts;
}

/**
 * How long a run may spend linking forms to the case's response spreadsheet
 * (`Form.setDestination` takes seconds each): what the run's budget leaves for this case after
 * the minute kept for reading and mail, as for a start. Linked in one run, a step's forms cost
 * the runs after it nothing; what does not fit is linked by the next run, and until then those
 * forms are read directly.
 */
function linkBudgetMs(budgetMs: number | undefined): number {
  return budgetMs ?? START_BUDGET_MS;
}

/** Whether the case folder was scanned for unknown forms today; marks it scanned. */
function firstScanToday(code: string): boolean {
  const key = `FOLDER_SCAN_${code}`;
  const today = isoDate(nowMs(), 'Europe/Amsterdam');
  if (getScriptProperty(key) === today) return false;
  setScriptProperty(key, today);
  return true;
}

/**
 * The forms of a start this run continued whose answers can wait for a later run, so the run's
 * time goes to making forms: the forms made in this run (their invitations went out moments
 * ago) and, while the start is not finished, every form of its step. Nothing is lost: a form's
 * high-water mark only moves when it is read, so a later run reads all it received.
 */
function formsStillBeingMade(resumed: StartResult, forms: readonly FormRow[]): Set<string> {
  const made = new Set(resumed.created);
  const unfinished = resumed.remaining.length > 0;
  return new Set(
    forms
      .filter(
        (f) => f.step === resumed.step && f.round === resumed.round && (unfinished || made.has(f.partnerId)),
      )
      .map((f) => f.formKey),
  );
}

/**
 * Forms a gate closed while its decision was not recorded (the gate stopped halfway: decide.ts
 * closes the step's forms, then reads them once more). What a partner sent just before the close
 * is read by the dispatcher too, not only when the coordinator tries the decision again. Closed
 * forms of decided steps are never read again (their step is no longer the current one).
 */
function closedAwaitingDecision(h: CaseHandle, forms: readonly FormRow[]): Set<string> {
  if (!forms.some((f) => f.status === 'gesloten')) return new Set();
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status !== 'open') return new Set();
  return new Set(
    forms
      .filter((f) => f.status === 'gesloten' && f.step === state.step && f.round === state.round)
      .map((f) => f.formKey),
  );
}

/** "Nu bijwerken" for one case; also the dispatcher's work per case. */
export function refreshCase(
  h: CaseHandle,
  opts: { force?: boolean; budgetMs?: number; facts?: boolean } = {},
): CaseRefresh {
  // A start that stopped halfway (time budget, a crash) is finished first, within what is
  // left of this run; if it fails, the answers are still read and the reminders still go.
  // Each table is read once in this run and handed on (reconcile and the reminders update the
  // form rows in place; the outbox array gets every queued mail).
  // Inside the lock all system tables of the case come in one batch read (workspace/tables).
  prefetchTables(h.ss, CASE_TABLES);
  let forms = readTable(h.ss, FORMS);
  let resumed: ReturnType<typeof startStep> | null = null;
  if (startIncomplete(h, forms)) {
    try {
      // Without a budget of its own the start takes its default (startStep.ts).
      resumed = startStep(h, { budgetMs: opts.budgetMs });
    } catch (e) {
      logEvents(h.ss, [['stap afmaken mislukt', errorMessage(e)]]);
    }
    forms = readTable(h.ss, FORMS);
  }
  // Once a day per case: scan the folder for unknown forms and rebuild the views even when
  // nothing came in (the Overzicht shows how late forms are, which changes with the date).
  const daily = firstScanToday(h.row.code);
  // Once a day: has anyone changed or removed a Logboek line by hand? (workflow/logCheck) Is any
  // file of the case shared wider than the product shares it? (workflow/sharingCheck)
  if (daily) checkLogChain(h);
  const sharing = daily ? checkCaseSharing(h) : null;
  const awaiting = closedAwaitingDecision(h, forms);
  // Forms are read only when their response tab changed; the first run of the day reads them all.
  const reconcile = reconcileCase(h, {
    scanFolder: opts.force === true || daily,
    // A run that continued a start leaves linking to the next run: its time went to the forms.
    watch: {
      readAll: opts.force === true || daily,
      linkUntil: resumed ? 0 : nowMs() + linkBudgetMs(opts.budgetMs),
    },
    forms,
    ...(resumed ? { later: formsStillBeingMade(resumed, forms) } : {}),
    // Only closed forms are looked up in it (reconcile.ts): an empty set reads nothing more.
    alsoRead: awaiting,
  });
  const outbox = readTable(h.ss, OUTBOX);
  const rem = queueReminders(h, { forms, outbox });
  const mail = flushOutbox(h, { forms, outbox });
  const changed =
    opts.force ||
    daily ||
    resumed !== null ||
    reconcile.changed ||
    rem.queued > 0 ||
    rem.newEscalations > 0 ||
    mail.sent > 0 ||
    mail.failed > 0;
  // Only the spreadsheet views: the overview document is rebuilt after each gate and on
  // demand, not on every run (it is the costliest write of all). Only tabs whose content
  // changed are written; "Nu bijwerken" (force) rewrites them all, undoing hand edits.
  if (changed) rebuildViews(h, undefined, { all: opts.force === true });
  return {
    code: h.row.code,
    reconcile,
    reminders: rem.queued,
    escalations: rem.escalations.length,
    mail,
    published: changed,
    daily,
    ...(sharing ? { sharing } : {}),
    // From the tables this run already read (kept within the lock): no extra call.
    ...(opts.facts ? { facts: caseFacts(h, isoDate(nowMs(), 'Europe/Amsterdam')) } : {}),
  };
}

export interface DispatchReport {
  refreshed: CaseRefresh[];
  deferred: string[];
  errors: { code: string; message: string }[];
  /** The register's case list as read at the start of the run. */
  cases: CaseRow[];
  /** Sharing the daily check took back (first run of the day; workflow/sharingCheck). */
  sharing: SharingDrift[];
}

/** Work for the end of a run, in the same lock as the Casussen view: which register tables it reads, and the work. */
export interface RunEnd<T> {
  tables: readonly TableDef[];
  /** Whether there is work (pure, from the run's report); without work and no view to write, no lock. */
  wanted: (report: DispatchReport) => boolean;
  run: (report: DispatchReport) => T;
}

export function dispatchAll(reg: Register, budgetMs?: number, opts?: { facts?: boolean }): DispatchReport;
export function dispatchAll<T>(
  reg: Register,
  budgetMs: number,
  opts: { facts?: boolean },
  end: RunEnd<T>,
): DispatchReport & { end: { ok: true; value: T } | { ok: false } | null };
export function dispatchAll<T>(
  reg: Register,
  budgetMs = DISPATCH_BUDGET_MS,
  opts: { facts?: boolean } = {},
  end?: RunEnd<T>,
): DispatchReport & { end?: { ok: true; value: T } | { ok: false } | null } {
  // The register's Casussen view is written once for the whole run, under the lock (caseList.ts),
  // together with the end-of-run work (the digest): one lock, and the register tables both
  // read in one batch. No lock at all when neither has anything to do.
  return withCaseList(() => {
    const report = dispatchCases(reg, budgetMs, opts);
    if (!end) {
      if (caseListsPending()) tryWithLock(() => flushCaseLists());
      return report;
    }
    const wanted = end.wanted(report);
    if (!wanted && !caseListsPending()) return { ...report, end: null };
    const done = tryWithLock(() => {
      prefetchTables(reg.ss, [
        ...(caseListsPending() ? CASE_LIST_TABLES : []),
        ...(wanted ? end.tables : []),
      ]);
      flushCaseLists();
      return wanted ? { value: end.run(report) } : null;
    });
    if (!done.ok) return { ...report, end: { ok: false } };
    return { ...report, end: done.value === null ? null : { ok: true, value: done.value.value } };
  });
}

function dispatchCases(reg: Register, budgetMs: number, opts: { facts?: boolean }): DispatchReport {
  const start = nowMs();
  const cases = listCases(reg);
  const report: DispatchReport = { refreshed: [], deferred: [], errors: [], cases, sharing: [] };
  // Start with a different case each run, so with many cases none is always last.
  const open = cases.filter((c) => c.status === 'open');
  // A closed case past its bewaartermijn is destroyed (purge.ts); each under the lock.
  const purged = new Set<string>();
  for (const c of cases) {
    const due = purgeDue(reg, c, isoDate(nowMs(), 'Europe/Amsterdam'));
    if (due?.state !== 'vernietigen') continue;
    purged.add(c.code);
    try {
      tryWithLock(() => purgeDueCases(reg, [c]));
    } catch (e) {
      report.errors.push({ code: c.code, message: errorMessage(e) });
    }
  }
  // A case closed before its group was confirmed keeps no namenlijst; finishes what a decision
  // that stopped halfway left (persons.ts dropNamesListIfUnconfirmed).
  // Only cases the register saw close at 1, 2A or 2B: nothing is read for any other case.
  const early = (x: CaseRow) =>
    x.status === 'gesloten' && x.namesId !== '' && !purged.has(x.code) && ['1', '2A', '2B'].includes(x.step);
  for (const c of cases.filter(early)) {
    try {
      tryWithLock(() => {
        const h = openCaseRow(reg, c);
        const state = replay(h.row.code, readDecisions(h.ss));
        // The closing letters first (workflow/letters.ts): the names are needed for them.
        if (closingLettersOnClose(h, state, LETTERS_BUDGET_MS).ready) dropNamesListIfUnconfirmed(h, state);
      });
    } catch (e) {
      report.errors.push({ code: c.code, message: errorMessage(e) });
    }
  }
  // With one open case there is nothing to rotate (and no property to read).
  const offset = open.length > 1 ? Number(getScriptProperty(ROTATION_KEY) ?? 0) % open.length : 0;
  if (open.length > 1) setScriptProperty(ROTATION_KEY, String((offset + 1) % open.length));
  const ordered = [...open.slice(offset), ...open.slice(0, offset)];
  for (const c of ordered) {
    if (nowMs() - start > budgetMs) {
      report.deferred.push(c.code);
      continue;
    }
    try {
      const left = Math.max(budgetMs - (nowMs() - start), 0);
      // A start this run continues gets what is left of the run after the run's own work.
      const startMs = Math.max(Math.min(left - AFTER_START_MS, START_BUDGET_MS), 0);
      const r = tryWithLock(() =>
        refreshCase(openCaseRow(reg, c), { budgetMs: startMs, ...(opts.facts ? { facts: true } : {}) }),
      );
      if (r.ok) report.refreshed.push(r.value);
      else report.deferred.push(c.code);
    } catch (e) {
      report.errors.push({ code: c.code, message: errorMessage(e) });
    }
  }
  // The daily sharing check: each open case checked itself on its first refresh of the day; in
  // the same run the product's folders and the other cases follow. Without open cases, once a
  // day by its own marker (workflow/sharingCheck.ts).
  const checked = new Set(report.refreshed.filter((r) => r.daily).map((r) => r.code));
  if (checked.size > 0 || (open.length === 0 && cases.length > 0 && registerCheckDue())) {
    try {
      report.sharing = [
        ...report.refreshed.flatMap((r) => (r.sharing ? [r.sharing] : [])),
        ...checkSharing(
          reg,
          cases.filter((c) => !purged.has(c.code)),
          checked,
        ),
      ];
    } catch (e) {
      report.errors.push({ code: '', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return report;
}
