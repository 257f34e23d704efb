/**
 * The few facts the views need from the werkproces model (src/model/steps.ts and
 * src/model/workdays.ts), kept in one place.
 */
import { ROUTE_LABELS, stepName } from '../model/steps';
import type { LightRoute, Settings, StepId, StepNaming } from '../model/types';
import { workdaysBetween } from '../model/workdays';

/** Step name in the gemeente's naming. */
export function stepNameOf(step: StepId, naming: StepNaming): string {
  return stepName(step, naming);
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
