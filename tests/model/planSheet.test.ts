import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  numberOf,
  PLAN_HEADERS,
  PLAN_INTRO,
  type PlanSheetContext,
  parsePlanRows,
  planToRows,
  samePlan,
} from '../../src/model/planSheet';

const ctx: PlanSheetContext = {
  partners: ['politie', 'jongerenwerk'],
  persons: ['P-7F3K'],
  version: 1,
  timeZone: 'Europe/Amsterdam',
};

type Cells = Partial<Record<(typeof PLAN_HEADERS)[number], string | number>>;
const row = (cells: Cells) => PLAN_HEADERS.map((h) => cells[h] ?? '');

const good = [
  ['uitleg'],
  [...PLAN_HEADERS],
  row({
    Nr: 'D1',
    Omschrijving: 'Minder overlast op het plein',
    Indicator: 'Meldingen per maand',
    Nulmeting: '24',
    Streefwaarde: 12,
    Meetdatum: '2026-12-31',
  }),
  row({
    Nr: 'A1',
    Spoor: 'domein',
    Omschrijving: 'Extra avondrondes',
    Doel: 'D1',
    Eigenaar: 'politie',
    Start: '2026-05-01',
    Frequentie: 'elke vrijdag',
    Deadline: '2026-06-30',
  }),
  row({}),
  row({
    Nr: 'a2',
    Spoor: 'Persoon',
    Omschrijving: 'Gesprek met de jongere',
    Doel: 'd1',
    Eigenaar: 'jongerenwerk',
    Start: '01-06-2026',
    Frequentie: 'wekelijks',
    Deadline: '15-07-2026',
    Persoonscode: 'p-7f3k',
  }),
  row({ Nr: 'C1', Omschrijving: 'Twee rondes op rij onder de streefwaarde' }),
  row({ Nr: 'evaluatie', Deadline: '2026-11-30' }),
];

