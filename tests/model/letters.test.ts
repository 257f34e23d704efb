/** Letter templates (model/letters) and the letter as a document (render/letter): pure. */
import { describe, expect, it } from 'vitest';
import { unzip } from '../../src/local/apps-script/unzip';
import {
  DEFAULT_LETTERS,
  defaultLetterRows,
  fillTemplate,
  LETTER_PLACEHOLDERS,
  type LetterValues,
  letterFileName,
  letterVersion,
  parseLetterRows,
} from '../../src/model/letters';
import { docTreeToDocx } from '../../src/render/docx/docx';
import { letterTree } from '../../src/render/letter';

const VALUES: LetterValues = {
  naam: 'Fictief Persoon',
  geboortejaar: '2010',
  gemeente: 'Testdorp',
  datum: '04-12-2026',
  contact: 'Procesregisseur (regie@testdorp.example)',
  bewaartermijn: '12',
};

describe('het sjabloon in de tab Brieven', () => {
  it('de standaardteksten zijn geldig en gebruiken alleen bekende invulplekken', () => {
    const r = parseLetterRows(defaultLetterRows());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.templates.informatiebrief!.title).toBe(DEFAULT_LETTERS.informatiebrief[0]);
    expect(r.templates.afsluitbrief!.paragraphs).toHaveLength(DEFAULT_LETTERS.afsluitbrief.length - 1);
    const all = defaultLetterRows().flat().join('\n');
    for (const key of Object.keys(LETTER_PLACEHOLDERS)) expect(all).toContain(`{{${key}}}`);
  });

  it('weigert een onbekende invulplek, een onbekende brief en een losse accolade, met de cel erbij', () => {
    const r = parseLetterRows([
      ['Brief', 'Tekst'],
      ['informatiebrief', 'Titel'],
      ['informatiebrief', 'Uw adres: {{adres}} en {{ Naam }}'],
      ['verjaardagskaart', 'Gefeliciteerd'],
      ['afsluitbrief', 'Beste {{naam},'],
      ['', ''],
    ]);
    expect(r.ok ? [] : r.errors).toEqual([
      'Brieven!B3: onbekende invulplek {{adres}}; gebruik {{naam}}, {{geboortejaar}}, {{gemeente}}, {{datum}}, {{contact}}, {{bewaartermijn}}',
      'Brieven!A4: kies informatiebrief of afsluitbrief',
      'Brieven!B5: een invulplek zonder begin of eind; schrijf ze als {{naam}}',
    ]);
  });
});

describe('invullen', () => {
  it('vult elke invulplek in, ook met spaties en hoofdletters', () => {
    expect(fillTemplate('Beste {{naam}}, {{ Gemeente }} {{datum}}', VALUES)).toBe(
      'Beste Fictief Persoon, Testdorp 04-12-2026',
    );
  });

  it('een waarde blijft letterlijk: geen tweede ronde, geen formule, geen vervangpatroon', () => {
    const odd = { ...VALUES, naam: '{{datum}} =1+1 $& $1' };
    expect(fillTemplate('Beste {{naam}} op {{datum}}', odd)).toBe('Beste {{datum}} =1+1 $& $1 op 04-12-2026');
  });

  it('de brief als document: titel en alinea’s, de naam als gewone tekst in de .docx', () => {
    const tree = letterTree(
      { title: 'Brief voor {{naam}}', paragraphs: ['Beste {{naam}},', 'Groet'] },
      {
        ...VALUES,
        naam: '<b>=1+1</b> & {{datum}}',
      },
    );
    expect(tree.title).toBe('Brief voor <b>=1+1</b> & {{datum}}');
    expect(tree.nodes).toEqual([
      { type: 'paragraph', runs: [{ text: 'Beste <b>=1+1</b> & {{datum}},' }] },
      { type: 'paragraph', runs: [{ text: 'Groet' }] },
    ]);
    const xml = new TextDecoder().decode(unzip(docTreeToDocx(tree)).get('word/document.xml')!);
    expect(xml).toContain('&lt;b&gt;=1+1&lt;/b&gt; &amp; {{datum}}');
    expect(xml).not.toContain('<b>');
  });
});

