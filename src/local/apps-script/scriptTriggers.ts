/**
 * Trigger registry and clock-trigger schedule arithmetic behind ScriptApp (reference/script/script-app,
 * platform §3.3). Time-driven triggers get a fixed random slot like the real ones: `atHour(h)`
 * fires somewhere in that hour, `nearMinute(m)` within ±15 minutes, `atDate` near midnight ±15
 * minutes; the slot is drawn once from `rt.random()` and kept.
 */
import { perRuntime, type Runtime } from './runtime';
import { zonedParts, zonedToUtc } from './utilitiesDate';

export type TriggerSourceName = 'CLOCK' | 'SPREADSHEETS' | 'FORMS' | 'DOCUMENTS';
export type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';

/** 20 triggers per user per script (guides/services/quotas). */
export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export type ClockKind = 'minutes' | 'hours' | 'days' | 'weeks' | 'monthly' | 'once';

export interface ClockSchedule {
  kind: ClockKind;
  /** n of everyMinutes/everyHours/everyDays/everyWeeks (1 for monthly/once). */
  every: number;
  tz: string;
  /** Calendar kinds: local date of the last scheduled occurrence and minutes after its midnight. */
  anchor?: { y: number; m: number; d: number };
  minuteOfDay?: number;
  monthDay?: number;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  source: TriggerSourceName;
  sourceId: string | null;
  eventType: EventTypeName;
  clock?: ClockSchedule;
  /** Emulated time of the next firing (clock triggers). */
  nextAt?: number;
}

interface ScriptState {
  triggers: TriggerRecord[];
  scriptId: string;
  requiredScopes: { authMode: string; scopes: string[] | 'ALL' }[];
}

export const scriptState: (rt: Runtime) => ScriptState = perRuntime((rt) => ({
  triggers: [],
  scriptId: rt.newId('1s'),
  requiredScopes: [],
}));

/** A trigger id like Apps Script's: a long decimal number as a string. */
export function newTriggerUid(rt: Runtime): string {
  let s = String(1 + Math.floor(rt.random() * 9));
  while (s.length < 19) s += String(Math.floor(rt.random() * 10));
  return s;
}

export function randomInt(rt: Runtime, lo: number, hi: number): number {
  return lo + Math.floor(rt.random() * (hi - lo + 1));
}

export function occurrence(tz: string, a: { y: number; m: number; d: number }, minuteOfDay: number): number {
  return zonedToUtc(tz, a.y, a.m, a.d, 0, minuteOfDay);
}

/** Normalises an overflowing local date (day 32 → next month). */
export function addDays(
  a: { y: number; m: number; d: number },
  days: number,
): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The first month from (y, m) on that has day `day`. */
export function monthWithDay(y: number, m: number, day: number): { y: number; m: number; d: number } {
  for (let i = 0; i < 24; i++) {
    const t = new Date(Date.UTC(y, m - 1 + i, day));
    if (t.getUTCDate() === day) return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: day };
  }
  return { y, m, d: day };
}

/** The anchor after `a` for a calendar schedule. */
function stepAnchor(
  s: ClockSchedule,
  a: { y: number; m: number; d: number },
): { y: number; m: number; d: number } {
  if (s.kind === 'days') return addDays(a, s.every);
  if (s.kind === 'weeks') return addDays(a, 7 * s.every);
  return monthWithDay(a.y, a.m + 1, s.monthDay ?? a.d);
}

/** First anchor whose occurrence lies after `now`, starting from `first`. */
export function firstCalendarFiring(
  s: ClockSchedule,
  first: { y: number; m: number; d: number },
  now: number,
): number {
  let a = first;
  const minuteOfDay = s.minuteOfDay ?? 0;
  // Step a day (or to the next month) at a time until the slot is in the future.
  for (let i = 0; i < 800 && occurrence(s.tz, a, minuteOfDay) <= now; i++) {
    a =
      s.kind === 'monthly'
        ? monthWithDay(a.y, a.m + 1, s.monthDay ?? a.d)
        : addDays(a, s.kind === 'days' ? 1 : 7);
  }
  s.anchor = a;
  return occurrence(s.tz, a, minuteOfDay);
}

/** Next firing of a recurring trigger strictly after `after`; missed slots are skipped. */
export function nextFiring(rec: TriggerRecord, after: number): number | null {
  const s = rec.clock;
  if (!s || s.kind === 'once' || rec.nextAt === undefined) return null;
  if (s.kind === 'minutes' || s.kind === 'hours') {
    const step = s.every * (s.kind === 'minutes' ? 60_000 : 3_600_000);
    let t = rec.nextAt + step;
    if (t <= after) t += Math.ceil((after - t + 1) / step) * step;
    return t;
  }
  let a = s.anchor ?? { y: 1970, m: 1, d: 1 };
  let t = rec.nextAt;
  for (let i = 0; i < 10_000 && t <= after; i++) {
    a = stepAnchor(s, a);
    t = occurrence(s.tz, a, s.minuteOfDay ?? 0);
  }
  s.anchor = a;
  return t;
}

/** The local date in `tz` at instant `ms`. */
export function localDate(
  ms: number,
  tz: string,
): { y: number; m: number; d: number; weekday: number; minuteOfDay: number } {
  const p = zonedParts(ms, tz);
  return { y: p.year, m: p.month, d: p.day, weekday: p.weekday, minuteOfDay: p.hour * 60 + p.minute };
}
