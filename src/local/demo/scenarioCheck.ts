/**
 * A scenario that cannot happen is refused before anything runs (issue 10 point 6). The schema
 * (scenarioSchema.ts) checks each field on its own; this checks them together, the way the run
 * would meet them, so nothing is dropped or re-timed silently:
 *
 * - each step starts on a later day than the previous step's decision (or reopening);
 * - every answer, duplicate, edit and ghost falls on or before its step's decision day, an edit not
 *   before its answer, and only when the forms allow edits;
 * - each partner named exists and takes part in that step;
 * - the steps follow each other as the werkproces allows (model/caseMachine.ts applyDecision), a
 *   reopening only after a decision that closed the case, a plan only with an outcome that uses one.
 *
 * Every message names the field, e.g. `steps[2].submissions.politie.day: ...`. Pure.
 */
import { applyDecision, ModelError, newCase } from '../../model/caseMachine';
import { partnersForStep } from '../../model/partners';
import { gateFor } from '../../model/steps';
import type { CaseState, Decision, LightRoute, StepId } from '../../model/types';
import { addWorkdays } from '../../model/workdays';
import type { Scenario } from './scenarioSchema';

const OPTS = { bevrijdingsdagEveryYear: false };

/** The werkdag on which a step's ghosts arrive (runScenario plays them on day 1). */
export const GHOST_DAY = 1;

/** Where a decision's refusal belongs, by the model's error code: a field of the decision, or the step. */
const FIELD_OF: Partial<Record<string, string>> = {
  verkeerde_stap: 'step',
  verkeerde_ronde: 'step',
  gesloten: 'step',
  onbekende_uitkomst: 'outcome',
  datum_volgorde: 'day',
  plan_verplicht: 'plan',
};

