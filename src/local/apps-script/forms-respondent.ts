/**
 * Not part of the Apps Script surface: plays a partner filling in a form on the respondent page
 * (used by the demo and tests) and gives uncounted snapshots for the HTML previews. The checks
 * follow what the Forms page enforces: published and open, sign-in when needed, required
 * questions, allowed choices and the item validations. Refusals are plain Errors in Dutch.
 */

import { rewriteResponseRow } from './forms-destination';
import {
  type Answer,
  answerProblem,
  cloneAnswer,
  type FormModel,
  formModelOf,
  isAnswered,
  LAYOUT_TYPES,
  publishedUrl,
  questionItems,
  type ResponseModel,
} from './forms-model';
import { storeResponse } from './forms-responses';
import { validationProblem } from './forms-validation';
import { MIME, type Runtime } from './runtime';

export type RespondentAnswers = Record<number, string | string[] | string[][]>;

export interface RespondentOptions {
  /** The respondent's address (typed in, or the signed-in account when sign-in is required). */
  email?: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function refuse(message: string): never {
  throw new Error(message);
}

function openForm(rt: Runtime, formId: string): FormModel {
  const entry = rt.drive.get(String(formId));
  if (!entry || entry.mimeType !== MIME.form || entry.trashed) {
    refuse('Dit formulier bestaat niet (meer); de link werkt niet.');
  }
  const form = entry.data as FormModel;
  if (!form.published) refuse('Dit formulier is niet gepubliceerd; respondenten kunnen het niet openen.');
  if (!form.acceptingResponses) {
    const extra = form.customClosedFormMessage
      ? ` Melding van het formulier: ${form.customClosedFormMessage}`
      : '';
    refuse(`Dit formulier neemt geen antwoorden meer aan.${extra}`);
  }
  return form;
}

/** Who the respondent is, when the form needs to know (collected address, sign-in, named responders). */
function respondentOf(form: FormModel, opts: RespondentOptions): string {
  const email = (opts.email ?? '').trim().toLowerCase();
  const needsSignIn = form.limitOneResponsePerUser || form.publishedReaders.length > 0;
  if ((form.collectEmail || needsSignIn) && email === '') {
    refuse(
      needsSignIn
        ? 'Voor dit formulier moet de respondent inloggen met een Google-account (geef opts.email mee).'
        : 'Dit formulier vraagt om een e-mailadres; dat ontbreekt.',
    );
  }
  if (email !== '' && !EMAIL_RE.test(email)) refuse(`"${opts.email}" is geen geldig e-mailadres.`);
  if (form.publishedReaders.length > 0 && !form.publishedReaders.includes(email)) {
    refuse(`${email} staat niet op de lijst van respondenten van dit formulier.`);
  }
  return email;
}

/** Checks a complete answer set the way the Forms page does; returns the answers to store. */
function checkAnswers(form: FormModel, answers: Record<string, unknown>): Record<string, Answer> {
  const byId = new Map(form.items.map((i) => [String(i.id), i]));
  for (const key of Object.keys(answers)) {
    const it = byId.get(key);
    if (!it) refuse(`Het formulier heeft geen vraag met id ${key}.`);
    if (LAYOUT_TYPES.has(it.type)) refuse(`Item ${key} ("${it.title}") is geen vraag.`);
  }
  const out: Record<string, Answer> = {};
  for (const it of questionItems(form)) {
    let a = answers[String(it.id)];
    if (it.type === 'SCALE' && typeof a === 'number') a = String(a);
    if (a !== undefined) {
      const problem = answerProblem(it, a);
      if (problem) refuse(problem);
    }
    const answer = a as Answer | undefined;
    const complete =
      answer !== undefined &&
      (it.type === 'GRID'
        ? (answer as string[]).every((v) => v !== '')
        : it.type === 'CHECKBOX_GRID'
          ? (answer as string[][]).every((row) => row.length > 0)
          : isAnswered(answer));
    if (it.required && !complete) {
      refuse(
        it.type === 'GRID' || it.type === 'CHECKBOX_GRID'
          ? `Vraag "${it.title}" is verplicht: geef in elke rij een antwoord.`
          : `Vraag "${it.title}" is verplicht en is niet beantwoord.`,
      );
    }
    if (answer !== undefined && isAnswered(answer)) {
      const problem = validationProblem(it, answer);
      if (problem) refuse(problem);
      out[String(it.id)] = cloneAnswer(answer);
    }
  }
  return out;
}

/**
 * Submits as a respondent and returns the response id. An empty submission is allowed when no
 * question is required (a response without item responses). Does not fire onFormSubmit itself:
 * the caller (demo / trigger runner) decides that.
 */
export function submitAsRespondent(
  rt: Runtime,
  formId: string,
  answers: RespondentAnswers,
  opts: RespondentOptions = {},
): string {
  const form = openForm(rt, formId);
  const who = respondentOf(form, opts);
  if (form.limitOneResponsePerUser && form.responses.some((r) => r.respondent === who)) {
    refuse('Je hebt dit formulier al ingevuld; het staat maar één antwoord per persoon toe.');
  }
  const stored = checkAnswers(form, answers as Record<string, unknown>);
  return storeResponse(rt, String(formId), stored, who).id;
}

/**
 * Edits a response through its edit link: same response id, newer timestamp. Only when the
 * form allows edits (canEditResponse) and still accepts responses. `answers` replaces the
 * answers of the items it names ('' or [] clears one); the result is checked as a whole.
 */
export function editAsRespondent(
  rt: Runtime,
  formId: string,
  responseId: string,
  answers: RespondentAnswers,
  opts: RespondentOptions = {},
): void {
  const form = openForm(rt, formId);
  if (!form.allowResponseEdits)
    refuse('Dit formulier staat niet toe dat antwoorden achteraf worden gewijzigd.');
  const r = form.responses.find((x) => x.id === responseId);
  if (!r) refuse('Dit antwoord bestaat niet (meer); de bewerklink werkt niet.');
  const who = opts.email !== undefined ? respondentOf(form, opts) : r.respondent;
  const merged: Record<string, unknown> = { ...r.answers, ...(answers as Record<string, unknown>) };
  const stored = checkAnswers(form, merged);
  if (rt.now() <= r.timestamp) rt.advance(r.timestamp - rt.now() + 1000);
  r.answers = stored;
  r.timestamp = rt.now();
  r.respondent = who;
  if (form.collectEmail) r.email = who;
  rt.touch(rt.getEntry(String(formId)));
  rewriteResponseRow(rt, String(formId), r);
}

// ---- snapshot -------------------------------------------------------------------------------------

/** Matches (is a superset of) the exporters' FormSnapshot in src/local/export/snapshots.ts. */
export interface FormSnapshot {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  customClosedFormMessage: string;
  published: boolean;
  /** Published and accepting responses. */
  accepting: boolean;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  publishedUrl: string;
  items: {
    id: number;
    index: number;
    type: string;
    title: string;
    help: string;
    required: boolean;
    choices: string[];
    otherOption: boolean;
    rows: string[];
    columns: string[];
    bounds: [number, number] | null;
    labels: [string, string] | null;
    includesYear: boolean | null;
  }[];
  /** Oldest first (by latest submission time). */
  responses: {
    id: string;
    /** Epoch ms of the latest submission. */
    timestamp: number;
    respondentEmail: string;
    /** Answered items only, in form order. */
    answers: { itemId: number; response: Answer }[];
  }[];
}

/** Uncounted copy of a form for previews and exports (no clock movement, no call counts). */
export function snapshotForm(rt: Runtime, formId: string): FormSnapshot {
  return rt.uncounted(() => {
    const f = formModelOf(rt, formId);
    const toResponse = (r: ResponseModel) => ({
      id: r.id,
      timestamp: r.timestamp,
      respondentEmail: r.email,
      answers: f.items
        .filter((it) => r.answers[String(it.id)] !== undefined)
        .map((it) => ({ itemId: it.id, response: cloneAnswer(r.answers[String(it.id)]!) })),
    });
    return {
      id: String(formId),
      title: f.title,
      description: f.description,
      confirmationMessage: f.confirmationMessage,
      customClosedFormMessage: f.customClosedFormMessage,
      published: f.published,
      accepting: f.published && f.acceptingResponses,
      collectEmail: f.collectEmail,
      allowResponseEdits: f.allowResponseEdits,
      publishedUrl: publishedUrl(f),
      items: f.items.map((it, index) => ({
        id: it.id,
        index,
        type: it.type,
        title: it.title,
        help: it.helpText,
        required: it.required,
        choices: it.choices.map((c) => c.value),
        otherOption: it.otherOption,
        rows: [...it.rows],
        columns: [...it.columns],
        bounds: it.type === 'SCALE' ? ([it.lowerBound, it.upperBound] as [number, number]) : null,
        labels: it.type === 'SCALE' ? ([it.leftLabel, it.rightLabel] as [string, string]) : null,
        includesYear: it.type === 'DATE' ? it.includesYear : null,
      })),
      responses: [...f.responses].sort((a, b) => a.timestamp - b.timestamp).map(toResponse),
    };
  });
}
