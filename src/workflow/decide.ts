/**
 * Recording a gate decision. The model decides whether it is allowed (a refused decision
 * leaves everything as it was, with a Dutch message); then the decision is stored, the forms
 * of the decided step are read one last time and closed, the plan van aanpak gets a new
 * version when the outcome fixes or adjusts it, and the views and the overview are rebuilt.
 */
import { applyDecision, ModelError, outcomeOf, replay } from '../model/caseMachine';
import { HOLDS_NAME } from '../model/names';
import { partnersForStep } from '../model/partners';
import { samePlan } from '../model/planSheet';
import { formatIssues, PlanSchema } from '../model/schemas';
import type { GateOutcome } from '../model/steps';
import { isoDate } from '../model/time';
import type { CaseState, Decision, Plan } from '../model/types';
import { isValidIsoDate } from '../model/workdays';
import { nowMs } from '../workspace/clock';
import { closeForm, withFormHandles } from '../workspace/forms';
import { appendRows, readTable, replaceTable } from '../workspace/tables';
import { plansFrom, readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { closingLettersOnClose } from './letters';
import { logEvents } from './log';
import { caseNames } from './nameGuard';
import { dropNamesListIfUnconfirmed } from './persons';
import { readPlanTab, writePlanTab } from './planTab';
import { publish } from './publish';
import { reconcileCase } from './reconcile';
import { DECISIONS, FORMS, PLAN } from './records';
import { updateCaseRow } from './registerTabs';

export interface DecisionInput extends Decision {
  /** A new plan van aanpak (step 5 vaststellen, step 6 bijstellen). */
  plan?: Omit<Plan, 'version'>;
}

function planRows(plan: Plan) {
  const v = plan.version;
  return [
    ...plan.goals.map((g) => ({
      version: v,
      kind: 'doel' as const,
      id: g.id,
      text: g.text,
      owner: g.owner ?? '',
      indicator: g.indicator,
      baseline: g.baseline,
      baselineFrom: g.baselineFrom ?? '',
      target: g.target,
      measureDate: g.measureDate,
    })),
    ...plan.actions.map((a) => ({
      version: v,
      kind: 'actie' as const,
      id: a.id,
      spoor: a.spoor,
      text: a.text,
      goalId: a.goalId,
      owner: a.owner,
      start: a.start,
      frequency: a.frequency,
      deadline: a.deadline,
      subject: a.subject ?? '',
    })),
    ...plan.criteria.map((c) => ({ version: v, kind: 'criterium' as const, id: c.id, text: c.text })),
    { version: v, kind: 'evaluatie' as const, id: 'Evaluatie', deadline: plan.evaluationDate },
  ];
}

/** A decision date lies between the opening of the case and today (a typo would block every later decision). */
function checkDecisionDate(h: CaseHandle, date: string): void {
  const today = isoDate(nowMs(), 'Europe/Amsterdam');
  if (isValidIsoDate(date) && date < h.row.openedOn) {
    throw new UserError(
      `De besluitdatum ${date} ligt vóór de opening van casus ${h.row.code} (${h.row.openedOn}).`,
    );
  }
  if (isValidIsoDate(date) && date > today) {
    throw new UserError(`De besluitdatum ${date} ligt in de toekomst; vandaag is ${today}.`);
  }
}

/** Every action owner and goal owner must be an active partner that takes part in monitoring (step 6). */
function checkOwnersTakePart(h: CaseHandle, plan: Plan): void {
  const monitoring = new Set(partnersForStep(h.reg.partners, '6').map((p) => p.id));
  const missing = [
    ...plan.goals.filter((g) => g.owner && !monitoring.has(g.owner)).map((g) => `${g.id} (${g.owner})`),
    ...plan.actions.filter((a) => !monitoring.has(a.owner)).map((a) => `${a.id} (${a.owner})`),
  ];
  if (missing.length) {
    throw new UserError(
      `Plan van aanpak: ${missing.join(', ')} — de eigenaar doet niet (actief) mee aan stap 6, dus het doel of de actie zou nooit worden gevolgd. Zet stap 6 bij die partner in de tab Partners of kies een andere eigenaar.`,
    );
  }
}

/**
 * Closes the forms of the decided step and reads every form of the step once more from its
 * high-water mark. Returns how many forms it closed now.
 */
function closeAndReadForms(h: CaseHandle, decision: Decision, now: number): number {
  const forms = readTable(h.ss, FORMS);
  const justClosed = new Set<string>();
  const ofStep = new Set<string>();
  for (const f of forms) {
    if (f.step !== decision.step || f.round !== decision.round) continue;
    ofStep.add(f.formKey);
    if (f.status === 'gesloten') continue;
    try {
      closeForm(
        f.formId,
        `Deze uitvraag voor casus ${h.row.code} is afgesloten. Neem contact op met de procesregisseur als u nog iets wilt melden.`,
      );
    } catch (e) {
      if (f.status !== 'ontbreekt') throw e; // a form that is gone cannot be closed
    }
    f.status = 'gesloten';
    f.closedAt = now;
    justClosed.add(f.formKey);
  }
  const closed = justClosed.size;
  if (closed) replaceTable(h.ss, FORMS, forms);
  // Every form of the step (also those closed by an earlier, interrupted attempt) is read once
  // more from its high-water mark: what the ledger holds is not read again, an edit comes back
  // with its new timestamp. If one cannot be read now, the decision waits: nothing may be lost.
  const last = reconcileCase(h, { alsoRead: ofStep, scanFolder: false, forms });
  if (last.unreadable > 0) {
    throw new UserError(
      `${last.unreadable} formulier(en) van stap ${decision.step} konden nu niet worden gelezen. Het besluit is nog niet vastgelegd; probeer het over een paar minuten opnieuw, zodat er geen antwoord verloren gaat.`,
    );
  }
  return closed;
}

/**
 * Records a gate decision, in named phases: check the decision and the plan it brings (nothing is
 * written when either is refused), close and read the step's forms one last time, store the plan
 * and the decision, log them, and bring the register, the namenlijst and the documents up to date.
 * `notes` receives what the product filled in for the coordinator (a nulmeting taken from the
 * duiding), each naming its cell; the same lines go to the log.
 */
export function recordDecision(
  h: CaseHandle,
  input: DecisionInput,
  recordedBy: string,
  notes: string[] = [],
): CaseState {
  const { plan: planInput, ...decision } = input;
  const before = replay(h.row.code, readDecisions(h.ss));
  refuseNames(h, decision);
  const plan = planOfDecision(h, outcomeOf(before, decision.outcome), decision, planInput);
  const after = checkDecision(h, before, decision, plan.newPlan);
  // Close the decided step's forms first, then read them once more: an answer that arrives
  // while the gate is being recorded is not lost (and a rebuild would show the same). Each form
  // is opened once for both.
  const now = nowMs();
  const closed = withFormHandles(() => closeAndReadForms(h, decision, now));
  storeDecision(h, decision, plan.newPlan, { at: now, by: recordedBy });
  logDecision(h, decision, closed, plan);
  notes.push(...plan.notes);
  finishDecision(h, after, notes);
  return after;
}

interface DecisionPlan {
  /** The plan van aanpak this decision fixes or adjusts; null when it keeps the current one. */
  newPlan: Plan | null;
  /** What the product filled in when reading the plan tab, each naming its cell. */
  notes: string[];
}

/**
 * The plan a decision brings: given with the decision, or read from the case spreadsheet's tab
 * "Plan van aanpak" when the outcome fixes (step 5) or may adjust (step 6) the plan. A plan with
 * an outcome that takes none, a plan that does not parse or an unknown owner is refused.
 */
function planOfDecision(
  h: CaseHandle,
  outcome: GateOutcome | undefined,
  decision: Decision,
  planInput: DecisionInput['plan'],
): DecisionPlan {
  const usesPlan = outcome?.requiresPlan === true || outcome?.allowsPlanChange === true;
  const plans = plansFrom(readTable(h.ss, PLAN));
  const current = plans[plans.length - 1] ?? null;
  const nextVersion = (current?.version ?? 0) + 1;
  if (planInput) {
    if (!usesPlan) {
      throw new UserError(
        `Bij het besluit "${outcome?.label ?? decision.outcome}" hoort geen (nieuw) plan van aanpak.`,
      );
    }
    return { newPlan: givenPlan(h, planInput, nextVersion), notes: [] };
  }
  if (!usesPlan) return { newPlan: null, notes: [] };
  const tab = readPlanTab(h, nextVersion);
  if (!tab.ok) {
    // Adjusting (step 6) with a tab that is still empty keeps the current plan; anything else wrong
    // in the tab, or no plan at all where one is required, is refused.
    if (outcome?.requiresPlan || tab.errors.some((e) => !e.includes('nog geen'))) {
      throw new UserError(
        `Het plan van aanpak in de casusspreadsheet klopt nog niet:\n${tab.errors.join('\n')}`,
      );
    }
    return { newPlan: null, notes: [] };
  }
  if (current && samePlan(current, tab.plan)) return { newPlan: null, notes: [] };
  return { newPlan: tab.plan, notes: tab.notes };
}

/** A plan given with the decision (the dialog or a scenario): parsed, its owners known partners. */
function givenPlan(h: CaseHandle, planInput: NonNullable<DecisionInput['plan']>, version: number): Plan {
  const parsed = PlanSchema.safeParse({ ...planInput, version });
  if (!parsed.success)
    throw new UserError(`Plan van aanpak klopt niet:\n${formatIssues(parsed.error).join('\n')}`);
  const owners = new Set(h.reg.partners.map((p) => p.id));
  const unknown = [
    ...parsed.data.goals
      .filter((g) => g.owner && !owners.has(g.owner))
      .map((g) => `"${g.owner}" bij doel ${g.id}`),
    ...parsed.data.actions.filter((a) => !owners.has(a.owner)).map((a) => `"${a.owner}" bij actie ${a.id}`),
  ];
  if (unknown.length) {
    throw new UserError(
      `Plan van aanpak: onbekende eigenaar ${unknown.join(', ')}; gebruik de sleutel uit de tab Partners.`,
    );
  }
  const plan = parsed.data as Plan;
  for (const g of plan.goals) g.owner ??= plan.actions.find((a) => a.goalId === g.id)?.owner;
  return plan;
}

/**
 * The state after the decision, or a refusal in Dutch: the werkproces must allow it, its date lies
 * between the case's opening and today, and every owner of a new plan takes part in monitoring.
 * An outcome that requires a plan never gets here without one (planOfDecision refuses it first).
 */
function checkDecision(
  h: CaseHandle,
  before: CaseState,
  decision: Decision,
  newPlan: Plan | null,
): CaseState {
  let after: CaseState;
  try {
    after = applyDecision(before, decision);
  } catch (e) {
    if (e instanceof ModelError) throw new UserError(e.message);
    throw e;
  }
  checkDecisionDate(h, decision.date);
  if (newPlan) checkOwnersTakePart(h, newPlan);
  return after;
}

/**
 * Stores the plan first, then the decision: a decision is never stored without the plan it fixes
 * (a rerun after a crash in between finds the same plan in the tab and adds no second version).
 */
function storeDecision(
  h: CaseHandle,
  decision: Decision,
  newPlan: Plan | null,
  recorded: { at: number; by: string },
): void {
  if (newPlan) {
    appendRows(h.ss, PLAN, planRows(newPlan));
    writePlanTab(h, newPlan);
  }
  appendRows(h.ss, DECISIONS, [
    {
      step: decision.step,
      round: decision.round,
      outcome: decision.outcome,
      motivation: decision.motivation,
      decidedBy: decision.decidedBy,
      date: decision.date,
      route: (decision.routes ?? []).join(','),
      acuteReason: decision.acuteReason ?? '',
      directions: decision.directions ?? '',
      recordedAt: recorded.at,
      recordedBy: recorded.by,
    },
  ]);
}

/** The Logboek lines of a decision: the decision, the forms it closed, the plan version and its notes. */
function logDecision(h: CaseHandle, decision: Decision, closed: number, plan: DecisionPlan): void {
  const events: [string, string][] = [
    [
      'besluit',
      `stap ${decision.step} ronde ${decision.round}: ${decision.outcome} (${decision.decidedBy}, ${decision.date})`,
    ],
  ];
  if (closed) events.push(['formulieren gesloten', `${closed} formulier(en) van stap ${decision.step}`]);
  if (plan.newPlan) events.push(['plan van aanpak', `versie ${plan.newPlan.version} vastgelegd`]);
  for (const note of plan.notes) events.push(['plan van aanpak', note]);
  logEvents(h.ss, events);
}

/** After the decision is stored: the register row, the namenlijst when no person data may stay, the documents. */
function finishDecision(h: CaseHandle, after: CaseState, notes: string[]): void {
  updateCaseRow(h, after);
  h.row.status = after.status;
  // The registration ends: a closing letter per person on the namenlijst (workflow/letters.ts).
  // A namenlijst that must go waits for them (within a time budget; the dispatcher finishes
  // them and then removes it); otherwise the coordinator makes them from the dashboard.
  const letters = after.status === 'gesloten' ? closingLettersOnClose(h, after) : { notes: [], ready: true };
  notes.push(...letters.notes);
  // Closed before the problematiek was confirmed: no person data stays (the dispatcher finishes
  // this if the run stops here).
  if (letters.ready && dropNamesListIfUnconfirmed(h, after)) notes.push('De namenlijst is verwijderd.');
  // After every gate: the views and the overview document show the new state.
  publish(h);
}

/** A decision's texts go into documents for the driehoek and partners: no name from the namenlijst. */
function refuseNames(h: CaseHandle, decision: Decision): void {
  const names = caseNames(h);
  if (!names.any) return;
  const fields: [string, string | undefined][] = [
    ['Motivatie', decision.motivation],
    ['Besloten door', decision.decidedBy],
    ['Aanwijzingen voor de driehoek', decision.directions],
    ['Reden voor acuut', decision.acuteReason],
  ];
  const hits = fields
    .filter(([, text]) => text && names.matcher.test(text))
    .map(([field]) => `${field}: ${HOLDS_NAME}`);
  if (hits.length) throw new UserError(`Het besluit is niet vastgelegd.\n${hits.join('\n')}`);
}
