/**
 * The namenlijst (workflow/persons.ts) piece by piece on one small case: the codes it hands out,
 * the file it makes and where, what "Namenlijst bijwerken" refuses, writes and logs (codes only,
 * never a name), the informing dates it copies per code, and its removal when a case closes
 * before the problematiek was confirmed. The namenlijst over whole gates is in gateAndNames.test.ts
 * and the informing columns cell by cell in informing.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { replay } from '../../src/model/caseMachine';
import { readDecisions } from '../../src/workflow/assemble';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import {
  addPersons,
  dropNamesListIfUnconfirmed,
  ensureNamesList,
  newPersonCode,
  PERSON_CODE_RE,
  syncNamesList,
} from '../../src/workflow/persons';
import { LOG, NAMES, PERSONS as PERSON_TABLE } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { withoutSheets } from '../workspace/helpers';
import { closeAt2B, decideGate, freshCaseAt2B, freshRegister, PARTNERS, PERSONS, refusal } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  local?.dispose();
  local = null;
});

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

function toStep2B(): CaseHandle {
  const f = freshCaseAt2B();
  local = f.local;
  return f.h;
}

/** The namenlijst tab as the coordinator sees it. */
const namesSheet = (h: CaseHandle) => SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;

/** The Logboek lines of the case (event and detail). */
const logLines = (h: CaseHandle) => readTable(h.ss, LOG).map((l) => [l.event, l.detail]);

/** The calls that write to a spreadsheet or a file, counted while `f` runs. */
function writesDuring(f: () => void): string[] {
  const before = new Map(local!.rt.counts);
  f();
  const writes: string[] = [];
  for (const [name, n] of local!.rt.counts) {
    if (n > (before.get(name) ?? 0) && /set|batchUpdate|append|insert|clear|delete|create/i.test(name)) {
      writes.push(name);
    }
  }
  return writes;
}

describe('persoonscodes', () => {
  const uuidOf = (hex8: string) => `${hex8}-0000-4000-8000-000000000000`;

  it('maakt de code uit de eerste vier bytes van de UUID; streepjes tellen niet mee', () => {
    // 0x0a=10 → C, 0x1b=27 → W, 0x2c=44 → 44 % 31 = 13 → F, 0x3d=61 → 30 → Z.
    expect(newPersonCode(new Set(), () => uuidOf('0a1b2c3d'))).toBe('P-CWFZ');
    expect(newPersonCode(new Set(), () => '0a-1b-2c-3d')).toBe('P-CWFZ');
    expect(newPersonCode(new Set(), () => uuidOf('00010203'))).toBe('P-2345');
    expect(PERSON_CODE_RE.test('P-CWFZ')).toBe(true);
  });

  it('slaat een code over die al bestaat', () => {
    const uuids = [uuidOf('0a1b2c3d'), uuidOf('00010203')];
    expect(newPersonCode(new Set(['P-CWFZ']), () => uuids.shift()!)).toBe('P-2345');
  });

  it('geeft het na honderd bezette codes op', () => {
    let calls = 0;
    const uuid = () => {
      calls++;
      return uuidOf('0a1b2c3d');
    };
    expect(() => newPersonCode(new Set(['P-CWFZ']), uuid)).toThrow('Kon geen vrije persoonscode vinden.');
    expect(calls).toBe(100);
  });
});

describe('de namenlijst maken', () => {
  it('een apart bestand met alleen de casuscode in de naam, in de map Namenlijsten; één keer', () => {
    const h = toStep2B();
    const made = ensureNamesList(h);
    expect(made.created).toBe(true);
    const file = DriveApp.getFileById(made.id);
    expect(file.getName()).toBe(`Namenlijst ${h.row.code}`);
    expect(file.getParents().next().getName()).toBe('Namenlijsten (beperkt toegankelijk)');
    expect(logLines(h)).toContainEqual([
      'namenlijst',
      'namenlijst aangemaakt (apart bestand, beperkt toegankelijk)',
    ]);
    expect(reopen(h).row.namesId).toBe(made.id);
    expect(ensureNamesList(reopen(h))).toEqual({ id: made.id, created: false });
  });
});

