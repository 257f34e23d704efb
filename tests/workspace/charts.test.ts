import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import type { ChartSpec } from '../../src/render/docTree';
import { chartHash } from '../../src/render/docx/hash';
import { chartPngs, withChartCache } from '../../src/workspace/charts';
import { onFreshAppsScript } from './helpers';

const SPEC: ChartSpec = {
  kind: 'bar',
  title: 'Duiding per dimensie',
  categories: ['Overlast', 'Criminaliteit'],
  series: [
    { name: 'Politie', values: [3, null] },
    { name: 'Jongerenwerk', values: [2, 1] },
  ],
  min: 0,
  max: 3,
  alt: 'Scores per dimensie en partner',
};

let rt: Runtime;
onFreshAppsScript((fresh) => {
  rt = fresh;
});

describe('chartHash', () => {
  it('is equal for specs that draw the same image, and differs when anything drawn differs', () => {
    expect(chartHash({ ...SPEC, alt: 'andere beschrijving' })).toBe(chartHash(SPEC));
    expect(chartHash(JSON.parse(JSON.stringify(SPEC)))).toBe(chartHash(SPEC));
    const variants: ChartSpec[] = [
      { ...SPEC, kind: 'line' },
      { ...SPEC, title: 'Anders' },
      { ...SPEC, categories: ['Overlast', 'Crimi'] },
      { ...SPEC, series: [SPEC.series[0]!, { name: 'Jongerenwerk', values: [2, 2] }] },
      { ...SPEC, series: [SPEC.series[0]!, { name: 'Boa', values: [2, 1] }] },
      { ...SPEC, max: 4 },
      { ...SPEC, min: undefined, max: undefined },
    ];
    const hashes = new Set(variants.map(chartHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(chartHash(SPEC))).toBe(false);
  });
});

describe('chartPngs', () => {
  it('draws a chart once per action however many documents show it', () => {
    const other: ChartSpec = { ...SPEC, title: 'Tweede grafiek' };
    const images = withChartCache(() => [
      ...chartPngs([SPEC, other]),
      ...chartPngs([{ ...SPEC, alt: 'zelfde beeld' }]),
      ...chartPngs([SPEC]),
    ]);
    expect(rt.counts.get('Chart.getAs')).toBe(2);
    expect(rt.counts.get('Charts.newDataTable')).toBe(2);
    expect(images[0]).toEqual(images[2]);
    expect(images[0]).toEqual(images[3]);
    expect(images[0]).not.toEqual(images[1]);
  });

  it('draws again outside the action: nothing is kept between actions', () => {
    withChartCache(() => chartPngs([SPEC]));
    chartPngs([SPEC]);
    withChartCache(() => chartPngs([SPEC]));
    expect(rt.counts.get('Chart.getAs')).toBe(3);
  });

  it('draws nothing for a chart without data', () => {
    expect(withChartCache(() => chartPngs([{ ...SPEC, categories: [] }]))).toEqual([null]);
    expect(rt.totalCalls()).toBe(0);
  });

  it('draws nothing for a chart without series either', () => {
    expect(withChartCache(() => chartPngs([{ ...SPEC, series: [] }]))).toEqual([null]);
    expect(rt.totalCalls()).toBe(0);
  });

  it('what is drawn follows the spec: kind, values (a missing value is no bar) and the range', () => {
    const png = (spec: ChartSpec) => chartPngs([spec])[0]!;
    const differ = (a: ChartSpec, b: ChartSpec) => expect(png(a)).not.toEqual(png(b));
    differ(SPEC, { ...SPEC, kind: 'line' });
    differ(SPEC, { ...SPEC, series: SPEC.series.map((s) => ({ ...s, values: s.values.map(() => null) })) });
    const wide: ChartSpec = { ...SPEC, min: 0, max: 10 };
    differ(wide, { ...SPEC, min: undefined, max: undefined });
    // A range needs both ends; one end alone is no range.
    const open = png({ ...SPEC, min: undefined, max: undefined });
    expect(png({ ...wide, max: undefined })).toEqual(open);
    expect(png({ ...wide, min: undefined })).toEqual(open);
  });
});
