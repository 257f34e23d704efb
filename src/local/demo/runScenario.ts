/**
 * Plays a scenario on the in-memory Apps Script through the product's own code path: the
 * same workflow functions the menu and the dispatcher call, against the emulated services.
 * Partners "fill in" their forms through the respondent simulation of the emulated FormApp.
 */
import { replay } from '../../model/caseMachine';
import { stepName } from '../../model/steps';
import { isoDate, startOfLocalDay } from '../../model/time';
import type { Decision, LightRoute, Question, StepId } from '../../model/types';
import { addWorkdays } from '../../model/workdays';
import { parseItemKey } from '../../render/formItemKey';
import { writeAdviceTab } from '../../workflow/advice';
import { readDecisions } from '../../workflow/assemble';
import type { CaseHandle, Register } from '../../workflow/context';
import { openCase, openRegister } from '../../workflow/context';
import { recordDecision } from '../../workflow/decide';
import { dispatchWithDigest } from '../../workflow/digest';
import { dispatchAll } from '../../workflow/dispatcher';
import { itemMapOf } from '../../workflow/formKey';
import { openNewCase } from '../../workflow/newCase';
import { addPersons } from '../../workflow/persons';
import { writePlanTab } from '../../workflow/planTab';
import { exportOverviewPdf, publish } from '../../workflow/publish';
import { FORMS, PERSONS } from '../../workflow/records';
import { setupRegister } from '../../workflow/registerTabs';
import { startIncomplete, startStep } from '../../workflow/startStep';
import { readTable } from '../../workspace/tables';
import { editAsRespondent, submitAsRespondent } from '../apps-script/forms';
import type { Runtime } from '../apps-script/runtime';
import { fictionalCaseInput } from './caseInput';
import { checkScenario } from './scenarioCheck';
import type { Scenario, StepRunInput } from './scenarioSchema';

export interface ScenarioResult {
  register: Register;
  caseHandle: CaseHandle;
  formIds: { id: string; formKey: string; partner: string; deadline: string }[];
  pdfId: string;
}

type Say = (line: string) => void;

const HOUR = 3_600_000;

function at(rt: Runtime, iso: string, hour: number): void {
  const t = startOfLocalDay(iso, 'Europe/Amsterdam') + hour * HOUR;
  if (t > rt.now()) rt.setNow(t);
}

function itemIdsFor(itemMap: Record<string, string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [itemId, key] of Object.entries(itemMap)) m.set(key, Number(itemId));
  return m;
}

/**
 * Scenario files refer to group members as `#1`, `#2`, ... (their place in `persons`),
 * because pseudonym codes are random: replaced here by the codes the namenlijst handed out.
 */
export function substitutePersons<T>(value: T, codes: readonly string[]): T {
  if (typeof value === 'string') {
    return value.replace(/#(\d+)\b/g, (m, n: string) => codes[Number(n) - 1] ?? m) as T;
  }
  if (Array.isArray(value)) return value.map((v) => substitutePersons(v, codes)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [substitutePersons(k, codes), substitutePersons(v, codes)]),
    ) as T;
  }
  return value;
}

/**
 * Scenario answers are keyed per subject (`questionId|#3`); a form asks about every person in
 * one item (a grid row or a line per code, render/formItemKey.ts): the answers are gathered
 * per item the way a partner fills it in.
 */
export function toItemAnswers(
  formKey: string,
  itemMap: Record<string, string>,
  raw: Record<string, string | string[]>,
  codes: readonly string[],
  catalog: readonly Question[],
): Record<number, string | string[] | string[][]> {
  const ids = itemIdsFor(itemMap);
  const rows = new Map<string, { id: number; row: number; count: number }>();
  for (const [key, id] of ids) {
    const p = parseItemKey(key);
    p.subjects?.forEach((code, row) => {
      rows.set(`${p.questionId}|${code}`, { id, row, count: p.subjects?.length ?? 0 });
    });
  }
  const answers = substitutePersons(raw, codes);
  const out: Record<number, string | string[] | string[][]> = {};
  for (const [key, value] of Object.entries(answers)) {
    const id = ids.get(key);
    if (id !== undefined) {
      out[id] = value;
      continue;
    }
    const at = rows.get(key);
    if (!at) throw new Error(`Scenario: formulier ${formKey} heeft geen vraag "${key}".`);
    const { questionId, subject } = parseItemKey(key);
    const type = catalog.find((q) => q.id === questionId)?.type;
    if (type === 'checkboxes') {
      const grid = (out[at.id] as string[][] | undefined) ?? Array.from({ length: at.count }, () => []);
      grid[at.row] = Array.isArray(value) ? value : [value];
      out[at.id] = grid;
    } else if (type === 'choice' || type === 'scale') {
      const grid = (out[at.id] as string[] | undefined) ?? Array.from({ length: at.count }, () => '');
      grid[at.row] = String(value);
      out[at.id] = grid;
    } else {
      const before = (out[at.id] as string | undefined) ?? '';
      out[at.id] = `${before}${before ? '\n' : ''}${subject}: ${String(value)}`;
    }
  }
  return out;
}

