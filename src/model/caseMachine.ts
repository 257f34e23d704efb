/**
 * The case state machine as a reducer. The list of decisions is the single source of truth:
 * `replay(code, decisions)` rebuilds the state, `applyDecision` adds one decision.
 * Pure: no Apps Script, no clock.
 */

import type { Gate, GateOutcome } from './steps';
import { gateFor, routesFor, STEPS } from './steps';
import type { CaseState, Decision, LightRoute, StepId } from './types';
import { LIGHT_ROUTES } from './types';
import { isValidIsoDate } from './workdays';

export type ModelErrorCode =
  | 'gesloten'
  | 'verkeerde_stap'
  | 'verkeerde_ronde'
  | 'onbekende_uitkomst'
  | 'ontbrekend_veld'
  | 'ongeldige_datum'
  | 'datum_volgorde'
  | 'route_verplicht'
  | 'route_niet_toegestaan'
  | 'plan_verplicht';

/** A rule of the werkproces was broken. The message is Dutch and meant for the coordinator. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  /** Index in the decision list when raised by `replay`. */
  readonly decisionIndex?: number;

  constructor(code: ModelErrorCode, message: string, decisionIndex?: number) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    if (decisionIndex !== undefined) this.decisionIndex = decisionIndex;
  }
}

/** Extra facts the reducer cannot know from decisions alone (checked only when given). */
export interface DecisionContext {
  /** Whether a plan van aanpak exists; `false` blocks outcomes with `requiresPlan`. */
  hasPlan?: boolean;
}

/** A new case: step 1, round 1, open, no person data. */
export function newCase(code: string): CaseState {
  return {
    code,
    status: 'open',
    step: '1',
    round: 1,
    rounds: { '1': 1 },
    personDataAllowed: false,
    decisions: [],
  };
}

/** The gate that applies now: the step's gate, or the reopen gate when the case is closed. */
export function currentGate(state: CaseState): Gate {
  return gateFor(state.status === 'gesloten' ? 'gesloten' : state.step);
}

/** Outcomes that may be decided now. */
export function allowedOutcomes(state: CaseState): GateOutcome[] {
  return currentGate(state).outcomes;
}

export function lastDecision(state: CaseState): Decision | undefined {
  return state.decisions[state.decisions.length - 1];
}

