/**
 * Letters to persons (workflow/letters.ts), the rules one by one: the tab Brieven as first
 * written and after a run that stopped half-way, refusals that name what is missing, what each
 * placeholder becomes, which persons get a letter, the Logboek line (codes only), the closing
 * letters when a case closes within a time budget, the existing closing letter of a person, and
 * the message the coordinator reads. The clock stands still on calls (latency off), so a budget
 * ends exactly where a test moves the clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document';
import type { LocalAppsScript } from '../../src/local/harness';
import { defaultLetterRows, LETTER_KINDS, LETTERS_SHEET } from '../../src/model/letters';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import {
  closingLettersOnClose,
  existingClosingLetter,
  knownLettersFolder,
  type LettersResult,
  lettersMessage,
  makeLetters,
  readLetterTemplates,
} from '../../src/workflow/letters';
import { addPersons } from '../../src/workflow/persons';
import { LOG, NAMES, PERSONS } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { closedAt2B, decideGate, freshLocalCase, refusal } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const PEOPLE = [
  { naam: 'Testpersoon Aardbei', geboortejaar: 2010 },
  { naam: 'Testpersoon Bosbes', geboortejaar: 2009 },
];

/** A case at 2B (it may hold a namenlijst) on an in-memory Apps Script whose clock stands still. */
function at2B(): CaseHandle {
  const f = freshLocalCase({ latency: false });
  local = f.local;
  decideGate(local, f.h, '1', 'verder_verkennen');
  decideGate(local, f.h, '2A', 'problematisch');
  return reopen(f.h);
}

const lettersTab = () => openRegister().ss.getSheetByName(LETTERS_SHEET)!;
const textOf = (id: string) => JSON.stringify(snapshotDocument(local.rt, id));
/** Live documents in a folder, in the order they were made. */
const docsIn = (folderId: string) =>
  [...local.rt.drive.values()].filter(
    (e) =>
      e.parentIds.includes(folderId) && !e.trashed && e.mimeType === 'application/vnd.google-apps.document',
  );
const letterLog = (h: CaseHandle) =>
  readTable(h.ss, LOG)
    .filter((l) => l.event === 'brieven')
    .map((l) => l.detail);
/** A document the coordinator put in the folder by hand (a copy, a note). */
function docByHand(folderId: string, name: string): string {
  const id = DocumentApp.create(name).getId();
  DriveApp.getFileById(id).moveTo(DriveApp.getFolderById(folderId));
  return id;
}

describe('de tab Brieven', () => {
  it('wordt met de standaardteksten gemaakt, als platte tekst, met een strikte keuzelijst in kolom A', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    expect(lettersTab()).toBeNull();
    const t = readLetterTemplates(openRegister());
    expect(Object.keys(t)).toEqual([...LETTER_KINDS]);
    const tab = lettersTab();
    expect(tab.getDataRange().getValues()).toEqual(defaultLetterRows());
    // Plain text: what the gemeente types later is kept as typed.
    expect(tab.getRange(2, 2).getNumberFormat()).toBe('@');
    const dv = tab.getRange(2, 1).getDataValidation()!;
    expect(dv.getCriteriaValues()[0]).toEqual([...LETTER_KINDS]);
    expect(dv.getAllowInvalid()).toBe(false);
    expect(dv.getHelpText()).toBe(
      'Welke brief deze regel is: informatiebrief of afsluitbrief. De eerste regel van een brief is de titel.',
    );
    expect(tab.getRange(1, 2).getDataValidation()).toBeNull();
  });

  it('een tab met onder de kop alleen spaties (een onderbroken run) krijgt de standaardteksten weer', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    readLetterTemplates(openRegister());
    const tab = lettersTab();
    const rows = tab.getLastRow() - 1;
    tab.getRange(2, 1, rows, 2).setValues(Array.from({ length: rows }, () => [' ', '  ']));
    expect(Object.keys(readLetterTemplates(openRegister()))).toEqual([...LETTER_KINDS]);
    expect(lettersTab().getDataRange().getValues()).toEqual(defaultLetterRows());
  });

  it('de eigen tekst van de gemeente blijft staan, ook met een eigen kolom ernaast die bijna overal leeg is', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    readLetterTemplates(openRegister());
    const tab = lettersTab();
    tab.getRange(1, 3).setValue('Opmerking');
    tab.getRange(2, 2).setValue('Uw gegevens bij {{gemeente}}');
    expect(readLetterTemplates(openRegister()).informatiebrief!.title).toBe('Uw gegevens bij {{gemeente}}');
    expect(lettersTab().getRange(1, 3).getValue()).toBe('Opmerking');
  });

  it('een tab met meer fouten weigert en noemt elke cel op een eigen regel', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    readLetterTemplates(openRegister());
    const tab = lettersTab();
    tab.getRange(3, 1).setValue('brief');
    tab.getRange(5, 2).setValue('Uw adres: {{adres}}');
    const message = refusal(() => readLetterTemplates(openRegister()));
    expect(message).toMatch(
      /^De tab Brieven klopt niet; er is geen brief gemaakt:\nBrieven!A3: kies informatiebrief of afsluitbrief\nBrieven!B5: onbekende invulplek \{\{adres\}\}/,
    );
  });
});

