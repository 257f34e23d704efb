/**
 * The vocabulary of the 7-stappenmodel as TypeScript types.
 * Pure: no Apps Script, no clock, no I/O. Dates are ISO strings (`yyyy-MM-dd`) or epoch
 * milliseconds passed in by the caller.
 */

/** The steps of the werkproces; step 2 is split into 2A (groepsniveau) and 2B (namenlijst). */
export const STEP_IDS = ['1', '2A', '2B', '3', '4', '5', '6', '7'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Information levels a partner may supply (shared/domain §3.2). */
export const LEVELS = ['groep', 'persoon', 'domein', 'online'] as const;
export type Level = (typeof LEVELS)[number];

/** Kinds of partner organisation. A gemeente's own partner list refers to one of these. */
export const PARTNER_KINDS = [
  'politie',
  'om',
  'jongerenwerk',
  'boa',
  'gemeente',
  'leerplicht',
  'lokaal_team',
  'zvh',
  'woningcorporatie',
  'veilig_thuis',
  'raad_kinderbescherming',
  'jeugdreclassering',
  'halt',
  'onderwijs',
  'overig',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const QUESTION_TYPES = ['text', 'paragraph', 'choice', 'checkboxes', 'scale', 'date', 'grid'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Chapters of the integral overview; every question feeds exactly one. */
export const THEMES = [
  'aanleiding',
  'groepsbeschrijving',
  'aard_ernst',
  'dynamiek',
  'online',
  'context_impact',
  'risico_kansen',
  'persoon',
  'inzet',
  'duiding',
  'advies',
  'pva',
  'monitoring',
  'evaluatie',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * How a question repeats inside one partner's form:
 * - `once`: asked once;
 * - `per_person`: once per pseudonym code of the namenlijst (only from 2B on);
 * - `per_action`: once per PvA action owned by this partner (monitoring, step 6);
 * - `per_goal`: once per PvA goal (evaluation, step 7);
 * - `per_own_goal`: once per PvA goal whose indicator this partner measures (monitoring, step 6);
 * - `per_criterion`: once per afschaalcriterium of the PvA (evaluation, step 7), all criteria in
 *   one grid whose rows are the criteria.
 */
export type Repeat = 'once' | 'per_person' | 'per_action' | 'per_goal' | 'per_own_goal' | 'per_criterion';

export interface Question {
  /** Stable id, never reused, e.g. `2A.omvang`. Answers are keyed by it. */
  id: string;
  step: StepId;
  /** Partner kinds that get this question; `all` = every partner taking part in the step. */
  kinds: readonly PartnerKind[] | 'all';
  level: Level;
  theme: Theme;
  type: QuestionType;
  /** Dutch question title as shown in the form. */
  title: string;
  help?: string;
  required?: boolean;
  /** choice / checkboxes options; grid columns. */
  choices?: readonly string[];
  /** grid rows. */
  rows?: readonly string[];
  scale?: { min: 0 | 1; max: number; minLabel: string; maxLabel: string };
  repeat?: Repeat;
  /**
   * Free text asked per person that needs a box per code (otherwise all codes share one
   * "Toelichting per persoon" box, one line per code).
   */
  ownBox?: boolean;
  /** Duiding dimension this grid scores (step 3); answers are compared side by side. */
  duiding?: boolean;
  /** Evidence: B = operationalises a sourced question, I = our proposal. */
  source: 'B' | 'I';
}

/** A partner organisation in a gemeente's own list (tab `Partners`). */
export interface Partner {
  /** Short stable key, e.g. `politie-basisteam`. */
  id: string;
  organisation: string;
  kind: PartnerKind;
  contactName: string;
  email: string;
  /** Steps in which this partner is asked for input. */
  steps: readonly StepId[];
  /** Levels this partner may supply (convenant). */
  levels: readonly Level[];
  active: boolean;
  /**
   * ISO date on which the partner signed the convenant. Without it the partner gets no
   * person-level questions (group level only).
   */
  convenantSigned?: string;
}

export type StepNaming = '2023' | '2016';

export interface Settings {
  gemeente: string;
  /** Prefix of case codes, e.g. `JGA` → `JGA-2026-001`. */
  casePrefix: string;
  naming: StepNaming;
  coordinatorName: string;
  coordinatorEmail: string;
  /** Other coordinators (a stand-in, a colleague) who may act on cases, comma separated. */
  coordinatorEmails?: string;
  /** E-mail addresses of the lokale driehoek (burgemeester, politie, OM), comma separated. */
  driehoekEmails?: string;
  /** Working days a partner gets to answer, per step. */
  deadlineWorkdays: Partial<Record<StepId, number>> & { default: number };
  /** Reminders go this many working days before the deadline (and on the deadline day). */
  reminderWorkdaysBefore: number;
  /** Months after closing a case before person data is purged. */
  retentionMonths: number;
  /** Whether 5 May counts as a holiday every year (otherwise only in lustrum years). */
  bevrijdingsdagEveryYear: boolean;
  mailSenderName: string;
  /** Allow partners to edit their response after submitting. */
  allowResponseEdits: boolean;
  /** Mail text overrides; `{casus}`, `{stap}`, `{deadline}`, `{link}`, `{organisatie}` are filled in. */
  mailTexts: Partial<Record<MailTextKey, string>>;
  /** The coordinator's daily digest (workflow/digest.ts); absent = on. */
  digest?: boolean;
  /** Who gets the digest, comma separated; absent = the coordinator's address. */
  digestEmails?: string;
  /** Days after a person is added to the namenlijst before missing informing is reported (model/informing). */
  informDays?: number;
}

export type MailTextKey = 'inviteSubject' | 'inviteBody' | 'reminderSubject' | 'reminderBody';

/** Light routes after a case closes early (2A niet problematisch, 4 niet geprioriteerd, ...). */
export const LIGHT_ROUTES = [
  'lichte_interventie',
  'zorgmelding',
  'pga_aanmelding',
  'reguliere_inzet',
  'monitoren',
] as const;
export type LightRoute = (typeof LIGHT_ROUTES)[number];

export const SPOREN = ['groep', 'persoon', 'domein', 'online', 'netwerk'] as const;
export type Spoor = (typeof SPOREN)[number];

export interface PlanGoal {
  id: string; // D1, D2, ...
  text: string;
  /** What is measured, e.g. `meldingen overlast per maand bij het winkelcentrum`. */
  indicator: string;
  /** Nulmeting: the indicator's value when the plan was made. */
  baseline: number;
  /** Where the baseline came from when the product filled it in (e.g. `duiding: Vernieling`). */
  baselineFrom?: string;
  /** Streefwaarde: the value the goal aims for by the measuring date. */
  target: number;
  /** Meetdatum (ISO): when the target should be reached. */
  measureDate: string;
  /** Partner id that reports the indicator in monitoring; default: owner of the goal's first action. */
  owner?: string;
}

export interface PlanAction {
  id: string; // A1, A2, ...
  spoor: Spoor;
  text: string;
  goalId: string;
  /** Partner id of the owner. */
  owner: string;
  /** ISO date the action starts. */
  start: string;
  /** How often, in the coordinator's words (`wekelijks`, `elke vrijdagavond`). */
  frequency: string;
  /** ISO date. */
  deadline: string;
  /** Pseudonym code when the action concerns one person (spoor persoon). */
  subject?: string;
}

/** An afschaalcriterium (C1, C2, ...): when the approach may scale down (evaluated in step 7). */
export interface PlanCriterion {
  id: string;
  text: string;
}

export interface Plan {
  version: number;
  goals: PlanGoal[];
  actions: PlanAction[];
  criteria: PlanCriterion[];
  /** ISO date on which the plan is evaluated. */
  evaluationDate: string;
}

/** A plan as the coordinator writes it: a goal's nulmeting may still be empty (filled from the duiding). */
export type PlanDraft = Omit<Plan, 'version' | 'goals'> & {
  goals: (Omit<PlanGoal, 'baseline'> & { baseline?: number })[];
};

/** A gate decision. Every transition of a case carries one. */
export interface Decision {
  step: StepId;
  round: number;
  /** Outcome key from the step's gate, e.g. `problematisch`. */
  outcome: string;
  motivation: string;
  /** Who decided: `procesregisseur`, `partneroverleg`, `lokale driehoek`, ... */
  decidedBy: string;
  /** ISO date of the decision. */
  date: string;
  /** Follow-up routes (one or more, e.g. lichte interventie and zorgmelding). */
  routes?: LightRoute[];
  /** Why the case is acute (step 1 `acuut`: 2B starts together with 2A). */
  acuteReason?: string;
  /** Directions from the driehoek (step 4) or other notes. */
  directions?: string;
}

export type CaseStatus = 'open' | 'gesloten';

export interface CaseState {
  code: string;
  status: CaseStatus;
  step: StepId;
  /** Round of the current step, 1-based. */
  round: number;
  /** Rounds already run per step (a step revisited gets the next round number). */
  rounds: Partial<Record<StepId, number>>;
  /** Whether person-level data may be processed (only after the 2A gate sent the case to 2B). */
  personDataAllowed: boolean;
  /** Follow-up routes of the decision that closed the case. */
  closedRoutes?: LightRoute[];
  /** Set by step 1 `acuut`: the namenlijst and groepsscan (2B) may start together with 2A. */
  acute?: boolean;
  decisions: Decision[];
}
