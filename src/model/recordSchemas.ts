/**
 * Schemas for catalog overrides (the question shape) and for stored records: decisions,
 * plan van aanpak and the case itself (whose decisions must replay).
 */
import { applyDecision, ModelError, newCase } from './caseMachine';
import { CASE_CODE_RE } from './configSchemas';
import {
  enumField,
  intField,
  isoDateField,
  missingOr,
  optionalText,
  requiredText,
  SLUG_RE,
  stepField,
} from './fields';
import { REOPEN_GATE, STEPS } from './steps';
import type { Decision, Plan, Question } from './types';
import { LEVELS, LIGHT_ROUTES, PARTNER_KINDS, QUESTION_TYPES, SPOREN, THEMES } from './types';
import * as z from './zod';

// ---------------------------------------------------------------- catalog overrides

export const QUESTION_ID_RE = /^(?:1|2A|2B|3|4|5|6|7)\.[a-z0-9_]+$/;

export const QuestionSchema = z
  .object({
    id: z
      .string({ error: missingOr('vraag-id', 'vraag-id moet tekst zijn') })
      .trim()
      .regex(QUESTION_ID_RE, { error: 'ongeldig vraag-id; schrijf stap.naam, bijv. 2A.eigen_vraag' }),
    step: stepField(),
    kinds: z.union([z.literal('all'), z.array(enumField(PARTNER_KINDS, 'soort')).min(1)], {
      error: `partnersoorten moet "all" of een lijst van ${PARTNER_KINDS.join(', ')} zijn`,
    }),
    level: enumField(LEVELS, 'niveau', 'onbekend niveau'),
    theme: enumField(THEMES, 'thema', 'onbekend thema'),
    type: enumField(QUESTION_TYPES, 'vraagtype', 'onbekend vraagtype'),
    title: requiredText('vraagtitel'),
    help: optionalText('toelichting'),
    required: z.boolean({ error: 'verplicht moet ja of nee zijn' }).optional(),
    choices: z.array(requiredText('keuze')).optional(),
    rows: z.array(requiredText('rij')).optional(),
    scale: z
      .object({
        min: z.union([z.literal(0), z.literal(1)], { error: 'schaal begint bij 0 of 1' }),
        max: intField('schaalmaximum', 2, 10, '', 'ongeldig schaalmaximum'),
        minLabel: requiredText('label laagste waarde'),
        maxLabel: requiredText('label hoogste waarde'),
      })
      .optional(),
    repeat: z
      .enum(['once', 'per_person', 'per_action', 'per_goal', 'per_own_goal', 'per_criterion'], {
        error: 'onbekende herhaling',
      })
      .optional(),
    ownBox: z.boolean().optional(),
    duiding: z.boolean().optional(),
    source: z.enum(['B', 'I'], { error: 'bron moet B of I zijn' }).default('I'),
  })
  .superRefine((q, ctx) => {
    if (!q.id.startsWith(`${q.step}.`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        input: q.id,
        message: `vraag-id moet beginnen met "${q.step}."`,
      });
    }
    if (
      (q.type === 'choice' || q.type === 'checkboxes' || q.type === 'grid') &&
      (q.choices?.length ?? 0) < 2
    ) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'geef minstens twee keuzes' });
    }
    if (q.type === 'grid' && (q.rows?.length ?? 0) < 1) {
      ctx.addIssue({ code: 'custom', path: ['rows'], message: 'een raster heeft minstens één rij' });
    }
    if (q.type === 'scale' && !q.scale) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'een schaalvraag heeft een schaal nodig' });
    }
    const personStep = STEPS[q.step].personDataAllowed;
    if (!personStep && (q.level === 'persoon' || q.repeat === 'per_person')) {
      ctx.addIssue({
        code: 'custom',
        path: [q.level === 'persoon' ? 'level' : 'repeat'],
        message: `vragen over personen mogen pas vanaf stap 2B, niet in stap ${q.step}`,
      });
    }
  });

export interface CatalogOverride {
  hide?: string[];
  titles?: Record<string, string>;
  help?: Record<string, string>;
  required?: Record<string, boolean>;
  extra?: Question[];
}

export const CatalogOverrideSchema = z
  .object({
    hide: z.array(z.string().trim().min(1)).optional(),
    titles: z.record(z.string(), requiredText('titel')).optional(),
    help: z.record(z.string(), z.string().trim()).optional(),
    required: z.record(z.string(), z.boolean({ error: 'verplicht moet ja of nee zijn' })).optional(),
    extra: z.array(QuestionSchema).optional(),
  })
  .superRefine((o, ctx) => {
    const seen = new Map<string, number>();
    o.extra?.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['extra', i, 'id'],
          input: q.id,
          message: 'dubbel vraag-id',
          params: { duplicateOf: first },
        });
      } else seen.set(q.id, i);
    });
  });

/** Dutch problems with an override against the catalog's question ids (unknown ids, clashes). */
export function checkCatalogOverride(override: CatalogOverride, knownIds: readonly string[]): string[] {
  const known = new Set(knownIds);
  const problems: string[] = [];
  const refs: [string, string[]][] = [
    ['hide', override.hide ?? []],
    ['titles', Object.keys(override.titles ?? {})],
    ['help', Object.keys(override.help ?? {})],
    ['required', Object.keys(override.required ?? {})],
  ];
  const extraIds = new Set((override.extra ?? []).map((q) => q.id));
  for (const [field, ids] of refs) {
    for (const id of ids) {
      if (!known.has(id) && !(field !== 'hide' && extraIds.has(id)))
        problems.push(`${field}: onbekende vraag "${id}"`);
    }
  }
  for (const id of extraIds)
    if (known.has(id)) problems.push(`extra: vraag-id "${id}" bestaat al in de vragenlijst`);
  return problems;
}

