/**
 * The namenlijst: the only place where a pseudonym code meets a name. It is a separate
 * spreadsheet in a folder of its own in the coordinator's own Drive (not in the shared case
 * folder, so it inherits nobody's sharing); the case spreadsheet, the forms, the overview and
 * every mail only ever carry the code. It may exist only after the 2A gate sent the case to
 * 2B (a recorded decision), and only while the case is open.
 *
 * The coordinator types names into it; "Namenlijst bijwerken" gives every new name a random
 * code and registers the code in the case. Writing the codes into the namenlijst comes first
 * and the case's code list is then made to match it, so a run that stops halfway is simply
 * finished by the next one — no name ever gets two codes.
 */
import { mustDropPersonData, replay } from '../model/caseMachine';
import {
  checkInformRow,
  INFORM_COLUMNS,
  INFORM_DATE_COLUMNS,
  INFORM_DATE_HELP,
  type InformColumn,
  type InformProblem,
  informListRules,
} from '../model/informing';
import { checkNameRows } from '../model/names';
import { fieldsNamingPersons } from '../model/newCaseInput';
import { isoDate } from '../model/time';
import type { CaseState } from '../model/types';

import { nowMs } from '../workspace/clock';
import { createSpreadsheetIn, ensureFolder, trashFile } from '../workspace/files';
import { newUuid } from '../workspace/ids';
import type { Book } from '../workspace/spreadsheets';
import { openSpreadsheet } from '../workspace/spreadsheets';
import {
  appendRows,
  createTables,
  ensureHeader,
  readTable,
  replaceTable,
  writeColumn,
} from '../workspace/tables';
import { setDateValidationsByHeader, setListValidationsByHeader } from '../workspace/validation';
import { readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import { forgetCaseNames } from './nameGuard';
import { NAMES, type NamesRow, PERSONS, type PersonRow } from './records';
import { setCaseNamesId } from './registerTabs';

export interface PersonEntry {
  naam: string;
  geboortejaar?: number;
  toelichting?: string;
}

/** Code alphabet without look-alikes (0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code like `P-7F3K` from a UUID (Utilities.getUuid is random; no names involved). */
export function newPersonCode(taken: Set<string>, uuid: () => string): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const hex = uuid().replace(/-/g, '');
    let code = 'P-';
    for (let i = 0; i < 4; i++) code += ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % ALPHABET.length];
    if (!taken.has(code)) return code;
  }
  throw new Error('Kon geen vrije persoonscode vinden.');
}

function requirePersonData(h: CaseHandle): void {
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten') {
    throw new UserError(`Casus ${h.row.code} is gesloten: er worden geen personen meer toegevoegd.`);
  }
  if (!state.personDataAllowed) {
    throw new UserError(
      `Persoonsgegevens zijn voor casus ${h.row.code} nog niet toegestaan: dat kan pas na het besluit in stap 2A dat het groepsgedrag problematisch is (door naar 2B).`,
    );
  }
}

/** The namenlijst of the case, made when it does not exist yet. */
export function ensureNamesList(h: CaseHandle): { id: string; created: boolean } {
  requirePersonData(h);
  if (h.row.namesId) return { id: h.row.namesId, created: false };
  const folder = ensureFolder('NAMES_FOLDER_ID', 'Namenlijsten (beperkt toegankelijk)', null);
  const id = createSpreadsheetIn(`Namenlijst ${h.row.code}`, folder);
  const book = openSpreadsheet(id);
  createTables(book, [NAMES]);
  informFormats(book);
  setCaseNamesId(h, id);
  h.row.namesId = id;
  logEvents(h.ss, [['namenlijst', 'namenlijst aangemaakt (apart bestand, beperkt toegankelijk)']]);
  return { id, created: true };
}

export interface NamesSync {
  /** Codes handed out in this run. */
  added: string[];
  /** All codes of the case. */
  codes: string[];
  /** What the coordinator should change (the case's label or wijk mentions a listed name). */
  warnings: string[];
}

