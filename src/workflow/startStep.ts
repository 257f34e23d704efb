/**
 * Starting a step: one form per partner that takes part, each with only that partner's
 * questions, registered in `_formulieren`, and one invitation per partner in the outbox.
 * Idempotent: a form that exists for (step, round, partner) is not made again, and a mail key
 * that exists is not queued again — running it twice (or after a crash) finishes the job.
 */

import { replay } from '../model/caseMachine';
import { partnerQuestions } from '../model/partnerQuestions';
import { levelsFor, partnersForStep } from '../model/partners';
import { deadlineWorkdaysFor, stepName } from '../model/steps';
import { dutchDate, isoDate } from '../model/time';
import type { StepId } from '../model/types';
import { addWorkdays } from '../model/workdays';
import { buildFormSpec } from '../render/formSpec';
import { mailText } from '../render/mailText';
import { nowMs } from '../workspace/clock';
import { createForm } from '../workspace/forms';
import { appendRows, readTable } from '../workspace/tables';
import { plansFrom, readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import type { FlushResult, MailJob } from './outbox';
import { enqueue, flushOutbox } from './outbox';
import { FORMS, PERSONS, PLAN } from './records';

export function formKey(step: StepId, round: number, partnerId: string): string {
  return `${step}#${round}#${partnerId}`;
}

export { partnerQuestions } from '../model/partnerQuestions';

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
}

/** Time one start may spend making forms before it stops and leaves the rest for the next run. */
export const START_BUDGET_MS = 4 * 60 * 1000;

export function startStep(h: CaseHandle, opts: { budgetMs?: number } = {}): StartResult {
  const started = nowMs();
  const budget = opts.budgetMs ?? START_BUDGET_MS;
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten') {
    throw new UserError(
      `Casus ${h.row.code} is gesloten. Heropen de casus eerst met een besluit "heropenen".`,
    );
  }
  const { step, round } = state;
  const settings = h.reg.settings;
  const now = nowMs();
  const today = isoDate(now, 'Europe/Amsterdam');
  const deadline = addWorkdays(today, deadlineWorkdaysFor(settings, step), {
    bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear,
  });
  const persons = state.personDataAllowed ? readTable(h.ss, PERSONS).map((p) => String(p.code)) : [];
  const plans = plansFrom(readTable(h.ss, PLAN));
  const plan = plans[plans.length - 1] ?? null;
  if ((step === '6' || step === '7') && !plan) {
    throw new UserError(
      `Stap ${step} vraagt om een vastgesteld plan van aanpak; dat ontbreekt voor casus ${h.row.code}.`,
    );
  }

  const existing = readTable(h.ss, FORMS);
  const have = new Set(existing.map((f) => String(f.formKey)));
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
  };
  const jobs: MailJob[] = [];
  const events: [string, string][] = [];

  for (const partner of partnersForStep(h.reg.partners, step)) {
    const key = formKey(step, round, partner.id);
    const questions = partnerQuestions(h.reg.catalog, partner, step, state.personDataAllowed);
    if (persons.length === 0 && questions.some((q) => q.repeat === 'per_person') && !warnings.length) {
      warnings.push(
        'De namenlijst heeft nog geen personen: de vragen per persoon ontbreken in deze formulieren. Vul eerst de namenlijst (menu "Namenlijst bijwerken").',
      );
    }
    if (questions.length === 0) {
      result.skipped.push(partner.id);
      continue;
    }
    let row = existing.find((f) => f.formKey === key);
    // At least one form per run, so every run makes progress.
    if (!have.has(key) && result.created.length > 0 && nowMs() - started > budget) {
      result.remaining.push(partner.id);
      continue;
    }
    if (!have.has(key)) {
      const spec = buildFormSpec(
        {
          caseCode: h.row.code,
          step,
          round,
          stepLabel: `${step} (${stepName(step, settings.naming)})`,
          partner,
          deadlineText: dutchDate(deadline),
          persons,
          plan,
          levels: levelsFor(partner, step).filter((l) => state.personDataAllowed || l !== 'persoon'),
        },
        questions,
      );
      const created = createForm(spec, { folderId: h.row.folderId, allowEdits: settings.allowResponseEdits });
      row = {
        formKey: key,
        step,
        round,
        partnerId: partner.id,
        formId: created.formId,
        publishedUrl: created.publishedUrl,
        editUrl: created.editUrl,
        deadline,
        createdAt: now,
        status: 'open',
        itemMap: JSON.stringify(created.itemMap),
        closedAt: 0,
        planVersion: plan?.version ?? 0,
      };
      // Registered right after creation, one row per form, so a crash loses at most one form.
      appendRows(h.ss, FORMS, [row]);
      have.add(key);
      result.created.push(partner.id);
      events.push(['formulier gemaakt', `${key} (${Object.keys(created.itemMap).length} vragen)`]);
    }
    const formDeadline = String(row?.deadline ?? deadline);
    const text = mailText(settings, 'invite', {
      casus: h.row.code,
      stap: `${step} (${stepName(step, settings.naming)})`,
      deadline: dutchDate(formDeadline),
      link: String(row?.publishedUrl ?? ''),
      organisatie: partner.organisation,
      gemeente: settings.gemeente,
    });
    jobs.push({ key: `uitnodiging:${key}`, formKey: key, kind: 'uitnodiging', to: partner.email, ...text });
  }
  if (result.skipped.length) {
    const names = result.skipped.map((id) => h.reg.partners.find((p) => p.id === id)?.organisation ?? id);
    warnings.push(
      `Geen formulier voor ${names.join(', ')}: in deze stap staan voor hen geen vragen open (verborgen in de tab Vragen, of buiten de niveaus die zij mogen aanleveren).`,
    );
  }
  enqueue(h.ss, jobs);
  events.push([
    'stap gestart',
    `stap ${step}, ronde ${round}: ${result.created.length} formulier(en), deadline ${deadline}${result.remaining.length ? `; nog ${result.remaining.length} te maken bij de volgende bijwerking` : ''}`,
  ]);
  logEvents(h.ss, events);
  result.mail = flushOutbox(h);
  return result;
}

/**
 * Whether the current step was started but not every partner has its form yet (a start that
 * ran out of time or stopped halfway). The dispatcher then continues it.
 */
export function startIncomplete(h: CaseHandle): boolean {
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten') return false;
  const forms = readTable(h.ss, FORMS).filter(
    (f) => f.step === state.step && Number(f.round) === state.round,
  );
  if (forms.length === 0) return false;
  const have = new Set(forms.map((f) => String(f.partnerId)));
  return partnersForStep(h.reg.partners, state.step).some(
    (p) =>
      !have.has(p.id) && partnerQuestions(h.reg.catalog, p, state.step, state.personDataAllowed).length > 0,
  );
}
