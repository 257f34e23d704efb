/**
 * One benchmark run: a fresh in-memory Apps Script whose clock moves by the PESSIMISTIC profile
 * (so the product's own time budgets split work as they would on a slow day), with the 6-minute
 * limit lifted so an operation that would not fit still finishes and shows by how much.
 * Both profiles are priced from the same call counts.
 */
import type { Scenario } from '../demo/scenarioSchema';
import { startLocalAppsScript } from '../harness';
import { type PlayOptions, type PlayResult, playScenario } from './play';

export const BENCH_START = Date.UTC(2026, 0, 5, 7, 0);

export function measureScenario(scenario: Scenario, opts: PlayOptions = {}): PlayResult {
  const local = startLocalAppsScript({
    now: BENCH_START,
    mailDailyQuota: scenario.mailQuota,
    language: scenario.language,
    latencyProfile: 'pessimistic',
    executionLimitMs: Number.POSITIVE_INFINITY,
    // The daily total is reported (report.ts, dispatcherDaily), not enforced mid-benchmark.
    triggerRuntimeDailyMs: Number.POSITIVE_INFINITY,
  });
  try {
    return playScenario(local.rt, scenario, opts);
  } finally {
    local.dispose();
  }
}