describe('brieven maken', () => {
  it('zonder namenlijst weigert het, en er komt geen map', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    expect(refusal(() => makeLetters(f.h, 'informatiebrief'))).toBe(
      `Casus ${f.h.row.code} heeft geen namenlijst (meer); er zijn geen brieven te maken.`,
    );
    expect(knownLettersFolder(f.h.row.code)).toBeNull();
  });

  it('zonder regels voor een afsluitbrief weigert het en zegt wat er in kolom A moet', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    readLetterTemplates(openRegister());
    const tab = lettersTab();
    const values = tab.getDataRange().getValues();
    values.forEach((r, i) => {
      if (r[0] === 'afsluitbrief') tab.getRange(i + 1, 1, 1, 2).setValues([['', '']]);
    });
    expect(refusal(() => makeLetters(reopen(h), 'afsluitbrief'))).toBe(
      'In de tab Brieven van het register staat geen afsluitbrief; voeg regels toe met in kolom A "afsluitbrief".',
    );
    expect(knownLettersFolder(h.row.code)).toBeNull();
  });

  it('vult naam, geboortejaar, gemeente, contact en bewaartermijn in; de naam staat nergens anders', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    // The coordinator typed spaces around a name and emptied a birth year in the namenlijst.
    const names = SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
    names.getRange(2, 2).setValue('  Testpersoon Aardbei  ');
    names.getRange(2, 3).setValue('');
    names.getRange(3, 3).setNumberFormat('@').setValue(' 2009 ');
    const r = makeLetters(reopen(h), 'informatiebrief');
    expect(r.made).toEqual(codes);
    const [first, second] = codes.map((c) => docsIn(r.folderId).find((d) => d.name === r.files[c])!);
    const one = textOf(first!.id);
    expect(one).toContain('"Beste Testpersoon Aardbei,"');
    expect(one).toContain('naam en geboortejaar (onbekend)');
    expect(one).toContain('Gegevens over u bij de gemeente Testdorp');
    expect(one).toContain(
      `Neem contact op met ${h.reg.settings.coordinatorName} (${h.reg.settings.coordinatorEmail}).`,
    );
    expect(one).toContain(`nog ${h.reg.settings.retentionMonths} maanden`);
    const two = textOf(second!.id);
    expect(two).toContain('"Beste Testpersoon Bosbes,"');
    expect(two).toContain('naam en geboortejaar (2009)');
    // The name is in the letter only: not in a file or folder name, not in the Logboek.
    const visible = JSON.stringify([
      [...local.rt.drive.values()].map((e) => e.name),
      readTable(h.ss, LOG).map((l) => l.detail),
    ]);
    expect(visible).not.toMatch(/Aardbei|Bosbes/);
    expect(letterLog(h)).toEqual([`2 informatiebrief(ven) gemaakt in de beperkte map: ${codes.join(', ')}`]);
  });

  it('een regel zonder code (nog niet bijgewerkt) of zonder naam krijgt geen brief', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    const names = SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
    names.getRange(2, 2).setValue('   ');
    names.appendRow(['', 'Testpersoon Citroen', 2011]);
    const r = makeLetters(reopen(h), 'informatiebrief');
    expect(r.made).toEqual([codes[1]]);
    expect(docsIn(r.folderId).map((d) => d.name)).toEqual([`Informatiebrief ${h.row.code} ${codes[1]}`]);
  });

  it('een verbeterde naam geeft een nieuwe versie, alleen voor die persoon; niets nieuws: geen regel in het Logboek', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    makeLetters(reopen(h), 'informatiebrief');
    const again = makeLetters(reopen(h), 'informatiebrief');
    expect([again.made, again.unchanged]).toEqual([[], codes]);
    expect(letterLog(h)).toHaveLength(1);
    const names = SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
    names.getRange(3, 2).setValue('Testpersoon Braam');
    const r = makeLetters(reopen(h), 'informatiebrief');
    expect([r.made, r.unchanged]).toEqual([[codes[1]], [codes[0]]]);
    expect(r.files[codes[1]!]).toBe(`Informatiebrief ${h.row.code} ${codes[1]} (versie 2)`);
    expect(letterLog(h)).toHaveLength(2);
  });

  it('een brief voor een code die niet in _personen staat schrijft _personen niet', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    const names = SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
    names.appendRow(['P99', 'Testpersoon Citroen', 2011]);
    const before = readTable(h.ss, PERSONS);
    readLetterTemplates(openRegister());
    local.rt.resetCounts();
    const r = makeLetters(reopen(h), 'informatiebrief', { codes: ['P99'] });
    expect(r.made).toEqual(['P99']);
    expect(readTable(h.ss, PERSONS)).toEqual(before);
    // One write: the Logboek line (the tab Brieven already existed).
    expect(local.rt.counts.get('Range.setValues')).toBe(1);
  });

  it('de bewaartermijn van de casus zelf gaat voor die van de instellingen; zonder eigen termijn die van de instellingen', () => {
    const h = at2B();
    addPersons(h, PEOPLE.slice(0, 1));
    const hh = reopen(h);
    expect(hh.reg.settings.retentionMonths).toBe(12);
    const r = makeLetters({ ...hh, row: { ...hh.row, retentionMonths: 6 } }, 'afsluitbrief');
    expect(textOf(docsIn(r.folderId)[0]!.id)).toContain('nog 6 maanden');
    // A case without its own term (an empty cell in the register) gets the one of the settings.
    makeLetters({ ...hh, row: { ...hh.row, retentionMonths: 0 } }, 'informatiebrief');
    expect(textOf(docsIn(r.folderId)[1]!.id)).toContain('nog 12 maanden');
  });

  it('alleen de gevraagde codes krijgen een brief, en alleen bij hen staat de datum', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    const r = makeLetters(reopen(h), 'informatiebrief', { codes: [codes[1]!] });
    expect([r.made, r.unchanged, r.remaining]).toEqual([[codes[1]], [], []]);
    expect(docsIn(r.folderId).map((d) => d.name)).toEqual([`Informatiebrief ${h.row.code} ${codes[1]}`]);
    expect(readTable(h.ss, PERSONS).map((p) => [p.code, p.letterOn, p.closingOn])).toEqual([
      [codes[0], '', ''],
      [codes[1], '2026-01-12', ''],
    ]);
    expect(letterLog(h)).toEqual([`1 informatiebrief(ven) gemaakt in de beperkte map: ${codes[1]}`]);
  });

  it('een brief die precies op de tijdgrens begint wordt nog gemaakt; een milliseconde later niet', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    expect(makeLetters(reopen(h), 'informatiebrief', { until: local.rt.now() }).made).toEqual(codes);
    const late = makeLetters(reopen(h), 'afsluitbrief', { until: local.rt.now() - 1 });
    expect([late.made, late.remaining]).toEqual([[], codes]);
  });

  it('de brieven komen naast de namenlijst, ook als die naar een andere beperkte map is verplaatst', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    const elsewhere = DriveApp.createFolder('Beperkt archief').getId();
    DriveApp.getFileById(h.row.namesId).moveTo(DriveApp.getFolderById(elsewhere));
    const r = makeLetters(reopen(h), 'informatiebrief');
    expect(local.rt.drive.get(r.folderId)!.parentIds).toEqual([elsewhere]);
  });

  it('een namenlijst zonder map (en geen bekende namenlijstenmap): een nieuwe beperkte map voor de brieven', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    local.rt.drive.get(h.row.namesId)!.parentIds = [];
    PropertiesService.getScriptProperties().deleteProperty('NAMES_FOLDER_ID');
    const r = makeLetters(reopen(h), 'informatiebrief');
    const parent = local.rt.drive.get(local.rt.drive.get(r.folderId)!.parentIds[0]!)!;
    expect(parent.name).toBe('Namenlijsten (beperkt toegankelijk)');
    expect(PropertiesService.getScriptProperties().getProperty('NAMES_FOLDER_ID')).toBe(parent.id);
  });
});

