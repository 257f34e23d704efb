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

  it('een deel eindigt vlak vóór een emoji; een losse helft aan het eind of een lage helft blijft staan', () => {
    expect(splitParts('a'.repeat(CELL_PART))).toEqual(['a'.repeat(CELL_PART)]);
    const lone = `${'a'.repeat(CELL_PART)}x\ud83d`;
    expect(splitParts(lone)).toEqual(['a'.repeat(CELL_PART), 'x\ud83d']);
    const low = `${'a'.repeat(CELL_PART - 1)}\ude00${'b'.repeat(3)}`;
    expect(splitParts(low).map((p) => p.length)).toEqual([CELL_PART, 3]);
    const high = `${'a'.repeat(CELL_PART - 1)}\ud800${'b'.repeat(3)}`;
    expect(splitParts(high).map((p) => p.length)).toEqual([CELL_PART - 1, 4]);
    const top = `${'a'.repeat(CELL_PART - 1)}\udbff\udfff`;
    expect(splitParts(top).map((p) => p.length)).toEqual([CELL_PART - 1, 2]);
    const below = `${'a'.repeat(CELL_PART - 1)}\ud7ff${'b'.repeat(3)}`;
    expect(splitParts(below).map((p) => p.length)).toEqual([CELL_PART, 3]);
  });

  it('een raster met aankruisvakjes, rijen zonder naam en lege cellen', () => {
    const grid: Question = {
      id: '3.x',
      step: '3',
      kinds: 'all',
      level: 'groep',
      theme: 'duiding',
      type: 'grid',
      title: 'Raster',
      rows: ['Eerste'],
      choices: ['a', 'b'],
      source: 'B',
    };
    expect(normaliseAnswer('3.x', [['a', 'b'], null as never, ['b']] as never, grid)).toEqual({
      questionId: '3.x',
      value: 'Eerste: a, b\nrij 3: b',
      grid: ['a, b', '', 'b'],
    });
    expect(normaliseAnswer('3.x', ['a'], { ...grid, rows: undefined })?.value).toBe('rij 1: a');
    expect(normaliseAnswer('3.x', [['a', 'b'], 'c'] as never, undefined)?.value).toBe('a, b; c');
    expect(normaliseAnswer('3.x', null as never, undefined)).toBeNull();
    expect(normaliseAnswer('3.x', ['', ''], grid)).toBeNull();
    expect(normaliseAnswer('3.x|', 'ja', undefined)).toEqual({ questionId: '3.x', value: 'ja' });
  });
});
