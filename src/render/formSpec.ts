/**
 * What one partner's form for one step looks like, as data. Built from the (effective)
 * catalog, the partner and the case; workspace/forms.ts turns it into a Google Form with as
 * few calls as possible. Pure: no Apps Script, no clock.
 */

import { DUIDING_HELP, OPEN_SOURCES_HELP, PER_PERSON_HELP } from '../model/catalog/shared';
import { hasConvenant, mayAskAtPersonLevel, PARTNER_KIND_INFO } from '../model/partners';
import { goalOwner } from '../model/planProgress';
import { formatNumber } from '../model/planSheet';
import { stepName } from '../model/steps';
import type {
  Partner,
  Plan,
  PlanCriterion,
  Question,
  QuestionType,
  StepId,
  StepNaming,
} from '../model/types';
import { durationLine, formMinutes } from './formDuration';
import { itemKey, personsItemKey } from './formItemKey';

/** A question type, or a grid of check boxes (a checkbox question asked about every person). */
export type FormItemType = QuestionType | 'checkbox_grid';

export interface FormItemSpec {
  /** How an answer to this item is stored: see render/formItemKey.ts. */
  key: string;
  questionId: string;
  /** The one person code, action or goal this item is about. */
  subject?: string;
  /** The person codes (or afschaalcriteria) this item is about at once (grid rows, or lines of a text). */
  subjects?: readonly string[];
  type: FormItemType;
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
  /**
   * Only this partner's: a section per own action (step 6) or own goal. Trailing own sections
   * are added to a copy of the shared part, so partners of one kind share a template.
   */
  own?: boolean;
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
    perCriterion: questions.filter((q) => q.repeat === 'per_criterion'),
  };
}

/**
 * Rewrites brackets inside brackets so a title never nests them: `a (b (c))` → `a (b, c)`.
 * Round and square brackets count alike.
 */
export function flattenBrackets(text: string): string {
  let depth = 0;
  const closing: boolean[] = [];
  let out = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') {
      closing.push(depth > 0);
      out += depth > 0 ? ', ' : ch;
      depth++;
    } else if ((ch === ')' || ch === ']') && depth > 0) {
      depth--;
      out += closing.pop() ? '' : ch;
    } else out += ch;
  }
  return out.replace(/\s+,/g, ',').replace(/,\s*,/g, ',').replace(/ {2,}/g, ' ');
}

/** Whether a text has a bracket inside a bracket. */
export function hasNestedBrackets(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') {
      if (depth > 0) return true;
      depth++;
    } else if ((ch === ')' || ch === ']') && depth > 0) depth--;
  }
  return false;
}

/** `2B (Beoordelen groepsgedrag, namenlijst en groepsscan)`: a step label without nested brackets. */
export function formStepLabel(step: StepId, naming: StepNaming = '2023'): string {
  const name = stepName(step, naming).replace(/\s*\((?:[0-9][AB]?:\s*)?([^()]*)\)/g, ', $1');
  return `${step} (${name})`;
}

function item(q: Question, subject?: string): FormItemSpec {
  const spec: FormItemSpec = {
    key: itemKey(q.id, subject),
    questionId: q.id,
    type: q.type,
    title: flattenBrackets(q.title),
    help: q.help ?? '',
    required: q.required ?? false,
  };
  if (subject) spec.subject = subject;
  if (q.choices) spec.choices = q.choices;
  if (q.rows) spec.rows = q.rows;
  if (q.scale) spec.scale = q.scale;
  return spec;
}

/** The columns of a scale asked about every person: its numbers, the end labels in the help. */
function scaleColumns(q: Question): string[] {
  const s = q.scale ?? { min: 1, max: 5, minLabel: '', maxLabel: '' };
  const out: string[] = [];
  for (let v = s.min; v <= s.max; v++) out.push(String(v));
  return out;
}

/** Whether a person question is answered by choosing (one grid row per code). */
function isGridQuestion(q: Question): boolean {
  return !q.ownBox && (q.type === 'choice' || q.type === 'checkboxes' || q.type === 'scale');
}

/** Whether a person question is free text that shares the "Toelichting per persoon" section. */
function isSharedText(q: Question): boolean {
  return !q.ownBox && (q.type === 'text' || q.type === 'paragraph' || q.type === 'date');
}

/** One grid about every person: rows are the codes, columns the choices. */
function personGrid(q: Question, codes: readonly string[]): FormItemSpec {
  const scale = q.type === 'scale' ? q.scale : undefined;
  const scaleHelp =
    scale && (scale.minLabel || scale.maxLabel)
      ? `${scale.min} = ${scale.minLabel}, ${scale.max} = ${scale.maxLabel}.`
      : '';
  return {
    key: personsItemKey(q.id, codes),
    questionId: q.id,
    subjects: codes,
    type: q.type === 'checkboxes' ? 'checkbox_grid' : 'grid',
    title: flattenBrackets(q.title),
    help: [q.help ?? '', scaleHelp].filter(Boolean).join(' '),
    required: q.required ?? false,
    rows: codes,
    choices: q.type === 'scale' ? scaleColumns(q) : (q.choices ?? []),
  };
}

