/**
 * When the coordinator is told that a partner misses person questions only for want of a
 * convenant date: only for a person question of this step that this partner would get.
 */
import { describe, expect, it } from 'vitest';
import { partnerQuestions, withheldForConvenant } from '../../src/model/partnerQuestions';
import type { Partner, Question } from '../../src/model/types';
import { POLITIE } from './helpers';

const partner: Partner = { ...POLITIE, steps: ['2B', '3'], levels: ['groep', 'persoon'] };
const q = (
  id: string,
  step: Question['step'],
  level: Question['level'],
  kinds: Question['kinds'] = 'all',
): Question => ({
  id,
  step,
  kinds,
  level,
  theme: level === 'persoon' ? 'persoon' : 'dynamiek',
  type: 'paragraph',
  title: id,
  source: 'I',
  ...(level === 'persoon' ? { repeat: 'per_person' as const } : {}),
});

describe('withheldForConvenant', () => {
  it('ja bij een persoonsvraag van deze stap die deze partner met convenant zou krijgen', () => {
    expect(withheldForConvenant([q('3.p', '3', 'persoon')], partner, '3', true)).toBe(true);
    expect(partnerQuestions([q('3.p', '3', 'persoon')], partner, '3', true)).toEqual([]);
  });

  it('nee bij alleen groepsvragen, een persoonsvraag van een andere stap of voor een andere soort', () => {
    expect(withheldForConvenant([q('3.g', '3', 'groep')], partner, '3', true)).toBe(false);
    expect(withheldForConvenant([q('2B.p', '2B', 'persoon')], partner, '3', true)).toBe(false);
    expect(withheldForConvenant([q('3.p', '3', 'persoon', ['boa'])], partner, '3', true)).toBe(false);
    expect(withheldForConvenant([q('3.p', '3', 'persoon')], partner, '3', false)).toBe(false);
    expect(
      withheldForConvenant(
        [q('3.p', '3', 'persoon')],
        { ...partner, convenantSigned: '2026-01-05' },
        '3',
        true,
      ),
    ).toBe(false);
  });
});
