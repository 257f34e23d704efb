/**
 * Uncounted views of an emulated Google Doc: the snapshot tree the exporters read (matches
 * src/local/export/snapshots.ts DocumentSnapshot) and the PDF rendering behind
 * Document.getAs('application/pdf') and DriveApp File.getAs/getBlob.
 */

import {
  type BlockNode,
  type CellNode,
  type DocModel,
  type ParagraphHeading,
  type ParaNode,
  type SectionNode,
  type TextNode,
  textOfNode,
} from './document-model';
import { PAGE_COUNT, PAGE_NUMBER, type PdfBlock, pdfPageCount, renderPdf } from './pdf';
import { MIME, type Runtime } from './runtime';

export interface DocRunSnapshot {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  link?: string | null;
  /** Foreground colour `#rrggbb` or null. */
  color?: string | null;
  background?: string | null;
  fontSize?: number | null;
  /** A page-number element (converted PAGE / NUMPAGES field): no text of its own. */
  field?: 'PAGE' | 'NUMPAGES';
}

export interface DocCellSnapshot {
  text: string;
  background: string | null;
  runs: DocRunSnapshot[];
}

export interface DocImageSnapshot {
  png: Uint8Array;
  width: number;
  height: number;
  alt: string;
}

export interface DocElementSnapshot {
  type: 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE' | 'PAGE_BREAK' | 'HORIZONTAL_RULE' | 'INLINE_IMAGE';
  /** INLINE_IMAGE: the picture and its description. */
  image?: DocImageSnapshot;
  heading?: keyof typeof ParagraphHeading;
  text?: string;
  runs?: DocRunSnapshot[];
  alignment?: string;
  glyph?: string;
  nesting?: number;
  listId?: string;
  rows?: DocCellSnapshot[][];
  borderWidth?: number;
  borderColor?: string;
}

export interface DocumentSnapshot {
  name: string;
  header: DocElementSnapshot[];
  body: DocElementSnapshot[];
  footer: DocElementSnapshot[];
}

function runsOf(p: ParaNode): DocRunSnapshot[] {
  return p.children.flatMap((c): DocRunSnapshot[] => {
    if (c.kind === 'UNSUPPORTED' && c.field) return [{ text: '', field: c.field }];
    if (c.kind !== 'TEXT') return [];
    return textRuns(c);
  });
}

function textRuns(t: TextNode): DocRunSnapshot[] {
  return t.runs.map((r) => ({
    text: r.text,
    bold: r.attrs.BOLD === true,
    italic: r.attrs.ITALIC === true,
    underline: r.attrs.UNDERLINE === true,
    link: r.attrs.LINK_URL ?? null,
    color: r.attrs.FOREGROUND_COLOR ?? null,
    background: r.attrs.BACKGROUND_COLOR ?? null,
    fontSize: r.attrs.FONT_SIZE ?? null,
  }));
}

function cellOf(c: CellNode): DocCellSnapshot {
  const paras = c.children.filter((b): b is ParaNode => b.kind !== 'TABLE');
  const runs: DocRunSnapshot[] = [];
  paras.forEach((p, i) => {
    if (i > 0) runs.push({ text: '\n' });
    runs.push(...runsOf(p));
  });
  return { text: textOfNode(c), background: c.background, runs };
}

function blocksOf(blocks: BlockNode[]): DocElementSnapshot[] {
  const out: DocElementSnapshot[] = [];
  for (const b of blocks) {
    if (b.kind === 'TABLE') {
      out.push({
        type: 'TABLE',
        rows: b.rows.map((r) => r.cells.map(cellOf)),
        borderWidth: b.borderWidth,
        borderColor: b.borderColor,
      });
      continue;
    }
    const markers = b.children.filter((c) => c.kind !== 'TEXT' && c.kind !== 'UNSUPPORTED');
    const hasText = b.children.some((c) => c.kind === 'TEXT' && textOfNode(c) !== '');
    if (hasText || markers.length === 0) {
      const el: DocElementSnapshot = {
        type: b.kind,
        heading: b.heading as keyof typeof ParagraphHeading,
        text: textOfNode(b),
        runs: runsOf(b),
        alignment: (b.attrs.HORIZONTAL_ALIGNMENT as string | undefined) ?? 'LEFT',
      };
      if (b.kind === 'LIST_ITEM') Object.assign(el, { glyph: b.glyph, nesting: b.nesting, listId: b.listId });
      out.push(el);
    }
    for (const m of markers) {
      if (m.kind === 'INLINE_IMAGE' && m.image) out.push({ type: 'INLINE_IMAGE', image: { ...m.image } });
      else if (m.kind === 'PAGE_BREAK' || m.kind === 'HORIZONTAL_RULE') out.push({ type: m.kind });
    }
  }
  return out;
}

