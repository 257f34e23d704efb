/**
 * Cell values: how a written JS value is stored (coercion like typed input), what `getValues`
 * gives back, and what `getDisplayValues` shows.
 *
 * Coercion on write (reference/spreadsheet/range#setValue(Object), #setValues(Object);
 * reference/spreadsheet/range):
 * - a string starting with `=` becomes a formula — documented ("formula… if the value starts
 *   with =", https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue);
 *   the emulator stores it but does NOT compute it: `getValues` returns '' for a formula cell;
 * - a leading apostrophe forces text and is not part of the stored value [W];
 * - numeric-looking strings become numbers per spreadsheet locale (`'007'` → 7, `'1,000'` → 1000,
 *   `'+31612345678'` → 31612345678, `'50%'` → 0.5, `'$2.99'` → 2.99) [W] — the reference sample
 *   writes `'1,000,000'` expecting a number (same range#setValues page);
 * - `TRUE`/`FALSE` in any case become booleans [W];
 * - date-looking strings (`2024-01-31`, en_US `1/31/2024`, nl_NL `31-1-2024`, optional ` 10:30`)
 *   and times (`10:30`) become dates; impossible dates (`2024-13-45`) stay text [W];
 * - number format `@` on the cell keeps strings as text, `=` still makes a formula (unconfirmed);
 * - `Date` → date-time in the spreadsheet time zone; `null`/`undefined` → empty [W];
 * - plain objects, arrays, functions → signature error (unconfirmed);
 * - strings over 50,000 characters → `Your input contains more than the maximum of 50000
 *   characters in a single cell.` [W] (reference/spreadsheet/range).
 * Dates are stored as a serial (days since 1899-12-30, wall clock in the spreadsheet zone), as
 * Sheets does, so changing the spreadsheet time zone later shifts the instants read back.
 */
import { isDate } from './realm';
import { gasError } from './runtime';
import { type CellData, ERR, MAX_CELL_CHARS } from './spreadsheet-model';
import { wallFields } from './time-zone';

export type Content = Pick<CellData, 'v' | 'd' | 'f'>;

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

// ---- time zones ----------------------------------------------------------------------------

/** The wall clock of `epoch` in `tz`, as a UTC timestamp with those fields. */
export function wallClock(epoch: number, tz: string): number {
  return wallFields(epoch, tz, ((epoch % 1000) + 1000) % 1000);
}

/** The instant whose wall clock in `tz` is `wall` (a UTC timestamp carrying the fields). */
export function fromWallClock(wall: number, tz: string): number {
  let epoch = wall - (wallClock(wall, tz) - wall);
  epoch = wall - (wallClock(epoch, tz) - epoch);
  return epoch;
}

export function dateToSerial(date: Date, tz: string): number {
  return (wallClock(date.getTime(), tz) - SERIAL_EPOCH) / DAY_MS;
}

export function serialToDate(serial: number, tz: string): Date {
  return new Date(fromWallClock(Math.round(SERIAL_EPOCH + serial * DAY_MS), tz));
}

// ---- parsing typed input -------------------------------------------------------------------

/** Locales that write `1.234,5` (decimal comma); everything else reads `1,234.5`. */
function commaDecimal(locale: string): boolean {
  return /^(nl|de|fr|es|it|pt|da|sv|nb|no|fi|pl|cs|ru|tr|id)(_|$)/i.test(locale);
}

export function parseNumber(t: string, locale: string): number | null {
  const comma = commaDecimal(locale);
  const dec = comma ? ',' : '\\.';
  const grp = comma ? '\\.' : ',';
  const re = new RegExp(
    `^([+-]?)(?:([$€])\\s?)?((?:\\d{1,3}(?:${grp}\\d{3})+|\\d+)(?:${dec}\\d+)?|${dec}\\d+)([eE][+-]?\\d+)?(%?)$`,
  );
  const m = re.exec(t);
  if (!m) return null;
  if (m[2] && (m[4] || m[5])) return null;
  const digits = (m[3] ?? '').split(comma ? '.' : ',').join('');
  const n = Number(`${m[1]}${comma ? digits.replace(',', '.') : digits}${m[4] ?? ''}`);
  if (!Number.isFinite(n)) return null;
  return m[5] ? n / 100 : n;
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(t).getUTCDate() !== d) return null;
  return (t - SERIAL_EPOCH) / DAY_MS;
}

