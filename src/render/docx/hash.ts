/**
 * A fingerprint of a document tree: when it is equal to the one stored on the Google Doc, the
 * document is not rebuilt. Two independent 32-bit FNV-1a lanes over a canonical JSON form
 * (object keys sorted), plus the writer version, so a change in how documents are written
 * also counts as a change. Not a security hash: it only has to notice edits.
 */
import type { ChartSpec, DocTree } from '../docTree';

/** Raise when the docx or chart output changes for the same tree. */
export const WRITER_VERSION = 1;

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** FNV-1a over the UTF-16 code units of the text (no encoding step needed for a fingerprint). */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function fingerprint(text: string): string {
  const a = fnv(text, 0x811c9dc5);
  const b = fnv(text, 0x050c5d1f);
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

export function treeHash(tree: DocTree): string {
  return fingerprint(`v${WRITER_VERSION}:${canonical(tree)}`);
}

/**
 * A fingerprint of what a chart's image is drawn from (kind, title, categories, series, axis
 * range): equal specs give the same PNG, so one rendering serves every document that shows the
 * chart. The alt text is not drawn and does not count.
 */
export function chartHash(spec: ChartSpec): string {
  const { alt: _alt, ...drawn } = spec;
  return fingerprint(`chart:${canonical(drawn)}`);
}
