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
});
