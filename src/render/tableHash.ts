/**
 * A fingerprint of a view tab: everything the sheet writer puts in the tab (values, formats,
 * widths, notes, freeze, colour, visibility) and its position. Two 32-bit FNV-1a hashes over
 * the JSON text, so a tab whose fingerprint is unchanged need not be written again.
 */
import type { SheetTable } from './sheetTable';

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function tableHash(table: SheetTable, position: number): string {
  const text = JSON.stringify([position, table]);
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x01000193 ^ text.length)
    .toString(16)
    .padStart(8, '0');
  return `${a}${b}`;
}
