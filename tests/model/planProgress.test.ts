import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/model/catalog';
import { baselineFromDuiding, duidingItemScores } from '../../src/model/planBaseline';
import { GOAL_VALUE_QUESTION, goalProgress, goalStatus } from '../../src/model/planProgress';
import type { Plan } from '../../src/model/types';

const plan: Pick<Plan, 'goals' | 'actions'> = {
  goals: [
    {
      id: 'D1',
      text: 'Minder meldingen',
      indicator: 'Meldingen',
      baseline: 24,
      target: 12,
      measureDate: '2026-10-31',
    },
    {
      id: 'D2',
      text: 'Meer jongeren op school',
      indicator: 'Op school',
      baseline: 5,
      target: 10,
      measureDate: '2026-10-31',
      owner: 'jw',
    },
  ],
  actions: [
    {
      id: 'A1',
      spoor: 'groep',
      text: 'Rondes',
      goalId: 'D1',
      owner: 'politie',
      start: '2026-05-01',
      frequency: 'wekelijks',
      deadline: '2026-09-30',
    },
  ],
};
const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const answer = (round: number, subject: string, value: string, date: string, partnerId = 'politie') => ({
  step: '6' as const,
  round,
  questionId: GOAL_VALUE_QUESTION,
  subject,
  value,
  partnerId,
  submittedAt: at(date),
});

describe('voortgang per doel', () => {
  it('geeft per doel nulmeting, streefwaarde, één meting per ronde (de nieuwste) en de status', () => {
    const p = goalProgress(
      plan,
      [
        answer(1, 'D1', '20', '2026-06-10'),
        answer(2, 'D1', '18', '2026-07-10'),
        answer(2, 'D1', '17', '2026-07-12'), // an edit later that round wins
        answer(1, 'D2', 'weet niet', '2026-06-10', 'jw'), // not a number: not a measurement
        answer(2, 'D2', '4,5', '2026-07-10', 'jw'),
        { ...answer(1, 'D1', '1', '2026-06-10'), questionId: '6.signalen' },
      ],
      'Europe/Amsterdam',
    );
    expect(p.map((g) => [g.id, g.owner, g.baseline, g.target, g.status])).toEqual([
      ['D1', 'politie', 24, 12, 'op koers'],
      ['D2', 'jw', 5, 10, 'achter'],
    ]);
    expect(p[0]!.measurements).toEqual([
      { round: 1, date: '2026-06-10', value: 20, partnerId: 'politie' },
      { round: 2, date: '2026-07-12', value: 17, partnerId: 'politie' },
    ]);
    expect(p[1]!.measurements.map((m) => m.value)).toEqual([4.5]);
    expect(goalProgress(null, [], 'Europe/Amsterdam')).toEqual([]);
  });

  it('status: behaald, op koers, achter (terugval, stilstand of meetdatum voorbij), nog niet gemeten', () => {
    const m = (value: number, date = '2026-06-01') => ({ round: 1, date, value, partnerId: 'x' });
    expect(goalStatus(24, 12, '2026-10-31', [])).toBe('nog niet gemeten');
    expect(goalStatus(24, 12, '2026-10-31', [m(12)])).toBe('behaald');
    expect(goalStatus(24, 12, '2026-10-31', [m(11)])).toBe('behaald');
    expect(goalStatus(5, 10, '2026-10-31', [m(10)])).toBe('behaald');
    expect(goalStatus(24, 12, '2026-10-31', [m(20)])).toBe('op koers');
    expect(goalStatus(24, 12, '2026-10-31', [m(24)])).toBe('achter');
    expect(goalStatus(24, 12, '2026-10-31', [m(18), m(20)])).toBe('achter');
    expect(goalStatus(24, 12, '2026-10-31', [m(18), m(18)])).toBe('op koers');
    expect(goalStatus(24, 12, '2026-10-31', [m(13, '2026-11-02')])).toBe('achter');
    expect(goalStatus(5, 10, '2026-10-31', [m(6)])).toBe('op koers');
    expect(goalStatus(5, 10, '2026-10-31', [m(4)])).toBe('achter');
  });
});

