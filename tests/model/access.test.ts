/** model/access: who may act (the coordinators in Instellingen and the owner of the register). */
import { describe, expect, it } from 'vitest';
import { accessVerdict, coordinatorAddresses } from '../../src/model/access';
import { PLACEHOLDER_EMAIL } from '../../src/model/settingsSheet';

describe('coordinatorAddresses', () => {
  it('leest de twee rijen met procesregisseurs, in kleine letters, en niets anders', () => {
    const rows = [
      ['Instelling', 'Waarde'],
      ['Naam gemeente', 'Zeestad'],
      ['E-mail procesregisseur', ' Regie@Zeestad.Example '],
      ['E-mail jongerenwerk', 'jw@zeestad.example'],
      ['Andere procesregisseurs (e-mail)', 'a@zeestad.example; B@zeestad.example,c@zeestad.example'],
    ];
    expect(coordinatorAddresses(rows)).toEqual([
      'regie@zeestad.example',
      'a@zeestad.example',
      'b@zeestad.example',
      'c@zeestad.example',
    ]);
  });

  it('een lege, nog in te vullen of ontbrekende waarde telt niet', () => {
    expect(
      coordinatorAddresses([
        ['E-mail procesregisseur', 'VUL IN: uw e-mailadres'],
        ['Andere procesregisseurs (e-mail)', '   '],
      ]),
    ).toEqual([]);
    expect(
      coordinatorAddresses([
        ['E-mail procesregisseur', PLACEHOLDER_EMAIL],
        ['Andere procesregisseurs (e-mail)'],
      ]),
    ).toEqual([]);
    expect(coordinatorAddresses([[null, 'x@zeestad.example'], []])).toEqual([]);
    // A placeholder with spaces before it is still a placeholder, not four "addresses".
    expect(coordinatorAddresses([['E-mail procesregisseur', '   VUL IN: uw e-mailadres']])).toEqual([]);
  });
});

describe('accessVerdict', () => {
  const coordinators = ['regie@zeestad.example'];
  it.each([
    [' Regie@Zeestad.Example ', 'toegestaan'],
    ['Eigenaar@Zeestad.Example', 'toegestaan'],
    ['ander@zeestad.example', 'geen procesregisseur'],
    ['', 'onbekende gebruiker'],
    ['  ', 'onbekende gebruiker'],
  ])('%j: %s', (user, verdict) => {
    expect(accessVerdict(user, coordinators, ' eigenaar@zeestad.example ')).toBe(verdict);
  });

  it('zonder bekende eigenaar telt alleen de lijst', () => {
    expect(accessVerdict('eigenaar@zeestad.example', coordinators, '')).toBe('geen procesregisseur');
    expect(accessVerdict('regie@zeestad.example', coordinators, '')).toBe('toegestaan');
  });
});