/** One text about every person: one line per code. */
function personText(q: Question, codes: readonly string[]): FormItemSpec {
  return {
    key: personsItemKey(q.id, codes),
    questionId: q.id,
    subjects: codes,
    type: 'paragraph',
    title: flattenBrackets(q.title),
    help: [q.help ?? '', q.type === 'date' ? 'Schrijf de datum als dd-mm-jjjj.' : '']
      .filter(Boolean)
      .join(' '),
    required: q.required ?? false,
  };
}

/**
 * One grid about every afschaalcriterium of the plan: a row per criterion (`C1: text`), columns
 * the choices. Stored per criterion id, like a person grid per code (render/formItemKey.ts).
 */
function criteriaGrid(q: Question, criteria: readonly PlanCriterion[]): FormItemSpec {
  const ids = criteria.map((c) => c.id);
  return {
    key: personsItemKey(q.id, ids),
    questionId: q.id,
    subjects: ids,
    type: 'grid',
    title: flattenBrackets(q.title),
    help: q.help ?? '',
    required: q.required ?? false,
    rows: criteria.map((c) => flattenBrackets(`${c.id}: ${c.text}`)),
    choices: q.choices ?? [],
  };
}

/** The header of the person questions: what holds for every code, said once. */
function personHeader(ctx: FormContext): string {
  const note = PARTNER_KIND_INFO[ctx.partner.kind]?.personNote;
  return [PER_PERSON_HELP, note ?? ''].filter(Boolean).join('\n');
}

/** Sections with the questions asked about every person of the namenlijst. */
function personSections(ctx: FormContext, questions: readonly Question[]): FormSectionSpec[] {
  const codes = ctx.persons;
  const grids = questions.filter(isGridQuestion);
  const texts = questions.filter(isSharedText);
  const own = questions.filter((q) => !isGridQuestion(q) && !isSharedText(q));
  const out: FormSectionSpec[] = [];
  const header = personHeader(ctx);
  if (grids.length > 0) {
    out.push({
      title: 'Vragen per persoon',
      description: `Elke rij is een code van de namenlijst. ${header}`,
      items: grids.map((q) => personGrid(q, codes)),
    });
  }
  if (texts.length > 0) {
    out.push({
      title: 'Toelichting per persoon',
      description: [
        `Schrijf per code één regel die met de code begint, bijvoorbeeld "${codes[0] ?? 'P-XXXX'}: ...". Codes: ${codes.join(', ')}. Een code waarover u niets weet of mag delen, laat u weg.`,
        grids.length > 0 ? '' : header,
      ]
        .filter(Boolean)
        .join('\n'),
      items: texts.map((q) => personText(q, codes)),
    });
  }
  for (const q of own) {
    out.push({
      title: flattenBrackets(q.title),
      description: [q.help ?? '', out.length === 0 ? header : ''].filter(Boolean).join('\n'),
      items: codes.map((code) => ({ ...item(q, code), title: code, help: '' })),
    });
  }
  return out;
}

/** Help texts that are shared building blocks: said once per form when several items carry them. */
const SHARED_HELP: readonly string[] = [PER_PERSON_HELP, DUIDING_HELP, OPEN_SOURCES_HELP];

/** Splits a help text into its own words and the shared blocks it contains. */
function splitHelp(help: string): { own: string; shared: string[] } {
  let own = help;
  const shared: string[] = [];
  for (const block of SHARED_HELP) {
    if (own.includes(block)) {
      shared.push(block);
      own = own.replace(block, ' ');
    }
  }
  return { own: own.replace(/\s{2,}/g, ' ').trim(), shared };
}

/**
 * Says every help text once: a block shared by several items of a section moves to the section's
 * header (for the opening section: to `opening`, the form description); a text already said
 * earlier in the form is not said again.
 */
function helpOnce(sections: FormSectionSpec[], opening: string[]): void {
  const said = new Set<string>(opening);
  sections.forEach((section, si) => {
    const counts = new Map<string, number>();
    const parts = section.items.map((it) => {
      const split = splitHelp(it.help);
      const blocks = [...split.shared, ...(split.own ? [split.own] : [])];
      for (const b of blocks) counts.set(b, (counts.get(b) ?? 0) + 1);
      return split;
    });
    const hoisted = [...counts].filter(([, n]) => n > 1).map(([b]) => b);
    const header = section.description ? [section.description] : [];
    for (const b of hoisted) {
      if (said.has(b) || header.some((h) => h.includes(b))) continue;
      if (si === 0) opening.push(b);
      else header.push(b);
    }
    section.description = header.filter((h) => !said.has(h)).join('\n');
    for (const h of header) said.add(h);
    for (const b of hoisted) said.add(b);
    section.items.forEach((it, i) => {
      const { own, shared } = parts[i] ?? { own: '', shared: [] };
      const keep = [own, ...shared].filter((b) => b && !said.has(b) && !section.description.includes(b));
      for (const b of keep) said.add(b);
      it.help = keep.join(' ');
    });
  });
}

