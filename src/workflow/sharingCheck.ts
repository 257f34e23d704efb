/**
 * The daily sharing check (issue 9: files are never shared by link or with the whole domain; drift
 * is detected, reverted and logged). On the first dispatcher run of each day it looks at every
 * file and folder the product made and takes away what is more than the product itself shares:
 *
 * - the folders "Casussen jeugdgroepen" and "Namenlijsten (beperkt toegankelijk)" themselves, each
 *   case folder and everything in it (case spreadsheet, forms, documents, PDFs), and everything in
 *   the namenlijst folder (the namenlijsten and what is kept beside them);
 * - no file or folder may be open by link or to the domain;
 * - people: the owner and the coordinators from Instellingen everywhere; on a document also anyone
 *   the product shares a case document with (the restricted readers, the driehoek, the partners).
 *   Which of those may read which document is made exact again at each rebuild (publish.ts);
 * - a published form's responders (`view: 'published'`) are how partners answer: not readers.
 *
 * Cost: one files.get per root folder, one files.list for each root's contents and one per case
 * folder, whatever the number of files in it; only a file with drift costs DriveApp calls.
 * Drift is written to the case's Logboek (counts only, no addresses) and kept in a script property
 * (codes and counts) for the next daily digest.
 */
import { emailList, readersOf } from '../model/audiences';
import { isoDate } from '../model/time';
import { nowMs } from '../workspace/clock';
import { itemById, itemsInFolder, type ListedItem, restrictSharing } from '../workspace/files';
import { getScriptProperty, setScriptProperty } from '../workspace/props';
import type { CaseHandle, CaseRow, Register } from './context';
import { openCaseRow } from './context';
import { tryWithLock } from './lock';
import { logEvents } from './log';

/** Script property: the day (ISO) of the last register-wide check while no case was open. A marker. */
export const SHARING_CHECK_KEY = 'SHARING_CHECK_DAY';
/** Where newCase.ts and persons.ts keep the root folders (workspace/files ensureFolder). */
const ROOTS = ['CASES_FOLDER_ID', 'NAMES_FOLDER_ID'] as const;
const GOOGLE_DOC = 'application/vnd.google-apps.document';

export interface SharingDrift {
  /** Case code; '' for the root folders and files in the namenlijst folder of no case. */
  code: string;
  /** Files and folders whose sharing was taken back. */
  files: number;
  links: number;
  removed: number;
  day: string;
}

/** The coordinators from Instellingen, lower case. */
export function coordinatorsOf(reg: Register): Set<string> {
  return new Set(
    [reg.settings.coordinatorEmail, ...emailList(reg.settings.coordinatorEmails)].map((e) =>
      e.trim().toLowerCase(),
    ),
  );
}

/**
 * Everyone the product shares some case document with (model/audiences readersOf). The readers of
 * the restricted document ('beperkt': the politie and OM partners) are partners too, so every
 * partner's own audience already holds them.
 */
function documentReaders(reg: Register): Set<string> {
  const { settings, partners } = reg;
  const all = [
    ...readersOf('driehoek', settings, partners),
    ...partners.flatMap((p) => readersOf('partner', settings, partners, p.id)),
  ];
  return new Set([...all, ...coordinatorsOf(reg)]);
}

function tally(
  drift: Map<string, SharingDrift>,
  code: string,
  day: string,
  r: { link: boolean; removed: number },
) {
  if (!r.link && r.removed === 0) return;
  const d = drift.get(code) ?? { code, files: 0, links: 0, removed: 0, day };
  d.files++;
  if (r.link) d.links++;
  d.removed += r.removed;
  drift.set(code, d);
}

/** The Logboek line of a case's drift: counts only. */
export const SHARING_REVERTED_EVENT = 'delen teruggezet';

