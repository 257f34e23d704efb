/**
 * A register made with *Bestand → Kopie maken* sets itself up on first use and keeps nothing
 * of the original that points at the original's files.
 *
 * A copy of a spreadsheet copies its bound script with it (guides/bound), as a new script
 * project: the original's installable triggers belong to the original project and are not
 * there (guides/triggers/installable: a trigger belongs to a script project and a user). The
 * documentation does not say whether script properties are copied, so the product decides
 * from two marks it sets itself, each holding the id of the spreadsheet it belongs to:
 * the script property REGISTER_OWNER_ID, and the hidden tab `_register` in the spreadsheet
 * (tabs are always copied). When either names another spreadsheet than the active one
 * (the id of the active spreadsheet, read in workspace/), this register is a copy.
 *
 * What a copy drops: every script property (ids of the original's case, name-list and
 * template folders, markers per case), every system tab of the register (`_…`: form
 * templates, the digest's outbox and history, …) and the rows of Casussen (the original's
 * cases: their files belong to the original, and two registers refreshing the same case would
 * mail its partners twice). What it keeps: Instellingen, Partners, Vragen, everything the
 * coordinator typed.
 */
import { nowMs } from '../workspace/clock';
import { deleteAllScriptProperties, getScriptProperty, setScriptProperty } from '../workspace/props';
import type { Book } from '../workspace/spreadsheets';
import { activeSpreadsheet, spreadsheetId } from '../workspace/spreadsheets';
import { forgetTable, readTable, replaceTable, table } from '../workspace/tables';
import { removeTabsStartingWith } from '../workspace/tabs';
import { caseListNaming, writeCaseList } from './caseList';
import { withLock } from './lock';
import { CASES, TABS } from './records';

/** Script property: the id of the register spreadsheet these properties belong to. */
export const OWNER_PROPERTY = 'REGISTER_OWNER_ID';

/** Register: which spreadsheet this register is (a copy still holds the original's id here). */
export const OWNER = table({
  name: '_register',
  columns: ['spreadsheetId', 'since'],
  numeric: ['since'],
});

export type Ownership = 'eigen' | 'nieuw' | 'kopie';

/**
 * Pure: `eigen` when the property names the active spreadsheet (the usual case: nothing else
 * is read); `kopie` when the property or the tab names another one; `nieuw` when neither mark
 * exists yet (a fresh register, or one set up before these marks existed) or only the tab
 * names this one (the properties were emptied).
 */
export function ownership(activeId: string, propertyId: string | null, markerId: string | null): Ownership {
  if (propertyId === activeId) return 'eigen';
  if (propertyId !== null && propertyId !== '') return 'kopie';
  if (markerId !== null && markerId !== '' && markerId !== activeId) return 'kopie';
  return 'nieuw';
}

export const COPY_NOTICE =
  'Dit register is een kopie van een ander register. Het is nu als nieuw register ingericht: de casussen van het origineel, de koppelingen naar zijn mappen en formuliersjablonen en zijn automatische bijwerking horen niet bij deze kopie en zijn weggelaten. Instellingen, Partners en Vragen zijn bewaard. Kies "Automatisch bijwerken aanzetten" in het menu om de bijwerking voor dit register aan te zetten.';

/** Marks `ss` as the register these script properties belong to. */
export function markOwnRegister(ss: Book): void {
  const id = spreadsheetId(ss);
  replaceTable(ss, OWNER, [{ spreadsheetId: id, since: nowMs() }]);
  setScriptProperty(OWNER_PROPERTY, id);
}

/** Drops what a copy took over from the original (see the module comment). */
export function forgetOriginal(ss: Book): string[] {
  deleteAllScriptProperties();
  replaceTable(ss, CASES, []);
  // `_register` itself stays: it is rewritten with this register's id right after.
  const removed = removeTabsStartingWith(ss, '_', [OWNER.name]);
  forgetTable(ss, CASES);
  forgetTable(ss, TABS);
  // The Casussen view showed the original's cases with links to its files: written anew, empty.
  writeCaseList({ ss, settings: { naming: caseListNaming(ss) } }, { force: true });
  return removed;
}

/**
 * Run at the start of every action in the register (menu, sidebar, dialogs, trigger): sets up
 * a copied register as a new one. Returns the Dutch notice for the coordinator when it did,
 * else null. Costs one property read and the spreadsheet id when the register is its own.
 */
export function ensureOwnRegister(): string | null {
  const ss = activeSpreadsheet();
  if (!ss) return null;
  const id = spreadsheetId(ss);
  const property = getScriptProperty(OWNER_PROPERTY);
  if (property === id) return null;
  return withLock(() => {
    const marker = readTable(ss, OWNER)[0]?.spreadsheetId ?? null;
    const found = ownership(id, property, marker);
    if (found === 'kopie') forgetOriginal(ss);
    markOwnRegister(ss);
    return found === 'kopie' ? COPY_NOTICE : null;
  });
}
