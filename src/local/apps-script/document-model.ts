/**
 * The stored tree of an emulated Google Doc (the Drive entry's `data`) and the rich-text
 * operations the element handles use. Sections (body, header, footer) and table cells hold
 * blocks (paragraphs, list items, tables); paragraphs hold inline nodes (text, page break,
 * horizontal rule); text nodes hold runs of equally formatted characters.
 */
import { gasError, type Runtime } from './runtime';

export {
  Attribute,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  TextAlignment,
  VerticalAlignment,
} from './document-enums';

/** Character formatting; an absent key means "not set" (inherits the document default). */
export interface RunAttrs {
  BOLD?: boolean;
  ITALIC?: boolean;
  UNDERLINE?: boolean;
  STRIKETHROUGH?: boolean;
  FONT_SIZE?: number;
  FONT_FAMILY?: string;
  FOREGROUND_COLOR?: string;
  BACKGROUND_COLOR?: string;
  LINK_URL?: string;
}
export const TEXT_ATTRS = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
] as const;
export type TextAttr = (typeof TEXT_ATTRS)[number];

export interface Run {
  text: string;
  attrs: RunAttrs;
}

export interface TextNode {
  kind: 'TEXT';
  parent: ParaNode | null;
  runs: Run[];
}
/** An image placed in the text (ElementType.INLINE_IMAGE), as a converted upload brings it in. */
export interface ImageData {
  /** PNG file bytes. */
  png: Uint8Array;
  /** Display size in pixels. */
  width: number;
  height: number;
  alt: string;
}

/**
 * Inline elements without text: page breaks, rules, images, and elements Apps Script reports as
 * UNSUPPORTED, such as the page-number fields a converted .docx footer holds (`field`).
 */
export interface MarkerNode {
  kind: 'PAGE_BREAK' | 'HORIZONTAL_RULE' | 'INLINE_IMAGE' | 'UNSUPPORTED';
  parent: ParaNode | null;
  image?: ImageData;
  field?: 'PAGE' | 'NUMPAGES';
}
export type InlineNode = TextNode | MarkerNode;

export interface ParaNode {
  kind: 'PARAGRAPH' | 'LIST_ITEM';
  parent: ContainerNode | null;
  children: InlineNode[];
  heading: string;
  /** Paragraph attributes other than the heading (alignment, spacing, indents...). */
  attrs: Record<string, unknown>;
  glyph: string;
  nesting: number;
  listId: string;
}
export interface CellNode {
  kind: 'TABLE_CELL';
  parent: RowNode | null;
  children: BlockNode[];
  background: string | null;
  attrs: Record<string, unknown>;
}
export interface RowNode {
  kind: 'TABLE_ROW';
  parent: TableNode | null;
  cells: CellNode[];
  minHeight: number;
}
export interface TableNode {
  kind: 'TABLE';
  parent: ContainerNode | null;
  rows: RowNode[];
  borderWidth: number;
  borderColor: string;
  columnWidths: Record<number, number>;
  attrs: Record<string, unknown>;
}
export interface SectionNode {
  kind: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  parent: null;
  children: BlockNode[];
  attrs: Record<string, unknown>;
}
export type BlockNode = ParaNode | TableNode;
export type ContainerNode = SectionNode | CellNode;
export type AnyNode = InlineNode | BlockNode | RowNode | CellNode | SectionNode;

export interface DocModel {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}

export const CLOSED_MESSAGE = 'Document is closed, its contents cannot be updated.';
export const DETACHED_MESSAGE = 'Element must be detached.';

// ---- construction ---------------------------------------------------------------------------------

export function newSection(kind: SectionNode['kind']): SectionNode {
  const s: SectionNode = { kind, parent: null, children: [], attrs: {} };
  attachBlock(s, newPara('PARAGRAPH', ''), 0);
  return s;
}

export function newDocModel(): DocModel {
  return { body: newSection('BODY_SECTION'), header: null, footer: null };
}

export function newText(text: string, attrs: RunAttrs = {}): TextNode {
  return { kind: 'TEXT', parent: null, runs: text === '' ? [] : [{ text, attrs: { ...attrs } }] };
}

export function newPara(kind: ParaNode['kind'], text: string): ParaNode {
  const p: ParaNode = {
    kind,
    parent: null,
    children: [],
    heading: 'NORMAL',
    attrs: {},
    glyph: 'BULLET',
    nesting: 0,
    listId: '',
  };
  if (text !== '') {
    const t = newText(text);
    t.parent = p;
    p.children.push(t);
  }
  return p;
}

export function newCell(text: string): CellNode {
  const c: CellNode = { kind: 'TABLE_CELL', parent: null, children: [], background: null, attrs: {} };
  attachBlock(c, newPara('PARAGRAPH', text), 0);
  return c;
}

export function newRow(texts: string[]): RowNode {
  const r: RowNode = { kind: 'TABLE_ROW', parent: null, cells: [], minHeight: 0 };
  for (const t of texts) {
    const c = newCell(t);
    c.parent = r;
    r.cells.push(c);
  }
  return r;
}