export function parseDateSerial(t: string, locale: string): number | null {
  const time = '(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
  const n = (x: string | undefined) => Number(x ?? 0);
  let m = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(t);
  if (m) return validDate(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]));
  if (commaDecimal(locale)) {
    m = new RegExp(`^(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})${time}$`).exec(t);
    if (m) return validDate(n(m[3]), n(m[2]), n(m[1]), n(m[4]), n(m[5]), n(m[6]));
  } else {
    m = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${time}$`).exec(t);
    if (m) return validDate(n(m[3]), n(m[1]), n(m[2]), n(m[4]), n(m[5]), n(m[6]));
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && n(m[1]) < 24 && n(m[2]) < 60 && n(m[3]) < 60) {
    return (n(m[1]) * 3600 + n(m[2]) * 60 + n(m[3])) / 86400;
  }
  return null;
}

/** Interprets a string as if typed into a cell with number format `nf`. */
function typedContent(s: string, nf: string | undefined, locale: string): Content {
  if (s.length > MAX_CELL_CHARS) throw gasError(ERR.cellTooLong);
  if (s === '') return {};
  if (s.startsWith('=') && s.length > 1) return { f: s };
  if (s.startsWith("'")) return s.length > 1 ? { v: s.slice(1) } : {};
  if (nf === '@') return { v: s };
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const num = parseNumber(t, locale);
  if (num !== null) return { v: num };
  const serial = parseDateSerial(t, locale);
  if (serial !== null) return { v: serial, d: true };
  return { v: s };
}

export interface WriteContext {
  locale: string;
  timeZone: string;
  /** Builds the signature error of the calling method for a value it cannot store. */
  reject: () => Error;
}

/** The stored content for one written value (see the module comment for the rules). */
export function contentFromInput(raw: unknown, nf: string | undefined, ctx: WriteContext): Content {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === 'string') return typedContent(raw, nf, ctx.locale);
  if (typeof raw === 'number') {
    // NaN/Infinity cannot be a number cell; they arrive as their text (unconfirmed).
    return Number.isFinite(raw) ? { v: raw } : { v: String(raw) };
  }
  if (typeof raw === 'boolean') return { v: raw };
  if (isDate(raw)) {
    if (Number.isNaN(raw.getTime())) return { v: 'Invalid Date' };
    return { v: dateToSerial(raw, ctx.timeZone), d: true };
  }
  throw ctx.reject();
}

/** `getValues` for one cell: '' for empty and for (uncomputed) formula cells; Dates are fresh. */
export function cellValue(
  cell: CellData | null,
  tz: string,
  toDate: (ms: number) => Date = (ms) => new Date(ms),
): unknown {
  if (!cell || cell.v === undefined) return '';
  if (cell.d && typeof cell.v === 'number') return toDate(serialToDate(cell.v, tz).getTime());
  return cell.v;
}

// ---- display -------------------------------------------------------------------------------

export const GENERAL_FORMAT = '0.###############';

function generalNumber(n: number, locale: string): string {
  let s =
    Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(Number.parseFloat(n.toPrecision(15)));
  s = s.replace('e', 'E');
  return commaDecimal(locale) ? s.replace('.', ',') : s;
}

function patternNumber(n: number, nf: string, locale: string): string | null {
  const percent = nf.endsWith('%');
  const body = percent ? nf.slice(0, -1) : nf;
  const m = /^(#,##)?0(?:\.(0*)(#*))?$/.exec(body);
  if (!m) return null;
  const value = percent ? n * 100 : n;
  const minDec = m[2]?.length ?? 0;
  const maxDec = minDec + (m[3]?.length ?? 0);
  let s = value.toFixed(maxDec);
  if (maxDec > minDec) {
    s = s.replace(new RegExp(`0{1,${maxDec - minDec}}$`), '');
    if (s.endsWith('.')) s = s.slice(0, -1);
  }
  const [int = '', frac] = s.split('.');
  const comma = commaDecimal(locale);
  const grouped = m[1] ? int.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',') : int;
  return `${grouped}${frac !== undefined ? (comma ? ',' : '.') + frac : ''}${percent ? '%' : ''}`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function formatSerial(serial: number, nf: string | undefined, locale: string): string {
  const w = new Date(Math.round(SERIAL_EPOCH + serial * DAY_MS));
  const hasTime = w.getUTCHours() + w.getUTCMinutes() + w.getUTCSeconds() > 0;
  let fmt = nf && /[ydhs]/i.test(nf) ? nf : undefined;
  if (!fmt) {
    const date = commaDecimal(locale) ? 'd-m-yyyy' : 'm/d/yyyy';
    fmt = serial >= 0 && serial < 1 ? 'h:mm:ss' : hasTime ? `${date} h:mm:ss` : date;
  }
  const tokens = fmt.match(/yyyy|yy|mm|m|dd|d|hh|h|ss|s|"[^"]*"|./gi) ?? [];
  return tokens
    .map((tok, i) => {
      const t = tok.toLowerCase();
      const prev =
        tokens
          .slice(0, i)
          .reverse()
          .find((x) => /^[ydhms]+$/i.test(x))
          ?.toLowerCase() ?? '';
      const next =
        tokens
          .slice(i + 1)
          .find((x) => /^[ydhms]+$/i.test(x))
          ?.toLowerCase() ?? '';
      const minute = prev.startsWith('h') || next.startsWith('s');
      switch (t) {
        case 'yyyy':
          return String(w.getUTCFullYear());
        case 'yy':
          return pad(w.getUTCFullYear() % 100);
        case 'mm':
          return minute ? pad(w.getUTCMinutes()) : pad(w.getUTCMonth() + 1);
        case 'm':
          return minute ? String(w.getUTCMinutes()) : String(w.getUTCMonth() + 1);
        case 'dd':
          return pad(w.getUTCDate());
        case 'd':
          return String(w.getUTCDate());
        case 'hh':
          return pad(w.getUTCHours());
        case 'h':
          return String(w.getUTCHours());
        case 'ss':
          return pad(w.getUTCSeconds());
        case 's':
          return String(w.getUTCSeconds());
        default:
          return tok.startsWith('"') ? tok.slice(1, -1) : tok;
      }
    })
    .join('');
}

/**
 * `getDisplayValues` for one cell — an approximation of Sheets' formatting: general numbers,
 * the `0`, `0.00`, `#,##0.00`, `0%` pattern family, date/time patterns, and the locale's default
 * date format (en_US `M/d/yyyy`, nl_NL `d-M-yyyy`).
 */
export function displayOf(cell: CellData | null, locale: string): string {
  if (!cell || cell.v === undefined) return '';
  const v = cell.v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (cell.d) return formatSerial(v, cell.nf, locale);
  if (cell.nf && cell.nf !== GENERAL_FORMAT && /[ydhs]/i.test(cell.nf) && !/[#0]/.test(cell.nf)) {
    return formatSerial(v, cell.nf, locale);
  }
  return (cell.nf && patternNumber(v, cell.nf, locale)) || generalNumber(v, locale);
}
