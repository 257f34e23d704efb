import { describe, expect, it } from 'vitest';
import {
  checkNewCaseFields,
  fieldsNamingPersons,
  looksLikeCaseCode,
  newCaseRules,
  normaliseCaseCode,
  parseNewCaseInput,
} from '../../src/model/newCaseInput';

const rules = newCaseRules('2026-01-12');
const good = {
  label: 'Groep bij het winkelcentrum',
  wijk: 'Centrum',
  eersteSignaal: '2026-01-05',
  bewaartermijnMaanden: 12,
};
const errorsOf = (over: Record<string, unknown>, r = rules) => {
  const res = parseNewCaseInput({ ...good, ...over }, r);
  return res.ok ? {} : res.errors;
};

describe('invoer nieuwe casus', () => {
  it('neemt een goede invoer aan, getrimd, met een datum als dd-mm-jjjj of jjjj-mm-dd en maanden als tekst', () => {
    expect(parseNewCaseInput({ ...good, label: '  Groep   bij de sporthal ' }, rules)).toEqual({
      ok: true,
      value: { ...good, label: 'Groep bij de sporthal' },
    });
    const dmy = parseNewCaseInput({ ...good, eersteSignaal: '5-1-2026', bewaartermijnMaanden: '24' }, rules);
    expect(dmy).toEqual({
      ok: true,
      value: { ...good, eersteSignaal: '2026-01-05', bewaartermijnMaanden: 24 },
    });
    expect(parseNewCaseInput({ ...good, eersteSignaal: '2026-01-12' }, rules).ok).toBe(true);
  });

  it('label: verplicht, hooguit 60 tekens, geen casuscode, geen persoonscode, geen naam uit de namenlijst', () => {
    expect(errorsOf({ label: '  ' })).toEqual({
      label: 'Vul een label in: een korte omschrijving waaraan u de casus herkent, zonder namen.',
    });
    expect(errorsOf({ label: 'x'.repeat(60) })).toEqual({});
    expect(errorsOf({ label: 'x'.repeat(61) })).toEqual({
      label: 'Het label is 61 tekens lang; gebruik er hooguit 60.',
    });
    expect(errorsOf({ label: 'jga-2026-001' }).label).toContain('lijkt op een casuscode');
    expect(errorsOf({ label: 'Groep rond p-7F3K' }).label).toContain('persoonscode');
    const named = newCaseRules('2026-01-12', ['Jan de Vries', 'Mo']);
    expect(errorsOf({ label: 'Groep van jan de vries' }, named).label).toContain('naam uit de namenlijst');
    expect(errorsOf({ label: 'Vrienden van Vries' }, named).label).toContain('naam uit de namenlijst');
    // A part of a longer word is not a name; a name shorter than two letters is ignored.
    expect(errorsOf({ label: 'Groep Janssenplein' }, named)).toEqual({});
    expect(errorsOf({ label: 'Groep Moerwijk' }, named)).toEqual({});
    expect(errorsOf({ label: 'Groep Mo' }, named).label).toContain('naam uit de namenlijst');
  });

  it('wijk verplicht en geen code', () => {
    expect(errorsOf({ wijk: '' })).toEqual({ wijk: 'Vul de wijk of buurt in waar de groep zich ophoudt.' });
    expect(errorsOf({ wijk: 'JGA-2026-001' }).wijk).toContain('geen code');
    expect(errorsOf({ wijk: 'w'.repeat(61) }).wijk).toContain('hooguit 60');
  });

  it('eerste signaal: een bestaande datum, niet in de toekomst', () => {
    expect(errorsOf({ eersteSignaal: '' })).toEqual({
      eersteSignaal: 'Vul de datum van het eerste signaal in.',
    });
    expect(errorsOf({ eersteSignaal: '2026-02-30' })).toEqual({
      eersteSignaal: 'Dit is geen bestaande datum; kies een datum als dd-mm-jjjj.',
    });
    expect(errorsOf({ eersteSignaal: 'gisteren' }).eersteSignaal).toContain('geen bestaande datum');
    expect(errorsOf({ eersteSignaal: '2026-01-13' })).toEqual({
      eersteSignaal: 'Het eerste signaal kan niet in de toekomst liggen; vandaag is 12-01-2026.',
    });
    expect(errorsOf({ eersteSignaal: '1999-12-31' }).eersteSignaal).toContain('vanaf 01-01-2000');
  });

  it('bewaartermijn: een heel aantal maanden binnen wat de instellingen toestaan (1 tot en met 120)', () => {
    const msg = 'Kies een heel aantal maanden van 1 tot en met 120.';
    for (const v of [0, 121, 1.5, '12,5', 'twaalf', -3])
      expect(errorsOf({ bewaartermijnMaanden: v }), String(v)).toEqual({ bewaartermijnMaanden: msg });
    for (const v of [1, 120, '36']) expect(errorsOf({ bewaartermijnMaanden: v }), String(v)).toEqual({});
    expect(errorsOf({ bewaartermijnMaanden: '' })).toEqual({
      bewaartermijnMaanden: 'Vul de bewaartermijn in maanden in.',
    });
  });

  it('meldt elk fout veld tegelijk, en een verkeerd type met de veldnaam', () => {
    expect(
      Object.keys(errorsOf({ label: '', wijk: '', eersteSignaal: '', bewaartermijnMaanden: '' })),
    ).toEqual(['label', 'wijk', 'eersteSignaal', 'bewaartermijnMaanden']);
    expect(errorsOf({ label: 12 })).toEqual({ label: 'label moet tekst zijn' });
    expect(errorsOf({ bewaartermijnMaanden: [12] })).toEqual({
      bewaartermijnMaanden: 'bewaartermijn moet een getal zijn',
    });
    expect(parseNewCaseInput({ label: 'Groep' }, rules)).toEqual({
      ok: false,
      errors: {
        wijk: 'Vul de wijk of buurt in waar de groep zich ophoudt.',
        eersteSignaal: 'Vul de datum van het eerste signaal in.',
        bewaartermijnMaanden: 'Vul de bewaartermijn in maanden in.',
      },
    });
    // An empty cell posted as null is asked for like a missing one, never with an empty message.
    expect(errorsOf({ label: null, wijk: null })).toEqual({
      label: errorsOf({ label: '' }).label,
      wijk: errorsOf({ wijk: '' }).wijk,
    });
    expect(errorsOf({ label: null }).label).toMatch(/^Vul /);
    for (const raw of ['onzin', 7, [good]])
      expect(parseNewCaseInput(raw, rules), JSON.stringify(raw)).toEqual({
        ok: false,
        errors: { label: 'De invoer is geen formulier met velden.' },
      });
    expect(parseNewCaseInput('onzin', rules)).toEqual({
      ok: false,
      errors: { label: 'De invoer is geen formulier met velden.' },
    });
  });

  it('de veldcontrole is op zichzelf staand: haar bron draait los, zoals in de browser', () => {
    const alone = new Function(`return (${checkNewCaseFields.toString()})`)() as typeof checkNewCaseFields;
    for (const over of [
      {},
      { label: 'JGA-2026-001' },
      { eersteSignaal: '2026-01-13' },
      { bewaartermijnMaanden: 0 },
    ]) {
      const input = { ...good, ...over };
      expect(alone(input, rules)).toEqual(checkNewCaseFields(input, rules));
    }
  });

  it('een casuscode mag in kleine letters en met spaties', () => {
    expect(normaliseCaseCode(' jga-2026-001 ')).toBe('JGA-2026-001');
  });
});

describe('namen in label en wijk bij het bijwerken van de namenlijst', () => {
  it('noemt precies de velden met een naam uit de namenlijst', () => {
    expect(fieldsNamingPersons({ label: 'Groep rond Fictief', wijk: 'Centrum' }, ['Jan Fictief'])).toEqual([
      'label',
    ]);
    expect(fieldsNamingPersons({ label: 'Groep', wijk: 'Fictief-hof' }, ['Jan Fictief'])).toEqual(['wijk']);
    expect(fieldsNamingPersons({ label: 'Groep', wijk: 'Centrum' }, ['Jan Fictief'])).toEqual([]);
    expect(fieldsNamingPersons({ label: 'JGA-2026-001', wijk: '' }, [])).toEqual([]);
  });

  it('herkent een casuscode, ook in kleine letters met spaties; andere tekst niet', () => {
    expect(looksLikeCaseCode(' jga-2026-001 ')).toBe(true);
    expect(looksLikeCaseCode('JGA-2026-01')).toBe(false);
    expect(looksLikeCaseCode('Groep JGA-2026-001')).toBe(false);
  });
});
