import { looksLikeFormula } from '../render/text';

/**
 * Writing user text into Sheets safely. A value written with setValues is parsed like typed
 * input: `=` starts a formula and number- or date-like text is converted
 * (reference/spreadsheet/range#setValues). A leading apostrophe makes Sheets store the rest
 * as plain text without the apostrophe, so every user-supplied string gets one — not only
 * the risky ones: `0612345678`, `1/2` and `true` must stay exactly what was typed.
 */
export function asText(value: string): string {
  return `'${value}`;
}

/**
 * Sheets refuses more than 50,000 characters in one cell ("Your input contains more than the
 * maximum of 50000 characters in a single cell", the error of reference/spreadsheet/range
 * setValues); keep a margin.
 */
const MAX_CELL_CHARS = 49_000;
const TRUNCATED = ' … [ingekort; de volledige tekst staat in het formulier]';

/**
 * A text as it fits a Sheets cell: whole, or cut (never inside a surrogate pair) with a note that
 * says where the full text is. Used by both ways of writing a view (sheetWriter, sheetBatch); the
 * ledger itself stores long answers in parts and is never cut (model/answers.ts splitParts).
 */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - TRUNCATED.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}${TRUNCATED}`;
}

/** Labels that Sheets would turn into a number, date, time, percentage or boolean. */
const COERCIBLE = /^\s*(?:[-+]?[\d.,\s/:%€$-]*\d[\d.,\s/:%€$-]*|true|false)\s*$/i;

/** Whether a label of ours would be read by Sheets as a formula, number, date or boolean. */
export function unsafeLabel(value: string): boolean {
  return looksLikeFormula(value) || COERCIBLE.test(value);
}

/** Headers and labels we write ourselves: plain, but never something Sheets would evaluate. */
export function label(value: string, where = 'een tabblad'): string {
  if (unsafeLabel(value)) {
    throw new Error(`Interne fout: label in ${where} zou als formule of getal gelezen worden: ${value}`);
  }
  return value;
}

/**
 * A link we set in a cell: only an https address of a Google file or folder (we build them from
 * Drive ids), never something a person typed.
 */
export function safeUrl(url: string, where = 'een tabblad'): string {
  if (!/^https:\/\/(docs|drive)\.google\.com\/[A-Za-z0-9_\-/?=.&]*$/.test(url)) {
    throw new Error(`Interne fout: link in ${where} is geen adres van een Google-bestand.`);
  }
  return url;
}
