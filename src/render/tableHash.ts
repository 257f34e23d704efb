/**
 * A fingerprint of a view tab: everything the sheet writer puts in the tab (values, formats,
 * widths, notes, freeze, colour, visibility). Two 32-bit FNV-1a hashes over the JSON text, so a
 * tab whose fingerprint is unchanged need not be written again.
 *
 * Not its position: the writer places a tab only when it creates it, and a tab inserted before
 * an existing one moves that one along by itself (Spreadsheet.insertSheet(sheetName, sheetIndex),
 * developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname,-sheetindex).
 * With the position in the fingerprint, a new step tab made every tab after it look changed.
 */
import type { SheetTable } from './sheetTable';

export function tableHash(table: SheetTable): string {
  return textHash(JSON.stringify(table));
}

/** Two 32-bit FNV-1a hashes of a text, as 16 hex digits. */
export function textHash(text: string): string {
  // Two 32-bit FNV-1a lanes in one pass over the text (the text of a large tab is long).
  let a = 0x811c9dc5;
  let b = (0x01000193 ^ text.length) >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
