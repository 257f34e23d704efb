/**
 * The name guard: no name from the namenlijst reaches anyone outside it.
 *
 * - Text the coordinator types that others will read (the plan, the advice, a decision's
 *   motivation) is refused when it holds a name, naming the cell or field and never the name.
 * - Text partners typed (answers) stays as given in the ledger of the case spreadsheet (the
 *   restricted store); everything built from it for other readers (documents, view tabs) shows
 *   the person's code instead of the name, and the Logboek notes where, without the name.
 *
 * Names are compared as model/names.ts says (NFC, case-insensitive, hidden characters ignored,
 * whole words). Inside one locked action the namenlijst is read once per case, in one call
 * (workspace/tables readTableById: without opening the spreadsheet).
 */
import { type NameMatcher, nameMatcher } from '../model/names';
import { actionMemo } from '../workspace/memo';
import { openSpreadsheet } from '../workspace/spreadsheets';
import { readTableById } from '../workspace/tables';
import type { CaseHandle } from './context';
import { NAMES } from './records';

export interface CaseNames {
  matcher: NameMatcher;
  /** Per name given to the matcher: the person's code, or '' when it has none yet. */
  codes: string[];
  /** Whether the case has any name at all. */
  any: boolean;
}

const NONE: CaseNames = { matcher: nameMatcher([]), codes: [], any: false };
/** Inside `withNameCache` (one locked action) the namenlijst is read once; outside, every time. */
const memo = actionMemo<CaseNames>();

export function withNameCache<T>(fn: () => T): T {
  return memo.run(fn);
}

/** The names of the case's namenlijst, as a matcher (nothing when it has no namenlijst). */
export function caseNames(h: CaseHandle): CaseNames {
  const id = h.row.namesId;
  if (!id) return NONE;
  return memo.get(id, () => {
    const rows = readTableById(id, NAMES, openSpreadsheet).filter((r) => r.Naam.trim() !== '');
    return {
      matcher: nameMatcher(rows.map((r) => r.Naam)),
      codes: rows.map((r) => r.Code.trim()),
      any: rows.length > 0,
    };
  });
}

/** Forget what was read (the namenlijst changed in this action). */
export function forgetCaseNames(): void {
  memo.clear();
}

/** What replaces a name in shared text: the person's code, or a neutral word before it has one. */
export function replaceNames(names: CaseNames, text: string): { text: string; count: number } {
  if (!names.any || text === '') return { text, count: 0 };
  return names.matcher.replace(text, (i) => names.codes[i] || '[persoon]');
}
