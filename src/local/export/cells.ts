/**
 * Small helpers shared by the exporters: colours, Excel sheet names and dates in a time zone.
 * The formula test is render/text.ts looksLikeFormula, shared with the Sheets writers.
 */
import { xmlSafe } from '../../render/text';
import { wallFields } from '../apps-script/time-zone';

/** Normalises `#rgb` / `#rrggbb` (any case) to `rrggbb`, or null for anything else. */
export function hexColor(color: string | null | undefined): string | null {
  if (!color) return null;
  const c = color.trim().toLowerCase();
  const long = /^#?([0-9a-f]{6})$/.exec(c);
  if (long) return long[1]!;
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return null;
}

/** Excel ARGB (`FFRRGGBB`) for a CSS hex colour, or null. */
export function argb(color: string | null | undefined): string | null {
  const hex = hexColor(color);
  return hex ? `FF${hex.toUpperCase()}` : null;
}

const EXCEL_NAME_MAX = 31;

/**
 * Turns Sheets tab names (up to 100 characters, few restrictions) into valid, unique Excel
 * worksheet names: no `* ? : \ / [ ]`, no leading/trailing apostrophe, at most 31
 * characters, unique ignoring case, never `History`; characters XML cannot hold become U+FFFD.
 */
export function excelSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let base = xmlSafe(raw)
      .replace(/[*?:\\/[\]]/g, '_')
      .replace(/^'+|'+$/g, '');
    if (base.trim() === '' || base.toLowerCase() === 'history') base = `${base || 'Blad'}${i + 1}`;
    let name = base.slice(0, EXCEL_NAME_MAX);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, EXCEL_NAME_MAX - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Sheets shows a date in the spreadsheet's time zone; Excel dates have no zone. Returns a
 * Date whose UTC fields equal the wall-clock time in `timeZone`, which is what exceljs
 * turns into the Excel serial number.
 */
export function wallClockDate(d: Date, timeZone: string): Date {
  return new Date(wallFields(d.getTime(), timeZone, d.getUTCMilliseconds()));
}

/** Formats epoch ms as `dd-MM-yyyy HH:mm` in a time zone (Dutch reading order). */
export function formatDutchDateTime(ms: number, timeZone: string): string {
  const w = wallClockDate(new Date(ms), timeZone);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(w.getUTCDate())}-${p(w.getUTCMonth() + 1)}-${w.getUTCFullYear()} ${p(w.getUTCHours())}:${p(w.getUTCMinutes())}`;
}
