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
import { replay } from '../model/caseMachine';
import { fieldsNamingPersons } from '../model/newCaseInput';
import { nowMs } from '../workspace/clock';
import { createSpreadsheetIn, ensureFolder } from '../workspace/files';
import { newUuid } from '../workspace/ids';
import { openSpreadsheet } from '../workspace/spreadsheets';
import { appendRows, ensureTable, readTable, writeColumn } from '../workspace/tables';
import { readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import { NAMES, PERSONS } from './records';
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
  ensureTable(openSpreadsheet(id), NAMES);
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
  appendRows(
    h.ss,
    PERSONS,
    missing.map((code) => ({ code, addedAt: at })),
  );
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
  return { added, codes: [...registered, ...missing], warnings };
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
