/**
 * The benchmark's player on a short case (S, steps 1 to 2B): every operation runs as the menu
 * or the trigger runs it, is counted per method, and its floor is a true lower bound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchRow } from '../../src/local/bench/report';
import { toRows, totals } from '../../src/local/bench/report';
import { measureScenario } from '../../src/local/bench/run';
import { generateScenario } from '../../src/local/bench/scenarios';
import { demoScenarioPath, loadScenario } from '../../src/local/demo/loadScenario';

let rows: BenchRow[] = [];
beforeAll(() => {
  const { scenario } = generateScenario('S');
  rows = toRows('S', measureScenario(scenario, { maxSteps: 3 }).runs);
});

describe('npm run bench on a short case', () => {
  it('plays opening, the name list, starts, dispatcher runs, gates, publish and pdf', () => {
    const kinds = new Set(rows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(
      [
        'besluit',
        'dispatcher-eerste',
        'dispatcher-idle',
        'namenlijst',
        'openen',
        'pdf',
        'publiceren',
        'start',
      ].sort(),
    );
    expect(rows.filter((r) => r.kind === 'start').map((r) => r.operation)).toEqual([
      'start 1',
      'start 2A',
      'start 2B',
    ]);
    expect(rows.filter((r) => r.error)).toEqual([]);
  });

  it('counts every call per Class.method and prices both profiles', () => {
    for (const r of rows) {
      expect(Object.values(r.callsByMethod).reduce((a, b) => a + b, 0)).toBe(r.calls);
      expect(r.executions).toBeGreaterThanOrEqual(1);
      expect(r.executionSecondsPessimistic).toHaveLength(r.executions);
      expect(r.emulatedSecondsPessimistic).toBeGreaterThanOrEqual(r.emulatedSeconds);
    }
    // Advanced services are counted like the others (the daily folder scan is one Drive query).
    const daily = rows.filter((r) => r.kind === 'dispatcher-eerste' && r.work.dailyRun);
    expect(daily.some((r) => (r.callsByMethod['Drive.Files.list'] ?? 0) > 0)).toBe(true);
    const start = rows.find((r) => r.operation === 'start 1')!;
    expect(start.callsByMethod['MailApp.sendEmail']).toBe(start.work.mailsSent);
    expect(start.work.formsCreated).toBeGreaterThan(0);
  });

  it('never puts a floor above what the operation really did', () => {
    for (const r of rows) {
      expect(r.floor, r.operation).toBeGreaterThan(0);
      expect(r.calls, r.operation).toBeGreaterThanOrEqual(r.floor);
    }
  });

  it('sees what each operation did: forms, answers, closed forms, tabs', () => {
    const gate = rows.find((r) => r.operation === 'besluit 2A')!;
    expect(gate.work.formsClosed).toBeGreaterThan(0);
    const firstRuns = rows.filter((r) => r.kind === 'dispatcher-eerste' && r.step === '2A');
    expect(firstRuns.reduce((n, r) => n + r.work.newResponses, 0)).toBeGreaterThan(0);
    const idle = rows.filter((r) => r.kind === 'dispatcher-idle');
    expect(idle.every((r) => r.work.newResponses === 0)).toBe(true);
    const t = totals('S', rows);
    expect(t.calls).toBeGreaterThan(t.floor);
  });
});

describe('npm run bench -- --scenario with a scenario in the public format', () => {
  it('plays answers given per person (`vraag|#n`) into their grid rows, as the scenario runner does', () => {
    const loaded = loadScenario(demoScenarioPath());
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const runs = measureScenario(loaded.scenario, { maxSteps: 3 }).runs;
    expect(runs.filter((r) => r.error)).toEqual([]);
    // The 2B answers (per person in the demo) reach the forms and are read.
    const read = runs.filter((r) => r.step === '2B').reduce((n, r) => n + r.work.newAnswers, 0);
    expect(read).toBeGreaterThan(0);
  });
});
