/**
 * Opening a case: a case code, a case folder, a case spreadsheet with its system tables and
 * views, and an (empty) overview document. File names carry the code only: never a group
 * name or a person's name.
 */
import { newCase } from '../model/caseMachine';
import { UserError } from '../model/errors';
import { type NewCaseInput, newCaseRules, parseNewCaseInput } from '../model/newCaseInput';
import { isoDate } from '../model/time';
import { nowMs } from '../workspace/clock';
import {
  createDocumentIn,
  createFolder,
  createSpreadsheetIn,
  ensureFolder,
  parentFolderId,
} from '../workspace/files';
import { openSpreadsheet, spreadsheetId } from '../workspace/spreadsheets';
import { appendRows, createTables } from '../workspace/tables';
import { firstTabId, removeTabById } from '../workspace/tabs';
import { caseListChanged } from './caseList';
import type { CaseHandle, Register } from './context';
import { listCases } from './context';
import { logEvents } from './log';
import { writePlanTab } from './planTab';
import { publish } from './publish';
import type { CaseListRow } from './records';
import { CASE_TABLES, CASES } from './records';

/** Next free code for the year: `<prefix>-<year>-<nnn>`. */
export function nextCaseCode(prefix: string, year: number, existing: readonly string[]): string {
  const re = new RegExp(`^${prefix}-${year}-(\\d{3})$`);
  const used = existing
    .map((c) => re.exec(c)?.[1])
    .filter((x): x is string => Boolean(x))
    .map(Number);
  const next = (used.length ? Math.max(...used) : 0) + 1;
  if (next > 999) throw new Error(`Casuscodes voor ${year} zijn op (maximaal 999).`);
  return `${prefix}-${year}-${String(next).padStart(3, '0')}`;
}

/**
 * Opens a case with what the coordinator typed in the new-case dialog. The input is checked
 * here too (the dialog's check is a courtesy): a wrong field is refused with its Dutch message.
 * The label and the wijk go into the register only, never into a file name or a mail.
 */
export function openNewCase(reg: Register, input: NewCaseInput): CaseHandle {
  const now = nowMs();
  const today = isoDate(now, 'Europe/Amsterdam');
  const parsed = parseNewCaseInput(input, newCaseRules(today));
  if (!parsed.ok) throw new UserError(`Nieuwe casus: ${Object.values(parsed.errors).join(' ')}`);
  const { label, wijk, eersteSignaal, bewaartermijnMaanden } = parsed.value;
  const code = nextCaseCode(
    reg.settings.casePrefix,
    Number(today.slice(0, 4)),
    listCases(reg).map((c) => c.code),
  );
  const casesFolder = ensureFolder(
    'CASES_FOLDER_ID',
    'Casussen jeugdgroepen',
    parentFolderId(spreadsheetId(reg.ss)),
  );
  const folderId = createFolder(code, casesFolder);
  const ssId = createSpreadsheetIn(`${code} casusspreadsheet`, folderId);
  const docId = createDocumentIn(`${code} integraal beeld`, folderId);
  const ss = openSpreadsheet(ssId);
  // The default first tab ("Sheet1", "Blad1", ... by locale) is removed once the views exist.
  const firstSheetId = firstTabId(ss);
  createTables(ss, CASE_TABLES);
  const row: CaseListRow = {
    Casuscode: code,
    Status: 'open',
    Stap: '1',
    Ronde: 1,
    Geopend: today,
    Map: folderId,
    Casusspreadsheet: ssId,
    'Integraal beeld': docId,
    Namenlijst: '',
    Bijgewerkt: now,
    'Te laat': 0,
    'Volgende actie': '',
    Label: label,
    Wijk: wijk,
    'Eerste signaal': eersteSignaal,
    Bewaartermijn: bewaartermijnMaanden,
    'Gesloten op': '',
  };
  appendRows(reg.ss, CASES, [row]);
  caseListChanged(reg);
  const h: CaseHandle = {
    reg,
    ss,
    row: {
      index: listCases(reg).length - 1,
      code,
      status: 'open',
      step: '1',
      folderId,
      spreadsheetId: ssId,
      overviewId: docId,
      namesId: '',
      openedOn: today,
      late: 0,
      nextAction: '',
      label,
      wijk,
      firstSignal: eersteSignaal,
      retentionMonths: bewaartermijnMaanden,
      closedOn: '',
      updatedAt: now,
    },
  };
  writePlanTab(h, null);
  logEvents(ss, [['casus geopend', `${code} (stap 1, ronde 1) — ${newCase(code).status}`]]);
  publish(h);
  if (firstSheetId !== null) removeTabById(ss, firstSheetId);
  return h;
}