describe('de tab Plan van aanpak', () => {
  it('heeft de kolommen van een SMART plan, in deze volgorde', () => {
    expect(PLAN_HEADERS).toEqual([
      'Nr',
      'Spoor',
      'Omschrijving',
      'Doel',
      'Eigenaar',
      'Start',
      'Frequentie',
      'Deadline',
      'Persoonscode',
      'Indicator',
      'Nulmeting',
      'Streefwaarde',
      'Meetdatum',
    ]);
  });

  it('leest doelen, acties, afschaalcriteria en de evaluatiedatum, ook met kleine letters en Nederlandse datums', () => {
    const r = parsePlanRows(good, ctx);
    expect(r).toEqual({
      ok: true,
      notes: [],
      plan: {
        version: 1,
        goals: [
          {
            id: 'D1',
            text: 'Minder overlast op het plein',
            indicator: 'Meldingen per maand',
            baseline: 24,
            target: 12,
            measureDate: '2026-12-31',
            owner: 'politie',
          },
        ],
        actions: [
          {
            id: 'A1',
            spoor: 'domein',
            text: 'Extra avondrondes',
            goalId: 'D1',
            owner: 'politie',
            start: '2026-05-01',
            frequency: 'elke vrijdag',
            deadline: '2026-06-30',
          },
          {
            id: 'A2',
            spoor: 'persoon',
            text: 'Gesprek met de jongere',
            goalId: 'D1',
            owner: 'jongerenwerk',
            start: '2026-06-01',
            frequency: 'wekelijks',
            deadline: '2026-07-15',
            subject: 'P-7F3K',
          },
        ],
        criteria: [{ id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' }],
        evaluationDate: '2026-11-30',
      },
    });
  });

  it('noemt bij elke fout de cel', () => {
    const rows = [
      [...PLAN_HEADERS],
      row({ Nr: 'D1', Omschrijving: 'Doel', Streefwaarde: 'veel', Meetdatum: '2026-02-30' }),
      row({
        Nr: 'D2',
        Omschrijving: 'Doel',
        Indicator: 'x',
        Nulmeting: '3',
        Streefwaarde: '3,0',
        Meetdatum: '2026-12-01',
      }),
      row({
        Nr: 'A1',
        Spoor: 'wijk',
        Omschrijving: 'Actie',
        Doel: 'D9',
        Eigenaar: 'boa',
        Deadline: '31-02-2026',
        Persoonscode: 'Jan',
      }),
      row({
        Nr: 'A1',
        Spoor: 'groep',
        Doel: 'D1',
        Eigenaar: 'politie',
        Start: '2026-07-01',
        Frequentie: 'x',
        Deadline: '2026-01-01',
      }),
      row({
        Nr: 'A2',
        Spoor: 'groep',
        Omschrijving: 'Actie',
        Doel: 'D1',
        Eigenaar: 'politie',
        Start: '2026-07-01',
        Frequentie: 'x',
        Deadline: '2026-06-01',
      }),
      row({ Nr: 'X' }),
      row({ Nr: 'C1' }),
      row({ Nr: 'Evaluatie', Deadline: 'morgen' }),
    ];
    const r = parsePlanRows(rows, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'Plan van aanpak!J2: Indicator ontbreekt bij doel D1',
      'Plan van aanpak!K2: Nulmeting ontbreekt bij doel D1',
      'Plan van aanpak!L2: Streefwaarde "veel" bij doel D1 is geen getal',
      'Plan van aanpak!M2: ongeldige meetdatum "2026-02-30" bij doel D1; schrijf jjjj-mm-dd',
      'Plan van aanpak!L3: Streefwaarde van doel D2 is gelijk aan de nulmeting; er valt niets te meten',
      'Plan van aanpak!B4: onbekend spoor "wijk"; kies groep, persoon, domein, online, netwerk',
      'Plan van aanpak!E4: onbekende eigenaar "boa"; gebruik de sleutel uit de tab Partners',
      'Plan van aanpak!F4: Start ontbreekt bij actie A1',
      'Plan van aanpak!G4: Frequentie ontbreekt bij actie A1',
      'Plan van aanpak!H4: ongeldige deadline "31-02-2026"; schrijf jjjj-mm-dd',
      'Plan van aanpak!I4: dit is geen persoonscode van deze casus; vul alleen een code uit de namenlijst in (zoals P-7F3K), nooit een naam',
      'Plan van aanpak!A5: A1 staat dubbel; staat ook in rij 4',
      'Plan van aanpak!F6: start 2026-07-01 van A2 ligt na de deadline 2026-06-01',
      'Plan van aanpak!A7: ongeldig nummer "X"; schrijf D1, D2, ... voor doelen, A1, A2, ... voor acties, C1, C2, ... voor afschaalcriteria of Evaluatie',
      'Plan van aanpak!C8: omschrijving van C1 ontbreekt',
      'Plan van aanpak!H9: ongeldige evaluatiedatum "morgen"; schrijf jjjj-mm-dd',
      'Plan van aanpak!D4: doel "D9" van A1 staat niet in het plan',
      'Plan van aanpak!E3: doel D2 heeft geen actie en geen eigenaar die het meet',
    ]);
  });

  it('een leeg plan wordt geweigerd', () => {
    const r = parsePlanRows(planToRows(null), ctx);
    expect(r).toEqual({
      ok: false,
      errors: [
        'Plan van aanpak: het plan heeft nog geen doel (D1, ...)',
        'Plan van aanpak: het plan heeft nog geen actie (A1, ...)',
        'Plan van aanpak: het plan heeft nog geen afschaalcriterium (C1, ...)',
        'Plan van aanpak: de evaluatiedatum ontbreekt; schrijf een rij Evaluatie met de datum in de kolom Deadline',
      ],
    });
  });

  it('vult een lege nulmeting uit de duiding in en zegt dat, met de cel', () => {
    const rows = good.map((r) => [...r]);
    rows[2]![10] = '';
    rows[2]![9] = 'Duidingsscore vernieling';
    const asked: string[] = [];
    const r = parsePlanRows(rows, {
      ...ctx,
      baselineFor: (indicator) => {
        asked.push(indicator);
        return { value: 2.3, from: 'duiding: "Vernieling"' };
      },
    });
    expect(asked).toEqual(['Duidingsscore vernieling']);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.plan.goals[0]).toMatchObject({ baseline: 2.3, baselineFrom: 'duiding: "Vernieling"' });
    expect(r.notes).toEqual([
      'Plan van aanpak!K3: nulmeting van doel D1 overgenomen uit de duiding: "Vernieling" (2,3)',
    ]);
    // A nulmeting the coordinator wrote is never replaced.
    const own = parsePlanRows(good, { ...ctx, baselineFor: () => ({ value: 1, from: 'duiding' }) });
    expect(own.ok && own.plan.goals[0]!.baseline).toBe(24);
  });

  it('schrijven en teruglezen geeft hetzelfde plan', () => {
    const r = parsePlanRows(good, ctx);
    if (!r.ok) throw new Error('verwacht een geldig plan');
    const again = parsePlanRows(planToRows(r.plan), ctx);
    expect(again.ok && samePlan(again.plan, r.plan)).toBe(true);
    const changed = { ...r.plan, goals: [{ ...r.plan.goals[0]!, target: 10 }] };
    expect(samePlan(changed, r.plan)).toBe(false);
    expect(samePlan({ ...r.plan, evaluationDate: '2026-12-01' }, r.plan)).toBe(false);
    expect(samePlan({ ...r.plan, criteria: [] }, r.plan)).toBe(false);
  });

  it('een datum die Sheets als datum opslaat telt in de tijdzone van het script', () => {
    expect(deadlineOf(new Date(Date.UTC(2026, 5, 29, 22, 30)), 'Europe/Amsterdam')).toBe('2026-06-30');
    expect(deadlineOf('2026-13-01', 'Europe/Amsterdam')).toBeNull();
  });

  it('leest getallen alleen als het hele vakje een getal is', () => {
    expect(numberOf('2,55')).toBe(2.55);
    expect(numberOf(' -3.5 ')).toBe(-3.5);
    expect(numberOf('x12')).toBeNull();
    expect(numberOf('12 meldingen')).toBeNull();
    expect(numberOf('')).toBeNull();
    expect(numberOf(null)).toBeNull();
    // A number cell counts as it is, also when its text would be in exponent notation.
    expect(numberOf(1e-7)).toBe(1e-7);
    expect(numberOf(1e21)).toBe(1e21);
    expect(numberOf(Number.NaN)).toBeNull();
  });

  it('leest een Nederlandse datum zonder voorloopnullen, maar alleen als het hele vakje een datum is', () => {
    expect(deadlineOf('1-6-2026', 'Europe/Amsterdam')).toBe('2026-06-01');
    expect(deadlineOf(' 9-11-2026 ', 'Europe/Amsterdam')).toBe('2026-11-09');
    expect(deadlineOf('ca. 1-6-2026', 'Europe/Amsterdam')).toBeNull();
    expect(deadlineOf('1-6-2026 of later', 'Europe/Amsterdam')).toBeNull();
    expect(deadlineOf(null, 'Europe/Amsterdam')).toBeNull();
  });

  it('weigert een tab zonder kopregel', () => {
    expect(parsePlanRows([['uitleg'], ['D1', 'groep']], ctx)).toEqual({
      ok: false,
      errors: ['Plan van aanpak: de kopregel met "Nr" ontbreekt'],
    });
  });

  it('slaat lege rijen over (ook vakjes zonder waarde), maar niet een rij met tekst zonder nummer', () => {
    const rows = good.map((r) => [...r]);
    rows.splice(4, 0, PLAN_HEADERS.map(() => null) as unknown as string[], []);
    expect(parsePlanRows(rows, ctx).ok).toBe(true);
    const withText = good.map((r) => [...r]);
    withText.splice(4, 0, row({ Omschrijving: 'Vergeten nummer' }));
    const r = parsePlanRows(withText, ctx);
    expect(r.ok ? [] : r.errors).toEqual([
      'Plan van aanpak!A5: ongeldig nummer ""; schrijf D1, D2, ... voor doelen, A1, A2, ... voor acties, C1, C2, ... voor afschaalcriteria of Evaluatie',
    ]);
  });

  it('leest nummers en tekst zonder de spaties eromheen, ook nummers boven de 9', () => {
    const rows = good.map((r) => [...r]);
    rows[2]![0] = ' D12 ';
    rows[3]![3] = 'D12 ';
    rows[5]![3] = ' d12';
    rows[2]![2] = '  Minder overlast op het plein  ';
    const r = parsePlanRows(rows, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.plan.goals.map((g) => [g.id, g.text])).toEqual([['D12', 'Minder overlast op het plein']]);
    expect(r.plan.actions.map((a) => a.goalId)).toEqual(['D12', 'D12']);
  });

  it('weigert nummers met iets ervoor of erachter', () => {
    for (const nr of ['XD1', 'D1X', 'AD', 'actie 1']) {
      const rows = good.map((r) => [...r]);
      rows.splice(4, 0, row({ Nr: nr, Omschrijving: 'x' }));
      const r = parsePlanRows(rows, ctx);
      expect(r.ok ? [] : r.errors).toEqual([
        `Plan van aanpak!A5: ongeldig nummer "${nr}"; schrijf D1, D2, ... voor doelen, A1, A2, ... voor acties, C1, C2, ... voor afschaalcriteria of Evaluatie`,
      ]);
    }
  });

  it('meldt een dubbele rij Evaluatie, een ongeldige start en een ontbrekende meetdatum', () => {
    const rows = good.map((r) => [...r]);
    rows[2]![12] = '';
    rows[3]![5] = 'mei';
    rows.push(row({ Nr: 'Evaluatie', Deadline: '2026-12-15' }));
    const r = parsePlanRows(rows, ctx);
    expect(r.ok ? [] : r.errors).toEqual([
      'Plan van aanpak!M3: Meetdatum ontbreekt bij doel D1',
      'Plan van aanpak!F4: ongeldige start "mei" bij actie A1; schrijf jjjj-mm-dd',
      'Plan van aanpak!A9: de rij Evaluatie staat dubbel',
    ]);
  });

  it('een actie mag starten op de dag van haar deadline', () => {
    const rows = good.map((r) => [...r]);
    rows[3]![5] = '2026-06-30';
    const r = parsePlanRows(rows, ctx);
    expect(r.ok && r.plan.actions[0]!.start).toBe('2026-06-30');
  });

  it('een nulmeting die geen getal is, of leeg zonder duiding, wordt geweigerd', () => {
    const rows = good.map((r) => [...r]);
    rows[2]![10] = 'veel';
    const r = parsePlanRows(rows, ctx);
    expect(r.ok ? [] : r.errors).toEqual(['Plan van aanpak!K3: Nulmeting "veel" bij doel D1 is geen getal']);
    // No duiding to take it from (no baselineFor at all): the coordinator must fill it in.
    rows[2]![10] = '';
    const empty = parsePlanRows(rows, ctx);
    expect(empty.ok ? [] : empty.errors).toEqual(['Plan van aanpak!K3: Nulmeting ontbreekt bij doel D1']);
  });

  it('een eigen nulmeting krijgt geen herkomst', () => {
    const r = parsePlanRows(good, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(Object.keys(r.plan.goals[0]!)).not.toContain('baselineFrom');
  });

  it('schrijft de tab: uitleg, kopregel, doelen, acties, criteria en de evaluatierij, lege vakjes leeg', () => {
    expect(planToRows(null)).toEqual([[PLAN_INTRO], [...PLAN_HEADERS]]);
    const rows = planToRows({
      goals: [{ id: 'D1', text: 'Doel', indicator: 'Meldingen', target: 5, measureDate: '2026-12-31' }],
      actions: [
        {
          id: 'A1',
          spoor: 'groep',
          text: 'Actie',
          goalId: 'D1',
          owner: 'politie',
          start: '2026-05-01',
          frequency: 'wekelijks',
          deadline: '2026-06-30',
        },
      ],
      criteria: [{ id: 'C1', text: 'Rust' }],
      evaluationDate: '2026-11-30',
    });
    expect(rows.slice(2)).toEqual([
      ['D1', '', 'Doel', '', '', '', '', '', '', 'Meldingen', '', 5, '2026-12-31'],
      ['A1', 'groep', 'Actie', 'D1', 'politie', '2026-05-01', 'wekelijks', '2026-06-30', '', '', '', '', ''],
      ['C1', '', 'Rust', '', '', '', '', '', '', '', '', '', ''],
      ['Evaluatie', '', 'Evaluatiedatum van het plan', '', '', '', '', '2026-11-30', '', '', '', '', ''],
    ]);
  });

  it('een doel zonder eigenaar is hetzelfde als een met een lege eigenaar', () => {
    const r = parsePlanRows(good, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const { owner: _owner, ...noOwner } = r.plan.goals[0]!;
    expect(samePlan({ ...r.plan, goals: [noOwner] }, { ...r.plan, goals: [{ ...noOwner, owner: '' }] })).toBe(
      true,
    );
  });
});
