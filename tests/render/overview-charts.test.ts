import { describe, expect, it } from 'vitest';
import { goalChart, shareOfWay } from '../../src/render/overview-charts';

describe('grafiek voortgang per doel', () => {
  it('zet elk doel op de weg van nulmeting naar streefwaarde, ook een doel dat moet dalen', () => {
    expect(shareOfWay(20, 10, 15)).toBe(50);
    expect(shareOfWay(0, 4, 4)).toBe(100);
    expect(shareOfWay(5, 5, 7)).toBeNull();
    const node = goalChart([
      {
        id: 'D1',
        indicator: 'meldingen per maand',
        baseline: 20,
        target: 10,
        measurements: [
          { round: 1, value: 18 },
          { round: 3, value: 12 },
        ],
      },
      {
        id: 'D2',
        indicator: 'jongeren met begeleiding',
        baseline: 0,
        target: 4,
        measurements: [{ round: 2, value: 5 }],
      },
      { id: 'D3', indicator: 'nog niet gemeten', baseline: 1, target: 2, measurements: [] },
    ]);
    expect(node?.type).toBe('chart');
    if (node?.type !== 'chart') return;
    expect(node.chart.kind).toBe('line');
    expect(node.chart.categories).toEqual(['Nulmeting', 'Ronde 1', 'Ronde 2', 'Ronde 3']);
    expect(node.chart.series).toEqual([
      { name: 'D1', values: [0, 20, null, 80] },
      { name: 'D2', values: [0, null, 125, null] },
    ]);
    expect(node.chart.max).toBe(125);
    expect(node.chart.alt).toContain(
      'D1 (meldingen per maand) nulmeting 20, streefwaarde 10, laatst gemeten 12',
    );
  });

  it('tekent niets zolang geen doel gemeten is', () => {
    expect(goalChart([{ id: 'D1', indicator: 'x', baseline: 1, target: 2, measurements: [] }])).toBeNull();
  });
});
