/**
 * Reading a tab the coordinator typed into: what each kind of cell becomes, how the header row is
 * found, and which cell each refusal names.
 */
import { describe, expect, it } from 'vitest';
import {
  cellBoolean,
  cellDate,
  cellKind,
  cellList,
  cellLowerList,
  cellNumber,
  cellSteps,
  cellText,
  isEmptyCell,
  parseSheetTable,
  type SheetColumn,
} from '../../src/model/sheetTable';
import * as z from '../../src/model/zod';

describe('cellen omzetten', () => {
  it('leeg is: niets, null, of alleen spaties; 0, false en tekst niet', () => {
    for (const v of [undefined, null, '', '   ', '\t\n'])
      expect(isEmptyCell(v), JSON.stringify(v)).toBe(true);
    for (const v of [0, false, ' x ', '0', []]) expect(isEmptyCell(v), JSON.stringify(v)).toBe(false);
  });

  it('tekst: getallen en ja/nee-vakjes worden tekst, leeg wordt weggelaten, de rest blijft', () => {
    expect(cellText(12)).toBe('12');
    expect(cellText(0)).toBe('0');
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
    expect(cellText(' ')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
    expect(cellText(' a ')).toBe(' a ');
    const d = new Date(2026, 0, 5);
    expect(cellText(d)).toBe(d);
  });

  it('getal: getallen blijven, getaltekst wordt een getal, andere tekst gaat door naar de controle', () => {
    expect(cellNumber(5)).toBe(5);
    expect(cellNumber(' 12 ')).toBe(12);
    expect(cellNumber('-3')).toBe(-3);
    expect(cellNumber('2.5')).toBe(2.5);
    for (const v of ['12 dagen', 'ca 12', '1.', '.5', '1.5.2', 'x12', '12x', '1 2'])
      expect(cellNumber(v), v).toBe(v);
    expect(cellNumber('')).toBeUndefined();
    expect(cellNumber(true)).toBe(true);
  });

  it('ja/nee: Nederlandse en Engelse woorden, vinkjes en 1/0; iets anders gaat door naar de controle', () => {
    for (const v of ['ja', ' JA ', 'j', 'waar', 'true', 'yes', 'x', '1', 'Actief', true, 1])
      expect(cellBoolean(v), String(v)).toBe(true);
    for (const v of ['nee', 'N', 'onwaar', 'false', 'no', '0', 'inactief', false, 0])
      expect(cellBoolean(v), String(v)).toBe(false);
    expect(cellBoolean('misschien')).toBe('misschien');
    expect(cellBoolean(2)).toBe(2);
    expect(cellBoolean(' ')).toBeUndefined();
  });

  it('lijsten: komma, puntkomma en spaties scheiden; lege delen vallen weg', () => {
    expect(cellList('a, b;c  d,,;')).toEqual(['a', 'b', 'c', 'd']);
    expect(cellList(' a ')).toEqual(['a']);
    expect(cellList(7)).toEqual(['7']);
    expect(cellList('')).toBeUndefined();
    expect(cellLowerList('Groep, PERSOON')).toEqual(['groep', 'persoon']);
    expect(cellLowerList(null)).toBeUndefined();
  });

  it('stappen: hoofdletters, en "alle" alleen als het de enige waarde is', () => {
    expect(cellSteps('1, 2a; 2B')).toEqual(['1', '2A', '2B']);
    expect(cellSteps(' Alle ')).toEqual(['1', '2A', '2B', '3', '4', '5', '6', '7']);
    expect(cellSteps('alle, 3')).toEqual(['ALLE', '3']);
    expect(cellSteps(3)).toEqual(['3']);
    expect(cellSteps('')).toBeUndefined();
  });

  it('datums: Date-waarde, serieel dagnummer en dd-mm-jjjj worden jjjj-mm-dd; de rest gaat door', () => {
    expect(cellDate(new Date(2026, 1, 3, 23, 30))).toBe('2026-02-03');
    expect(cellDate(new Date(Number.NaN))).not.toMatch(/^\d{4}-/);
    expect(cellDate(1)).toBe('1899-12-31');
    expect(cellDate(46_058)).toBe('2026-02-05');
    expect(cellDate(46_058.99)).toBe('2026-02-05');
    expect(cellDate(0.5)).toBe('0.5');
    expect(cellDate(-3)).toBe('-3');
    expect(cellDate(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(cellDate('3-2-2026')).toBe('2026-02-03');
    expect(cellDate(' 03/02/2026 ')).toBe('2026-02-03');
    expect(cellDate('3.12.2026')).toBe('2026-12-03');
    expect(cellDate('2026-02-03')).toBe('2026-02-03');
    for (const v of ['123-2-2026', '3-123-2026', '3-2-26', 'op 3-2-2026', '3-2-2026 ok'])
      expect(cellDate(v), v).toBe(v);
    expect(cellDate('')).toBeUndefined();
  });

  it('partnersoort: sleutel of Nederlandse naam; onbekend gaat door naar de controle', () => {
    expect(cellKind('Politie')).toBe('politie');
    expect(cellKind('Openbaar Ministerie')).toBe('om');
    expect(cellKind('brandweer')).toBe('brandweer');
    expect(cellKind(' ')).toBeUndefined();
  });
});

describe('parseSheetTable', () => {
  const Schema = z.array(
    z.object({
      code: z.string().min(1),
      aantal: z.number({ error: 'geen getal' }).int().optional(),
      actief: z.boolean().default(true),
    }),
  );
  const COLUMNS: SheetColumn[] = [
    { field: 'code', header: 'Code' },
    { field: 'aantal', header: 'Aantal', parse: cellNumber },
    { field: 'actief', header: 'Actief', parse: cellBoolean, optional: true },
  ];
  const read = (rows: unknown[][]) => parseSheetTable('Lijst', rows, Schema, COLUMNS);

  it('de eerste niet-lege rij is de kopregel; hoofdletters, spaties en "(...)" aan het eind tellen niet', () => {
    const r = read([
      [],
      ['', null],
      ['  code ', 'Extra', 'AANTAL   (dagen)', 'actief'],
      ['A1', 'genegeerd', '3', 'nee'],
      [null, '', ' '],
      ['B2', 'x', '', ''],
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { code: 'A1', aantal: 3, actief: false },
        { code: 'B2', actief: true },
      ],
    });
  });

  it('een kop met tekst tussen haakjes in het midden is een andere kop', () => {
    const r = read([['Code (kort) x', 'Aantal']]);
    expect(r).toEqual({ ok: false, errors: ['Lijst rij 1: kolom "Code" ontbreekt in de kopregel'] });
    expect(read([['Co de', 'Aantal']]).ok).toBe(false);
  });

  it('een lege tab noemt de kolommen die de kopregel moet hebben', () => {
    expect(read([])).toEqual({ ok: false, errors: ['Lijst: de kopregel ontbreekt (Code, Aantal, Actief)'] });
    expect(read([[null, ' '], []])).toEqual({
      ok: false,
      errors: ['Lijst: de kopregel ontbreekt (Code, Aantal, Actief)'],
    });
  });

  it('een ontbrekende verplichte kolom en een dubbele kolom noemen rij en cel', () => {
    expect(read([[], ['Actief', 'Code', 'code']])).toEqual({
      ok: false,
      errors: [
        'Lijst!C2: kolom "Code" staat dubbel in de kopregel',
        'Lijst rij 2: kolom "Aantal" ontbreekt in de kopregel',
      ],
    });
  });

  it('een fout noemt de cel met de rij zoals in de tab, ook na lege rijen, op volgorde van rij en kolom', () => {
    const r = read([['Aantal', 'Code'], ['veel', 'A'], [], ['2.5', ''], ['4', 'D']]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/^Lijst!A2: geen getal "veel"/);
    expect(r.errors[1]).toMatch(/^Lijst!A4: .*"2\.5"/);
    expect(r.errors[2]).toMatch(/^Lijst!B4: /);
  });
});
