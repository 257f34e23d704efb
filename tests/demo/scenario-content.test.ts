/**
 * The built-in demo scenario (src/local/demo/demo-scenario.json) is content, not code: these
 * tests make sure every answer fits the form the partner really gets in that step (question
 * ids, choice lists, grid columns, required questions), that the decisions walk the werkproces
 * through the real state machine, and that no name from the namenlijst leaks into any answer.
 * Persons are referred to by placeholders `#1`, `#2`, ... (1-based index in `persons`).
 */
import { describe, expect, it } from 'vitest';
import { demoScenarioPath, loadScenario } from '../../src/local/demo/loadScenario';
import type { Scenario, StepRunInput } from '../../src/local/demo/scenarioSchema';
import { applyDecision, newCase } from '../../src/model/caseMachine';
import { CATALOG, duidingScore, PERSON_STEPS } from '../../src/model/catalog';
import { partnerDefaults } from '../../src/model/partners';
import { baselineFromDuiding, duidingItemScores } from '../../src/model/planBaseline';
import { goalOwner } from '../../src/model/planProgress';
import { PartnerListSchema, PlanSchema, planIsComplete, SettingsSchema } from '../../src/model/schemas';
import { deadlineWorkdaysFor, routesFor, STEPS } from '../../src/model/steps';
import type { CaseState, Partner, Plan, Question, StepId } from '../../src/model/types';
import { STEP_IDS } from '../../src/model/types';
import { addWorkdays } from '../../src/model/workdays';
import { partnerQuestions } from '../../src/workflow/startStep';

type Answers = Record<string, string | string[]>;

const loaded = loadScenario(demoScenarioPath());
if (!loaded.ok) throw new Error(`demo-scenario.json is ongeldig:\n${loaded.errors.join('\n')}`);
const scenario: Scenario = loaded.scenario;
const settings = SettingsSchema.parse(scenario.settings);
const partners: Partner[] = PartnerListSchema.parse(scenario.partners);
const personCount = scenario.persons.length;
const opts = { bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear };

/** The demo's duiding scores (step 3, last run), as the gate reads them for an empty nulmeting. */
const duidingBaseline = baselineFromDuiding(
  duidingItemScores(
    CATALOG,
    scenario.steps
      .filter((r) => r.step === '3')
      .slice(-1)
      .flatMap((r) =>
        Object.values(r.submissions).flatMap((sub) =>
          Object.entries(sub.answers)
            .filter(([, v]) => Array.isArray(v))
            .map(([questionId, v]) => ({
              step: '3' as const,
              round: 1,
              questionId,
              value: '',
              grid: v as string[],
            })),
        ),
      ),
  ),
);

/** A scenario plan as the gate stores it: an empty nulmeting filled from the duiding. */
function withBaselines(input: NonNullable<StepRunInput['decision']['plan']>, version: number): Plan {
  const goals = input.goals.map((g) => ({
    ...g,
    baseline: g.baseline ?? duidingBaseline(g.indicator)?.value,
  }));
  return PlanSchema.parse({ ...input, goals, version }) as Plan;
}
const PLACEHOLDER = /#(\d+)/g;

/** One played step with what the runner knows at that moment. */
interface RunContext {
  index: number;
  run: StepRunInput;
  round: number;
  /** The plan van aanpak in force when the step starts (latest vastgesteld/bijgesteld). */
  plan: Plan | null;
  deadline: string;
  decisionDate: string;
}

