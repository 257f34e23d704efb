/**
 * The emulator's chart renderer: a small raster of the chart (title, axes with gridlines and
 * tick labels, bars or lines with point markers, a legend) encoded as an 8-bit RGB PNG
 * (https://www.w3.org/TR/png/). Text uses a built-in 3×5 pixel font (digits, letters without
 * accents, a little punctuation), drawn at twice its size: readable, not pretty.
 */
import { deflateSync } from 'node:zlib';
import { concat, crc32 } from '../../render/docx/bytes';

export interface RasterChart {
  kind: 'bar' | 'line';
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  width: number;
  height: number;
  min?: number;
  max?: number;
  legend: boolean;
  colors?: string[];
}

const FONT: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001001001',
  '8': '111101111101111',
  '9': '111101111001111',
  A: '010101111101101',
  B: '110101110101110',
  C: '011100100100011',
  D: '110101101101110',
  E: '111100110100111',
  F: '111100110100100',
  G: '011100101101011',
  H: '101101111101101',
  I: '111010010010111',
  J: '001001001101010',
  K: '101101110101101',
  L: '100100100100111',
  M: '101111111101101',
  N: '110101101101101',
  O: '010101101101010',
  P: '110101110100100',
  Q: '010101101110011',
  R: '110101110101101',
  S: '011100010001110',
  T: '111010010010010',
  U: '101101101101111',
  V: '101101101101010',
  W: '101101111111101',
  X: '101101010101101',
  Y: '101101010010010',
  Z: '111001010100111',
  '.': '000000000000010',
  ',': '000000000010100',
  '-': '000000111000000',
  ':': '000010000010000',
  '/': '001001010100100',
  '(': '010100100100010',
  ')': '010001001001010',
  '%': '101001010100101',
  '?': '110001010000010',
  '+': '000010111010000',
  "'": '010010000000000',
};

const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
const SCALE = 2;
const CHAR_W = 4 * SCALE;
const CHAR_H = 5 * SCALE;

type RGB = [number, number, number];

function rgb(css: string): RGB {
  const m = /^#?([0-9a-f]{6})$/i.exec(css);
  const n = m ? parseInt(m[1]!, 16) : 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

class Raster {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }

  set(x: number, y: number, c: RGB): void {
    x = Math.round(x);
    y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const o = (y * this.w + x) * 3;
    this.px[o] = c[0];
    this.px[o + 1] = c[1];
    this.px[o + 2] = c[2];
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: RGB): void {
    const [ax, bx] = [Math.round(Math.min(x0, x1)), Math.round(Math.max(x0, x1))];
    const [ay, by] = [Math.round(Math.min(y0, y1)), Math.round(Math.max(y0, y1))];
    for (let y = ay; y < by; y++) for (let x = ax; x < bx; x++) this.set(x, y, c);
  }

  line(x0: number, y0: number, x1: number, y1: number, c: RGB, thick = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let i = 0; i <= steps; i++) {
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      for (let dx = 0; dx < thick; dx++)
        for (let dy = 0; dy < thick; dy++) this.set(x + dx - (thick >> 1), y + dy - (thick >> 1), c);
    }
  }

  text(s: string, x: number, y: number, c: RGB): void {
    const plain = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    let cx = x;
    for (const ch of plain) {
      const g = FONT[ch];
      if (g) {
        for (let r = 0; r < 5; r++) {
          for (let k = 0; k < 3; k++) {
            if (g[r * 3 + k] === '1')
              this.rect(cx + k * SCALE, y + r * SCALE, cx + (k + 1) * SCALE, y + (r + 1) * SCALE, c);
          }
        }
      }
      cx += CHAR_W;
    }
  }
}

function textWidth(s: string): number {
  return [...s].length * CHAR_W;
}

