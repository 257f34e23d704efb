/**
 * The response spreadsheet of a case: every form of the case also sends its responses to a tab of
 * one spreadsheet in the case folder (workspace/forms.ts linkForm), so that ONE
 * `Sheets.Spreadsheets.get` shows, per form, whether anything arrived or changed since the last
 * run. It is only a change detector: the answers themselves are read from the form, whose own
 * store stays the source of truth.
 *
 * A tab is tied to its form by `Sheet.getFormUrl()` ("the URL for the form that sends its
 * responses to this sheet", reference/spreadsheet/sheet#getformurl), never by its title: Sheets
 * names a response tab in the account's language ("Form Responses 1", "Formulierreacties 1").
 */
import { textHash } from '../render/tableHash';
import { createSpreadsheetIn } from './files';
import { sheetsApi } from './tabs';

/** Whether the route is available: the Sheets advanced service is on in this project. */
export function responseBooksOn(): boolean {
  return sheetsApi() !== null;
}

/** A new, empty response spreadsheet in the case folder; only the case code in its name. */
export function createResponseBook(caseCode: string, folderId: string): string {
  return createSpreadsheetIn(`${caseCode} antwoorden (niet bewerken)`, folderId);
}

/**
 * Every tab of the response spreadsheet with a fingerprint of its cells, in one
 * `Sheets.Spreadsheets.get` whose field mask asks for the cells' shown values
 * (sheets/api/reference/rest/v4/spreadsheets/get: "By default, data within grids is not
 * returned"; a field mask that lists it returns it). The fingerprint is the number of rows and a
 * hash of every value: a new response adds a row, an edited one rewrites its row, so both change
 * it. Null when the spreadsheet cannot be read (gone, no access, a passing error).
 */
export function responseTabPrints(bookId: string): Map<number, string> | null {
  const api = sheetsApi();
  if (!api) return null;
  let got: GoogleAppsScript.Sheets.Schema.Spreadsheet;
  try {
    got = api.get(bookId, { fields: 'sheets(properties(sheetId),data(rowData(values(formattedValue))))' });
  } catch {
    return null;
  }
  const prints = new Map<number, string>();
  for (const sheet of got.sheets ?? []) {
    const id = sheet.properties?.sheetId;
    if (typeof id !== 'number') continue;
    const rows = (sheet.data ?? []).flatMap((d) =>
      (d.rowData ?? []).map((r) => (r.values ?? []).map((c) => c.formattedValue ?? '')),
    );
    prints.set(id, `${rows.length}:${textHash(JSON.stringify(rows))}`);
  }
  return prints;
}

/** The form id in a URL `Sheet.getFormUrl()` gives (`…/forms/d/<id>/…`), or null. */
export function formIdInUrl(url: string | null): string | null {
  const m = /\/forms\/d\/([A-Za-z0-9_-]+)(?:\/|$|\?)/.exec(url ?? '');
  return m && m[1] !== 'e' ? m[1]! : null;
}

/**
 * Which form sends its responses to each of the given tabs (`Spreadsheet.getSheetById`,
 * `Sheet.getFormUrl`): the form id, or null for a tab no form writes to (any more).
 */
export function formsOfTabs(bookId: string, sheetIds: readonly number[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (sheetIds.length === 0) return out;
  const book = SpreadsheetApp.openById(bookId);
  for (const id of sheetIds) {
    const sheet = book.getSheetById(id);
    out.set(id, sheet ? formIdInUrl(sheet.getFormUrl()) : null);
  }
  return out;
}
