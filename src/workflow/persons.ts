/**
 * The namenlijst: the only place where a pseudonym code meets a name. It is a separate
 * spreadsheet, shared with nobody by the product; the case spreadsheet, the forms, the
 * overview and every mail only ever carry the code. Names may be added only after the 2A
 * gate sent the case to 2B (a recorded decision).
 */
import { replay } from '../model/caseMachine';
import { nowMs } from '../workspace/clock';
import { createSpreadsheetIn, ensureFolder, parentFolderId } from '../workspace/files';
import { appendRows, ensureTable, readTable } from '../workspace/tables';
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

export function addPersons(h: CaseHandle, entries: PersonEntry[]): string[] {
  const state = replay(h.row.code, readDecisions(h.ss));
  if (!state.personDataAllowed) {
    throw new UserError(
      `Persoonsgegevens zijn voor casus ${h.row.code} nog niet toegestaan: dat kan pas na het besluit in stap 2A dat het groepsgedrag problematisch is (door naar 2B).`,
    );
  }
  entries.forEach((e, i) => {
    if (!e.naam?.trim()) throw new UserError(`Namenlijst regel ${i + 1}: naam ontbreekt.`);
  });
  let namesId = h.row.namesId;
  if (!namesId) {
    // Not in the case folder: the namenlijsten folder is shared only with named officials.
    const folder = ensureFolder(
      'NAMES_FOLDER_ID',
      'Namenlijsten (beperkt toegankelijk)',
      parentFolderId(h.reg.ss.getId()),
    );
    namesId = createSpreadsheetIn(`Namenlijst ${h.row.code}`, folder);
    setCaseNamesId(h, namesId);
    h.row.namesId = namesId;
  }
  const names = SpreadsheetApp.openById(namesId);
  ensureTable(names, NAMES);
  const taken = new Set(readTable(h.ss, PERSONS).map((p) => String(p.code)));
  const at = nowMs();
  const codes = entries.map(() => {
    const c = newPersonCode(taken, () => Utilities.getUuid());
    taken.add(c);
    return c;
  });
  appendRows(
    names,
    NAMES,
    entries.map((e, i) => ({
      Code: codes[i] ?? '',
      Naam: e.naam.trim(),
      Geboortejaar: e.geboortejaar ? String(e.geboortejaar) : '',
      Toelichting: e.toelichting ?? '',
      Toegevoegd: at,
    })),
  );
  appendRows(
    h.ss,
    PERSONS,
    codes.map((code) => ({ code, addedAt: at })),
  );
  logEvents(h.ss, [
    ['namenlijst', `${codes.length} persoon/personen toegevoegd (codes ${codes.join(', ')})`],
  ]);
  return codes;
}