describe('de bestaande afsluitbrief', () => {
  it('is de laagste versie van die persoon; andere bestanden in de map tellen niet', () => {
    const h = at2B();
    const codes = addPersons(h, PEOPLE);
    const code = h.row.code;
    expect(existingClosingLetter(code, codes[0]!)).toBeNull();
    // Copies made by hand, the higher version first; a note and the other letters beside them.
    makeLetters(reopen(h), 'informatiebrief', { codes: [codes[0]!] });
    const folder = knownLettersFolder(code)!;
    docByHand(folder, `Afsluitbrief ${code} ${codes[0]} (versie 10)`);
    docByHand(folder, `Afsluitbrief ${code} ${codes[0]} (versie 9)`);
    docByHand(folder, `Afsluitbrief ${code} ${codes[0]} (versie 11)`);
    docByHand(folder, 'Notitie');
    expect(existingClosingLetter(code, codes[0]!)).toBe(`Afsluitbrief ${code} ${codes[0]} (versie 9)`);
    expect(existingClosingLetter(code, codes[1]!)).toBeNull();
    const r = makeLetters(reopen(h), 'afsluitbrief');
    expect(r.unchanged).toEqual([codes[0]]);
    expect(r.files[codes[0]!]).toBe(`Afsluitbrief ${code} ${codes[0]} (versie 9)`);
    expect(r.files[codes[1]!]).toBe(`Afsluitbrief ${code} ${codes[1]}`);
  });

  it('een casus zonder map voor brieven heeft er geen, zonder iets te maken', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    local.rt.resetCounts();
    expect(existingClosingLetter(f.h.row.code, 'P1')).toBeNull();
    expect(local.rt.counts.get('Drive.Files.list') ?? 0).toBe(0);
  });
});