/**
 * One line on what came in during a step: who answered, who sent the form twice, who edited, the
 * empty (ghost) responses and who stayed silent. The Logboek says the same per form (reconcile).
 */
export function submissionSummary(run: StepRunInput, partnersWithForm: readonly string[]): string {
  const entries = Object.entries(run.submissions);
  const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'geen');
  const parts = [`inzendingen: ${list(entries.map(([id, sub]) => `${id} (werkdag ${sub.day})`))}`];
  const twice = entries.filter(([, sub]) => sub.duplicate).map(([id]) => id);
  if (twice.length) parts.push(`dubbel ingezonden: ${list(twice)}`);
  const edited = entries.filter(([, sub]) => sub.edit).map(([id, sub]) => `${id} (werkdag ${sub.edit!.day})`);
  if (edited.length) parts.push(`bewerkt: ${list(edited)}`);
  if (run.ghosts.length) parts.push(`lege inzending (genegeerd): ${list(run.ghosts)}`);
  const silent = partnersWithForm.filter((id) => !(id in run.submissions));
  if (silent.length) parts.push(`geen antwoord: ${list(silent)}`);
  return parts.join('; ');
}

export function runScenario(rt: Runtime, scenario: Scenario, say: Say = () => {}): ScenarioResult {
  const opts = { bevrijdingsdagEveryYear: false };
  const first = scenario.steps[0]!;
  // Refused before anything runs: what cannot happen (scenarioCheck.ts), and a clock already past
  // the first start (every event would be moved later).
  const problems = checkScenario(scenario);
  if (rt.now() > startOfLocalDay(first.startOn, 'Europe/Amsterdam') + 8 * HOUR) {
    problems.unshift(
      `steps[0].startOn: ${first.startOn} ligt vóór de klok van de in-memory Apps Script (${isoDate(rt.now(), 'Europe/Amsterdam')}); het scenario zou later beginnen dan het zegt.`,
    );
  }
  if (problems.length > 0) throw new Error(`Scenario klopt niet:\n${problems.join('\n')}`);
  at(rt, first.startOn, 8);
  const registerSs = SpreadsheetApp.create('Register aanpak jeugdgroepen');
  rt.boundContainerId = registerSs.getId();
  setupRegister(registerSs, { settings: scenario.settings, partners: scenario.partners });
  let reg = openRegister();
  const h = openNewCase(
    reg,
    fictionalCaseInput({ eersteSignaal: first.startOn, bewaartermijnMaanden: reg.settings.retentionMonths }),
  );
  say(
    `Casus ${h.row.code} geopend voor gemeente ${reg.settings.gemeente} met ${reg.partners.length} partners.`,
  );

  for (const run of scenario.steps) {
    reg = openRegister();
    const handle = openCase(reg, h.row.code);
    playStep(rt, handle, run, scenario, opts, say);
  }
  const finalHandle = openCase(openRegister(), h.row.code);
  publish(finalHandle);
  const pdfId = exportOverviewPdf(finalHandle);
  const formIds = readTable(finalHandle.ss, FORMS).map((f) => ({
    id: String(f.formId),
    formKey: String(f.formKey),
    partner: String(f.partnerId),
    deadline: String(f.deadline),
  }));
  return { register: openRegister(), caseHandle: finalHandle, formIds, pdfId };
}

