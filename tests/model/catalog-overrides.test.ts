import { describe, expect, it } from 'vitest';
import { applyOverrides, CATALOG, questionProblems, questionsFor } from '../../src/model/catalog';
import type { Question } from '../../src/model/types';
import { OWN_QUESTION } from './helpers';

const extra = OWN_QUESTION;

describe('applyOverrides', () => {
  it('returns an equal catalog without overrides and does not mutate the input', () => {
    const before = JSON.stringify(CATALOG);
    const out = applyOverrides(CATALOG, {});
    expect(out).toEqual(CATALOG);
    expect(out).not.toBe(CATALOG);
    expect(JSON.stringify(CATALOG)).toBe(before);
  });

  it('hides questions', () => {
    const out = applyOverrides(CATALOG, { hide: ['1.functie', '2A.frequentie'] });
    expect(out.length).toBe(CATALOG.length - 2);
    expect(out.map((q) => q.id)).not.toContain('1.functie');
    expect(questionsFor('2A', 'politie', out).map((q) => q.id)).not.toContain('2A.frequentie');
  });

  it('changes titles, help and required without touching the rest', () => {
    const out = applyOverrides(CATALOG, {
      titles: { '1.locaties': '  Op welke plekken in Dorpstad?  ' },
      help: { '1.locaties': 'Bijvoorbeeld het Marktplein.' },
      required: { '1.locaties': false, '1.omvang': true },
    });
    const loc = out.find((q) => q.id === '1.locaties');
    expect(loc?.title).toBe('Op welke plekken in Dorpstad?');
    expect(loc?.help).toBe('Bijvoorbeeld het Marktplein.');
    expect(loc?.required).toBe(false);
    expect(out.find((q) => q.id === '1.omvang')?.required).toBe(true);
    expect(CATALOG.find((q) => q.id === '1.locaties')?.required).toBe(true);
  });

  it('places extra questions after the last question of their step', () => {
    const out = applyOverrides(CATALOG, { extra: [extra] });
    const ids = out.map((q) => q.id);
    const at = ids.indexOf('2A.eigen.speeltuin');
    expect(out[at - 1]?.step).toBe('2A');
    expect(out[at + 1]?.step).toBe('2B');
    expect(questionsFor('2A', 'gemeente', out).at(-1)?.id).toBe('2A.eigen.speeltuin');
  });

  it('applies title and hide overrides to extra questions too', () => {
    const out = applyOverrides(CATALOG, { extra: [extra], titles: { '2A.eigen.speeltuin': 'Nieuw' } });
    expect(out.find((q) => q.id === '2A.eigen.speeltuin')?.title).toBe('Nieuw');
    const hidden = applyOverrides(CATALOG, { extra: [extra], hide: ['2A.eigen.speeltuin'] });
    expect(hidden.length).toBe(CATALOG.length);
  });

  it('throws a Dutch error naming an unknown id', () => {
    expect(() => applyOverrides(CATALOG, { hide: ['9.onzin'] })).toThrow(
      'Onbekende vraag-id "9.onzin" bij verbergen',
    );
    expect(() => applyOverrides(CATALOG, { titles: { 'x.y': 'Titel' } })).toThrow('"x.y" bij titels');
    expect(() => applyOverrides(CATALOG, { help: { 'x.z': 'Hulp' } })).toThrow('"x.z" bij helpteksten');
    expect(() => applyOverrides(CATALOG, { required: { 'x.q': true } })).toThrow('"x.q" bij verplicht');
  });

  it('rejects extra questions whose id already exists', () => {
    expect(() => applyOverrides(CATALOG, { extra: [{ ...extra, id: '2A.oordeel' }] })).toThrow(
      'Extra vraag "2A.oordeel": deze id bestaat al',
    );
    expect(() => applyOverrides(CATALOG, { extra: [extra, extra] })).toThrow('bestaat al');
  });

  it('rejects invalid extra questions', () => {
    expect(() => applyOverrides(CATALOG, { extra: [{ ...extra, id: '3.eigen' }] })).toThrow(
      'moet beginnen met "2A."',
    );
    expect(() => applyOverrides(CATALOG, { extra: [{ ...extra, choices: ['Ja'] }] })).toThrow(
      'minstens twee',
    );
    expect(() =>
      applyOverrides(CATALOG, { extra: [{ ...extra, level: 'persoon', repeat: 'per_person' }] }),
    ).toThrow('persoonsniveau');
  });

  it('rejects empty or too long new titles', () => {
    expect(() => applyOverrides(CATALOG, { titles: { '1.omvang': '   ' } })).toThrow('"1.omvang" is leeg');
    expect(() => applyOverrides(CATALOG, { titles: { '1.omvang': 'x'.repeat(201) } })).toThrow(
      'langer dan 200 tekens',
    );
  });
});

