/** Informing under AVG art. 14 (model/informing): the minor rule, the check per cell and the state. */
import { describe, expect, it } from 'vitest';
import {
  checkInformRow,
  DEFAULT_INFORM_DAYS,
  EMPTY_INFORM,
  INFORM_COLUMNS,
  type InformColumn,
  informListRules,
  informState,
  isMinor,
  letterCounts,
  parseDay,
} from '../../src/model/informing';
import { isoDate } from '../../src/model/time';

const toDay = (ms: number) => isoDate(ms, 'Europe/Amsterdam');
const OPTS = { sheet: 'Namenlijst', today: '2026-03-10', toDay };
const cells = (over: Partial<Record<InformColumn, string>> = {}) =>
  Object.fromEntries(INFORM_COLUMNS.map((c) => [c, over[c] ?? ''])) as Record<InformColumn, string>;
const row = (over: Partial<Record<InformColumn, string>>, birthYear = '2010', addedOn = '2026-02-02') => ({
  row: 4,
  code: 'P-7F3K',
  birthYear,
  addedOn,
  cells: cells(over),
});

describe('minderjarig: uit het geboortejaar en de dag van toevoegen', () => {
  it('minderjarig tenzij zeker 18: in het jaar van de 18e verjaardag nog minderjarig, zonder geboortejaar ook', () => {
    expect(isMinor('2008', '2026-02-02')).toBe(true);
    expect(isMinor('2007', '2026-02-02')).toBe(false);
    expect(isMinor(2010, '2026-12-31')).toBe(true);
    expect(isMinor('', '2026-02-02')).toBe(true);
    expect(isMinor('onbekend', '2026-02-02')).toBe(true);
  });
});

describe('datums in de namenlijst', () => {
  it('leest een echte datum (middernacht in Amsterdam), dd-mm-jjjj en jjjj-mm-dd; de rest is geen datum', () => {
    expect(parseDay('2026-03-01T23:00:00.000Z', toDay)).toBe('2026-03-02');
    expect(parseDay('2-3-2026', toDay)).toBe('2026-03-02');
    expect(parseDay('02/03/2026', toDay)).toBe('2026-03-02');
    expect(parseDay('2026-03-02', toDay)).toBe('2026-03-02');
    expect(parseDay('31-02-2026', toDay)).toBeNull();
    expect(parseDay('gisteren', toDay)).toBeNull();
  });
});

describe('de controle per cel', () => {
  it('neemt een volledige rij over: datum en wijze voor de jongere en de ouders', () => {
    const r = checkInformRow(
      row({
        'Jongere geïnformeerd op': '03-03-2026',
        'Wijze jongere': 'Gesprek',
        'Ouders geïnformeerd op': '2026-03-04',
        'Wijze ouders': 'brief',
      }),
      OPTS,
    );
    expect(r.problems).toEqual([]);
    expect(r.record).toEqual({
      informedOn: '2026-03-03',
      parentsOn: '2026-03-04',
      minor: true,
      postponedUntil: '',
    });
  });

  it('noemt elke cel met een probleem, zonder de inhoud te herhalen', () => {
    const r = checkInformRow(
      row({
        'Jongere geïnformeerd op': 'Jan Fictief',
        'Wijze jongere': 'brief',
        'Ouders geïnformeerd op': '01-04-2026',
        'Wijze ouders': 'duif',
        'Uitgesteld tot': '01-05-2026',
      }),
      OPTS,
    );
    expect(r.problems.map((p) => p.cell)).toEqual([
      'Namenlijst!E4',
      'Namenlijst!G4',
      'Namenlijst!H4',
      'Namenlijst!J4',
    ]);
    expect(r.problems[1]!.message).toMatch(/toekomst/);
    expect(r.problems[2]!.message).toMatch(/brief, gesprek/);
    expect(r.problems[3]!.message).toMatch(/reden/);
    expect(JSON.stringify(r.problems)).not.toContain('Jan Fictief');
    expect(JSON.stringify(r.problems)).not.toContain('duif');
  });

  it('een datum zonder wijze, een wijze zonder datum, uitstel zonder datum en een datum vóór het geboortejaar', () => {
    const r = checkInformRow(
      row({
        'Jongere geïnformeerd op': '03-03-2026',
        'Wijze ouders': 'brief',
        'Reden uitstel': 'lopend onderzoek',
      }),
      OPTS,
    );
    expect(r.problems.map((p) => p.cell)).toEqual(['Namenlijst!F4', 'Namenlijst!G4', 'Namenlijst!I4']);
    const old = checkInformRow(
      row({ 'Jongere geïnformeerd op': '03-03-2005', 'Wijze jongere': 'brief' }),
      OPTS,
    );
    expect(old.problems).toEqual([
      { cell: 'Namenlijst!E4', message: 'deze datum ligt vóór het geboortejaar' },
    ]);
  });

  it('uitstel met reden en einddatum wordt overgenomen; een volwassene heeft geen ouders nodig', () => {
    const r = checkInformRow(
      row({ 'Uitgesteld tot': '01-05-2026', 'Reden uitstel': 'lopend onderzoek' }, '2000'),
      OPTS,
    );
    expect(r.problems).toEqual([]);
    expect(r.record).toEqual({ informedOn: '', parentsOn: '', minor: false, postponedUntil: '2026-05-01' });
  });
});

