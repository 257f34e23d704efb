/**
 * Progress per goal of the plan van aanpak: the nulmeting, the streefwaarde and what the goal's
 * owner reported as the indicator's current value in each monitoring round (question
 * `6.doel.waarde`, asked per goal, only to that goal's owner). The overview shows it as a table and
 * as a chart. Pure: the caller passes the stored answers and the time zone.
 */
import { numberOf } from './planSheet';
import { isoDate } from './time';
import type { Plan, PlanGoal, StepId } from './types';

/** The step-6 question that asks a goal's owner for the indicator's current value. */
export const GOAL_VALUE_QUESTION = '6.doel.waarde';

export type GoalStatus = 'behaald' | 'op koers' | 'achter' | 'nog niet gemeten';

/** The part of a stored answer this needs (the render layer's AnswerRecord fits). */
export interface ValueAnswer {
  step: StepId;
  round: number;
  questionId: string;
  subject?: string;
  value: string;
  partnerId: string;
  /** Epoch ms of the submission or last edit. */
  submittedAt: number;
}

export interface GoalMeasurement {
  round: number;
  /** ISO date of the report. */
  date: string;
  value: number;
  partnerId: string;
}

export interface GoalProgress {
  id: string;
  text: string;
  indicator: string;
  baseline: number;
  baselineFrom?: string;
  target: number;
  /** ISO date by which the target should be reached. */
  measureDate: string;
  owner: string;
  /** One per monitoring round with a numeric report, oldest first. */
  measurements: GoalMeasurement[];
  status: GoalStatus;
}

/**
 * The status of a goal from its measurements:
 * - `behaald`: the latest value reached the streefwaarde (in the direction from the nulmeting);
 * - `op koers`: it moved from the nulmeting towards the streefwaarde, did not fall back since
 *   the previous round and was measured on or before the meetdatum;
 * - `achter`: otherwise (no movement, a step back, or the meetdatum passed);
 * - `nog niet gemeten`: no numeric report yet.
 */
export function goalStatus(
  baseline: number,
  target: number,
  measureDate: string,
  measurements: readonly GoalMeasurement[],
): GoalStatus {
  const last = measurements[measurements.length - 1];
  if (!last) return 'nog niet gemeten';
  const direction = Math.sign(target - baseline) || 1;
  if ((last.value - target) * direction >= 0) return 'behaald';
  if (last.date > measureDate) return 'achter';
  const previous = measurements[measurements.length - 2]?.value ?? baseline;
  const moved = (last.value - baseline) * direction > 0;
  const fellBack = (last.value - previous) * direction < 0;
  return moved && !fellBack ? 'op koers' : 'achter';
}

/** The partner that reports a goal's indicator: its own owner, else the owner of its first action. */
export function goalOwner(plan: Pick<Plan, 'actions'>, goal: Pick<PlanGoal, 'id' | 'owner'>): string {
  return goal.owner ?? plan.actions.find((a) => a.goalId === goal.id)?.owner ?? '';
}

/** Per goal of the plan: nulmeting, streefwaarde, one measurement per round and the status. */
export function goalProgress(
  plan: Pick<Plan, 'goals' | 'actions'> | null,
  answers: readonly ValueAnswer[],
  timeZone: string,
): GoalProgress[] {
  if (!plan) return [];
  const reports = answers.filter((a) => a.step === '6' && a.questionId === GOAL_VALUE_QUESTION);
  return plan.goals.map((g) => {
    const newest = new Map<number, ValueAnswer>();
    for (const a of reports) {
      if (a.subject !== g.id || numberOf(a.value) === null) continue;
      const seen = newest.get(a.round);
      if (!seen || a.submittedAt > seen.submittedAt) newest.set(a.round, a);
    }
    const measurements = [...newest.values()]
      .sort((a, b) => a.round - b.round)
      .map((a) => ({
        round: a.round,
        date: isoDate(a.submittedAt, timeZone),
        value: numberOf(a.value) as number,
        partnerId: a.partnerId,
      }));
    const owner = goalOwner(plan, g);
    const out: GoalProgress = {
      id: g.id,
      text: g.text,
      indicator: g.indicator,
      baseline: g.baseline,
      target: g.target,
      measureDate: g.measureDate,
      owner,
      measurements,
      status: goalStatus(g.baseline, g.target, g.measureDate, measurements),
    };
    if (g.baselineFrom) out.baselineFrom = g.baselineFrom;
    return out;
  });
}
