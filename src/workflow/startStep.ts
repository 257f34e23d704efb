/**
 * Starting a step: one form per partner that takes part, each with only that partner's
 * questions, registered in `_formulieren`, and one invitation per partner in the outbox.
 * Idempotent: a form that exists for (step, round, partner) is not made again, and a mail key
 * that exists is not queued again — running it twice (or after a crash) finishes the job.
 */

import { replay } from '../model/caseMachine';
import { convenantWarning, partnerQuestions, withheldForConvenant } from '../model/partnerQuestions';
import { levelsFor, partnersForStep } from '../model/partners';
import { deadlineWorkdaysFor } from '../model/steps';
import { dutchDate, isoDate } from '../model/time';
import type { Partner, Plan, Question, StepId } from '../model/types';
import { addWorkdays } from '../model/workdays';
import { subjectsOfKey } from '../render/formItemKey';
import { buildFormSpec, type FormSpec, formStepLabel } from '../render/formSpec';
import { mailText } from '../render/mailText';
import { nowMs } from '../workspace/clock';
import { appendRows, prefetchTables, readTable } from '../workspace/tables';
import { ensureAdviceTab, prepareAdvice } from './advice';
import { plansFrom, readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { formKey, itemMapOf, parseFormKey } from './formKey';
import { TemplateStore } from './formTemplates';
import { logEvents } from './log';
import type { FlushResult, MailJob } from './outbox';
import { enqueue, flushOutbox } from './outbox';
import type { FormRow } from './records';
import { CASE_TABLES, FORMS, OUTBOX, PERSONS, PLAN } from './records';

export { partnerQuestions } from '../model/partnerQuestions';
export { formKey } from './formKey';

export interface StartResult {
  step: StepId;
  round: number;
  created: string[];
  skipped: string[];
  deadline: string;
  mail: FlushResult;
  /** Things the coordinator should know (Dutch). */
  warnings: string[];
  /** Partners whose form is still to be made (time budget used up); the dispatcher continues. */
  remaining: string[];
  /** Forms of this step and round that exist now, of how many partners get one. */
  made: number;
  total: number;
}

/** How far a start is, in the coordinator's words: "12 van 25 formulieren gemaakt". */
export function progressText(made: number, total: number): string {
  return `${made} van ${total} formulieren gemaakt`;
}

export interface FormRequest {
  key: string;
  step: StepId;
  round: number;
  partner: Partner;
  questions: Question[];
  persons: readonly string[];
  plan: Plan | null;
  deadline: string;
  personData: boolean;
  /** A supplementary form (persons added to the namenlijst later). */
  supplement?: boolean;
}

/** The form one request asks for (title, description, items): what makeForm creates. */
export function formSpecFor(h: CaseHandle, req: FormRequest): FormSpec {
  const settings = h.reg.settings;
  return buildFormSpec(
    {
      caseCode: h.row.code,
      step: req.step,
      round: req.round,
      stepLabel: formStepLabel(req.step, settings.naming),
      partner: req.partner,
      deadlineText: dutchDate(req.deadline),
      persons: req.persons,
      plan: req.plan,
      levels: levelsFor(req.partner, req.step).filter((l) => req.personData || l !== 'persoon'),
      ...(req.supplement ? { supplement: true } : {}),
    },
    req.questions,
  );
}

/** Creates one partner's form and registers it at once (a crash loses at most this form). */
function makeForm(h: CaseHandle, templates: TemplateStore, req: FormRequest): FormRow {
  const created = templates.makeForm(formSpecFor(h, req), h.row.folderId);
  const row: FormRow = {
    formKey: req.key,
    step: req.step,
    round: req.round,
    partnerId: req.partner.id,
    formId: created.formId,
    publishedUrl: created.publishedUrl,
    editUrl: created.editUrl,
    deadline: req.deadline,
    createdAt: nowMs(),
    status: 'open',
    itemMap: JSON.stringify(created.itemMap),
    closedAt: 0,
    planVersion: req.plan?.version ?? 0,
    readUpTo: 0,
    sheetBook: '',
    sheetTab: '',
    sheetPrint: '',
  };
  appendRows(h.ss, FORMS, [row]);
  return row;
}

/** The invitation for a registered form (its key makes it go out once). */
export function inviteJob(h: CaseHandle, row: FormRow, partner: Partner): MailJob {
  const settings = h.reg.settings;
  const step = row.step;
  const text = mailText(settings, 'invite', {
    casus: h.row.code,
    stap: formStepLabel(step, settings.naming),
    deadline: dutchDate(row.deadline),
    link: row.publishedUrl,
    organisatie: partner.organisation,
    gemeente: settings.gemeente,
  });
  const key = row.formKey;
  return { key: `uitnodiging:${key}`, formKey: key, kind: 'uitnodiging', to: partner.email, ...text };
}

/** Subjects (person codes among them) a partner's forms of this step and round already ask about. */
function coveredSubjects(forms: FormRow[]): Set<string> {
  const out = new Set<string>();
  for (const f of forms) {
    for (const k of Object.values(itemMapOf(f))) for (const subject of subjectsOfKey(k)) out.add(subject);
  }
  return out;
}

/**
 * Persons added to the namenlijst after the current step's forms went out: each partner with
 * questions per person gets one supplementary form with only those questions, for only the
 * new codes, and an invitation. Idempotent like a start: covered codes are never asked again.
 */
export function askAboutNewPersons(h: CaseHandle): { created: string[]; mail: FlushResult } {
  const state = replay(h.row.code, readDecisions(h.ss));
  const none = { created: [], mail: { sent: 0, waiting: 0, failed: 0, uncertain: 0 } };
  if (state.status === 'gesloten' || !state.personDataAllowed) return none;
  const { step, round } = state;
  const forms = readTable(h.ss, FORMS).filter((f) => f.step === step && f.round === round);
  if (forms.length === 0) return none;
  const persons = readTable(h.ss, PERSONS).map((p) => p.code);
  const opts = { bevrijdingsdagEveryYear: h.reg.settings.bevrijdingsdagEveryYear };
  const deadline = addWorkdays(
    isoDate(nowMs(), 'Europe/Amsterdam'),
    deadlineWorkdaysFor(h.reg.settings, step),
    opts,
  );
  const created: string[] = [];
  const jobs: MailJob[] = [];
  const templates = new TemplateStore(h.reg);
  for (const partner of partnersForStep(h.reg.partners, step)) {
    const own = forms.filter((f) => f.partnerId === partner.id);
    if (own.length === 0 || own.some((f) => f.status === 'gesloten')) continue;
    const perPerson = partnerQuestions(h.reg.catalog, partner, step, true).filter(
      (q) => q.repeat === 'per_person',
    );
    // Invitations for supplementary forms made earlier (a run that stopped before queueing).
    for (const f of own) if (parseFormKey(f.formKey).part > 1) jobs.push(inviteJob(h, f, partner));
    const covered = coveredSubjects(own);
    const missing = persons.filter((c) => !covered.has(c));
    if (perPerson.length === 0 || missing.length === 0) continue;
    const key = formKey(step, round, partner.id, own.length + 1);
    const row = makeForm(h, templates, {
      key,
      step,
      round,
      partner,
      questions: perPerson,
      persons: missing,
      plan: null,
      deadline,
      personData: true,
      supplement: true,
    });
    created.push(key);
    jobs.push(inviteJob(h, row, partner));
  }
  const queued = enqueue(h.ss, jobs);
  if (created.length === 0 && queued === 0) return none;
  if (created.length) {
    logEvents(h.ss, [
      [
        'aanvullende formulieren',
        `${created.length} formulier(en) voor nieuwe persoonscodes: ${created.join(', ')}`,
      ],
    ]);
  }
  return { created, mail: flushOutbox(h) };
}

/**
 * Time one start may spend making forms before it stops and leaves the rest for the next run.
 * Apps Script ends an execution after 6 minutes (guides/services/quotas); our budget for one
 * execution is 4.5 minutes (docs/prestaties.md). A form is only begun when the longest form of
 * this run still fits in this budget, and what follows the last form (its invitation, the
 * registry and the log: a few seconds per form made) stays well inside the rest.
 */
export const START_BUDGET_MS = 3.75 * 60 * 1000;

/**
 * What a dispatcher run keeps for its own work after a start it continued (the answers of the
 * other forms, reminders, the views): the start gets the run's time minus this.
 */
export const AFTER_START_MS = 60 * 1000;

/**
 * What each form made in a run adds to the end of that run: its invitation (the outbox marker
 * written and flushed, then the mail; a few seconds on a slow day). Reserved in the budget, so a
 * run that copies many forms quickly still ends in time.
 */
export const INVITE_RESERVE_MS = 3 * 1000;

export interface StartOptions {
  budgetMs?: number;
  /** Called after every form made (the menu shows it as a toast). */
  onProgress?: (made: number, total: number) => void;
}

export function startStep(h: CaseHandle, opts: StartOptions = {}): StartResult {
  const started = nowMs();
  const budget = opts.budgetMs ?? START_BUDGET_MS;
  // Under the lock every table this start reads or appends to comes in one batch read.
  prefetchTables(h.ss, CASE_TABLES);
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten') {
    throw new UserError(
      `Casus ${h.row.code} is gesloten. Heropen de casus eerst met een besluit "heropenen".`,
    );
  }
  const { step, round } = state;
  // The driehoek decides in step 4 on the advice: no step 4 without it (workflow/advice).
  if (step === '4') prepareAdvice(h, round);
  // The Advies tab is written during step 3; it appears (empty) when step 3 starts.
  if (step === '3') ensureAdviceTab(h);
  const settings = h.reg.settings;
  const now = nowMs();
  const today = isoDate(now, 'Europe/Amsterdam');
  const deadline = addWorkdays(today, deadlineWorkdaysFor(settings, step), {
    bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear,
  });
  const persons = state.personDataAllowed ? readTable(h.ss, PERSONS).map((p) => p.code) : [];
  const plans = plansFrom(readTable(h.ss, PLAN));
  const plan = plans[plans.length - 1] ?? null;
  if ((step === '6' || step === '7') && !plan) {
    throw new UserError(
      `Stap ${step} vraagt om een vastgesteld plan van aanpak; dat ontbreekt voor casus ${h.row.code}.`,
    );
  }

  const existing = readTable(h.ss, FORMS);
  const have = new Set(existing.map((f) => f.formKey));
  const warnings: string[] = [];
  const result: StartResult = {
    step,
    round,
    created: [],
    skipped: [],
    deadline,
    mail: { sent: 0, waiting: 0, failed: 0, uncertain: 0 },
    warnings,
    remaining: [],
    made: 0,
    total: 0,
  };
  const jobs: MailJob[] = [];
  const templates = new TemplateStore(h.reg);
  const events: [string, string][] = [];
  // The longest a form took in this run: the next one is only begun if that much time is left.
  let longest = 0;
  const forStep = partnersForStep(h.reg.partners, step);
  result.total = forStep.filter(
    (p) => partnerQuestions(h.reg.catalog, p, step, state.personDataAllowed).length > 0,
  ).length;
  result.made = forStep.filter((p) => have.has(formKey(step, round, p.id))).length;

  for (const partner of forStep) {
    const key = formKey(step, round, partner.id);
    const questions = partnerQuestions(h.reg.catalog, partner, step, state.personDataAllowed);
    const noNames =
      'De namenlijst heeft nog geen personen: de vragen per persoon ontbreken in deze formulieren. Vul eerst de namenlijst (menu "Namenlijst bijwerken").';
    if (
      persons.length === 0 &&
      questions.some((q) => q.repeat === 'per_person') &&
      !warnings.includes(noNames)
    ) {
      warnings.push(noNames);
    }
    if (!have.has(key) && withheldForConvenant(h.reg.catalog, partner, step, state.personDataAllowed)) {
      warnings.push(convenantWarning(partner));
      events.push(['geen convenant', convenantWarning(partner)]);
    }
    if (questions.length === 0) {
      result.skipped.push(partner.id);
      continue;
    }
    let row = existing.find((f) => f.formKey === key);
    // At least one form per run, so every run makes progress. The next form is begun only if it
    // and the invitations of every form made in this run still fit in the budget.
    const reserve = (result.created.length + 1) * INVITE_RESERVE_MS;
    if (!have.has(key) && result.created.length > 0 && nowMs() - started + longest + reserve > budget) {
      result.remaining.push(partner.id);
      continue;
    }
    if (!have.has(key)) {
      const begun = nowMs();
      row = makeForm(h, templates, {
        key,
        step,
        round,
        partner,
        questions,
        persons,
        plan,
        deadline,
        personData: state.personDataAllowed,
      });
      have.add(key);
      result.created.push(partner.id);
      result.made++;
      longest = Math.max(longest, nowMs() - begun);
      events.push(['formulier gemaakt', `${key} (${Object.keys(itemMapOf(row)).length} vragen)`]);
      opts.onProgress?.(result.made, result.total);
    }
    if (row) jobs.push(inviteJob(h, row, partner));
  }
  if (result.skipped.length) {
    const names = result.skipped.map((id) => h.reg.partners.find((p) => p.id === id)?.organisation ?? id);
    warnings.push(
      `Geen formulier voor ${names.join(', ')}: in deze stap staan voor hen geen vragen open (verborgen in de tab Vragen, of buiten de niveaus die zij mogen aanleveren).`,
    );
  }
  const outbox = readTable(h.ss, OUTBOX);
  enqueue(h.ss, jobs, outbox);
  events.push([
    'stap gestart',
    `stap ${step}, ronde ${round}: ${progressText(result.made, result.total)}${result.remaining.length ? `; de andere ${result.remaining.length} volgen bij de volgende automatische bijwerking` : ''}; deadline ${deadline}`,
  ]);
  logEvents(h.ss, events);
  result.mail = flushOutbox(h, { outbox });
  return result;
}

/**
 * Whether the current step was started but not every partner has its form yet (a start that
 * ran out of time or stopped halfway). The dispatcher then continues it.
 */
export function startIncomplete(h: CaseHandle, formRows?: FormRow[]): boolean {
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten') return false;
  const forms = (formRows ?? readTable(h.ss, FORMS)).filter(
    (f) => f.step === state.step && f.round === state.round,
  );
  if (forms.length === 0) return false;
  const have = new Set(forms.map((f) => f.partnerId));
  return partnersForStep(h.reg.partners, state.step).some(
    (p) =>
      !have.has(p.id) && partnerQuestions(h.reg.catalog, p, state.step, state.personDataAllowed).length > 0,
  );
}