function playStep(
  rt: Runtime,
  h: CaseHandle,
  run: StepRunInput,
  scenario: Scenario,
  opts: { bevrijdingsdagEveryYear: boolean },
  say: Say,
): void {
  at(rt, run.startOn, 9);
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.step !== run.step) {
    throw new Error(`Scenario: stap ${run.step} verwacht, maar de casus staat in stap ${state.step}.`);
  }
  // The namenlijst is made at the start of 2B, or of 2A when the case is acute (2B starts with 2A).
  const namesNow = run.step === '2B' || (run.step === '2A' && state.acute === true);
  if (namesNow && state.personDataAllowed && scenario.persons.length > 0 && !h.row.namesId) {
    const added = addPersons(h, scenario.persons);
    say(`  namenlijst: ${added.length} personen met codes ${added.join(', ')}`);
  }
  const codes = readTable(h.ss, PERSONS).map((p) => String(p.code));
  if (run.advice) {
    const { besluiten, ...advice } = substitutePersons(run.advice, codes);
    writeAdviceTab(h, { ...advice, ...(besluiten ? { besluiten } : {}) });
  }
  const started = startStep(h);
  // A start that ran out of time is finished by the dispatcher, as the trigger would.
  while (startIncomplete(h)) {
    rt.advance(15 * 60_000);
    rt.beginExecution();
    try {
      dispatchAll(openRegister());
    } finally {
      rt.endExecution();
    }
  }
  const forms = readTable(h.ss, FORMS).filter(
    (f) => f.step === run.step && Number(f.round) === started.round,
  );
  say(
    `Stap ${run.step} (${stepName(run.step, h.reg.settings.naming)}), ronde ${started.round}: ${forms.length} formulieren${started.remaining.length ? ` (${started.remaining.length} later, binnen de tijdslimiet)` : ''}, deadline ${started.deadline}`,
  );
  const formOf = (partnerId: string) => {
    const f = forms.find((x) => x.partnerId === partnerId);
    if (!f) throw new Error(`Scenario: partner ${partnerId} heeft geen formulier in stap ${run.step}.`);
    return {
      formId: String(f.formId),
      formKey: String(f.formKey),
      itemMap: itemMapOf(f),
    };
  };

  // Events per working day after the start.
  const lastDay = run.decision.day;
  const responseIds = new Map<string, string>();
  for (let day = 0; day <= lastDay; day++) {
    const date = addWorkdays(run.startOn, day, opts);
    at(rt, date, 10);
    for (const [partnerId, sub] of Object.entries(run.submissions)) {
      const f = formOf(partnerId);
      if (sub.day === day) {
        const id = submitAsRespondent(
          rt,
          f.formId,
          toItemAnswers(f.formKey, f.itemMap, sub.answers, codes, h.reg.catalog),
        );
        responseIds.set(partnerId, id);
        if (sub.duplicate) {
          rt.advance(60_000);
          submitAsRespondent(
            rt,
            f.formId,
            toItemAnswers(f.formKey, f.itemMap, sub.answers, codes, h.reg.catalog),
          );
        }
      }
      if (sub.edit && sub.edit.day === day) {
        const id = responseIds.get(partnerId);
        if (!id) throw new Error(`Scenario: partner ${partnerId} bewerkt voordat hij antwoordde.`);
        editAsRespondent(
          rt,
          f.formId,
          id,
          toItemAnswers(f.formKey, f.itemMap, sub.edit.answers, codes, h.reg.catalog),
        );
      }
    }
    // A ghost: an empty response as seen in the wild after glitches (a required question
    // cannot stop it), made through the script API, which does not check required items.
    if (day === 1) {
      for (const g of run.ghosts)
        rt.uncounted(() => FormApp.openById(formOf(g).formId).createResponse().submit());
    }
    // The time-driven dispatcher runs during the day (with the coordinator's digest, as runDispatcher).
    at(rt, date, 14);
    rt.beginExecution();
    try {
      dispatchWithDigest(openRegister());
    } finally {
      rt.endExecution();
    }
  }
  say(
    `  ${submissionSummary(
      run,
      forms.map((f) => String(f.partnerId)),
    )}`,
  );
  const date = addWorkdays(run.startOn, lastDay, opts);
  at(rt, date, 16);
  const d = run.decision;
  const decision: Decision = {
    step: run.step as StepId,
    round: started.round,
    outcome: d.outcome,
    motivation: d.motivation,
    decidedBy: d.decidedBy,
    date: isoDate(rt.now(), 'Europe/Amsterdam'),
  };
  decision.motivation = substitutePersons(decision.motivation, codes);
  const routes = [...(d.route ? [d.route] : []), ...(d.routes ?? [])];
  if (routes.length) decision.routes = routes as LightRoute[];
  if (d.acuteReason) decision.acuteReason = d.acuteReason;
  if (d.directions) decision.directions = d.directions;
  // The coordinator writes the plan in the case spreadsheet's tab; the decision reads it there.
  if (d.plan) writePlanTab(h, substitutePersons(d.plan, codes));
  const after = recordDecision(h, decision, rt.userEmail);
  say(
    `  besluit ${d.outcome} (${d.decidedBy}) → ${after.status === 'gesloten' ? 'casus gesloten' : `stap ${after.step}, ronde ${after.round}`}`,
  );
  if (run.heropenen) {
    const r = run.heropenen;
    at(rt, addWorkdays(date, r.day, opts), 11);
    const closed = replay(h.row.code, readDecisions(h.ss));
    const reopened = recordDecision(
      h,
      {
        step: closed.step,
        round: closed.round,
        outcome: r.outcome,
        motivation: substitutePersons(r.motivation, codes),
        decidedBy: r.decidedBy,
        date: isoDate(rt.now(), 'Europe/Amsterdam'),
      },
      rt.userEmail,
    );
    say(`  besluit ${r.outcome} (${r.decidedBy}) → stap ${reopened.step}, ronde ${reopened.round}`);
  }
}
