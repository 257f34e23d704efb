/**
 * The rules of the register's `Vragen` tab, cell by cell: what a coordinator may change in a
 * national question, how a gemeente's own question is read, and which cell each refusal names.
 * A small hand-made catalog keeps every expectation visible here.
 */
import { describe, expect, it } from 'vitest';
import { parseQuestionRows, QUESTION_HEADERS, questionsToRows } from '../../src/model/questionsSheet';
import type { Question } from '../../src/model/types';

const CHOICE: Question = {
  id: '2A.omvang',
  step: '2A',
  kinds: ['politie', 'boa'],
  level: 'groep',
  theme: 'groepsbeschrijving',
  type: 'choice',
  title: 'Hoe groot is de groep?',
  help: 'Schatting is goed.',
  required: true,
  choices: ['klein', 'middel', 'groot'],
  source: 'B',
};
const OPEN: Question = {
  id: '1.aanleiding',
  step: '1',
  kinds: 'all',
  level: 'groep',
  theme: 'aanleiding',
  type: 'paragraph',
  title: 'Wat is er aan de hand?',
  source: 'I',
};
const BOXES: Question = { ...OPEN, id: '1.plekken', type: 'checkboxes', title: 'Waar?' };
const SCALE: Question = {
  ...OPEN,
  id: '3.overlast',
  step: '3',
  theme: 'dynamiek',
  type: 'scale',
  title: 'Hoeveel overlast?',
  scale: { min: 1, max: 5, minLabel: 'weinig', maxLabel: 'veel' },
};
const CATALOG = [CHOICE, OPEN, BOXES, SCALE];
const ROWS = questionsToRows(CATALOG);

/** The tab with one row replaced (row numbers as in the sheet: 2 is the first question). */
function withRow(sheetRow: number, cells: readonly unknown[]): unknown[][] {
  const rows: unknown[][] = ROWS.map((r) => [...r]);
  rows[sheetRow - 1] = [...cells];
  return rows;
}
function withCell(sheetRow: number, col: number, value: unknown): unknown[][] {
  const row: unknown[] = [...ROWS[sheetRow - 1]!];
  row[col] = value;
  return withRow(sheetRow, row);
}
function errors(rows: readonly (readonly unknown[])[]): string[] {
  const r = parseQuestionRows(rows, CATALOG);
  return r.ok ? [] : r.errors;
}
function overrides(rows: readonly (readonly unknown[])[]) {
  const r = parseQuestionRows(rows, CATALOG);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.overrides;
}
/** A gemeente's own question: id, step, partners, level, type, title, help, required, hide, choices. */
function own(...cells: unknown[]): unknown[][] {
  return [...ROWS, cells];
}
const OWN_ROW = ROWS.length + 1;

describe('questionsToRows: de tab zoals de coördinator hem ziet', () => {
  it('schrijft elke vraag als één rij onder de kopregel, met Nederlandse woorden', () => {
    expect(ROWS[0]).toEqual([...QUESTION_HEADERS]);
    expect(ROWS.slice(1)).toEqual([
      [
        '2A.omvang',
        '2A',
        'politie, boa',
        'groep',
        'keuze',
        'Hoe groot is de groep?',
        'Schatting is goed.',
        'ja',
        'nee',
        'klein; middel; groot',
      ],
      ['1.aanleiding', '1', 'alle', 'groep', 'alinea', 'Wat is er aan de hand?', '', 'nee', 'nee', ''],
      ['1.plekken', '1', 'alle', 'groep', 'aankruisvakjes', 'Waar?', '', 'nee', 'nee', ''],
      ['3.overlast', '3', 'alle', 'groep', 'schaal', 'Hoeveel overlast?', '', 'nee', 'nee', ''],
    ]);
  });
});

