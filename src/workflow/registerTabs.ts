/**
 * The register's settings tabs, edited by the coordinator without code: Instellingen (one
 * setting per row), Partners (one partner per row), Vragen (the catalog, where titles, help
 * texts, required and hidden can be changed per gemeente) and the list Casussen.
 * Bad input is refused with Dutch messages that name the cell.
 */

import type { CatalogOverrides } from '../model/catalog';
import { CATALOG } from '../model/catalog';
import { partnerListRules } from '../model/dropdowns';
import { parseQuestionRows, QUESTIONS_SHEET, questionsToRows } from '../model/questionsSheet';
import {
  formatIssues,
  PARTNERS_SHEET,
  PartnerListSchema,
  PLACEHOLDER,
  PLACEHOLDER_EMAIL,
  parsePartnerRows,
  parseSettingsRows,
  partnersToRows,
  SETTINGS_SHEET,
  SettingsSchema,
  settingsToRows,
  unfilledSettings,
} from '../model/schemas';
import { SETTINGS_HEADER } from '../model/settingsSheet';
import type { CaseState, Partner, Settings } from '../model/types';
import { CASE_LIST_TAB } from '../render/caseList';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { ensureTable, prefetchTables, readTable, updateRow, writeEditableTab } from '../workspace/tables';
import { hasTab, removeEmptyTabs, setTextFormatBelowHeader, tabValues as values } from '../workspace/tabs';
import { setListValidationsByHeader } from '../workspace/validation';
import {
  CASE_LIST_TABLES,
  caseListChanged,
  caseListNaming,
  migrateCaseList,
  writeCaseList,
} from './caseList';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { CASES, PURGES, TABS } from './records';

export { PLACEHOLDER, PLACEHOLDER_EMAIL } from '../model/schemas';

export function readSettings(ss: Book, rows = values(ss, SETTINGS_SHEET)): Settings {
  if (!rows) throw new UserError('De tab Instellingen ontbreekt. Kies "Register inrichten" in het menu.');
  const todo = unfilledSettings(rows);
  if (todo.length) throw new UserError(`De instellingen zijn nog niet ingevuld:\n${todo.join('\n')}`);
  const r = parseSettingsRows(rows);
  if (!r.ok) throw new UserError(`De instellingen kloppen niet:\n${r.errors.join('\n')}`);
  return r.value;
}

export function readPartners(ss: Book, rows = values(ss, PARTNERS_SHEET)): Partner[] {
  if (!rows) throw new UserError('De tab Partners ontbreekt. Kies "Register inrichten" in het menu.');
  const r = parsePartnerRows(rows);
  if (!r.ok) throw new UserError(`De partnerlijst klopt niet:\n${r.errors.join('\n')}`);
  if (r.value.filter((p) => p.active).length === 0) {
    throw new UserError('Partners: er staat nog geen actieve partner in de lijst.');
  }
  return r.value;
}

/**
 * The Vragen tab compared with the built-in catalog gives the gemeente's overrides and own
 * questions. Without the tab the catalog holds as it is; a tab with no rows below its header
 * gives overrides that change nothing.
 */
export function readCatalogOverrides(ss: Book, rows = values(ss, QUESTIONS_SHEET)): CatalogOverrides {
  if (!rows) return {};
  const r = parseQuestionRows(rows, CATALOG);
  if (!r.ok) throw new UserError(`De vragenlijst klopt niet:\n${r.errors.join('\n')}`);
  return r.overrides;
}

export interface RegisterInput {
  settings?: unknown;
  partners?: unknown;
}

/**
 * Creates the register tabs that are missing. Given settings or partners (the demo, an
 * import) are validated first and then written; existing tabs are otherwise left alone.
 */