const LEVEL_LABEL: Record<string, string> = {
  groep: 'groepsniveau',
  persoon: 'persoonsniveau, alleen met persoonscodes',
  domein: 'domein- en locatieniveau',
  online: 'online',
};

/**
 * The form for one partner in one step. `questions` must already be the partner's questions
 * for this step (catalog + overrides + levels applied). A question about every person is one
 * grid (rows = codes) or one text with a line per code (from 2B on); questions per own PvA
 * action (step 6) or per PvA goal (step 7) get a section per action or goal.
 */
export function buildFormSpec(ctx: FormContext, questions: readonly Question[]): FormSpec {
  const q = byRepeat(questions);
  const sections: FormSectionSpec[] = [{ title: '', description: '', items: q.once.map((x) => item(x)) }];

  // What a kind may answer about a person is enforced here too, not only in the question list.
  const perPerson = hasConvenant(ctx.partner)
    ? q.perPerson.filter((x) => mayAskAtPersonLevel(ctx.partner.kind, x))
    : [];
  if (perPerson.length > 0 && ctx.persons.length > 0) sections.push(...personSections(ctx, perPerson));

  if (q.perAction.length > 0 && ctx.plan) {
    const own = ctx.plan.actions.filter((a) => a.owner === ctx.partner.id);
    for (const a of own) {
      sections.push({
        title: flattenBrackets(`Actie ${a.id}: ${a.text}`),
        description: `Actie ${a.id} in spoor ${a.spoor}, deadline in het plan ${a.deadline}.`,
        items: q.perAction.map((x) => item(x, a.id)),
        own: true,
      });
    }
  }

  if (q.perOwnGoal.length > 0 && ctx.plan) {
    const plan = ctx.plan;
    for (const g of plan.goals.filter((x) => goalOwner(plan, x) === ctx.partner.id)) {
      sections.push({
        title: flattenBrackets(`Doel ${g.id}: ${g.text}`),
        description: `Indicator: ${g.indicator}. Nulmeting ${formatNumber(g.baseline)}, streefwaarde ${formatNumber(g.target)} op ${g.measureDate}. Meet op dezelfde manier als bij de nulmeting.`,
        items: q.perOwnGoal.map((x) => item(x, g.id)),
        own: true,
      });
    }
  }

  if (q.perGoal.length > 0 && ctx.plan) {
    ctx.plan.goals.forEach((g, i) => {
      sections.push({
        title: flattenBrackets(`Doel ${g.id}: ${g.text}`),
        description: i === 0 ? 'Geef per doel uit het plan van aanpak uw oordeel.' : '',
        items: q.perGoal.map((x) => item(x, g.id)),
      });
    });
  }

  if (q.perCriterion.length > 0 && ctx.plan && ctx.plan.criteria.length > 0) {
    sections.push({
      title: 'Afschaalcriteria uit het plan van aanpak',
      description:
        'Het plan van aanpak noemt wanneer de aanpak kan afschalen. Geef per criterium aan of eraan is voldaan.',
      items: q.perCriterion.map((x) => criteriaGrid(x, ctx.plan?.criteria ?? [])),
    });
  }

  const kept = sections.filter((s, i) => i === 0 || s.items.length > 0);
  const opening: string[] = [];
  helpOnce(kept, opening);

  const levels = ctx.levels.map((l) => LEVEL_LABEL[l] ?? l).join('; ');
  const roundText = ctx.round > 1 ? `, ronde ${ctx.round}` : '';
  return {
    title: flattenBrackets(
      `${ctx.caseCode} · Stap ${ctx.step}${ctx.round > 1 ? ` ronde ${ctx.round}` : ''} · ${ctx.partner.organisation}${ctx.supplement ? ' · aanvulling' : ''}`,
    ),
    description: [
      durationLine(formMinutes(kept)),
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
      ...opening,
    ].join('\n'),
    confirmation:
      'Dank u wel. Uw bijdrage is ontvangen en wordt verwerkt in het integrale beeld. De procesregisseur neemt contact op als er vragen zijn.',
    sections: kept,
  };
}

/** How many items the form gets: every question item plus a page break per section after the first. */
export function specItemCount(spec: FormSpec): number {
  return spec.sections.reduce((n, s, i) => n + s.items.length + (i > 0 ? 1 : 0), 0);
}