export function driftLogLine(d: SharingDrift): [string, string] {
  return [
    SHARING_REVERTED_EVENT,
    `${d.files} bestand(en) of map(pen) waren breder gedeeld dan het product doet: ${d.links} deellink(s) uitgezet, ${d.removed} lezer(s) weggehaald`,
  ];
}

/**
 * One open case's daily check, run by its first refresh of the day (dispatcher.ts refreshCase,
 * inside the case's lock): the case folder and the namenlijst (one files.get each) and everything
 * in the case folder (ONE files.list). Drift goes to the case's Logboek, which the digest reads.
 */
export function checkCaseSharing(h: CaseHandle): SharingDrift | null {
  const day = isoDate(nowMs(), 'Europe/Amsterdam');
  if (!h.row.folderId) return null;
  const coordinators = coordinatorsOf(h.reg);
  const docs = documentReaders(h.reg);
  const drift = new Map<string, SharingDrift>();
  const items = [itemById(h.row.folderId), ...itemsInFolder(h.row.folderId)];
  if (h.row.namesId) items.push(itemById(h.row.namesId));
  for (const item of items)
    tally(drift, h.row.code, day, restrictSharing(item, item.mimeType === GOOGLE_DOC ? docs : coordinators));
  const d = drift.get(h.row.code) ?? null;
  if (d) logEvents(h.ss, [driftLogLine(d)]);
  return d;
}

/** Whether the register-wide check is due in a run without open cases (one property; marks it). */
export function registerCheckDue(): boolean {
  const today = isoDate(nowMs(), 'Europe/Amsterdam');
  if (getScriptProperty(SHARING_CHECK_KEY) === today) return false;
  setScriptProperty(SHARING_CHECK_KEY, today);
  return true;
}

/**
 * The register-wide part, in the same run as the open cases' own checks (or, without open cases,
 * once a day): the two root folders and everything directly in them, and each case not checked by
 * its own refresh (`checked`: closed cases, cases this run did not reach) with one files.list of its
 * folder. Returns the drift it found and reverted; a case's drift also goes to its Logboek.
 */
export function checkSharing(
  reg: Register,
  cases: readonly CaseRow[],
  checked: ReadonlySet<string> = new Set(),
): SharingDrift[] {
  const day = isoDate(nowMs(), 'Europe/Amsterdam');
  const coordinators = coordinatorsOf(reg);
  const docs = documentReaders(reg);
  const drift = new Map<string, SharingDrift>();
  const roots = ROOTS.map((k) => getScriptProperty(k)).filter((id): id is string => !!id);
  const rootItems = new Map<string, ListedItem[]>();
  for (const root of roots) {
    tally(drift, '', day, restrictSharing(itemById(root), coordinators));
    rootItems.set(root, itemsInFolder(root));
  }
  const inRoots = new Map([...rootItems.values()].flat().map((i) => [i.id, i] as const));
  const claimed = new Set<string>();
  for (const row of cases) {
    if (!row.folderId) continue;
    claimed.add(row.folderId);
    if (row.namesId) claimed.add(row.namesId);
    if (checked.has(row.code)) continue;
    const check = (item: ListedItem | undefined) => {
      if (!item) return;
      const allowed = item.mimeType === GOOGLE_DOC ? docs : coordinators;
      tally(drift, row.code, day, restrictSharing(item, allowed));
    };
    check(inRoots.get(row.folderId));
    check(row.namesId ? inRoots.get(row.namesId) : undefined);
    for (const item of itemsInFolder(row.folderId)) check(item);
  }
  // Anything else in the root folders (a case folder of no listed case, a file beside the namenlijsten).
  for (const item of inRoots.values())
    if (!claimed.has(item.id)) tally(drift, '', day, restrictSharing(item, coordinators));
  const found = [...drift.values()];
  for (const d of found) {
    const row = cases.find((c) => c.code === d.code);
    if (!row) continue;
    tryWithLock(() => logEvents(openCaseRow(reg, row).ss, [driftLogLine(d)]));
  }
  return found;
}
