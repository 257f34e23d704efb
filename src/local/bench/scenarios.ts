/**
 * The benchmark's cases S, M and L, generated as scenario files in the public format
 * (src/local/demo/scenarioSchema.ts). They are the demo scenario scaled up: its settings, its
 * partners cloned (a partner of the same kind gets the same questions), its gate decisions and
 * plan, and answers filled in for every item of every form, built from the same form
 * specification the product builds (so a change in the catalogue changes the answers with it).
 *
 * Every step runs a few working days: most partners answer on the first day, some on the
 * second (after the reminder), one in four never does (the escalation after the deadline).
 */
import { readFileSync } from 'node:fs';
import { CATALOG } from '../../model/catalog';
import { partnerQuestions } from '../../model/partnerQuestions';
import { levelsFor, partnersForStep } from '../../model/partners';
import type { Partner, Plan, StepId } from '../../model/types';
import { addWorkdays } from '../../model/workdays';
import { buildFormSpec, type FormItemSpec } from '../../render/formSpec';
import { demoScenarioPath } from '../demo/loadScenario';
import type { Scenario } from '../demo/scenarioSchema';
import { ScenarioSchema } from '../demo/scenarioSchema';

export type BenchSize = 'S' | 'M' | 'L';
export const BENCH_SIZES: readonly BenchSize[] = ['S', 'M', 'L'];

export interface SizeSpec {
  partners: number;
  persons: number;
  /** Monitoring rounds (step 6). */
  monitoringRounds: number;
}

export const SIZE_SPECS: Readonly<Record<BenchSize, SizeSpec>> = {
  S: { partners: 5, persons: 6, monitoringRounds: 1 },
  M: { partners: 12, persons: 25, monitoringRounds: 2 },
  L: { partners: 25, persons: 60, monitoringRounds: 4 },
};

/** Working days a partner gets per step, and the day of the gate decision (after the deadline). */
export const BENCH_DEADLINE_WORKDAYS = 2;
export const BENCH_DECISION_DAY = 3;

/** The scenario input as a JSON file holds it (before defaults are applied). */
type ScenarioInput = Record<string, unknown> & {
  steps: Record<string, unknown>[];
  partners: Partner[];
};

type DecisionInput = Record<string, unknown> & { outcome: string; plan?: PlanInput };
type PlanInput = { goals: Record<string, unknown>[]; actions: Record<string, unknown>[] };

function demo(): ScenarioInput {
  return JSON.parse(readFileSync(demoScenarioPath(), 'utf8')) as ScenarioInput;
}

/** Partner `i` (0-based): the demo's partners in turn, numbered from the second round on. */
function clonePartner(base: Partner, i: number, count: number): Partner {
  const n = Math.floor(i / count) + 1;
  if (n === 1) return { ...base };
  const [local, domain] = base.email.split('@');
  return {
    ...base,
    id: `${base.id}-${n}`,
    organisation: `${base.organisation} (${n})`,
    email: `${local}+${n}@${domain}`,
  };
}

/** The demo's plan with one action per partner that takes part in monitoring (round-robin). */
function scalePlan(plan: PlanInput, partners: Partner[], extra: number): PlanInput {
  const owners = partners.filter((p) => p.steps.includes('6'));
  const count = Math.max(plan.actions.length, owners.length) + extra;
  const goals = plan.goals;
  const actions = Array.from({ length: count }, (_, j) => {
    const base = plan.actions[j % plan.actions.length]!;
    const owner = owners[j % owners.length]!;
    const action: Record<string, unknown> = {
      ...base,
      id: `A${j + 1}`,
      owner: owner.id,
      goalId: String(goals[j % goals.length]!.id),
    };
    // A person action names a code; keep it to the first persons.
    if (typeof action.subject === 'string') action.subject = `#${(j % 3) + 1}`;
    return action;
  });
  return { ...plan, goals, actions };
}

function toPlan(plan: PlanInput, version: number): Plan {
  return { version, ...(plan as unknown as Omit<Plan, 'version'>) };
}

/** A value every item type accepts, varied by `n` so answers are not all the same. */
function answerFor(item: FormItemSpec, n: number): string | string[] | null {
  const choices = item.choices ?? [];
  switch (item.type) {
    case 'text':
      return `Antwoord ${n} op ${item.questionId}`;
    case 'paragraph':
      return `Toelichting ${n}: wat deze partner over ${item.questionId} weet, in eigen woorden en zonder namen.`;
    case 'choice':
      return choices.length ? choices[n % choices.length]! : null;
    case 'checkboxes':
      return choices.length ? [choices[n % choices.length]!] : null;
    case 'scale':
      return item.scale ? String(item.scale.min + (n % (item.scale.max - item.scale.min + 1))) : null;
    case 'date':
      return '2026-01-05';
    case 'grid':
      return choices.length ? (item.rows ?? []).map((_, r) => choices[(n + r) % choices.length]!) : null;
    default:
      return null;
  }
}

interface StepPlanEntry {
  step: StepId;
  decision: DecisionInput;
  /** Step 4: the Advies tab as the coordinator fills it in (capacity asked of up to ten partners). */
  advice?: Record<string, unknown>;
}

