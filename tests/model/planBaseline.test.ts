/**
 * The nulmeting a plan goal takes from the duiding of step 3: which answers count (the latest
 * round of step 3, duiding grids only, `? onbekend` left out), how the mean is rounded, and
 * which duiding item an indicator names.
 */
import { describe, expect, it } from 'vitest';
import { baselineFromDuiding, duidingItemScores, type ScoredAnswer } from '../../src/model/planBaseline';
import type { Question } from '../../src/model/types';

const SCALE = ['0 niet', '1 beperkt', '2 duidelijk', '3 ernstig', '? onbekend'];
const AARD: Question = {
  id: '3.aard',
  step: '3',
  kinds: 'all',
  level: 'groep',
  theme: 'aard_ernst',
  type: 'grid',
  duiding: true,
  title: 'Aard en ernst',
  rows: ['Overlast', 'Vernieling', 'Geweld (fysiek)'],
  choices: SCALE,
  source: 'B',
};
/** A grid that is not a duiding (no scores), and a duiding flag on a non-grid question. */
const OTHER_GRID: Question = { ...AARD, id: '3.anders', duiding: false, rows: ['Overlast'] };
const NOT_GRID: Question = { ...AARD, id: '3.tekst', type: 'paragraph', rows: ['Overlast'] };
const CATALOG = [AARD, OTHER_GRID, NOT_GRID];

const grid = (round: number, ...g: string[]): ScoredAnswer => ({
  step: '3',
  round,
  questionId: '3.aard',
  value: '',
  grid: g,
});

describe('duidingItemScores', () => {
  it('gemiddelde per onderdeel over de partners, afgerond op één decimaal; onbekend telt niet mee', () => {
    const scores = duidingItemScores(CATALOG, [
      grid(1, '1 beperkt', '3 ernstig', '? onbekend'),
      grid(1, '2 duidelijk', '0 niet', '? onbekend'),
      grid(1, '2 duidelijk', '0 niet'),
    ]);
    expect(scores).toEqual([
      { questionId: '3.aard', item: 'Overlast', mean: 1.7, count: 3 },
      { questionId: '3.aard', item: 'Vernieling', mean: 1, count: 3 },
    ]);
  });

  it('alleen de laatste ronde van stap 3 telt; antwoorden van andere stappen of vragen niet', () => {
    const scores = duidingItemScores(CATALOG, [
      grid(1, '3 ernstig', '3 ernstig', '3 ernstig'),
      grid(2, '1 beperkt'),
      { ...grid(3, '0 niet'), step: '7' },
      { ...grid(2, '3 ernstig'), questionId: '3.anders' },
      { ...grid(2, '3 ernstig'), questionId: '3.tekst' },
    ]);
    expect(scores).toEqual([{ questionId: '3.aard', item: 'Overlast', mean: 1, count: 1 }]);
  });

  it('een antwoord zonder rasterveld wordt gelezen uit zijn regels "onderdeel: keuze"', () => {
    const scores = duidingItemScores(CATALOG, [
      {
        step: '3',
        round: 1,
        questionId: '3.aard',
        value: 'Geweld (fysiek): 2 duidelijk\nzonder dubbele punt\n: 3 ernstig\n Overlast :  3 ernstig',
      },
    ]);
    expect(scores).toEqual([
      { questionId: '3.aard', item: 'Overlast', mean: 3, count: 1 },
      { questionId: '3.aard', item: 'Geweld (fysiek)', mean: 2, count: 1 },
    ]);
  });

  it('zonder antwoorden of zonder duidingrasters: geen scores', () => {
    expect(duidingItemScores(CATALOG, [])).toEqual([]);
    expect(duidingItemScores([OTHER_GRID, NOT_GRID], [grid(1, '3 ernstig')])).toEqual([]);
    expect(duidingItemScores([{ ...AARD, rows: undefined }], [grid(1, '3 ernstig')])).toEqual([]);
  });
});

describe('baselineFromDuiding', () => {
  const lookup = baselineFromDuiding([
    { questionId: '3.aard', item: 'Vernieling', mean: 2.5, count: 2 },
    { questionId: '3.aard', item: 'Geweld (fysiek)', mean: 1, count: 1 },
    { questionId: '3.aard', item: 'Overlast', mean: 1.7, count: 3 },
    { questionId: '3.aard', item: 'Overlast in de wijk', mean: 3, count: 4 },
    { questionId: '3.aard', item: '...', mean: 0, count: 9 },
  ]);

  it('een indicator die een onderdeel noemt krijgt diens gemiddelde, met de herkomst erbij', () => {
    expect(lookup('Aantal meldingen van vernieling per maand')).toEqual({
      value: 2.5,
      from: 'duiding: "Vernieling", gemiddelde van 2 scores op de schaal 0–3',
    });
    expect(lookup('Geweld fysiek')).toEqual({
      value: 1,
      from: 'duiding: "Geweld (fysiek)", gemiddelde van 1 score op de schaal 0–3',
    });
  });

  it('hoofdletters, leestekens en extra spaties maken niet uit; alleen hele woorden tellen', () => {
    expect(lookup('VERNIELING!')?.value).toBe(2.5);
    expect(lookup('  "vernieling",  minder  ')?.value).toBe(2.5);
    expect(lookup('geweld   (fysiek)')?.value).toBe(1);
    expect(lookup('Vernielingen')).toBeNull();
    expect(lookup('geen passend onderdeel')).toBeNull();
    expect(lookup('')).toBeNull();
  });

  it('noemt een indicator meer onderdelen, dan wint de langste naam, in welke volgorde ook', () => {
    expect(lookup('Overlast in de wijk')?.value).toBe(3);
    expect(lookup('Overlast in de wijk en vernieling')?.value).toBe(3);
    const reversed = baselineFromDuiding([
      { questionId: '3.aard', item: 'Overlast in de wijk', mean: 3, count: 4 },
      { questionId: '3.aard', item: 'Overlast', mean: 1.7, count: 3 },
    ]);
    expect(reversed('overlast in de wijk')?.value).toBe(3);
    expect(reversed('overlast')?.value).toBe(1.7);
  });

  it('twee onderdelen met even lange namen: het eerste blijft', () => {
    const same = baselineFromDuiding([
      { questionId: '3.a', item: 'Geweld', mean: 1, count: 1 },
      { questionId: '3.b', item: 'geweld', mean: 2, count: 1 },
    ]);
    expect(same('geweld')?.value).toBe(1);
  });
});