describe('een landelijke vraag aanpassen', () => {
  it('een andere titel, toelichting of verplicht-waarde wordt een aanpassing; verbergen ook', () => {
    const rows = withRow(2, [
      '2A.omvang',
      '2A',
      'politie, boa',
      'groep',
      'keuze',
      'Hoeveel jongeren?',
      '',
      'nee',
      'x',
      'klein; middel; groot',
    ]);
    expect(overrides(rows)).toEqual({
      titles: { '2A.omvang': 'Hoeveel jongeren?' },
      help: { '2A.omvang': '' },
      required: { '2A.omvang': false },
      hide: ['2A.omvang'],
      extra: [],
    });
  });

  it('ja, j, yes, true en x (ook met hoofdletters en spaties) betekenen ja; al het andere nee', () => {
    for (const v of ['ja', 'J', ' yes ', 'TRUE', 'x']) {
      expect(overrides(withCell(3, 7, v)).required, v).toEqual({ '1.aanleiding': true });
      expect(overrides(withCell(3, 8, v)).hide, v).toEqual(['1.aanleiding']);
    }
    for (const v of ['nee', 'jaa', 'xja', 'ja!', 'nooit', '', null, undefined]) {
      expect(overrides(withCell(3, 7, v)).required, String(v)).toEqual({});
      expect(overrides(withCell(3, 8, v)).hide, String(v)).toEqual([]);
    }
  });

  it('lege cellen (null) en spaties rond de tekst tellen als de oorspronkelijke waarde', () => {
    const rows = withRow(3, [
      '  1.aanleiding ',
      ' 1 ',
      ' ALLE ',
      'Groep',
      'Alinea',
      ' Wat is er aan de hand? ',
      null,
      undefined,
      null,
      null,
    ]);
    expect(overrides(rows)).toEqual({ titles: {}, help: {}, required: {}, hide: [], extra: [] });
  });

  it('stap, partners, niveau, soort en keuzes liggen vast: elke wijziging noemt haar cel', () => {
    const rows = withRow(2, [
      '2A.omvang',
      '3',
      'politie',
      'persoon',
      'alinea',
      'Hoe groot is de groep?',
      'Schatting is goed.',
      'ja',
      'nee',
      'klein; groot',
    ]);
    const fixed = (cell: string, what: string) =>
      `Vragen!${cell}: ${what} van landelijke vraag 2A.omvang kan niet worden gewijzigd; zet de oude waarde terug, of verberg de vraag en voeg een eigen vraag toe`;
    expect(errors(rows)).toEqual([
      fixed('B2', 'de stap'),
      fixed('C2', 'de partners'),
      fixed('D2', 'het niveau'),
      fixed('E2', 'de soort vraag'),
      fixed('J2', 'de keuzes'),
    ]);
  });

  it('een lege of te lange titel wordt geweigerd met de cel', () => {
    expect(errors(withCell(4, 5, '  '))).toEqual(['Vragen!F4: titel ontbreekt']);
    expect(errors(withCell(4, 5, 'x'.repeat(201)))).toEqual(['Vragen!F4: titel is langer dan 200 tekens']);
    expect(overrides(withCell(4, 5, 'y'.repeat(200))).titles).toEqual({ '1.plekken': 'y'.repeat(200) });
  });

  it('een rij zonder id wordt overgeslagen; een dubbel id noemt de eerste rij', () => {
    expect(overrides([...ROWS, ['', '9', 'onzin'], [null]])).toEqual({
      titles: {},
      help: {},
      required: {},
      hide: [],
      extra: [],
    });
    expect(errors([...ROWS, [...ROWS[3]!]])).toEqual([
      `Vragen!A${OWN_ROW}: vraag-id "1.plekken" staat dubbel; staat ook in rij 4`,
    ]);
  });
});

