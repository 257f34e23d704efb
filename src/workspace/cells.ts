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

/** Headers and labels we write ourselves: plain, but never something Sheets would evaluate. */
export function label(value: string): string {
  if (/^[=+\-@\t\r\n]/.test(value))
    throw new Error(`Interne fout: label begint met een formuleteken: ${value}`);
  return value;
}
