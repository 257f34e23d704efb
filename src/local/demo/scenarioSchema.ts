/**
 * A scenario: a fictional gemeente, its partners, one case and, per step, what every partner
 * answers (by question id), duplicate submissions, edits, ghosts, partners who stay silent,
 * and the gate decision. `npm start -- --scenario FILE` runs one; the JSON Schema in
 * docs/scenario.schema.json is generated from this file.
 */
import { PartnerListSchema, SettingsSchema } from '../../model/schemas';
import { STEP_IDS } from '../../model/types';
import { isValidIsoDate } from '../../model/workdays';
import * as z from '../../model/zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'verwacht een datum als jjjj-mm-dd', abort: true })
  .refine(isValidIsoDate, { error: (iss) => `${String(iss.input)} is geen bestaande datum` });

/** An answer: text, the chosen options of a checkbox question, or the chosen column per grid row. */
const AnswerValue = z.union([z.string(), z.array(z.string())]);

const AnswerSet = z
  .record(z.string(), AnswerValue)
  .describe('Antwoorden per vraag-id; herhaalde vragen als "vraag-id|code".');

const Submission = z.object({
  /** Working days after the step started on which the partner answers. */
  day: z.number().int().min(0).max(60).default(1),
  answers: AnswerSet,
  /** Submit the same answers a second time (a second response id). */
  duplicate: z.boolean().optional(),
  /** Later edit via the edit link (same response id, newer timestamp). */
  edit: z.object({ day: z.number().int().min(0).max(60), answers: AnswerSet }).optional(),
});

const PlanInput = z
  .object({
    goals: z
      .array(
        z.object({
          id: z.string(),
          text: z.string().min(1),
          indicator: z.string().min(1).describe('Wat gemeten wordt'),
          baseline: z
            .number()
            .optional()
            .describe('Nulmeting; weglaten = uit de duiding als de indicator een duidingsonderdeel noemt'),
          target: z.number().describe('Streefwaarde'),
          measureDate: isoDate.describe('Meetdatum'),
          owner: z
            .string()
            .optional()
            .describe('Partner die de indicator meet; standaard de eigenaar van de eerste actie'),
        }),
      )
      .min(1),
    actions: z
      .array(
        z.object({
          id: z.string(),
          spoor: z.enum(['groep', 'persoon', 'domein', 'online', 'netwerk']),
          text: z.string().min(1),
          goalId: z.string(),
          owner: z.string(),
          start: isoDate,
          frequency: z.string().min(1),
          deadline: isoDate,
          subject: z.string().optional(),
        }),
      )
      .min(1),
    criteria: z
      .array(z.object({ id: z.string(), text: z.string().min(1) }))
      .min(1)
      .describe('Afschaalcriteria C1, C2, ...'),
    evaluationDate: isoDate.describe('Evaluatiedatum'),
  })
  .describe('Het plan van aanpak zoals de procesregisseur het in de tab Plan van aanpak schrijft');

const DecisionInput = z.object({
  day: z.number().int().min(0).max(90).describe('Werkdagen na de start van de stap'),
  outcome: z.string().min(1),
  motivation: z.string().min(1),
  decidedBy: z.string().min(1),
  route: z.string().optional().describe('Eén vervolgroute (kortere schrijfwijze van routes)'),
  routes: z
    .array(z.string())
    .optional()
    .describe('Eén of meer vervolgroutes, bijv. ["lichte_interventie", "zorgmelding"]'),
  acuteReason: z.string().optional().describe('Bij "acuut" in stap 1: waarom 2B samen met 2A begint'),
  directions: z.string().optional(),
  plan: PlanInput.optional(),
});

/** Reopening a closed case (new signals): played after the step's decision closed it. */
const ReopenInput = z.object({
  day: z.number().int().min(0).max(90).describe('Werkdagen na het besluit dat de casus sloot'),
  outcome: z.enum(['heropenen', 'heropenen_2a']).default('heropenen'),
  motivation: z.string().min(1),
  decidedBy: z.string().min(1).default('procesregisseur'),
});

/** The Advies tab as the procesregisseur fills it in before step 4 starts (model/adviceSheet). */
const AdviceInput = z.object({
  probleemdefinitie: z.string().min(1),
  prioriteit: z.enum(['prioriteren', 'niet prioriteren']),
  onderbouwing: z.string().min(1),
  sporen: z.partialRecord(z.enum(['groep', 'persoon', 'domein', 'online', 'netwerk']), z.string()),
  /** Capacity asked per partner id. */
  capaciteit: z.record(z.string(), z.string()),
  besluiten: z.string().optional(),
});

const StepRun = z.object({
  step: z.enum(STEP_IDS),
  /** ISO date on which the coordinator starts the step (the clock jumps there, 09:00). */
  startOn: isoDate,
  submissions: z.record(z.string(), Submission).default({}),
  /** Partners who submit an empty form (a ghost response). */
  ghosts: z.array(z.string()).default([]),
  /** Step 4: the Advies tab, written before the step starts. */
  advice: AdviceInput.optional(),
  decision: DecisionInput,
  /** The case closed with this decision and is reopened later (a `heropenen` decision). */
  heropenen: ReopenInput.optional(),
});

export const ScenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  /** The gemeente's settings (as in the Instellingen tab; see docs/handleiding.md). */
  settings: SettingsSchema,
  /** The gemeente's partners (as in the Partners tab). */
  partners: PartnerListSchema.min(1, { error: 'geef minstens één partner' }),
  /** Fictional group members, added to the namenlijst at the start of step 2B. */
  persons: z
    .array(
      z.object({
        naam: z.string().min(1),
        geboortejaar: z.number().int().optional(),
        toelichting: z.string().optional(),
      }),
    )
    .default([]),
  /** Mail recipients per day (100 consumer, 1,500 Workspace). */
  mailQuota: z.number().int().min(1).default(1500),
  /**
   * The language of the Google account that runs the product: Apps Script raises its errors in
   * it (src/local/apps-script/messages.ts). A Dutch municipality's account is Dutch.
   */
  language: z.enum(['nl', 'en']).default('nl'),
  steps: z.array(StepRun).min(1),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type StepRunInput = z.infer<typeof StepRun>;
