/**
 * Wall-clock arithmetic for IANA time zones, shared by Sheets date serials (spreadsheet-values.ts)
 * and `Utilities.formatDate`/`parseDate` (utilitiesDate.ts): one cached `Intl.DateTimeFormat` per
 * zone that reads the fields of an instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached formatter for `tz`; throws a RangeError for a zone Node does not know. */
export function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True for the IANA ids (and `UTC`/`GMT`) that Node's Intl knows. */
export function isIanaZone(tz: string): boolean {
  try {
    zoneFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall clock of `epoch` in `tz` to the second, as a UTC timestamp with those fields; `ms` is
 * put in as the milliseconds field.
 */
export function wallFields(epoch: number, tz: string, ms = 0): number {
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(tz).formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
    ms,
  );
}
