/** The structural rules of a catalog question (model/catalog/rules): one message per broken rule. */
import { describe, expect, it } from 'vitest';
import { questionProblems } from '../../src/model/catalog';
import type { Question } from '../../src/model/types';
import { OWN_QUESTION } from './helpers';

const ok = OWN_QUESTION;
const problems = (q: Partial<Question>) => questionProblems({ ...ok, ...q } as Question);
const at = (id = ok.id) => `Vraag "${id}"`;

describe('de regels voor een vraag', () => {
  it('een onbekende stap', () => {
    expect(problems({ id: '9.x', step: '9' as Question['step'] })).toEqual([
      `${at('9.x')}: onbekende stap "9".`,
    ]);
  });

  it('een id met hoofdletters of tekens buiten a-z, 0-9, _ en punt', () => {
    const idRule = (id: string) =>
      `${at(id)}: de id moet beginnen met "2A." gevolgd door kleine letters, cijfers, _ of punten.`;
    for (const id of ['2A.Q1.x', '2A.x-y', '2A.speeltuin!', '1.x'])
      expect(problems({ id })).toEqual([idRule(id)]);
    expect(problems({ id: '2A.x_1.y' })).toEqual([]);
  });

  it('een titel van alleen spaties is leeg; 200 tekens mag', () => {
    expect(problems({ title: '   ' })).toEqual([`${at()}: de titel is leeg.`]);
    expect(problems({ title: 'x'.repeat(200) })).toEqual([]);
  });

  it('een vraag over personen noemt zelf de partnersoorten', () => {
    expect(problems({ id: '3.x', step: '3', level: 'persoon', kinds: 'all' })).toEqual([
      `${at('3.x')}: kies bij een vraag over personen zelf de partnersoorten, niet "alle".`,
    ]);
  });

  it('de woningcorporatie krijgt geen vragen over online gedrag, ook niet via "alle"', () => {
    const message = `${at()}: de woningcorporatie krijgt alleen vragen op groeps- of domeinniveau.`;
    expect(problems({ level: 'online', kinds: ['woningcorporatie'] })).toEqual([message]);
    expect(problems({ id: '1.x', step: '1', level: 'online', kinds: 'all' })).toEqual([
      `${at('1.x')}: de woningcorporatie krijgt alleen vragen op groeps- of domeinniveau.`,
    ]);
    expect(problems({ level: 'online', kinds: ['politie'] })).toEqual([]);
    expect(problems({ level: 'groep', kinds: ['woningcorporatie'] })).toEqual([]);
  });

  it('keuzelijsten (ook meerkeuze) hebben twee of meer verschillende, niet-lege antwoorden', () => {
    expect(problems({ type: 'checkboxes', choices: ['Ja'] })).toEqual([
      `${at()}: een keuzevraag heeft minstens twee antwoorden nodig.`,
    ]);
    expect(problems({ type: 'checkboxes', choices: ['Ja', ' '] })).toEqual([
      `${at()}: een antwoord in de keuzelijst is leeg.`,
    ]);
    expect(problems({ choices: ['Ja', 'Nee', ''] })).toEqual([
      `${at()}: een antwoord in de keuzelijst is leeg.`,
    ]);
    expect(problems({ type: 'text', choices: ['Ja'] })).toEqual([]);
  });

  it('een raster heeft rijen en kolommen, zonder dubbele', () => {
    const grid = { type: 'grid' as const, rows: ['Vernieling', 'Overlast'], choices: ['0', '1', '2'] };
    expect(problems(grid)).toEqual([]);
    const empty = `${at()}: een raster heeft rijen en kolommen nodig.`;
    expect(problems({ ...grid, rows: undefined })).toEqual([empty]);
    expect(problems({ ...grid, choices: undefined })).toEqual([empty]);
    expect(problems({ ...grid, choices: [] })).toEqual([empty]);
    const twice = `${at()}: het raster heeft dubbele rijen of kolommen.`;
    expect(problems({ ...grid, rows: ['Vernieling', 'Vernieling'] })).toEqual([twice]);
    expect(problems({ ...grid, choices: ['0', '1', '1'] })).toEqual([twice]);
  });

  it('een schaal loopt van 0 of 1 tot een heel getal van 3 tot en met 10', () => {
    const scale = (min: number, max: number) =>
      problems({
        type: 'scale',
        choices: undefined,
        scale: { min: min as 0 | 1, max, minLabel: 'weinig', maxLabel: 'veel' },
      });
    const wrong = [`${at()}: een schaal loopt van 0 of 1 tot een getal van 3 tot en met 10.`];
    for (const [min, max] of [
      [0, 3],
      [1, 10],
      [0, 5],
    ] as const)
      expect(scale(min, max), `${min}-${max}`).toEqual([]);
    for (const [min, max] of [
      [2, 5],
      [-1, 5],
      [1, 2],
      [1, 11],
      [1, 4.5],
    ] as const)
      expect(scale(min, max), `${min}-${max}`).toEqual(wrong);
  });

  it('alleen een raster in stap 3 kan een duidingsdimensie zijn', () => {
    const grid = { type: 'grid' as const, rows: ['Vernieling'], choices: ['0', '1'], duiding: true };
    expect(problems({ ...grid, id: '3.x', step: '3' })).toEqual([]);
    expect(problems(grid)).toEqual([
      `${at()}: alleen rastervragen in stap 3 kunnen een duidingsdimensie zijn.`,
    ]);
    expect(problems({ id: '3.x', step: '3', duiding: true })).toEqual([
      `${at('3.x')}: alleen rastervragen in stap 3 kunnen een duidingsdimensie zijn.`,
    ]);
  });
});
