import { describe, expect, it } from 'vitest';
import { CELL_PART, normaliseAnswer, splitParts } from '../../src/model/answers';
import type { Question } from '../../src/model/types';

describe('antwoorden opslaan', () => {
  it('splitst lange tekst in delen die in een cel passen, zonder een emoji te halveren', () => {
    const text = `${'a'.repeat(CELL_PART - 1)}😀${'b'.repeat(10)}`;
    const parts = splitParts(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toHaveLength(CELL_PART - 1);
    expect(parts[1]!.startsWith('😀')).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(CELL_PART);
  });

  it('een raster wordt "rij: kolom" per beantwoorde rij; lege antwoorden tellen niet', () => {
    const grid: Question = {
      id: '3.duiding.aard',
      step: '3',
      kinds: 'all',
      level: 'groep',
      theme: 'duiding',
      type: 'grid',
      title: 'Aard',
      rows: ['Overlast', 'Geweld'],
      choices: ['0 niet', '1 beperkt'],
      source: 'B',
    };
    expect(normaliseAnswer('3.duiding.aard', ['1 beperkt', ''], grid)).toEqual({
      questionId: '3.duiding.aard',
      value: 'Overlast: 1 beperkt',
      grid: ['1 beperkt', ''],
    });
    expect(normaliseAnswer('3.p.typering|P-7F3K', ['a', 'b'], undefined)).toEqual({
      questionId: '3.p.typering',
      subject: 'P-7F3K',
      value: 'a; b',
    });
    expect(normaliseAnswer('1.functie', '   ', undefined)).toBeNull();
  });
});
