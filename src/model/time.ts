/**
 * Pure date helpers. Apps Script's `Intl` support is unconfirmed (guides/v8-runtime), so local
 * time for the Netherlands is computed here: CET (UTC+1) with CEST (UTC+2) from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU summer-time rule).
 * No clock is read: callers pass epoch milliseconds.
 */

/**
 * Whether `v` is a Date, whatever realm made it. A Date a service returns (a date cell from
 * `Range.getValues`, a response timestamp) need not be an instance of the script's own `Date`
 * (in tests the bundle runs in a `node:vm` context beside the in-memory services), so the product
 * never asks `instanceof Date` of a service value: it asks for the internal class, which the
 * ECMAScript specification reports as `[object Date]` for every object with a date value
 * (`Object.prototype.toString`, ECMA-262 §20.1.3.6).
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1, 0, 0);
}

/** Start and end of summer time per year (epoch ms), computed once per year. */
const summerTimes = new Map<number, readonly [number, number]>();

function summerTime(year: number): readonly [number, number] {
  let span = summerTimes.get(year);
  if (!span) {
    span = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    summerTimes.set(year, span);
  }
  return span;
}

/** Offset from UTC in minutes for the zone at that instant. Supports Europe/Amsterdam and UTC. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return 0;
  if (timeZone !== 'Europe/Amsterdam') throw new Error(`Tijdzone niet ondersteund: ${timeZone}`);
  const [start, end] = summerTime(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? 120 : 60;
}

function pad(n: number, len = 2): string {
  return String(n).padStart(len, '0');
}

/** `yyyy-MM-dd` in the zone. */
export function isoDate(ms: number, timeZone: string): string {
  const d = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `yyyy-MM-dd HH:mm` in the zone. */
export function isoDateTime(ms: number, timeZone: string): string {
  const d = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000);
  return `${isoDate(ms, timeZone)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

/** Dutch long date of an ISO date, e.g. `maandag 12 januari 2026`. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${WEEKDAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** Epoch ms of local midnight of an ISO date in the zone. */
export function startOfLocalDay(iso: string, timeZone: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The offset at local midnight equals the offset a few hours earlier in UTC for NL.
  return utcMidnight - zoneOffsetMinutes(utcMidnight, timeZone) * 60_000;
}
