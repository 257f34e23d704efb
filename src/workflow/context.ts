/**
 * Opening the register (settings, partners, catalog, list of cases) and one case
 * (its spreadsheet, folder and files). Every use case starts here.
 */

import type { CatalogOverrides } from '../model/catalog';
import { applyOverrides, CATALOG } from '../model/catalog';
import { UserError } from '../model/errors';
import { normaliseCaseCode } from '../model/newCaseInput';
import { QUESTIONS_SHEET } from '../model/questionsSheet';
import { PARTNERS_SHEET, SETTINGS_SHEET } from '../model/schemas';
import type { CaseStatus, Partner, Question, Settings, StepId } from '../model/types';
import { CASE_LIST_TAB } from '../render/caseList';
import { getScriptProperty } from '../workspace/props';
import type { Book } from '../workspace/spreadsheets';
import { activeSpreadsheet, openSpreadsheet } from '../workspace/spreadsheets';
import { readTable, tableCached, tableFromTab, tableScope } from '../workspace/tables';
import { readTabs } from '../workspace/tabs';
import { adoptViewEdits, caseListChanged, migrateCaseList } from './caseList';
import type { CaseListRow } from './records';
import { CASES, TABS } from './records';
import { readCatalogOverrides, readPartners, readSettings } from './registerTabs';

export const REGISTER_PROPERTY = 'REGISTER_ID';

export { UserError } from '../model/errors';

export interface Register {
  ss: Book;
  settings: Settings;
  partners: Partner[];
  catalog: readonly Question[];
  /** The catalog with the gemeente's titles and own questions but nothing hidden (to read old answers). */
  allQuestions: readonly Question[];
  /**
   * The case list as read together with the settings (one batch): `_casussen`'s rows and the
   * Casussen view's values, for the first `listCases` in the same lock scope (or outside any
   * lock) as the read. Used once; every later list is read again.
   */
  caseList?: { scope: number; rows: CaseListRow[]; view: unknown[][] | null };
}

export interface CaseRow {
  index: number;
  code: string;
  status: CaseStatus;
  /** The current step as the register last recorded it. */
  step: StepId;
  folderId: string;
  spreadsheetId: string;
  overviewId: string;
  namesId: string;
  openedOn: string;
  /** What the register's list last showed: partners late, the next action. */
  late: number;
  nextAction: string;
  /** The coordinator's own label (never a name); blank for cases opened before labels existed. */
  label: string;
  wijk: string;
  /** ISO date of the first signal; blank for older cases. */
  firstSignal: string;
  /** Bewaartermijn in months chosen at opening; 0 for older cases (the setting applies). */
  retentionMonths: number;
  /** ISO date of the decision that closed the case; blank while it is open. */
  closedOn: string;
  /** When the register row last changed (epoch ms): for a closed case, when it was closed. */
  updatedAt: number;
}

export interface CaseHandle {
  reg: Register;
  row: CaseRow;
  ss: Book;
}

/** The register spreadsheet: the bound container, or the one recorded at set-up. */
export function registerSpreadsheet(): Book {
  const active = activeSpreadsheet();
  if (active) return active;
  const id = getScriptProperty(REGISTER_PROPERTY);
  if (!id)
    throw new UserError('Er is nog geen register ingericht. Kies eerst "Register inrichten" in het menu.');
  return openSpreadsheet(id);
}

const SETTINGS_TABS = [SETTINGS_SHEET, PARTNERS_SHEET, QUESTIONS_SHEET];

