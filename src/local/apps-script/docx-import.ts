/**
 * The emulated Drive conversion of an uploaded .docx into a Google Doc (Drive v3 files.create /
 * files.update with a Google Docs target, https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs):
 * the package is read into the same DocModel DocumentApp edits, so openById, snapshots and the
 * PDF export work on the result. Read: paragraphs with Title/Subtitle/Heading1–6 styles and
 * alignment, runs (bold, italic, underline, colour), soft breaks and tabs, page breaks, lists
 * (numbering formats and levels), tables with cell shading, inline PNG images with their
 * description, the default header and footer, A4 or other page sizes and margins. Field codes
 * keep their shown result, except PAGE and NUMPAGES, which become page-number elements (Apps
 * Script lists them as UNSUPPORTED elements).
 */
import {
  type BlockNode,
  type CellNode,
  type DocModel,
  type InlineNode,
  type MarkerNode,
  newDocModel,
  newListId,
  newPara,
  newSection,
  newTable,
  type ParaNode,
  type RowNode,
  type RunAttrs,
  type SectionNode,
  type TextNode,
} from './document-model';
import type { Runtime } from './runtime';
import { unzip } from './unzip';
import { find, kid, kids, parseXml, textIn, type XmlEl } from './xml-read';

const HEADINGS: Record<string, string> = {
  Title: 'TITLE',
  Subtitle: 'SUBTITLE',
  Heading1: 'HEADING1',
  Heading2: 'HEADING2',
  Heading3: 'HEADING3',
  Heading4: 'HEADING4',
  Heading5: 'HEADING5',
  Heading6: 'HEADING6',
};

const GLYPHS: Record<string, string> = {
  decimal: 'NUMBER',
  lowerLetter: 'LATIN_LOWER',
  upperLetter: 'LATIN_UPPER',
  lowerRoman: 'ROMAN_LOWER',
  upperRoman: 'ROMAN_UPPER',
  bullet: 'BULLET',
};

const ALIGN: Record<string, string> = { center: 'CENTER', right: 'RIGHT', end: 'RIGHT', both: 'JUSTIFY' };

interface Ctx {
  rt: Runtime;
  files: Map<string, Uint8Array>;
  /** Relationship id → target path inside the package, per part. */
  rels: Map<string, string>;
  /** numId → ilvl → numFmt. */
  numbering: Map<string, Map<number, string>>;
  listIds: Map<string, string>;
}

const decoder = new TextDecoder();

function part(files: Map<string, Uint8Array>, name: string): XmlEl | null {
  const bytes = files.get(name);
  return bytes ? parseXml(decoder.decode(bytes)) : null;
}

function relsOf(files: Map<string, Uint8Array>, partName: string): Map<string, string> {
  const dir = partName.slice(0, partName.lastIndexOf('/') + 1);
  const rels = part(files, `${dir}_rels/${partName.slice(dir.length)}.rels`);
  const out = new Map<string, string>();
  for (const r of rels ? kids(rels, 'Relationship') : []) {
    const target = r.attrs.Target ?? '';
    out.set(r.attrs.Id ?? '', target.startsWith('/') ? target.slice(1) : `${dir}${target}`);
  }
  return out;
}

function numberingOf(files: Map<string, Uint8Array>): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const xml = part(files, 'word/numbering.xml');
  if (!xml) return out;
  const abstract = new Map<string, Map<number, string>>();
  for (const a of kids(xml, 'w:abstractNum')) {
    const levels = new Map<number, string>();
    for (const l of kids(a, 'w:lvl')) {
      levels.set(Number(l.attrs['w:ilvl'] ?? 0), kid(l, 'w:numFmt')?.attrs['w:val'] ?? 'bullet');
    }
    abstract.set(a.attrs['w:abstractNumId'] ?? '', levels);
  }
  for (const n of kids(xml, 'w:num')) {
    out.set(
      n.attrs['w:numId'] ?? '',
      abstract.get(kid(n, 'w:abstractNumId')?.attrs['w:val'] ?? '') ?? new Map(),
    );
  }
  return out;
}

