/**
 * The catalog against the werkproces defaults of H1 (steps.ts, partners.ts): every kind a step
 * invites by default gets questions at the levels it may supply there.
 */
import { describe, expect, it } from 'vitest';
import { participatingKinds, questionsFor } from '../../src/model/catalog';
import { defaultLevelsFor } from '../../src/model/partners';
import { STEPS } from '../../src/model/steps';
import { STEP_IDS } from '../../src/model/types';

describe('catalog and default partner participation', () => {
  it('has questions for every kind a step invites by default', () => {
    for (const step of STEP_IDS) {
      const catalogKinds = participatingKinds(step);
      for (const kind of STEPS[step].partnerKinds) expect(catalogKinds, `${step} ${kind}`).toContain(kind);
    }
  });

  it('leaves every default participant questions after filtering on its levels', () => {
    for (const step of STEP_IDS) {
      for (const kind of STEPS[step].partnerKinds) {
        const levels = defaultLevelsFor(kind, step);
        const asked = questionsFor(step, kind).filter((q) => levels.includes(q.level));
        expect(asked.length, `${step} ${kind}`).toBeGreaterThan(0);
      }
    }
  });

  it('asks person-level questions only in steps that allow person data', () => {
    for (const step of STEP_IDS) {
      if (STEPS[step].personDataAllowed) continue;
      for (const kind of participatingKinds(step)) {
        expect(
          questionsFor(step, kind).filter((q) => q.level === 'persoon'),
          `${step} ${kind}`,
        ).toEqual([]);
      }
    }
  });
});
