/**
 * In-memory Charts service (https://developers.google.com/apps-script/reference/charts), the
 * subset the product uses: `Charts.newDataTable()` (DataTableBuilder: addColumn, addRow, build),
 * `Charts.newBarChart()` and `Charts.newLineChart()` (setDataTable, setTitle, setDimensions,
 * setLegendPosition, setRange, setColors, build) and `Chart.getAs('image/png')` / `getBlob()`,
 * rendered by charts-png.ts. Every member counts as a call (`DataTableBuilder.addRow`, ...).
 */

import { BlobImpl } from './blob';
import { chartToPng } from './charts-png';
import { isDate } from './realm';
import { gasError, type Runtime } from './runtime';
import { gasEnum, strict } from './strict';

const ColumnType = gasEnum(['DATE', 'NUMBER', 'STRING']);
const Position = gasEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
const ChartType = gasEnum([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);

interface Table {
  columns: { type: string; label: string }[];
  rows: unknown[][];
}

const MALFORMED = 'The data table is empty or malformed.';

/** build(): "throws Error if the data table is empty or otherwise malformed" (data-table-builder#build). */
function validTable(t: Table): Table {
  if (t.columns.length === 0 || t.rows.length === 0) throw gasError(MALFORMED);
  for (const row of t.rows) {
    if (row.length !== t.columns.length) throw gasError(MALFORMED);
    row.forEach((v, i) => {
      const type = t.columns[i]!.type;
      if (v === null || v === undefined) return;
      if (type === 'NUMBER' && typeof v !== 'number') throw gasError(MALFORMED);
      if (type === 'STRING' && typeof v !== 'string') throw gasError(MALFORMED);
      if (type === 'DATE' && !isDate(v)) throw gasError(MALFORMED);
    });
  }
  return { columns: t.columns.map((c) => ({ ...c })), rows: t.rows.map((r) => [...r]) };
}

class DataTableImpl {
  constructor(readonly table: Table) {}
}

class DataTableBuilderImpl {
  private readonly t: Table = { columns: [], rows: [] };
  proxy: unknown = null;
  constructor(private readonly rt: Runtime) {}

  addColumn(type: unknown, label: unknown): unknown {
    this.rt.call('DataTableBuilder.addColumn');
    if (!Object.hasOwn(ColumnType, String(type))) throw gasError('Invalid argument: type');
    this.t.columns.push({ type: String(type), label: String(label ?? '') });
    return this.proxy;
  }

  addRow(values: unknown): unknown {
    this.rt.call('DataTableBuilder.addRow');
    if (!Array.isArray(values)) throw gasError('Invalid argument: values');
    this.t.rows.push([...values]);
    return this.proxy;
  }

  build(): unknown {
    this.rt.call('DataTableBuilder.build');
    return this.snapshot();
  }

  /** Uncounted: what a chart builder takes when given the builder itself. */
  snapshot(): DataTableImpl {
    return new DataTableImpl(validTable(this.t));
  }
}

interface ChartOptions {
  kind: 'bar' | 'line';
  table: Table | null;
  title: string;
  width: number;
  height: number;
  legend: boolean;
  min?: number;
  max?: number;
  colors?: string[];
}

class ChartImpl {
  constructor(
    private readonly rt: Runtime,
    private readonly o: ChartOptions & { table: Table },
  ) {}

  private png(): Uint8Array {
    const [, ...series] = this.o.table.columns;
    return chartToPng({
      kind: this.o.kind,
      title: this.o.title,
      categories: this.o.table.rows.map((r) => String(r[0] ?? '')),
      series: series.map((c, k) => ({
        name: c.label,
        values: this.o.table.rows.map((r) => (typeof r[k + 1] === 'number' ? (r[k + 1] as number) : null)),
      })),
      width: this.o.width,
      height: this.o.height,
      legend: this.o.legend,
      ...(this.o.min !== undefined ? { min: this.o.min } : {}),
      ...(this.o.max !== undefined ? { max: this.o.max } : {}),
      ...(this.o.colors ? { colors: this.o.colors } : {}),
    });
  }

  /** Charts render as images only; PNG is the type the emulator draws. */
  getAs(contentType: unknown): GoogleAppsScript.Base.Blob {
    this.rt.call('Chart.getAs');
    if (String(contentType) !== 'image/png') {
      throw gasError(`Niet geëmuleerd: Chart.getAs('${String(contentType)}') (alleen image/png)`);
    }
    return new BlobImpl(this.png(), 'image/png', 'chart.png') as unknown as GoogleAppsScript.Base.Blob;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.rt.call('Chart.getBlob');
    return new BlobImpl(this.png(), 'image/png', 'chart.png') as unknown as GoogleAppsScript.Base.Blob;
  }
}

class ChartBuilderImpl {
  private readonly o: ChartOptions;
  proxy: unknown = null;
  constructor(
    private readonly rt: Runtime,
    private readonly cls: string,
    kind: 'bar' | 'line',
  ) {
    // Default size of a chart built with the Charts service (chart builders: setDimensions).
    this.o = { kind, table: null, title: '', width: 600, height: 400, legend: true };
  }

  private call(m: string): void {
    this.rt.call(`${this.cls}.${m}`);
  }

  setDataTable(table: unknown): unknown {
    this.call('setDataTable');
    const target = (table as { __impl?: unknown })?.__impl ?? table;
    if (target instanceof DataTableImpl) this.o.table = target.table;
    else if (target instanceof DataTableBuilderImpl) this.o.table = target.snapshot().table;
    else throw gasError('Invalid argument: table');
    return this.proxy;
  }

  setTitle(title: unknown): unknown {
    this.call('setTitle');
    this.o.title = String(title ?? '');
    return this.proxy;
  }

  setDimensions(width: unknown, height: unknown): unknown {
    this.call('setDimensions');
    const w = Number(width);
    const h = Number(height);
    if (!Number.isInteger(w) || !Number.isInteger(h) || w <= 0 || h <= 0) {
      throw gasError('Invalid argument: dimensions');
    }
    this.o.width = w;
    this.o.height = h;
    return this.proxy;
  }

  setLegendPosition(position: unknown): unknown {
    this.call('setLegendPosition');
    if (!Object.hasOwn(Position, String(position))) throw gasError('Invalid argument: position');
    this.o.legend = String(position) !== 'NONE';
    return this.proxy;
  }

  setRange(start: unknown, end: unknown): unknown {
    this.call('setRange');
    const a = Number(start);
    const b = Number(end);
    if (!Number.isFinite(a) || !Number.isFinite(b) || a >= b) throw gasError('Invalid argument: range');
    this.o.min = a;
    this.o.max = b;
    return this.proxy;
  }

  setColors(colors: unknown): unknown {
    this.call('setColors');
    if (!Array.isArray(colors)) throw gasError('Invalid argument: cssValues');
    this.o.colors = colors.map(String);
    return this.proxy;
  }

  build(): GoogleAppsScript.Charts.Chart {
    this.call('build');
    // Wording unconfirmed: a chart needs its data before it can be built.
    if (!this.o.table) throw gasError('Er is geen gegevenstabel: roep eerst setDataTable aan.');
    return strict(
      new ChartImpl(this.rt, { ...this.o, table: this.o.table }),
      'Chart',
    ) as unknown as GoogleAppsScript.Charts.Chart;
  }
}

function proxied<T extends { proxy: unknown }>(impl: T, cls: string): any {
  const p = strict(impl, cls);
  // setDataTable accepts the builder proxy as well as a built table.
  Object.defineProperty(impl, '__impl', { value: impl, enumerable: false });
  impl.proxy = p;
  return p;
}

export function createCharts(rt: Runtime): GoogleAppsScript.Charts.Charts {
  const charts = {
    ColumnType,
    Position,
    ChartType,
    newDataTable: () => {
      rt.call('Charts.newDataTable');
      return proxied(new DataTableBuilderImpl(rt), 'DataTableBuilder');
    },
    newBarChart: () => {
      rt.call('Charts.newBarChart');
      return proxied(new ChartBuilderImpl(rt, 'BarChartBuilder', 'bar'), 'BarChartBuilder');
    },
    newLineChart: () => {
      rt.call('Charts.newLineChart');
      return proxied(new ChartBuilderImpl(rt, 'LineChartBuilder', 'line'), 'LineChartBuilder');
    },
  };
  return strict(charts, 'Charts') as unknown as GoogleAppsScript.Charts.Charts;
}