describe('waar het informeren staat', () => {
  const added = '2026-02-02';
  it('geïnformeerd: de jongere, en bij een minderjarige ook de ouders', () => {
    const jongere = { ...EMPTY_INFORM, informedOn: '2026-02-10' };
    expect(informState(jongere, added, '2026-03-10', 28)).toBe('te laat');
    expect(informState({ ...jongere, minor: false }, added, '2026-03-10', 28)).toBe('geïnformeerd');
    expect(informState({ ...jongere, parentsOn: '2026-02-11' }, added, '2026-03-10', 28)).toBe(
      'geïnformeerd',
    );
  });

  it('open binnen de termijn, te laat vanaf de dag erna-telling; uitstel telt tot en met de dag zelf', () => {
    expect(informState(EMPTY_INFORM, added, '2026-03-01', 28)).toBe('open');
    expect(informState(EMPTY_INFORM, added, '2026-03-02', 28)).toBe('te laat');
    const later = { ...EMPTY_INFORM, postponedUntil: '2026-04-01' };
    expect(informState(later, added, '2026-04-01', 28)).toBe('uitgesteld');
    // Postponed past its date: missing again.
    expect(informState(later, added, '2026-04-02', 28)).toBe('te laat');
    expect(informState(later, '2026-03-30', '2026-04-02', 28)).toBe('open');
  });

  it('de standaardtermijn valt binnen de maand van art. 14 lid 3 AVG', () => {
    expect(DEFAULT_INFORM_DAYS).toBeLessThanOrEqual(28);
  });
});

