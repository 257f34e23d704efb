/**
 * The decision dialog's form: what the gate of the current step allows (outcomes, routes per
 * outcome, a reason when acuut, directions where the driehoek decides) and the check of what the
 * coordinator filled in. Pure.
 *
 * `checkDecisionFields` is self-contained (it uses nothing outside its own body): the dialog
 * (src/render/html/decisionDialog.ts) runs its source in the browser for instant messages, the
 * server runs it again in `parseDecisionInput` (zod, jitless, around the same function). The
 * werkproces itself (caseMachine.applyDecision) still has the last word when recording.
 */
import { allowedOutcomes, currentGate, lastDecision } from './caseMachine';
import type { FieldErrors, ParseResult } from './newCaseInput';
import { ROUTE_LABELS, routesFor, stepLabel } from './steps';
import type { CaseState, Decision, LightRoute, StepId, StepNaming } from './types';
import * as z from './zod';

export const DECISION_FIELDS = [
  'outcome',
  'routes',
  'acuteReason',
  'motivation',
  'decidedBy',
  'date',
  'directions',
] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const MOTIVATION_MAX = 4000;

export interface OutcomeChoice {
  key: string;
  label: string;
  description: string;
  /** The routes this outcome accepts (empty: none), in the order shown. */
  routes: { key: LightRoute; label: string }[];
  requiresRoute: boolean;
  requiresAcuteReason: boolean;
  /** The plan van aanpak is read from the case spreadsheet with this outcome. */
  usesPlan: boolean;
}

/** What the decision form offers and checks, for one case in its current state. */
export interface DecisionRules {
  code: string;
  step: StepId;
  round: number;
  /** "stap 1 (Signaleren), ronde 1" or "gesloten". */
  where: string;
  outcomes: OutcomeChoice[];
  /** The driehoek's directions are asked (step 4). */
  hasDirections: boolean;
  decidedByDefault: string;
  today: string;
  /** The earliest date allowed: the case's opening or the previous decision, whichever is later. */
  minDate: string;
  /** What the minimum date is (for the message). */
  minDateReason: string;
  /** Number of decisions so far: a form made before another decision was recorded is stale. */
  expected: number;
}

export function decisionRules(
  state: CaseState,
  opts: { today: string; openedOn: string; naming?: StepNaming },
): DecisionRules {
  const gate = currentGate(state);
  const previous = lastDecision(state);
  const afterPrevious = previous !== undefined && previous.date > opts.openedOn;
  return {
    code: state.code,
    step: state.step,
    round: state.round,
    where:
      state.status === 'gesloten'
        ? `gesloten (laatst in ${stepLabel(state.step, opts.naming)})`
        : `${stepLabel(state.step, opts.naming)}, ronde ${state.round}`,
    outcomes: allowedOutcomes(state).map((o) => ({
      key: o.key,
      label: o.label,
      description: o.description,
      routes: routesFor(o).map((r) => ({ key: r, label: ROUTE_LABELS[r] })),
      requiresRoute: o.requiresRoute === true,
      requiresAcuteReason: o.requiresAcuteReason === true,
      usesPlan: o.requiresPlan === true || o.allowsPlanChange === true,
    })),
    hasDirections: state.step === '4' && state.status === 'open',
    decidedByDefault: gate.decidedByDefault,
    today: opts.today,
    minDate: afterPrevious ? previous.date : opts.openedOn,
    minDateReason: afterPrevious ? 'het vorige besluit' : 'de opening van de casus',
    expected: state.decisions.length,
  };
}

// Stryker disable all: the dialog sends this function's source to the browser (see above), where
// Stryker's instrumented code cannot run; its rules have their own tests, but no mutants.
/**
 * Checks every field and returns the decision with a message per wrong field. SELF-CONTAINED:
 * no reference to anything outside this function (its source runs in the dialog). Routes of an
 * outcome that takes none are dropped (they stay ticked in a hidden group after switching).
 */
