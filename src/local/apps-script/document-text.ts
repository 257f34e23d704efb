/**
 * `Text` of the emulated DocumentApp (reference/document/text): either one text node
 * (paragraph.appendText) or the editAsText() view of a whole element, where paragraphs are
 * joined with '\n'. Offsets are character offsets; ranges are END-INCLUSIVE (TXT).
 */

import { type DocCtx, ElementBase, handleOf, registerKind } from './document-base';
import {
  type AnyNode,
  attrsAt,
  childrenOf,
  deleteFromText,
  formatRange,
  insertIntoText,
  newText,
  type ParaNode,
  type RunAttrs,
  re2,
  TEXT_ATTRS,
  type TextAttr,
  type TextNode,
} from './document-model';
import { gasError } from './runtime';

interface Seg {
  para: ParaNode | null;
  text: TextNode | null;
  start: number;
  len: number;
}

/** Paragraph groups of the view: each group is the text segments of one paragraph. */
function groupsOf(node: AnyNode): Seg[][] {
  if (node.kind === 'TEXT') return [[{ para: node.parent, text: node, start: 0, len: 0 }]];
  const out: Seg[][] = [];
  const visit = (n: AnyNode) => {
    if (n.kind === 'PARAGRAPH' || n.kind === 'LIST_ITEM') {
      const texts = n.children.filter((c): c is TextNode => c.kind === 'TEXT');
      out.push(
        texts.length
          ? texts.map((t) => ({ para: n, text: t, start: 0, len: 0 }))
          : [{ para: n, text: null, start: 0, len: 0 }],
      );
    } else for (const k of childrenOf(n)) visit(k);
  };
  visit(node);
  let pos = 0;
  out.forEach((g, gi) => {
    if (gi > 0) pos += 1; // the '\n' between paragraphs
    for (const s of g) {
      s.start = pos;
      s.len = s.text ? s.text.runs.reduce((n, r) => n + r.text.length, 0) : 0;
      pos += s.len;
    }
  });
  return out;
}

const ATTR_OF: Record<string, TextAttr> = {
  Bold: 'BOLD',
  Italic: 'ITALIC',
  Underline: 'UNDERLINE',
  Strikethrough: 'STRIKETHROUGH',
  FontSize: 'FONT_SIZE',
  FontFamily: 'FONT_FAMILY',
  ForegroundColor: 'FOREGROUND_COLOR',
  BackgroundColor: 'BACKGROUND_COLOR',
  LinkUrl: 'LINK_URL',
};

function checkValue(attr: TextAttr, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if ((attr === 'FOREGROUND_COLOR' || attr === 'BACKGROUND_COLOR') && !/^#[0-9a-fA-F]{6}$/.test(String(v))) {
    throw gasError(`Invalid argument: ${String(v)}`);
  }
  if (attr === 'FONT_SIZE') return Number(v);
  if (attr === 'BOLD' || attr === 'ITALIC' || attr === 'UNDERLINE' || attr === 'STRIKETHROUGH')
    return Boolean(v);
  return String(v);
}

/** Text-attribute part of a DocumentApp.Attribute map. */
export function textAttrsFrom(attributes: Record<string, unknown>): Partial<Record<TextAttr, unknown>> {
  const out: Partial<Record<TextAttr, unknown>> = {};
  for (const k of TEXT_ATTRS) if (k in attributes) out[k] = checkValue(k, attributes[k]);
  return out;
}

export class TextImpl extends ElementBase {
  protected override get cls(): string {
    return 'Text';
  }

  private segs(): Seg[] {
    return groupsOf(this.node).flat();
  }

  private length(): number {
    const s = this.segs();
    const last = s[s.length - 1];
    return last ? last.start + last.len : 0;
  }

