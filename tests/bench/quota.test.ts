/**
 * The daily trigger runtime (guides/services/quotas: 90 min consumer, 6 h Workspace, reset 24 h
 * after the first request): trigger runs add up, a run past the quota fails like Google's, menu
 * clicks do not count.
 */
import { describe, expect, it } from 'vitest';
import { latencyFor } from '../../src/local/apps-script/latency';
import {
  Runtime,
  TRIGGER_RUNTIME_CONSUMER_MS,
  TRIGGER_RUNTIME_EXCEEDED,
  TRIGGER_RUNTIME_WORKSPACE_MS,
} from '../../src/local/apps-script/runtime';
import { runAsExecution } from '../../src/local/apps-script/scriptScheduler';

const MINUTE = 60_000;

/** A run that spends `minutes` of emulated time in service calls. */
function busy(rt: Runtime, minutes: number): void {
  const per = latencyFor('Properties.setProperty', rt.latencyProfile);
  for (let t = 0; t < minutes * MINUTE; t += per) rt.call('Properties.setProperty');
}

describe('daily trigger runtime', () => {
  it('defaults to the Workspace quota; a consumer account gets 90 minutes', () => {
    expect(new Runtime().triggerRuntimeDailyMs).toBe(TRIGGER_RUNTIME_WORKSPACE_MS);
    expect(TRIGGER_RUNTIME_CONSUMER_MS).toBe(90 * MINUTE);
    expect(TRIGGER_RUNTIME_WORKSPACE_MS).toBe(6 * 60 * MINUTE);
  });

  it('adds up trigger runs and fails the run that passes the quota', () => {
    const rt = new Runtime({ triggerRuntimeDailyMs: TRIGGER_RUNTIME_CONSUMER_MS });
    for (let i = 0; i < 17; i++) {
      runAsExecution(rt, () => busy(rt, 5), { trigger: true });
      rt.advance(10 * MINUTE);
    }
    expect(rt.triggerRuntimeUsedMs).toBeGreaterThanOrEqual(85 * MINUTE);
    expect(rt.triggerRuntimeLeftMs()).toBeLessThan(5 * MINUTE);
    expect(() => runAsExecution(rt, () => busy(rt, 5), { trigger: true })).toThrow(TRIGGER_RUNTIME_EXCEEDED);
    // A menu click is not a trigger run: it does not count and is not stopped.
    expect(() => runAsExecution(rt, () => busy(rt, 5))).not.toThrow();
  });

  it('starts a new window 24 hours after the first trigger run', () => {
    const rt = new Runtime({ triggerRuntimeDailyMs: 10 * MINUTE });
    runAsExecution(rt, () => busy(rt, 4), { trigger: true });
    runAsExecution(rt, () => busy(rt, 4), { trigger: true });
    expect(() => runAsExecution(rt, () => busy(rt, 4), { trigger: true })).toThrow(TRIGGER_RUNTIME_EXCEEDED);
    rt.advance(24 * 60 * MINUTE);
    expect(rt.triggerRuntimeLeftMs()).toBe(10 * MINUTE);
    expect(() => runAsExecution(rt, () => busy(rt, 4), { trigger: true })).not.toThrow();
  });
});
