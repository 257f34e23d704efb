/**
 * Two rules about text that every writer of the product shares, each written once:
 *
 * - which characters a file format built on XML cannot hold, and what we write instead;
 * - which text a spreadsheet program could read as a formula.
 *
 * Pure: used by the Sheets writers (workspace/), the document builder (render/docx) and the
 * local exporters (local/export).
 */

/** What a character XML cannot hold becomes: U+FFFD REPLACEMENT CHARACTER, visible as `�`. */
export const REPLACEMENT = '\uFFFD';

/**
 * Characters outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets): C0
 * controls except tab, line feed and carriage return; U+FFFE and U+FFFF; and a surrogate that is
 * not half of a pair (a lone surrogate is no character at all, so it cannot be encoded in UTF-8).
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every character XML cannot hold replaced by U+FFFD, visibly and one for one, so
 * a reader sees that something was there. Everything else (tab, CR, LF, emoji, bidi and
 * zero-width characters, combining marks) is kept.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, REPLACEMENT);
}

/** Whether `text` holds a character that {@link xmlSafe} would replace. */
export function hasNonXml(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return found;
}

/**
 * Line ends in a document: CR LF, CR, LF and Unicode's other newline functions NEL (U+0085), LINE
 * SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) (The Unicode Standard §5.8, "Newline
 * Guidelines"). Every document writer (docx, html) shows each as one line break; a spreadsheet
 * cell keeps them as they are.
 */
export const LINE_END = /\r\n|[\r\n\u0085\u2028\u2029]/;

/** The lines of a text, split at every {@link LINE_END}. */
export function linesOf(text: string): string[] {
  return text.split(new RegExp(LINE_END.source, 'g'));
}

/** First characters with which Sheets and Excel start a formula, also in their full-width forms. */
const RISKY_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * True when a spreadsheet program could read the text as a formula (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection): the first character, or the first
 * one after leading whitespace (Excel trims), is one of `= + - @`, a tab, carriage return, line
 * feed or NUL, or a full-width `＝ ＋ － ＠`.
 */
export function looksLikeFormula(text: string): boolean {
  if (text === '') return false;
  return RISKY_START.test(text) || RISKY_START.test(text.trimStart());
}
