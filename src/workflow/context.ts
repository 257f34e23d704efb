/**
 * Opening the register (settings, partners, catalog, list of cases) and one case
 * (its spreadsheet, folder and files). Every use case starts here.
 */

import type { CatalogOverrides } from '../model/catalog';
import { applyOverrides, CATALOG } from '../model/catalog';
import type { Partner, Question, Settings } from '../model/types';
import { getScriptProperty } from '../workspace/props';
import type { Book } from '../workspace/spreadsheets';
import { activeSpreadsheet, openSpreadsheet } from '../workspace/spreadsheets';
import type { Row } from '../workspace/tables';
import { readTable } from '../workspace/tables';
import { CASES } from './records';
import { readCatalogOverrides, readPartners, readSettings } from './registerTabs';

export const REGISTER_PROPERTY = 'REGISTER_ID';

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export interface Register {
  ss: Book;
  settings: Settings;
  partners: Partner[];
  catalog: readonly Question[];
  /** The catalog with the gemeente's titles and own questions but nothing hidden (to read old answers). */
  allQuestions: readonly Question[];
}

export interface CaseRow {
  index: number;
  code: string;
  status: string;
  folderId: string;
  spreadsheetId: string;
  overviewId: string;
  namesId: string;
  openedOn: string;
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

export function openRegister(ss = registerSpreadsheet()): Register {
  const settings = readSettings(ss);
  const partners = readPartners(ss);
  const overrides: CatalogOverrides = readCatalogOverrides(ss);
  return {
    ss,
    settings,
    partners,
    catalog: applyOverrides(CATALOG, overrides),
    allQuestions: applyOverrides(CATALOG, { ...overrides, hide: [] }),
  };
}

function toCaseRow(r: Row, index: number): CaseRow {
  return {
    index,
    code: String(r.Casuscode),
    status: String(r.Status),
    openedOn: String(r.Geopend),
    folderId: String(r.Map),
    spreadsheetId: String(r.Casusspreadsheet),
    overviewId: String(r['Integraal beeld']),
    namesId: String(r.Namenlijst),
  };
}

export function listCases(reg: Register): CaseRow[] {
  return readTable(reg.ss, CASES).map(toCaseRow);
}

export function openCase(reg: Register, code: string): CaseHandle {
  const row = listCases(reg).find((c) => c.code === code.trim());
  if (!row) throw new UserError(`Casus ${code} bestaat niet in het register (tab Casussen).`);
  return openCaseRow(reg, row);
}

/** A case whose register row the caller already read (the dispatcher reads the list once). */
export function openCaseRow(reg: Register, row: CaseRow): CaseHandle {
  return { reg, row, ss: openSpreadsheet(row.spreadsheetId) };
}