export function newTable(cells: string[][]): TableNode {
  const t: TableNode = {
    kind: 'TABLE',
    parent: null,
    rows: [],
    borderWidth: 1,
    borderColor: '#000000',
    columnWidths: {},
    attrs: {},
  };
  for (const row of cells) {
    const r = newRow(row);
    r.parent = t;
    t.rows.push(r);
  }
  return t;
}

export function attachBlock(container: ContainerNode, block: BlockNode, index: number): void {
  block.parent = container;
  container.children.splice(index, 0, block);
}

export function newListId(rt: Runtime): string {
  return `kix.${rt.newId('').slice(0, 12).toLowerCase()}`;
}

/** Deep copy without a parent (Element.copy()). */
export function copyNode<T extends AnyNode>(node: T): T {
  const c = structuredClone({ ...node, parent: null }) as T;
  relink(c);
  return c;
}

function relink(node: AnyNode): void {
  const kids = childrenOf(node);
  for (const k of kids) {
    (k as { parent: AnyNode | null }).parent = node;
    relink(k);
  }
}

export function childrenOf(node: AnyNode): AnyNode[] {
  switch (node.kind) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
    case 'TABLE_CELL':
      return node.children;
    case 'TABLE':
      return node.rows;
    case 'TABLE_ROW':
      return node.cells;
    default:
      return [];
  }
}

// ---- plain text -----------------------------------------------------------------------------------

export function textOfNode(node: AnyNode): string {
  switch (node.kind) {
    case 'TEXT':
      return node.runs.map((r) => r.text).join('');
    case 'PAGE_BREAK':
    case 'HORIZONTAL_RULE':
    case 'INLINE_IMAGE':
    case 'UNSUPPORTED':
      return '';
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children.map(textOfNode).join('');
    default:
      return childrenOf(node).map(textOfNode).join('\n');
  }
}

// ---- runs -----------------------------------------------------------------------------------------

function sameAttrs(a: RunAttrs, b: RunAttrs): boolean {
  const ka = Object.keys(a) as TextAttr[];
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

export function normalizeRuns(t: TextNode): void {
  const out: Run[] = [];
  for (const r of t.runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attrs, r.attrs)) last.text += r.text;
    else out.push({ text: r.text, attrs: { ...r.attrs } });
  }
  t.runs = out;
}

/** Splits runs so that `offset` falls on a run boundary; returns the index of the run starting there. */
function splitAt(t: TextNode, offset: number): number {
  let pos = 0;
  for (let i = 0; i < t.runs.length; i++) {
    const r = t.runs[i]!;
    if (offset === pos) return i;
    if (offset < pos + r.text.length) {
      const cut = offset - pos;
      t.runs.splice(
        i,
        1,
        { text: r.text.slice(0, cut), attrs: { ...r.attrs } },
        {
          text: r.text.slice(cut),
          attrs: { ...r.attrs },
        },
      );
      return i + 1;
    }
    pos += r.text.length;
  }
  return t.runs.length;
}

/** Sets (value !== null) or clears (null) attributes on [start, endExclusive). */
export function formatRange(
  t: TextNode,
  start: number,
  endExclusive: number,
  attrs: Partial<Record<TextAttr, unknown>>,
) {
  if (endExclusive <= start) return;
  const a = splitAt(t, start);
  const b = splitAt(t, endExclusive);
  for (let i = a; i < b; i++) {
    const r = t.runs[i]!;
    for (const [k, v] of Object.entries(attrs) as [TextAttr, unknown][]) {
      if (v === null || v === undefined) delete r.attrs[k];
      else (r.attrs as Record<string, unknown>)[k] = v;
    }
  }
  normalizeRuns(t);
}

/** Inserts text that takes the formatting of the character before it (or `attrs` when given). */
export function insertIntoText(t: TextNode, offset: number, text: string, attrs?: RunAttrs): void {
  if (text === '') return;
  const i = splitAt(t, offset);
  const inherit = attrs ?? (t.runs[i - 1] ?? t.runs[i])?.attrs ?? {};
  t.runs.splice(i, 0, { text, attrs: { ...inherit } });
  normalizeRuns(t);
}

export function deleteFromText(t: TextNode, start: number, endExclusive: number): void {
  if (endExclusive <= start) return;
  const a = splitAt(t, start);
  const b = splitAt(t, endExclusive);
  t.runs.splice(a, b - a);
  normalizeRuns(t);
}

export function attrsAt(t: TextNode, offset: number): RunAttrs {
  let pos = 0;
  for (const r of t.runs) {
    if (offset < pos + r.text.length) return r.attrs;
    pos += r.text.length;
  }
  return {};
}

// ---- RE2-style patterns (BODY#replaceText) --------------------------------------------------------

/**
 * Docs patterns are RE2: no look-around and no back-references. Those are refused here
 * (wording unconfirmed) rather than silently behaving like JavaScript.
 */
export function re2(pattern: string): RegExp {
  const p = String(pattern);
  if (/\(\?<?[=!]/.test(p) || /\\[1-9]/.test(p) || /\\k</.test(p)) {
    throw gasError(`Invalid regular expression pattern ${p} (RE2 has no look-around or back-references).`);
  }
  try {
    return new RegExp(p, 'g');
  } catch {
    throw gasError(`Invalid regular expression pattern ${p}`);
  }
}
