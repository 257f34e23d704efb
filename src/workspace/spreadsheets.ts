/**
 * Opening spreadsheets. `workflow/` holds a `Book` only to hand it back to `workspace/`
 * functions; it never calls a member on it.
 */

/** A spreadsheet handle, passed between workspace functions. */
export type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function openSpreadsheet(id: string): Book {
  return SpreadsheetApp.openById(id);
}

/** The spreadsheet the script is bound to, or null in a trigger or a standalone run. */
export function activeSpreadsheet(): Book | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function spreadsheetId(ss: Book): string {
  return ss.getId();
}

/**
 * Applies pending spreadsheet writes now (reference/spreadsheet/spreadsheet-app#flush): used
 * before a mail leaves and before the script lock is released.
 */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
