import { describe, expect, it } from 'vitest';
import {
  CaseSchema,
  CatalogOverrideSchema,
  checkCatalogOverride,
  DecisionSchema,
  formatIssues,
  PARTNER_COLUMNS,
  PARTNER_HEADERS,
  PartnerListSchema,
  PartnerSchema,
  PlanSchema,
  parsePartnerRows,
  parseSheetTable,
  partnersToRows,
  planIsComplete,
  SettingsSchema,
} from '../../src/model/schemas';
import type { Partner } from '../../src/model/types';

const HEADER = [
  'Sleutel',
  'Organisatie',
  'Soort',
  'Contactpersoon',
  'E-mail',
  'Stappen',
  'Niveaus',
  'Actief',
];
const GOOD = [
  'politie-basisteam',
  'Politie Basisteam',
  'Politie',
  'Wijkagent Test',
  ' Wijkagent@Politie.TEST ',
  '1, 2a, 3',
  'groep, domein',
  true,
];

function partner(over: Partial<Partner> = {}): Partner {
  return {
    id: 'jongerenwerk',
    organisation: 'Stichting Jongerenwerk',
    kind: 'jongerenwerk',
    contactName: 'J. Werker',
    email: 'jw@voorbeeld.test',
    steps: ['1', '2A'],
    levels: ['groep'],
    active: true,
    ...over,
  };
}

describe('formatIssues', () => {
  const input = [0, 1, 2, 3, 4, 5].map((i) =>
    partner({ id: `p${i}`, email: i === 5 ? 'jan@' : `p${i}@voorbeeld.test` }),
  );
  const result = PartnerListSchema.safeParse(input, { reportInput: true });

  it('met tabblad: celadres en de ingevulde waarde', () => {
    expect(result.success).toBe(false);
    expect(
      formatIssues(result.error!, {
        sheet: 'Partners',
        headerRow: 1,
        columns: { email: 'C' },
        firstDataRow: 2,
      }),
    ).toEqual(['Partners!C7: ongeldig e-mailadres "jan@"']);
  });

  it('zonder tabblad: het veldpad, zonder waarde', () => {
    expect(formatIssues(result.error!, { root: 'partners' })).toEqual([
      'partners[5].email: ongeldig e-mailadres',
    ]);
  });
});

