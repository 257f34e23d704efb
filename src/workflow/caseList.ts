/**
 * The register's `Casussen` tab as a view of the hidden system table `_casussen` (records.ts
 * CASES): written when a case row changed, once per action — at the end of the locked action
 * (lock.ts), or at the end of the dispatcher's run over all cases — and only when its content
 * differs from what was last written (a fingerprint in the register's `_tabbladen`).
 */

import { QUESTIONS_SHEET } from '../model/questionsSheet';
import { PARTNERS_SHEET, parseSettingsRows, SETTINGS_SHEET } from '../model/schemas';
import { buildCaseList, CASE_LIST_TAB, type CaseListEntry } from '../render/caseList';
import { tableHash } from '../render/tableHash';
import { tabSnapshot, writeTables } from '../workspace/sheetBatch';
import { type Book, spreadsheetId } from '../workspace/spreadsheets';
import { forgetTable, readTable, replaceTable, replaceTableRequest, updateRow } from '../workspace/tables';
import { tabValues, turnIntoSystemTab } from '../workspace/tabs';
import type { Register } from './context';
import { CASES, type CaseListRow, TABS } from './records';

const OLD_CASE_TAB = 'Casussen';

/** What writing the list needs of a register: its spreadsheet and how steps are named. */
export interface CaseListRegister {
  ss: Register['ss'];
  settings: Pick<Register['settings'], 'naming'>;
}

/**
 * Label and Wijk are the coordinator's own words and the two cells of the view she may change:
 * an edit there is taken over into `_casussen` when the list is read (one read of the view).
 * Returns the rows as they are now. `read`: the view's values when they were read already
 * (with the register's settings, context.ts openRegister).
 */
export function adoptViewEdits(ss: Book, rows: CaseListRow[], read?: unknown[][] | null): CaseListRow[] {
  if (rows.length === 0) return rows;
  const view = read === undefined ? tabValues(ss, CASE_LIST_TAB) : read;
  const [head, ...lines] = view ?? [];
  if (!head) return rows;
  const header = head.map((h) => String(h));
  const code = header.indexOf('Casuscode');
  const label = header.indexOf('Label');
  const wijk = header.indexOf('Wijk');
  if (code < 0 || label < 0 || wijk < 0) return rows;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  let changed = false;
  for (const line of lines) {
    const index = rows.findIndex((r) => r.Casuscode === text(line[code]));
    const row = rows[index];
    if (!row) continue;
    const edit = { Label: text(line[label]), Wijk: text(line[wijk]) };
    if (edit.Label === row.Label && edit.Wijk === row.Wijk) continue;
    const next = { ...row, ...edit };
    updateRow(ss, CASES, index, next);
    rows[index] = next;
    changed = true;
  }
  return changed ? readTable(ss, CASES) : rows;
}

/** The step names the settings choose; the 2023 names while the settings cannot be read yet. */
export function caseListNaming(ss: Book): Register['settings']['naming'] {
  const rows = tabValues(ss, SETTINGS_SHEET);
  const r = rows ? parseSettingsRows(rows) : null;
  return r?.ok ? r.value.naming : '2023';
}

/** Registers whose case list changed in this execution, by spreadsheet id. */
const pending = new Map<string, CaseListRegister>();
let depth = 0;

/** A row of `_casussen` as the view shows it. */
export function caseListEntry(r: CaseListRow): CaseListEntry {
  return {
    code: r.Casuscode,
    label: r.Label,
    wijk: r.Wijk,
    status: r.Status,
    step: r.Stap,
    round: r.Ronde,
    openedOn: r.Geopend,
    updatedAt: r.Bijgewerkt,
    late: r['Te laat'],
    nextAction: r['Volgende actie'],
    spreadsheetId: r.Casusspreadsheet,
    overviewId: r['Integraal beeld'],
    namesId: r.Namenlijst,
    folderId: r.Map,
  };
}

/**
 * Writes the Casussen tab when its content changed since it was last written (or always, with
 * `force`). Returns whether it wrote.
 */
export function writeCaseList(reg: CaseListRegister, opts: { force?: boolean } = {}): boolean {
  const table = buildCaseList(readTable(reg.ss, CASES).map(caseListEntry), {
    naming: reg.settings.naming,
    timeZone: 'Europe/Amsterdam',
  });
  const hash = tableHash(table);
  const tabs = readTable(reg.ss, TABS);
  const before = tabs.find((t) => t.name === CASE_LIST_TAB)?.hash;
  // One spreadsheets.get: also brings back a Casussen tab the coordinator deleted.
  const snapshot = tabSnapshot(reg.ss);
  if (!opts.force && before === hash && snapshot.names.has(CASE_LIST_TAB)) return false;
  // A new tab goes right after the settings tabs (Instellingen, Partners, Vragen).
  const names = [...snapshot.names];
  const after = Math.max(...[SETTINGS_SHEET, PARTNERS_SHEET, QUESTIONS_SHEET].map((n) => names.indexOf(n)));
  const prints = [...tabs.filter((t) => t.name !== CASE_LIST_TAB), { name: CASE_LIST_TAB, hash }];
  // The fingerprints go in the same batch as the view where it can (workspace/tables.ts).
  const also = replaceTableRequest(reg.ss, TABS, prints, snapshot.states?.get(TABS.name));
  writeTables(
    reg.ss,
    [{ table, position: after >= 0 ? after + 1 : names.length }],
    snapshot,
    also ? [also.request] : [],
  );
  if (also) also.applied();
  else replaceTable(reg.ss, TABS, prints);
  return true;
}

/** The register's case list changed: written now, or at the end of the running action. */
export function caseListChanged(reg: CaseListRegister): void {
  if (depth === 0) {
    writeCaseList(reg);
    return;
  }
  pending.set(spreadsheetId(reg.ss), reg);
}

/** Whether a case list waits to be written. */
export function caseListsPending(): boolean {
  return pending.size > 0;
}

/** The register tables writing the list reads (to read them in one batch with others). */
export const CASE_LIST_TABLES = [CASES, TABS];

/** Writes every case list that changed (each once). */
export function flushCaseLists(): void {
  const todo = [...pending.values()];
  pending.clear();
  for (const reg of todo) writeCaseList(reg);
}

/**
 * Runs `fn` collecting case-list changes; the outermost scope writes them when `fn` ends (also
 * when it failed: what it changed in `_casussen` stays changed). Nested scopes (the
 * dispatcher's run around each case's lock) leave the writing to the outer one.
 */
export function withCaseList<T>(fn: () => T): T {
  depth++;
  let value: T;
  try {
    value = fn();
  } catch (e) {
    depth--;
    if (depth === 0) {
      try {
        flushCaseLists();
      } catch {
        // The action's own error is the one to report; the list follows at the next change.
      }
    }
    throw e;
  }
  depth--;
  if (depth === 0) flushCaseLists();
  return value;
}

/**
 * A register made before the case list became a view has its system data in a visible tab
 * `Casussen`: that tab becomes the hidden `_casussen` (renamed, so nothing is copied and no row
 * can be lost), with the current header; the view is written next to it at the next change.
 * Returns whether it moved anything.
 */
export function migrateCaseList(ss: Book): boolean {
  if (!turnIntoSystemTab(ss, OLD_CASE_TAB, CASES.name, CASES.columns, 'Casusspreadsheet')) return false;
  forgetTable(ss, CASES);
  return true;
}
