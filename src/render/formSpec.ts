/**
 * What one partner's form for one step looks like, as data. Built from the (effective)
 * catalog, the partner and the case; workspace/forms.ts turns it into a Google Form with as
 * few calls as possible. Pure: no Apps Script, no clock.
 */
import { goalOwner } from '../model/planProgress';
import { formatNumber } from '../model/planSheet';
import type { Partner, Plan, Question, QuestionType, StepId } from '../model/types';

export interface FormItemSpec {
  /** `questionId` or `questionId|subject`: how an answer to this item is stored. */
  key: string;
  questionId: string;
  subject?: string;
  type: QuestionType;
  title: string;
  help: string;
  required: boolean;
  choices?: readonly string[];
  rows?: readonly string[];
  scale?: { min: 0 | 1; max: number; minLabel: string; maxLabel: string };
}

export interface FormSectionSpec {
  /** Section title; empty for the opening section. */
  title: string;
  description: string;
  items: FormItemSpec[];
}

export interface FormSpec {
  title: string;
  description: string;
  confirmation: string;
  sections: FormSectionSpec[];
}

export interface FormContext {
  caseCode: string;
  step: StepId;
  round: number;
  stepLabel: string;
  partner: Partner;
  /** Dutch long date of the deadline. */
  deadlineText: string;
  /** Pseudonym codes of the namenlijst (used from 2B on). */
  persons: readonly string[];
  plan: Plan | null;
  /** Levels this partner may supply in this step. */
  levels: readonly string[];
  /** A supplementary form: only about persons added to the namenlijst after the first one. */
  supplement?: boolean;
}

/** Splits a question list by how it repeats. */
function byRepeat(questions: readonly Question[]) {
  return {
    once: questions.filter((q) => (q.repeat ?? 'once') === 'once'),
    perPerson: questions.filter((q) => q.repeat === 'per_person'),
    perAction: questions.filter((q) => q.repeat === 'per_action'),
    perGoal: questions.filter((q) => q.repeat === 'per_goal'),
    perOwnGoal: questions.filter((q) => q.repeat === 'per_own_goal'),
  };
}

function item(q: Question, subject?: string): FormItemSpec {
  const spec: FormItemSpec = {
    key: subject ? `${q.id}|${subject}` : q.id,
    questionId: q.id,
    type: q.type,
    title: subject ? `[${subject}] ${q.title}` : q.title,
    help: q.help ?? '',
    required: q.required ?? false,
  };
  if (subject) spec.subject = subject;
  if (q.choices) spec.choices = q.choices;
  if (q.rows) spec.rows = q.rows;
  if (q.scale) spec.scale = q.scale;
  return spec;
}

const LEVEL_LABEL: Record<string, string> = {
  groep: 'groepsniveau',
  persoon: 'persoonsniveau (alleen persoonscodes)',
  domein: 'domein- en locatieniveau',
  online: 'online',
};

/**
 * The form for one partner in one step. `questions` must already be the partner's questions
 * for this step (catalog + overrides + levels applied). Repeated questions are asked per
 * pseudonym code (from 2B on), per own PvA action (step 6) or per PvA goal (step 7).
 */
export function buildFormSpec(ctx: FormContext, questions: readonly Question[]): FormSpec {
  const q = byRepeat(questions);
  const sections: FormSectionSpec[] = [{ title: '', description: '', items: q.once.map((x) => item(x)) }];

  if (q.perPerson.length > 0 && ctx.persons.length > 0) {
    for (const code of ctx.persons) {
      sections.push({
        title: `Persoon ${code}`,
        description:
          'Vul alleen in wat uw organisatie over deze persoon weet en mag delen. Gebruik de code; noem geen namen.',
        items: q.perPerson.map((x) => item(x, code)),
      });
    }
  }

  if (q.perAction.length > 0 && ctx.plan) {
    const own = ctx.plan.actions.filter((a) => a.owner === ctx.partner.id);
    for (const a of own) {
      sections.push({
        title: `Actie ${a.id}: ${a.text}`,
        description: `Spoor: ${a.spoor}. Deadline in het plan: ${a.deadline}.`,
        items: q.perAction.map((x) => item(x, a.id)),
      });
    }
  }

  if (q.perOwnGoal.length > 0 && ctx.plan) {
    const plan = ctx.plan;
    for (const g of plan.goals.filter((x) => goalOwner(plan, x) === ctx.partner.id)) {
      sections.push({
        title: `Doel ${g.id}: ${g.text}`,
        description: `Indicator: ${g.indicator}. Nulmeting ${formatNumber(g.baseline)}, streefwaarde ${formatNumber(g.target)} op ${g.measureDate}. Meet op dezelfde manier als bij de nulmeting.`,
        items: q.perOwnGoal.map((x) => item(x, g.id)),
      });
    }
  }

  if (q.perGoal.length > 0 && ctx.plan) {
    for (const g of ctx.plan.goals) {
      sections.push({
        title: `Doel ${g.id}: ${g.text}`,
        description: 'Geef uw oordeel over dit doel uit het plan van aanpak.',
        items: q.perGoal.map((x) => item(x, g.id)),
      });
    }
  }

  const levels = ctx.levels.map((l) => LEVEL_LABEL[l] ?? l).join(', ');
  const roundText = ctx.round > 1 ? ` (ronde ${ctx.round})` : '';
  return {
    title: `${ctx.caseCode} · Stap ${ctx.step}${roundText} · ${ctx.partner.organisation}${ctx.supplement ? ' · aanvulling' : ''}`,
    description: [
      ...(ctx.supplement
        ? [
            'Aanvulling: alleen vragen over personen die na de eerste uitvraag aan de namenlijst zijn toegevoegd.',
          ]
        : []),
      `Uitvraag voor ${ctx.partner.organisation} in casus ${ctx.caseCode}, stap ${ctx.stepLabel}${roundText}.`,
      `Graag ingevuld uiterlijk ${ctx.deadlineText}.`,
      `U wordt gevraagd om informatie op ${levels}. Deel alleen wat uw organisatie volgens het convenant mag delen.`,
      'Noem in dit formulier geen namen of geboortedata; personen worden alleen met een code aangeduid.',
      'Dit formulier is alleen voor uw organisatie bedoeld. Stuur de link niet door.',
    ].join('\n'),
    confirmation:
      'Dank u wel. Uw bijdrage is ontvangen en wordt verwerkt in het integrale beeld. De procesregisseur neemt contact op als er vragen zijn.',
    sections: sections.filter((s, i) => i === 0 || s.items.length > 0),
  };
}

/** All item keys of a spec, in form order. */
export function specKeys(spec: FormSpec): string[] {
  return spec.sections.flatMap((s) => s.items.map((i) => i.key));
}