/** Walks the decisions through the real state machine; throws with a Dutch message on a bad one. */
function walk(): { contexts: RunContext[]; final: CaseState } {
  let state = newCase(`${settings.casePrefix}-2026-001`);
  let plan: Plan | null = null;
  const contexts: RunContext[] = [];
  scenario.steps.forEach((run, index) => {
    if (state.step !== run.step)
      throw new Error(`stap ${index + 1}: verwacht ${state.step}, scenario zegt ${run.step}`);
    const decisionDate = addWorkdays(run.startOn, run.decision.day, opts);
    const deadline = addWorkdays(run.startOn, deadlineWorkdaysFor(settings, run.step), opts);
    contexts.push({ index, run, round: state.round, plan, deadline, decisionDate });
    const d = run.decision;
    if (d.plan) plan = withBaselines(d.plan, (plan?.version ?? 0) + 1);
    state = applyDecision(
      state,
      {
        step: run.step,
        round: state.round,
        outcome: d.outcome,
        motivation: d.motivation,
        decidedBy: d.decidedBy,
        date: decisionDate,
        ...(d.route || d.routes
          ? { routes: [...(d.route ? [d.route] : []), ...(d.routes ?? [])] as never }
          : {}),
        ...(d.directions ? { directions: d.directions } : {}),
      },
      { hasPlan: plan !== null },
    );
  });
  return { contexts, final: state };
}

const { contexts, final } = walk();

function partnerById(id: string): Partner {
  const p = partners.find((x) => x.id === id);
  if (!p) throw new Error(`onbekende partner ${id}`);
  return p;
}

/** Every item key of the partner's form in this step, with its question. */
function formKeys(ctx: RunContext, partner: Partner): Map<string, Question> {
  const step = ctx.run.step;
  const personData = PERSON_STEPS.includes(step);
  const keys = new Map<string, Question>();
  for (const q of partnerQuestions(CATALOG, partner, step, personData)) {
    const repeat = q.repeat ?? 'once';
    if (repeat === 'once') keys.set(q.id, q);
    if (repeat === 'per_person') for (let n = 1; n <= personCount; n++) keys.set(`${q.id}|#${n}`, q);
    if (repeat === 'per_action')
      for (const a of ctx.plan?.actions ?? []) if (a.owner === partner.id) keys.set(`${q.id}|${a.id}`, q);
    if (repeat === 'per_goal') for (const g of ctx.plan?.goals ?? []) keys.set(`${q.id}|${g.id}`, q);
    if (repeat === 'per_criterion') for (const c of ctx.plan?.criteria ?? []) keys.set(`${q.id}|${c.id}`, q);
    if (repeat === 'per_own_goal' && ctx.plan)
      for (const g of ctx.plan.goals)
        if (goalOwner(ctx.plan, g) === partner.id) keys.set(`${q.id}|${g.id}`, q);
  }
  return keys;
}

function valueProblem(q: Question, value: string | string[]): string | null {
  const choices = q.choices ?? [];
  switch (q.type) {
    case 'text':
    case 'paragraph':
      return typeof value === 'string' && value.trim() !== '' ? null : 'verwacht niet-lege tekst';
    case 'choice':
      return typeof value === 'string' && choices.includes(value)
        ? null
        : `"${String(value)}" staat niet in de keuzelijst`;
    case 'checkboxes': {
      if (!Array.isArray(value) || value.length === 0) return 'verwacht een niet-lege lijst';
      if (new Set(value).size !== value.length) return 'dubbele keuze';
      const bad = value.find((v) => !choices.includes(v));
      return bad === undefined ? null : `"${bad}" staat niet in de keuzelijst`;
    }
    case 'grid': {
      const rows = q.rows ?? [];
      if (!Array.isArray(value) || value.length !== rows.length) return `verwacht ${rows.length} rijen`;
      const bad = value.find((v) => !choices.includes(v));
      return bad === undefined ? null : `"${bad}" is geen kolom`;
    }
    case 'scale': {
      const s = q.scale;
      if (typeof value !== 'string' || !/^\d+$/.test(value) || !s)
        return 'verwacht een geheel getal als tekst';
      const n = Number(value);
      return n >= s.min && n <= s.max ? null : `buiten de schaal ${s.min}-${s.max}`;
    }
    case 'date':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : 'verwacht een datum jjjj-mm-dd';
  }
}