describe('randgevallen van de controle', () => {
  it('een geboortejaar 0 of met spaties', () => {
    expect(isMinor('0', '2026-02-02')).toBe(true);
    expect(isMinor(' 2007 ', '2026-02-02')).toBe(false);
    expect(isMinor('  ', '2026-02-02')).toBe(true);
  });

  it('leest een datum met spaties eromheen', () => {
    expect(parseDay(' 2-3-2026 ', toDay)).toBe('2026-03-02');
  });

  it('een rij zonder toevoegdatum telt vanaf vandaag; spaties en ontbrekende vakjes tellen niet', () => {
    const r = checkInformRow(
      {
        row: 5,
        code: '',
        birthYear: '2000',
        addedOn: '',
        cells: { 'Jongere geïnformeerd op': ' 03-03-2026 ', 'Wijze jongere': ' Brief ' } as Record<
          InformColumn,
          string
        >,
      },
      OPTS,
    );
    expect(r).toEqual({
      record: { informedOn: '2026-03-03', parentsOn: '', minor: false, postponedUntil: '' },
      problems: [],
    });
  });

  it('een datum of wijze met een fout telt niet als geïnformeerd', () => {
    const wrong = (over: Partial<Record<InformColumn, string>>, birthYear = '2010') =>
      checkInformRow(row(over, birthYear), OPTS);
    const cases = [
      wrong({ 'Jongere geïnformeerd op': 'gisteren', 'Wijze jongere': 'brief' }),
      wrong({ 'Jongere geïnformeerd op': '01-04-2026', 'Wijze jongere': 'brief' }),
      wrong({ 'Jongere geïnformeerd op': '03-03-2009', 'Wijze jongere': 'brief' }),
      wrong({ 'Jongere geïnformeerd op': '03-03-2026', 'Wijze jongere': 'duif' }),
      wrong({ 'Jongere geïnformeerd op': '03-03-2026' }),
      wrong({ 'Wijze jongere': 'brief' }),
    ];
    for (const r of cases) {
      expect(r.record.informedOn).toBe('');
      expect(r.problems).toHaveLength(1);
    }
    expect(cases[4]!.problems).toEqual([
      { cell: 'Namenlijst!F4', message: 'vul ook in op welke manier is geïnformeerd' },
    ]);
    expect(cases[5]!.problems).toEqual([
      { cell: 'Namenlijst!E4', message: 'vul ook de datum in waarop is geïnformeerd' },
    ]);
  });

  it('een datum in het geboortejaar mag; een geboortejaar dat geen jaar is telt niet', () => {
    const inYear = checkInformRow(
      row({ 'Jongere geïnformeerd op': '03-03-2010', 'Wijze jongere': 'brief' }),
      OPTS,
    );
    expect(inYear.problems).toEqual([]);
    const odd = checkInformRow(
      row({ 'Jongere geïnformeerd op': '03-03-2010', 'Wijze jongere': 'brief' }, '2010.5'),
      OPTS,
    );
    expect(odd.problems).toEqual([]);
    expect(odd.record).toMatchObject({ informedOn: '2010-03-03', minor: true });
  });

  it('uitstel met een foute datum of zonder reden wordt niet overgenomen', () => {
    const bad = checkInformRow(row({ 'Uitgesteld tot': 'later', 'Reden uitstel': 'onderzoek' }), OPTS);
    expect(bad.record.postponedUntil).toBe('');
    expect(bad.problems.map((p) => p.cell)).toEqual(['Namenlijst!I4']);
    const noReason = checkInformRow(row({ 'Uitgesteld tot': '01-05-2026' }), OPTS);
    expect(noReason.record.postponedUntil).toBe('');
    const noDate = checkInformRow(row({ 'Reden uitstel': 'onderzoek' }), OPTS);
    expect(noDate.problems).toEqual([
      { cell: 'Namenlijst!I4', message: 'vul in tot wanneer het informeren is uitgesteld' },
    ]);
  });

  it('de keuzelijsten voor de wijze van informeren laten alleen de vaste wijzen toe', () => {
    const help = 'Hoe is geïnformeerd: brief, gesprek, telefonisch, e-mail, huisbezoek, anders.';
    const values = ['brief', 'gesprek', 'telefonisch', 'e-mail', 'huisbezoek', 'anders'];
    expect(informListRules()).toEqual([
      { header: 'Wijze jongere', values, strict: true, help },
      { header: 'Wijze ouders', values, strict: true, help },
    ]);
  });
});

describe('brieven op het dashboard', () => {
  const persons = [
    { informedOn: '', letterOn: '', closingOn: '' },
    { informedOn: '2026-03-01', letterOn: '', closingOn: '2026-06-01' },
    { informedOn: '', letterOn: '2026-02-03', closingOn: '' },
  ];
  it('open casus: wie nog geen brief en geen informeren heeft', () => {
    expect(letterCounts(persons, false, true)).toEqual({ toMake: 1, waiting: 0 });
  });
  it('gesloten: slotbrieven te maken zolang de namenlijst er is, en de gemaakte wachten', () => {
    expect(letterCounts(persons, true, true)).toEqual({ toMake: 2, waiting: 1 });
    expect(letterCounts(persons, true, false)).toEqual({ toMake: 0, waiting: 1 });
  });
});
