/**
 * Paragraph, ListItem, PageBreak and HorizontalRule handles (tables: document-tables.ts) of the emulated
 * DocumentApp (reference/document/paragraph, list-item, table, table-row; reference/document/body).
 */

import {
  checkIndex,
  ElementBase,
  nodeOf,
  ParentBase,
  registerKind,
  requireDetached,
  signatureError,
} from './document-base';
import {
  type AnyNode,
  formatRange,
  GlyphType,
  HorizontalAlignment,
  type InlineNode,
  type MarkerNode,
  newText,
  ParagraphHeading,
  type ParaNode,
  TEXT_ATTRS,
  type TextNode,
  textOfNode,
} from './document-model';
import { replaceInNode, textAttrsFrom, textView } from './document-text';
import { gasError } from './runtime';

const PARA_ATTRS = [
  'SPACING_BEFORE',
  'SPACING_AFTER',
  'INDENT_START',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'LINE_SPACING',
  'LEFT_TO_RIGHT',
  'HORIZONTAL_ALIGNMENT',
] as const;

function enumValue(v: unknown, allowed: Record<string, string>, cls: string, method: string): string {
  const s = String(v);
  if (v === null || v === undefined || !(s in allowed)) throw signatureError(cls, method, [v]);
  return s;
}

/** Common text-attribute values over all text of a node (null when mixed or unset). */
function commonTextAttrs(node: AnyNode): Record<string, unknown> {
  const texts: TextNode[] = [];
  const visit = (n: AnyNode) => {
    if (n.kind === 'TEXT') texts.push(n);
    else if ('children' in n) for (const c of n.children as AnyNode[]) visit(c);
    else if (n.kind === 'TABLE') for (const r of n.rows) visit(r);
    else if (n.kind === 'TABLE_ROW') for (const c of n.cells) visit(c);
  };
  visit(node);
  const out: Record<string, unknown> = {};
  for (const k of TEXT_ATTRS) {
    const vals = new Set(texts.flatMap((t) => t.runs.map((r) => r.attrs[k] ?? null)));
    out[k] = vals.size === 1 ? [...vals][0] : null;
  }
  return out;
}

/** Applies text attributes to every text node below `node`. */
export function formatAll(node: AnyNode, attrs: Record<string, unknown>): void {
  const t = textAttrsFrom(attrs);
  if (Object.keys(t).length === 0) return;
  const visit = (n: AnyNode) => {
    if (n.kind === 'TEXT') formatRange(n, 0, textOfNode(n).length, t);
    else if ('children' in n) for (const c of n.children as AnyNode[]) visit(c);
    else if (n.kind === 'TABLE') for (const r of n.rows) visit(r);
    else if (n.kind === 'TABLE_ROW') for (const c of n.cells) visit(c);
  };
  visit(node);
}

abstract class TextHolder extends ParentBase {
  getText(): string {
    this.call('getText');
    return textOfNode(this.node);
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.call('editAsText');
    return textView(this.ctx, this.node);
  }

  replaceText(searchPattern: string, replacement: string): any {
    this.call('replaceText');
    this.mut();
    replaceInNode(this.node, searchPattern, replacement);
    return this.self();
  }

  setLinkUrl(url: string | null): any {
    this.call('setLinkUrl');
    this.mut();
    formatAll(this.node, { LINK_URL: url });
    return this.self();
  }

  getLinkUrl(): string | null {
    this.call('getLinkUrl');
    return (commonTextAttrs(this.node).LINK_URL as string | null) ?? null;
  }
}

// ---- paragraphs and list items ------------------------------------------------------------------------

class ParaBase extends TextHolder {
  private get p(): ParaNode {
    return this.node;
  }

  private inline(node: InlineNode, index: number): void {
    node.parent = this.p;
    this.p.children.splice(index, 0, node);
  }

  setText(text: string): void {
    this.call('setText');
    this.mut();
    this.p.children = [];
    if (String(text) !== '') this.inline(newText(String(text)), 0);
  }

  appendText(text: unknown): any {
    this.call('appendText');
    return this.addText(this.p.children.length, text, 'appendText');
  }

  insertText(childIndex: number, text: unknown): any {
    this.call('insertText');
    return this.addText(checkIndex(childIndex, this.p.children.length), text, 'insertText');
  }

  private addText(index: number, text: unknown, method: string): any {
    this.mut();
    const given = nodeOf(text);
    let node: TextNode;
    if (given) {
      if (given.kind !== 'TEXT') throw signatureError(this.cls, method, [text]);
      requireDetached(given);
      node = given;
    } else if (text !== null && text !== undefined && typeof text !== 'object') node = newText(String(text));
    else throw signatureError(this.cls, method, [text]);
    this.inline(node, index);
    return this.h(node);
  }

  clear(): any {
    this.call('clear');
    this.mut();
    this.p.children = [];
    return this.self();
  }

  private marker(method: string, kind: MarkerNode['kind'], index: number, given?: unknown): any {
    this.call(method);
    this.mut();
    let node: MarkerNode = { kind, parent: null };
    const g = nodeOf(given);
    if (given !== undefined && given !== null) {
      if (!g || g.kind !== kind) throw signatureError(this.cls, method, [given]);
      requireDetached(g);
      node = g as MarkerNode;
    }
    this.inline(node, index);
    return this.h(node);
  }

  appendPageBreak = (pb?: unknown) =>
    this.marker('appendPageBreak', 'PAGE_BREAK', this.p.children.length, pb);
  appendHorizontalRule = () => this.marker('appendHorizontalRule', 'HORIZONTAL_RULE', this.p.children.length);
  insertPageBreak = (i: number, pb?: unknown) =>
    this.marker('insertPageBreak', 'PAGE_BREAK', checkIndex(i, this.p.children.length), pb);
  insertHorizontalRule = (i: number) =>
    this.marker('insertHorizontalRule', 'HORIZONTAL_RULE', checkIndex(i, this.p.children.length));

