/**
 * Time-zone arithmetic and Java `SimpleDateFormat` formatting/parsing for `Utilities.formatDate`
 * and `Utilities.parseDate` (reference/utilities/utilities), also used by the
 * trigger scheduler. Month and day names are English, as observed in Apps Script.
 */
import { scriptDate } from './realm';
import { gasError } from './runtime';
import { isIanaZone, wallFields } from './time-zone';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Index 0 = Sunday, as `Date.getUTCDay()`. */
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;
/** True for IANA ids Node knows and for `GMT`, `UTC`, `GMT+2`, `GMT-03:30`. */
export function isValidTimeZone(tz: string): boolean {
  return FIXED.test(tz) || isIanaZone(tz);
}

/**
 * Offset of `tz` from UTC in minutes at instant `ms`. Like Java's `TimeZone.getTimeZone`, an
 * unknown id silently means GMT.
 */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const fixed = FIXED.exec(tz);
  if (fixed) {
    if (!fixed[1]) return 0;
    const mins = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return fixed[1] === '-' ? -mins : mins;
  }
  if (!isValidTimeZone(tz)) return 0;
  return Math.round((wallFields(ms, tz) - Math.floor(ms / 1000) * 1000) / 60000);
}

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  offsetMinutes: number;
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  const offsetMinutes = zoneOffsetMinutes(ms, tz);
  const d = new Date(ms + offsetMinutes * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `tz` shows the given time (month 1-12; lenient overflow). */
export function zonedToUtc(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millis = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const off1 = zoneOffsetMinutes(wall, tz);
  let t = wall - off1 * 60000;
  const off2 = zoneOffsetMinutes(t, tz);
  if (off2 !== off1) t = wall - off2 * 60000;
  return t;
}

function zoneName(ms: number, tz: string, long: boolean): string {
  if (tz === 'GMT' || tz === 'UTC') return tz;
  if (FIXED.test(tz) || !isValidTimeZone(tz)) return formatOffset(zoneOffsetMinutes(ms, tz), 'GMT');
  const name = (loc: string) =>
    new Intl.DateTimeFormat(loc, { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const gb = name('en-GB');
  return gb.startsWith('GMT') ? name('en-US') : gb;
}

function formatOffset(mins: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (mins === 0 && style.startsWith('X')) return 'Z';
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  if (style === 'GMT') return `GMT${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

type Token = { kind: 'lit'; text: string } | { kind: 'field'; letter: string; count: number };

/** Splits a SimpleDateFormat pattern; `'text'` is literal and `''` is one quote. */
export function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out.push({ kind: 'lit', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern.charAt(i);
        i++;
      }
      if (i >= pattern.length) throw gasError('Unterminated quote');
      i++;
      out.push({ kind: 'lit', text });
    } else if (/[a-zA-Z]/.test(c)) {
      let n = 1;
      while (pattern.charAt(i + n) === c) n++;
      if (!'GyYMLdDEuaHkKhmswSzZX'.includes(c)) throw gasError(`Illegal pattern character '${c}'`);
      out.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else {
      out.push({ kind: 'lit', text: c });
      i++;
    }
  }
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** Week of year in the US convention (weeks start on Sunday; week 1 contains 1 January). */
function weekOfYear(p: ZonedParts): number {
  const dec31 = new Date(Date.UTC(p.year, 11, 31));
  const daysToSat = 6 - p.weekday;
  const endOfWeek = Date.UTC(p.year, p.month - 1, p.day + daysToSat);
  if (endOfWeek > dec31.getTime()) return 1;
  const jan1Weekday = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  return Math.floor((dayOfYear(p) - 1 + jan1Weekday) / 7) + 1;
}

function formatField(letter: string, n: number, p: ZonedParts, ms: number, tz: string): string {
  const text = (full: string) => (n >= 4 ? full : full.slice(0, 3));
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      return n >= 3 ? text(MONTHS[p.month - 1] ?? '') : pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p), n);
    case 'E':
      return text(DAYS[p.weekday] ?? '');
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millis, n);
    case 'w':
      return pad(weekOfYear(p), n);
    case 'z':
      return zoneName(ms, tz, n >= 4);
    case 'Z':
      return formatOffset(p.offsetMinutes, 'Z');
    default: // 'X'
      if (n > 3) throw gasError('invalid ISO 8601 format: length=' + n);
      return formatOffset(p.offsetMinutes, n === 1 ? 'X1' : n === 2 ? 'Z' : 'X3');
  }
}

export function formatDateIn(date: Date, tz: string, pattern: string): string {
  const ms = date.getTime();
  const p = zonedParts(ms, tz);
  return tokenize(pattern)
    .map((t) => (t.kind === 'lit' ? t.text : formatField(t.letter, t.count, p, ms, tz)))
    .join('');
}

function matchName(text: string, at: number, names: string[]): { index: number; length: number } | null {
  const rest = text.slice(at).toLowerCase();
  for (const [index, name] of names.entries()) {
    if (rest.startsWith(name.toLowerCase())) return { index, length: name.length };
  }
  for (const [index, name] of names.entries()) {
    if (rest.startsWith(name.slice(0, 3).toLowerCase())) return { index, length: 3 };
  }
  return null;
}

const NUMERIC = 'yYMLdDuHkKhmswS';

/**
 * SimpleDateFormat parsing: numbers may be shorter than the pattern unless the next field is
 * numeric too (`yyyyMMdd` takes fixed widths); text after the last field is ignored, and
 * out-of-range values roll over (Java's lenient default).
 */
export function parseDateIn(text: string, tz: string, pattern: string): Date {
  const fail = () => gasError(`Unparseable date: "${text}"`);
  const tokens = tokenize(pattern);
  const v = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 };
  let pm: boolean | null = null;
  let hour12: number | null = null;
  let offset: number | null = null;
  let at = 0;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'lit') {
      if (text.slice(at, at + t.text.length) !== t.text) throw fail();
      at += t.text.length;
      continue;
    }
    const { letter, count } = t;
    const next = tokens[i + 1];
    if (NUMERIC.includes(letter) && !((letter === 'M' || letter === 'L') && count >= 3)) {
      const fixed = next?.kind === 'field' && NUMERIC.includes(next.letter);
      const m = (fixed ? new RegExp(`^\\d{1,${count}}`) : /^[+-]?\d+/).exec(text.slice(at));
      if (!m) throw fail();
      const n = Number(m[0]);
      at += m[0].length;
      if (letter === 'y' || letter === 'Y') v.year = count <= 2 && m[0].length <= 2 ? 2000 + n : n;
      else if (letter === 'M' || letter === 'L') v.month = n;
      else if (letter === 'd') v.day = n;
      else if (letter === 'H' || letter === 'k') v.hour = letter === 'k' && n === 24 ? 0 : n;
      else if (letter === 'h' || letter === 'K') hour12 = n % 12;
      else if (letter === 'm') v.minute = n;
      else if (letter === 's') v.second = n;
      else if (letter === 'S') v.millis = n;
      continue;
    }
    if (letter === 'M' || letter === 'L' || letter === 'E') {
      const hit = matchName(text, at, letter === 'E' ? DAYS : MONTHS);
      if (!hit) throw fail();
      if (letter !== 'E') v.month = hit.index + 1;
      at += hit.length;
    } else if (letter === 'a') {
      const s = text.slice(at, at + 2).toUpperCase();
      if (s !== 'AM' && s !== 'PM') throw fail();
      pm = s === 'PM';
      at += 2;
    } else if (letter === 'Z' || letter === 'X' || letter === 'z') {
      const m = /^(?:GMT)?([+-])(\d{2}):?(\d{2})?|^Z/.exec(text.slice(at));
      if (!m) throw fail();
      offset = m[0] === 'Z' ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
      at += m[0].length;
    } else if (letter === 'G') {
      if (!/^(AD|BC)/i.test(text.slice(at))) throw fail();
      at += 2;
    }
  }
  if (hour12 !== null) v.hour = hour12 + (pm ? 12 : 0);
  else if (pm && v.hour < 12) v.hour += 12;
  const ms =
    offset === null
      ? zonedToUtc(tz, v.year, v.month, v.day, v.hour, v.minute, v.second, v.millis)
      : Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, v.millis) - offset * 60000;
  return scriptDate(ms);
}
