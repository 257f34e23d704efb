/**
 * Charts as PNG images through the Charts service
 * (https://developers.google.com/apps-script/reference/charts): a DataTable with the categories
 * in the first column and one number column per series, a bar chart (horizontal bars:
 * Charts.newBarChart) or line chart, rendered with Chart.getAs('image/png').
 *
 * Inside `withChartCache` (one action under the script lock) a chart is drawn once, however many
 * documents show it: the PNG is kept by the hash of its spec (render/docx/hash), and only while
 * the action runs.
 */
import type { ChartSpec } from '../render/docTree';
import { fromSignedBytes } from '../render/docx/bytes';
import { chartHash } from '../render/docx/hash';
import { actionMemo } from './memo';

/** Image size in pixels: at 96 dpi this fills most of the 16 cm text width. */
export const CHART_SIZE = { width: 600, height: 340 } as const;

function chartPng(spec: ChartSpec): Uint8Array | null {
  if (spec.categories.length === 0 || spec.series.length === 0) return null;
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, '');
  for (const s of spec.series) table.addColumn(Charts.ColumnType.NUMBER, s.name);
  spec.categories.forEach((c, i) => {
    table.addRow([c, ...spec.series.map((s) => s.values[i] ?? null)]);
  });
  const builder = spec.kind === 'line' ? Charts.newLineChart() : Charts.newBarChart();
  builder
    .setDataTable(table)
    .setTitle(spec.title)
    .setDimensions(CHART_SIZE.width, CHART_SIZE.height)
    .setLegendPosition(Charts.Position.BOTTOM);
  if (spec.min !== undefined && spec.max !== undefined) builder.setRange(spec.min, spec.max);
  return fromSignedBytes(builder.build().getAs('image/png').getBytes());
}

const pngs = actionMemo<Uint8Array | null>();

/** Runs `fn` with the chart cache on (nested calls share the outer cache). */
export const withChartCache = pngs.run;

/** One PNG per chart, in order; null where a chart has no data to draw. */
export function chartPngs(specs: readonly ChartSpec[]): (Uint8Array | null)[] {
  return specs.map((spec) => pngs.get(chartHash(spec), () => chartPng(spec)));
}
