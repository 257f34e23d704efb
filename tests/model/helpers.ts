import { expect } from 'vitest';
import { applyDecision, newCase } from '../../src/model/caseMachine';
import type { CaseState, Decision, LightRoute, Partner, Question, StepId } from '../../src/model/types';
import { addDays } from '../../src/model/workdays';

export const CODE = 'JGA-2026-001';

let day = 0;
/** A valid decision for the current state of `s`; every call gets a later date. */
export function decision(s: CaseState, outcome: string, extra: Partial<Decision> = {}): Decision {
  day++;
  return {
    step: s.step,
    round: s.round,
    outcome,
    motivation: 'Besproken in het overleg; zie verslag.',
    decidedBy: 'partneroverleg',
    date: addDays('2026-01-05', day),
    ...extra,
  };
}

export function decide(s: CaseState, outcome: string, extra: Partial<Decision> = {}): CaseState {
  return applyDecision(s, decision(s, outcome, extra));
}

/** The straight path through the werkproces. */
export const PATH: [StepId, string][] = [
  ['1', 'verder_verkennen'],
  ['2A', 'problematisch'],
  ['2B', 'bevestigd'],
  ['3', 'gereed'],
  ['4', 'geprioriteerd'],
  ['5', 'vastgesteld'],
  ['6', 'afschalen'],
];

/** A case that has just reached `step` along the straight path. */
export function caseAt(step: StepId): CaseState {
  let s = newCase(CODE);
  for (const [from, outcome] of PATH) {
    if (s.step === step) break;
    expect(s.step).toBe(from);
    s = decide(s, outcome);
  }
  return s;
}

export function closedVia(step: StepId, outcome: string, route?: LightRoute): CaseState {
  return decide(caseAt(step), outcome, route ? { routes: [route] } : {});
}

/** A valid own question of a gemeente (step 2A, for the gemeente, a choice). */
export const OWN_QUESTION: Question = {
  id: '2A.eigen.speeltuin',
  step: '2A',
  kinds: ['gemeente'],
  level: 'domein',
  theme: 'context_impact',
  type: 'choice',
  title: 'Is de speeltuin aan de Dorpsstraat betrokken?',
  choices: ['Ja', 'Nee'],
  source: 'I',
};

/** An active politie partner for steps 1 and 2A at group level, without a convenant date. */
export const POLITIE: Partner = {
  id: 'politie',
  organisation: 'Politie',
  kind: 'politie',
  contactName: 'Wijkagent',
  email: 'wijkagent@politie.test',
  steps: ['1', '2A'],
  levels: ['groep'],
  active: true,
};
