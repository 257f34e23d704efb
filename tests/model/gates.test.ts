/** The gates as the werkproces allows them (issue 6 point 6). */
import { describe, expect, it } from 'vitest';
import { allowedOutcomes, ModelError, newCase, replay } from '../../src/model/caseMachine';
import { DecisionSchema } from '../../src/model/schemas';
import type { CaseState } from '../../src/model/types';
import { CODE, caseAt, decide, decision } from './helpers';

function modelError(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('verwacht een ModelError');
}

describe('poorten zoals het werkproces ze toelaat', () => {
  it('2A mag eindigen met "geen actie, reguliere inzet": de casus sluit zonder route en zonder namenlijst', () => {
    const s = decide(caseAt('2A'), 'geen_actie');
    expect(s.status).toBe('gesloten');
    expect(s.closedRoutes).toBeUndefined();
    expect(s.personDataAllowed).toBe(false);
    expect(s.decisions.at(-1)!.outcome).toBe('geen_actie');
  });

  it('een besluit kan meer vervolgroutes noemen; elk moet bij de uitkomst passen en geen staat dubbel', () => {
    const s = decide(caseAt('2A'), 'niet_problematisch', { routes: ['lichte_interventie', 'zorgmelding'] });
    expect(s.closedRoutes).toEqual(['lichte_interventie', 'zorgmelding']);
    expect(s.decisions.at(-1)!.routes).toEqual(['lichte_interventie', 'zorgmelding']);
    const wrong = modelError(() =>
      decide(caseAt('2A'), 'niet_problematisch', { routes: ['zorgmelding', 'monitoren'] }),
    );
    expect(wrong.message).toContain('Route "monitoren" past niet bij "Niet problematisch"');
    const twice = modelError(() =>
      decide(caseAt('2A'), 'niet_problematisch', { routes: ['zorgmelding', 'zorgmelding'] }),
    );
    expect(twice.message).toContain('Een route staat dubbel');
    expect(modelError(() => decide(caseAt('2A'), 'niet_problematisch', { routes: [] })).code).toBe(
      'route_verplicht',
    );
  });

  it('van 4 terug naar 3 en van 5 terug naar 4, elk in een nieuwe ronde van die stap', () => {
    const back3 = decide(caseAt('4'), 'terug_naar_3');
    expect([back3.step, back3.round, back3.status]).toEqual(['3', 2, 'open']);
    const again4 = decide(back3, 'gereed');
    expect([again4.step, again4.round]).toEqual(['4', 2]);
    const at5 = decide(again4, 'geprioriteerd');
    const back4 = decide(at5, 'terug_naar_4');
    expect([back4.step, back4.round]).toEqual(['4', 3]);
    expect(back4.personDataAllowed).toBe(true);
    // Replaying the stored decisions gives the same state.
    expect(replay(CODE, back4.decisions)).toEqual(back4);
    // Only from the step the werkproces allows.
    expect(modelError(() => decide(caseAt('6'), 'terug_naar_4')).code).toBe('onbekende_uitkomst');
    expect(modelError(() => decide(caseAt('3'), 'terug_naar_3')).code).toBe('onbekende_uitkomst');
  });

  it('acuut: 2B mag samen met 2A beginnen als de procesregisseur vastlegt waarom', () => {
    const start = newCase(CODE);
    const missing = modelError(() => decide(start, 'acuut'));
    expect(missing.message).toBe(
      'Bij "Acuut: 2A en 2B tegelijk" (stap 1, ronde 1) hoort de reden waarom de situatie acuut is.',
    );
    expect(modelError(() => decide(start, 'acuut', { acuteReason: '  ' })).code).toBe('ontbrekend_veld');
    const s = decide(start, 'acuut', {
      acuteReason: 'Ernstig geweld in het weekend; snel zicht op de groep nodig.',
    });
    expect([s.step, s.acute, s.personDataAllowed]).toEqual(['2A', true, true]);
    const on = decide(s, 'problematisch');
    expect([on.step, on.personDataAllowed, on.acute]).toEqual(['2B', true, undefined]);
    // Without "acuut" the namenlijst waits for the 2A gate.
    const normal = decide(start, 'verder_verkennen');
    expect([normal.personDataAllowed, normal.acute]).toEqual([false, undefined]);
    // A reason for acuut belongs to that decision only.
    expect(modelError(() => decide(start, 'verder_verkennen', { acuteReason: 'snel' })).code).toBe(
      'ontbrekend_veld',
    );
  });

  it('biedt per stap precies de uitkomsten van het model aan', () => {
    const keys = (s: CaseState) => allowedOutcomes(s).map((o) => o.key);
    expect(keys(newCase(CODE))).toEqual(['verder_verkennen', 'acuut', 'niet_verder']);
    expect(keys(caseAt('4'))).toContain('terug_naar_3');
    expect(keys(caseAt('5'))).toEqual(['vastgesteld', 'terug_naar_4']);
    expect(keys(decide(caseAt('2A'), 'geen_actie'))).toEqual(['heropenen', 'heropenen_2a']);
  });

  it('het opgeslagen besluit: routes als lijst, reden voor acuut als tekst', () => {
    const d = decision(newCase(CODE), 'acuut', { acuteReason: ' Geweld ' });
    expect(DecisionSchema.parse(d).acuteReason).toBe('Geweld');
    const r = DecisionSchema.safeParse({ ...d, routes: ['zorgmelding', 'nergens'] });
    expect(r.success).toBe(false);
  });
});
