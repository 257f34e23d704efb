import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/model/catalog';
import { parseQuestionRows, questionsToRows } from '../../src/model/questionsSheet';

describe('de tab Vragen', () => {
  it('een ongewijzigde tab geeft geen enkele wijziging', () => {
    const r = parseQuestionRows(questionsToRows(CATALOG), CATALOG);
    expect(r).toEqual({ ok: true, overrides: { titles: {}, help: {}, required: {}, hide: [], extra: [] } });
  });

  it('leest eigen vragen: schaal, persoonsvraag per code, verborgen eigen vraag telt niet', () => {
    const rows = [
      ...questionsToRows(CATALOG),
      [
        '3.eigen_schaal',
        '3',
        'alle',
        'groep',
        'schaal',
        'Hoe veilig voelen bewoners zich?',
        '',
        'nee',
        'nee',
        '1-10',
      ],
      ['3.eigen_p', '3', 'politie', 'persoon', 'alinea', 'Bijzonderheden per persoon', '', 'nee', 'nee', ''],
      ['3.eigen_weg', '3', 'alle', 'groep', 'alinea', 'Niet meer nodig', '', 'nee', 'ja', ''],
    ];
    const r = parseQuestionRows(rows, CATALOG);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const extra = r.overrides.extra ?? [];
    expect(extra.map((q) => q.id)).toEqual(['3.eigen_schaal', '3.eigen_p']);
    expect(extra[0]!.scale).toEqual({ min: 1, max: 10, minLabel: '', maxLabel: '' });
    expect(extra[1]!.repeat).toBe('per_person');
    expect(extra[1]!.theme).toBe('persoon');
  });

  it('meldt dubbele ids, onbekende soorten en een raster met de cel', () => {
    const rows = [
      ...questionsToRows(CATALOG).slice(0, 2),
      ['1.x', '1', 'alle', 'groep', 'tekstvak', 'Titel', '', '', '', ''],
      ['1.y', '1', 'marechaussee', 'groep', 'raster', 'Titel', '', '', '', ''],
      [questionsToRows(CATALOG)[1]![0]!, '1', 'alle', 'groep', 'keuze', 'Titel', '', '', '', 'a; b'],
    ];
    const r = parseQuestionRows(rows, CATALOG);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'Vragen!E3: onbekende soort vraag "tekstvak"; kies kort antwoord, alinea, keuze, aankruisvakjes, schaal, datum, raster',
      'Vragen!C4: onbekende partnersoort "marechaussee"; schrijf "alle" of bijv. politie, boa',
      'Vragen!E4: een raster kan niet via deze tab worden toegevoegd; kies een andere soort vraag',
      `Vragen!A5: vraag-id "${rows[1]![0]}" staat dubbel; staat ook in rij 2`,
    ]);
  });
});
