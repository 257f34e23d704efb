/**
 * A fingerprint of a document tree: when it is equal to the one stored on the Google Doc, the
 * document is not rebuilt. Two independent 32-bit FNV-1a lanes over a canonical JSON form
 * (object keys sorted), plus the writer version, so a change in how documents are written
 * also counts as a change. Not a security hash: it only has to notice edits.
 */
import type { ChartSpec, DocTree } from '../docTree';

/** Raise when the docx or chart output changes for the same tree. */
export const WRITER_VERSION = 1;

/** Canonical JSON of `v` appended to `out` (one list of parts, joined once). */
function canonical(v: unknown, out: string[]): void {
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      // A hole in a sparse array stays empty, as Array.prototype.map and join leave it.
      if (i in v) canonical(v[i], out);
    }
    out.push(']');
    return;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    out.push('{');
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(keys[i]), ':');
      canonical(o[keys[i]!], out);
    }
    out.push('}');
    return;
  }
  out.push(JSON.stringify(v) ?? 'null');
}

/** Two FNV-1a lanes (different seeds) over the UTF-16 code units of the text, in one pass. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Canonical JSON text of `v` (object keys sorted, undefined members left out). */
function canonicalText(v: unknown): string {
  const parts: string[] = [];
  canonical(v, parts);
  return parts.join('');
}

export function treeHash(tree: DocTree): string {
  return fingerprint(`v${WRITER_VERSION}:${canonicalText(tree)}`);
}

/**
 * A fingerprint of what a chart's image is drawn from (kind, title, categories, series, axis
 * range): equal specs give the same PNG, so one rendering serves every document that shows the
 * chart. The alt text is not drawn and does not count.
 */
export function chartHash(spec: ChartSpec): string {
  const { alt: _alt, ...drawn } = spec;
  return fingerprint(`chart:${canonicalText(drawn)}`);
}