describe('een eigen vraag van de gemeente', () => {
  it('een eigen vraag krijgt het hoofdstuk van zijn stap, de toelichting, verplicht en de keuzes', () => {
    const { extra } = overrides(
      own(
        '2A.sfeer',
        '2a',
        'Politie; boa,, jongerenwerk',
        'GROEP',
        'Keuze',
        ' Hoe is de sfeer? ',
        ' Kort ',
        'ja',
        'nee',
        ' rustig ;; ; gespannen ',
      ),
    );
    expect(extra).toEqual([
      {
        id: '2A.sfeer',
        step: '2A',
        kinds: ['politie', 'boa', 'jongerenwerk'],
        level: 'groep',
        theme: 'groepsbeschrijving',
        type: 'choice',
        title: 'Hoe is de sfeer?',
        help: 'Kort',
        required: true,
        choices: ['rustig', 'gespannen'],
        source: 'I',
      },
    ]);
  });

  it('zonder toelichting, niet verplicht en zonder keuzes bij een open vraag: die velden ontbreken', () => {
    const { extra } = overrides(
      own('7.les', '7', 'alle', 'groep', 'paragraph', 'Wat leerden we?', '', 'nee', '', 'a; b'),
    );
    expect(extra).toEqual([
      {
        id: '7.les',
        step: '7',
        kinds: 'all',
        level: 'groep',
        theme: 'evaluatie',
        type: 'paragraph',
        title: 'Wat leerden we?',
        source: 'I',
      },
    ]);
  });

  it('aankruisvakjes krijgen hun keuzes; een schaal zonder bereik is 1-5, met spaties mag ook', () => {
    const boxes = overrides(own('6.wie', '6', 'alle', 'domein', 'aankruisvakjes', 'Wie?', '', '', '', 'a;b'))
      .extra!;
    expect(boxes[0]!.choices).toEqual(['a', 'b']);
    expect(boxes[0]!.theme).toBe('monitoring');
    const plain = overrides(own('5.s', '5', 'alle', 'groep', 'schaal', 'Hoe?', '', '', '', '')).extra!;
    expect(plain[0]!.scale).toEqual({ min: 1, max: 5, minLabel: '', maxLabel: '' });
    expect(plain[0]!.theme).toBe('pva');
    const zero = overrides(own('4.s', '4', 'alle', 'groep', 'schaal', 'Hoe?', '', '', '', '0 - 4')).extra!;
    expect(zero[0]!.scale).toEqual({ min: 0, max: 4, minLabel: '', maxLabel: '' });
    expect(zero[0]!.theme).toBe('advies');
    expect(zero[0]!.choices).toBeUndefined();
  });

  it('een schaal die niet bij 0 of 1 begint wordt geweigerd met cel J', () => {
    expect(errors(own('5.s', '5', 'alle', 'groep', 'schaal', 'Hoe?', '', '', '', '2-5'))).toEqual([
      `Vragen!J${OWN_ROW}: schrijf de schaal als van-tot, bijv. 1-5`,
    ]);
    expect(
      errors(own('5.s', '5', 'alle', 'groep', 'schaal', 'Hoe?', '', '', '', 'van 1 tot 5')),
    ).toHaveLength(1);
  });

  it('een persoonsvraag wordt per persoon gesteld, in het hoofdstuk persoon', () => {
    const { extra } = overrides(
      own('2B.school', '2B', 'leerplicht', 'persoon', 'kort antwoord', 'Welke school?', '', '', '', ''),
    );
    expect(extra![0]).toMatchObject({
      level: 'persoon',
      theme: 'persoon',
      repeat: 'per_person',
      kinds: ['leerplicht'],
    });
    const group = overrides(own('2B.groep', '2B', 'alle', 'groep', 'datum', 'Sinds wanneer?', '', '', '', ''))
      .extra!;
    expect(group[0]!.repeat).toBeUndefined();
    expect(group[0]!.theme).toBe('persoon');
    expect(group[0]!.type).toBe('date');
  });

  it('elke fout in de rij noemt haar eigen cel, en de vraag komt er niet bij', () => {
    const r = parseQuestionRows(
      own('9.x', '9', 'politie, marechaussee, douane', 'straat', 'tekstvak', '', '', '', '', ''),
      CATALOG,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        `Vragen!B${OWN_ROW}: onbekende stap "9"`,
        `Vragen!C${OWN_ROW}: onbekende partnersoort "marechaussee, douane"; schrijf "alle" of bijv. politie, boa`,
        `Vragen!D${OWN_ROW}: onbekend niveau "straat"; kies groep, persoon, domein, online`,
        `Vragen!E${OWN_ROW}: onbekende soort vraag "tekstvak"; kies kort antwoord, alinea, keuze, aankruisvakjes, schaal, datum, raster`,
        `Vragen!F${OWN_ROW}: titel ontbreekt`,
      ],
    });
  });

  it('een lege partnercel is geen "alle": de melding toont wat er staat', () => {
    expect(errors(own('3.x', '3', ' , ;', 'groep', 'alinea', 'Titel', '', '', '', ''))).toEqual([
      `Vragen!C${OWN_ROW}: onbekende partnersoort ", ;"; schrijf "alle" of bijv. politie, boa`,
    ]);
    expect(errors(own('3.x', '3', '', 'groep', 'alinea', 'Titel', '', '', '', ''))).toEqual([
      `Vragen!C${OWN_ROW}: onbekende partnersoort ""; schrijf "alle" of bijv. politie, boa`,
    ]);
  });

  it('een verborgen eigen vraag met fouten meldt toch de fouten', () => {
    expect(errors(own('3.x', '3', 'alle', 'niks', 'alinea', 'Titel', '', '', 'ja', ''))).toEqual([
      `Vragen!D${OWN_ROW}: onbekend niveau "niks"; kies groep, persoon, domein, online`,
    ]);
  });

  it('de regels van de catalogus gelden ook: een id moet met zijn stap beginnen (cel A)', () => {
    const e = errors(own('4.x', '3', 'alle', 'groep', 'alinea', 'Titel', '', '', '', ''));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(new RegExp(`^Vragen!A${OWN_ROW}: Vraag "4\\.x": de id moet beginnen met "3\\."`));
  });

  it('fouten in meerdere rijen worden allemaal gemeld, een goede vraag ernaast niet', () => {
    const rows = [
      ...ROWS,
      ['3.a', '3', 'alle', 'groep', 'alinea', '', '', '', '', ''],
      ['3.b', '3', 'alle', 'groep', 'alinea', 'Goed', '', '', '', ''],
    ];
    expect(errors(rows)).toEqual([`Vragen!F${OWN_ROW}: titel ontbreekt`]);
  });
});
