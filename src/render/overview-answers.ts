/**
 * Attributed answers grouped by question: the generic body of every theme chapter, the
 * person level (per pseudonym code) and the appendix for answers outside the catalog.
 */
import type { Question, StepId, Theme } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import type { DocNode, Run } from './docTree';
import { attributedRuns, heading, isFilled, organisationOf, partnerRank, shorten } from './overview-text';

/** Filled answers indexed for the chapters; built once per overview. */
export interface AnswerIndex {
  view: CaseView;
  byQuestion: Map<string, AnswerRecord[]>;
  questions: Map<string, Question>;
  rank: (partnerId: string) => number;
  /** Answers that replaced an earlier one: an edit, or a second submission of the same form. */
  edited: Set<AnswerRecord>;
}

/** One statement: one partner, one step and round, one question, one subject. */
function statementKey(a: AnswerRecord): string {
  return [a.step, a.round, a.partnerId, a.questionId, a.subject ?? ''].join('|');
}

/**
 * Indexes the filled answers. A partner that submitted the same form twice (a duplicate or a
 * corrected second submission) counts once: the latest submission, marked as changed, like an
 * edit of the same response.
 */
export function indexAnswers(view: CaseView): AnswerIndex {
  const latest = new Map<string, { answer: AnswerRecord; replaced: boolean }>();
  for (const a of view.answers) {
    if (!isFilled(a)) continue;
    const key = statementKey(a);
    const seen = latest.get(key);
    if (!seen) latest.set(key, { answer: a, replaced: false });
    else if (a.submittedAt >= seen.answer.submittedAt) latest.set(key, { answer: a, replaced: true });
    else seen.replaced = true;
  }
  const byQuestion = new Map<string, AnswerRecord[]>();
  const edited = new Set<AnswerRecord>();
  for (const { answer: a, replaced } of latest.values()) {
    if (replaced || a.version > 1) edited.add(a);
    const list = byQuestion.get(a.questionId);
    if (list) list.push(a);
    else byQuestion.set(a.questionId, [a]);
  }
  const questions = new Map(view.catalog.map((q) => [q.id, q] as const));
  return { view, byQuestion, questions, rank: partnerRank(view), edited };
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
      edited: idx.edited.has(a),
      prefix: prefix?.(a),
    }),
  }));
}

/** Answers up to this length without a line break are short: partners agreeing are grouped. */
export const SHORT_ANSWER = 90;

function isShort(value: string): boolean {
  return value.length <= SHORT_ANSWER && !value.includes('\n');
}

/** `Organisatie [ronde 1, gewijzigd]`: who said it, and when that is not the latest round. */
function sourceLabel(idx: AnswerIndex, a: AnswerRecord, latest: number): string {
  const notes = [a.round < latest ? `ronde ${a.round}` : '', idx.edited.has(a) ? 'gewijzigd' : ''].filter(
    (x) => x !== '',
  );
  const org = organisationOf(idx.view, a.partnerId);
  // Square brackets: the label itself often stands between round ones (no nested brackets).
  return notes.length > 0 ? `${org} [${notes.join(', ')}]` : org;
}

/**
 * Short answers grouped by value, each value followed by the partners that gave it:
 * `10 tot 15 (Politie, Jongerenwerk); meer dan 15 (Boa)`. The sources are italic.
 */
export function groupedRuns(
  idx: AnswerIndex,
  answers: readonly AnswerRecord[],
  latest: number,
  prefix: (a: AnswerRecord) => string = () => '',
): Run[] {
  const groups = new Map<string, string[]>();
  for (const a of sortAnswers(idx, answers)) {
    const value = prefix(a) + a.value.trim();
    groups.set(value, [...(groups.get(value) ?? []), sourceLabel(idx, a, latest)]);
  }
  const runs: Run[] = [];
  for (const [value, sources] of groups) {
    if (runs.length > 0) runs.push({ text: '; ' });
    runs.push({ text: value }, { text: ` (${sources.join(', ')})`, italic: true });
  }
  return runs;
}

/**
 * Checkbox answers grouped by option, the options most partners chose first:
 * `Groepsdruk (Politie, Jongerenwerk); Verveling (Gemeente)`.
 */
export function optionRuns(idx: AnswerIndex, answers: readonly AnswerRecord[], latest: number): Run[] {
  const options = new Map<string, string[]>();
  for (const a of sortAnswers(idx, answers)) {
    for (const option of a.value.split(/;\s*/)) {
      const o = option.trim();
      if (o !== '') options.set(o, [...(options.get(o) ?? []), sourceLabel(idx, a, latest)]);
    }
  }
  const runs: Run[] = [];
  for (const [option, sources] of [...options].sort((a, b) => b[1].length - a[1].length)) {
    if (runs.length > 0) runs.push({ text: '; ' });
    runs.push({ text: option }, { text: ` (${sources.join(', ')})`, italic: true });
  }
  return runs;
}

/** The statements as runs for one line: grouped by value when short, `Partner: tekst` each when long. */
export function statementRuns(
  idx: AnswerIndex,
  question: Question,
  answers: readonly AnswerRecord[],
  latest: number,
): Run[] {
  if (question.type === 'checkboxes') return optionRuns(idx, answers, latest);
  if (answers.every((a) => isShort(a.value))) return groupedRuns(idx, answers, latest);
  const runs: Run[] = [];
  for (const a of sortAnswers(idx, answers)) {
    if (runs.length > 0) runs.push({ text: ' ' });
    runs.push(
      { text: `${sourceLabel(idx, a, latest)}: `, italic: true },
      { text: shorten(a.value.trim()).text },
    );
  }
  return runs;
}