export function checkDecisionFields(
  input: Record<string, unknown>,
  rules: DecisionRules,
): { errors: Record<string, string>; value: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const line = (v: unknown) => text(v).replace(/\s+/g, ' ');
  const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

  const outcomeKey = text(input.outcome);
  const outcome = rules.outcomes.find((o) => o.key === outcomeKey);
  if (outcomeKey === '') errors.outcome = 'Kies het besluit.';
  else if (!outcome) errors.outcome = 'Dit besluit kan nu niet; kies een van de getoonde besluiten.';

  const given = Array.isArray(input.routes)
    ? input.routes.map((r) => text(r)).filter((r) => r !== '')
    : text(input.routes) !== ''
      ? [text(input.routes)]
      : [];
  const routes: string[] = [];
  if (outcome && outcome.routes.length > 0) {
    for (const r of given) {
      if (!outcome.routes.some((x) => x.key === r)) errors.routes = 'Deze route past niet bij dit besluit.';
      else if (routes.indexOf(r) < 0) routes.push(r);
    }
    if (outcome.requiresRoute && routes.length === 0 && !errors.routes)
      errors.routes = 'Kies minstens één vervolgroute: waar gaan de signalen heen?';
  }

  const acuteReason = text(input.acuteReason);
  if (outcome?.requiresAcuteReason && acuteReason === '')
    errors.acuteReason = 'Schrijf waarom de situatie acuut is (noem geen namen).';

  const motivation = text(input.motivation);
  if (motivation === '') errors.motivation = 'Schrijf waarom dit besloten is (noem geen namen).';
  else if (motivation.length > 4000)
    errors.motivation = `De motivering is ${motivation.length} tekens lang; houd het bij 4000.`;

  const decidedBy = line(input.decidedBy);
  if (decidedBy === '') errors.decidedBy = `Vul in wie besloot, bijv. ${rules.decidedByDefault}.`;
  else if (decidedBy.length > 100) errors.decidedBy = 'Houd "Besloten door" bij hooguit 100 tekens.';

  let date = line(input.date);
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(date);
  if (dmy) date = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const real =
    ymd !== null &&
    Number(ymd[2]) >= 1 &&
    Number(ymd[2]) <= 12 &&
    Number(ymd[3]) >= 1 &&
    Number(ymd[3]) <= new Date(Date.UTC(Number(ymd[1]), Number(ymd[2]), 0)).getUTCDate();
  if (date === '') errors.date = 'Vul de datum van het besluit in.';
  else if (!real) errors.date = 'Dit is geen bestaande datum; kies een datum als dd-mm-jjjj.';
  else if (date > rules.today)
    errors.date = `De datum ligt in de toekomst; vandaag is ${dutch(rules.today)}.`;
  else if (date < rules.minDate)
    errors.date = `De datum ligt vóór ${rules.minDateReason} (${dutch(rules.minDate)}).`;

  const directions = rules.hasDirections ? text(input.directions) : '';

  const value: Record<string, unknown> = { outcome: outcomeKey, motivation, decidedBy, date };
  if (routes.length) value.routes = routes;
  if (outcome?.requiresAcuteReason) value.acuteReason = acuteReason;
  if (directions) value.directions = directions;
  return { errors, value };
}
// Stryker restore all

const optionalText = (noun: string) => z.string({ error: `${noun} moet tekst zijn` }).optional();

/** The shape the dialog posts; the field rules are `checkDecisionFields`. */
const DecisionShape = z.object({
  outcome: optionalText('besluit'),
  routes: z
    .unknown()
    .refine(
      (v) =>
        v === undefined ||
        typeof v === 'string' ||
        (Array.isArray(v) && v.every((r) => typeof r === 'string')),
      { error: 'routes moeten een lijst zijn' },
    )
    .optional(),
  acuteReason: optionalText('reden'),
  motivation: optionalText('motivering'),
  decidedBy: optionalText('besloten door'),
  date: optionalText('datum'),
  directions: optionalText('aanwijzingen'),
});

/** The server's check: zod for the shape, then the dialog's own field rules. */
export function parseDecisionInput(raw: unknown, rules: DecisionRules): ParseResult<Decision, DecisionField> {
  const shape = DecisionShape.safeParse(raw ?? {});
  if (!shape.success) {
    const errors: FieldErrors<DecisionField> = {};
    for (const iss of shape.error.issues) {
      const field = iss.path[0];
      if (typeof field === 'string' && (DECISION_FIELDS as readonly string[]).includes(field))
        errors[field as DecisionField] ??= iss.message;
    }
    if (Object.keys(errors).length === 0) errors.outcome = 'De invoer is geen formulier met velden.';
    return { ok: false, errors };
  }
  const { errors, value } = checkDecisionFields(shape.data, rules);
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors<DecisionField> };
  return {
    ok: true,
    value: {
      ...(value as Omit<Decision, 'step' | 'round'>),
      step: rules.step,
      round: rules.round,
    } as Decision,
  };
}
