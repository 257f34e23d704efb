/**
 * Informing (AVG art. 14) through the namenlijst: the coordinator's columns are checked per cell
 * when the namenlijst is synced, the case keeps only dates per code, and the digest names the case
 * and the codes whose informing is late, counted per person from the day it was added.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { CATALOG } from '../../src/model/catalog';
import { PartnerListSchema, SettingsSchema } from '../../src/model/configSchemas';
import { INFORM_COLUMNS } from '../../src/model/informing';
import { isoDate } from '../../src/model/time';
import { digestMail } from '../../src/render/digestText';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import { digestItems, factsFromTables, informLate } from '../../src/workflow/digestFacts';
import { addPersons, syncNamesList } from '../../src/workflow/persons';
import { LOG, NAMES, PERSONS as PERSON_TABLE, type PersonRow } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { caseListRow, freshCaseAt2B, PARTNERS, PERSONS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());
const DAY = 86_400_000;
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

function toStep2B(): CaseHandle {
  const f = freshCaseAt2B();
  local = f.local;
  return f.h;
}

/** Types into the namenlijst as the coordinator does (one row, from column E). */
function typeInforming(h: CaseHandle, row: number, values: string[]): void {
  const sh = SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
  sh.getRange(row, 5, 1, values.length).setValues([values]);
}

describe('informeren vastleggen in de namenlijst', () => {
  it('de namenlijst krijgt de kolommen met keuzelijsten en een datumkiezer', () => {
    const h = toStep2B();
    addPersons(h, PERSONS);
    const sh = SpreadsheetApp.openById(reopen(h).row.namesId).getSheetByName(NAMES.name)!;
    expect(sh.getRange(1, 1, 1, 10).getValues()[0]).toEqual([
      'Code',
      'Naam',
      'Geboortejaar',
      'Toelichting',
      ...INFORM_COLUMNS,
    ]);
    const way = sh.getRange(2, 6).getDataValidation()!;
    expect(way.getCriteriaValues()[0]).toEqual([
      'brief',
      'gesprek',
      'telefonisch',
      'e-mail',
      'huisbezoek',
      'anders',
    ]);
    expect(String(sh.getRange(2, 5).getDataValidation()!.getCriteriaType())).toBe('DATE_IS_VALID_DATE');
  });

  it('neemt data per code over, meldt een foute cel zonder inhoud, en deelt de codes toch uit', () => {
    const h = toStep2B();
    const codes = addPersons(h, PERSONS);
    const hh = reopen(h);
    typeInforming(hh, 2, ['12-01-2026', 'gesprek', '12-01-2026', 'brief', '', '']);
    typeInforming(hh, 3, ['', '', '', '', '01-03-2026', 'Testpersoon Bosbes is in onderzoek']);
    typeInforming(hh, 4, ['morgen', 'gesprek', '', '', '', '']);
    SpreadsheetApp.openById(hh.row.namesId)
      .getSheetByName(NAMES.name)!
      .appendRow(['', 'Nieuwe Fictief', '2011', '']);
    const r = syncNamesList(reopen(h));
    expect(r.added).toHaveLength(1);
    expect(r.warnings.join('\n')).toContain('Namenlijst!E4: geen datum');
    expect(r.warnings.join('\n')).not.toContain('morgen');
    const persons = readTable(h.ss, PERSON_TABLE);
    expect(persons.map((p) => [p.code, p.minor, p.informedOn, p.parentsOn, p.postponedUntil])).toEqual([
      [codes[0], 'ja', '2026-01-12', '2026-01-12', ''],
      [codes[1], 'ja', '', '', '2026-03-01'],
      // Row 4 keeps what its earlier sync recorded (nothing informed yet).
      [codes[2], 'ja', '', '', ''],
      [r.added[0], 'ja', '', '', ''],
    ]);
    // The reason text stays in the namenlijst; the case holds dates per code only.
    expect(JSON.stringify(readTable(h.ss, PERSON_TABLE))).not.toContain('onderzoek');
    expect(readTable(h.ss, LOG).some((l) => l.event === 'informeren' && l.detail.includes(codes[0]!))).toBe(
      true,
    );
  });

  it('een namenlijst van vóór de kolommen krijgt ze bij het bijwerken', () => {
    const h = toStep2B();
    addPersons(h, PERSONS.slice(0, 1));
    const sh = SpreadsheetApp.openById(reopen(h).row.namesId).getSheetByName(NAMES.name)!;
    sh.getRange(1, 5, 1, 6).clearContent();
    sh.getRange(2, 5, sh.getMaxRows() - 1, 6).clearDataValidations();
    syncNamesList(reopen(h));
    expect(sh.getRange(1, 5, 1, 6).getValues()[0]).toEqual([...INFORM_COLUMNS]);
    expect(sh.getRange(2, 6).getDataValidation()).not.toBeNull();
  });
});

