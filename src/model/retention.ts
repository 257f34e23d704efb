/**
 * The bewaartermijn: how long a closed case is kept before everything about it is destroyed.
 * The term itself comes from the gemeente (selectielijst and convenant); the product only counts.
 */
import { addDays, addMonths } from './workdays';

/** Days before the purge date on which the coordinator is warned (four weeks). */
export const PURGE_WARNING_DAYS = 28;

/** The day from which a case closed on `closedOn` is destroyed (a missing day of the month becomes its last). */
export function purgeDueOn(closedOn: string, retentionMonths: number): string {
  return addMonths(closedOn, retentionMonths);
}

/** What the register should do with a case today: nothing yet, warn, or destroy. */
export function retentionState(
  closedOn: string,
  retentionMonths: number,
  today: string,
): { due: string; state: 'bewaren' | 'waarschuwen' | 'vernietigen' } {
  const due = purgeDueOn(closedOn, retentionMonths);
  if (today >= due) return { due, state: 'vernietigen' };
  if (today >= addDays(due, -PURGE_WARNING_DAYS)) return { due, state: 'waarschuwen' };
  return { due, state: 'bewaren' };
}
