import { describe, expect, it } from 'vitest';
import {
  cellsWithNames,
  checkNameRows,
  HOLDS_NAME,
  hasHiddenCharacters,
  type NameRow,
  nameMatcher,
  normalizeName,
} from '../../src/model/names';

const row = (r: number, name: string, birthYear = '', code = ''): NameRow => ({
  row: r,
  code,
  name,
  birthYear,
});
const OPTS = { sheet: 'Namenlijst', year: 2026, codes: ['P-7F3K', 'JGA-2026-001'] };

describe('normalizeName', () => {
  it('makes case, NFC/NFD, hidden characters and spacing variants equal', () => {
    const a = normalizeName('Noëlle  de Wit');
    expect(normalizeName('noe\u0308lle de wit')).toBe(a);
    expect(normalizeName('NOËLLE\u200B DE WIT ')).toBe(a);
    expect(normalizeName('\u202ENoëlle de Wit')).toBe(a);
    expect(normalizeName('Noelle de Wit')).not.toBe(a);
  });
  it('detects hidden and direction characters', () => {
    expect(hasHiddenCharacters('Sam\u200Bir')).toBe(true);
    expect(hasHiddenCharacters('Sam\u202Eir')).toBe(true);
    expect(hasHiddenCharacters('Samir')).toBe(false);
  });
});

describe('checkNameRows', () => {
  it('accepts a clean list', () => {
    expect(checkNameRows([row(2, 'Samir Jansen', '2010'), row(3, 'Lotte Bakker', '')], OPTS)).toEqual([]);
  });
  it('refuses duplicates after normalisation, naming the cell and the first row but never the name', () => {
    const problems = checkNameRows(
      [
        row(2, 'Noëlle de Wit'),
        row(3, 'NOELLE DE WIT'),
        row(4, 'noe\u0308lle de wit'),
        row(5, 'Noëlle  de Wit'),
      ],
      OPTS,
    );
    expect(problems.map((p) => p.cell)).toEqual(['Namenlijst!B4', 'Namenlijst!B5']);
    expect(problems[0]!.message).toContain('rij 2');
    for (const p of problems) expect(p.message.toLowerCase()).not.toContain('wit');
  });
  it('refuses a name equal to a code in use or shaped like one', () => {
    const problems = checkNameRows([row(2, 'p-7f3k'), row(3, 'P-ZZZZ'), row(4, 'jga-2026-001')], OPTS);
    expect(problems.map((p) => p.cell)).toEqual(['Namenlijst!B2', 'Namenlijst!B3', 'Namenlijst!B4']);
    expect(problems[0]!.message).toContain('code');
  });
  it('refuses hidden and direction-override characters, and a name of hidden characters only', () => {
    const problems = checkNameRows(
      [row(2, 'Sam\u200Bir'), row(3, 'Ti\u202Em'), row(4, '\u200B\u200C')],
      OPTS,
    );
    expect(problems.map((p) => p.cell)).toEqual([
      'Namenlijst!B2',
      'Namenlijst!B3',
      'Namenlijst!B4',
      'Namenlijst!B4',
    ]);
    expect(problems[0]!.message).toContain('onzichtbaar');
  });
  it('checks birth years against a plausible range (8 to 30 years back)', () => {
    const problems = checkNameRows(
      [
        row(2, 'A B', '1996'),
        row(3, 'C D', '1995'),
        row(4, 'E F', '2018'),
        row(5, 'G H', '2019'),
        row(6, 'I J', '09'),
      ],
      OPTS,
    );
    expect(problems.map((p) => p.cell)).toEqual(['Namenlijst!C3', 'Namenlijst!C5', 'Namenlijst!C6']);
    expect(problems[0]!.message).toContain('1996 tot en met 2018');
  });
  it('flags a code without a name', () => {
    expect(checkNameRows([row(2, ' ', '', 'P-7F3K')], OPTS).map((p) => p.cell)).toEqual(['Namenlijst!B2']);
  });
  it('says what is wrong per cell, and nothing about a row that is empty altogether', () => {
    expect(
      checkNameRows(
        [row(2, ' ', '', ' P-7F3K '), row(3, '', '', ''), row(4, '\u200B'), row(5, ' ', ' ', ' ')],
        OPTS,
      ),
    ).toEqual([
      { cell: 'Namenlijst!B2', message: 'de naam is leeg terwijl er wel een code staat' },
      {
        cell: 'Namenlijst!B4',
        message: 'bevat een onzichtbaar teken of een teken dat de leesrichting omdraait; typ de naam opnieuw',
      },
      { cell: 'Namenlijst!B4', message: 'bevat alleen onzichtbare tekens' },
    ]);
  });
  it('compares a name with the codes in use whatever their case', () => {
    const problems = checkNameRows([row(2, 'casus-noord')], { ...OPTS, codes: ['Casus-Noord'] });
    expect(problems.map((p) => p.cell)).toEqual(['Namenlijst!B2']);
  });
  it('a birth year is four digits and nothing else; spaces around it do not matter', () => {
    const problems = checkNameRows(
      [row(2, 'A B', ' 2010 '), row(3, 'C D', '2010x'), row(4, 'E F', 'x2010'), row(5, 'G H', '20100')],
      OPTS,
    );
    expect(problems.map((p) => p.cell)).toEqual(['Namenlijst!C3', 'Namenlijst!C4', 'Namenlijst!C5']);
  });
});

