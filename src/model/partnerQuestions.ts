/**
 * Which questions one partner gets in one step: the questions for its kind, at the levels it
 * may supply in that step, and person-level ones only when person data is allowed. The one
 * rule behind the forms, the step tabs and the scenario checks. Pure.
 */
import { resolvedKinds } from './catalog/rules';
import { levelsFor } from './partners';
import type { Partner, Question, StepId } from './types';

/** Whether this question is put to this partner. */
export function asksPartner(q: Question, partner: Partner, personDataAllowed: boolean): boolean {
  if (!resolvedKinds(q).includes(partner.kind)) return false;
  if (q.level === 'persoon' && !personDataAllowed) return false;
  return levelsFor(partner, q.step).includes(q.level);
}

export function partnerQuestions(
  catalog: readonly Question[],
  partner: Partner,
  step: StepId,
  personDataAllowed: boolean,
): Question[] {
  return catalog.filter((q) => q.step === step && asksPartner(q, partner, personDataAllowed));
}
