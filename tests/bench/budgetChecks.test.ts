/** The budget checks themselves, on made-up rows: each one fails on what it is meant to catch. */
import { describe, expect, it } from 'vitest';
import { type BudgetId, checkBudgets, IDLE_CONSTANT, WORKSPACE_DAILY_S } from '../../src/local/bench/budgets';
import type { Work } from '../../src/local/bench/play';
import { type BenchRow, DISPATCH_RUNS_PER_DAY } from '../../src/local/bench/report';

const work: Work = {
  formsCreated: 0,
  itemsCreated: 0,
  itemSettersCreated: 0,
  formsCopied: 0,
  mailsSent: 0,
  openForms: 10,
  newResponses: 0,
  newAnswers: 0,
  formsWithNew: 0,
  formsLinked: 0,
  formsClosed: 0,
  tabsChanged: 1,
  tabsWritten: 1,
  docElements: 0,
  docWritten: false,
  personsAdded: 0,
  pdfs: 0,
  openCases: 1,
  dailyRun: false,
  namesLists: 0,
  docsWritten: 0,
  charts: [],
  sharingChanges: [],
};

function row(operation: string, kind: BenchRow['kind'], over: Partial<BenchRow> = {}): BenchRow {
  return {
    size: 'L',
    operation,
    kind,
    step: '3',
    round: 1,
    calls: 20,
    callsByMethod: {},
    floor: 20,
    emulatedSeconds: 10,
    emulatedSecondsPessimistic: 30,
    executions: 1,
    executionSecondsPessimistic: [30],
    cpuMs: 0,
    work,
    ...over,
  };
}

const good = (): BenchRow[] => [
  row('start 3', 'start', { executions: 2, executionSecondsPessimistic: [250, 100] }),
  row('dispatcher eerste run 3 dag 1', 'dispatcher-eerste'),
  row('dispatcher idle 3 dag 1', 'dispatcher-idle', { calls: 10 + IDLE_CONSTANT }),
  row('besluit 3', 'besluit'),
  row('integraal beeld bijwerken', 'publiceren', { work: { ...work, docWritten: true } }),
  row('integraal beeld bijwerken (ongewijzigd)', 'publiceren'),
];

function failing(rows: BenchRow[]): BudgetId[] {
  return checkBudgets(rows)
    .filter((b) => !b.ok)
    .map((b) => b.id);
}

describe('budget checks', () => {
  it('pass on rows that keep every budget', () => {
    expect(failing(good())).toEqual([]);
  });

  it('catch an execution over 4.5 minutes', () => {
    const rows = good();
    rows[3] = row('besluit 3', 'besluit', { executionSecondsPessimistic: [271] });
    expect(failing(rows)).toEqual(['one-execution', 'gates-and-rebuilds']);
  });

  it('catch a start in more than 3 executions and a gate split in two', () => {
    const rows = good();
    rows[0] = row('start 3', 'start', { executions: 4, executionSecondsPessimistic: [200, 200, 200, 10] });
    expect(failing(rows)).toEqual(['split-job']);
    const gate = good();
    gate[3] = row('besluit 3', 'besluit', { executions: 2, executionSecondsPessimistic: [100, 100] });
    expect(failing(gate)).toEqual(['gates-and-rebuilds', 'split-job']);
  });

  it('catch a gate or an overview rebuild over 4.5 minutes, and none measured', () => {
    const rows = good();
    rows[4] = row('integraal beeld bijwerken', 'publiceren', {
      emulatedSecondsPessimistic: 280,
      work: { ...work, docWritten: true },
    });
    expect(failing(rows)).toEqual(['gates-and-rebuilds']);
    expect(failing(good().filter((r) => r.kind !== 'besluit' && r.kind !== 'publiceren'))).toContain(
      'gates-and-rebuilds',
    );
  });

  it('catch an idle run over one call per open form plus the constant', () => {
    const rows = good();
    rows[2] = row('dispatcher idle 3 dag 1', 'dispatcher-idle', { calls: 11 + IDLE_CONSTANT });
    expect(failing(rows)).toEqual(['idle-dispatcher']);
  });

  it('hold the whole case to 1.5 × the floor: ×1.58 (main before issue 7 point 3) fails, ×1.50 passes', () => {
    // Six rows with floor 20 each: 120 in all; the first row (a start) takes what is over.
    const at = (total: number) => {
      const rows = good();
      const calls = rows.reduce((n, r) => n + r.calls, 0);
      rows[0] = { ...rows[0]!, calls: rows[0]!.calls + total - calls };
      return failing(rows);
    };
    expect(at(Math.round(120 * 1.58))).toEqual(['floor-ratio']);
    expect(at(180)).toEqual([]);
    expect(at(181)).toEqual(['floor-ratio']);
  });

  it('catch calls over 1.5 × the floor', () => {
    const rows = good();
    rows[1] = row('dispatcher eerste run 3 dag 1', 'dispatcher-eerste', { calls: 200 });
    expect(failing(rows)).toEqual(['floor-ratio']);
  });

  it('catch a tab written without a change, and a rebuilt unchanged document', () => {
    const rows = good();
    rows[1] = row('dispatcher eerste run 3 dag 1', 'dispatcher-eerste', {
      work: { ...work, tabsWritten: 3, tabsChanged: 1 },
    });
    rows[5] = row('integraal beeld bijwerken (ongewijzigd)', 'publiceren', {
      work: { ...work, docWritten: true },
    });
    expect(failing(rows).sort()).toEqual(['changed-tabs-only', 'unchanged-document']);
  });

  it('catch a dispatcher day over the Workspace trigger runtime for 5 cases', () => {
    const rows = good();
    // DISPATCH_RUNS_PER_DAY runs (60 on the schedule of model/dispatchSchedule) × 5 cases × 80 s > 6 h.
    expect(DISPATCH_RUNS_PER_DAY * 5 * 80).toBeGreaterThan(WORKSPACE_DAILY_S);
    rows[2] = row('dispatcher idle 3 dag 1', 'dispatcher-idle', {
      calls: 10,
      emulatedSecondsPessimistic: 80,
    });
    expect(failing(rows)).toEqual(['daily-trigger-runtime']);
  });
});