describe('bestandsnamen', () => {
  it('alleen casuscode en persoonscode, met een versienummer vanaf 2', () => {
    expect(letterFileName('informatiebrief', 'JGA-2026-001', 'P-7F3K')).toBe(
      'Informatiebrief JGA-2026-001 P-7F3K',
    );
    expect(letterFileName('afsluitbrief', 'JGA-2026-001', 'P-7F3K', 3)).toBe(
      'Afsluitbrief JGA-2026-001 P-7F3K (versie 3)',
    );
    expect(
      letterVersion(
        'Informatiebrief JGA-2026-001 P-7F3K (versie 3)',
        'informatiebrief',
        'JGA-2026-001',
        'P-7F3K',
      ),
    ).toBe(3);
    expect(
      letterVersion('Informatiebrief JGA-2026-001 P-7F3K', 'informatiebrief', 'JGA-2026-001', 'P-7F3K'),
    ).toBe(1);
    expect(
      letterVersion('Informatiebrief JGA-2026-001 P-7F3KX', 'informatiebrief', 'JGA-2026-001', 'P-7F3K'),
    ).toBe(0);
    expect(
      letterVersion('Afsluitbrief JGA-2026-001 P-7F3K', 'informatiebrief', 'JGA-2026-001', 'P-7F3K'),
    ).toBe(0);
  });
});

describe('de tab Brieven: randen', () => {
  it('hoofdletters en spaties in de soort, lege cellen, een soort zonder tekst en een tekst zonder soort', () => {
    const r = parseLetterRows([
      ['Brief', 'Tekst'],
      [' Informatiebrief ', ' Titel '],
      ['informatiebrief', null],
      [null, null],
      [undefined, ''],
      ['INFORMATIEBRIEF', 'Tweede alinea met {{naam}} en {{naam}}'],
      ['afsluitbrief', '  '],
    ]);
    expect(r).toEqual({
      ok: true,
      templates: {
        informatiebrief: { title: 'Titel', paragraphs: ['Tweede alinea met {{naam}} en {{naam}}'] },
      },
    });
    expect(
      parseLetterRows([
        ['Brief', 'Tekst'],
        ['', 'Losse tekst'],
      ]),
    ).toEqual({
      ok: false,
      errors: ['Brieven!A2: kies informatiebrief of afsluitbrief'],
    });
    expect(parseLetterRows([['Brief', 'Tekst']])).toEqual({ ok: true, templates: {} });
  });

  it('een onbekende invulplek wordt één keer genoemd, ook als hij vaker staat', () => {
    const r = parseLetterRows([
      ['Brief', 'Tekst'],
      ['afsluitbrief', '{{adres}} {{adres}} {{ post }}'],
    ]);
    expect(r.ok ? [] : r.errors).toEqual([
      'Brieven!B2: onbekende invulplek {{adres}}, {{post}}; gebruik {{naam}}, {{geboortejaar}}, {{gemeente}}, {{datum}}, {{contact}}, {{bewaartermijn}}',
    ]);
    const lone = parseLetterRows([
      ['Brief', 'Tekst'],
      ['afsluitbrief', 'Tot ziens }}'],
    ]);
    expect(lone.ok ? [] : lone.errors).toEqual([
      'Brieven!B2: een invulplek zonder begin of eind; schrijf ze als {{naam}}',
    ]);
  });

  it('het standaardsjabloon begint met de kopregel', () => {
    expect(defaultLetterRows()[0]).toEqual(['Brief', 'Tekst']);
  });

  it('een ander bestand of een rare versie is versie 0; versie 12 wordt herkend', () => {
    const v = (name: string) => letterVersion(name, 'afsluitbrief', 'JGA-2026-001', 'P-7F3K');
    expect(v('Afsluitbrief JGA-2026-001 P-7F3K (versie 12)')).toBe(12);
    expect(v('Afsluitbrief JGA-2026-001 P-7F3K')).toBe(1);
    expect(v('Afsluitbrief JGA-2026-001 P-7F3K (versie 2) kopie')).toBe(0);
    expect(v('Afsluitbrief JGA-2026-001 P-7F3K kopie (versie 2)')).toBe(0);
    expect(v('Afsluitbrief JGA-2026-001 P-7F3K (versie x)')).toBe(0);
    expect(v('Kopie van Afsluitbrief JGA-2026-001 P-7F3K (versie 2)')).toBe(0);
  });
});