/** The steps of the case: the demo's gates, with `rounds` monitoring rounds at step 6. */
function stepSequence(d: ScenarioInput, rounds: number, partners: Partner[]): StepPlanEntry[] {
  const byStep = (s: string) => d.steps.filter((x) => x.step === s);
  const decisionOf = (x: Record<string, unknown>) => ({ ...(x.decision as DecisionInput) });
  const out: StepPlanEntry[] = [];
  for (const s of ['1', '2A', '2B', '3', '4', '5'] as const) {
    const run = byStep(s)[0];
    if (!run) throw new Error(`Het demoscenario mist stap ${s}.`);
    const decision = decisionOf(run);
    if (decision.plan) decision.plan = scalePlan(decision.plan, partners, 0);
    const advice = run.advice as Record<string, unknown> | undefined;
    out.push({
      step: s,
      decision,
      ...(advice
        ? {
            advice: {
              ...advice,
              // Capacity of at most ten partners: the advice must fit three A4 pages (render/advice
              // ADVICE_MAX_PAGES), so a coordinator with 25 partners asks it of those with a part.
              capaciteit: Object.fromEntries(
                partners
                  .slice(0, 10)
                  .map((p, i) => [p.id, `Inzet van ${p.id} in de aanpak (${2 + (i % 5)} uur per week).`]),
              ),
            },
          }
        : {}),
    });
  }
  const monitoring = byStep('6').map(decisionOf);
  const last = monitoring.find((x) => x.outcome === 'afschalen') ?? monitoring[monitoring.length - 1];
  const keepGoing = monitoring.find((x) => x.outcome === 'doorgaan');
  const revise = monitoring.find((x) => x.plan);
  if (!last || !keepGoing) throw new Error('Het demoscenario mist de monitoringbesluiten van stap 6.');
  for (let r = 1; r <= rounds; r++) {
    if (r === rounds) out.push({ step: '6', decision: { ...last } });
    else if (r === 2 && revise?.plan) {
      out.push({ step: '6', decision: { ...revise, plan: scalePlan(revise.plan, partners, 1) } });
    } else out.push({ step: '6', decision: { ...keepGoing } });
  }
  const seven = byStep('7')[0];
  if (!seven) throw new Error('Het demoscenario mist stap 7.');
  out.push({ step: '7', decision: decisionOf(seven) });
  return out;
}

export interface GenerateOptions {
  /**
   * A shorter schedule for the tests: every partner that answers does so on day 1 and the gate
   * follows on day 1 (two dispatcher days per step instead of four). The first run of day 1 then
   * reads every answer at once, so the heaviest dispatcher run is at least as heavy.
   */
  lean?: boolean;
}

/** Generates the scenario of one size (validated against the public schema). */
export function generateScenario(
  size: BenchSize,
  opts: GenerateOptions = {},
): { input: unknown; scenario: Scenario } {
  const spec = SIZE_SPECS[size];
  const d = demo();
  const partners = Array.from({ length: spec.partners }, (_, i) =>
    clonePartner(d.partners[i % d.partners.length]!, i, d.partners.length),
  );
  const persons = Array.from({ length: spec.persons }, (_, i) => ({
    naam: `Fictief Groepslid ${i + 1}`,
    geboortejaar: 2006 + (i % 6),
  }));
  const codes = persons.map((_, i) => `#${i + 1}`);
  const settings = {
    ...(d.settings as Record<string, unknown>),
    deadlineWorkdays: { default: BENCH_DEADLINE_WORKDAYS },
    reminderWorkdaysBefore: 1,
  };
  const workdays = { bevrijdingsdagEveryYear: false };
  const sequence = stepSequence(d, spec.monitoringRounds, partners);
  let start = '2026-01-12';
  let plan: Plan | null = null;
  let version = 0;
  let personData = false;
  const steps = sequence.map((entry, stepIndex) => {
    const submissions: Record<string, unknown> = {};
    const taking = partnersForStep(partners, entry.step).filter(
      (p) => partnerQuestions(CATALOG, p, entry.step, personData).length > 0,
    );
    taking.forEach((partner, i) => {
      // One in four stays silent, one in four answers on day 2, the rest on day 1.
      if (i % 4 === 3) return;
      const questions = partnerQuestions(CATALOG, partner, entry.step, personData);
      const form = buildFormSpec(
        {
          caseCode: 'JGA-2026-001',
          step: entry.step,
          round: 1,
          stepLabel: entry.step,
          partner,
          deadlineText: '',
          persons: personData ? codes : [],
          plan,
          levels: levelsFor(partner, entry.step).filter((l) => personData || l !== 'persoon'),
        },
        questions,
      );
      const answers: Record<string, string | string[]> = {};
      let n = i + stepIndex;
      for (const item of form.sections.flatMap((s) => s.items)) {
        const value = answerFor(item, n++);
        if (value !== null) answers[item.key] = value;
      }
      submissions[partner.id] = { day: i % 4 === 2 && !opts.lean ? 2 : 1, answers };
    });
    const run = {
      step: entry.step,
      startOn: start,
      submissions,
      ...(entry.advice ? { advice: entry.advice } : {}),
      decision: { ...entry.decision, day: opts.lean ? 1 : BENCH_DECISION_DAY },
    };
    if (entry.decision.plan) {
      version++;
      plan = toPlan(entry.decision.plan, version);
    }
    if (entry.step === '2A') personData = true;
    // The next step starts two weeks later, on a Monday.
    start = addWorkdays(start, 10, workdays);
    return run;
  });
  const input = {
    ...d,
    name: `Benchmark ${size}: ${spec.partners} partners, ${spec.persons} personen, ${spec.monitoringRounds} monitoringronde(n)`,
    description: `Gegenereerd door npm run bench (grootte ${size}) uit het demoscenario.`,
    settings,
    partners,
    persons,
    steps,
  };
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Benchmarkscenario ${size} klopt niet: ${parsed.error.message}`);
  return { input, scenario: parsed.data };
}
