/**
 * When the dispatcher works. Its time-driven trigger fires every DISPATCH_EVERY_MINUTES minutes,
 * day and night (a time-based trigger has one interval: reference/script/clock-trigger-builder
 * everyMinutes). Every run counts toward the daily trigger runtime (guides/services/quotas:
 * 90 minutes a day for a consumer account, 6 hours for Workspace), so the runs outside office
 * hours do nothing most of the time:
 *
 * - on a working day from BUSY_HOURS.from to BUSY_HOURS.to (Europe/Amsterdam) every run works:
 *   answers are read, reminders and invitations go out, the digest is sent;
 * - at other hours, and all day on a day off, only the first run of each hour works; the others
 *   end at once, before any service call. No mail goes out then anyway (reminders and the digest
 *   keep to office hours), so an answer that comes in at night is in the case spreadsheet within
 *   the hour instead of within a quarter.
 *
 * Pure: the clock is passed in.
 */
import { isoDateTime } from './time';
import { isWorkday } from './workdays';

/** Minutes between dispatcher runs (allowed by everyMinutes: 1, 5, 10, 15, 30). */
export const DISPATCH_EVERY_MINUTES = 15;

/** The hours of a working day in which every run works. */
export const BUSY_HOURS = { from: 7, to: 19 } as const;

/** Whether the run at `now` does its work (see above). */
export function dispatchRunWorks(now: number): boolean {
  const local = isoDateTime(now, 'Europe/Amsterdam');
  const hour = Number(local.slice(11, 13));
  const minute = Number(local.slice(14, 16));
  const busy = isWorkday(local.slice(0, 10)) && hour >= BUSY_HOURS.from && hour < BUSY_HOURS.to;
  return busy || minute < DISPATCH_EVERY_MINUTES;
}

/** Runs that work on a working day, or on a day off. */
export function dispatchRunsPerDay(workday: boolean): number {
  const busyHours = workday ? BUSY_HOURS.to - BUSY_HOURS.from : 0;
  return (busyHours * 60) / DISPATCH_EVERY_MINUTES + (24 - busyHours);
}