function clip(s: string, px: number): string {
  const max = Math.max(1, Math.floor(px / CHAR_W));
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 2)).join('')}..`;
}

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ',');
}

/** Draws the chart and returns its pixels (RGB rows). */
export function rasterize(chart: RasterChart): Raster {
  const r = new Raster(chart.width, chart.height);
  const ink = rgb('#333333');
  const grid = rgb('#dddddd');
  const colors = (chart.colors?.length ? chart.colors : PALETTE).map(rgb);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  let lo = chart.min ?? Math.min(0, ...values);
  let hi = chart.max ?? Math.max(1, ...values);
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep(hi - lo);
  if (chart.min === undefined) lo = Math.floor(lo / step) * step;
  if (chart.max === undefined) hi = Math.ceil(hi / step) * step;

  const pad = 10;
  r.text(clip(chart.title, chart.width - 2 * pad), pad, pad, ink);
  const top = pad + CHAR_H + 14;
  const legendH = chart.legend ? CHAR_H + 16 : 0;
  const bottom = chart.height - pad - legendH - CHAR_H - 8;
  const horizontal = chart.kind === 'bar';
  const labelW = horizontal
    ? Math.min(Math.floor(chart.width * 0.35), Math.max(...chart.categories.map(textWidth), CHAR_W) + 8)
    : Math.max(...[lo, hi].map((v) => textWidth(fmt(v)))) + 10;
  const left = pad + labelW;
  const right = chart.width - pad - 8;
  const n = Math.max(1, chart.categories.length);

  // value axis: gridlines and tick labels
  for (let v = lo; v <= hi + step / 1000; v += step) {
    const t = (v - lo) / (hi - lo);
    if (horizontal) {
      const x = left + t * (right - left);
      r.line(x, top, x, bottom, grid);
      r.text(fmt(v), x - textWidth(fmt(v)) / 2, bottom + 6, ink);
    } else {
      const y = bottom - t * (bottom - top);
      r.line(left, y, right, y, grid);
      r.text(fmt(v), left - 6 - textWidth(fmt(v)), y - CHAR_H / 2, ink);
    }
  }
  r.line(left, top, left, bottom, ink);
  r.line(left, bottom, right, bottom, ink);

  const scale = (v: number) => (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo);
  if (horizontal) {
    const band = (bottom - top) / n;
    const barH = Math.max(2, (band * 0.7) / Math.max(1, chart.series.length));
    chart.categories.forEach((c, i) => {
      const y0 = top + i * band;
      r.text(clip(c, labelW - 8), pad, y0 + band / 2 - CHAR_H / 2, ink);
      chart.series.forEach((s, k) => {
        const v = s.values[i];
        if (typeof v !== 'number') return;
        const y = y0 + band * 0.15 + k * barH;
        const end = left + scale(v) * (right - left);
        if (end > left + 1) r.rect(left + 1, y, end, y + barH - 1, colors[k % colors.length]!);
      });
    });
  } else {
    const xAt = (i: number) => left + ((i + 0.5) / n) * (right - left);
    chart.categories.forEach((c, i) => {
      const label = clip(c, (right - left) / n - 4);
      r.text(label, xAt(i) - textWidth(label) / 2, bottom + 6, ink);
    });
    chart.series.forEach((s, k) => {
      const col = colors[k % colors.length]!;
      let prev: [number, number] | null = null;
      s.values.forEach((v, i) => {
        if (typeof v !== 'number') {
          prev = null;
          return;
        }
        const p: [number, number] = [xAt(i), bottom - scale(v) * (bottom - top)];
        if (prev) r.line(prev[0], prev[1], p[0], p[1], col, 2);
        r.rect(p[0] - 3, p[1] - 3, p[0] + 4, p[1] + 4, col);
        prev = p;
      });
    });
  }

  if (chart.legend) {
    let x = left;
    const y = chart.height - pad - CHAR_H;
    chart.series.forEach((s, k) => {
      r.rect(x, y, x + CHAR_H, y + CHAR_H, colors[k % colors.length]!);
      const name = clip(s.name, 160);
      r.text(name, x + CHAR_H + 4, y, ink);
      x += CHAR_H + 4 + textWidth(name) + 16;
    });
  }
  return r;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = Uint8Array.from([...type].map((c) => c.charCodeAt(0)));
  const len = data.length;
  const body = concat([head, data]);
  const crc = crc32(body);
  return concat([
    Uint8Array.from([len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255]),
    body,
    Uint8Array.from([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]),
  ]);
}

/** 8-bit truecolour PNG, filter type 0 on every row, zlib-compressed (PNG §10, §11.2.2). */
export function encodePng(w: number, h: number, px: Uint8Array): Uint8Array {
  const rows = new Uint8Array(h * (w * 3 + 1));
  for (let y = 0; y < h; y++) rows.set(px.subarray(y * w * 3, (y + 1) * w * 3), y * (w * 3 + 1) + 1);
  const ihdr = Uint8Array.from([
    w >>> 24,
    (w >>> 16) & 255,
    (w >>> 8) & 255,
    w & 255,
    h >>> 24,
    (h >>> 16) & 255,
    (h >>> 8) & 255,
    h & 255,
    8,
    2,
    0,
    0,
    0,
  ]);
  return concat([
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
}

/**
 * Recently drawn charts by their description: a case rebuilds its documents with the same charts
 * again and again, and drawing plus deflating one costs milliseconds. The PNG depends only on the
 * description, so a hit gives the same bytes (a copy, so no caller can change the cached one).
 */
const drawn = new Map<string, Uint8Array>();
const DRAWN_MAX = 64;

export function chartToPng(chart: RasterChart): Uint8Array {
  const key = JSON.stringify(chart);
  let png = drawn.get(key);
  if (png === undefined) {
    const r = rasterize(chart);
    png = encodePng(r.w, r.h, r.px);
    if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, png);
  }
  return png.slice();
}
