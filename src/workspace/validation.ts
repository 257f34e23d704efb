/**
 * Drop-down lists on a tab the coordinator edits: one `requireValueInList` rule per column, over
 * every row below the header (reference/spreadsheet/data-validation-builder#requirevalueinlistvalues,-showdropdown;
 * #setallowinvalidallowinvaliddata: false refuses other input, true shows a warning; #sethelptexthelptext).
 * A script's own writes are not checked by the rule; it applies to what a person types.
 */
import { type ListRule, placeRules } from '../model/dropdowns';
import type { Book } from './spreadsheets';

export function setListValidations(
  sh: GoogleAppsScript.Spreadsheet.Sheet,
  headerRows: number,
  placed: readonly { column: number; rule: ListRule }[],
): void {
  const rows = sh.getMaxRows() - headerRows;
  if (rows <= 0) return;
  for (const { column, rule } of placed) {
    const dv = SpreadsheetApp.newDataValidation()
      .requireValueInList(rule.values, true)
      .setAllowInvalid(!rule.strict)
      .setHelpText(rule.help)
      .build();
    sh.getRange(headerRows + 1, column + 1, rows, 1).setDataValidation(dv);
  }
}

/** The first row of a tab (its header), as far as the grid goes. */
export function headerRow(sh: GoogleAppsScript.Spreadsheet.Sheet, row = 1): unknown[] {
  return sh.getRange(row, 1, 1, sh.getMaxColumns()).getValues()[0] ?? [];
}

/** The lists on the named tab, each on the column whose header (row `headerRows`) names it. */
export function setListValidationsByHeader(
  ss: Book,
  name: string,
  headerRows: number,
  rules: readonly ListRule[],
): void {
  const sh = ss.getSheetByName(name);
  if (sh) setListValidations(sh, headerRows, placeRules(headerRow(sh, headerRows), rules));
}

/**
 * A date picker on whole columns below the header: `requireDate` accepts only a valid date
 * (reference/spreadsheet/data-validation-builder#requiredate; double-clicking such a cell opens a
 * calendar), other input is refused when `strict` (#setallowinvalidallowinvaliddata).
 */
export function setDateValidations(
  sh: GoogleAppsScript.Spreadsheet.Sheet,
  headerRows: number,
  columns: readonly number[],
  help: string,
): void {
  const rows = sh.getMaxRows() - headerRows;
  if (rows <= 0 || columns.length === 0) return;
  const dv = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
  for (const c of columns) sh.getRange(headerRows + 1, c + 1, rows, 1).setDataValidation(dv);
}

/** Date pickers on the named tab, each on the column whose header (row `headerRows`) is listed. */
export function setDateValidationsByHeader(
  ss: Book,
  name: string,
  headerRows: number,
  headers: readonly string[],
  help: string,
): void {
  const sh = ss.getSheetByName(name);
  if (!sh) return;
  const row = headerRow(sh, headerRows).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const cols = headers.map((h) => row.indexOf(h.toLowerCase())).filter((c) => c >= 0);
  setDateValidations(sh, headerRows, cols, help);
}