describe('afsluitbrieven bij het sluiten', () => {
  const READY = (n: number) =>
    `${n} afsluitbrie${n === 1 ? 'f staat' : 'ven staan'} klaar in de beperkte map; verstuur ze voordat de bewaartermijn verstrijkt.`;
  const LATER = (n: number) =>
    `De andere ${n} afsluitbrie${n === 1 ? 'f volgt' : 'ven volgen'} bij de volgende automatische bijwerking; daarna wordt de namenlijst verwijderd.`;

  it('zonder namenlijst is er niets te doen', () => {
    const h = at2B();
    const state = closedAt2B(h);
    expect(closingLettersOnClose(h, state)).toEqual({ notes: [], ready: true });
    expect(knownLettersFolder(h.row.code)).toBeNull();
  });

  it('alles binnen de tijd: één melding, klaar', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    expect(closingLettersOnClose(reopen(h), closedAt2B(h))).toEqual({ notes: [READY(2)], ready: true });
  });

  it('één persoon: "1 afsluitbrief staat klaar"', () => {
    const h = at2B();
    addPersons(h, PEOPLE.slice(0, 1));
    expect(closingLettersOnClose(reopen(h), closedAt2B(h))).toEqual({ notes: [READY(1)], ready: true });
  });

  it('de tijd raakt op na de eerste brief: één klaar, de andere volgt, de namenlijst wacht', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    local.rt.injectFault({ method: 'Drive.Files.create', nth: 1, effect: (rt) => rt.advance(2 * 60_000) });
    expect(closingLettersOnClose(reopen(h), closedAt2B(h))).toEqual({
      notes: [READY(1), LATER(1)],
      ready: false,
    });
  });

  it('geen tijd: alleen de melding dat ze volgen', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    expect(closingLettersOnClose(reopen(h), closedAt2B(h), -1)).toEqual({ notes: [LATER(2)], ready: false });
  });

  it('een fout sjabloon houdt de namenlijst niet vast: de weigering staat in de melding en het Logboek', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    readLetterTemplates(openRegister());
    lettersTab().getRange(lettersTab().getLastRow(), 2).setValue('Groet {{adres}}');
    const r = closingLettersOnClose(reopen(h), closedAt2B(h));
    expect(r.ready).toBe(true);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(
      /^De afsluitbrieven zijn niet gemaakt: De tab Brieven klopt niet; er is geen brief gemaakt:\nBrieven!B\d+: onbekende invulplek \{\{adres\}\}/,
    );
    expect(letterLog(h)).toEqual([
      r.notes[0]!.replace('De afsluitbrieven zijn niet gemaakt: ', 'afsluitbrieven niet gemaakt: '),
    ]);
  });

  it('een onverwachte fout van Google: "onverwachte fout", zonder de tekst van Google in het Logboek', () => {
    const h = at2B();
    addPersons(h, PEOPLE);
    local.rt.injectFault({
      method: 'Drive.Files.create',
      nth: 1,
      message: 'Internal error: wijkagent@politie.example',
    });
    expect(closingLettersOnClose(reopen(h), closedAt2B(h))).toEqual({
      notes: ['De afsluitbrieven zijn niet gemaakt: onverwachte fout'],
      ready: true,
    });
    expect(letterLog(h)).toEqual(['afsluitbrieven niet gemaakt: onverwachte fout']);
  });
});