/**
 * One question under its theme: the question is a bold lead-in, not a heading. Short answers
 * share one paragraph grouped by value; long answers get a paragraph per partner.
 */
export function questionBlock(
  idx: AnswerIndex,
  question: Question,
  answers: readonly AnswerRecord[],
  showSubject = true,
): DocNode[] {
  if (answers.length === 0) return [];
  // The current picture: the latest round only (earlier rounds stay in the case spreadsheet).
  const latest = latestRound(idx.view, question.step, answers);
  answers = answers.filter((a) => a.round === latest);
  if (answers.length === 0) return [];
  const withSubject = (a: AnswerRecord) => (showSubject && a.subject ? `[${a.subject}] ` : '');
  if (question.type === 'checkboxes' && answers.every((a) => !a.subject || !showSubject)) {
    return [
      {
        type: 'paragraph',
        runs: [{ text: `${question.title} `, bold: true }, ...optionRuns(idx, answers, latest)],
      },
    ];
  }
  if (answers.every((a) => isShort(a.value))) {
    const lead: Run = { text: `${question.title} `, bold: true };
    return [{ type: 'paragraph', runs: [lead, ...groupedRuns(idx, answers, latest, withSubject)] }];
  }
  return [
    { type: 'paragraph', runs: [{ text: question.title, bold: true }] },
    ...answerParagraphs(idx, answers, latest, withSubject),
  ];
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
 * person questions and per-action / per-goal / per-criterion questions have chapters of their own.
 */
export function isGeneric(q: Question): boolean {
  return (
    !q.duiding &&
    !isPersonQuestion(q) &&
    q.repeat !== 'per_action' &&
    q.repeat !== 'per_goal' &&
    q.repeat !== 'per_own_goal' &&
    q.repeat !== 'per_criterion'
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
    // One list per code: a line per question with every partner's statement.
    const items: Run[][] = [];
    for (const q of questions) {
      const all = (idx.byQuestion.get(q.id) ?? []).filter((a) => a.subject === code);
      if (all.length === 0) continue;
      const latest = latestRound(idx.view, q.step, all);
      const answers = all.filter((a) => a.round === latest);
      items.push([{ text: `${topicOf(q)}: `, bold: true }, ...statementRuns(idx, q, answers, latest)]);
    }
    const own = actions.filter((a) => a.subject === code);
    if (own.length > 0) {
      items.push([
        { text: 'Acties in het plan van aanpak: ', bold: true },
        { text: own.map((a) => `${a.id} ${a.text}`).join('; ') },
      ]);
    }
    if (items.length > 0) out.push(heading(2, code), ...packShort(items));
  }
  return out;
}

/** Items up to this many characters share one paragraph, separated by a middle dot. */
export const PACKED_ITEM = 70;

/**
 * Short facts (a choice, a number) of one code in one paragraph, `Topic: answer (Partner) ·
 * Topic: ...`; longer statements each keep a list line of their own.
 */
function packShort(items: readonly Run[][]): DocNode[] {
  const length = (item: readonly Run[]) => item.reduce((n, r) => n + r.text.length, 0);
  const short = items.filter((i) => length(i) <= PACKED_ITEM);
  const long = items.filter((i) => length(i) > PACKED_ITEM);
  const out: DocNode[] = [];
  if (short.length > 0) {
    out.push({
      type: 'paragraph',
      runs: short.flatMap((item, i) => (i === 0 ? [...item] : [{ text: ' · ' }, ...item])),
    });
  }
  if (long.length > 0) out.push({ type: 'list', items: long.map((i) => [...i]) });
  return out;
}

/** Short topics of the person-level questions; other questions show their title. */
const PERSON_TOPICS: Record<string, string> = {
  '2B.p.bron': 'Koppeling aan de groep',
  '2B.p.lidmaatschap': 'Hoort bij de groep',
  '2B.p.online': 'Online contact met groepsleden',
  '2B.p.samen_feiten': 'Samen met groepsleden verdachte',
  '2B.p.registraties': 'Registraties als verdachte (12 maanden)',
  '2B.p.feiten': 'Soort feiten',
  '2B.p.zorgmeldingen': 'Zorg- en overige meldingen (12 maanden)',
  '2B.p.controles': 'Waargenomen bij controles',
  '2B.p.relaties': 'Banden met groepsleden of netwerken',
  '2B.p.geinformeerd': 'Geïnformeerd over de namenlijst',
  '2B.p.informatiebrief': 'Informatiebrief verstuurd',
  '3.p.typering': 'Typering',
  '3.p.pmm': 'Plus/Min/Mee',
  '3.p.betrokken': 'Organisatie nu betrokken',
  '3.p.voorstel': 'Voorgestelde interventie',
  '3.p.strafrecht': 'Strafrechtelijke informatie',
  '3.p.school': 'Ingeschreven op school',
  '3.p.verzuim': 'Schoolverzuim',
  '7.p.nazorg': 'Nazorg nodig',
};

export function topicOf(q: Question): string {
  return PERSON_TOPICS[q.id] ?? q.title.replace(/\?$/, '');
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
