/**
 * The benchmark's output: one row per measured operation (out/bench.json) and the summary table
 * of docs/prestaties.md (per operation group the most expensive instance, per size).
 */
import { dispatchRunsPerDay } from '../../model/dispatchSchedule';
import { EXECUTION_LIMIT_MS } from '../apps-script/runtime';
import { floorOf } from './floors';
import type { OperationKind, OperationRun } from './play';

export interface BenchRow {
  size: string;
  operation: string;
  kind: OperationKind;
  step: string;
  round: number;
  calls: number;
  callsByMethod: Record<string, number>;
  floor: number;
  /** Emulated seconds under the typical profile (all executions of the operation). */
  emulatedSeconds: number;
  /** Emulated seconds under the pessimistic profile. */
  emulatedSecondsPessimistic: number;
  /** Executions the operation needed (a split job counts its continuations). */
  executions: number;
  /** Pessimistic emulated seconds of each execution. */
  executionSecondsPessimistic: number[];
  cpuMs: number;
  work: OperationRun['work'];
  error?: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function toRows(size: string, runs: readonly OperationRun[]): BenchRow[] {
  return runs.map((r) => {
    const row: BenchRow = {
      size,
      operation: r.operation,
      kind: r.kind,
      step: r.step,
      round: r.round,
      calls: r.calls,
      callsByMethod: Object.fromEntries(
        Object.entries(r.callsByMethod).sort(([a], [b]) => a.localeCompare(b)),
      ),
      floor: floorOf(r),
      emulatedSeconds: round1(r.executions.reduce((n, e) => n + e.ms.typical, 0) / 1000),
      emulatedSecondsPessimistic: round1(r.executions.reduce((n, e) => n + e.ms.pessimistic, 0) / 1000),
      executions: r.executions.length,
      executionSecondsPessimistic: r.executions.map((e) => round1(e.ms.pessimistic / 1000)),
      cpuMs: Math.round(r.cpuMs),
      work: r.work,
    };
    if (r.error !== undefined) row.error = r.error;
    return row;
  });
}

/** The groups of the summary table, in the order of a case. */
export const GROUPS: { label: string; match: (r: BenchRow) => boolean }[] = [
  { label: 'casus openen', match: (r) => r.kind === 'openen' },
  { label: 'namenlijst', match: (r) => r.kind === 'namenlijst' },
  { label: 'stap starten (duurste)', match: (r) => r.kind === 'start' },
  { label: 'start stap 3', match: (r) => r.operation === 'start 3' },
  { label: 'besluit (duurste)', match: (r) => r.kind === 'besluit' },
  { label: 'besluit stap 3', match: (r) => r.operation === 'besluit 3' },
  { label: 'dispatcher, eerste run van de dag (duurste)', match: (r) => r.kind === 'dispatcher-eerste' },
  { label: 'dispatcher, idle (duurste)', match: (r) => r.kind === 'dispatcher-idle' },
  {
    label: 'integraal beeld bijwerken',
    match: (r) => r.operation === 'integraal beeld bijwerken',
  },
  {
    label: 'integraal beeld bijwerken, ongewijzigd',
    match: (r) => r.operation === 'integraal beeld bijwerken (ongewijzigd)',
  },
  { label: 'pdf', match: (r) => r.kind === 'pdf' },
];

/** The most expensive row (pessimistic time of its longest execution, then calls) of a group. */
export function worst(rows: readonly BenchRow[]): BenchRow | undefined {
  let best: BenchRow | undefined;
  const key = (r: BenchRow) => Math.max(0, ...r.executionSecondsPessimistic) * 1e6 + r.calls;
  for (const r of rows) if (!best || key(r) > key(best)) best = r;
  return best;
}

export interface Totals {
  size: string;
  calls: number;
  floor: number;
  emulatedSeconds: number;
  emulatedSecondsPessimistic: number;
  /** Longest single execution (pessimistic seconds) and the operation it belongs to. */
  longestExecution: { seconds: number; operation: string };
  cpuMs: number;
  errors: number;
}

export function totals(size: string, rows: readonly BenchRow[]): Totals {
  let longest = { seconds: 0, operation: '' };
  for (const r of rows) {
    for (const s of r.executionSecondsPessimistic) {
      if (s > longest.seconds) longest = { seconds: s, operation: r.operation };
    }
  }
  return {
    size,
    calls: rows.reduce((n, r) => n + r.calls, 0),
    floor: rows.reduce((n, r) => n + r.floor, 0),
    emulatedSeconds: round1(rows.reduce((n, r) => n + r.emulatedSeconds, 0)),
    emulatedSecondsPessimistic: round1(rows.reduce((n, r) => n + r.emulatedSecondsPessimistic, 0)),
    longestExecution: longest,
    cpuMs: rows.reduce((n, r) => n + r.cpuMs, 0),
    errors: rows.filter((r) => r.error).length,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function cell(r: BenchRow | undefined): string {
  if (!r) return '–';
  const over = r.executionSecondsPessimistic.some((s) => s * 1000 > EXECUTION_LIMIT_MS) ? ' ⚠' : '';
  return `${fmt(r.calls)} / ${fmt(Math.round(r.emulatedSeconds))} s / ${fmt(Math.round(r.emulatedSecondsPessimistic))} s${over} / ${r.executions} / ${fmt(r.floor)}`;
}

/** The markdown table: operation × size, each cell calls / typical s / pessimistic s / executions / floor. */
export function markdownTable(bySize: Record<string, readonly BenchRow[]>): string {
  const sizes = Object.keys(bySize);
  const lines = [`| operatie | ${sizes.join(' | ')} |`, `|---|${sizes.map(() => '---').join('|')}|`];
  for (const g of GROUPS) {
    lines.push(
      `| ${g.label} | ${sizes.map((s) => cell(worst((bySize[s] ?? []).filter(g.match)))).join(' | ')} |`,
    );
  }
  const t = sizes.map((s) => totals(s, bySize[s] ?? []));
  lines.push(
    `| **hele casus** (aanroepen / typisch / pessimistisch / langste uitvoering / vloer) | ${t
      .map(
        (x) =>
          `${fmt(x.calls)} / ${fmt(Math.round(x.emulatedSeconds))} s / ${fmt(Math.round(x.emulatedSecondsPessimistic))} s / ${fmt(Math.round(x.longestExecution.seconds))} s / ${fmt(x.floor)} (×${(x.calls / Math.max(x.floor, 1)).toFixed(2)})`,
      )
      .join(' | ')} |`,
  );
  return lines.join('\n');
}

/**
 * Dispatcher runs that work on a working day (model/dispatchSchedule: every quarter in office
 * hours, once an hour otherwise); the runs that end at once make no service call.
 */
export const DISPATCH_RUNS_PER_DAY = dispatchRunsPerDay(true);

export interface DispatcherDaily {
  cases: number;
  runsPerDay: number;
  /** Seconds of trigger runtime per day, typical and pessimistic, on the worst day measured. */
  seconds: { typical: number; pessimistic: number };
  /** The step and day of the worst day. */
  worstDay: string;
}

/**
 * The dispatcher's trigger runtime per day for `cases` open cases like the measured one: per
 * case the day's first run plus (runs per day − 1) runs with nothing new, on the most expensive
 * day of the case. Each case's work is independent (the dispatcher refreshes one case after
 * another), so the day's total is the per-case figure times the number of cases; the register
 * read that every run does once is counted once per case, which errs on the high side.
 */
export function dispatcherDaily(rows: readonly BenchRow[], cases = 5): DispatcherDaily {
  const firsts = rows.filter((r) => r.kind === 'dispatcher-eerste');
  let worst = { typical: 0, pessimistic: 0, day: '' };
  for (const first of firsts) {
    const idle = rows.find(
      (r) => r.kind === 'dispatcher-idle' && r.operation === first.operation.replace('eerste run', 'idle'),
    );
    if (!idle) continue;
    const typical = first.emulatedSeconds + (DISPATCH_RUNS_PER_DAY - 1) * idle.emulatedSeconds;
    const pessimistic =
      first.emulatedSecondsPessimistic + (DISPATCH_RUNS_PER_DAY - 1) * idle.emulatedSecondsPessimistic;
    if (pessimistic > worst.pessimistic) {
      worst = { typical, pessimistic, day: first.operation.replace('dispatcher eerste run ', '') };
    }
  }
  return {
    cases,
    runsPerDay: DISPATCH_RUNS_PER_DAY,
    seconds: { typical: round1(cases * worst.typical), pessimistic: round1(cases * worst.pessimistic) },
    worstDay: worst.day,
  };
}
