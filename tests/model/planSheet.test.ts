import { describe, expect, it } from 'vitest';
import { deadlineOf, parsePlanRows, planToRows, samePlan } from '../../src/model/planSheet';

const ctx = {
  partners: ['politie', 'jongerenwerk'],
  persons: ['P-7F3K'],
  version: 1,
  timeZone: 'Europe/Amsterdam',
};

const good = [
  ['uitleg'],
  ['Nr', 'Spoor', 'Omschrijving', 'Doel', 'Eigenaar', 'Deadline', 'Persoonscode'],
  ['D1', '', 'Minder overlast op het plein', '', '', '', ''],
  ['A1', 'domein', 'Extra avondrondes', 'D1', 'politie', '2026-06-30', ''],
  ['', '', '', '', '', '', ''],
  ['a2', 'Persoon', 'Gesprek met de jongere', 'd1', 'jongerenwerk', '15-07-2026', 'p-7f3k'],
];

describe('de tab Plan van aanpak', () => {
  it('leest doelen en acties, ook met kleine letters, een Nederlandse datum en lege regels', () => {
    const r = parsePlanRows(good, ctx);
    expect(r).toEqual({
      ok: true,
      plan: {
        version: 1,
        goals: [{ id: 'D1', text: 'Minder overlast op het plein' }],
        actions: [
          {
            id: 'A1',
            spoor: 'domein',
            text: 'Extra avondrondes',
            goalId: 'D1',
            owner: 'politie',
            deadline: '2026-06-30',
          },
          {
            id: 'A2',
            spoor: 'persoon',
            text: 'Gesprek met de jongere',
            goalId: 'D1',
            owner: 'jongerenwerk',
            deadline: '2026-07-15',
            subject: 'P-7F3K',
          },
        ],
      },
    });
  });

  it('noemt bij elke fout de cel', () => {
    const rows = [
      ['Nr', 'Spoor', 'Omschrijving', 'Doel', 'Eigenaar', 'Deadline', 'Persoonscode'],
      ['D1', '', 'Doel', '', '', '', ''],
      ['A1', 'wijk', 'Actie', 'D9', 'boa', '31-02-2026', 'Jan'],
      ['A1', 'groep', '', 'D1', 'politie', '2026-01-01', ''],
      ['X', '', '', '', '', '', ''],
    ];
    const r = parsePlanRows(rows, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'Plan van aanpak!B3: onbekend spoor "wijk"; kies groep, persoon, domein, online, netwerk',
      'Plan van aanpak!E3: onbekende eigenaar "boa"; gebruik de sleutel uit de tab Partners',
      'Plan van aanpak!F3: ongeldige deadline "31-02-2026"; schrijf jjjj-mm-dd',
      'Plan van aanpak!G3: onbekende persoonscode "Jan"; alleen codes uit de namenlijst',
      'Plan van aanpak!A4: A1 staat dubbel; staat ook in rij 3',
      'Plan van aanpak!A5: ongeldig nummer "X"; schrijf D1, D2, ... voor doelen en A1, A2, ... voor acties',
      'Plan van aanpak!D3: doel "D9" van A1 staat niet in het plan',
    ]);
  });

  it('een leeg plan wordt geweigerd', () => {
    const r = parsePlanRows(planToRows(null), ctx);
    expect(r).toEqual({
      ok: false,
      errors: [
        'Plan van aanpak: het plan heeft nog geen doel (D1, ...)',
        'Plan van aanpak: het plan heeft nog geen actie (A1, ...)',
      ],
    });
  });

  it('schrijven en teruglezen geeft hetzelfde plan', () => {
    const r = parsePlanRows(good, ctx);
    if (!r.ok) throw new Error('verwacht een geldig plan');
    const again = parsePlanRows(planToRows(r.plan), ctx);
    expect(again.ok && samePlan(again.plan, r.plan)).toBe(true);
  });

  it('een datum die Sheets als datum opslaat telt in de tijdzone van het script', () => {
    expect(deadlineOf(new Date(Date.UTC(2026, 5, 29, 22, 30)), 'Europe/Amsterdam')).toBe('2026-06-30');
    expect(deadlineOf('2026-13-01', 'Europe/Amsterdam')).toBeNull();
  });
});