describe('Partners-tabblad lezen', () => {
  it('leest en normaliseert een goede rij (e-mail klein, soort uit Nederlandse naam, stappen in volgorde)', () => {
    const r = parsePartnerRows([HEADER, GOOD]);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          id: 'politie-basisteam',
          organisation: 'Politie Basisteam',
          kind: 'politie',
          contactName: 'Wijkagent Test',
          email: 'wijkagent@politie.test',
          steps: ['1', '2A', '3'],
          levels: ['groep', 'domein'],
          active: true,
        },
      ],
    });
  });

  it('meldt elke fout met celadres, ook dubbele sleutels en e-mailadressen', () => {
    const r = parsePartnerRows([
      ['Stappen (komma-gescheiden)', ...HEADER.filter((h) => h !== 'Stappen'), 'Opmerking'],
      ['1, 2a, 3', ...GOOD.filter((c) => c !== '1, 2a, 3'), 'vrije tekst'],
      [],
      ['1, 9', 'jw', 'Jongerenwerk', 'agent', '', 'jan@', '', 'misschien'],
      ['alle', 'Politie-Basisteam', 'Dubbel', 'om', 'B. Test', 'WIJKAGENT@politie.test', 'groep', 'nee'],
      ['', 'Slecht id', 'X', 'boa', 'C. Test', 'c@voorbeeld.test', 'persoon, huis', 'ja'],
    ]);
    expect(r).toEqual({
      ok: false,
      errors: [
        'Partners!A4: onbekende stap "9"; kies uit 1, 2A, 2B, 3, 4, 5, 6, 7',
        'Partners!D4: onbekende soort "agent"; kies uit politie, om, jongerenwerk, boa, gemeente, leerplicht, lokaal_team, zvh, woningcorporatie, veilig_thuis, raad_kinderbescherming, jeugdreclassering, halt, onderwijs, overig',
        'Partners!E4: contactpersoon ontbreekt',
        'Partners!F4: ongeldig e-mailadres "jan@"',
        'Partners!G4: geen niveaus ingevuld; kies minstens één niveau',
        'Partners!H4: ongeldige waarde voor actief "misschien"; kies ja of nee',
        'Partners!B5: dubbele sleutel "Politie-Basisteam"; staat ook in rij 2',
        'Partners!F5: dubbel e-mailadres "WIJKAGENT@politie.test"; staat ook in rij 2',
        'Partners!A6: geen stappen ingevuld; kies minstens één stap',
        'Partners!B6: ongeldige sleutel "Slecht id"; gebruik kleine letters, cijfers en koppeltekens (bijv. politie-basisteam)',
        'Partners!G6: onbekend niveau "huis"; kies uit groep, persoon, domein, online',
      ],
    });
  });

  it('een ontbrekende kolom wordt gemeld; Actief mag ontbreken (standaard actief)', () => {
    expect(parsePartnerRows([HEADER.filter((h) => h !== 'E-mail')])).toEqual({
      ok: false,
      errors: ['Partners rij 1: kolom "E-mail" ontbreekt in de kopregel'],
    });
    const r = parsePartnerRows([HEADER.slice(0, 7), GOOD.slice(0, 7)]);
    expect(r.ok && r.value[0]!.active).toBe(true);
  });

  it('een dubbele kolom en een leeg tabblad worden gemeld', () => {
    expect(parsePartnerRows([[...HEADER, 'soort']])).toEqual({
      ok: false,
      errors: ['Partners!I1: kolom "Soort" staat dubbel in de kopregel'],
    });
    expect(parsePartnerRows([[], []]).ok).toBe(false);
  });

  it('een kopregel lager op het blad telt de rijnummers goed', () => {
    const r = parseSheetTable(
      'Partners',
      [[], HEADER, [...GOOD.slice(0, 4), 'x@', ...GOOD.slice(5)]],
      PartnerListSchema,
      PARTNER_COLUMNS,
    );
    expect(r).toEqual({ ok: false, errors: ['Partners!E3: ongeldig e-mailadres "x@"'] });
  });

  it('terug naar rijen en weer inlezen geeft dezelfde partners', () => {
    const list = [
      partner(),
      partner({
        id: 'lt',
        kind: 'lokaal_team',
        email: 'lt@voorbeeld.test',
        active: false,
        steps: ['3', '5'],
      }),
    ];
    const rows = partnersToRows(list);
    expect(rows[0]).toEqual(Object.values(PARTNER_HEADERS));
    expect(parsePartnerRows(rows)).toEqual({ ok: true, value: list });
  });

  it('PartnerSchema kent alleen bekende soorten, stappen en niveaus', () => {
    const r = PartnerSchema.safeParse({ ...partner(), kind: 'brandweer', steps: ['8'], levels: ['alles'] });
    expect(formatIssues(r.error!)).toEqual([
      'kind: onbekende soort; kies uit politie, om, jongerenwerk, boa, gemeente, leerplicht, lokaal_team, zvh, woningcorporatie, veilig_thuis, raad_kinderbescherming, jeugdreclassering, halt, onderwijs, overig',
      'steps[0]: onbekende stap; kies uit 1, 2A, 2B, 3, 4, 5, 6, 7',
      'levels[0]: onbekend niveau; kies uit groep, persoon, domein, online',
    ]);
  });
});

describe('Instellingen-schema', () => {
  it('vult verstandige standaardwaarden in', () => {
    const s = SettingsSchema.parse({
      gemeente: 'Voorbeeldstad',
      coordinatorEmail: ' Regie@Voorbeeldstad.TEST',
      retentionMonths: 24,
    });
    expect(s).toMatchObject({
      casePrefix: 'JGA',
      naming: '2023',
      coordinatorEmail: 'regie@voorbeeldstad.test',
      reminderWorkdaysBefore: 2,
      bevrijdingsdagEveryYear: false,
      allowResponseEdits: false, // edits are off unless the gemeente turns them on
      mailTexts: {},
    });
    expect(s.deadlineWorkdays).toMatchObject({ default: 10, '2A': 10, '2B': 15 });
  });

  it('§4.3 #36: bewaartermijn is verplicht en ligt tussen 1 en 120 maanden (niet "voor altijd")', () => {
    const base = { gemeente: 'Voorbeeldstad', coordinatorEmail: 'regie@voorbeeldstad.test' };
    expect(formatIssues(SettingsSchema.safeParse(base).error!)).toEqual([
      'retentionMonths: bewaartermijn ontbreekt',
    ]);
    expect(formatIssues(SettingsSchema.safeParse({ ...base, retentionMonths: 121 }).error!)).toEqual([
      'retentionMonths: ongeldige bewaartermijn; kies een heel getal van 1 tot en met 120 maanden',
    ]);
    expect(SettingsSchema.safeParse({ ...base, retentionMonths: 0 }).success).toBe(false);
  });

  it('casusprefix: 2 tot 6 hoofdletters; kleine letters worden hoofdletters', () => {
    const base = { gemeente: 'V', coordinatorEmail: 'r@v.test', retentionMonths: 12 };
    expect(SettingsSchema.parse({ ...base, casePrefix: 'jga' }).casePrefix).toBe('JGA');
    for (const casePrefix of ['J', 'JGAJGAJ', 'J1']) {
      expect(formatIssues(SettingsSchema.safeParse({ ...base, casePrefix }).error!)).toEqual([
        'casePrefix: ongeldige casusprefix; gebruik 2 tot 6 hoofdletters, bijv. JGA',
      ]);
    }
  });
});