describe('voortgang per doel: randen', () => {
  it('een meting óp de meetdatum telt nog mee als op koers; een dag later niet', () => {
    const m = (date: string) => [{ round: 1, date, value: 20, partnerId: 'x' }];
    expect(goalStatus(24, 12, '2026-10-31', m('2026-10-31'))).toBe('op koers');
    expect(goalStatus(24, 12, '2026-10-31', m('2026-11-01'))).toBe('achter');
  });

  it('metingen staan op volgorde van ronde, ook als de antwoorden anders binnenkwamen; alleen stap 6 telt', () => {
    const p = goalProgress(
      plan,
      [
        answer(3, 'D1', '15', '2026-08-10'),
        answer(1, 'D1', '22', '2026-06-10'),
        answer(2, 'D1', '19', '2026-07-10'),
        { ...answer(4, 'D1', '1', '2026-09-10'), step: '5' as const },
      ],
      'Europe/Amsterdam',
    );
    expect(p[0]!.measurements.map((m) => [m.round, m.value])).toEqual([
      [1, 22],
      [2, 19],
      [3, 15],
    ]);
  });

  it('zonder eigen eigenaar meldt de eigenaar van de eerste actie van dát doel; zonder actie niemand', () => {
    const goals = [{ ...plan.goals[0]!, baselineFrom: 'duiding: "Vernieling"' }];
    const actions = [
      { ...plan.actions[0]!, id: 'A0', goalId: 'D9', owner: 'boa' },
      { ...plan.actions[0]!, id: 'A1', goalId: 'D1', owner: 'leerplicht' },
      { ...plan.actions[0]!, id: 'A2', goalId: 'D1', owner: 'politie' },
    ];
    const [g] = goalProgress({ goals, actions }, [], 'Europe/Amsterdam');
    expect(g!.owner).toBe('leerplicht');
    expect(g!.baselineFrom).toBe('duiding: "Vernieling"');
    expect(
      goalProgress({ goals: plan.goals, actions: [] }, [], 'Europe/Amsterdam').map((x) => x.owner),
    ).toEqual(['', 'jw']);
    expect('baselineFrom' in goalProgress(plan, [], 'Europe/Amsterdam')[0]!).toBe(false);
  });
});

describe('nulmeting uit de duiding', () => {
  const grid = (partner: string, round: number, scores: string[]) => ({
    step: '3' as const,
    round,
    questionId: '3.duiding.aard',
    value: '',
    grid: scores,
    partnerId: partner,
  });
  const scores = duidingItemScores(CATALOG, [
    grid('a', 2, ['3 ernstig', '2 duidelijk']),
    grid('b', 2, ['2 duidelijk', '? onbekend']),
    grid('c', 1, ['0 niet', '0 niet']), // an older round does not count
    { step: '3' as const, round: 2, questionId: '3.duiding.aard', value: 'Vernieling: 1 beperkt' },
  ]);

  it('middelt de scores van de laatste ronde van stap 3 per onderdeel, zonder "? onbekend"', () => {
    expect(scores.filter((s) => s.questionId === '3.duiding.aard')).toEqual([
      { questionId: '3.duiding.aard', item: 'Overlast in de openbare ruimte', mean: 2.5, count: 2 },
      { questionId: '3.duiding.aard', item: 'Vernieling', mean: 1.5, count: 2 },
    ]);
  });

  it('past bij een indicator die het onderdeel noemt; anders niets', () => {
    const lookup = baselineFromDuiding(scores);
    expect(lookup('Duidingsscore vernieling (0-3)')).toEqual({
      value: 1.5,
      from: 'duiding: "Vernieling", gemiddelde van 2 scores op de schaal 0–3',
    });
    expect(lookup('Overlast in de openbare ruimte')?.value).toBe(2.5);
    expect(lookup('Meldingen per maand')).toBeNull();
    expect(lookup('Vernielingen')).toBeNull();
  });
});
