/**
 * A document as plain data: what the overview IS, separate from how Apps Script writes it.
 * Built by render/overview.ts, written as .docx by render/docx and uploaded as a Google Doc by
 * workspace/docs.ts (and read by tests without any Apps Script).
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** CSS hex colour, e.g. `#b00020`. */
  color?: string;
}

export type DocNode =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered?: boolean; items: Run[][] }
  | {
      type: 'table';
      header: string[];
      rows: string[][];
      /** Optional background per body cell (same shape as rows), CSS hex or null. */
      shading?: (string | null)[][];
    }
  | { type: 'pagebreak' }
  /** Table of contents over the level 1 and 2 headings that follow. */
  | { type: 'toc' }
  /** A chart as data; the writer turns it into an image (Charts service in Google). */
  | { type: 'chart'; chart: ChartSpec };

export interface ChartSeries {
  name: string;
  /** One value per category; null where nothing was measured. */
  values: (number | null)[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  /** Labels along the horizontal axis, one per value of each series. */
  categories: string[];
  series: ChartSeries[];
  /** Vertical axis range; derived from the data when absent. */
  min?: number;
  max?: number;
  /** What the chart shows, in words: the image's alt text and the text where no image can be. */
  alt: string;
}

export interface DocTree {
  /** Text of the page header, e.g. `Vertrouwelijk — JGA-2026-001`. */
  header: string;
  title: string;
  subtitle?: string;
  nodes: DocNode[];
}