describe('besluit, plan van aanpak en casus', () => {
  it('DecisionSchema: uitkomst moet bij de stap horen; heropenen mag altijd', () => {
    const d = {
      step: '2A',
      round: 1,
      outcome: 'problematisch',
      motivation: 'm',
      decidedBy: 'overleg',
      date: '2026-03-02',
    };
    expect(DecisionSchema.safeParse(d).success).toBe(true);
    expect(DecisionSchema.safeParse({ ...d, outcome: 'heropenen' }).success).toBe(true);
    expect(
      formatIssues(
        DecisionSchema.safeParse({ ...d, date: '2026-02-30', routes: ['zorgmelding', 'weg'] }).error!,
      ),
    ).toEqual([
      'date: ongeldige besluitdatum; schrijf een datum als jjjj-mm-dd',
      'routes[1]: onbekende route; kies uit lichte_interventie, zorgmelding, pga_aanmelding, reguliere_inzet, monitoren',
    ]);
    expect(formatIssues(DecisionSchema.safeParse({ ...d, outcome: 'gereed' }).error!)).toEqual([
      'outcome: uitkomst past niet bij stap 2A; kies uit problematisch, niet_problematisch, geen_actie, meer_informatie, heropenen, heropenen_2a',
    ]);
  });

  it('PlanSchema: doel moet bestaan, ids uniek, datum geldig, pseudoniem alleen bij spoor persoon', () => {
    const r = PlanSchema.safeParse({
      version: 1,
      goals: [
        {
          id: 'D1',
          text: 'Overlast op het plein neemt af',
          indicator: 'Meldingen per maand',
          baseline: 10,
          target: 5,
          measureDate: '2026-12-31',
        },
        {
          id: 'D1',
          text: 'dubbel',
          indicator: 'Meldingen',
          baseline: 9,
          target: 5,
          measureDate: '2026-12-31',
        },
      ],
      criteria: [{ id: 'C1', text: 'Geen meldingen meer' }],
      evaluationDate: '2026-12-31',
      actions: [
        {
          id: 'A1',
          spoor: 'groep',
          text: 'Groepsgesprek',
          goalId: 'D9',
          owner: 'politie',
          start: '2026-01-01',
          frequency: 'wekelijks',
          deadline: '2026-13-01',
          subject: 'P-01',
        },
      ],
    });
    expect(formatIssues(r.error!, { root: 'plan' })).toEqual([
      'plan.actions[0].deadline: ongeldige deadline; schrijf een datum als jjjj-mm-dd',
      'plan.goals[1].id: dubbel doel-id; staat ook in plan.goals[0]',
      'plan.actions[0].goalId: onbekend doel; verwijs naar een doel-id uit het plan',
      'plan.actions[0].subject: een pseudoniem hoort alleen bij een actie in het spoor persoon',
    ]);
  });

  it('PlanSchema: een doel is meetbaar en het plan heeft afschaalcriteria', () => {
    const r = PlanSchema.safeParse({
      version: 1,
      goals: [
        { id: 'D1', text: 'Minder overlast', indicator: '', baseline: 'veel', measureDate: '2026-02-30' },
      ],
      actions: [],
      criteria: [],
      evaluationDate: '',
    });
    expect(formatIssues(r.error!, { root: 'plan' })).toEqual([
      'plan.goals[0].indicator: indicator ontbreekt',
      'plan.goals[0].baseline: nulmeting moet een getal zijn',
      'plan.goals[0].target: streefwaarde ontbreekt',
      'plan.goals[0].measureDate: ongeldige meetdatum; schrijf een datum als jjjj-mm-dd',
      'plan.criteria: geef minstens één afschaalcriterium',
      'plan.evaluationDate: ongeldige evaluatiedatum; schrijf een datum als jjjj-mm-dd',
    ]);
  });

  it('planIsComplete: elk doel heeft een actie', () => {
    const plan = PlanSchema.parse({
      version: 1,
      goals: [
        {
          id: 'D1',
          text: 'Minder overlast',
          indicator: 'Meldingen',
          baseline: 8,
          target: 4,
          measureDate: '2026-12-31',
        },
      ],
      actions: [
        {
          id: 'A1',
          spoor: 'domein',
          text: 'Extra toezicht',
          goalId: 'D1',
          owner: 'boa-team',
          start: '2026-05-01',
          frequency: 'dagelijks',
          deadline: '2026-06-01',
        },
      ],
      criteria: [{ id: 'C1', text: 'Geen meldingen meer' }],
      evaluationDate: '2026-12-31',
    });
    expect(planIsComplete(plan)).toBe(true);
    expect(planIsComplete({ ...plan, actions: [] })).toBe(false);
    expect(planIsComplete({ version: 1, goals: [], actions: [], criteria: [], evaluationDate: '' })).toBe(
      false,
    );
  });

  it('CaseSchema: casuscode volgens het patroon en besluiten die na elkaar kunnen', () => {
    expect(formatIssues(CaseSchema.safeParse({ code: 'JGA-2026-1', decisions: [] }).error!)).toEqual([
      'code: ongeldige casuscode; schrijf PREFIX-jaar-volgnummer, bijv. JGA-2026-001',
    ]);
    const bad = CaseSchema.safeParse({
      code: 'JGA-2026-001',
      decisions: [
        {
          step: '1',
          round: 1,
          outcome: 'niet_verder',
          motivation: 'm',
          decidedBy: 'overleg',
          date: '2026-01-05',
        },
      ],
    });
    expect(formatIssues(bad.error!)).toEqual([
      'decisions[0]: Bij "Niet verder verkennen" (stap 1, ronde 1) hoort minstens één route. Kies uit: lichte_interventie, zorgmelding, pga_aanmelding, reguliere_inzet, monitoren.',
    ]);
  });
});

