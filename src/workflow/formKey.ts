/**
 * The key of one form in the registry: `<step>#<round>#<partnerId>`, with `#<n>` added for a
 * partner's supplementary forms in the same round (n ≥ 2). Built and read only here.
 */
import type { StepId } from '../model/types';

export interface FormKeyParts {
  step: StepId;
  round: number;
  partnerId: string;
  /** 1 for the partner's first form in the round, 2+ for supplementary forms. */
  part: number;
}

export function formKey(step: StepId, round: number, partnerId: string, part = 1): string {
  return part > 1 ? `${step}#${round}#${partnerId}#${part}` : `${step}#${round}#${partnerId}`;
}

export function parseFormKey(key: string): FormKeyParts {
  const [step, round, partnerId, part] = key.split('#');
  return {
    step: step as StepId,
    round: Number(round),
    partnerId: partnerId ?? '',
    part: part ? Number(part) : 1,
  };
}

/** A registry row's item map: form item id → answer key (`questionId` or `questionId|subject`). */
export function itemMapOf(row: { itemMap: string }): Record<string, string> {
  return JSON.parse(row.itemMap || '{}') as Record<string, string>;
}
