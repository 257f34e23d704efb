/**
 * Attributed answers grouped by question: the generic body of every theme chapter, the
 * person level (per pseudonym code) and the appendix for answers outside the catalog.
 */
import type { Question, StepId, Theme } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import type { DocNode } from './docTree';
import { attributedRuns, heading, isFilled, organisationOf, partnerRank } from './overview-text';

/** Filled answers indexed for the chapters; built once per overview. */
export interface AnswerIndex {
  view: CaseView;
  byQuestion: Map<string, AnswerRecord[]>;
  questions: Map<string, Question>;
  rank: (partnerId: string) => number;
}

export function indexAnswers(view: CaseView): AnswerIndex {
  const byQuestion = new Map<string, AnswerRecord[]>();
  for (const a of view.answers) {
    if (!isFilled(a)) continue;
    const list = byQuestion.get(a.questionId);
    if (list) list.push(a);
    else byQuestion.set(a.questionId, [a]);
  }
  const questions = new Map(view.catalog.map((q) => [q.id, q] as const));
  return { view, byQuestion, questions, rank: partnerRank(view) };
}

/** The latest round of a step: what the case state says, or the newest answer if later. */
export function latestRound(view: CaseView, step: StepId, answers: readonly AnswerRecord[]): number {
  let max = view.state.rounds[step] ?? 0;
  for (const a of answers) if (a.step === step && a.round > max) max = a.round;
  return max;
}

/** Latest round first, then partner order, then submission time. */
export function sortAnswers(idx: AnswerIndex, answers: readonly AnswerRecord[]): AnswerRecord[] {
  return [...answers].sort(
    (a, b) =>
      b.round - a.round || idx.rank(a.partnerId) - idx.rank(b.partnerId) || a.submittedAt - b.submittedAt,
  );
}

/** Attributed paragraphs for a set of answers to one question. */
export function answerParagraphs(
  idx: AnswerIndex,
  answers: readonly AnswerRecord[],
  latest: number,
  prefix?: (a: AnswerRecord) => string,
): DocNode[] {
  return sortAnswers(idx, answers).map((a) => ({
    type: 'paragraph' as const,
    runs: attributedRuns(organisationOf(idx.view, a.partnerId), a.value, {
      earlierRound: a.round < latest ? a.round : undefined,
      edited: a.version > 1,
      prefix: prefix?.(a),
    }),
  }));
}

/** Question title as a level-3 heading, followed by every partner's answer. */
export function questionBlock(
  idx: AnswerIndex,
  question: Question,
  answers: readonly AnswerRecord[],
  showSubject = true,
): DocNode[] {
  if (answers.length === 0) return [];
  const latest = latestRound(idx.view, question.step, answers);
  const withSubject = (a: AnswerRecord) => (showSubject && a.subject ? `[${a.subject}] ` : '');
  return [heading(3, question.title), ...answerParagraphs(idx, answers, latest, withSubject)];
}

/** Generic chapter body: every generic question of the theme, in catalog order. */
export function themeBlocks(idx: AnswerIndex, theme: Theme): DocNode[] {
  const out: DocNode[] = [];
  for (const q of idx.view.catalog) {
    if (q.theme !== theme || !isGeneric(q)) continue;
    out.push(...questionBlock(idx, q, idx.byQuestion.get(q.id) ?? []));
  }
  return out;
}

/** Questions that belong to the person level: theme `persoon` or repeated per person. */
export function isPersonQuestion(q: Question): boolean {
  return q.theme === 'persoon' || q.repeat === 'per_person';
}

/**
 * Questions rendered as plain attributed answers in their theme chapter. Duiding grids,
 * person questions and per-action / per-goal questions have chapters of their own.
 */
export function isGeneric(q: Question): boolean {
  return (
    !q.duiding &&
    !isPersonQuestion(q) &&
    q.repeat !== 'per_action' &&
    q.repeat !== 'per_goal' &&
    q.repeat !== 'per_own_goal'
  );
}

/**
 * Persoonsniveau: per pseudonym code, each partner's contributions. Only codes appear here;
 * the view carries no names.
 */
export function personBlocks(idx: AnswerIndex): DocNode[] {
  const questions = idx.view.catalog.filter(isPersonQuestion);
  const out: DocNode[] = [];
  // Person-level questions answered without a code (e.g. a general remark) come first.
  for (const q of questions) {
    const general = (idx.byQuestion.get(q.id) ?? []).filter((a) => !a.subject);
    out.push(...questionBlock(idx, q, general));
  }
  const codes = [...idx.view.persons];
  for (const q of questions) {
    for (const a of idx.byQuestion.get(q.id) ?? []) {
      if (a.subject && !codes.includes(a.subject)) codes.push(a.subject);
    }
  }
  const actions = idx.view.plan?.actions ?? [];
  for (const code of codes) {
    const block: DocNode[] = [];
    for (const q of questions) {
      const answers = (idx.byQuestion.get(q.id) ?? []).filter((a) => a.subject === code);
      block.push(...questionBlock(idx, q, answers, false));
    }
    const own = actions.filter((a) => a.subject === code);
    if (own.length > 0) {
      block.push({
        type: 'paragraph',
        runs: [
          { text: 'Acties in het plan van aanpak: ', bold: true },
          { text: own.map((a) => `${a.id} ${a.text}`).join('; ') },
        ],
      });
    }
    if (block.length > 0) out.push(heading(2, code), ...block);
  }
  return out;
}

/** Appendix: answers to questions the (current) catalog no longer knows, by question id. */
export function otherBlocks(idx: AnswerIndex): DocNode[] {
  const out: DocNode[] = [];
  const ids = [...idx.byQuestion.keys()].filter((id) => !idx.questions.has(id)).sort();
  for (const id of ids) {
    const answers = idx.byQuestion.get(id) ?? [];
    const step = answers[0]?.step ?? '1';
    const latest = latestRound(idx.view, step, answers);
    const withSubject = (a: AnswerRecord) => (a.subject ? `[${a.subject}] ` : '');
    out.push(heading(3, `Vraag ${id}`), ...answerParagraphs(idx, answers, latest, withSubject));
  }
  return out;
}