describe('de melding na "Brieven maken"', () => {
  const h = { row: { code: 'JGA-2026-001' } } as CaseHandle;
  const result = (kind: LettersResult['kind'], over: Partial<LettersResult>): LettersResult => ({
    kind,
    made: [],
    unchanged: [],
    remaining: [],
    files: {},
    folderId: 'map',
    ...over,
  });
  const TAIL =
    'De brieven staan alleen in de beperkte map "Brieven JGA-2026-001" naast de namenlijst; verstuur ze zelf.';

  it('één nieuwe informatiebrief, zonder vernietigingsdatum', () => {
    expect(lettersMessage(h, [result('informatiebrief', { made: ['P1'] })], '')).toBe(
      `Casus JGA-2026-001: 1 informatiebrief gemaakt (P1). ${TAIL}`,
    );
  });

  it('per soort wat nieuw, ongewijzigd en nog te doen is, en de datum waarop de map verdwijnt', () => {
    const msg = lettersMessage(
      h,
      [
        result('informatiebrief', { unchanged: ['P1', 'P2'], remaining: ['P3'] }),
        result('afsluitbrief', { made: ['P1', 'P2'] }),
      ],
      '2027-02-01',
    );
    expect(msg).toBe(
      `Casus JGA-2026-001: geen nieuwe informatiebrieven; 2 bestond(en) al ongewijzigd; 1 volgen als u dit opnieuw kiest; 2 afsluitbrieven gemaakt (P1, P2). ${TAIL} Verstuur afsluitbrieven vóór 01-02-2027: dan wordt de map vernietigd.`,
    );
    expect(lettersMessage(h, [result('afsluitbrief', {})], '')).toBe(
      `Casus JGA-2026-001: geen nieuwe afsluitbrieven. ${TAIL}`,
    );
  });
});