export function snapshotModel(name: string, m: DocModel): DocumentSnapshot {
  const section = (s: SectionNode | null) => (s ? blocksOf(s.children) : []);
  return { name, header: section(m.header), body: section(m.body), footer: section(m.footer) };
}

/** Uncounted copy of a document's tree for the exporters. */
export function snapshotDocument(rt: Runtime, docId: string): DocumentSnapshot {
  return rt.uncounted(() => {
    const entry = rt.getEntry(docId, MIME.document);
    return snapshotModel(entry.name, entry.data as DocModel);
  });
}

// ---- PDF ------------------------------------------------------------------------------------------

const HEADING_SIZE: Record<string, number> = {
  TITLE: 24,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
  NORMAL: 11,
};

const ROMAN: [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function glyphText(glyph: string, n: number): string {
  switch (glyph) {
    case 'NUMBER':
      return `${n}.`;
    case 'LATIN_UPPER':
      return `${String.fromCharCode(64 + (((n - 1) % 26) + 1))}.`;
    case 'LATIN_LOWER':
      return `${String.fromCharCode(96 + (((n - 1) % 26) + 1))}.`;
    case 'ROMAN_UPPER':
      return `${roman(n).toUpperCase()}.`;
    case 'ROMAN_LOWER':
      return `${roman(n)}.`;
    case 'HOLLOW_BULLET':
      return 'o';
    case 'SQUARE_BULLET':
      return '-';
    default:
      return '•';
  }
}

/** Page-number elements in header and footer text, filled in per page by renderPdf. */
const PDF_FIELD = { PAGE: PAGE_NUMBER, NUMPAGES: PAGE_COUNT } as const;

/** One text line per paragraph (wrapped) and per table row; page breaks start a new page. */
function pdfBlocks(elements: DocElementSnapshot[]): PdfBlock[] {
  const out: PdfBlock[] = [];
  const counters = new Map<string, number>();
  for (const e of elements) {
    if (e.type === 'PAGE_BREAK') out.push({ kind: 'pageBreak' });
    else if (e.type === 'HORIZONTAL_RULE') out.push({ kind: 'rule' });
    else if (e.type === 'INLINE_IMAGE' && e.image) out.push({ kind: 'image', ...e.image });
    else if (e.type === 'TABLE') {
      for (const row of e.rows ?? []) {
        out.push({ kind: 'text', text: row.map((c) => c.text.replace(/\n/g, ' ')).join('  |  '), size: 10 });
      }
      out.push({ kind: 'text', text: '', size: 6 });
    } else {
      const heading = e.heading ?? 'NORMAL';
      const size = HEADING_SIZE[heading] ?? 11;
      const runs = e.runs ?? [];
      const bold = heading !== 'NORMAL' || (runs.length > 0 && runs.every((r) => r.bold));
      const italic = runs.length > 0 && runs.every((r) => r.italic);
      let text = runs.some((r) => r.field)
        ? runs.map((r) => (r.field ? PDF_FIELD[r.field] : r.text)).join('')
        : (e.text ?? '');
      let indent = 0;
      if (e.type === 'LIST_ITEM') {
        const key = `${e.listId}:${e.nesting ?? 0}`;
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        text = `${glyphText(e.glyph ?? 'BULLET', n)} ${text}`;
        indent = 18 * ((e.nesting ?? 0) + 1);
      }
      out.push({ kind: 'text', text, size, bold, italic, indent });
    }
  }
  return out;
}

/** PDF bytes of a document model. */
export function documentPdf(name: string, m: DocModel): Uint8Array {
  const snap = snapshotModel(name, m);
  const dim = (k: string, d: number) =>
    typeof m.body.attrs[k] === 'number' ? (m.body.attrs[k] as number) : d;
  return renderPdf({
    title: name,
    body: pdfBlocks(snap.body),
    header: pdfBlocks(snap.header),
    footer: pdfBlocks(snap.footer),
    pageWidth: dim('PAGE_WIDTH', 612),
    pageHeight: dim('PAGE_HEIGHT', 792),
    margin: dim('MARGIN_LEFT', 72),
  });
}

/** Pages of the document as its PDF export lays it out. */
export function documentPageCount(name: string, m: DocModel): number {
  return pdfPageCount(documentPdf(name, m));
}