describe('catalogusaanpassingen (vorm)', () => {
  const extra = {
    id: '2A.eigen',
    step: '2A',
    kinds: 'all',
    level: 'groep',
    theme: 'aanleiding',
    type: 'text',
    title: 'Eigen vraag',
  };

  it('een eigen vraag krijgt bron I en wordt gecontroleerd', () => {
    const r = CatalogOverrideSchema.parse({
      hide: ['1.x'],
      titles: { '2A.omvang': 'Hoe groot?' },
      extra: [extra],
    });
    expect(r.extra?.[0]?.source).toBe('I');
  });

  it('geen persoonsvragen vóór 2B, keuzes verplicht, id met stap en uniek', () => {
    const r = CatalogOverrideSchema.safeParse({
      extra: [
        { ...extra, level: 'persoon', type: 'choice', choices: ['ja'] },
        { ...extra, step: '3' },
      ],
    });
    expect(formatIssues(r.error!, { root: 'catalogus' })).toEqual([
      'catalogus.extra[0].choices: geef minstens twee keuzes',
      'catalogus.extra[0].level: vragen over personen mogen pas vanaf stap 2B, niet in stap 2A',
      'catalogus.extra[1].id: vraag-id moet beginnen met "3."',
      'catalogus.extra[1].id: dubbel vraag-id; staat ook in catalogus.extra[0]',
    ]);
  });

  it('checkCatalogOverride meldt onbekende en botsende vraag-ids', () => {
    expect(
      checkCatalogOverride(
        { hide: ['1.weg'], titles: { '2A.eigen': 'x' }, extra: [{ ...extra, id: '2A.omvang' } as never] },
        ['2A.omvang'],
      ),
    ).toEqual([
      'hide: onbekende vraag "1.weg"',
      'titles: onbekende vraag "2A.eigen"',
      'extra: vraag-id "2A.omvang" bestaat al in de vragenlijst',
    ]);
  });
});
