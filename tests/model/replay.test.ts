import { describe, expect, it } from 'vitest';
import { applyDecision, ModelError, newCase, replay } from '../../src/model/caseMachine';
import type { Decision } from '../../src/model/types';
import { CODE, decide, decision } from './helpers';

describe('replay: de besluitenlijst bepaalt de stand van de casus', () => {
  it('levert dezelfde stand op als stap voor stap besluiten', () => {
    let s = newCase(CODE);
    for (const outcome of [
      'verder_verkennen',
      'meer_informatie',
      'problematisch',
      'bevestigd',
      'gereed',
      'aangehouden',
    ]) {
      s = decide(s, outcome);
    }
    const again = replay(CODE, s.decisions);
    expect(again).toEqual(s);
    expect(again.step).toBe('4');
    expect(again.rounds).toEqual({ '1': 1, '2A': 2, '2B': 1, '3': 1, '4': 2 });
  });

  it('een lege lijst geeft een nieuwe casus', () => {
    expect(replay(CODE, [])).toEqual(newCase(CODE));
  });

  it('rondes tellen door bij terugkeer naar een stap (6 → 3 → 4 → 5 → 6)', () => {
    let s = newCase(CODE);
    for (const o of [
      'verder_verkennen',
      'problematisch',
      'bevestigd',
      'gereed',
      'geprioriteerd',
      'vastgesteld',
    ])
      s = decide(s, o);
    s = decide(s, 'doorgaan');
    s = decide(s, 'nieuwe_duiding');
    for (const o of ['gereed', 'geprioriteerd', 'vastgesteld']) s = decide(s, o);
    expect(s.step).toBe('6');
    expect(s.round).toBe(3);
    expect(s.rounds).toEqual({ '1': 1, '2A': 1, '2B': 1, '3': 2, '4': 2, '5': 2, '6': 3 });
    expect(replay(CODE, s.decisions)).toEqual(s);
  });

  it('heropenen na sluiten komt terug bij replay', () => {
    let s = newCase(CODE);
    s = decide(s, 'niet_verder', { routes: ['monitoren'] });
    s = decide(s, 'heropenen');
    s = decide(s, 'verder_verkennen');
    const r = replay(CODE, s.decisions);
    expect(r.status).toBe('open');
    expect(r.step).toBe('2A');
    expect(r.rounds).toEqual({ '1': 2, '2A': 1 });
  });

  it('een fout besluit in de lijst geeft een ModelError met het nummer van het besluit', () => {
    const s = decide(newCase(CODE), 'verder_verkennen');
    const bad: Decision = { ...decision(s, 'bevestigd') };
    try {
      replay(CODE, [...s.decisions, bad]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      const err = e as ModelError;
      expect(err.decisionIndex).toBe(1);
      expect(err.code).toBe('onbekende_uitkomst');
      expect(err.message).toMatch(
        /^Besluit 2 \(\d{4}-\d{2}-\d{2}\): Uitkomst "bevestigd" bestaat niet bij stap 2A\./,
      );
    }
  });

  it('applyDecision laat de oude stand ongemoeid', () => {
    const s = newCase(CODE);
    const next = applyDecision(s, decision(s, 'verder_verkennen'));
    expect(s.decisions).toHaveLength(0);
    expect(s.rounds).toEqual({ '1': 1 });
    expect(next.decisions).toHaveLength(1);
  });
});
