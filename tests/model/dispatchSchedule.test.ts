/**
 * The dispatcher's schedule (model/dispatchSchedule): every run works in office hours on a
 * working day; otherwise only the first run of each hour, and the others end before any call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalAppsScript, startLocalAppsScript } from '../../src/local/harness';
import { runDispatcher } from '../../src/main';
import {
  DISPATCH_EVERY_MINUTES,
  dispatchRunsPerDay,
  dispatchRunWorks,
} from '../../src/model/dispatchSchedule';

/** Epoch ms of a local time in Amsterdam (winter: UTC+1). */
const at = (date: string, hour: number, minute: number) =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+01:00`);

describe('het schema van de dispatcher', () => {
  it('werkt elk kwartier op een werkdag van 7 tot 19 uur, daarbuiten en op vrije dagen één keer per uur', () => {
    // Monday 12 January 2026.
    expect(dispatchRunWorks(at('2026-01-12', 7, 20))).toBe(true);
    expect(dispatchRunWorks(at('2026-01-12', 18, 50))).toBe(true);
    expect(dispatchRunWorks(at('2026-01-12', 6, 50))).toBe(false);
    expect(dispatchRunWorks(at('2026-01-12', 19, 20))).toBe(false);
    expect(dispatchRunWorks(at('2026-01-12', 23, 5))).toBe(true);
    // Saturday, and Christmas Day (a Friday in 2026).
    expect(dispatchRunWorks(at('2026-01-17', 10, 20))).toBe(false);
    expect(dispatchRunWorks(at('2026-01-17', 10, 10))).toBe(true);
    // The first quarter of an hour works, the minute after it not.
    expect(dispatchRunWorks(at('2026-01-17', 10, 14))).toBe(true);
    expect(dispatchRunWorks(at('2026-01-17', 10, 15))).toBe(false);
    expect(dispatchRunWorks(at('2026-12-25', 10, 20))).toBe(false);
    expect(DISPATCH_EVERY_MINUTES).toBe(15);
    expect(dispatchRunsPerDay(true)).toBe(12 * 4 + 12);
    expect(dispatchRunsPerDay(false)).toBe(24);
  });

  let local: LocalAppsScript | null = null;
  afterEach(() => {
    local?.dispose();
    local = null;
  });

  it('een run die niet werkt, doet geen enkele aanroep', () => {
    local = startLocalAppsScript({ now: at('2026-01-12', 22, 20) });
    const rt = local.rt;
    runDispatcher();
    expect(rt.totalCalls()).toBe(0);
    // The first run of the hour does its work (here: it finds no register and says so).
    rt.setNow(at('2026-01-12', 23, 5));
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      runDispatcher();
    } finally {
      console.error = log;
    }
    expect(rt.totalCalls()).toBeGreaterThan(0);
  });
});
