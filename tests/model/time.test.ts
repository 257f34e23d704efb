/**
 * model/time: local time in the Netherlands without Intl (CET, CEST from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC, the EU summer-time rule), and Dutch dates.
 */
import { describe, expect, it } from 'vitest';
import {
  dutchDate,
  isDate,
  isoDate,
  isoDateTime,
  startOfLocalDay,
  zoneOffsetMinutes,
} from '../../src/model/time';

const NL = 'Europe/Amsterdam';
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('zoneOffsetMinutes', () => {
  it.each([
    // 2026: summer time from 29 March to 25 October.
    ['2026-03-29T00:59:59.999', 60],
    ['2026-03-29T01:00:00.000', 120],
    ['2026-10-25T00:59:59.999', 120],
    ['2026-10-25T01:00:00.000', 60],
    ['2026-07-01T12:00:00.000', 120],
    ['2026-01-15T12:00:00.000', 60],
    // The last day of the month is itself a Sunday: 31 March 2024, 31 October 2021.
    ['2024-03-31T00:59:59.999', 60],
    ['2024-03-31T01:00:00.000', 120],
    ['2024-03-24T12:00:00.000', 60],
    ['2021-10-31T00:59:59.999', 120],
    ['2021-10-31T01:00:00.000', 60],
    ['2021-10-24T12:00:00.000', 120],
  ])('%s UTC: %i minuten', (at, offset) => {
    expect(zoneOffsetMinutes(utc(at), NL)).toBe(offset);
  });

  // One test for the whole year: model/time keeps each year's summer time after the first ask.
  it('2031, geen van beide maanden eindigt op zondag: 30 maart en 26 oktober om 01:00 UTC', () => {
    expect(
      [
        '2031-03-30T00:59:59.999',
        '2031-03-30T01:00:00.000',
        '2031-10-26T00:59:59.999',
        '2031-10-26T01:00:00.000',
      ].map((at) => zoneOffsetMinutes(utc(at), NL)),
    ).toEqual([60, 120, 120, 60]);
  });

  it('UTC onder elke naam is 0; een andere zone wordt geweigerd', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT'])
      expect(zoneOffsetMinutes(utc('2026-07-01T12:00:00'), zone)).toBe(0);
    expect(() => zoneOffsetMinutes(0, 'Europe/Brussels')).toThrow(
      'Tijdzone niet ondersteund: Europe/Brussels',
    );
  });
});

describe('datum en tijd in de zone', () => {
  it('isoDate en isoDateTime: de lokale dag en tijd, met voorloopnullen', () => {
    expect(isoDate(utc('2026-03-04T23:30:00'), NL)).toBe('2026-03-05');
    expect(isoDate(utc('2026-03-04T23:30:00'), 'UTC')).toBe('2026-03-04');
    expect(isoDateTime(utc('2026-03-04T23:05:00'), NL)).toBe('2026-03-05 00:05');
    expect(isoDateTime(utc('2026-07-09T07:08:00'), NL)).toBe('2026-07-09 09:08');
    expect(isoDateTime(utc('2026-12-31T22:59:00'), NL)).toBe('2026-12-31 23:59');
  });

  it('startOfLocalDay: lokale middernacht, in de winter en de zomer', () => {
    expect(startOfLocalDay('2026-01-15', NL)).toBe(utc('2026-01-14T23:00:00'));
    expect(startOfLocalDay('2026-07-15', NL)).toBe(utc('2026-07-14T22:00:00'));
    expect(startOfLocalDay('2026-07-15', 'UTC')).toBe(utc('2026-07-15T00:00:00'));
    expect(isoDateTime(startOfLocalDay('2026-03-29', NL), NL)).toBe('2026-03-29 00:00');
  });

  it('dutchDate: weekdag, dag, maand en jaar in het Nederlands', () => {
    expect(dutchDate('2026-01-12')).toBe('maandag 12 januari 2026');
    expect(dutchDate('2026-02-01')).toBe('zondag 1 februari 2026');
    expect(dutchDate('2026-12-05')).toBe('zaterdag 5 december 2026');
  });
});

describe('isDate', () => {
  it('herkent een datum uit elke realm, en niets anders', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(isDate('2026-01-01')).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});
