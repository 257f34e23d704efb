/**
 * Shared reading of a document snapshot for the .docx and .html exporters: runs of a
 * paragraph, list glyphs and nesting.
 */
import type { DocCell, DocElement, DocRun } from './snapshots';

const ORDERED_GLYPHS = new Set(['NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);

/** True for numbered list glyphs (`NUMBER`, `LATIN_*`, `ROMAN_*`); bullets otherwise. */
export function isOrderedGlyph(glyph: string | undefined): boolean {
  return ORDERED_GLYPHS.has(String(glyph ?? '').toUpperCase());
}

/** HTML `<ol type>` for a numbered glyph. */
export function olType(glyph: string | undefined): '1' | 'a' | 'A' | 'i' | 'I' {
  switch (String(glyph ?? '').toUpperCase()) {
    case 'LATIN_UPPER':
      return 'A';
    case 'LATIN_LOWER':
      return 'a';
    case 'ROMAN_UPPER':
      return 'I';
    case 'ROMAN_LOWER':
      return 'i';
    default:
      return '1';
  }
}

/** Nesting level clamped to what Word supports (0..8). */
export function nestingOf(el: DocElement): number {
  const n = Math.trunc(Number(el.nesting ?? 0));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), 8) : 0;
}

/** The runs of an element or cell; plain text becomes one unformatted run. */
export function runsOf(el: DocElement | DocCell): DocRun[] {
  if (el.runs && el.runs.length > 0) return el.runs;
  return [{ text: el.text ?? '' }];
}

/** Plain text of an element or cell (from its runs when the text field is absent). */
export function textOf(el: DocElement | DocCell): string {
  if (typeof el.text === 'string') return el.text;
  return (el.runs ?? []).map((r) => r.text).join('');
}

export type Block = { kind: 'element'; element: DocElement } | { kind: 'list'; items: DocElement[] };

/**
 * Groups consecutive list items into lists (a new list starts when the list id changes),
 * leaving every other element on its own.
 */
export function blocksOf(body: DocElement[]): Block[] {
  const blocks: Block[] = [];
  for (const el of body) {
    const last = blocks[blocks.length - 1];
    if (el.type === 'LIST_ITEM') {
      const prev = last?.kind === 'list' ? last.items[last.items.length - 1] : undefined;
      if (last?.kind === 'list' && (prev?.listId ?? null) === (el.listId ?? null)) last.items.push(el);
      else blocks.push({ kind: 'list', items: [el] });
    } else {
      blocks.push({ kind: 'element', element: el });
    }
  }
  return blocks;
}
