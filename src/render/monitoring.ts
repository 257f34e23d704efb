/**
 * Which catalog questions carry monitoring (step 6), shared by the Acties tab and the overview
 * so both read the same status. By convention the status question is the step-6 question asked
 * per action, of type `choice`, whose id ends with `.status`; the free-text per-action
 * questions are the explanations.
 */
import type { Question } from '../model/types';

export function monitoringQuestions(catalog: readonly Question[]): { status?: Question; notes: Question[] } {
  const perAction = catalog.filter((q) => q.step === '6' && q.repeat === 'per_action');
  const status = perAction.find((q) => q.type === 'choice' && q.id.endsWith('.status'));
  const notes = perAction.filter((q) => q !== status && (q.type === 'paragraph' || q.type === 'text'));
  return status ? { status, notes } : { notes };
}