  private range(start: unknown, endInclusive: unknown): [number, number] {
    const len = this.length();
    const s = Number(start);
    const e = Number(endInclusive);
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e >= len) {
      throw gasError('Invalid argument: offset');
    }
    return [s, e + 1];
  }

  /** Applies `fn(textNode, localStart, localEnd)` to every segment overlapping [s, e). */
  private each(s: number, e: number, fn: (t: TextNode, a: number, b: number) => void): void {
    for (const seg of this.segs()) {
      if (!seg.text) continue;
      const a = Math.max(s, seg.start);
      const b = Math.min(e, seg.start + seg.len);
      if (a < b) fn(seg.text, a - seg.start, b - seg.start);
    }
  }

  private format(method: string, args: unknown[]): any {
    this.call(method);
    this.mut();
    const attr = ATTR_OF[method.slice(3)]!;
    if (args.length >= 3) {
      const [s, e] = this.range(args[0], args[1]);
      const v = checkValue(attr, args[2]);
      this.each(s, e, (t, a, b) => formatRange(t, a, b, { [attr]: v }));
    } else {
      const v = checkValue(attr, args[0]);
      this.each(0, this.length(), (t, a, b) => formatRange(t, a, b, { [attr]: v }));
    }
    return this.self();
  }

  private attrAt(offset: unknown): RunAttrs | null {
    if (offset === undefined || offset === null) return null;
    const o = Number(offset);
    for (const seg of this.segs()) {
      if (seg.text && o >= seg.start && o < seg.start + seg.len) return attrsAt(seg.text, o - seg.start);
    }
    throw gasError('Invalid argument: offset');
  }

  /** With an offset: the value at that character; without: the common value, or null when mixed. */
  private read(method: string, attr: TextAttr, offset: unknown): any {
    this.call(method);
    const at = this.attrAt(offset);
    if (at) return at[attr] ?? null;
    const vals = new Set<unknown>();
    for (const seg of this.segs()) for (const r of seg.text?.runs ?? []) vals.add(r.attrs[attr] ?? null);
    return vals.size === 1 ? [...vals][0] : null;
  }

  setBold = (...a: unknown[]) => this.format('setBold', a);
  setItalic = (...a: unknown[]) => this.format('setItalic', a);
  setUnderline = (...a: unknown[]) => this.format('setUnderline', a);
  setStrikethrough = (...a: unknown[]) => this.format('setStrikethrough', a);
  setFontSize = (...a: unknown[]) => this.format('setFontSize', a);
  setFontFamily = (...a: unknown[]) => this.format('setFontFamily', a);
  setForegroundColor = (...a: unknown[]) => this.format('setForegroundColor', a);
  setBackgroundColor = (...a: unknown[]) => this.format('setBackgroundColor', a);
  setLinkUrl = (...a: unknown[]) => this.format('setLinkUrl', a);
  isBold = (o?: number) => this.read('isBold', 'BOLD', o);
  isItalic = (o?: number) => this.read('isItalic', 'ITALIC', o);
  isUnderline = (o?: number) => this.read('isUnderline', 'UNDERLINE', o);
  isStrikethrough = (o?: number) => this.read('isStrikethrough', 'STRIKETHROUGH', o);
  getFontSize = (o?: number) => this.read('getFontSize', 'FONT_SIZE', o);
  getFontFamily = (o?: number) => this.read('getFontFamily', 'FONT_FAMILY', o);
  getForegroundColor = (o?: number) => this.read('getForegroundColor', 'FOREGROUND_COLOR', o);
  getBackgroundColor = (o?: number) => this.read('getBackgroundColor', 'BACKGROUND_COLOR', o);
  getLinkUrl = (o?: number) => this.read('getLinkUrl', 'LINK_URL', o);

  getText(): string {
    this.call('getText');
    return groupsOf(this.node)
      .map((g) => g.map((s) => s.text?.runs.map((r) => r.text).join('') ?? '').join(''))
      .join('\n');
  }

  getAttributes(offset?: number): any {
    this.call('getAttributes');
    const at = this.attrAt(offset) ?? this.attrAt(this.length() > 0 ? 0 : undefined) ?? {};
    const out: Record<string, unknown> = {};
    for (const k of TEXT_ATTRS) out[k] = at[k] ?? null;
    return out;
  }

  setAttributes(...args: unknown[]): any {
    this.call('setAttributes');
    this.mut();
    if (args.length >= 3) {
      const [s, e] = this.range(args[0], args[1]);
      const attrs = textAttrsFrom((args[2] ?? {}) as Record<string, unknown>);
      this.each(s, e, (t, a, b) => formatRange(t, a, b, attrs));
    } else {
      const attrs = textAttrsFrom((args[0] ?? {}) as Record<string, unknown>);
      this.each(0, this.length(), (t, a, b) => formatRange(t, a, b, attrs));
    }
    return this.self();
  }

  /** Offsets where the formatting changes, starting with 0. */
  getTextAttributeIndices(): number[] {
    this.call('getTextAttributeIndices');
    const out: number[] = [];
    for (const seg of this.segs()) {
      let pos = seg.start;
      for (const r of seg.text?.runs ?? []) {
        if (!out.includes(pos)) out.push(pos);
        pos += r.text.length;
      }
    }
    return out.length ? out : [0];
  }

  /** The text node to write into at `offset` (created in an empty paragraph when needed). */
  private writable(offset: number): { t: TextNode; local: number } {
    const segs = this.segs();
    for (const seg of segs) {
      if (offset >= seg.start && offset <= seg.start + seg.len) {
        if (seg.text) return { t: seg.text, local: offset - seg.start };
        const t = newText('');
        t.parent = seg.para;
        seg.para!.children.push(t);
        return { t, local: 0 };
      }
    }
    throw gasError('Invalid argument: offset');
  }

  insertText(offset: number, text: string): any {
    this.call('insertText');
    this.mut();
    const o = Number(offset);
    if (!Number.isInteger(o) || o < 0 || o > this.length()) throw gasError('Invalid argument: offset');
    const w = this.writable(o);
    insertIntoText(w.t, w.local, String(text));
    return this.self();
  }

  appendText(text: string): any {
    this.call('appendText');
    this.mut();
    const w = this.writable(this.length());
    insertIntoText(w.t, w.local, String(text));
    return this.self();
  }

  deleteText(startOffset: number, endOffsetInclusive: number): any {
    this.call('deleteText');
    this.mut();
    const [s, e] = this.range(startOffset, endOffsetInclusive);
    this.each(s, e, (t, a, b) => deleteFromText(t, a, b));
    return this.self();
  }

  setText(text: string): any {
    this.call('setText');
    this.mut();
    const len = this.length();
    const first = this.attrAt(len > 0 ? 0 : undefined) ?? {};
    this.each(0, len, (t, a, b) => deleteFromText(t, a, b));
    const w = this.writable(0);
    insertIntoText(w.t, 0, String(text), first);
    return this.self();
  }

  /** RE2 pattern, matched separately inside each paragraph; the match's formatting is kept. */
  replaceText(searchPattern: string, replacement: string): any {
    this.call('replaceText');
    this.mut();
    replaceInNode(this.node, searchPattern, replacement);
    return this.self();
  }

  override getType(): any {
    this.call('getType');
    return 'TEXT';
  }
}

