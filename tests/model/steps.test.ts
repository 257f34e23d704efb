import { describe, expect, it } from 'vitest';
import { duidingScore } from '../../src/model/catalog/shared';
import {
  deadlineWorkdaysFor,
  gateFor,
  outcomeLabel,
  REOPEN_GATE,
  routesFor,
  STEPS,
  stepLabel,
  stepName,
  stepOrder,
} from '../../src/model/steps';
import { LIGHT_ROUTES, PARTNER_KINDS, STEP_IDS } from '../../src/model/types';

describe('het werkproces als gegevens', () => {
  it('stapnamen: 2023 is standaard, 2016 is te kiezen per gemeente', () => {
    expect(stepName('3')).toBe('Groepsduiding en concept plan van aanpak');
    expect(stepName('3', '2016')).toBe('Maken integraal beeld en concept plan van aanpak');
    expect(stepName('2A', '2016')).toBe('Informatie verzamelen en verbinden (2A: groepsniveau)');
    expect(stepName('2B', '2016')).toBe('Informatie verzamelen en verbinden (2B: namenlijst)');
    expect(stepLabel('4', '2016')).toBe('Stap 4: Adviseren en prioriteren');
    for (const step of STEP_IDS) {
      expect(stepName(step, '2023')).not.toBe('');
      expect(stepName(step, '2016')).not.toBe('');
    }
  });

  it('volgorde van de stappen', () => {
    expect(STEP_IDS.map(stepOrder)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('persoonsgegevens pas vanaf 2B, en dan ook het niveau persoon', () => {
    for (const step of STEP_IDS) {
      const late = stepOrder(step) >= stepOrder('2B');
      expect(STEPS[step].personDataAllowed).toBe(late);
      expect(STEPS[step].levels.includes('persoon')).toBe(late);
    }
  });

  it('elke stap heeft doel, trekker, producten, termijn en bekende partnersoorten', () => {
    for (const step of STEP_IDS) {
      const def = STEPS[step];
      expect(def.id).toBe(step);
      expect(def.doel.length).toBeGreaterThan(20);
      expect(def.lead).not.toBe('');
      expect(def.products.length).toBeGreaterThan(0);
      expect(def.deadlineWorkdays).toBeGreaterThan(0);
      for (const k of def.partnerKinds) expect(PARTNER_KINDS).toContain(k);
    }
    expect(STEPS['3'].partnerKinds).toContain('om');
    expect(STEPS['2A'].partnerKinds).not.toContain('om');
  });

  it('elke poort heeft unieke uitkomsten met geldige vervolgstap en Nederlandse tekst', () => {
    for (const gate of [...STEP_IDS.map((s) => gateFor(s)), REOPEN_GATE]) {
      const keys = gate.outcomes.map((o) => o.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(gate.decidedByDefault).not.toBe('');
      for (const o of gate.outcomes) {
        expect([...STEP_IDS, 'gesloten', 'zelfde']).toContain(o.next);
        expect(o.label).not.toBe('');
        expect(o.description).not.toBe('');
        // Closing needs a route, except when the case ends (afgerond) or stays with regular work.
        if (o.next === 'gesloten' && !['afgerond', 'geen_actie'].includes(o.key))
          expect(o.requiresRoute).toBe(true);
      }
    }
    expect(gateFor('gesloten')).toBe(REOPEN_GATE);
    expect(gateFor('4').decidedByDefault).toBe('lokale driehoek');
  });

  it('de poorten uit het werkproces', () => {
    const map = Object.fromEntries(
      STEP_IDS.map((s) => [s, gateFor(s).outcomes.map((o) => `${o.key}→${o.next}`)]),
    );
    expect(map).toEqual({
      '1': ['verder_verkennen→2A', 'acuut→2A', 'niet_verder→gesloten'],
      '2A': [
        'problematisch→2B',
        'niet_problematisch→gesloten',
        'geen_actie→gesloten',
        'meer_informatie→zelfde',
      ],
      '2B': ['bevestigd→3', 'niet_bevestigd→gesloten'],
      '3': ['gereed→4', 'meer_informatie→zelfde'],
      '4': ['geprioriteerd→5', 'niet_geprioriteerd→gesloten', 'aangehouden→zelfde', 'terug_naar_3→3'],
      '5': ['vastgesteld→6', 'terug_naar_4→4'],
      '6': ['doorgaan→zelfde', 'bijstellen→zelfde', 'nieuwe_duiding→3', 'afschalen→7'],
      '7': ['afgerond→gesloten', 'doorgaan→6'],
    });
    expect(REOPEN_GATE.outcomes.map((o) => `${o.key}→${o.next}`)).toEqual(['heropenen→1', 'heropenen_2a→2A']);
    expect(gateFor('5').outcomes[0]!.requiresPlan).toBe(true);
  });

  it('routes per uitkomst', () => {
    const o = (step: '1' | '2A' | '3' | '7', key: string) =>
      gateFor(step).outcomes.find((x) => x.key === key)!;
    expect(routesFor(o('2A', 'niet_problematisch'))).toEqual([
      'lichte_interventie',
      'zorgmelding',
      'pga_aanmelding',
    ]);
    expect(routesFor(o('1', 'niet_verder'))).toEqual(LIGHT_ROUTES);
    expect(routesFor(o('7', 'afgerond'))).toEqual(LIGHT_ROUTES);
    expect(routesFor(o('3', 'gereed'))).toEqual([]);
  });

  it('termijn per stap valt terug op de standaardtermijn', () => {
    const settings = { deadlineWorkdays: { default: 12, '2B': 20 } };
    expect(deadlineWorkdaysFor(settings, '2B')).toBe(20);
    expect(deadlineWorkdaysFor(settings, '3')).toBe(12);
  });
});

describe('namen van besluiten en duidingscores', () => {
  it('een onbekende uitkomst wordt leesbaar gemaakt: streepjes worden spaties, eerste letter groot', () => {
    expect(outcomeLabel('6', 'oud_besluit-van__toen')).toBe('Oud besluit van toen');
    expect(outcomeLabel('6', '_x_')).toBe('X');
    expect(outcomeLabel('4', 'terug_naar_3')).toBe(
      STEPS['4'].gate.outcomes.find((o) => o.key === 'terug_naar_3')!.label,
    );
  });

  it('de score staat vooraan in het kolomlabel; "? onbekend" en tekst ervoor geven geen score', () => {
    expect(duidingScore('  2 duidelijk')).toBe(2);
    expect(duidingScore('3')).toBe(3);
    expect(duidingScore('? onbekend')).toBeNull();
    expect(duidingScore('niet 2')).toBeNull();
    expect(duidingScore('x2 duidelijk')).toBeNull();
    expect(duidingScore('4 heel ernstig')).toBeNull();
    expect(duidingScore('23')).toBeNull();
  });
});
