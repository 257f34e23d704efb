/**
 * The werkproces refusals as the coordinator meets them: each with its code and a Dutch message
 * that says what is missing; and the facts the case keeps (acuut, routes) after a decision.
 */
import { describe, expect, it } from 'vitest';
import { applyDecision, ModelError, mustDropPersonData, newCase, replay } from '../../src/model/caseMachine';
import type { Decision } from '../../src/model/types';
import { caseAt, decide, decision } from './helpers';

function refusal(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ModelError) return err;
    throw err;
  }
  throw new Error('geen weigering');
}

describe('weigeringen van het werkproces', () => {
  it('een ModelError heet zo en heeft alleen bij het naspelen een besluitnummer', () => {
    const s = newCase('JGA-2026-001');
    const e = refusal(() => applyDecision(s, decision(s, 'verder_verkennen', { decidedBy: ' ' })));
    expect(e.name).toBe('ModelError');
    expect(e.code).toBe('ontbrekend_veld');
    expect(e.message).toBe('Wie het besluit nam ontbreekt (stap 1, ronde 1).');
    expect('decisionIndex' in e).toBe(false);
    const r = refusal(() => replay('JGA-2026-001', [decision(s, 'verder_verkennen', { date: '' })]));
    expect(r.decisionIndex).toBe(0);
    expect(r.message).toMatch(/^Besluit 1 \(\): De datum van het besluit ontbreekt \(stap 1, ronde 1\)\.$/);
  });

  it('routes: een onbekende, een bij een besluit zonder routes en een dubbele, elk met de code', () => {
    const s = caseAt('2A');
    const unknown = refusal(() => decide(s, 'niet_problematisch', { routes: ['vakantie' as never] }));
    expect([unknown.code, unknown.message]).toEqual([
      'route_niet_toegestaan',
      'Onbekende route "vakantie". Kies uit: lichte_interventie, zorgmelding, pga_aanmelding, reguliere_inzet, monitoren.',
    ]);
    const none = refusal(() => decide(s, 'problematisch', { routes: ['zorgmelding'] }));
    expect(none.code).toBe('route_niet_toegestaan');
    expect(none.message).toMatch(/hoort geen route; laat de route leeg\.$/);
    const wrong = refusal(() => decide(s, 'niet_problematisch', { routes: ['monitoren'] }));
    expect(wrong.code).toBe('route_niet_toegestaan');
    const twice = refusal(() => decide(s, 'niet_problematisch', { routes: ['zorgmelding', 'zorgmelding'] }));
    expect(twice.code).toBe('route_niet_toegestaan');
    expect(twice.message).toMatch(/^Een route staat dubbel/);
  });

  it('een reden voor acuut bij een ander besluit wordt geweigerd', () => {
    const s = newCase('JGA-2026-001');
    const e = refusal(() => decide(s, 'verder_verkennen', { acuteReason: 'toch' }));
    expect(e.message).toBe(
      'Een reden voor acuut hoort alleen bij het besluit "acuut" in stap 1 (stap 1, ronde 1).',
    );
  });

  it('iets wat geen besluit is, is een programmafout en geen werkprocesfout', () => {
    expect(() => replay('JGA-2026-001', [null as unknown as Decision])).toThrow(TypeError);
  });
});

describe('wat de casus onthoudt', () => {
  it('de routes van een besluit zijn een eigen kopie', () => {
    const s = caseAt('2A');
    const routes = ['zorgmelding' as const];
    const closed = decide(s, 'niet_problematisch', { routes });
    routes.push('lichte_interventie' as never);
    expect(closed.decisions.at(-1)!.routes).toEqual(['zorgmelding']);
  });

  it('acuut blijft staan zolang de casus in 2A blijft, en valt weg daarna', () => {
    const acute = decide(newCase('JGA-2026-001'), 'acuut', { acuteReason: 'Dreiging van geweld' });
    expect(acute).toMatchObject({ step: '2A', acute: true, personDataAllowed: true });
    const again = decide(acute, 'meer_informatie');
    expect(again).toMatchObject({ step: '2A', round: 2, acute: true });
    expect(decide(again, 'problematisch').acute).toBeUndefined();
  });

  it('een gesloten toestand zonder besluiten hoeft niets te laten vallen', () => {
    expect(mustDropPersonData({ ...newCase('JGA-2026-001'), status: 'gesloten' })).toBe(false);
  });
});
