/** XML text for the OOXML parts: escaped, and without characters XML 1.0 cannot hold. */

/** C0 controls except tab and newline, U+FFFE/U+FFFF and lone surrogates (XML 1.0 §2.2 Char). */
const INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove control characters
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
