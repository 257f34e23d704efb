/**
 * The few facts the views need from the werkproces model (src/model/steps.ts and
 * src/model/workdays.ts), kept in one place.
 */
import { gateFor, REOPEN_GATE, ROUTE_LABELS, stepName } from '../model/steps';
import type { LightRoute, Settings, StepId, StepNaming } from '../model/types';
import { workdaysBetween } from '../model/workdays';

/** Step name in the gemeente's naming. */
export function stepNameOf(step: StepId, naming: StepNaming): string {
  return stepName(step, naming);
}

/**
 * Dutch label of a gate outcome. A reopened case carries an outcome of the reopen gate; an
 * unknown key (an older werkproces) is shown as it is.
 */
export function outcomeLabelOf(step: StepId, outcome: string): string {
  const found = [...gateFor(step).outcomes, ...REOPEN_GATE.outcomes].find((o) => o.key === outcome);
  return found?.label ?? outcome;
}

export function routeLabelOf(route: LightRoute): string {
  return ROUTE_LABELS[route];
}

/** Working days after `deadline` up to and including `today` (both ISO dates), holidays excluded. */
export function workdaysAfter(deadline: string, today: string, settings: Settings): number {
  return Math.max(
    0,
    workdaysBetween(deadline, today, { bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear }),
  );
}