  getHeading(): any {
    this.call('getHeading');
    return this.p.heading;
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): any {
    this.call('setHeading');
    this.mut();
    this.p.heading = enumValue(heading, ParagraphHeading, this.cls, 'setHeading');
    return this.self();
  }

  getAlignment(): any {
    this.call('getAlignment');
    return this.p.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT';
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): any {
    this.call('setAlignment');
    this.mut();
    this.p.attrs.HORIZONTAL_ALIGNMENT = enumValue(alignment, HorizontalAlignment, this.cls, 'setAlignment');
    return this.self();
  }

  private num(method: string, key: string, v?: unknown): any {
    this.call(method);
    if (method.startsWith('get') || method.startsWith('is')) return this.p.attrs[key] ?? null;
    this.mut();
    this.p.attrs[key] = key === 'LEFT_TO_RIGHT' ? Boolean(v) : Number(v);
    return this.self();
  }

  getSpacingBefore = () => this.num('getSpacingBefore', 'SPACING_BEFORE');
  setSpacingBefore = (v: number) => this.num('setSpacingBefore', 'SPACING_BEFORE', v);
  getSpacingAfter = () => this.num('getSpacingAfter', 'SPACING_AFTER');
  setSpacingAfter = (v: number) => this.num('setSpacingAfter', 'SPACING_AFTER', v);
  getIndentStart = () => this.num('getIndentStart', 'INDENT_START');
  setIndentStart = (v: number) => this.num('setIndentStart', 'INDENT_START', v);
  getIndentEnd = () => this.num('getIndentEnd', 'INDENT_END');
  setIndentEnd = (v: number) => this.num('setIndentEnd', 'INDENT_END', v);
  getIndentFirstLine = () => this.num('getIndentFirstLine', 'INDENT_FIRST_LINE');
  setIndentFirstLine = (v: number) => this.num('setIndentFirstLine', 'INDENT_FIRST_LINE', v);
  getLineSpacing = () => this.num('getLineSpacing', 'LINE_SPACING');
  setLineSpacing = (v: number) => this.num('setLineSpacing', 'LINE_SPACING', v);
  isLeftToRight = () => this.num('isLeftToRight', 'LEFT_TO_RIGHT');
  setLeftToRight = (v: boolean) => this.num('setLeftToRight', 'LEFT_TO_RIGHT', v);

  getAttributes(): any {
    this.call('getAttributes');
    const out: Record<string, unknown> = { ...commonTextAttrs(this.p), HEADING: this.p.heading };
    for (const k of PARA_ATTRS) out[k] = this.p.attrs[k] ?? null;
    if (this.p.kind === 'LIST_ITEM') {
      out.GLYPH_TYPE = this.p.glyph;
      out.NESTING_LEVEL = this.p.nesting;
      out.LIST_ID = this.p.listId;
    }
    return out;
  }

  setAttributes(attributes: Record<string, unknown>): any {
    this.call('setAttributes');
    this.mut();
    const a = attributes ?? {};
    if (a.HEADING != null) this.p.heading = enumValue(a.HEADING, ParagraphHeading, this.cls, 'setAttributes');
    for (const k of PARA_ATTRS) if (k in a) this.p.attrs[k] = a[k];
    if (this.p.kind === 'LIST_ITEM') {
      if (a.GLYPH_TYPE != null) this.p.glyph = enumValue(a.GLYPH_TYPE, GlyphType, this.cls, 'setAttributes');
      if (a.NESTING_LEVEL != null) this.p.nesting = Number(a.NESTING_LEVEL);
    }
    formatAll(this.p, a);
    return this.self();
  }
}

class ParagraphImpl extends ParaBase {}

class ListItemImpl extends ParaBase {
  getGlyphType(): any {
    this.call('getGlyphType');
    return (this.node as ParaNode).glyph;
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): any {
    this.call('setGlyphType');
    this.mut();
    (this.node as ParaNode).glyph = enumValue(glyphType, GlyphType, 'ListItem', 'setGlyphType');
    return this.self();
  }

  getNestingLevel(): number {
    this.call('getNestingLevel');
    return (this.node as ParaNode).nesting;
  }

  setNestingLevel(nestingLevel: number): any {
    this.call('setNestingLevel');
    this.mut();
    const n = Number(nestingLevel);
    if (!Number.isInteger(n) || n < 0 || n > 8) throw gasError('Invalid argument: nestingLevel');
    (this.node as ParaNode).nesting = n;
    return this.self();
  }

  /** Consecutive list items share a list id (`kix.…`). */
  getListId(): string {
    this.call('getListId');
    return (this.node as ParaNode).listId;
  }

  setListId(listItem: unknown): any {
    this.call('setListId');
    this.mut();
    const other = nodeOf(listItem);
    if (other?.kind !== 'LIST_ITEM') throw signatureError('ListItem', 'setListId', [listItem]);
    (this.node as ParaNode).listId = other.listId;
    return this.self();
  }
}

// ---- page break, horizontal rule ----------------------------------------------------------------------

class MarkerImpl extends ElementBase {
  getAttributes(): any {
    this.call('getAttributes');
    return {};
  }

  setAttributes(_attributes: unknown): any {
    this.call('setAttributes');
    this.mut();
    return this.self();
  }
}

registerKind(['PARAGRAPH'], ParagraphImpl);
registerKind(['LIST_ITEM'], ListItemImpl);
registerKind(['PAGE_BREAK', 'HORIZONTAL_RULE', 'INLINE_IMAGE', 'UNSUPPORTED'], MarkerImpl);

export { commonTextAttrs, TextHolder };
