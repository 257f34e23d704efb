/**
 * Shared pieces of the view tabs: date formats, step and outcome labels, partner names,
 * form status as shown in the overview, and an index over the answers.
 */
import { isoDate, isoDateTime } from '../model/time';
import type { LightRoute, Question, StepId } from '../model/types';
import { STEP_IDS } from '../model/types';
import type { AnswerRecord, CaseView, FormRecord } from './caseView';
import { COLORS } from './sheetTable';
import { routeLabelOf, stepNameOf, workdaysAfter } from './views-model';

/** `2026-01-16` → `16-01-2026`; anything that is not an ISO date is shown as given. */
export function nlDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** `2026-01-16` → `16-01` (day and month, for narrow cells); anything else is shown as given. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}` : iso;
}

/** Epoch ms → `16-01-2026 14:05` in the view's time zone. */
export function nlDateTime(ms: number, timeZone: string): string {
  const [date, time] = isoDateTime(ms, timeZone).split(' ');
  return `${nlDate(date ?? '')} ${time ?? ''}`;
}

/** Epoch ms → `16-01-2026` in the view's time zone. */
export function nlDay(ms: number, timeZone: string): string {
  return nlDate(isoDate(ms, timeZone));
}

export function today(view: CaseView): string {
  return isoDate(view.now, view.timeZone);
}

/** `Stap 2A`. */
export function stepTab(step: StepId): string {
  return `Stap ${step}`;
}

/** `Stap 2A — <naam>`. */
export function stepTitle(view: CaseView, step: StepId): string {
  return `${stepTab(step)} — ${stepNameOf(step, view.settings.naming)}`;
}

export function stepName(view: CaseView, step: StepId): string {
  return stepNameOf(step, view.settings.naming);
}

/** One or more follow-up routes, in their Dutch labels (`...; ...`); empty when none. */
export function routeLabel(routes: readonly LightRoute[] | undefined): string {
  return (routes ?? []).map(routeLabelOf).join('; ');
}

export function stepOrder(step: StepId): number {
  return STEP_IDS.indexOf(step);
}

/** Organisation of a partner id; the id itself when the partner is no longer in the list. */
export function partnerName(view: CaseView, partnerId: string): string {
  return view.partners.find((p) => p.id === partnerId)?.organisation ?? partnerId;
}

/**
 * Partner ids in the order of the partner list, then ids only known from forms or answers
 * (a partner removed from the list later) in order of appearance.
 */
export function orderPartners(view: CaseView, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const out = view.partners.filter((p) => wanted.has(p.id)).map((p) => p.id);
  for (const id of wanted) if (!out.includes(id)) out.push(id);
  return out;
}

export interface FormStatusCell {
  text: string;
  color: string;
  /** Working days past the deadline (open forms only), else 0. */
  late: number;
  overdue: boolean;
}

/** How one form shows in the partner × step matrix. */
export function formStatus(view: CaseView, form: FormRecord): FormStatusCell {
  const suffix = form.round > 1 ? ` (ronde ${form.round})` : '';
  if (form.responseCount > 0 || form.status === 'beantwoord') {
    const on =
      form.respondedAt !== undefined ? ` ${shortDate(isoDate(form.respondedAt, view.timeZone))}` : '';
    return { text: `beantwoord${on}${suffix}`, color: COLORS.green, late: 0, overdue: false };
  }
  if (form.status === 'ontbreekt') {
    return { text: `formulier ontbreekt${suffix}`, color: COLORS.red, late: 0, overdue: false };
  }
  if (form.status === 'gesloten') {
    // A missed answer: its own text and colour, never the grey of "n.v.t." (not asked).
    return {
      text: `gemist: gesloten zonder antwoord${suffix}`,
      color: COLORS.missed,
      late: 0,
      overdue: false,
    };
  }
  const now = today(view);
  if (now > form.deadline) {
    const late = workdaysAfter(form.deadline, now, view.settings);
    return { text: `te laat (${late} wd)${suffix}`, color: COLORS.red, late, overdue: true };
  }
  return {
    text: `open — deadline ${shortDate(form.deadline)}${suffix}`,
    color: COLORS.amber,
    late: 0,
    overdue: false,
  };
}

/** Catalog questions of a step in catalog order. */
export function questionsOf(view: CaseView, step: StepId): Question[] {
  return view.catalog.filter((q) => q.step === step);
}

export function questionById(view: CaseView): Map<string, Question> {
  return new Map(view.catalog.map((q) => [q.id, q]));
}

/** Index of the latest answers by form, question and subject. */
export class AnswerIndex {
  private readonly map = new Map<string, AnswerRecord[]>();

  constructor(answers: readonly AnswerRecord[]) {
    const sorted = [...answers].sort((a, b) => a.submittedAt - b.submittedAt);
    for (const a of sorted) {
      const k = AnswerIndex.key(a.step, a.round, a.partnerId, a.questionId, a.subject);
      const list = this.map.get(k);
      if (list) list.push(a);
      else this.map.set(k, [a]);
    }
  }

  static key(step: StepId, round: number, partnerId: string, questionId: string, subject?: string): string {
    return `${step}#${round}#${partnerId}#${questionId}#${subject ?? ''}`;
  }

  /** Answers (one per response, oldest first) of one partner in one round. */
  get(step: StepId, round: number, partnerId: string, questionId: string, subject?: string): AnswerRecord[] {
    return this.map.get(AnswerIndex.key(step, round, partnerId, questionId, subject)) ?? [];
  }
}

/** Text of one or more responses to the same question (several people of one organisation). */
export function joinAnswers(records: readonly AnswerRecord[]): string {
  return records.map((r) => r.value).join('\n\n');
}

/** Sorts subjects the way a reader expects: namenlijst / plan order first, then by name. */
export function sortSubjects(view: CaseView, subjects: Iterable<string>): string[] {
  const order = [
    ...view.persons,
    ...(view.plan?.actions.map((a) => a.id) ?? []),
    ...(view.plan?.goals.map((g) => g.id) ?? []),
  ];
  // First position of each subject (as indexOf would find it), looked up once per comparison.
  const first = new Map<string, number>();
  order.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i);
  });
  const rank = (s: string): number => first.get(s) ?? order.length;
  return [...new Set(subjects)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
