/** A view rebuild writes only the tabs whose content changed, in a fixed number of calls per tab. */
import { afterEach, describe, expect, it } from 'vitest';
import { tableHash } from '../../src/render/tableHash';
import { buildViews } from '../../src/render/views';
import { assembleView } from '../../src/workflow/assemble';
import { logEvents } from '../../src/workflow/log';
import { rebuildViews } from '../../src/workflow/publish';
import { startStep } from '../../src/workflow/startStep';
import { freshLocalCase } from './helpers';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

function fingerprints(h: Parameters<typeof assembleView>[0]): Map<string, string> {
  return new Map(buildViews(assembleView(h)).map((t) => [t.name, tableHash(t)]));
}

/** Calls that write or shape a tab (Sheet.* and Range.* other than reads). */
function writeCalls(counts: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of counts) if (/^(Sheet|Range)\./.test(k) && !/getValues|getLastRow/.test(k)) n += v;
  return n;
}

describe('Overzicht: volgende stap', () => {
  it('een nieuwe casus zegt dat stap 1 gestart moet worden; na de start niet meer', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const next = () => {
      const values = h.ss.getSheetByName('Overzicht')!.getDataRange().getValues();
      return String(values.find((r) => r[0] === 'Volgende stap')?.[1] ?? '');
    };
    expect(next()).toMatch(/^Stap 1 starten: /);
    startStep(h);
    rebuildViews(h);
    expect(next()).toBe('Nu niets te doen: de partners hebben nog tijd om te antwoorden.');
  });
});

describe('weergavetabs: alleen wat veranderde', () => {
  it('een tweede opbouw zonder wijziging schrijft geen enkel tabblad', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const view = assembleView(h);
    local.rt.resetCounts();
    expect(rebuildViews(h, view)).toEqual([]);
    expect(local.rt.counts.get('Range.setValues') ?? 0).toBe(0);
    expect(local.rt.counts.get('Spreadsheet.insertSheet') ?? 0).toBe(0);
  });

  it('na een nieuwe logregel worden precies de tabbladen met andere inhoud geschreven, met een vast aantal aanroepen per tab', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const before = fingerprints(h);
    logEvents(h.ss, [['proef', 'een regel']]);
    const after = fingerprints(h);
    const changed = [...after].filter(([name, hash]) => before.get(name) !== hash).map(([name]) => name);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(after.size);
    const view = assembleView(h);
    local.rt.resetCounts();
    expect(rebuildViews(h, view).sort()).toEqual(changed.sort());
    // Per written tab at most 16 writer calls, plus the fingerprint table.
    expect(writeCalls(local.rt.counts)).toBeLessThanOrEqual(16 * changed.length + 6);
  });

  it('een nieuw tabblad ervoor maakt de tabbladen erna niet "gewijzigd": alleen andere inhoud wordt geschreven', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    rebuildViews(h);
    const content = () => new Map(buildViews(assembleView(h)).map((t) => [t.name, JSON.stringify(t)]));
    const before = content();
    startStep(h);
    const after = content();
    const names = [...after.keys()];
    const added = names.filter((n) => !before.has(n));
    const unchanged = names.filter((n) => before.get(n) === after.get(n));
    // A tab appears before tabs whose content stays the same (they move one place to the right).
    expect(added.length).toBeGreaterThan(0);
    const firstAdded = names.indexOf(added[0]!);
    expect(unchanged.some((n) => names.indexOf(n) > firstAdded)).toBe(true);
    const written = rebuildViews(h);
    expect(written.filter((n) => unchanged.includes(n))).toEqual([]);
    expect(written.sort()).toEqual(names.filter((n) => !unchanged.includes(n)).sort());
  });

  it('een tabblad dat met de hand is verwijderd, komt terug; "alles" schrijft elk tabblad', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const names = [...fingerprints(h).keys()];
    const victim = names[names.length - 1]!;
    h.ss.deleteSheet(h.ss.getSheetByName(victim)!);
    expect(rebuildViews(h)).toEqual([victim]);
    expect(h.ss.getSheetByName(victim)).not.toBeNull();
    expect(rebuildViews(h, undefined, { all: true }).sort()).toEqual([...names].sort());
  });
});