function describeOutcomes(gate: Gate): string {
  return gate.outcomes.map((o) => `${o.key} (${o.label})`).join(', ');
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkRoutes(outcome: GateOutcome, routes: readonly LightRoute[] | undefined, where: string): void {
  const accepted = routesFor(outcome);
  if (routes === undefined || routes.length === 0) {
    if (outcome.requiresRoute) {
      throw new ModelError(
        'route_verplicht',
        `Bij "${outcome.label}" (${where}) hoort minstens één route. Kies uit: ${accepted.join(', ')}.`,
      );
    }
    return;
  }
  for (const route of routes) {
    if (!(LIGHT_ROUTES as readonly string[]).includes(route)) {
      throw new ModelError(
        'route_niet_toegestaan',
        `Onbekende route "${String(route)}". Kies uit: ${LIGHT_ROUTES.join(', ')}.`,
      );
    }
    if (accepted.length === 0) {
      throw new ModelError(
        'route_niet_toegestaan',
        `Bij "${outcome.label}" (${where}) hoort geen route; laat de route leeg.`,
      );
    }
    if (!accepted.includes(route)) {
      throw new ModelError(
        'route_niet_toegestaan',
        `Route "${route}" past niet bij "${outcome.label}" (${where}). Kies uit: ${accepted.join(', ')}.`,
      );
    }
  }
  if (new Set(routes).size !== routes.length) {
    throw new ModelError(
      'route_niet_toegestaan',
      `Een route staat dubbel bij "${outcome.label}" (${where}).`,
    );
  }
}

/**
 * Applies one gate decision and returns the new state (the input is not changed).
 * Throws `ModelError` with a Dutch message when the decision is not allowed.
 */
export function applyDecision(state: CaseState, decision: Decision, ctx: DecisionContext = {}): CaseState {
  const closed = state.status === 'gesloten';
  const gate = currentGate(state);
  const where = `stap ${state.step}, ronde ${state.round}`;
  const outcome = gate.outcomes.find((o) => o.key === decision.outcome);

  if (closed && !outcome) {
    throw new ModelError(
      'gesloten',
      `Casus ${state.code} is gesloten; alleen heropenen is mogelijk. Kies uit: ${describeOutcomes(gate)}.`,
    );
  }
  if (decision.step !== state.step) {
    throw new ModelError(
      'verkeerde_stap',
      `Het besluit is voor stap ${String(decision.step)}, maar casus ${state.code} staat in stap ${state.step}.`,
    );
  }
  if (decision.round !== state.round) {
    throw new ModelError(
      'verkeerde_ronde',
      `Het besluit is voor ronde ${String(decision.round)} van stap ${state.step}, maar de lopende ronde is ${state.round}.`,
    );
  }
  if (!outcome) {
    throw new ModelError(
      'onbekende_uitkomst',
      `Uitkomst "${String(decision.outcome)}" bestaat niet bij stap ${state.step}. Mogelijke uitkomsten: ${describeOutcomes(gate)}.`,
    );
  }
  if (isBlank(decision.motivation)) {
    throw new ModelError('ontbrekend_veld', `De motivering van het besluit ontbreekt (${where}).`);
  }
  if (isBlank(decision.decidedBy)) {
    throw new ModelError('ontbrekend_veld', `Wie het besluit nam ontbreekt (${where}).`);
  }
  if (isBlank(decision.date)) {
    throw new ModelError('ontbrekend_veld', `De datum van het besluit ontbreekt (${where}).`);
  }
  if (!isValidIsoDate(decision.date)) {
    throw new ModelError(
      'ongeldige_datum',
      `De datum van het besluit "${decision.date}" is geen geldige datum (verwacht jjjj-mm-dd) (${where}).`,
    );
  }
  const previous = lastDecision(state);
  if (previous && decision.date < previous.date) {
    throw new ModelError(
      'datum_volgorde',
      `De datum ${decision.date} ligt vóór het vorige besluit (${previous.date}); besluiten volgen elkaar in de tijd op.`,
    );
  }
  checkRoutes(outcome, decision.routes, where);
  if (outcome.requiresAcuteReason && isBlank(decision.acuteReason)) {
    throw new ModelError(
      'ontbrekend_veld',
      `Bij "${outcome.label}" (${where}) hoort de reden waarom de situatie acuut is.`,
    );
  }
  if (!outcome.requiresAcuteReason && decision.acuteReason !== undefined) {
    throw new ModelError(
      'ontbrekend_veld',
      `Een reden voor acuut hoort alleen bij het besluit "acuut" in stap 1 (${where}).`,
    );
  }
  if (outcome.requiresPlan && ctx.hasPlan === false) {
    throw new ModelError(
      'plan_verplicht',
      `"${outcome.label}" kan pas als er een plan van aanpak met doelen en acties is (${where}).`,
    );
  }

  const decisions = [
    ...state.decisions,
    { ...decision, ...(decision.routes ? { routes: [...decision.routes] } : {}) },
  ];
  const rounds = { ...state.rounds };
  let personDataAllowed = state.personDataAllowed;
  if (state.step === '2A' && outcome.key === 'problematisch' && !closed) personDataAllowed = true;
  // Acuut: the namenlijst and groepsscan of 2B may start together with 2A.
  const acute = outcome.requiresAcuteReason === true && !closed;
  if (acute) personDataAllowed = true;

  if (closed) {
    // Reopening: new signals start a new round; person data only after a new 2A "problematisch".
    const next = outcome.next as StepId;
    rounds[next] = (rounds[next] ?? 0) + 1;
    return {
      code: state.code,
      status: 'open',
      step: next,
      round: rounds[next],
      rounds,
      personDataAllowed: false,
      decisions,
    };
  }
  if (outcome.next === 'gesloten') {
    const closedState: CaseState = { ...state, status: 'gesloten', rounds, personDataAllowed, decisions };
    if (decision.routes?.length) closedState.closedRoutes = [...decision.routes];
    else delete closedState.closedRoutes;
    return closedState;
  }
  const next: StepId = outcome.next === 'zelfde' ? state.step : outcome.next;
  rounds[next] = (rounds[next] ?? 0) + 1;
  const open: CaseState = {
    code: state.code,
    status: 'open',
    step: next,
    round: rounds[next],
    rounds,
    personDataAllowed,
    decisions,
  };
  if (acute || (state.acute && next === '2A')) open.acute = true;
  return open;
}

/** Rebuilds a case from its decisions. A broken decision raises `ModelError` naming its number. */
export function replay(code: string, decisions: readonly Decision[]): CaseState {
  let state = newCase(code);
  decisions.forEach((decision, index) => {
    try {
      state = applyDecision(state, decision);
    } catch (err) {
      if (err instanceof ModelError) {
        throw new ModelError(
          err.code,
          `Besluit ${index + 1} (${String(decision.date)}): ${err.message}`,
          index,
        );
      }
      throw err;
    }
  });
  return state;
}

/** The outcome definition a recorded decision refers to, in the state before it. */
export function outcomeOf(state: CaseState, key: string): GateOutcome | undefined {
  return currentGate(state).outcomes.find((o) => o.key === key);
}

/** Whether person-level questions may be asked in this state (open, past the 2A gate, step allows it). */
export function personDataActive(state: CaseState): boolean {
  return state.status === 'open' && state.personDataAllowed && STEPS[state.step].personDataAllowed;
}

/** Steps at which closing a case means the group was never confirmed as problematic. */
const UNCONFIRMED_STEPS: readonly StepId[] = ['1', '2A', '2B'];

/**
 * Whether the case may keep no person data: it was closed at step 1 or 2A, or at 2B (the
 * problematiek was not confirmed). The werkproces allows a namenlijst only for a group found
 * problematic; without that finding there is no ground to keep names, so the namenlijst goes at
 * that decision (AVG art. 5(1)(c) and (e): no more data, and no longer, than the purpose needs).
 */
export function mustDropPersonData(state: CaseState): boolean {
  if (state.status !== 'gesloten') return false;
  const last = state.decisions[state.decisions.length - 1];
  return last !== undefined && UNCONFIRMED_STEPS.includes(last.step);
}
