/**
 * Destroying a case after its bewaartermijn (AVG art. 5(1)(e): kept no longer than needed).
 * From the day the closing date plus the bewaartermijn is reached, the dispatcher removes
 * everything the product made for the case: every file in the case folder (the forms with their
 * responses, the response spreadsheet with a copy of them, the case spreadsheet with the ledger
 * and Logboek, the documents and PDFs), the namenlijst in its own folder, the letters to persons
 * in theirs (workflow/letters.ts), and the case folder itself. It then asks Drive again whether each
 * is in the trash, and only then completes the purge record in the register (tab Vernietigd:
 * code, dates, how many files; no content) and takes the case off the list.
 *
 * Files go to the owner's Drive trash, which Drive empties after 30 days (the owner can empty it
 * sooner); the Apps Script reference offers `setTrashed` for files and folders.
 *
 * The purge is resumable and idempotent like every job: the record is written before the first
 * file goes; a run that stops halfway finds the record and trashes what is left; a file already in
 * the trash is not touched again.
 */
import { retentionState } from '../model/retention';
import { isoDate, isoDateTime } from '../model/time';
import type { Settings } from '../model/types';
import { nowMs } from '../workspace/clock';
import { filesInFolder, trashFile, trashFolder } from '../workspace/files';
import { deleteScriptProperty } from '../workspace/props';
import { appendRows, readTable, replaceTable, updateRow } from '../workspace/tables';
import { caseListChanged } from './caseList';
import type { CaseRow, Register } from './context';
import { listCases, UserError } from './context';
import { knownLettersFolder, lettersFolderKey } from './letters';
import { CASES, PURGES } from './records';

const DONE = 'vernietigd';

/**
 * The day a closed case was closed: the date the register recorded (Gesloten op), or for a case
 * closed before it did, the day its row last changed (the closing decision); '' when open.
 */
export function closingDate(row: CaseRow): string {
  if (row.status !== 'gesloten') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(row.closedOn)) return row.closedOn;
  return row.updatedAt > 0 ? isoDate(row.updatedAt, 'Europe/Amsterdam') : '';
}

/** The bewaartermijn of a case: chosen at opening, else the gemeente's setting. */
export function retentionMonthsOf(row: CaseRow, settings: Settings): number {
  return row.retentionMonths > 0 ? row.retentionMonths : settings.retentionMonths;
}

/** The day from which the case is destroyed, or null when it is open or its closing date is unknown. */
export function purgeDue(reg: Register, row: CaseRow, today: string) {
  const closedOn = closingDate(row);
  if (closedOn === '') return null;
  return retentionState(closedOn, retentionMonthsOf(row, reg.settings), today);
}

export interface PurgeResult {
  code: string;
  files: number;
}

/** Destroys every closed case whose bewaartermijn has passed. */
export function purgeDueCases(reg: Register, cases: readonly CaseRow[] = listCases(reg)): PurgeResult[] {
  const today = isoDate(nowMs(), 'Europe/Amsterdam');
  const out: PurgeResult[] = [];
  for (const row of cases) {
    const due = purgeDue(reg, row, today);
    if (due?.state === 'vernietigen') out.push(purgeCase(reg, row, due.due));
  }
  return out;
}

/** Destroys one case: see the module comment for the order and the checks. */
export function purgeCase(reg: Register, row: CaseRow, dueOn: string): PurgeResult {
  const stamp = () => isoDateTime(nowMs(), 'Europe/Amsterdam');
  const records = readTable(reg.ss, PURGES);
  let index = records.findIndex((r) => r.Casuscode === row.code);
  if (index < 0) {
    appendRows(reg.ss, PURGES, [
      {
        Casuscode: row.code,
        'Vernietigen vanaf': dueOn,
        Gestart: stamp(),
        Afgerond: '',
        Bestanden: 0,
        Resultaat: 'bezig',
      },
    ]);
    index = records.length;
  }
  let files = 0;
  const problems: string[] = [];
  if (row.folderId) {
    for (const f of filesInFolder(row.folderId)) {
      files++;
      if (!f.trashed && !trashFile(f.id)) problems.push('een bestand in de casusmap');
    }
    if (!trashFolder(row.folderId)) problems.push('de casusmap');
  }
  if (row.namesId) {
    files++;
    if (!trashFile(row.namesId)) problems.push('de namenlijst');
  }
  // The letters to persons (workflow/letters.ts), in their own folder beside the namenlijst.
  const letters = knownLettersFolder(row.code);
  if (letters) {
    for (const f of filesInFolder(letters)) {
      files++;
      if (!f.trashed && !trashFile(f.id)) problems.push('een brief');
    }
    if (!trashFolder(letters)) problems.push('de map met brieven');
    if (filesInFolder(letters).some((f) => !f.trashed)) problems.push('de map met brieven');
  }
  // Asked again, not assumed: nothing of the case folder may be left outside the trash.
  if (row.folderId && filesInFolder(row.folderId).some((f) => !f.trashed)) problems.push('de casusmap');
  if (problems.length) {
    throw new UserError(
      `Casus ${row.code} kon nog niet helemaal worden vernietigd (${[...new Set(problems)].join(', ')}); de volgende run probeert het opnieuw.`,
    );
  }
  const record = readTable(reg.ss, PURGES)[index]!;
  updateRow(reg.ss, PURGES, index, {
    ...record,
    Afgerond: stamp(),
    Bestanden: files,
    Resultaat: `${DONE}: alles in de prullenbak, door Drive bevestigd`,
  });
  if (letters) deleteScriptProperty(lettersFolderKey(row.code));
  // Off the list (and off the Casussen view): the register keeps only the purge record.
  replaceTable(
    reg.ss,
    CASES,
    readTable(reg.ss, CASES).filter((c) => c.Casuscode !== row.code),
  );
  caseListChanged(reg);
  return { code: row.code, files };
}
