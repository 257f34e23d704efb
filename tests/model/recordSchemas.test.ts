/**
 * The shape rules of stored records beyond the field checks of schemas.test.ts: a gemeente's own
 * question, the ids an override may name, and the plan van aanpak's cross-checks. Each refusal
 * is asserted with the field it names.
 */
import { describe, expect, it } from 'vitest';
import {
  CaseSchema,
  CatalogOverrideSchema,
  checkCatalogOverride,
  DecisionSchema,
  formatIssues,
  PlanSchema,
  planIsComplete,
  QuestionSchema,
} from '../../src/model/schemas';
import type { Plan } from '../../src/model/types';

const OWN = {
  id: '3.eigen',
  step: '3',
  kinds: 'all',
  level: 'groep',
  theme: 'dynamiek',
  type: 'text',
  title: 'Eigen',
};
const problems = (q: object) => {
  const r = QuestionSchema.safeParse({ ...OWN, ...q });
  return r.success ? [] : formatIssues(r.error);
};

describe('een eigen vraag (QuestionSchema)', () => {
  it('keuze, aankruisvakjes en raster vragen minstens twee keuzes; twee is genoeg', () => {
    for (const type of ['choice', 'checkboxes', 'grid']) {
      const rows = type === 'grid' ? { rows: ['rij'] } : {};
      expect(problems({ type, choices: ['een'], ...rows }), type).toEqual([
        'choices: geef minstens twee keuzes',
      ]);
      expect(problems({ type, ...rows }), type).toEqual(['choices: geef minstens twee keuzes']);
      expect(problems({ type, choices: ['een', 'twee'], ...rows }), type).toEqual([]);
    }
    expect(problems({ type: 'text', choices: ['een'] })).toEqual([]);
  });

  it('een raster heeft rijen, een schaalvraag een schaal', () => {
    expect(problems({ type: 'grid', choices: ['a', 'b'] })).toEqual([
      'rows: een raster heeft minstens één rij',
    ]);
    expect(problems({ type: 'grid', choices: ['a', 'b'], rows: [] })).toEqual([
      'rows: een raster heeft minstens één rij',
    ]);
    expect(problems({ type: 'scale' })).toEqual(['scale: een schaalvraag heeft een schaal nodig']);
    expect(
      problems({ type: 'scale', scale: { min: 0, max: 4, minLabel: 'laag', maxLabel: 'hoog' } }),
    ).toEqual([]);
    expect(problems({ type: 'text', rows: [] })).toEqual([]);
  });

  it('vóór stap 2B geen persoonsniveau en geen herhaling per persoon; het veld wordt genoemd', () => {
    expect(problems({ id: '2A.x', step: '2A', level: 'persoon' })).toEqual([
      'level: vragen over personen mogen pas vanaf stap 2B, niet in stap 2A',
    ]);
    expect(problems({ id: '1.x', step: '1', repeat: 'per_person' })).toEqual([
      'repeat: vragen over personen mogen pas vanaf stap 2B, niet in stap 1',
    ]);
    expect(problems({ id: '2B.x', step: '2B', level: 'persoon', repeat: 'per_person' })).toEqual([]);
  });

  it('het id begint met de stap', () => {
    expect(problems({ id: '3.x', step: '4' })).toEqual(['id: vraag-id moet beginnen met "4."']);
  });
});

describe('catalogusaanpassingen', () => {
  it('zonder eigen vragen is een aanpassing geldig', () => {
    expect(CatalogOverrideSchema.parse({ hide: ['1.x'] })).toEqual({ hide: ['1.x'] });
  });

  it('titel, toelichting en verplicht mogen een eigen vraag noemen; verbergen alleen een landelijke', () => {
    const extra = [{ ...OWN, source: 'I' as const }] as never;
    expect(
      checkCatalogOverride(
        {
          hide: ['3.eigen', '1.a'],
          titles: { '3.eigen': 't', '1.a': 't', '1.b': 't' },
          help: { '3.eigen': 'h', '1.c': 'h' },
          required: { '3.eigen': true, '1.d': false },
          extra,
        },
        ['1.a'],
      ),
    ).toEqual([
      'hide: onbekende vraag "3.eigen"',
      'titles: onbekende vraag "1.b"',
      'help: onbekende vraag "1.c"',
      'required: onbekende vraag "1.d"',
    ]);
    expect(checkCatalogOverride({}, [])).toEqual([]);
  });
});

describe('het plan van aanpak (PlanSchema)', () => {
  const goal = (id: string) => ({
    id,
    text: 'Minder overlast',
    indicator: 'Meldingen',
    baseline: 8,
    target: 4,
    measureDate: '2026-12-31',
  });
  const action = (id: string, goalId: string, extra: object = {}) => ({
    id,
    spoor: 'groep',
    text: 'Gesprek',
    goalId,
    owner: 'politie',
    start: '2026-05-01',
    frequency: 'wekelijks',
    deadline: '2026-06-01',
    ...extra,
  });
  const plan = (goals: object[], actions: object[]) => ({
    version: 1,
    goals,
    actions,
    criteria: [{ id: 'C1', text: 'Rust' }],
    evaluationDate: '2026-12-31',
  });
  const planProblems = (p: object) => {
    const r = PlanSchema.safeParse(p);
    return r.success ? [] : formatIssues(r.error, { root: 'plan' });
  };

  it('een dubbel actie-id noemt de eerste; een start op de deadline mag, erna niet', () => {
    expect(
      planProblems(
        plan(
          [goal('D1')],
          [
            action('A1', 'D1'),
            action('A1', 'D1', { start: '2026-06-01' }),
            action('A2', 'D1', { start: '2026-06-02' }),
          ],
        ),
      ),
    ).toEqual([
      'plan.actions[1].id: dubbel actie-id; staat ook in plan.actions[0]',
      'plan.actions[2].start: de start ligt na de deadline',
    ]);
  });

  it('een pseudoniem mag bij een actie in het spoor persoon', () => {
    expect(
      planProblems(plan([goal('D1')], [action('A1', 'D1', { spoor: 'persoon', subject: 'P-01' })])),
    ).toEqual([]);
  });

  it('compleet: elk doel heeft een actie, niet alleen één van de doelen', () => {
    const p = PlanSchema.parse(plan([goal('D1'), goal('D2')], [action('A1', 'D1')])) as Plan;
    expect(planIsComplete(p)).toBe(false);
    expect(
      planIsComplete({ ...p, actions: [...p.actions, { ...p.actions[0]!, id: 'A2', goalId: 'D2' }] }),
    ).toBe(true);
  });
});

describe('besluiten en de casus', () => {
  it('een uitkomst die niet bij de stap past noemt het veld', () => {
    const r = DecisionSchema.safeParse({
      step: '1',
      round: 1,
      outcome: 'vaststellen',
      motivation: 'm',
      decidedBy: 'd',
      date: '2026-01-05',
    });
    expect(formatIssues(r.error!)[0]).toMatch(/^outcome: uitkomst past niet bij stap 1; kies uit /);
  });

  it('besluiten die niet na elkaar kunnen: de melding noemt het eerste besluit dat niet past', () => {
    const d = { round: 1, motivation: 'm', decidedBy: 'd', date: '2026-01-05' };
    const r = CaseSchema.safeParse({
      code: 'JGA-2026-001',
      decisions: [
        { ...d, step: '1', outcome: 'verder_verkennen' },
        { ...d, step: '3', outcome: 'gereed' },
        { ...d, step: '7', outcome: 'afgerond' },
      ],
    });
    expect(r.success).toBe(false);
    const lines = formatIssues(r.error!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^decisions\[1\]: /);
  });
});
