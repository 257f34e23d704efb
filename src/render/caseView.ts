/**
 * The read model of one case: everything the views, the overview document and the mails are
 * rendered from. The workflow assembles it from the case spreadsheet's system tabs (which are
 * themselves rebuilt from the forms' own response stores); render functions are pure over it.
 */
import type { NextAction } from '../model/nextActions';
import type { CaseState, Partner, Plan, Question, Settings, StepId } from '../model/types';

/** One answer to one question (for one subject when the question repeats). */
export interface AnswerRecord {
  /** `<step>#<round>#<partnerId>`: the form this answer came from. */
  formKey: string;
  step: StepId;
  round: number;
  partnerId: string;
  responseId: string;
  /** 1 for the first submission of this response id, +1 for each edit. */
  version: number;
  /** Submission (or edit) time, epoch ms. */
  submittedAt: number;
  questionId: string;
  /** Pseudonym code (per_person), action id (per_action) or goal id (per_goal). */
  subject?: string;
  /** The answer as text: checkboxes joined with `; `, grids as `rij: kolom` lines. */
  value: string;
  /** Grid answers: the chosen column per row ('' = unanswered), in row order. */
  grid?: string[];
}

export type FormStatus = 'open' | 'beantwoord' | 'gesloten' | 'ontbreekt';

/** One generated form: one partner, one step, one round. */
export interface FormRecord {
  formKey: string;
  step: StepId;
  round: number;
  partnerId: string;
  formId: string;
  publishedUrl: string;
  status: FormStatus;
  /** ISO date of the deadline (werkdagen already counted). */
  deadline: string;
  createdAt: number;
  sentAt?: number;
  /** Times reminders went out, epoch ms. */
  reminders: number[];
  /** Status of the invitation in the outbox when it did not go out: `wacht`, `mislukt`, `onzeker`. */
  inviteProblem?: { status: string; error: string };
  /** First response time, epoch ms. */
  respondedAt?: number;
  /** Number of distinct responses (submissions, not edits). */
  responseCount: number;
  /** Version of the plan van aanpak in force when the form was made (0 = none yet). */
  planVersion: number;
}

export interface LogEntry {
  at: number;
  event: string;
  detail: string;
}

export interface CaseView {
  code: string;
  /** ISO date the case was opened. */
  openedOn: string;
  settings: Settings;
  partners: Partner[];
  /** The effective catalog (after the gemeente's overrides). */
  catalog: readonly Question[];
  state: CaseState;
  forms: FormRecord[];
  /** Latest version of every answer (older versions are in `history`). */
  answers: AnswerRecord[];
  /** Every stored version, oldest first. */
  history: AnswerRecord[];
  /** Pseudonym codes of the namenlijst (never names). */
  persons: string[];
  plan: Plan | null;
  /** Every fixed plan version, oldest first (bijstellingen in monitoring). */
  planHistory: Plan[];
  log: LogEntry[];
  /** Number of answers set apart in quarantine (unknown form or item). */
  quarantined: number;
  /** The moment of rendering, epoch ms (render functions never read a clock). */
  now: number;
  /** Time zone for showing dates. */
  timeZone: string;
  /**
   * The next sensible actions (model/nextActions), when the caller worked them out: the
   * Overzicht shows the first as its "Volgende stap" row.
   */
  next?: readonly NextAction[];
}
