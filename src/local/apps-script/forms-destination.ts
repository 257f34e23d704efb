/**
 * The response-sheet link of an emulated form (reference/forms/form#setDestination(DestinationType,String)). Linking goes through the
 * Sheets emulator (`linkFormResponseSheet`), which adds a NEW tab each time; the live link
 * (row writer) is kept per runtime, the form model only records id and tab name.
 */

import { type FormModel, formModelOf, type ResponseModel, sheetHeaders, sheetRow } from './forms-model';
import { gasError, perRuntime, type Runtime } from './runtime';
import { linkFormResponseSheet, unlinkFormResponseSheet } from './spreadsheet';

type Link = ReturnType<typeof linkFormResponseSheet>;

interface LiveLink {
  spreadsheetId: string;
  link: Link;
  /**
   * Response id → where its row is: the row number when the Sheets emulator reports one from
   * appendResponseRow, else the 0-based position among the rows this link wrote.
   */
  rows: Map<string, number>;
}

const linksOf = perRuntime((): Map<string, LiveLink> => new Map());

/** What `Sheet.getFormUrl()` reports for a linked tab; `FormApp.openByUrl` accepts it. */
export function formUrlForSheet(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/viewform`;
}

export const NO_DESTINATION = 'The form currently has no response destination.';

export function requireDestination(form: FormModel): NonNullable<FormModel['destination']> {
  if (!form.destination) throw gasError(NO_DESTINATION);
  return form.destination;
}

function chronological(form: FormModel): ResponseModel[] {
  return [...form.responses].sort((a, b) => a.createdAt - b.createdAt);
}

/** Links the form to a spreadsheet: a new tab with headers and every stored response. */
export function linkDestination(rt: Runtime, formId: string, spreadsheetId: string): void {
  const form = formModelOf(rt, formId);
  unlinkDestination(rt, formId);
  const link = linkFormResponseSheet(rt, spreadsheetId, formUrlForSheet(formId), sheetHeaders(form));
  const live: LiveLink = { spreadsheetId, link, rows: new Map() };
  for (const r of chronological(form)) append(live, r.id, sheetRow(form, r));
  linksOf(rt).set(formId, live);
  form.destination = { type: 'SPREADSHEET', id: spreadsheetId, sheetName: link.sheetName };
}

/** Unlinks; the tab keeps its rows. No-op without a destination (FM#removeDestination). */
export function unlinkDestination(rt: Runtime, formId: string): void {
  const form = formModelOf(rt, formId);
  const live = linksOf(rt).get(formId);
  if (form.destination) {
    try {
      unlinkFormResponseSheet(rt, form.destination.id, formUrlForSheet(formId));
    } catch {
      // The spreadsheet may have been deleted meanwhile; the form forgets the link anyway.
    }
  }
  if (live) linksOf(rt).delete(formId);
  form.destination = null;
}

/** Writes a new response as a new row of the linked tab (if any). */
export function writeResponseRow(rt: Runtime, formId: string, r: ResponseModel): void {
  const form = formModelOf(rt, formId);
  const live = linksOf(rt).get(formId);
  if (!form.destination || !live) return;
  append(live, r.id, sheetRow(form, r));
}

function append(live: LiveLink, responseId: string, values: unknown[]): void {
  const at = live.rows.size;
  const row: unknown = live.link.appendResponseRow(values);
  live.rows.set(responseId, typeof row === 'number' ? row : at);
}

/**
 * An edited response updates its row in place (unconfirmed) when the
 * Sheets emulator offers `updateResponseRow(row, values)` (row as returned by
 * appendResponseRow); otherwise the tab keeps the first version.
 */
export function rewriteResponseRow(rt: Runtime, formId: string, r: ResponseModel): void {
  const form = formModelOf(rt, formId);
  const live = linksOf(rt).get(formId);
  const at = live?.rows.get(r.id);
  if (!form.destination || !live || at === undefined) return;
  const update = (live.link as { updateResponseRow?: (row: number, values: unknown[]) => void })
    .updateResponseRow;
  if (typeof update === 'function') update.call(live.link, at, sheetRow(form, r));
}
