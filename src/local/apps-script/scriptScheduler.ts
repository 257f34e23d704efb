/**
 * Fires installed triggers in emulated time, each as its own execution without UI (trigger runs
 * cannot call getUi(); reference/spreadsheet/spreadsheet-app, reference/script/script-app). Used by tests, the demo and the lead's
 * integration (form-submit and open triggers via `runEventTriggers`).
 */
import type { Runtime } from './runtime';
import { type EventTypeName, nextFiring, scriptState, type TriggerSourceName } from './scriptTriggers';

export interface TriggerRun {
  handler: string;
  uid: string;
  /** Emulated start time of the run. */
  at: number;
  /** The thrown message; Apps Script would mail a failure notice to the trigger owner. */
  error?: string;
}

/**
 * Runs `fn` as one execution (6-minute budget, locks released at the end); a trigger run also
 * counts toward the daily trigger runtime.
 */
export function runAsExecution<T>(rt: Runtime, fn: () => T, opts: { trigger?: boolean } = {}): T {
  rt.beginExecution(opts);
  try {
    return fn();
  } finally {
    rt.endExecution();
  }
}

/** Resolves `fn` or `Lib.fn` in the script scope. */
function resolve(scope: Record<string, unknown>, name: string): ((e: unknown) => unknown) | null {
  let cur: unknown = scope;
  for (const part of name.split('.')) {
    if (cur === null || cur === undefined || (typeof cur !== 'object' && typeof cur !== 'function'))
      return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'function' ? (cur as (e: unknown) => unknown) : null;
}

function runHandler(
  rt: Runtime,
  scope: Record<string, unknown>,
  handler: string,
  uid: string,
  event: unknown,
): TriggerRun {
  const run: TriggerRun = { handler, uid, at: rt.now() };
  const uiBefore = rt.ui.uiAvailable;
  rt.ui.uiAvailable = false;
  try {
    const fn = resolve(scope, handler);
    if (!fn) {
      run.error = `Script function not found: ${handler}`;
    } else {
      runAsExecution(rt, () => fn(event), { trigger: true });
    }
  } catch (e) {
    run.error = e instanceof Error ? e.message : String(e);
  } finally {
    rt.ui.uiAvailable = uiBefore;
  }
  if (run.error !== undefined)
    rt.logs.push({ at: rt.now(), level: 'error', message: `${handler}: ${run.error}` });
  return run;
}

/** ISO 8601 week number. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}

/** The time-driven event object (guides/triggers/events); fields are in UTC, as `timezone` says. */
export function clockEvent(at: number, triggerUid: string): Record<string, unknown> {
  const d = new Date(at);
  return {
    authMode: 'FULL',
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7,
    'week-of-year': isoWeek(d),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/**
 * Fires every clock trigger due up to `untilMs`, earliest first (ties in creation order). The
 * clock jumps to each firing time (or stays later if an earlier run took longer), and ends at
 * `untilMs`. One-shot triggers (`after`, `at`, `atDate`) are removed once fired; recurring ones
 * move to their next slot, skipping slots missed while another run was busy.
 */
export function runDueTriggers(rt: Runtime, scope: Record<string, unknown>, untilMs: number): TriggerRun[] {
  const runs: TriggerRun[] = [];
  const state = scriptState(rt);
  for (let guard = 0; guard < 1_000_000; guard++) {
    let next: (typeof state.triggers)[number] | undefined;
    for (const r of state.triggers) {
      if (r.eventType !== 'CLOCK' || r.nextAt === undefined || r.nextAt > untilMs) continue;
      if (!next || r.nextAt < (next.nextAt ?? Number.POSITIVE_INFINITY)) next = r;
    }
    if (!next || next.nextAt === undefined) break;
    if (rt.now() < next.nextAt) rt.setNow(next.nextAt);
    const at = rt.now();
    if (next.clock?.kind === 'once') {
      const uid = next.uid;
      state.triggers = state.triggers.filter((r) => r.uid !== uid);
    } else {
      next.nextAt = nextFiring(next, at) ?? undefined;
    }
    runs.push(runHandler(rt, scope, next.handler, next.uid, clockEvent(at, next.uid)));
    state.triggers = scriptState(rt).triggers;
  }
  if (rt.now() < untilMs) rt.setNow(untilMs);
  return runs;
}

/**
 * Fires the installed triggers for one event (e.g. a form submit on form `sourceId`), each as its
 * own execution. `makeEvent(triggerUid)` builds the event object the handler receives.
 */
export function runEventTriggers(
  rt: Runtime,
  scope: Record<string, unknown>,
  match: { source: TriggerSourceName; sourceId: string; eventType: EventTypeName },
  makeEvent: (triggerUid: string) => unknown,
): TriggerRun[] {
  const due = scriptState(rt).triggers.filter(
    (r) => r.source === match.source && r.sourceId === match.sourceId && r.eventType === match.eventType,
  );
  return due.map((r) => runHandler(rt, scope, r.handler, r.uid, makeEvent(r.uid)));
}