describe('nameMatcher', () => {
  const m = nameMatcher(['Samir Jansen', 'Ali', 'Noëlle']);
  it('finds whole-word names whatever the case, spacing, composition or hidden characters', () => {
    expect(m.test('Huisbezoek bij samir  JANSEN morgen')).toBe(true);
    expect(m.test('Gesprek met S\u200Bamir Jansen')).toBe(true);
    expect(m.test('gesprek met noe\u0308lle')).toBe(true);
    expect(m.test('(Ali)')).toBe(true);
  });
  it('does not find a name inside another word', () => {
    expect(m.test('een alibi')).toBe(false);
    expect(m.test('Alice')).toBe(false);
    expect(m.test('de familie Janssen')).toBe(false);
    expect(m.test('Samir zei het')).toBe(false);
  });
  it('replaces each occurrence by its code, longest name first', () => {
    const codes = ['P-AAAA', 'P-BBBB', 'P-CCCC'];
    const r = m.replace('Samir Jansen en ali; Noëlle.', (i) => codes[i]!);
    expect(r).toEqual({ text: 'P-AAAA en P-BBBB; P-CCCC.', count: 3 });
  });
  it('keeps no state between calls: one matcher answers the same text the same way every time', () => {
    // A guard reuses one matcher for every cell of a case.
    const text = 'Samir Jansen belde, daarna Ali';
    expect([m.test(text), m.test(text), m.test(text)]).toEqual([true, true, true]);
    expect(m.test('Ali')).toBe(true);
    const codes = ['P-AAAA', 'P-BBBB', 'P-CCCC'];
    const once = m.replace(text, (i) => codes[i]!);
    expect(m.replace(text, (i) => codes[i]!)).toEqual(once);
    expect(once).toEqual({ text: 'P-AAAA belde, daarna P-BBBB', count: 2 });
    expect(m.test(text)).toBe(true);
  });
  it('matches nothing without names', () => {
    expect(nameMatcher([' ', '']).test('wat dan ook')).toBe(false);
    expect(nameMatcher([]).replace('Samir Jansen', () => 'P-AAAA')).toEqual({
      text: 'Samir Jansen',
      count: 0,
    });
  });
});

describe('cellsWithNames', () => {
  it('names every text cell that holds a name, by A1 cell, and never the name', () => {
    const m = nameMatcher(['Samir Jansen']);
    const rows = [
      ['Nr', 'Omschrijving', 'Betreft'],
      ['A1', 'Huisbezoek bij SAMIR jansen', ''],
      ['A2', 'Groepsgesprek', 42],
      ['A3', 'Familie Janssen', 'samir jansen'],
    ];
    const got = cellsWithNames(rows, 'Plan van aanpak', m);
    expect(got).toEqual([`Plan van aanpak!B2: ${HOLDS_NAME}`, `Plan van aanpak!C4: ${HOLDS_NAME}`]);
    expect(got.join(' ').toLowerCase()).not.toContain('samir');
  });
});