describe('personen toevoegen', () => {
  it('weigert een lege naam met het regelnummer, voordat er een namenlijst is', () => {
    const h = toStep2B();
    expect(refusal(() => addPersons(h, [{ naam: 'Testpersoon Aardbei' }, { naam: '   ' }]))).toBe(
      'Namenlijst regel 2: naam ontbreekt.',
    );
    expect(refusal(() => addPersons(h, [{ naam: undefined as unknown as string }]))).toBe(
      'Namenlijst regel 1: naam ontbreekt.',
    );
    expect(reopen(h).row.namesId).toBe('');
  });

  it('schrijft de naam zonder spaties eromheen, met geboortejaar en toelichting, en logt alleen codes', () => {
    const h = toStep2B();
    const codes = addPersons(h, [
      { naam: '  Testpersoon Aardbei ', geboortejaar: 2010, toelichting: 'broer van' },
      { naam: 'Testpersoon Bosbes' },
    ]);
    expect(codes).toHaveLength(2);
    const rows = readTable(SpreadsheetApp.openById(reopen(h).row.namesId), NAMES);
    expect(rows.map((r) => [r.Code, r.Naam, r.Geboortejaar, r.Toelichting])).toEqual([
      [codes[0], 'Testpersoon Aardbei', '2010', 'broer van'],
      [codes[1], 'Testpersoon Bosbes', '', ''],
    ]);
    expect(readTable(h.ss, PERSON_TABLE).map((p) => p.code)).toEqual(codes);
    expect(logLines(h)).toContainEqual(['namenlijst', `2 persoonscode(s) toegevoegd: ${codes.join(', ')}`]);
    expect(JSON.stringify(logLines(h))).not.toContain('Testpersoon');
  });
});