/** Every submission (and edit), labelled for messages. */
function submissions() {
  return contexts.flatMap((ctx) =>
    Object.entries(ctx.run.submissions).map(([partnerId, sub]) => ({
      ctx,
      partner: partnerById(partnerId),
      sub,
      label: `stap ${ctx.run.step} ronde ${ctx.round}, ${partnerId}`,
    })),
  );
}

/** All free text a reader sees: answers, edits, decisions and plan texts. */
function allTexts(): string[] {
  const out: string[] = [];
  const push = (a: Answers) => {
    for (const v of Object.values(a)) out.push(...(Array.isArray(v) ? v : [v]));
  };
  for (const { sub } of submissions()) {
    push(sub.answers);
    if (sub.edit) push(sub.edit.answers);
  }
  for (const { run } of contexts) {
    const d = run.decision;
    out.push(d.motivation, d.directions ?? '');
    for (const g of d.plan?.goals ?? []) out.push(g.text);
    for (const a of d.plan?.actions ?? []) out.push(a.text, a.subject ?? '');
  }
  return out;
}

describe('demo scenario: structure', () => {
  it('has valid settings for a fictional gemeente and enough partners and persons', () => {
    expect(settings.gemeente).toBe('Lindeveen');
    expect(settings.casePrefix).toBe('JGA');
    expect(settings.naming).toBe('2023');
    expect(settings.retentionMonths).toBe(12);
    expect(settings.allowResponseEdits).toBe(true);
    expect(settings.coordinatorEmail).toMatch(/@lindeveen\.example$/);
    expect(partners.length).toBeGreaterThanOrEqual(8);
    expect(personCount).toBeGreaterThanOrEqual(12);
    for (const p of partners) expect(p.email).toMatch(/\.example$/);
    for (const person of scenario.persons) {
      expect(person.geboortejaar).toBeGreaterThanOrEqual(2008);
      expect(person.geboortejaar).toBeLessThanOrEqual(2012);
    }
  });

  it('gives every partner the default steps and levels of its kind', () => {
    for (const p of partners) {
      const d = partnerDefaults(p.kind);
      expect([p.id, [...p.steps]]).toEqual([p.id, d.steps]);
      expect([p.id, [...p.levels]]).toEqual([p.id, d.levels]);
    }
  });

  it('walks every step of the werkproces, with two or three monitoring rounds, and closes', () => {
    const steps = scenario.steps.map((s) => s.step);
    for (const id of STEP_IDS) expect(steps).toContain(id);
    const sixes = steps.filter((s) => s === '6').length;
    expect(sixes).toBeGreaterThanOrEqual(2);
    expect(sixes).toBeLessThanOrEqual(3);
    expect(scenario.steps[0]?.startOn).toBe('2026-01-12');
    expect(final.status).toBe('gesloten');
    const sixRuns = contexts.filter((c) => c.run.step === '6');
    expect(sixRuns.at(-1)?.run.decision.outcome).toBe('afschalen');
    expect(sixRuns.some((c) => c.run.decision.outcome === 'bijstellen' && c.run.decision.plan)).toBe(true);
  });

  it('uses only gate outcomes of the step, with valid routes', () => {
    for (const { run } of contexts) {
      const outcome = STEPS[run.step].gate.outcomes.find((o) => o.key === run.decision.outcome);
      expect(outcome, `stap ${run.step}: ${run.decision.outcome}`).toBeDefined();
      for (const r of [run.decision.route, ...(run.decision.routes ?? [])])
        if (r) expect(routesFor(outcome!)).toContain(r);
    }
    expect(contexts.find((c) => c.run.step === '4')?.run.decision.decidedBy).toBe('lokale driehoek');
    expect(contexts.find((c) => c.run.step === '4')?.run.decision.directions).toBeTruthy();
  });

  it('plays in time order: every step starts on a working day after the previous decision', () => {
    let previous = '';
    for (const ctx of contexts) {
      expect(ctx.run.startOn > previous, `stap ${ctx.run.step} start ${ctx.run.startOn}`).toBe(true);
      expect(addWorkdays(ctx.run.startOn, 0, opts)).toBe(ctx.run.startOn);
      for (const [id, sub] of Object.entries(ctx.run.submissions)) {
        expect(sub.day, id).toBeLessThanOrEqual(ctx.run.decision.day);
        if (sub.edit) {
          expect(sub.edit.day, id).toBeGreaterThan(sub.day);
          expect(sub.edit.day, id).toBeLessThanOrEqual(ctx.run.decision.day);
        }
      }
      previous = ctx.decisionDate;
    }
  });
});

