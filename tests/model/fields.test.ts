/** model/fields: the field builders of the schemas, each with a Dutch message that names the field. */
import { describe, expect, it } from 'vitest';
import {
  boolField,
  emailField,
  enumField,
  intField,
  isoDateField,
  optionalText,
  requiredText,
  SLUG_RE,
  stepField,
} from '../../src/model/fields';

/** The value, or the first message. */
function parse(
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } },
  v: unknown,
) {
  const r = schema.safeParse(v);
  return r.success
    ? { ok: r.data }
    : { fout: (r.error as { issues: { message: string }[] }).issues[0]!.message };
}

describe('tekst', () => {
  it('verplichte tekst: zonder spaties eromheen; leeg, null of geen waarde ontbreekt; een getal is geen tekst', () => {
    const f = requiredText('naam');
    expect(parse(f, '  Politie ')).toEqual({ ok: 'Politie' });
    for (const v of ['', '   ', undefined, null]) expect(parse(f, v)).toEqual({ fout: 'naam ontbreekt' });
    expect(parse(f, 12)).toEqual({ fout: 'naam moet tekst zijn' });
  });

  it('optionele tekst: leeg wordt afwezig', () => {
    const f = optionalText('opmerking');
    expect(parse(f, ' x ')).toEqual({ ok: 'x' });
    expect(parse(f, '  ')).toEqual({ ok: undefined });
    expect(parse(f, undefined)).toEqual({ ok: undefined });
    expect(parse(f, 3)).toEqual({ fout: 'opmerking moet tekst zijn' });
  });
});

describe('e-mailadres', () => {
  it('in kleine letters zonder spaties; ongeldig of ontbrekend met de naam van het veld', () => {
    expect(parse(emailField(), ' Jan@Politie.Example ')).toEqual({ ok: 'jan@politie.example' });
    expect(parse(emailField(), 'jan@')).toEqual({ fout: 'ongeldig e-mailadres' });
    expect(parse(emailField(), '')).toEqual({ fout: 'e-mailadres ontbreekt' });
    expect(parse(emailField('adres van de regisseur'), 'x')).toEqual({
      fout: 'ongeldig adres van de regisseur',
    });
    expect(parse(emailField('adres'), 5)).toEqual({ fout: 'adres moet tekst zijn' });
  });
});

describe('heel getal', () => {
  it('van min tot en met max, met eenheid in de melding', () => {
    const f = intField('bewaartermijn', 6, 120, 'maanden');
    const message = 'ongeldige bewaartermijn; kies een heel getal van 6 tot en met 120 maanden';
    expect(parse(f, 6)).toEqual({ ok: 6 });
    expect(parse(f, 120)).toEqual({ ok: 120 });
    for (const v of [5, 121, 6.5, '12']) expect(parse(f, v)).toEqual({ fout: message });
    for (const v of [undefined, null, '']) expect(parse(f, v)).toEqual({ fout: 'bewaartermijn ontbreekt' });
  });

  it('zonder eenheid geen spatie aan het eind; een eigen woord voor "ongeldig"', () => {
    expect(parse(intField('termijn', 1, 5), 9)).toEqual({
      fout: 'ongeldige termijn; kies een heel getal van 1 tot en met 5',
    });
    expect(parse(intField('maximum', 1, 5, '', 'ongeldig schaalmaximum'), 0)).toEqual({
      fout: 'ongeldig schaalmaximum; kies een heel getal van 1 tot en met 5',
    });
  });
});

describe('ja/nee, datum en keuze', () => {
  it('ja of nee', () => {
    expect(parse(boolField('actief'), true)).toEqual({ ok: true });
    expect(parse(boolField('actief'), 'ja')).toEqual({
      fout: 'ongeldige waarde voor actief; kies ja of nee',
    });
    expect(parse(boolField('actief'), null)).toEqual({ fout: 'actief ontbreekt' });
  });

  it('een datum als jjjj-mm-dd die bestaat', () => {
    const f = isoDateField('startdatum');
    expect(parse(f, ' 2026-02-28 ')).toEqual({ ok: '2026-02-28' });
    for (const v of ['2026-02-30', '28-02-2026', '', 20260228])
      expect(parse(f, v)).toEqual({ fout: 'ongeldige startdatum; schrijf een datum als jjjj-mm-dd' });
    expect(parse(f, undefined)).toEqual({ fout: 'startdatum ontbreekt' });
  });

  it('een keuze noemt de mogelijkheden; een stap is een van de zeven stappen', () => {
    const f = enumField(['a', 'b'], 'soort');
    expect(parse(f, 'b')).toEqual({ ok: 'b' });
    expect(parse(f, 'c')).toEqual({ fout: 'onbekende soort; kies uit a, b' });
    expect(parse(enumField(['a'], 'niveau', 'ongeldig niveau'), 'x')).toEqual({
      fout: 'ongeldig niveau; kies uit a',
    });
    expect(parse(stepField(), '2B')).toEqual({ ok: '2B' });
    expect(parse(stepField(), '8')).toEqual({ fout: 'onbekende stap; kies uit 1, 2A, 2B, 3, 4, 5, 6, 7' });
    expect(parse(stepField('volgende stap'), undefined)).toEqual({ fout: 'volgende stap ontbreekt' });
  });
});

describe('SLUG_RE', () => {
  it.each([
    ['politie', true],
    ['veilig-thuis-2', true],
    ['Politie', false],
    ['-politie', false],
    ['politie-', false],
    ['veilig--thuis', false],
    ['', false],
    ['a b', false],
  ])('%j: %s', (slug, ok) => {
    expect(SLUG_RE.test(slug)).toBe(ok);
  });
});
