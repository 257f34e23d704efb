/**
 * Issue 10 point 6: a scenario that cannot happen is refused before anything runs, with a message
 * naming the field; nothing is dropped or re-timed silently.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoScenarioPath, parseScenario } from '../../src/local/demo/loadScenario';
import { runScenario } from '../../src/local/demo/runScenario';
import { checkScenario } from '../../src/local/demo/scenarioCheck';
import { startLocalAppsScript } from '../../src/local/harness';
import { shortScenario, shortScenarioInput } from '../workflow/helpers';

/** The short scenario's data with a change, as a fresh copy (JSON as a scenario file holds it). */
function changed(edit: (s: any) => void): unknown {
  const data = structuredClone(shortScenarioInput());
  edit(data);
  return data;
}

function errorsOf(data: unknown): string[] {
  const parsed = parseScenario(data);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.errors;
}

describe('een scenario dat niet kan, wordt vooraf geweigerd met het veld erbij', () => {
  it('de ingebouwde scenario’s en het korte testscenario kunnen wel', () => {
    expect(parseScenario(shortScenarioInput()).ok).toBe(true);
    const demo = parseScenario(JSON.parse(readFileSync(demoScenarioPath(), 'utf8')));
    expect(demo.ok ? [] : demo.errors).toEqual([]);
    const gates = parseScenario(
      JSON.parse(readFileSync(demoScenarioPath().replace('demo-scenario', 'gates-scenario'), 'utf8')),
    );
    expect(gates.ok ? [] : gates.errors).toEqual([]);
  });

  it('een antwoord na de besluitdag', () => {
    const errors = errorsOf(
      changed((s) => {
        s.steps[0]!.submissions.politie.day = 13;
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^steps\[0\]\.submissions\.politie\.day: werkdag 13 valt na het besluit op werkdag 12/,
      ),
    ]);
  });

  it('een bewerking na het besluit, vóór het antwoord, of terwijl bewerken uit staat', () => {
    expect(
      errorsOf(
        changed((s) => {
          s.steps[0]!.submissions.boa.edit.day = 14;
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^steps\[0\]\.submissions\.boa\.edit\.day: werkdag 14 valt na het besluit/),
    ]);
    expect(
      errorsOf(
        changed((s) => {
          s.steps[0]!.submissions.boa.edit.day = 1;
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^steps\[0\]\.submissions\.boa\.edit\.day: werkdag 1 valt vóór het antwoord/),
    ]);
    expect(
      errorsOf(
        changed((s) => {
          s.settings.allowResponseEdits = false;
        }),
      ),
    ).toEqual([expect.stringMatching(/^steps\[0\]\.submissions\.boa\.edit: antwoorden wijzigen staat uit/)]);
  });

  it('datums die niet op volgorde staan', () => {
    const errors = errorsOf(
      changed((s) => {
        s.steps[1]!.startOn = '2026-01-20';
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^steps\[1\]\.startOn: 2026-01-20 ligt niet na 2026-01-28 \(steps\[0\]\.decision\.day\)/,
      ),
    ]);
    // The same day as the decision is refused too: the run would move the start to after it.
    expect(
      errorsOf(
        changed((s) => {
          s.steps[1]!.startOn = '2026-01-28';
        }),
      ),
    ).toEqual([expect.stringMatching(/^steps\[1\]\.startOn: 2026-01-28 ligt niet na 2026-01-28/)]);
  });

  it('een datum die niet bestaat', () => {
    expect(
      errorsOf(
        changed((s) => {
          s.steps[1]!.startOn = '2026-02-30';
        }),
      ),
    ).toEqual(['steps[1].startOn: 2026-02-30 is geen bestaande datum']);
  });

  it('een lege inzending die na het besluit zou komen, en partners die er niet zijn of niet meedoen', () => {
    const errors = errorsOf(
      changed((s) => {
        s.steps[0]!.decision.day = 0;
        s.steps[0]!.submissions = { onbekend: { day: 0, answers: {} } };
        s.partners = s.partners.map((p: { id: string }) => (p.id === 'boa' ? { ...p, steps: ['1'] } : p));
        s.steps[1]!.ghosts = ['boa'];
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^steps\[0\]\.submissions\.onbekend: onbekende partner "onbekend"/),
      expect.stringMatching(
        /^steps\[0\]\.ghosts\[0\]: een lege inzending komt op werkdag 1, maar het besluit valt al op werkdag 0/,
      ),
      expect.stringMatching(/^steps\[1\]\.ghosts\[0\]: partner "boa" doet niet \(actief\) mee aan stap 2A/),
    ]);
  });

  it('een stap die de casus niet bereikt, een uitkomst die niet bestaat, heropenen van een open casus', () => {
    expect(
      errorsOf(
        changed((s) => {
          s.steps[1]!.step = '3';
        }),
      ),
    ).toEqual([expect.stringMatching(/^steps\[1\]\.step: de casus staat dan in stap 2A, niet in stap 3/)]);
    expect(
      errorsOf(
        changed((s) => {
          s.steps[0]!.decision.outcome = 'doorgaan';
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^steps\[0\]\.decision\.outcome: Uitkomst "doorgaan" bestaat niet bij stap 1/),
    ]);
    expect(
      errorsOf(
        changed((s) => {
          s.steps[0]!.heropenen = { day: 3, outcome: 'heropenen', motivation: 'Nieuwe meldingen' };
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^steps\[0\]\.heropenen: het besluit "verder_verkennen" sluit de casus niet/),
    ]);
  });

  it('heropenen op de dag van het besluit zelf', () => {
    const errors = errorsOf(
      changed((s) => {
        s.steps[1]!.heropenen = { day: 0, outcome: 'heropenen', motivation: 'Nieuwe meldingen' };
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^steps\[1\]\.heropenen\.day: heropenen kan op zijn vroegst/),
    ]);
  });

  it('runScenario controleert zelf ook, vóór er iets gebeurt, en weigert een start vóór de klok', () => {
    const bad = structuredClone(shortScenario());
    bad.steps[0]!.submissions.politie!.day = 30;
    expect(checkScenario(bad)).toHaveLength(1);
    const local = startLocalAppsScript({ now: Date.UTC(2026, 0, 5, 7, 0) });
    try {
      const before = local.rt.drive.size;
      expect(() => runScenario(local.rt, bad)).toThrow(/steps\[0\]\.submissions\.politie\.day/);
      expect(local.rt.drive.size, 'niets aangemaakt').toBe(before);
    } finally {
      local.dispose();
    }
    // A clock already past the first start would move the whole scenario later.
    const late = startLocalAppsScript({ now: Date.UTC(2026, 0, 20, 7, 0) });
    try {
      expect(() => runScenario(late.rt, shortScenario())).toThrow(
        /^Scenario klopt niet:\nsteps\[0\]\.startOn: 2026-01-12 ligt vóór/,
      );
    } finally {
      late.dispose();
    }
  });
});