// ---------------------------------------------------------------- decisions, plan, case

const REOPEN_KEYS = REOPEN_GATE.outcomes.map((o) => o.key);

export const DecisionSchema = z
  .object({
    step: stepField(),
    round: intField('ronde', 1, 999),
    outcome: requiredText('uitkomst'),
    motivation: requiredText('motivering'),
    decidedBy: requiredText('besluitnemer'),
    date: isoDateField('besluitdatum'),
    routes: z.array(enumField(LIGHT_ROUTES, 'route')).optional(),
    acuteReason: optionalText('reden voor acuut'),
    directions: optionalText('aanwijzingen'),
  })
  .superRefine((d, ctx) => {
    const keys = [...STEPS[d.step].gate.outcomes.map((o) => o.key), ...REOPEN_KEYS];
    if (!keys.includes(d.outcome)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        input: d.outcome,
        message: `uitkomst past niet bij stap ${d.step}; kies uit ${keys.join(', ')}`,
      });
    }
  });

const measure = (field: string) =>
  z.number({ error: missingOr(field, `${field} moet een getal zijn`) }).refine(Number.isFinite, {
    error: `${field} moet een getal zijn`,
  });

export const PlanGoalSchema = z.object({
  id: z.string({ error: missingOr('doel-id', 'doel-id moet tekst zijn') }).regex(/^D\d+$/, {
    error: 'ongeldig doel-id; schrijf D1, D2, ...',
  }),
  text: requiredText('omschrijving van het doel'),
  indicator: requiredText('indicator'),
  baseline: measure('nulmeting'),
  baselineFrom: optionalText('herkomst van de nulmeting'),
  target: measure('streefwaarde'),
  measureDate: isoDateField('meetdatum'),
  owner: optionalText('eigenaar'),
});

export const PlanActionSchema = z.object({
  id: z.string({ error: missingOr('actie-id', 'actie-id moet tekst zijn') }).regex(/^A\d+$/, {
    error: 'ongeldig actie-id; schrijf A1, A2, ...',
  }),
  spoor: enumField(SPOREN, 'spoor', 'onbekend spoor'),
  text: requiredText('omschrijving van de actie'),
  goalId: requiredText('doel van de actie'),
  owner: requiredText('eigenaar').regex(SLUG_RE, { error: 'eigenaar moet de sleutel van een partner zijn' }),
  start: isoDateField('start'),
  frequency: requiredText('frequentie'),
  deadline: isoDateField('deadline'),
  subject: optionalText('pseudoniem'),
});

export const PlanCriterionSchema = z.object({
  id: z.string({ error: missingOr('criterium-id', 'criterium-id moet tekst zijn') }).regex(/^C\d+$/, {
    error: 'ongeldig criterium-id; schrijf C1, C2, ...',
  }),
  text: requiredText('omschrijving van het afschaalcriterium'),
});

export const PlanSchema = z
  .object({
    version: intField('versie', 1, 9999),
    goals: z.array(PlanGoalSchema),
    actions: z.array(PlanActionSchema),
    criteria: z.array(PlanCriterionSchema).min(1, { error: 'geef minstens één afschaalcriterium' }),
    evaluationDate: isoDateField('evaluatiedatum'),
  })
  .superRefine((plan, ctx) => {
    const goalIds = new Map<string, number>();
    plan.goals.forEach((g, i) => {
      const first = goalIds.get(g.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', i, 'id'],
          input: g.id,
          message: 'dubbel doel-id',
          params: { duplicateOf: first },
        });
      } else goalIds.set(g.id, i);
    });
    const actionIds = new Map<string, number>();
    plan.actions.forEach((a, i) => {
      const first = actionIds.get(a.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'id'],
          input: a.id,
          message: 'dubbel actie-id',
          params: { duplicateOf: first },
        });
      } else actionIds.set(a.id, i);
      if (!goalIds.has(a.goalId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'goalId'],
          input: a.goalId,
          message: 'onbekend doel; verwijs naar een doel-id uit het plan',
        });
      }
      if (a.start > a.deadline) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'start'],
          input: a.start,
          message: 'de start ligt na de deadline',
        });
      }
      if (a.subject !== undefined && a.spoor !== 'persoon') {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'subject'],
          message: 'een pseudoniem hoort alleen bij een actie in het spoor persoon',
        });
      }
    });
  });

/** A plan is complete enough to be vastgesteld: at least one goal, and every goal has an action. */
export function planIsComplete(plan: Plan): boolean {
  return plan.goals.length > 0 && plan.goals.every((g) => plan.actions.some((a) => a.goalId === g.id));
}

export const CaseSchema = z
  .object({
    code: z
      .string({ error: missingOr('casuscode', 'casuscode moet tekst zijn') })
      .trim()
      .regex(CASE_CODE_RE, {
        error: 'ongeldige casuscode; schrijf PREFIX-jaar-volgnummer, bijv. JGA-2026-001',
      }),
    decisions: z.array(DecisionSchema),
  })
  .superRefine((c, ctx) => {
    let state = newCase(c.code);
    for (const [i, decision] of c.decisions.entries()) {
      try {
        state = applyDecision(state, decision as Decision);
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        ctx.addIssue({ code: 'custom', path: ['decisions', i], message: err.message });
        return;
      }
    }
  });

type Assignable<T extends U, U> = T;
// Compile-time guarantees that parsed values fit the shared vocabulary.
export type _QuestionFits = Assignable<z.output<typeof QuestionSchema>, Question>;
export type _DecisionFits = Assignable<z.output<typeof DecisionSchema>, Decision>;
export type _PlanFits = Assignable<z.output<typeof PlanSchema>, Plan>;