describe('het dagoverzicht waarschuwt per code', () => {
  const SETTINGS = SettingsSchema.parse({
    gemeente: 'Testdorp',
    coordinatorEmail: 'regie@testdorp.example',
    retentionMonths: 12,
  });
  const person = (code: string, addedOn: string, over: Partial<PersonRow> = {}): PersonRow => ({
    code,
    addedAt: Date.parse(`${addedOn}T09:00:00Z`),
    minor: 'ja',
    informedOn: '',
    parentsOn: '',
    postponedUntil: '',
    letterOn: '',
    closingOn: '',
    ...over,
  });

  it('na de ingestelde termijn, ook voor later toegevoegde personen vanaf hun eigen dag', () => {
    const persons = [
      person('P-AAAA', '2026-02-02'),
      person('P-BBBB', '2026-02-02', { informedOn: '2026-02-03', parentsOn: '2026-02-03' }),
      person('P-CCCC', '2026-02-02', { informedOn: '2026-02-03' }),
      person('P-DDDD', '2026-02-02', { minor: 'nee', informedOn: '2026-02-03' }),
      person('P-EEEE', '2026-02-02', { postponedUntil: '2026-04-01' }),
      person('P-FFFF', '2026-02-02', { postponedUntil: '2026-03-01' }),
      person('P-GGGG', '2026-02-20'),
    ];
    expect(SETTINGS.informDays).toBe(28);
    expect(informLate(persons, SETTINGS, '2026-03-10')).toEqual(['P-AAAA', 'P-CCCC', 'P-FFFF']);
    expect(informLate(persons, SETTINGS, '2026-03-20')).toEqual(['P-AAAA', 'P-CCCC', 'P-FFFF', 'P-GGGG']);
    expect(informLate(persons, { ...SETTINGS, informDays: 60 }, '2026-03-20')).toEqual([]);
  });

  it('noemt de casuscode en de persoonscodes, nooit namen', () => {
    const row = caseListRow({ step: '2B', namesId: 'n', label: 'speeltuin' });

    const facts = factsFromTables(
      row,
      {
        forms: [],
        outbox: [],
        quarantine: [],
        decisions: [],
        log: [],
        persons: [person('P-AAAA', '2026-02-02')],
      },
      { partners: PartnerListSchema.parse(PARTNERS), catalog: CATALOG },
      SETTINGS,
      '2026-03-10',
    );
    const items = digestItems([facts], [], []);
    expect(items.map((k) => k.keys)).toEqual([['informeren:JGA-2026-001:P-AAAA']]);
    const mail = digestMail(items, () => true, '2026-03-10', SETTINGS);
    expect(mail.body).toContain('Informeren (AVG art. 14)');
    expect(mail.body).toContain('JGA-2026-001 (speeltuin): het informeren van P-AAAA is nog niet vastgelegd');
    expect(mail.subject).toContain('1 punt');
  });

  it('een naderende vernietiging herinnert aan de afsluitbrieven', () => {
    const items = digestItems(
      [],
      [
        {
          code: 'JGA-2026-002',
          label: '',
          closedOn: '2026-01-05',
          months: 2,
          until: '2026-03-05',
          passed: false,
        },
      ],
      [],
    );
    expect(digestMail(items, () => true, '2026-03-01', SETTINGS).body).toContain(
      'verstuur vóór die datum de afsluitbrieven die nog in de beperkte map staan',
    );
  });

  it('op de in-memory Apps Script: de digest-feiten van een casus komen uit de persoonstabel', () => {
    const h = toStep2B();
    const codes = addPersons(h, PERSONS);
    local.rt.advance(40 * DAY);
    const today = isoDate(local.rt.now(), 'Europe/Amsterdam');
    expect(informLate(readTable(reopen(h).ss, PERSON_TABLE), reopen(h).reg.settings, today)).toEqual(codes);
  });
});