describe('Namenlijst bijwerken', () => {
  it('weigert iets in kolom Code wat geen persoonscode is, met de rijen en zonder de inhoud', () => {
    const h = toStep2B();
    ensureNamesList(h);
    namesSheet(h)
      .getRange(2, 1, 3, 2)
      .setValues([
        ['Testpersoon Aardbei', 'Testpersoon Aardbei'],
        ['P-2345', 'Testpersoon Bosbes'],
        ['P-ABC', 'Testpersoon Citroen'],
      ]);
    const message = refusal(() => syncNamesList(reopen(h)));
    expect(message).toBe(
      'Namenlijst: in kolom Code staat iets wat geen persoonscode is (rij 2, 4). Maak die cel leeg; het product vult de code zelf in.',
    );
    expect(readTable(h.ss, PERSON_TABLE)).toEqual([]);
  });

  it('een persoonscode met een spatie eromheen telt als code', () => {
    const h = toStep2B();
    ensureNamesList(h);
    namesSheet(h).appendRow([' P-2345 ', 'Testpersoon Aardbei', '', '']);
    const r = syncNamesList(reopen(h));
    expect(r.added).toEqual([]);
    expect(r.codes).toHaveLength(1);
  });

  it('geeft een nieuwe naam nooit een code die al in de namenlijst staat', () => {
    const h = toStep2B();
    ensureNamesList(h);
    // A run that stopped after writing a code but before registering it.
    namesSheet(h).appendRow(['P-CWFZ', 'Testpersoon Aardbei', '', '']);
    namesSheet(h).appendRow(['', 'Testpersoon Bosbes', '', '']);
    const uuids = ['0a1b2c3d-0000-4000-8000-000000000000', '00010203-0000-4000-8000-000000000000'];
    vi.spyOn(Utilities, 'getUuid').mockImplementation(() => uuids.shift()!);
    const r = syncNamesList(reopen(h));
    expect(r.added).toEqual(['P-2345']);
    expect(r.codes).toEqual(['P-CWFZ', 'P-2345']);
    expect(readTable(h.ss, PERSON_TABLE).map((p) => p.code)).toEqual(['P-CWFZ', 'P-2345']);
  });

  it('een regel zonder naam krijgt geen code, ook niet met alleen spaties of een toelichting', () => {
    const h = toStep2B();
    ensureNamesList(h);
    namesSheet(h).appendRow(['', 'Testpersoon Aardbei', '', '']);
    namesSheet(h).appendRow(['', '   ', '', 'nog navragen']);
    const r = syncNamesList(reopen(h));
    expect(r.added).toHaveLength(1);
    expect(readTable(SpreadsheetApp.openById(h.row.namesId), NAMES).map((x) => x.Code)).toEqual([
      r.added[0],
      '',
    ]);
    expect(readTable(h.ss, PERSON_TABLE).map((p) => p.code)).toEqual(r.added);
  });

  it('nog een keer bijwerken zonder nieuwe namen schrijft en logt niets', () => {
    const h = toStep2B();
    const codes = addPersons(h, PERSONS);
    const lines = logLines(h).length;
    let r: ReturnType<typeof syncNamesList> | null = null;
    const writes = writesDuring(() => {
      r = syncNamesList(reopen(h));
    });
    expect(r).toEqual({ added: [], codes, warnings: [] });
    expect(writes).toEqual([]);
    expect(logLines(h)).toHaveLength(lines);
  });

  it('waarschuwt als het label of de wijk van de casus een naam uit de lijst noemt, zonder de naam', () => {
    const { local: l } = freshRegister(PARTNERS);
    local = l;
    const h0 = openNewCase(
      openRegister(),
      fictionalCaseInput({ label: 'Groep rond Ilse Fictief', wijk: 'Bram Verzonnen' }),
    );
    decideGate(l, h0, '1', 'verder_verkennen');
    decideGate(l, h0, '2A', 'problematisch');
    const h = reopen(h0);
    addPersons(h, [{ naam: 'Ilse Fictief' }]);
    expect(syncNamesList(reopen(h)).warnings).toEqual([
      `Het label van casus ${h.row.code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
    ]);
    addPersons(reopen(h), [{ naam: 'Bram Verzonnen' }]);
    expect(syncNamesList(reopen(h)).warnings).toEqual([
      `Het label van casus ${h.row.code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
      `Het veld Wijk van casus ${h.row.code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
    ]);
  });
});

describe('informeren overnemen per code', () => {
  /** Types into the namenlijst as the coordinator does (one row, from column E). */
  const typeInforming = (h: CaseHandle, row: number, values: unknown[]) =>
    namesSheet(h)
      .getRange(row, 5, 1, values.length)
      .setValues([values as string[]]);
  const persons = (h: CaseHandle) =>
    readTable(h.ss, PERSON_TABLE).map((p) => [p.code, p.minor, p.informedOn, p.parentsOn, p.postponedUntil]);

  it('een nieuwe naam met een foute cel krijgt een code met lege data; de meldingen per cel onder elkaar', () => {
    const h = toStep2B();
    ensureNamesList(h);
    namesSheet(h).appendRow(['', 'Testpersoon Aardbei', '2010', '', 'morgen', 'gesprek', '', '', '', '']);
    namesSheet(h).appendRow(['', 'Testpersoon Bosbes', '2010', '', '', '', '', '', '', 'in onderzoek']);
    const r = syncNamesList(reopen(h));
    expect(r.added).toHaveLength(2);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.split('\n').slice(1)).toEqual([
      'Namenlijst!E2: geen datum; typ de datum als dd-mm-jjjj of kies hem in de kalender',
      'Namenlijst!I3: vul in tot wanneer het informeren is uitgesteld',
    ]);
    expect(readTable(h.ss, PERSON_TABLE).map((p) => Object.values(p).slice(2))).toEqual([
      ['', '', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
  });

  it('een datum uit de kalender, ook zonder Sheets-service; een volwassene hoeft geen ouders', () => {
    const h = toStep2B();
    const [a, b] = addPersons(h, [
      { naam: 'Testpersoon Aardbei', geboortejaar: 2000 },
      { naam: 'Testpersoon Bosbes', geboortejaar: 2000 },
    ]) as [string, string];
    // A date picked in the calendar is a date at midnight in the spreadsheet's time zone
    // (Europe/Amsterdam, UTC+1 in January), whatever the time zone of the test process.
    const picked = new Date(Date.UTC(2026, 0, 11, 23, 0));
    typeInforming(h, 2, [picked, 'gesprek']);
    expect(syncNamesList(reopen(h)).warnings).toEqual([]);
    // Without the Sheets service the cell comes as a Date (an instant), read in the script's zone.
    typeInforming(h, 3, [picked, 'brief']);
    expect(withoutSheets(() => syncNamesList(reopen(h))).warnings).toEqual([]);
    expect(persons(h)).toEqual([
      [a, 'nee', '2026-01-12', '', ''],
      [b, 'nee', '2026-01-12', '', ''],
    ]);
  });

  it('legt een gewijzigde datum vast en logt alleen de codes die veranderden', () => {
    const h = toStep2B();
    const [a, b] = addPersons(h, PERSONS.slice(0, 2)) as [string, string];
    expect(logLines(h).filter((l) => l[0] === 'informeren')).toEqual([]);
    // Only the jongere's date changes (minor stays 'ja').
    typeInforming(h, 3, ['12-01-2026', 'gesprek']);
    syncNamesList(reopen(h));
    expect(persons(h)).toEqual([
      [a, 'ja', '', '', ''],
      [b, 'ja', '2026-01-12', '', ''],
    ]);
    expect(logLines(h).filter((l) => l[0] === 'informeren')).toEqual([
      ['informeren', `vastgelegd voor ${b}`],
    ]);
    // Only the ouders' date changes.
    typeInforming(h, 3, ['12-01-2026', 'gesprek', '12-01-2026', 'brief']);
    syncNamesList(reopen(h));
    expect(persons(h)[1]).toEqual([b, 'ja', '2026-01-12', '2026-01-12', '']);
    // Two rows at once, and a new name that is only added (not "vastgelegd").
    typeInforming(h, 2, ['12-01-2026', 'brief']);
    typeInforming(h, 3, ['', '', '', '', '01-03-2026', 'in onderzoek']);
    namesSheet(h).appendRow(['', 'Testpersoon Citroen', '2011', '']);
    const r = syncNamesList(reopen(h));
    expect(persons(h)).toEqual([
      [a, 'ja', '2026-01-12', '', ''],
      [b, 'ja', '', '', '2026-03-01'],
      [r.added[0], 'ja', '', '', ''],
    ]);
    expect(logLines(h).filter((l) => l[0] === 'informeren')).toEqual([
      ['informeren', `vastgelegd voor ${b}`],
      ['informeren', `vastgelegd voor ${b}`],
      ['informeren', `vastgelegd voor ${a}, ${b}`],
    ]);
  });
});

describe('de namenlijst verwijderen', () => {
  it('laat een open casus en een casus zonder namenlijst met rust', () => {
    const h = toStep2B();
    const open = replay(h.row.code, readDecisions(h.ss));
    expect(dropNamesListIfUnconfirmed(h, open)).toBe(false);
    addPersons(h, PERSONS.slice(0, 1));
    const hh = reopen(h);
    expect(dropNamesListIfUnconfirmed(hh, open)).toBe(false);
    expect(DriveApp.getFileById(hh.row.namesId).isTrashed()).toBe(false);
  });

  it('zegt het als Drive de namenlijst niet in de prullenbak zet, en de casus houdt hem', () => {
    const h = toStep2B();
    addPersons(h, PERSONS.slice(0, 1));
    const namesId = reopen(h).row.namesId;
    // Drive reports the file as not trashed after setTrashed (the File.isTrashed after it).
    local!.rt.injectFault({
      method: 'File.isTrashed',
      nth: 1,
      times: 1_000,
      effect: (rt) => {
        const e = rt.drive.get(namesId);
        if (e) e.trashed = false;
      },
    });
    const decide = () => closeAt2B(local!, h);
    expect(refusal(decide)).toBe(
      `De namenlijst van casus ${h.row.code} kon niet worden verwijderd; probeer het opnieuw.`,
    );
    expect(reopen(h).row.namesId).toBe(namesId);
    expect(logLines(h).some((l) => l[1]!.includes('namenlijst verwijderd'))).toBe(false);
    // Once Drive does trash it, the removal finishes and the Logboek says so without content.
    local!.rt.clearFaults();
    const state = replay(h.row.code, readDecisions(h.ss));
    expect(dropNamesListIfUnconfirmed(reopen(h), state)).toBe(true);
    expect(reopen(h).row.namesId).toBe('');
    expect(logLines(h)).toContainEqual([
      'namenlijst',
      'namenlijst verwijderd: de casus is gesloten zonder bevestigde problematiek',
    ]);
  });
});
