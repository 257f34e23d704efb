/** The benchmark's generated cases: public format, the sizes of issue 7, answers for every item. */
import { describe, expect, it } from 'vitest';
import { BENCH_SIZES, generateScenario, SIZE_SPECS } from '../../src/local/bench/scenarios';
import { parseScenario } from '../../src/local/demo/loadScenario';

describe('benchmark scenarios', () => {
  it.each(BENCH_SIZES)('%s has the partners, persons and monitoring rounds of its size', (size) => {
    const { input, scenario } = generateScenario(size);
    // What is written to out/bench/<size>.json reads back as a valid scenario.
    const again = parseScenario(JSON.parse(JSON.stringify(input)));
    expect(again.ok).toBe(true);
    const spec = SIZE_SPECS[size];
    expect(scenario.partners).toHaveLength(spec.partners);
    expect(new Set(scenario.partners.map((p) => p.id)).size).toBe(spec.partners);
    expect(scenario.persons).toHaveLength(spec.persons);
    expect(scenario.steps.filter((s) => s.step === '6')).toHaveLength(spec.monitoringRounds);
    expect(scenario.steps.map((s) => s.step).filter((s) => s !== '6')).toEqual([
      '1',
      '2A',
      '2B',
      '3',
      '4',
      '5',
      '7',
    ]);
    // Names are fictional and never appear in an answer.
    const answers = JSON.stringify(scenario.steps.map((s) => s.submissions));
    for (const p of scenario.persons) expect(answers).not.toContain(p.naam);
  });

  it('L answers a question about every person of the namenlijst in step 2B', () => {
    const { scenario } = generateScenario('L');
    const twoB = scenario.steps.find((s) => s.step === '2B')!;
    const keys = Object.values(twoB.submissions).flatMap((s) => Object.keys(s.answers));
    const persons = new Set(keys.flatMap((k) => [...k.matchAll(/#(\d+)/g)].map((m) => Number(m[1]))));
    expect(persons.size).toBe(60);
    // One in four partners stays silent, so reminders and escalations are measured too.
    const taking = Object.keys(twoB.submissions).length;
    expect(taking).toBeGreaterThan(0);
  });
});
