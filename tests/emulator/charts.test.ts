import { beforeEach, describe, expect, it } from 'vitest';
import type { BlobImpl } from '../../src/local/apps-script/blob';
import { createCharts } from '../../src/local/apps-script/charts';
import { chartToPng, rasterize } from '../../src/local/apps-script/charts-png';
import { Runtime } from '../../src/local/apps-script/runtime';
import { pngSize } from '../../src/render/docx/png';

let rt: Runtime;
let Charts: GoogleAppsScript.Charts.Charts;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  Charts = createCharts(rt);
});

const table = () =>
  Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Dimensie')
    .addColumn(Charts.ColumnType.NUMBER, 'Politie')
    .addRow(['Overlast', 3])
    .addRow(['Criminaliteit', null]);

describe('Charts', () => {
  it('draws a bar chart as a PNG of the asked size, each member counted', () => {
    const blob = Charts.newBarChart()
      .setDataTable(table())
      .setTitle('Scores')
      .setDimensions(400, 200)
      .build()
      .getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(pngSize((blob as unknown as BlobImpl).rawBytes())).toEqual({ width: 400, height: 200 });
    expect(rt.counts.get('DataTableBuilder.addRow')).toBe(2);
    expect(rt.counts.get('BarChartBuilder.setDimensions')).toBe(1);
    expect(rt.counts.get('Chart.getAs')).toBe(1);
  });

  it('accepts a built table for a line chart', () => {
    const chart = Charts.newLineChart()
      .setDataTable(table().build() as unknown as GoogleAppsScript.Charts.DataTableSource)
      .setRange(0, 3)
      .build();
    expect(pngSize((chart.getBlob() as unknown as BlobImpl).rawBytes())).toEqual({ width: 600, height: 400 });
  });

  it('refuses an empty or malformed table, a chart without data and other image types', () => {
    expect(() => Charts.newDataTable().build()).toThrow(/empty or malformed/);
    expect(() => table().addRow(['x']).build()).toThrow(/empty or malformed/);
    expect(() => table().addRow(['x', 'drie']).build()).toThrow(/empty or malformed/);
    expect(() => Charts.newDataTable().addColumn('GETAL' as never, 'x')).toThrow('Invalid argument: type');
    expect(() => Charts.newBarChart().build()).toThrow(/setDataTable/);
    expect(() => Charts.newBarChart().setDimensions(0, 10)).toThrow('Invalid argument: dimensions');
    expect(() => Charts.newBarChart().setRange(3, 0)).toThrow('Invalid argument: range');
    const chart = Charts.newBarChart().setDataTable(table()).build();
    expect(() => chart.getAs('application/pdf')).toThrow(/Niet geëmuleerd/);
  });

  it('paints bars in proportion to their value', () => {
    const bar = (v: number) => {
      const r = rasterize({
        kind: 'bar',
        title: '',
        categories: ['A'],
        series: [{ name: 'S', values: [v] }],
        width: 300,
        height: 120,
        min: 0,
        max: 4,
        legend: false,
        colors: ['#ff0000'],
      });
      let red = 0;
      for (let i = 0; i < r.px.length; i += 3)
        if (r.px[i] === 255 && r.px[i + 1] === 0 && r.px[i + 2] === 0) red++;
      return red;
    };
    expect(bar(0)).toBe(0);
    expect(bar(4) / bar(2)).toBeGreaterThan(1.8);
    expect(bar(4) / bar(2)).toBeLessThan(2.2);
  });
});

describe('chartToPng', () => {
  const spec = {
    kind: 'bar' as const,
    title: 'Scores',
    categories: ['A', 'B'],
    series: [{ name: 'Politie', values: [3, null] }],
    width: 200,
    height: 100,
    legend: true,
  };

  it('draws the same chart again as the same bytes, and a caller cannot change a later one', () => {
    const first = chartToPng(spec);
    const copy = first.slice();
    first.fill(0);
    const again = chartToPng({ ...spec });
    expect(again).toEqual(copy);
    expect(again).not.toBe(first);
  });

  it('draws a different chart when the description differs', () => {
    const a = chartToPng(spec);
    const b = chartToPng({ ...spec, series: [{ name: 'Politie', values: [4, null] }] });
    expect(b).not.toEqual(a);
  });
});
