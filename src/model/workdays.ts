/**
 * Working-day arithmetic on ISO dates (`yyyy-MM-dd`), with Dutch public holidays.
 * Pure calendar arithmetic in UTC; no clock is read.
 */

export interface WorkdayOptions {
  /** 5 May (Bevrijdingsdag) is a day off every year; otherwise only in lustrum years (year % 5 === 0). */
  bevrijdingsdagEveryYear?: boolean;
  /** Extra days off of the gemeente (ISO dates), e.g. a collective closing day. */
  extraHolidays?: readonly string[];
}

export interface Holiday {
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, len = 2): string {
  return String(n).padStart(len, '0');
}

/** True for a real calendar date written as `yyyy-MM-dd`. */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function toUtcMs(iso: string): number {
  if (!isValidIsoDate(iso)) throw new Error(`Ongeldige datum "${iso}" (verwacht jjjj-mm-dd).`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `iso` plus `n` calendar days (n may be negative). */
export function addDays(iso: string, n: number): string {
  return fromUtcMs(toUtcMs(iso) + n * DAY_MS);
}

/**
 * `iso` plus `n` calendar months (n may be negative); a day past the end of the target month
 * becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`Aantal maanden moet een heel getal zijn, niet ${n}.`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  toUtcMs(iso);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(toUtcMs(iso)).getUTCDay();
}

/** Easter Sunday (Gregorian calendar, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Dutch public holidays of a year, sorted by date. */
export function dutchHolidays(year: number, opts: WorkdayOptions = {}): Holiday[] {
  const y = pad(year, 4);
  const easter = easterSunday(year);
  const kingsDay = dayOfWeek(`${y}-04-27`) === 0 ? `${y}-04-26` : `${y}-04-27`;
  const list: Holiday[] = [
    { date: `${y}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay, name: 'Koningsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: `${y}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${y}-12-26`, name: 'Tweede Kerstdag' },
  ];
  if (opts.bevrijdingsdagEveryYear || year % 5 === 0)
    list.push({ date: `${y}-05-05`, name: 'Bevrijdingsdag' });
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The public holidays of a year by date, computed once per year and Bevrijdingsdag rule: a
 * deadline or a digest asks for many dates of the same few years.
 */
const holidayMaps = new Map<string, ReadonlyMap<string, string>>();

function holidaysOf(year: number, everyYear: boolean): ReadonlyMap<string, string> {
  const key = `${year}:${everyYear}`;
  let map = holidayMaps.get(key);
  if (!map) {
    const byDate = new Map<string, string>();
    // Two holidays on one date (Hemelvaartsdag on 5 May 2005): the first in the sorted list names it.
    for (const h of dutchHolidays(year, { bevrijdingsdagEveryYear: everyYear }))
      if (!byDate.has(h.date)) byDate.set(h.date, h.name);
    map = byDate;
    holidayMaps.set(key, map);
  }
  return map;
}

/** Name of the holiday on that date (public or extra), or undefined. */
export function holidayName(iso: string, opts: WorkdayOptions = {}): string | undefined {
  const year = Number(iso.slice(0, 4));
  toUtcMs(iso);
  const hit = holidaysOf(year, opts.bevrijdingsdagEveryYear === true).get(iso);
  if (hit !== undefined) return hit;
  return opts.extraHolidays?.includes(iso) ? 'Vrije dag gemeente' : undefined;
}

/** Monday–Friday and not a holiday. */
export function isWorkday(iso: string, opts: WorkdayOptions = {}): boolean {
  const dow = dayOfWeek(iso);
  if (dow === 0 || dow === 6) return false;
  return holidayName(iso, opts) === undefined;
}

/**
 * The date `n` working days after `iso` (before it when n < 0). The start day itself does
 * not count: Friday + 1 = the next Monday. With n = 0 the start day is returned when it is a
 * working day, else the next working day.
 */
export function addWorkdays(iso: string, n: number, opts: WorkdayOptions = {}): string {
  if (!Number.isInteger(n)) throw new Error(`Aantal werkdagen moet een heel getal zijn, niet ${n}.`);
  let current = iso;
  if (n === 0) {
    while (!isWorkday(current, opts)) current = addDays(current, 1);
    return current;
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    current = addDays(current, step);
    if (isWorkday(current, opts)) left--;
  }
  return current;
}

/**
 * Working days after `a` up to and including `b`; when `b` is before `a`, minus the working
 * days from `b` up to (not including) `a`. So `workdaysBetween(a, addWorkdays(a, n)) === n`.
 */
export function workdaysBetween(a: string, b: string, opts: WorkdayOptions = {}): number {
  const start = toUtcMs(a);
  const end = toUtcMs(b);
  // Backwards is the same count with the sign turned: workdaysBetween(a, b) = -workdaysBetween(b, a),
  // also when a or b falls in a weekend or on a holiday.
  if (end < start) {
    const back = workdaysBetween(b, a, opts);
    return back === 0 ? 0 : -back;
  }
  let count = 0;
  for (let current = a; current !== b; ) {
    current = addDays(current, 1);
    if (isWorkday(current, opts)) count++;
  }
  return count;
}
