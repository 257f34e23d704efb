/**
 * The group-level view of a case: what a document for the lokale driehoek or a partner is built
 * from. Person-level answers, the namenlijst codes and every code written in free text are
 * removed before any section renders, so no section can leak a code by accident. Pure.
 */
import type { AnswerRecord, CaseView } from './caseView';
import { isPersonQuestion } from './overview-answers';

/** What a pseudonym code becomes in a group-level document. */
export const CODE_REDACTED = '[jongere]';

/** Every person code the view knows: the namenlijst and the subjects of person questions. */
export function personCodes(view: CaseView): string[] {
  const personQuestions = new Set(view.catalog.filter(isPersonQuestion).map((q) => q.id));
  const codes = new Set(view.persons);
  for (const a of view.history) if (a.subject && personQuestions.has(a.questionId)) codes.add(a.subject);
  for (const a of view.plan?.actions ?? []) if (a.subject) codes.add(a.subject);
  for (const p of view.planHistory) for (const a of p.actions) if (a.subject) codes.add(a.subject);
  return [...codes].filter((c) => c.trim() !== '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every known code in a text by {@link CODE_REDACTED}. */
export function redactor(codes: readonly string[]): (text: string) => string {
  if (codes.length === 0) return (t) => t;
  const sorted = [...codes].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\w-])(?:${sorted.join('|')})(?![\\w-])`, 'g');
  return (text) => text.replace(re, CODE_REDACTED);
}

/** The view without anything at person level. */
export function groupLevelView(view: CaseView): CaseView {
  const codes = personCodes(view);
  const redact = redactor(codes);
  const personQuestions = new Set(view.catalog.filter(isPersonQuestion).map((q) => q.id));
  const isCode = new Set(codes);
  const keep = (a: AnswerRecord) =>
    !personQuestions.has(a.questionId) && !(a.subject && isCode.has(a.subject));
  const clean = (a: AnswerRecord): AnswerRecord => ({
    ...a,
    value: redact(a.value),
    ...(a.grid ? { grid: a.grid.map(redact) } : {}),
  });
  const plan = (p: NonNullable<CaseView['plan']>) => ({
    ...p,
    goals: p.goals.map((g) => ({ ...g, text: redact(g.text) })),
    actions: p.actions.map(({ subject, ...a }) => ({
      ...a,
      text: subject ? `${redact(a.text)} (persoonsgericht)` : redact(a.text),
    })),
  });
  return {
    ...view,
    answers: view.answers.filter(keep).map(clean),
    history: view.history.filter(keep).map(clean),
    persons: [],
    plan: view.plan ? plan(view.plan) : null,
    planHistory: view.planHistory.map(plan),
    state: {
      ...view.state,
      decisions: view.state.decisions.map((d) => ({
        ...d,
        motivation: redact(d.motivation),
        ...(d.directions !== undefined ? { directions: redact(d.directions) } : {}),
      })),
    },
    log: [],
  };
}