describe('questionProblems', () => {
  const ok: Question = { ...extra };
  const problems = (q: Partial<Question>) => questionProblems({ ...ok, ...q } as Question).join(' ');

  it('accepts a valid question', () => {
    expect(questionProblems(ok)).toEqual([]);
  });

  it('flags each broken rule', () => {
    expect(
      problems({
        type: 'scale',
        choices: undefined,
        scale: { min: 1, max: 11, minLabel: 'a', maxLabel: 'b' },
      }),
    ).toMatch('3 tot en met 10');
    expect(problems({ type: 'scale', choices: undefined })).toMatch('onder- en bovengrens');
    expect(problems({ type: 'grid', rows: [] })).toMatch('rijen en kolommen');
    expect(problems({ choices: ['Ja', 'Ja'] })).toMatch('dubbele');
    expect(problems({ repeat: 'per_action' })).toMatch('stap 6');
    expect(problems({ repeat: 'per_goal' })).toMatch('stap 7');
    expect(problems({ repeat: 'per_criterion' })).toMatch('per afschaalcriterium horen alleen bij stap 7');
    expect(problems({ id: '7.x', step: '7', type: 'paragraph', repeat: 'per_criterion' })).toMatch(
      'keuzevraag',
    );
    expect(
      problems({ id: '7.x', step: '7', type: 'choice', choices: ['Ja', 'Nee'], repeat: 'per_criterion' }),
    ).toBe('');
    expect(problems({ repeat: 'per_person' })).toMatch('persoonsniveau');
    expect(problems({ title: 'x'.repeat(201) })).toMatch('langer dan 200');
    expect(problems({ duiding: true })).toMatch('duidingsdimensie');
    expect(
      problems({ id: '3.x', step: '3', level: 'persoon', kinds: ['woningcorporatie'], repeat: 'per_person' }),
    ).toMatch(/woningcorporatie mag geen vragen over personen/i);
    expect(problems({ kinds: [] })).toMatch('geen enkele partnersoort');
  });
});

describe('aanpassingen: waar een eigen vraag komt en grenzen', () => {
  const base = (id: string, step: Question['step']): Question => ({
    id,
    step,
    kinds: 'all',
    level: 'groep',
    theme: 'dynamiek',
    type: 'paragraph',
    title: id,
    source: 'I',
  });
  const small = [base('1.a', '1'), base('2A.a', '2A'), base('2A.b', '2A')];

  it('een eigen vraag komt na de laatste vraag van haar stap; bij een stap zonder vragen achteraan', () => {
    expect(applyOverrides(small, { extra: [base('1.eigen', '1')] }).map((q) => q.id)).toEqual([
      '1.a',
      '1.eigen',
      '2A.a',
      '2A.b',
    ]);
    expect(applyOverrides(small, { extra: [base('3.eigen', '3')] }).map((q) => q.id)).toEqual([
      '1.a',
      '2A.a',
      '2A.b',
      '3.eigen',
    ]);
  });

  it('een titel van precies 200 tekens mag, 201 niet', () => {
    expect(applyOverrides(small, { titles: { '1.a': 'x'.repeat(200) } })[0]!.title).toHaveLength(200);
    expect(() => applyOverrides(small, { titles: { '1.a': 'x'.repeat(201) } })).toThrow(
      'De nieuwe titel van vraag "1.a" is langer dan 200 tekens.',
    );
  });
});