export function openRegister(ss = registerSpreadsheet()): Register {
  // The three settings tabs and the case list in one read (workspace/tabs.ts readTabs). A
  // register without a case list yet (never set up) reads its settings tabs only, in one read
  // as well. When that one read fails (a tab is missing, or no Sheets service) the map is empty
  // and caseListFrom finds no case list in it.
  let tabs = readTabs(ss, [...SETTINGS_TABS, ...caseListTabs()], { tabByTab: false });
  const caseList = caseListFrom(ss, tabs);
  if (!caseList) tabs = readTabs(ss, SETTINGS_TABS);
  const settings = readSettings(ss, tabs.get(SETTINGS_SHEET) ?? null);
  const partners = readPartners(ss, tabs.get(PARTNERS_SHEET) ?? null);
  const overrides: CatalogOverrides = readCatalogOverrides(ss, tabs.get(QUESTIONS_SHEET) ?? null);
  return {
    ss,
    settings,
    partners,
    catalog: applyOverrides(CATALOG, overrides),
    allQuestions: applyOverrides(CATALOG, { ...overrides, hide: [] }),
    ...(caseList ? { caseList } : {}),
  };
}

/**
 * The register tabs of the case list: the system table and its view; inside the lock also the
 * fingerprints of the register's tabs (`_tabbladen`), which writing the view at the end of the
 * action reads.
 */
function caseListTabs(): string[] {
  return [CASES.name, CASE_LIST_TAB, ...(tableScope() !== 0 ? [TABS.name] : [])];
}

/** The case list from tabs read in one batch (inside the lock kept for the rest of the action). */
function caseListFrom(
  ss: Book,
  tabs: Map<string, unknown[][] | null>,
): NonNullable<Register['caseList']> | null {
  const cases = tabs.get(CASES.name);
  if (!cases) return null;
  const fingerprints = tabs.get(TABS.name);
  if (fingerprints) tableFromTab(ss, TABS, fingerprints);
  return { scope: tableScope(), rows: tableFromTab(ss, CASES, cases), view: tabs.get(CASE_LIST_TAB) ?? null };
}

/** The case list: as read with the register in this scope, else in one batch read, else tab by tab. */
function readCaseList(reg: Register): { rows: CaseListRow[]; view?: unknown[][] | null } {
  const read = reg.caseList;
  delete reg.caseList;
  if (read !== undefined && read.scope === tableScope()) return read;
  if (!tableCached(reg.ss, CASES)) {
    const got = caseListFrom(reg.ss, readTabs(reg.ss, caseListTabs(), { tabByTab: false }));
    if (got) return got;
  }
  return { rows: readTable(reg.ss, CASES) };
}

function toCaseRow(r: CaseListRow, index: number): CaseRow {
  return {
    index,
    code: r.Casuscode,
    status: r.Status,
    step: r.Stap,
    openedOn: r.Geopend,
    folderId: r.Map,
    spreadsheetId: r.Casusspreadsheet,
    overviewId: r['Integraal beeld'],
    namesId: r.Namenlijst,
    late: r['Te laat'],
    nextAction: r['Volgende actie'],
    label: r.Label,
    wijk: r.Wijk,
    firstSignal: r['Eerste signaal'],
    retentionMonths: r.Bewaartermijn,
    closedOn: r['Gesloten op'],
    updatedAt: r.Bijgewerkt,
  };
}

export function listCases(reg: Register): CaseRow[] {
  const read = readCaseList(reg);
  const rows = adoptViewEdits(reg.ss, read.rows, read.view);
  // A register from before the case list became a view keeps its cases in the visible tab.
  if (rows.length === 0 && migrateCaseList(reg.ss)) {
    caseListChanged(reg);
    return readTable(reg.ss, CASES).map(toCaseRow);
  }
  return rows.map(toCaseRow);
}

/** A case by its code, typed in any case (`jga-2026-001` finds JGA-2026-001). */
export function openCase(reg: Register, code: string): CaseHandle {
  const wanted = normaliseCaseCode(code);
  const row = listCases(reg).find((c) => c.code.toUpperCase() === wanted);
  if (!row) throw new UserError(`Casus ${wanted} bestaat niet in het register (tab Casussen).`);
  return openCaseRow(reg, row);
}

/** A case whose register row the caller already read (the dispatcher reads the list once). */
export function openCaseRow(reg: Register, row: CaseRow): CaseHandle {
  return { reg, row, ss: openSpreadsheet(row.spreadsheetId) };
}
