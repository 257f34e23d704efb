import { describe, expect, it } from 'vitest';
import {
  type Advice,
  adviceFields,
  adviceToRows,
  filledAdviceCells,
  parseAdviceRows,
} from '../../src/model/adviceSheet';

const PARTNERS = [
  { id: 'politie', organisation: 'Politie Noord', active: true },
  { id: 'jw', organisation: 'Jongerenwerk Oost', active: true },
  { id: 'oud', organisation: 'Vertrokken partner', active: false },
];

const ADVICE: Advice = {
  probleemdefinitie: 'Een vaste kern intimideert winkelpersoneel.',
  prioriteit: 'prioriteren',
  onderbouwing: 'Ernst en ontwikkeling zijn hoog.',
  sporen: { groep: 'Groepsaanspreking.', domein: 'Verlichting.' },
  capaciteit: { politie: 'Twee avonden per week.' },
};

/** The rows with the text of one field changed (by its name in column A). */
function withField(rows: string[][], label: string, text: string): string[][] {
  return rows.map((r) => (r[0] === label ? [r[0], text, r[2] ?? ''] : r));
}

describe('tabblad Advies', () => {
  it('heeft benoemde velden: probleemdefinitie, advies, sporen, een rij per actieve partner', () => {
    const labels = adviceFields(PARTNERS).map((f) => f.label);
    expect(labels.slice(0, 3)).toEqual([
      'Probleemdefinitie',
      'Advies over prioriteit',
      'Onderbouwing van het advies',
    ]);
    expect(labels).toContain('Concept plan: groepsgericht');
    expect(labels).toContain('Capaciteit: Politie Noord');
    expect(labels).not.toContain('Capaciteit: Vertrokken partner');
  });

  it('noemt de ingevulde velden met hun cel en lengte, de langste eerst', () => {
    const rows = withField(adviceToRows(ADVICE, PARTNERS), 'Probleemdefinitie', 'x'.repeat(500));
    const cells = filledAdviceCells(rows, PARTNERS);
    expect(cells[0]).toEqual({ label: 'Probleemdefinitie', cell: 'Advies!B2', length: 500 });
    expect(cells.map((c) => c.label)).toContain('Capaciteit: Politie Noord');
    expect(cells.map((c) => c.label)).not.toContain('Capaciteit: Jongerenwerk Oost');
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.length).toBeLessThanOrEqual(cells[i - 1]!.length);
  });

  it('leest terug wat erin is geschreven', () => {
    expect(parseAdviceRows(adviceToRows(ADVICE, PARTNERS), PARTNERS)).toEqual({ ok: true, value: ADVICE });
  });

  it('noemt elk leeg verplicht veld met zijn cel', () => {
    const result = parseAdviceRows(adviceToRows(null, PARTNERS), PARTNERS);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      'Advies!B2: Probleemdefinitie is leeg; vul dit in voordat stap 4 start',
      'Advies!B3: Advies over prioriteit is leeg; vul dit in voordat stap 4 start',
      'Advies!B4: Onderbouwing van het advies is leeg; vul dit in voordat stap 4 start',
      'Advies!B5: het concept plan per spoor is leeg; vul minstens één rij in (Concept plan: groepsgericht of een van de volgende)',
      'Advies!B10: de gevraagde capaciteit per partner is leeg; vul minstens één rij in (Capaciteit: Politie Noord of een van de volgende)',
    ]);
  });

  it('weigert een onbekend advies en een onbekende rij met tekst, en meldt een ontbrekende rij', () => {
    let rows = withField(adviceToRows(ADVICE, PARTNERS), 'Advies over prioriteit', 'misschien');
    rows = [...rows, ['Capaciteit: Onbekend', 'veel']];
    rows = rows.filter((r) => r[0] !== 'Onderbouwing van het advies');
    const result = parseAdviceRows(rows, PARTNERS);
    expect(result.ok ? [] : result.errors).toEqual([
      'Advies!A12: onbekend onderdeel "Capaciteit: Onbekend"; gebruik de namen uit het sjabloon',
      'Advies: Onderbouwing van het advies is leeg (de rij ontbreekt); vul dit in voordat stap 4 start',
      'Advies!B3: Advies over prioriteit is "misschien"; schrijf "prioriteren" of "niet prioriteren"',
    ]);
  });

  it('schrijft de tab met kopregel en bij elk veld de uitleg', () => {
    const one = [PARTNERS[0]!];
    const rows = adviceToRows({ ...ADVICE, besluiten: 'Extra inzet politie.' }, one);
    expect(rows).toEqual([
      ['Onderdeel', 'Tekst', 'Toelichting'],
      [
        'Probleemdefinitie',
        ADVICE.probleemdefinitie,
        'Kort en krachtig: wat is het probleem van deze groep, waar en sinds wanneer. Geen namen, alleen codes als het moet.',
      ],
      ['Advies over prioriteit', 'prioriteren', 'Schrijf "prioriteren" of "niet prioriteren".'],
      [
        'Onderbouwing van het advies',
        ADVICE.onderbouwing,
        'Waarom dit advies: ernst, ontwikkeling, risico’s en wat de partners in de duiding zagen.',
      ],
      ...[
        ['Concept plan: groepsgericht', 'Groepsaanspreking.'],
        ['Concept plan: persoonsgericht', ''],
        ['Concept plan: domein en locatie', 'Verlichting.'],
        ['Concept plan: online', ''],
        ['Concept plan: netwerk en gezin', ''],
      ].map(([label, text]) => [
        label,
        text,
        'Welke aanpak u in dit spoor voorstelt. Vul minstens één spoor in.',
      ]),
      [
        'Capaciteit: Politie Noord',
        'Twee avonden per week.',
        'Wat u van deze partner vraagt, in uren of inzet. Leeg = niets gevraagd. Vul minstens één partner in.',
      ],
      [
        'Gevraagde besluiten',
        'Extra inzet politie.',
        'Wat de driehoek moet besluiten, behalve de prioriteit (bijvoorbeeld extra capaciteit).',
      ],
    ]);
  });

  it('leest de gevraagde besluiten terug, en laat ze weg als ze leeg zijn', () => {
    const withDecisions = { ...ADVICE, besluiten: 'Extra inzet politie.' };
    expect(parseAdviceRows(adviceToRows(withDecisions, PARTNERS), PARTNERS)).toEqual({
      ok: true,
      value: withDecisions,
    });
    const r = parseAdviceRows(adviceToRows(ADVICE, PARTNERS), PARTNERS);
    expect(r.ok && Object.keys(r.value)).not.toContain('besluiten');
  });

  it('leest ook zonder kopregel, met lege vakjes, extra spaties en hoofdletters', () => {
    const rows: unknown[][] = adviceToRows({ ...ADVICE, prioriteit: 'niet prioriteren' }, PARTNERS).slice(1);
    rows[1] = ['Advies  over   prioriteit', ' Niet  Prioriteren '];
    rows.push([null, null], [undefined], []);
    const r = parseAdviceRows(rows, PARTNERS);
    expect(r).toEqual({ ok: true, value: { ...ADVICE, prioriteit: 'niet prioriteren' } });
  });

  it('negeert rijen zonder naam en onbekende rijen zonder tekst, maar niet een tweede kopregel met tekst', () => {
    const rows = [...adviceToRows(ADVICE, PARTNERS), ['', 'losse tekst'], ['Opmerking', '  ']];
    expect(parseAdviceRows(rows, PARTNERS).ok).toBe(true);
    const again = [...adviceToRows(ADVICE, PARTNERS), ['Onderdeel', 'Tekst']];
    const r = parseAdviceRows(again, PARTNERS);
    expect(r.ok ? [] : r.errors).toEqual([
      'Advies!A13: onbekend onderdeel "Onderdeel"; gebruik de namen uit het sjabloon',
    ]);
  });

  it('meldt een veld dat twee keer in de tab staat', () => {
    const rows = [...adviceToRows(ADVICE, PARTNERS), ['Probleemdefinitie', 'Nog een keer.']];
    const r = parseAdviceRows(rows, PARTNERS);
    expect(r.ok ? [] : r.errors).toEqual(['Advies!A13: onderdeel "Probleemdefinitie" staat dubbel']);
  });

  it('zonder actieve partners vraagt het advies geen capaciteit; met één partner noemt de fout alleen die', () => {
    const none = parseAdviceRows(adviceToRows({ ...ADVICE, capaciteit: {} }, []), []);
    expect(none).toEqual({ ok: true, value: { ...ADVICE, capaciteit: {} } });
    const one = [PARTNERS[0]!];
    const r = parseAdviceRows(adviceToRows({ ...ADVICE, capaciteit: {} }, one), one);
    expect(r.ok ? [] : r.errors).toEqual([
      'Advies!B10: de gevraagde capaciteit per partner is leeg; vul minstens één rij in (Capaciteit: Politie Noord)',
    ]);
  });

  it('een lege tab heeft geen ingevulde velden', () => {
    expect(filledAdviceCells([], PARTNERS)).toEqual([]);
    expect(filledAdviceCells(adviceToRows(null, PARTNERS), PARTNERS)).toEqual([]);
  });
});