/** Problems with a scenario that passed the schema, each naming its field; empty when it can run. */
export function checkScenario(scenario: Scenario): string[] {
  const problems: string[] = [];
  const partnerIds = new Set(scenario.partners.map((p) => p.id));
  const edits = scenario.settings.allowResponseEdits === true;
  /** The case as the run would have it; null after a refused decision (later steps are not judged on it). */
  let state: CaseState | null = newCase('SCENARIO');
  let hasPlan = false;
  /** The last day something happened, and which field set it. */
  let last: { date: string; field: string } | null = null;

  scenario.steps.forEach((run, i) => {
    const at = `steps[${i}]`;
    const decisionDay = run.decision.day;
    const decisionDate = addWorkdays(run.startOn, decisionDay, OPTS);
    if (last && run.startOn <= last.date) {
      problems.push(
        `${at}.startOn: ${run.startOn} ligt niet na ${last.date} (${last.field}); een stap begint op een latere dag dan wat ervoor gebeurde.`,
      );
    }
    const inStep = new Set(partnersForStep(scenario.partners, run.step).map((p) => p.id));
    const partnerProblem = (field: string, id: string): boolean => {
      if (!partnerIds.has(id)) {
        problems.push(`${field}: onbekende partner "${id}" (niet in partners).`);
        return true;
      }
      if (!inStep.has(id)) {
        problems.push(
          `${field}: partner "${id}" doet niet (actief) mee aan stap ${run.step} en krijgt geen formulier.`,
        );
        return true;
      }
      return false;
    };
    for (const [id, sub] of Object.entries(run.submissions)) {
      const field = `${at}.submissions.${id}`;
      if (partnerProblem(field, id)) continue;
      if (sub.day > decisionDay) {
        problems.push(
          `${field}.day: werkdag ${sub.day} valt na het besluit op werkdag ${decisionDay} (${at}.decision.day); dat antwoord zou nooit worden gelezen.`,
        );
      }
      if (sub.edit) {
        if (!edits) {
          problems.push(
            `${field}.edit: antwoorden wijzigen staat uit (settings.allowResponseEdits); de partner kan zijn inzending niet bewerken.`,
          );
        }
        if (sub.edit.day < sub.day) {
          problems.push(
            `${field}.edit.day: werkdag ${sub.edit.day} valt vóór het antwoord zelf (werkdag ${sub.day}).`,
          );
        }
        if (sub.edit.day > decisionDay) {
          problems.push(
            `${field}.edit.day: werkdag ${sub.edit.day} valt na het besluit op werkdag ${decisionDay} (${at}.decision.day); die bewerking zou nooit worden gelezen.`,
          );
        }
      }
    }
    run.ghosts.forEach((id, g) => {
      const field = `${at}.ghosts[${g}]`;
      if (partnerProblem(field, id)) return;
      if (decisionDay < GHOST_DAY) {
        problems.push(
          `${field}: een lege inzending komt op werkdag ${GHOST_DAY}, maar het besluit valt al op werkdag ${decisionDay} (${at}.decision.day).`,
        );
      }
    });

    // The werkproces: the case must be in this step, and the decision must be allowed there.
    const d = run.decision;
    if (d.plan) hasPlan = true;
    last = { date: decisionDate, field: `${at}.decision.day` };
    if (!state) return;
    if (state.status === 'gesloten' || state.step !== run.step) {
      problems.push(
        `${at}.step: de casus staat dan ${state.status === 'gesloten' ? 'gesloten' : `in stap ${state.step}`}, niet in stap ${run.step}.`,
      );
      state = null; // what follows depends on a state the run would never reach
      return;
    }
    const outcome = gateFor(state.step).outcomes.find((o) => o.key === d.outcome);
    if (d.plan && outcome && !outcome.requiresPlan && !outcome.allowsPlanChange) {
      problems.push(`${at}.decision.plan: bij het besluit "${d.outcome}" hoort geen plan van aanpak.`);
    }
    const routes = [...(d.route ? [d.route] : []), ...(d.routes ?? [])] as LightRoute[];
    const decision: Decision = {
      step: run.step as StepId,
      round: state.round,
      outcome: d.outcome,
      motivation: d.motivation,
      decidedBy: d.decidedBy,
      date: decisionDate,
      ...(routes.length ? { routes } : {}),
      ...(d.acuteReason ? { acuteReason: d.acuteReason } : {}),
      ...(d.directions ? { directions: d.directions } : {}),
    };
    state = apply(state, decision, hasPlan, { step: at, part: 'decision' }, problems);
    if (!state) return;

    const r = run.heropenen;
    if (!r) return;
    if (state.status !== 'gesloten') {
      problems.push(
        `${at}.heropenen: het besluit "${d.outcome}" sluit de casus niet; er valt niets te heropenen.`,
      );
      return;
    }
    if (r.day < 1) {
      problems.push(
        `${at}.heropenen.day: heropenen kan op zijn vroegst de werkdag na het besluit (werkdag 1), niet op werkdag ${r.day}.`,
      );
    }
    const reopenDate = addWorkdays(decisionDate, r.day, OPTS);
    const reopened = apply(
      state,
      {
        step: state.step,
        round: state.round,
        outcome: r.outcome,
        motivation: r.motivation,
        decidedBy: r.decidedBy,
        date: reopenDate,
      },
      hasPlan,
      { step: at, part: 'heropenen' },
      problems,
    );
    state = reopened;
    last = { date: reopenDate, field: `${at}.heropenen.day` };
  });
  return problems;
}

/**
 * The state after a decision, or null with the model's refusal added under the field it concerns
 * (`steps[i].decision.outcome`, `steps[i].heropenen.day`, `steps[i].step`).
 */
function apply(
  state: CaseState,
  decision: Decision,
  hasPlan: boolean,
  at: { step: string; part: 'decision' | 'heropenen' },
  problems: string[],
): CaseState | null {
  try {
    return applyDecision(state, decision, { hasPlan });
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    const field = FIELD_OF[e.code];
    const where =
      field === 'step'
        ? `${at.step}.step`
        : field
          ? `${at.step}.${at.part}.${field}`
          : `${at.step}.${at.part}`;
    problems.push(`${where}: ${e.message}`);
    return null;
  }
}
