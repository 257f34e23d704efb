/**
 * Recording a gate decision. The model decides whether it is allowed (a refused decision
 * leaves everything as it was, with a Dutch message); then the decision is stored, the forms
 * of the decided step are read one last time and closed, the plan van aanpak gets a new
 * version when the outcome fixes or adjusts it, and the views and the overview are rebuilt.
 */
import { applyDecision, ModelError, outcomeOf, replay } from '../model/caseMachine';
import { samePlan } from '../model/planSheet';
import { formatIssues, PlanSchema } from '../model/schemas';
import type { CaseState, Decision, Plan } from '../model/types';
import { nowMs } from '../workspace/clock';
import { closeForm } from '../workspace/forms';
import { appendRows, readTable, replaceTable } from '../workspace/tables';
import { plansFrom, readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
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
  return [
    ...plan.goals.map((g) => ({ version: plan.version, kind: 'doel', id: g.id, text: g.text })),
    ...plan.actions.map((a) => ({
      version: plan.version,
      kind: 'actie',
      id: a.id,
      spoor: a.spoor,
      text: a.text,
      goalId: a.goalId,
      owner: a.owner,
      deadline: a.deadline,
      subject: a.subject ?? '',
    })),
  ];
}

export function recordDecision(h: CaseHandle, input: DecisionInput, recordedBy: string): CaseState {
  const { plan: planInput, ...decision } = input;
  const before = replay(h.row.code, readDecisions(h.ss));
  const plans = plansFrom(readTable(h.ss, PLAN));
  const outcome = outcomeOf(before, decision.outcome);

  const current = plans[plans.length - 1] ?? null;
  const nextVersion = (current?.version ?? 0) + 1;
  let newPlan: Plan | null = null;
  if (planInput) {
    if (!outcome?.requiresPlan && !outcome?.allowsPlanChange) {
      throw new UserError(
        `Bij het besluit "${outcome?.label ?? decision.outcome}" hoort geen (nieuw) plan van aanpak.`,
      );
    }
    const parsed = PlanSchema.safeParse({ ...planInput, version: nextVersion });
    if (!parsed.success)
      throw new UserError(`Plan van aanpak klopt niet:\n${formatIssues(parsed.error).join('\n')}`);
    const owners = new Set(h.reg.partners.map((p) => p.id));
    const unknown = parsed.data.actions.filter((a) => !owners.has(a.owner));
    if (unknown.length) {
      throw new UserError(
        `Plan van aanpak: onbekende eigenaar ${unknown.map((a) => `"${a.owner}" bij actie ${a.id}`).join(', ')}; gebruik de sleutel uit de tab Partners.`,
      );
    }
    newPlan = parsed.data as Plan;
  } else if (outcome?.requiresPlan || outcome?.allowsPlanChange) {
    // The plan comes from the case spreadsheet's "Plan van aanpak" tab.
    const tab = readPlanTab(h, nextVersion);
    if (!tab.ok) {
      if (outcome.requiresPlan || tab.errors.some((e) => !e.includes('nog geen'))) {
        throw new UserError(
          `Het plan van aanpak in de casusspreadsheet klopt nog niet:\n${tab.errors.join('\n')}`,
        );
      }
    } else if (!current || !samePlan(current, tab.plan)) {
      newPlan = tab.plan;
    }
  }

  let after: CaseState;
  try {
    after = applyDecision(before, decision, { hasPlan: plans.length > 0 || newPlan !== null });
  } catch (e) {
    if (e instanceof ModelError) throw new UserError(e.message);
    throw e;
  }

  // Last look at the decided step's forms, then close them.
  reconcileCase(h);
  const forms = readTable(h.ss, FORMS);
  let closed = 0;
  const now = nowMs();
  for (const f of forms) {
    if (
      f.step === decision.step &&
      Number(f.round) === decision.round &&
      f.status !== 'gesloten' &&
      f.status !== 'ontbreekt'
    ) {
      closeForm(
        String(f.formId),
        `Deze uitvraag voor casus ${h.row.code} is afgesloten. Neem contact op met de procesregisseur als u nog iets wilt melden.`,
      );
      f.status = 'gesloten';
      f.closedAt = now;
      closed++;
    }
  }
  if (closed) replaceTable(h.ss, FORMS, forms);

  appendRows(h.ss, DECISIONS, [
    {
      ...decision,
      route: decision.route ?? '',
      directions: decision.directions ?? '',
      recordedAt: now,
      recordedBy,
    },
  ]);
  if (newPlan) {
    appendRows(h.ss, PLAN, planRows(newPlan));
    writePlanTab(h, newPlan);
  }
  const events: [string, string][] = [
    [
      'besluit',
      `stap ${decision.step} ronde ${decision.round}: ${decision.outcome} (${decision.decidedBy}, ${decision.date})`,
    ],
  ];
  if (closed) events.push(['formulieren gesloten', `${closed} formulier(en) van stap ${decision.step}`]);
  if (newPlan) events.push(['plan van aanpak', `versie ${newPlan.version} vastgelegd`]);
  logEvents(h.ss, events);
  updateCaseRow(h, after);
  h.row.status = after.status;
  // After every gate: the views and the overview document show the new state.
  publish(h);
  return after;
}