export function setupRegister(ss: Book, input: RegisterInput = {}): void {
  // Every settings tab is plain text below its header before anything is typed into it, so the
  // spreadsheet's locale cannot change what the coordinator types (`1,3` stays the steps 1 and 3
  // in an nl_NL spreadsheet instead of becoming the number 1.3). Tabs that already exist get
  // the format too; values already in them are left as they are.
  const plainText = { plainText: true };
  if (input.settings !== undefined) {
    const s = SettingsSchema.safeParse(input.settings);
    if (!s.success)
      throw new UserError(
        `Instellingen kloppen niet:\n${formatIssues(s.error, { root: 'settings' }).join('\n')}`,
      );
    writeEditableTab(ss, SETTINGS_SHEET, settingsToRows(s.data), 1, plainText);
  } else if (!hasTab(ss, SETTINGS_SHEET)) {
    const template = SettingsSchema.parse({
      gemeente: `${PLACEHOLDER} naam van de gemeente`,
      coordinatorName: `${PLACEHOLDER} naam van de procesregisseur`,
      coordinatorEmail: PLACEHOLDER_EMAIL,
      retentionMonths: 12,
    });
    writeEditableTab(ss, SETTINGS_SHEET, settingsToRows(template), 1, plainText);
  } else setTextFormatBelowHeader(ss, SETTINGS_SHEET, 1, SETTINGS_HEADER.length);
  if (input.partners !== undefined) {
    const p = PartnerListSchema.safeParse(input.partners);
    if (!p.success)
      throw new UserError(
        `Partners kloppen niet:\n${formatIssues(p.error, { root: 'partners' }).join('\n')}`,
      );
    writeEditableTab(ss, PARTNERS_SHEET, partnersToRows(p.data), 1, plainText);
  } else if (!hasTab(ss, PARTNERS_SHEET)) {
    writeEditableTab(ss, PARTNERS_SHEET, partnersToRows([]), 1, plainText);
  } else setTextFormatBelowHeader(ss, PARTNERS_SHEET, 1, partnersToRows([])[0]!.length);
  partnerDropdowns(ss);
  // A scale like 1-5 or an id like 2A.x in Vragen stays text as well.
  if (!hasTab(ss, QUESTIONS_SHEET)) {
    writeEditableTab(ss, QUESTIONS_SHEET, questionsToRows(CATALOG), 1, plainText);
  } else setTextFormatBelowHeader(ss, QUESTIONS_SHEET, 1, questionsToRows([])[0]!.length);
  migrateCaseList(ss);
  ensureTable(ss, CASES);
  ensureTable(ss, PURGES);
  // The Casussen view, written anew (it also undoes hand edits in it).
  writeCaseList({ ss, settings: { naming: caseListNaming(ss) } }, { force: true });
  // An empty default tab of a fresh spreadsheet ("Sheet1", "Blad1", ...) is removed; a tab
  // with anything in it is the coordinator's and stays.
  const ours = new Set([
    SETTINGS_SHEET,
    PARTNERS_SHEET,
    QUESTIONS_SHEET,
    CASES.name,
    CASE_LIST_TAB,
    TABS.name,
    PURGES.name,
  ]);
  removeEmptyTabs(ss, ours);
}

/** Drop-down lists on the Partners tab (soort, stappen, niveaus, actief), found by header. */
function partnerDropdowns(ss: Book): void {
  setListValidationsByHeader(ss, PARTNERS_SHEET, 1, partnerListRules());
}

function caseRowIndex(h: CaseHandle): { index: number; row: Record<string, string | number> } {
  // With the fingerprints the Casussen view needs when it is written in this lock: one batch.
  prefetchTables(h.reg.ss, CASE_LIST_TABLES);
  const rows = readTable(h.reg.ss, CASES);
  const index = rows.findIndex((r) => r.Casuscode === h.row.code);
  if (index < 0) throw new UserError(`Casus ${h.row.code} staat niet meer in de tab Casussen.`);
  return { index, row: rows[index]! };
}

export function updateCaseRow(h: CaseHandle, state: CaseState): void {
  const { index, row } = caseRowIndex(h);
  updateRow(h.reg.ss, CASES, index, {
    ...row,
    Status: state.status,
    Stap: state.step,
    Ronde: state.round,
    Bijgewerkt: nowMs(),
    'Gesloten op':
      state.status === 'gesloten' ? (state.decisions[state.decisions.length - 1]?.date ?? '') : '',
  });
  caseListChanged(h.reg);
}

export function setCaseNamesId(h: CaseHandle, namesId: string): void {
  const { index, row } = caseRowIndex(h);
  updateRow(h.reg.ss, CASES, index, { ...row, Namenlijst: namesId });
  caseListChanged(h.reg);
}

/**
 * What the case's views just showed (partners late, the first next action), in the register's
 * row when it differs from what the row holds; the Casussen view follows.
 */
export function recordCaseSummary(h: CaseHandle, summary: { late: number; nextAction: string }): void {
  if (h.row.late === summary.late && h.row.nextAction === summary.nextAction) return;
  const { index, row } = caseRowIndex(h);
  h.row.late = summary.late;
  h.row.nextAction = summary.nextAction;
  if (row['Te laat'] === summary.late && row['Volgende actie'] === summary.nextAction) return;
  updateRow(h.reg.ss, CASES, index, {
    ...row,
    'Te laat': summary.late,
    'Volgende actie': summary.nextAction,
  });
  caseListChanged(h.reg);
}

export { QUESTIONS_SHEET } from '../model/questionsSheet';