/** The shape of a code the product hands out; nothing else may act as a person code. */
export const PERSON_CODE_RE = /^P-[2-9A-HJKMNP-Z]{4}$/;

/** Gives every name without a code a new code, and makes the case's code list match. */
export function syncNamesList(h: CaseHandle): NamesSync {
  const { id } = ensureNamesList(h);
  const names = openSpreadsheet(id);
  // A namenlijst made before the informing columns existed gets them (header and dropdowns).
  if (ensureHeader(names, NAMES)) informFormats(names);
  const rows = readTable(names, NAMES);
  // Something typed in the Code column that is not a code we made (a name, by mistake) must
  // never travel into forms: refuse, naming the row but not what is in it.
  const wrong = rows
    .map((r, i) => ({ code: r.Code.trim(), row: i + 2 }))
    .filter((x) => x.code !== '' && !PERSON_CODE_RE.test(x.code));
  if (wrong.length) {
    throw new UserError(
      `Namenlijst: in kolom Code staat iets wat geen persoonscode is (rij ${wrong.map((w) => w.row).join(', ')}). Maak die cel leeg; het product vult de code zelf in.`,
    );
  }
  const registered = readTable(h.ss, PERSONS).map((p) => p.code);
  // Duplicates, code-like names, hidden characters and implausible birth years: every problem by
  // cell, never repeating the name; nothing gets a code until the list is right.
  const problems = checkNameRows(
    rows.map((r, i) => ({ row: i + 2, code: r.Code, name: r.Naam, birthYear: r.Geboortejaar })),
    {
      sheet: NAMES.name,
      year: Number(isoDate(nowMs(), 'Europe/Amsterdam').slice(0, 4)),
      codes: [...registered, h.row.code],
    },
  );
  if (problems.length) {
    throw new UserError(
      `De namenlijst klopt nog niet; er zijn geen codes uitgedeeld:\n${problems.map((p) => `${p.cell}: ${p.message}`).join('\n')}`,
    );
  }
  const taken = new Set([...registered, ...rows.map((r) => r.Code).filter(Boolean)]);
  const at = nowMs();
  const added: string[] = [];
  for (const r of rows) {
    if (r.Naam.trim() === '' || r.Code !== '') continue;
    const code = newPersonCode(taken, newUuid);
    taken.add(code);
    r.Code = code;
    added.push(code);
  }
  forgetCaseNames();
  // Only the Code column is written (one call): what the coordinator typed stays as typed.
  if (added.length) {
    writeColumn(
      names,
      NAMES,
      'Code',
      rows.map((r) => r.Code),
    );
  }
  const inList = rows.map((r) => r.Code).filter(Boolean);
  const missing = inList.filter((c) => !registered.includes(c));
  const informing = syncInforming(h, rows, missing, at);
  if (missing.length) {
    logEvents(h.ss, [['namenlijst', `${missing.length} persoonscode(s) toegevoegd: ${missing.join(', ')}`]]);
  }
  // The label and wijk are the coordinator's own words for the case; they must not name a
  // listed person (they appear in the register and her digest). Said, never echoed.
  const naming = fieldsNamingPersons(
    h.row,
    rows.map((r) => r.Naam),
  );
  const warnings = naming.map(
    (f) =>
      `Het ${f === 'label' ? 'label' : 'veld Wijk'} van casus ${h.row.code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
  );
  if (informing.length) {
    warnings.push(
      `Het informeren is voor deze cellen niet overgenomen (de codes zijn wel uitgedeeld); verbeter ze en kies opnieuw "Namenlijst bijwerken":\n${informing.map((p) => `${p.cell}: ${p.message}`).join('\n')}`,
    );
  }
  return { added, codes: [...registered, ...missing], warnings };
}

/** The namenlijst's informing columns: a list for each way, a date picker for each date. */
function informFormats(book: Book): void {
  setListValidationsByHeader(book, NAMES.name, 1, informListRules());
  setDateValidationsByHeader(book, NAMES.name, 1, INFORM_DATE_COLUMNS, INFORM_DATE_HELP);
}

const TZ = 'Europe/Amsterdam';

/**
 * Copies where informing stands (dates only: no name, no reason) from the namenlijst rows to the
 * case's person table, adding the new codes; one write when anything changed. A row whose
 * informing cells do not pass the check keeps what was recorded before; its problems are returned.
 */
function syncInforming(
  h: CaseHandle,
  rows: readonly NamesRow[],
  added: readonly string[],
  at: number,
): InformProblem[] {
  const today = isoDate(at, TZ);
  const toDay = (ms: number) => isoDate(ms, TZ);
  const before = readTable(h.ss, PERSONS);
  const next: PersonRow[] = [
    ...before.map((p) => ({ ...p })),
    ...added.map((code) => ({
      code,
      addedAt: at,
      minor: '' as const,
      informedOn: '',
      parentsOn: '',
      postponedUntil: '',
      letterOn: '',
      closingOn: '',
    })),
  ];
  const problems: InformProblem[] = [];
  const changed: string[] = [];
  rows.forEach((r, i) => {
    const p = next.find((x) => x.code === r.Code);
    if (!p) return;
    const cells = Object.fromEntries(INFORM_COLUMNS.map((c) => [c, r[c]])) as Record<InformColumn, string>;
    const checked = checkInformRow(
      {
        row: i + 2,
        code: r.Code,
        birthYear: r.Geboortejaar,
        addedOn: p.addedAt ? toDay(p.addedAt) : today,
        cells,
      },
      { sheet: NAMES.name, today, toDay },
    );
    if (checked.problems.length) {
      problems.push(...checked.problems);
      return;
    }
    const rec = checked.record;
    const minor = rec.minor ? 'ja' : 'nee';
    if (
      p.minor !== minor ||
      p.informedOn !== rec.informedOn ||
      p.parentsOn !== rec.parentsOn ||
      p.postponedUntil !== rec.postponedUntil
    ) {
      if (before.some((b) => b.code === p.code)) changed.push(p.code);
      Object.assign(p, {
        minor,
        informedOn: rec.informedOn,
        parentsOn: rec.parentsOn,
        postponedUntil: rec.postponedUntil,
      });
    }
  });
  if (added.length > 0 || changed.length > 0) replaceTable(h.ss, PERSONS, next);
  if (changed.length) logEvents(h.ss, [['informeren', `vastgelegd voor ${changed.join(', ')}`]]);
  return problems;
}

/** Adds names to the namenlijst and gives them codes (used by imports, the demo and tests). */
export function addPersons(h: CaseHandle, entries: PersonEntry[]): string[] {
  requirePersonData(h);
  entries.forEach((e, i) => {
    if (!e.naam?.trim()) throw new UserError(`Namenlijst regel ${i + 1}: naam ontbreekt.`);
  });
  const { id } = ensureNamesList(h);
  appendRows(
    openSpreadsheet(id),
    NAMES,
    entries.map((e) => ({
      Code: '',
      Naam: e.naam.trim(),
      Geboortejaar: e.geboortejaar ? String(e.geboortejaar) : '',
      Toelichting: e.toelichting ?? '',
    })),
  );
  return syncNamesList(h).added;
}

/**
 * Removes the namenlijst of a case closed before the group was confirmed as problematic
 * (`mustDropPersonData`): the file goes to the trash, the case forgets it, and the Logboek says
 * so without any content. Returns whether a namenlijst was removed. Safe to run again: a case
 * without a namenlijst is left alone, and a crash before the register row is cleared only means
 * the next run trashes an already trashed file.
 */
export function dropNamesListIfUnconfirmed(h: CaseHandle, state: CaseState): boolean {
  if (!h.row.namesId || !mustDropPersonData(state)) return false;
  if (!trashFile(h.row.namesId)) {
    throw new UserError(
      `De namenlijst van casus ${h.row.code} kon niet worden verwijderd; probeer het opnieuw.`,
    );
  }
  setCaseNamesId(h, '');
  h.row.namesId = '';
  logEvents(h.ss, [
    ['namenlijst', 'namenlijst verwijderd: de casus is gesloten zonder bevestigde problematiek'],
  ]);
  return true;
}
