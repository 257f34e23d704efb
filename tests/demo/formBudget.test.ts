/**
 * The length of every form the demo sends (issue 6, short forms): built the way startStep builds
 * them (partnerQuestions + buildFormSpec, with the scenario's partners, 13 codes and the plan in
 * force), counted as Google counts items (questions plus a page break per section).
 * Pure, so it is cheap: no emulator run.
 */
import { describe, expect, it } from 'vitest';
import { demoScenarioPath, loadScenario } from '../../src/local/demo/loadScenario';
import { applyDecision, newCase } from '../../src/model/caseMachine';
import { CATALOG } from '../../src/model/catalog';
import { partnerQuestions } from '../../src/model/partnerQuestions';
import { levelsFor, partnersForStep } from '../../src/model/partners';
import { PartnerListSchema, PlanSchema } from '../../src/model/schemas';
import type { Partner, Plan } from '../../src/model/types';
import {
  buildFormSpec,
  type FormSpec,
  formStepLabel,
  hasNestedBrackets,
  specItemCount,
} from '../../src/render/formSpec';

const loaded = loadScenario(demoScenarioPath());
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const scenario = loaded.scenario;
const partners: Partner[] = PartnerListSchema.parse(scenario.partners);
const codes = scenario.persons.map((_, i) => `P-${String.fromCharCode(65 + (i % 26))}${i}Q${i % 7}`);

/** Every form of the demo, labelled `step ronde partner`. */
function demoForms(): { label: string; spec: FormSpec }[] {
  const out: { label: string; spec: FormSpec }[] = [];
  let state = newCase('JGA-2026-001');
  let plan: Plan | null = null;
  for (const run of scenario.steps) {
    for (const partner of partnersForStep(partners, run.step)) {
      const questions = partnerQuestions(CATALOG, partner, run.step, state.personDataAllowed);
      if (questions.length === 0) continue;
      const spec = buildFormSpec(
        {
          caseCode: state.code,
          step: run.step,
          round: state.round,
          stepLabel: formStepLabel(run.step),
          partner,
          deadlineText: '1 maart 2026',
          persons: state.personDataAllowed ? codes : [],
          plan,
          levels: levelsFor(partner, run.step),
        },
        questions,
      );
      out.push({ label: `${run.step} ronde ${state.round} ${partner.id}`, spec });
    }
    const d = run.decision;
    // An empty nulmeting is filled from the duiding at the gate; its value does not change the form.
    const goals = d.plan?.goals.map((g) => ({ ...g, baseline: g.baseline ?? 0 }));
    if (d.plan) plan = PlanSchema.parse({ ...d.plan, goals, version: (plan?.version ?? 0) + 1 }) as Plan;
    state = applyDecision(
      state,
      {
        step: run.step,
        round: state.round,
        outcome: d.outcome,
        motivation: d.motivation,
        decidedBy: d.decidedBy,
        date: run.startOn,
      },
      { hasPlan: plan !== null },
    );
  }
  return out;
}

/** Every help text a respondent reads: item help, section headers and the form description's lines. */
function helpTexts(spec: FormSpec): string[] {
  return [
    ...spec.description.split('\n'),
    ...spec.sections.flatMap((s) => [...s.description.split('\n'), ...s.items.map((i) => i.help)]),
  ].filter((t) => t.trim() !== '');
}

const forms = demoForms();

describe('korte formulieren in de demo', () => {
  it('has no form with more than 30 items (the police 2B form had 138)', () => {
    // Every form the demo sends: 6 + 6 + 5 + 8 + 3 + 8 + 3 × 9 + 9 (tests/workflow/demoCase counts
    // the forms the emulated run really made).
    expect(forms).toHaveLength(72);
    const counts = forms.map((f) => [f.label, specItemCount(f.spec)] as const);
    const over = counts.filter(([, n]) => n > 30);
    expect(over).toEqual([]);
    const police = counts.find(([label]) => label.startsWith('2B ronde 1 politie'));
    expect(police?.[1]).toBeGreaterThan(0);
    expect(police?.[1]).toBeLessThanOrEqual(30);
  });

  it('says no help text twice in one form', () => {
    const repeats: string[] = [];
    for (const { label, spec } of forms) {
      const seen = new Set<string>();
      for (const t of helpTexts(spec)) {
        if (seen.has(t)) repeats.push(`${label}: ${t.slice(0, 60)}`);
        seen.add(t);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('asks each person question once, as a grid with a row per code or a text with a line per code', () => {
    const police = forms.find((f) => f.label.startsWith('2B ronde 1 politie'))?.spec;
    const items = police?.sections.flatMap((s) => s.items) ?? [];
    const personItems = items.filter((i) => i.subjects);
    expect(personItems.length).toBeGreaterThan(0);
    for (const it of personItems) {
      expect(it.subjects).toEqual(codes);
      if (it.type === 'grid' || it.type === 'checkbox_grid') expect(it.rows).toEqual(codes);
    }
    // No item title carries a code: the codes are rows or lines.
    for (const it of items) for (const c of codes) expect(it.title).not.toContain(c);
  });

  it('never nests brackets in form, section or item titles, and opens with the time it takes', () => {
    const nested: string[] = [];
    for (const { label, spec } of forms) {
      const titles = [spec.title, ...spec.sections.flatMap((s) => [s.title, ...s.items.map((i) => i.title)])];
      for (const t of titles) if (hasNestedBrackets(t)) nested.push(`${label}: ${t}`);
      expect(spec.description.split('\n')[0], label).toMatch(/^Invullen duurt ongeveer \d+ minu(ut|ten)\.$/);
    }
    expect(nested).toEqual([]);
  });
});
