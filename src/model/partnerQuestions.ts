/**
 * Which questions one partner gets in one step: the questions for its kind, at the levels it
 * may supply in that step, and person-level ones only when person data is allowed. The one
 * rule behind the forms, the step tabs and the scenario checks. Pure.
 */
import { resolvedKinds } from './catalog/rules';
import { hasConvenant, levelsFor, mayAskAtPersonLevel } from './partners';
import type { Partner, Question, StepId } from './types';

/**
 * Whether this question is put to this partner. A person-level question also needs the
 * convenant signed (a date in the Partners tab) and a kind that may answer it
 * (`mayAskAtPersonLevel`: e.g. "betrokken ja/nee" only, never free text).
 */
export function asksPartner(q: Question, partner: Partner, personDataAllowed: boolean): boolean {
  if (!resolvedKinds(q).includes(partner.kind)) return false;
  if (q.level === 'persoon') {
    if (!personDataAllowed || !hasConvenant(partner)) return false;
    if (!mayAskAtPersonLevel(partner.kind, q)) return false;
  }
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

/**
 * Whether a partner misses person-level questions in this step only because no convenant date is
 * filled in (the coordinator is told, so a forgotten date does not silently thin a form).
 */
export function withheldForConvenant(
  catalog: readonly Question[],
  partner: Partner,
  step: StepId,
  personDataAllowed: boolean,
): boolean {
  if (!personDataAllowed || hasConvenant(partner)) return false;
  const signed: Partner = { ...partner, convenantSigned: 'getekend' };
  return catalog.some((q) => q.step === step && q.level === 'persoon' && asksPartner(q, signed, true));
}

/** The Dutch line the coordinator reads when that happens. */
export function convenantWarning(partner: Pick<Partner, 'id' | 'organisation'>): string {
  return `${partner.organisation} (${partner.id}) heeft geen datum in de kolom "Convenant getekend" van de tab Partners: het formulier vraagt alleen op groepsniveau, niet over personen.`;
}
