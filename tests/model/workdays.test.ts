import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkdays,
  dutchHolidays,
  easterSunday,
  holidayName,
  isValidIsoDate,
  isWorkday,
  workdaysBetween,
} from '../../src/model/workdays';

const dates = (year: number, opts = {}) => dutchHolidays(year, opts).map((h) => `${h.date} ${h.name}`);

describe('feestdagen', () => {
  it('Pasen valt goed in 2024, 2026 en 2027', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('2026: Goede Vrijdag, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst; geen Bevrijdingsdag', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('2027: feestdagen rond Pasen op 28 maart', () => {
    const list = dates(2027);
    expect(list).toContain('2027-03-26 Goede Vrijdag');
    expect(list).toContain('2027-03-29 Tweede Paasdag');
    expect(list).toContain('2027-05-06 Hemelvaartsdag');
    expect(list).toContain('2027-05-17 Tweede Pinksterdag');
    expect(isWorkday('2027-03-29')).toBe(false);
    expect(isWorkday('2027-03-30')).toBe(true);
  });

  it('Koningsdag op zondag schuift naar zaterdag 26 april (2025)', () => {
    expect(holidayName('2025-04-26')).toBe('Koningsdag');
    expect(holidayName('2025-04-27')).toBeUndefined();
    expect(holidayName('2026-04-27')).toBe('Koningsdag');
  });

  it('Bevrijdingsdag alleen in lustrumjaren, tenzij elk jaar is ingesteld', () => {
    expect(isWorkday('2025-05-05')).toBe(false);
    expect(isWorkday('2026-05-05')).toBe(true);
    expect(isWorkday('2026-05-05', { bevrijdingsdagEveryYear: true })).toBe(false);
    expect(dates(2030)).toContain('2030-05-05 Bevrijdingsdag');
  });

  it('elke vraag geeft hetzelfde antwoord, met of zonder Bevrijdingsdag elk jaar, in elke volgorde', () => {
    const every = { bevrijdingsdagEveryYear: true };
    expect([isWorkday('2027-05-05', every), isWorkday('2027-05-05'), isWorkday('2027-05-05', every)]).toEqual(
      [false, true, false],
    );
    // Two holidays on one date: Hemelvaartsdag fell on 5 May in the lustrum year 2005.
    expect(holidayName('2005-05-05')).toBe('Hemelvaartsdag');
    expect(holidayName('2005-05-05', every)).toBe('Hemelvaartsdag');
  });

  it('extra vrije dagen van de gemeente tellen niet als werkdag', () => {
    expect(isWorkday('2026-03-10', { extraHolidays: ['2026-03-10'] })).toBe(false);
    expect(holidayName('2026-03-10', { extraHolidays: ['2026-03-10'] })).toBe('Vrije dag gemeente');
  });
});

describe('werkdagen optellen', () => {
  it('weekend wordt overgeslagen: vrijdag + 1 = maandag', () => {
    expect(addWorkdays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkdays('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('termijn over Pasen 2026 slaat Goede Vrijdag en Tweede Paasdag over', () => {
    expect(addWorkdays('2026-04-02', 1)).toBe('2026-04-07');
    expect(workdaysBetween('2026-04-02', '2026-04-07')).toBe(1);
  });

  it('termijn over Hemelvaart 2026', () => {
    expect(addWorkdays('2026-05-13', 1)).toBe('2026-05-15');
  });

  it('termijn over Kerst en Nieuwjaar', () => {
    expect(addWorkdays('2026-12-23', 3)).toBe('2026-12-29');
    expect(addWorkdays('2026-12-30', 2)).toBe('2027-01-04');
    expect(workdaysBetween('2026-12-23', '2027-01-04')).toBe(6);
  });

  it('0 werkdagen: zelfde dag als het een werkdag is, anders de volgende', () => {
    expect(addWorkdays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addWorkdays('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('terugtellen voor herinneringen: 2 werkdagen vóór dinsdag na Pasen', () => {
    expect(addWorkdays('2026-04-07', -2)).toBe('2026-04-01');
    expect(workdaysBetween('2026-04-07', '2026-04-01')).toBe(-2);
  });

  it('workdaysBetween telt de werkdagen ná de eerste datum tot en met de tweede, ook over een weekend', () => {
    // Friday 6, Saturday 7, Sunday 8, Monday 9 March 2026.
    expect(workdaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workdaysBetween('2026-03-07', '2026-03-09')).toBe(1);
    expect(workdaysBetween('2026-03-06', '2026-03-07')).toBe(0);
    expect(workdaysBetween('2026-03-07', '2026-03-08')).toBe(0);
    expect(workdaysBetween('2026-03-05', '2026-03-10')).toBe(3);
    // Backwards: the same count, negative (never -0).
    expect(workdaysBetween('2026-03-09', '2026-03-07')).toBe(-1);
    expect(Object.is(workdaysBetween('2026-03-08', '2026-03-07'), 0)).toBe(true);
    for (const a of ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-04-03']) {
      for (const b of ['2026-03-01', '2026-03-07', '2026-03-09', '2026-03-16', '2026-04-06']) {
        expect(workdaysBetween(a, b) + workdaysBetween(b, a), `${a} ${b}`).toBe(0);
      }
    }
  });

  it('workdaysBetween is de omgekeerde van addWorkdays', () => {
    for (const n of [1, 5, 10, 23]) {
      const end = addWorkdays('2026-12-18', n);
      expect(workdaysBetween('2026-12-18', end)).toBe(n);
      expect(workdaysBetween(end, addWorkdays(end, -n))).toBe(-n);
    }
    expect(workdaysBetween('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('ongeldige datums en aantallen worden geweigerd', () => {
    expect(() => addWorkdays('2026-02-30', 1)).toThrow('Ongeldige datum "2026-02-30"');
    expect(() => addWorkdays('2026-03-10', 1.5)).toThrow('heel getal');
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-3-1')).toBe(false);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});

describe('Pasen en de volgorde van de feestdagen', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
  ])('Pasen %i: %s (ook de vroegste en laatste mogelijke datum)', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('de feestdagen op datum; twee op één dag: de eerste in de lijst geeft de naam', () => {
    for (const year of [2025, 2030, 2005]) {
      const dates = dutchHolidays(year).map((h) => h.date);
      expect(dates, String(year)).toEqual([...dates].sort());
    }
    expect(dutchHolidays(2025).map((h) => h.name)).toContain('Bevrijdingsdag');
    expect(holidayName('2005-05-05')).toBe('Hemelvaartsdag');
  });
});

describe('datums die niet bestaan', () => {
  it.each([['2026-00-10'], ['2026-13-01'], ['2026-01-00'], ['2026-02-29'], ['2026-1-01']])(
    '%s is geen datum',
    (iso) => {
      expect(isValidIsoDate(iso)).toBe(false);
    },
  );

  it('alleen tekst kan een datum zijn', () => {
    expect(isValidIsoDate(['2026-01-01'])).toBe(false);
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
  });

  it('een halve maand bestaat niet', () => {
    expect(() => addMonths('2026-01-31', 1.5)).toThrow('Aantal maanden moet een heel getal zijn, niet 1.5.');
  });
});
