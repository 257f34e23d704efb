/** model/issues: where a problem is (cell, row, path) and its Dutch message with the value. */
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  formatIssues,
  formatLocatedIssues,
  pathText,
  type SheetContext,
} from '../../src/model/issues';
import type * as z from '../../src/model/zod';

type Issue = z.core.$ZodIssue;
const issue = (path: PropertyKey[], message: string, input?: unknown, duplicateOf?: number): Issue =>
  ({
    code: 'custom',
    path,
    message,
    input,
    ...(duplicateOf === undefined ? {} : { params: { duplicateOf } }),
  }) as Issue;

const PARTNERS: SheetContext = {
  sheet: 'Partners',
  headerRow: 1,
  columns: { email: 'E', id: 'A' },
  firstDataRow: 2,
};

describe('columnLetter en pathText', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('kolom %i is %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });

  it('een pad met punten en [index], met of zonder wortel', () => {
    expect(pathText(['partners', 1, 'email'])).toBe('partners[1].email');
    expect(pathText(['partners', 1, 'email'], 'scenario')).toBe('scenario.partners[1].email');
    expect(pathText([0, 'id'])).toBe('[0].id');
    expect(pathText([], 'scenario')).toBe('scenario');
    expect(pathText([])).toBe('');
  });
});

describe('formatIssues op een tabblad', () => {
  it('noemt de cel en zet de waarde vóór de aanwijzing', () => {
    expect(
      formatIssues([issue([1, 'email'], 'ongeldig e-mailadres; schrijf naam@domein.nl', 'x@')], PARTNERS),
    ).toEqual(['Partners!E3: ongeldig e-mailadres "x@"; schrijf naam@domein.nl']);
    expect(formatIssues([issue([0, 'email'], 'ongeldig e-mailadres', 'a  b\nc')], PARTNERS)).toEqual([
      'Partners!E2: ongeldig e-mailadres "a b c"',
    ]);
  });

  it('een getal of waarheidswaarde als tekst; lege tekst of een object niet', () => {
    const one = (input: unknown) =>
      formatIssues([issue([0, 'id'], 'fout')], { ...PARTNERS, cell: () => input })[0];
    expect(one(12)).toBe('Partners!A2: fout "12"');
    expect(one(false)).toBe('Partners!A2: fout "false"');
    expect(one('   ')).toBe('Partners!A2: fout');
    expect(one({ a: 1 })).toBe('Partners!A2: fout');
  });

  it('kort een lange waarde in tot 57 tekens en drie puntjes', () => {
    const long = 'x'.repeat(61);
    expect(formatIssues([issue([0, 'id'], 'fout', long)], PARTNERS)).toEqual([
      `Partners!A2: fout "${'x'.repeat(57)}..."`,
    ]);
    const sixty = 'y'.repeat(60);
    expect(formatIssues([issue([0, 'id'], 'fout', sixty)], PARTNERS)).toEqual([
      `Partners!A2: fout "${sixty}"`,
    ]);
  });

  it('de rij als de kolom onbekend is, het tabblad als er geen rij is; overgeslagen rijen tellen mee', () => {
    const ctx = { ...PARTNERS, rowNumbers: [2, 5] };
    expect(formatIssues([issue([1, 'onbekend'], 'fout')], ctx)).toEqual(['Partners rij 5: fout']);
    expect(formatIssues([issue([1], 'fout')], ctx)).toEqual(['Partners rij 5: fout']);
    expect(formatIssues([issue([], 'fout')], ctx)).toEqual(['Partners: fout']);
  });

  it('citeert de ruwe cel in plaats van de gelezen waarde, alleen bij een veld van een rij', () => {
    const ctx = { ...PARTNERS, cell: (i: number, f: string) => `cel ${i} ${f}` };
    expect(formatIssues([issue([1, 'email'], 'fout', 'gelezen')], ctx)).toEqual([
      'Partners!E3: fout "cel 1 email"',
    ]);
    expect(formatIssues([issue([1, 'email', 0], 'fout', 'gelezen')], ctx)).toEqual([
      'Partners!E3: fout "gelezen"',
    ]);
  });

  it('een dubbele noemt de andere rij', () => {
    expect(formatIssues([issue([3, 'id'], 'dubbele id', 'politie', 0)], PARTNERS)).toEqual([
      'Partners!A5: dubbele id "politie"; staat ook in rij 2',
    ]);
  });
});

describe('formatIssues op een pad', () => {
  it('noemt het pad, zonder waarde; een dubbele noemt het andere element', () => {
    expect(
      formatIssues([issue(['partners', 2, 'id'], 'dubbele id', 'politie', 0)], { root: 'scenario' }),
    ).toEqual(['scenario.partners[2].id: dubbele id; staat ook in scenario.partners[0]']);
    expect(formatIssues([issue([], 'geen scenario')])).toEqual(['geen scenario']);
  });

  it('een ontbrekende rij wordt genoemd', () => {
    expect(
      formatLocatedIssues(
        [issue(['gemeente'], 'ontbreekt')],
        () => ({ where: 'Instellingen', missingLabel: 'Naam gemeente' }),
        true,
      ),
    ).toEqual(['Instellingen: ontbreekt; voeg de rij "Naam gemeente" toe']);
  });
});
