/**
 * The question catalog of the 7-stappenmodel: every question of every step, per partner kind,
 * in Dutch. Answers are keyed by the stable question id. Pure data and functions.
 */
import type { PartnerKind, Question, StepId } from '../types';
import { PARTNER_KINDS } from '../types';
import { resolvedKinds } from './rules';
import { STEP1 } from './step1';
import { STEP2A } from './step2a';
import { STEP2B } from './step2b';
import { STEP3 } from './step3';
import { STEP4 } from './step4';
import { STEP5 } from './step5';
import { STEP6 } from './step6';
import { STEP7 } from './step7';

export type { SourcedTopic } from './coverage';
export { SOURCED_COVERAGE } from './coverage';
export type { CatalogOverrides } from './overrides';
export { applyOverrides } from './overrides';
export { MAX_TITLE_LENGTH, PERSON_STEPS, questionProblems, resolvedKinds } from './rules';
export { DUIDING_SCALE, duidingScore, KANSEN_SCALE, STEP_KINDS } from './shared';

export const CATALOG: readonly Question[] = [
  ...STEP1,
  ...STEP2A,
  ...STEP2B,
  ...STEP3,
  ...STEP4,
  ...STEP5,
  ...STEP6,
  ...STEP7,
];

/** The questions one partner kind gets in one step, in catalog order. */
export function questionsFor(
  step: StepId,
  kind: PartnerKind,
  catalog: readonly Question[] = CATALOG,
): Question[] {
  return catalog.filter((q) => q.step === step && resolvedKinds(q).includes(kind));
}

export function questionById(id: string, catalog: readonly Question[] = CATALOG): Question | undefined {
  return catalog.find((q) => q.id === id);
}

/** Partner kinds that get at least one question in a step, in the order of PARTNER_KINDS. */
export function participatingKinds(step: StepId, catalog: readonly Question[] = CATALOG): PartnerKind[] {
  return PARTNER_KINDS.filter((kind) => questionsFor(step, kind, catalog).length > 0);
}