/** Shared by every element's replaceText (BODY#replaceText). Returns the number of replacements. */
export function replaceInNode(node: AnyNode, searchPattern: string, replacement: string): number {
  const re = re2(searchPattern);
  let count = 0;
  for (const group of groupsOf(node).reverse()) {
    const texts = group.filter((s) => s.text);
    if (!texts.length) continue;
    const base = group[0]!.start;
    const full = group.map((s) => s.text?.runs.map((r) => r.text).join('') ?? '').join('');
    const matches = [...full.matchAll(re)].filter((m) => m[0] !== '');
    for (const m of matches.reverse()) {
      const s = base + m.index!;
      const e = s + m[0].length;
      const rep = m[0].replace(new RegExp(re.source), String(replacement));
      const seg = texts.find((x) => s >= x.start && s < x.start + x.len)!;
      const keep = attrsAt(seg.text!, s - seg.start);
      for (const x of texts) {
        const a = Math.max(s, x.start);
        const b = Math.min(e, x.start + x.len);
        if (a < b) deleteFromText(x.text!, a - x.start, b - x.start);
      }
      insertIntoText(seg.text!, s - seg.start, rep, keep);
      count++;
    }
  }
  return count;
}

registerKind(['TEXT'], TextImpl);

/** The editAsText() view of an element. */
export function textView(ctx: DocCtx, node: AnyNode): GoogleAppsScript.Document.Text {
  return handleOf(new TextImpl(ctx, node), 'Text');
}