function on(el: XmlEl | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

function runAttrs(rPr: XmlEl | undefined): RunAttrs {
  const a: RunAttrs = {};
  if (on(kid(rPr, 'w:b'))) a.BOLD = true;
  if (on(kid(rPr, 'w:i'))) a.ITALIC = true;
  if (on(kid(rPr, 'w:u'))) a.UNDERLINE = true;
  if (on(kid(rPr, 'w:strike'))) a.STRIKETHROUGH = true;
  const color = kid(rPr, 'w:color')?.attrs['w:val'];
  if (color && /^[0-9a-f]{6}$/i.test(color)) a.FOREGROUND_COLOR = `#${color.toLowerCase()}`;
  return a;
}

interface FieldState {
  instr: string;
  phase: 'instr' | 'result';
  /** PAGE/NUMPAGES: its shown result is replaced by a page-number element. */
  pageField: boolean;
}

class ParaBuilder {
  readonly para: ParaNode;
  private text: TextNode | null = null;
  private fields: FieldState[] = [];

  constructor(kind: ParaNode['kind']) {
    this.para = newPara(kind, '');
  }

  private hidden(): boolean {
    return this.fields.some((f) => f.phase === 'instr' || f.pageField);
  }

  addText(text: string, attrs: RunAttrs): void {
    if (text === '' || this.hidden()) return;
    if (!this.text) {
      this.text = { kind: 'TEXT', parent: this.para, runs: [] };
      this.para.children.push(this.text);
    }
    const last = this.text.runs[this.text.runs.length - 1];
    if (last && JSON.stringify(last.attrs) === JSON.stringify(attrs)) last.text += text;
    else this.text.runs.push({ text, attrs: { ...attrs } });
  }

  addMarker(node: Omit<MarkerNode, 'parent'>): void {
    if (this.hidden()) return;
    (node as InlineNode).parent = this.para;
    this.para.children.push(node as InlineNode);
    this.text = null;
  }

  fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fields.push({ instr: '', phase: 'instr', pageField: false });
    const f = this.fields[this.fields.length - 1];
    if (!f) return;
    if (type === 'separate' || (type === 'end' && f.phase === 'instr')) {
      const code = f.instr.trim().split(/\s+/)[0]?.toUpperCase();
      f.phase = 'result';
      if (code === 'PAGE' || code === 'NUMPAGES') {
        f.pageField = false;
        this.addMarker({ kind: 'UNSUPPORTED', field: code });
        f.pageField = true;
      }
    }
    if (type === 'end') this.fields.pop();
  }

  instr(text: string): void {
    const f = this.fields[this.fields.length - 1];
    if (f?.phase === 'instr') f.instr += text;
  }
}

function imageOf(ctx: Ctx, drawing: XmlEl): Omit<MarkerNode, 'parent'> | null {
  const blip = find(drawing, 'a:blip');
  const target = ctx.rels.get(blip?.attrs['r:embed'] ?? '');
  const png = target ? ctx.files.get(target) : undefined;
  if (!png) return null;
  const extent = find(drawing, 'wp:extent');
  const docPr = find(drawing, 'wp:docPr');
  const px = (emu: string | undefined) => Math.max(1, Math.round(Number(emu ?? 0) / 9525));
  return {
    kind: 'INLINE_IMAGE',
    image: {
      png,
      width: px(extent?.attrs.cx),
      height: px(extent?.attrs.cy),
      alt: docPr?.attrs.descr ?? '',
    },
  };
}

function walkInline(ctx: Ctx, el: XmlEl, b: ParaBuilder, attrs: RunAttrs): void {
  for (const c of kids(el)) {
    switch (c.name) {
      case 'w:r': {
        const a = runAttrs(kid(c, 'w:rPr'));
        for (const r of kids(c)) {
          if (r.name === 'w:t') b.addText(textIn(r), a);
          else if (r.name === 'w:tab') b.addText('\t', a);
          else if (r.name === 'w:br') {
            if (r.attrs['w:type'] === 'page') b.addMarker({ kind: 'PAGE_BREAK' });
            else b.addText('\n', a);
          } else if (r.name === 'w:fldChar') b.fieldChar(r.attrs['w:fldCharType']);
          else if (r.name === 'w:instrText') b.instr(textIn(r));
          else if (r.name === 'w:drawing') {
            const img = imageOf(ctx, r);
            if (img) b.addMarker(img);
          }
        }
        break;
      }
      case 'w:hyperlink':
      case 'w:ins':
      case 'w:smartTag':
      case 'w:sdtContent':
        walkInline(ctx, c, b, attrs);
        break;
      case 'w:sdt':
        walkInline(ctx, kid(c, 'w:sdtContent') ?? c, b, attrs);
        break;
      case 'w:fldSimple': {
        b.fieldChar('begin');
        b.instr(c.attrs['w:instr'] ?? '');
        b.fieldChar('separate');
        walkInline(ctx, c, b, attrs);
        b.fieldChar('end');
        break;
      }
      default:
        break;
    }
  }
}

