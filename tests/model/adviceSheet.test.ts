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
});
