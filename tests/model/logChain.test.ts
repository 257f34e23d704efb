import { describe, expect, it } from 'vitest';
import { type ChainLine, chainLines, verifyChain } from '../../src/model/logChain';

const lines = (n: number, previous = ''): ChainLine[] =>
  chainLines(
    previous,
    Array.from({ length: n }, (_, i) => ({ at: 1000 + i, event: `gebeurtenis ${i}`, detail: `detail ${i}` })),
  );

describe('de keten van het Logboek', () => {
  it('een ongewijzigd Logboek klopt, ook na regels van vóór de keten', () => {
    const legacy = [{ at: 1, event: 'oud', detail: 'zonder hash', hash: '' }];
    const all = [...legacy, ...lines(4)];
    expect(verifyChain(all, null)).toEqual({
      changed: [],
      truncated: false,
      anchor: { count: 5, hash: all[4]!.hash },
    });
  });

  it('een met de hand gewijzigde regel valt op, precies die regel', () => {
    const all = lines(5);
    all[2] = { ...all[2]!, detail: 'iets anders' };
    expect(verifyChain(all, null).changed).toEqual([4]);
    const at = lines(5);
    at[3] = { ...at[3]!, at: 999 };
    expect(verifyChain(at, null).changed).toEqual([5]);
  });

  it('een verwijderde regel in het midden valt op bij de regel erna', () => {
    const all = lines(5);
    all.splice(1, 1);
    expect(verifyChain(all, null).changed).toEqual([3]);
  });

  it('verwijderde regels aan het eind vallen op tegen het anker van de vorige controle', () => {
    const all = lines(5);
    const anchor = verifyChain(all, null).anchor;
    expect(verifyChain(all.slice(0, 4), anchor)).toMatchObject({ changed: [], truncated: true });
    expect(verifyChain([...all, ...lines(1, all[4]!.hash)], anchor).truncated).toBe(false);
  });

  it('een weggehaalde hash valt op', () => {
    const all = lines(4);
    all[1] = { ...all[1]!, hash: '' };
    expect(verifyChain(all, null).changed).toEqual([3, 4]);
  });

  it('de laatste regel vervangen door een andere die wel in de keten past, valt op tegen het anker', () => {
    const all = lines(5);
    const anchor = verifyChain(all, null).anchor;
    const swapped = [
      ...all.slice(0, 4),
      ...chainLines(all[3]!.hash, [{ at: 2000, event: 'ander', detail: 'x' }]),
    ];
    expect(verifyChain(swapped, anchor)).toMatchObject({ changed: [], truncated: true });
  });

  it('meer regels dan het anker is geen inkorting; minder wel, ook zonder regels', () => {
    const all = lines(3);
    const anchor = verifyChain(all.slice(0, 2), null).anchor;
    expect(verifyChain(all, anchor).truncated).toBe(false);
    expect(verifyChain(all.slice(0, 1), anchor).truncated).toBe(true);
    expect(verifyChain([], anchor).truncated).toBe(true);
  });

  it('een leeg Logboek en een leeg anker: niets gewijzigd, niets ingekort', () => {
    expect(verifyChain([], null)).toEqual({ changed: [], truncated: false, anchor: { count: 0, hash: '' } });
    expect(verifyChain(lines(2), { count: 0, hash: '' }).truncated).toBe(false);
  });

  it('elke hash is 16 hexadecimale tekens, ook als een helft met nullen begint', () => {
    for (const l of lines(300)) expect(l.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('een Logboek dat deze versie schreef, klopt ook na een nieuwe versie (de hash verandert niet)', () => {
    // Written by the product as it is now: a changed hash rule would mark every existing line.
    const written: ChainLine[] = [
      { at: 1767225600000, event: 'casus geopend', detail: 'JGA-2026-001', hash: 'a2ecac7fd1fe386e' },
      { at: 1767229200000, event: 'stap gestart', detail: 'stap 1: 3 formulieren', hash: 'b688bcbfb922f9cc' },
      {
        at: 1767232800000,
        event: 'besluit',
        detail: 'Ä€ 😀 "aanhalingstekens" \\ en\nregel',
        hash: 'c21f4803551291d6',
      },
    ];
    expect(verifyChain(written, { count: 3, hash: 'c21f4803551291d6' })).toEqual({
      changed: [],
      truncated: false,
      anchor: { count: 3, hash: 'c21f4803551291d6' },
    });
  });
});