function paragraph(ctx: Ctx, p: XmlEl): ParaNode {
  const pPr = kid(p, 'w:pPr');
  const numPr = kid(pPr, 'w:numPr');
  const numId = kid(numPr, 'w:numId')?.attrs['w:val'];
  const isList = numId !== undefined && numId !== '0' && ctx.numbering.has(numId);
  const b = new ParaBuilder(isList ? 'LIST_ITEM' : 'PARAGRAPH');
  const style = kid(pPr, 'w:pStyle')?.attrs['w:val'] ?? '';
  b.para.heading = HEADINGS[style] ?? 'NORMAL';
  const jc = ALIGN[kid(pPr, 'w:jc')?.attrs['w:val'] ?? ''];
  if (jc) b.para.attrs.HORIZONTAL_ALIGNMENT = jc;
  if (isList) {
    const level = Math.min(8, Number(kid(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0));
    b.para.nesting = level;
    b.para.glyph = GLYPHS[ctx.numbering.get(numId)?.get(level) ?? 'bullet'] ?? 'BULLET';
    let listId = ctx.listIds.get(numId);
    if (!listId) {
      listId = newListId(ctx.rt);
      ctx.listIds.set(numId, listId);
    }
    b.para.listId = listId;
  }
  walkInline(ctx, p, b, {});
  return b.para;
}

function table(ctx: Ctx, t: XmlEl): BlockNode {
  const node = newTable([]);
  for (const tr of kids(t, 'w:tr')) {
    const row: RowNode = { kind: 'TABLE_ROW', parent: node, cells: [], minHeight: 0 };
    for (const tc of kids(tr, 'w:tc')) {
      const fill = kid(kid(tc, 'w:tcPr'), 'w:shd')?.attrs['w:fill'];
      const cell: CellNode = {
        kind: 'TABLE_CELL',
        parent: row,
        children: [],
        background: fill && /^[0-9a-f]{6}$/i.test(fill) ? `#${fill.toLowerCase()}` : null,
        attrs: {},
      };
      fillContainer(ctx, tc, cell);
      row.cells.push(cell);
    }
    node.rows.push(row);
  }
  return node;
}

function blocksIn(ctx: Ctx, el: XmlEl): BlockNode[] {
  const out: BlockNode[] = [];
  for (const c of kids(el)) {
    if (c.name === 'w:p') out.push(paragraph(ctx, c));
    else if (c.name === 'w:tbl') out.push(table(ctx, c));
    else if (c.name === 'w:sdt') out.push(...blocksIn(ctx, kid(c, 'w:sdtContent') ?? c));
  }
  return out;
}

/** A container ends with a paragraph, as in every Google Doc (a table is never last). */
function fillContainer(ctx: Ctx, el: XmlEl, container: SectionNode | CellNode): void {
  const blocks = blocksIn(ctx, el);
  if (blocks.length === 0 || blocks[blocks.length - 1]!.kind === 'TABLE')
    blocks.push(new ParaBuilder('PARAGRAPH').para);
  for (const b of blocks) b.parent = container;
  container.children = blocks;
}

function section(
  ctx: Ctx,
  files: Map<string, Uint8Array>,
  docRels: Map<string, string>,
  ref: XmlEl | undefined,
  kind: 'HEADER_SECTION' | 'FOOTER_SECTION',
): SectionNode | null {
  const target = docRels.get(ref?.attrs['r:id'] ?? '');
  const xml = target ? part(files, target) : null;
  if (!target || !xml) return null;
  const s = newSection(kind);
  fillContainer({ ...ctx, rels: relsOf(files, target) }, xml, s);
  return s;
}

/** Reads a .docx package into a document model; throws an Error when it is not one. */
export function importDocx(rt: Runtime, bytes: Uint8Array): DocModel {
  const files = unzip(bytes);
  const doc = part(files, 'word/document.xml');
  const body = doc ? kid(doc, 'w:body') : undefined;
  if (!body) throw new Error('Geen Word-document: word/document.xml ontbreekt.');
  const rels = relsOf(files, 'word/document.xml');
  const ctx: Ctx = { rt, files, rels, numbering: numberingOf(files), listIds: new Map() };
  const model = newDocModel();
  fillContainer(ctx, body, model.body);
  const sect = kid(body, 'w:sectPr');
  const defaultRef = (name: string) =>
    kids(sect ?? body, name).find((r) => (r.attrs['w:type'] ?? 'default') === 'default');
  model.header = section(ctx, files, rels, defaultRef('w:headerReference'), 'HEADER_SECTION');
  model.footer = section(ctx, files, rels, defaultRef('w:footerReference'), 'FOOTER_SECTION');
  const pgSz = kid(sect, 'w:pgSz');
  const pgMar = kid(sect, 'w:pgMar');
  // Twips → points (1/20), the unit of Body.setPageWidth and setMarginLeft.
  const pt = (v: string | undefined) => (v === undefined ? undefined : Number(v) / 20);
  const dims: Record<string, number | undefined> = {
    PAGE_WIDTH: pt(pgSz?.attrs['w:w']),
    PAGE_HEIGHT: pt(pgSz?.attrs['w:h']),
    MARGIN_LEFT: pt(pgMar?.attrs['w:left']),
    MARGIN_RIGHT: pt(pgMar?.attrs['w:right']),
    MARGIN_TOP: pt(pgMar?.attrs['w:top']),
    MARGIN_BOTTOM: pt(pgMar?.attrs['w:bottom']),
  };
  for (const [k, v] of Object.entries(dims))
    if (v !== undefined && Number.isFinite(v)) model.body.attrs[k] = v;
  return model;
}