describe('demo scenario: plan van aanpak', () => {
  const plans = contexts.flatMap((c) => (c.run.decision.plan ? [c.run.decision.plan] : []));

  it('is complete, owned by known partners and refers to persons by placeholder', () => {
    expect(plans.length).toBeGreaterThanOrEqual(2);
    const ids = new Set(partners.map((p) => p.id));
    for (const [i, input] of plans.entries()) {
      const plan = withBaselines(input, i + 1);
      expect(planIsComplete(plan)).toBe(true);
      expect(plan.goals.length).toBeGreaterThanOrEqual(3);
      expect(plan.goals.length).toBeLessThanOrEqual(4);
      expect(plan.actions.length).toBeGreaterThanOrEqual(8);
      expect(plan.actions.length).toBeLessThanOrEqual(12);
      expect(new Set(plan.actions.map((a) => a.spoor))).toEqual(
        new Set(['groep', 'persoon', 'domein', 'online', 'netwerk']),
      );
      for (const a of plan.actions) {
        expect(ids.has(a.owner), `${a.id} eigenaar ${a.owner}`).toBe(true);
        if (a.subject !== undefined) {
          const n = Number(/^#(\d+)$/.exec(a.subject)?.[1]);
          expect(n >= 1 && n <= personCount, `${a.id} subject ${a.subject}`).toBe(true);
        }
      }
    }
  });

  it('keeps the goals when adjusting and adds or changes an action', () => {
    const [first, second] = plans;
    expect(second?.goals).toEqual(first?.goals);
    const before = new Map(first?.actions.map((a) => [a.id, JSON.stringify(a)]));
    const changed = second?.actions.filter((a) => before.get(a.id) !== JSON.stringify(a)) ?? [];
    expect(changed.some((a) => !before.has(a.id))).toBe(true);
    expect(changed.some((a) => before.has(a.id))).toBe(true);
  });
});

describe('demo scenario: answers fit the forms', () => {
  it('only answers questions the partner gets in that step', () => {
    const problems: string[] = [];
    for (const { ctx, partner, sub, label } of submissions()) {
      if (!partner.steps.includes(ctx.run.step))
        problems.push(`${label}: partner neemt niet deel aan deze stap`);
      const keys = formKeys(ctx, partner);
      for (const key of [...Object.keys(sub.answers), ...Object.keys(sub.edit?.answers ?? {})]) {
        if (!keys.has(key)) problems.push(`${label}: formulier heeft geen vraag "${key}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses exact choices, grid columns, scales and dates', () => {
    const problems: string[] = [];
    for (const { ctx, partner, sub, label } of submissions()) {
      const keys = formKeys(ctx, partner);
      for (const answers of [sub.answers, sub.edit?.answers ?? {}]) {
        for (const [key, value] of Object.entries(answers)) {
          const q = keys.get(key);
          const problem = q ? valueProblem(q, value) : null;
          if (problem) problems.push(`${label}, ${key}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every required question of every submitted form', () => {
    const missing: string[] = [];
    for (const { ctx, partner, sub, label } of submissions()) {
      const merged: Answers = { ...sub.answers, ...(sub.edit?.answers ?? {}) };
      for (const [key, q] of formKeys(ctx, partner)) {
        if (q.required && (merged[key] === undefined || merged[key]?.length === 0))
          missing.push(`${label}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has ghosts only on forms without required questions (an empty response must be accepted)', () => {
    const ghosts = contexts.flatMap((ctx) => ctx.run.ghosts.map((id) => ({ ctx, partner: partnerById(id) })));
    expect(ghosts.length).toBeGreaterThanOrEqual(1);
    for (const { ctx, partner } of ghosts) {
      expect(partner.steps).toContain(ctx.run.step);
      const required = [...formKeys(ctx, partner)].filter(([, q]) => q.required).map(([k]) => k);
      expect(required, `${partner.id} in stap ${ctx.run.step}`).toEqual([]);
    }
  });

  it('shows a large difference between two partners on a step 3 duiding row', () => {
    const run = contexts.find((c) => c.run.step === '3')?.run;
    let widest = 0;
    for (const q of CATALOG.filter((x) => x.step === '3' && x.duiding)) {
      (q.rows ?? []).forEach((_row, r) => {
        const scores = Object.values(run?.submissions ?? {})
          .map((s) => s.answers[q.id])
          .filter((v): v is string[] => Array.isArray(v))
          .map((v) => duidingScore(v[r] ?? ''))
          .filter((n): n is number => n !== null);
        if (scores.length > 1) widest = Math.max(widest, Math.max(...scores) - Math.min(...scores));
      });
    }
    expect(widest).toBeGreaterThanOrEqual(3);
  });
});

describe('demo scenario: what the demo shows', () => {
  it('has a duplicate submission and an edit through the edit link', () => {
    const subs = submissions();
    expect(subs.some((s) => s.sub.duplicate)).toBe(true);
    expect(subs.some((s) => s.sub.edit)).toBe(true);
  });

  it('has a late answer after the reminder and a silent partner that escalates', () => {
    const late = submissions().filter(
      ({ ctx, sub }) =>
        sub.day >= deadlineWorkdaysFor(settings, ctx.run.step) - settings.reminderWorkdaysBefore,
    );
    expect(late.length).toBeGreaterThanOrEqual(1);
    const silent = contexts.flatMap((ctx) =>
      partners
        .filter((p) => p.steps.includes(ctx.run.step) && formKeys(ctx, p).size > 0)
        .filter((p) => !ctx.run.submissions[p.id] && !ctx.run.ghosts.includes(p.id))
        .map((p) => ({ ctx, p })),
    );
    expect(silent.length).toBeGreaterThanOrEqual(1);
    // Escalation needs a dispatcher run after the deadline, before the decision closes the form.
    expect(silent.some(({ ctx }) => ctx.decisionDate > ctx.deadline)).toBe(true);
  });

  it('contains tricky text that must stay text', () => {
    const texts = allTexts();
    expect(texts).toContain('=HYPERLINK("https://voorbeeld.example","klik")');
    expect(texts.some((t) => t.includes('+31 6 12345678'))).toBe(true);
  });

  it('refers to persons only by valid #n placeholders', () => {
    for (const t of allTexts()) {
      for (const m of t.matchAll(PLACEHOLDER)) {
        const n = Number(m[1]);
        expect(n >= 1 && n <= personCount, `"${t}"`).toBe(true);
      }
    }
  });

  it('never names a person from the namenlijst', () => {
    const words = new Set<string>();
    for (const p of scenario.persons) {
      for (const w of p.naam.toLowerCase().split(/\s+/)) if (w.length >= 3) words.add(w);
    }
    const leaks: string[] = [];
    const texts = [...allTexts(), scenario.name, scenario.description];
    for (const t of texts) {
      const tokens = new Set(t.toLowerCase().split(/[^\p{L}]+/u));
      for (const w of words) if (tokens.has(w)) leaks.push(`"${w}" in "${t}"`);
      for (const p of scenario.persons) if (t.includes(p.naam)) leaks.push(`"${p.naam}" in "${t}"`);
    }
    expect(leaks).toEqual([]);
  });
});

// Make sure the step ids used above cover the steps the runner expects (typo guard).
it('uses step ids of the werkproces only', () => {
  for (const { run } of contexts) expect(STEP_IDS as readonly StepId[]).toContain(run.step);
});
