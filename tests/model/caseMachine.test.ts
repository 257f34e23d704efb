import { describe, expect, it } from 'vitest';
import {
  allowedOutcomes,
  applyDecision,
  ModelError,
  mustDropPersonData,
  newCase,
  personDataActive,
} from '../../src/model/caseMachine';
import type { CaseState } from '../../src/model/types';
import { CODE, caseAt, closedVia, decide, decision } from './helpers';

function expectOpen(s: CaseState, step: string, round: number) {
  expect(s.status).toBe('open');
  expect(s.step).toBe(step);
  expect(s.round).toBe(round);
  expect(s.rounds[s.step]).toBe(round);
}

function modelError(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('er werd geen ModelError gegooid');
}

describe('nieuwe casus', () => {
  it('begint open in stap 1, ronde 1, zonder persoonsgegevens', () => {
    expect(newCase(CODE)).toEqual({
      code: CODE,
      status: 'open',
      step: '1',
      round: 1,
      rounds: { '1': 1 },
      personDataAllowed: false,
      decisions: [],
    });
  });
});

describe('stap 1 — signalen delen', () => {
  it('verder verkennen gaat naar 2A', () => {
    expectOpen(decide(newCase(CODE), 'verder_verkennen'), '2A', 1);
  });
  it('niet verder verkennen sluit de casus met een route', () => {
    const s = closedVia('1', 'niet_verder', 'reguliere_inzet');
    expect(s.status).toBe('gesloten');
    expect(s.closedRoutes).toEqual(['reguliere_inzet']);
    expect(s.step).toBe('1');
  });
  it('niet verder verkennen zonder route wordt geweigerd', () => {
    const e = modelError(() => decide(newCase(CODE), 'niet_verder'));
    expect(e.code).toBe('route_verplicht');
    expect(e.message).toContain(
      'Bij "Niet verder verkennen" (stap 1, ronde 1) hoort minstens één route. Kies uit: lichte_interventie',
    );
  });
});

describe('stap 2A — beoordelen op groepsniveau', () => {
  it('problematisch gaat naar 2B en staat persoonsgegevens toe', () => {
    const before = caseAt('2A');
    expect(before.personDataAllowed).toBe(false);
    const s = decide(before, 'problematisch');
    expectOpen(s, '2B', 1);
    expect(s.personDataAllowed).toBe(true);
    expect(personDataActive(s)).toBe(true);
  });
  it('2A niet problematisch sluit de casus zonder persoonsgegevens', () => {
    const s = closedVia('2A', 'niet_problematisch', 'zorgmelding');
    expect(s.status).toBe('gesloten');
    expect(s.closedRoutes).toEqual(['zorgmelding']);
    expect(s.personDataAllowed).toBe(false);
    expect(s.rounds['2B']).toBeUndefined();
  });
  it('2A niet problematisch accepteert alleen lichte interventie, zorgmelding of PGA-aanmelding', () => {
    for (const route of ['lichte_interventie', 'zorgmelding', 'pga_aanmelding'] as const) {
      expect(closedVia('2A', 'niet_problematisch', route).closedRoutes).toEqual([route]);
    }
    const e = modelError(() => decide(caseAt('2A'), 'niet_problematisch', { routes: ['monitoren'] }));
    expect(e.code).toBe('route_niet_toegestaan');
    expect(e.message).toBe(
      'Route "monitoren" past niet bij "Niet problematisch" (stap 2A, ronde 1). Kies uit: lichte_interventie, zorgmelding, pga_aanmelding.',
    );
  });
  it('meer informatie nodig start een nieuwe ronde van 2A', () => {
    const s = decide(decide(caseAt('2A'), 'meer_informatie'), 'meer_informatie');
    expectOpen(s, '2A', 3);
    expect(s.personDataAllowed).toBe(false);
  });
});

describe('stap 2B — namenlijst en groepsscan', () => {
  it('bevestigd gaat naar stap 3', () => {
    expectOpen(decide(caseAt('2B'), 'bevestigd'), '3', 1);
  });
  it('niet bevestigd sluit de casus met een route', () => {
    const s = closedVia('2B', 'niet_bevestigd', 'monitoren');
    expect(s.status).toBe('gesloten');
    expect(s.closedRoutes).toEqual(['monitoren']);
  });
  it('niet bevestigd zonder route wordt geweigerd', () => {
    expect(modelError(() => decide(caseAt('2B'), 'niet_bevestigd')).code).toBe('route_verplicht');
  });
});

describe('stap 3 — groepsduiding en concept plan van aanpak', () => {
  it('duiding en concept PvA gereed gaat naar stap 4', () => {
    expectOpen(decide(caseAt('3'), 'gereed'), '4', 1);
  });
  it('meer informatie start een nieuwe ronde van stap 3', () => {
    expectOpen(decide(caseAt('3'), 'meer_informatie'), '3', 2);
  });
});

describe('stap 4 — lokale driehoek', () => {
  it('geprioriteerd gaat naar stap 5', () => {
    expectOpen(
      decide(caseAt('4'), 'geprioriteerd', {
        decidedBy: 'lokale driehoek',
        directions: 'Eerst groepsgesprek.',
      }),
      '5',
      1,
    );
  });
  it('niet geprioriteerd sluit de casus met een route', () => {
    expect(closedVia('4', 'niet_geprioriteerd', 'reguliere_inzet').closedRoutes).toEqual(['reguliere_inzet']);
  });
  it('aangehouden start een nieuwe ronde van stap 4', () => {
    expectOpen(decide(caseAt('4'), 'aangehouden'), '4', 2);
  });
});

describe('stap 5 — integraal plan van aanpak', () => {
  it('vastgesteld gaat naar stap 6', () => {
    expectOpen(decide(caseAt('5'), 'vastgesteld'), '6', 1);
  });
  it('vaststellen zonder plan van aanpak wordt geweigerd als bekend is dat er geen plan is', () => {
    const s = caseAt('5');
    const e = modelError(() => applyDecision(s, decision(s, 'vastgesteld'), { hasPlan: false }));
    expect(e.code).toBe('plan_verplicht');
    expect(e.message).toContain('plan van aanpak');
    expectOpen(applyDecision(s, decision(s, 'vastgesteld'), { hasPlan: true }), '6', 1);
  });
});

describe('stap 6 — uitvoeren en monitoren', () => {
  it('doorgaan start een nieuwe monitoringronde', () => {
    expectOpen(decide(caseAt('6'), 'doorgaan'), '6', 2);
  });
  it('bijstellen start een nieuwe ronde en mag het plan wijzigen', () => {
    const s = caseAt('6');
    expect(allowedOutcomes(s).find((o) => o.key === 'bijstellen')?.allowsPlanChange).toBe(true);
    expectOpen(decide(s, 'bijstellen'), '6', 2);
  });
  it('nieuwe duiding gaat terug naar stap 3 in een nieuwe ronde', () => {
    const s = decide(caseAt('6'), 'nieuwe_duiding');
    expectOpen(s, '3', 2);
    expect(s.personDataAllowed).toBe(true);
  });
  it('afschalen gaat naar stap 7', () => {
    expectOpen(decide(caseAt('6'), 'afschalen'), '7', 1);
  });
});

describe('stap 7 — afronden en evalueren', () => {
  it('afgerond sluit de casus; een route (overdracht) mag', () => {
    const without = closedVia('7', 'afgerond');
    expect(without.status).toBe('gesloten');
    expect(without.closedRoutes).toBeUndefined();
    expect(closedVia('7', 'afgerond', 'pga_aanmelding').closedRoutes).toEqual(['pga_aanmelding']);
  });
  it('doorgaan gaat terug naar stap 6 in een nieuwe ronde', () => {
    expectOpen(decide(caseAt('7'), 'doorgaan'), '6', 2);
  });
});

describe('ongeldige besluiten', () => {
  it('een onbekende uitkomst noemt de mogelijke uitkomsten met hun Nederlandse naam', () => {
    const e = modelError(() => decide(caseAt('2A'), 'geprioriteerd'));
    expect(e.code).toBe('onbekende_uitkomst');
    expect(e.message).toBe(
      'Uitkomst "geprioriteerd" bestaat niet bij stap 2A. Mogelijke uitkomsten: problematisch (Problematisch groepsgedrag), niet_problematisch (Niet problematisch), geen_actie (Geen actie, reguliere inzet), meer_informatie (Meer informatie nodig).',
    );
  });
  it('een besluit voor een andere stap wordt geweigerd', () => {
    const s = caseAt('3');
    const e = modelError(() => applyDecision(s, { ...decision(s, 'gereed'), step: '4' }));
    expect(e.code).toBe('verkeerde_stap');
    expect(e.message).toBe(`Het besluit is voor stap 4, maar casus ${CODE} staat in stap 3.`);
  });
  it('een besluit voor een andere ronde wordt geweigerd', () => {
    const s = decide(caseAt('3'), 'meer_informatie');
    const e = modelError(() => applyDecision(s, { ...decision(s, 'gereed'), round: 1 }));
    expect(e.code).toBe('verkeerde_ronde');
    expect(e.message).toBe('Het besluit is voor ronde 1 van stap 3, maar de lopende ronde is 2.');
  });
  it('motivering, besluitnemer en datum zijn verplicht', () => {
    const s = caseAt('2A');
    expect(modelError(() => decide(s, 'problematisch', { motivation: '  ' })).message).toBe(
      'De motivering van het besluit ontbreekt (stap 2A, ronde 1).',
    );
    expect(modelError(() => decide(s, 'problematisch', { decidedBy: '' })).message).toBe(
      'Wie het besluit nam ontbreekt (stap 2A, ronde 1).',
    );
    expect(modelError(() => decide(s, 'problematisch', { date: '' })).code).toBe('ontbrekend_veld');
  });
  it('een ongeldige datum wordt geweigerd', () => {
    const e = modelError(() => decide(caseAt('2A'), 'problematisch', { date: '2026-02-30' }));
    expect(e.code).toBe('ongeldige_datum');
    expect(e.message).toContain('"2026-02-30" is geen geldige datum');
  });
  it('een datum vóór het vorige besluit wordt geweigerd; dezelfde dag mag', () => {
    const s = caseAt('2A');
    const prev = s.decisions.at(-1)!.date;
    const e = modelError(() => decide(s, 'problematisch', { date: '2025-12-31' }));
    expect(e.code).toBe('datum_volgorde');
    expect(e.message).toBe(
      `De datum 2025-12-31 ligt vóór het vorige besluit (${prev}); besluiten volgen elkaar in de tijd op.`,
    );
    expect(decide(s, 'problematisch', { date: prev }).step).toBe('2B');
  });
  it('een route waar geen route hoort wordt geweigerd', () => {
    const e = modelError(() => decide(caseAt('2A'), 'problematisch', { routes: ['zorgmelding'] }));
    expect(e.code).toBe('route_niet_toegestaan');
    expect(e.message).toBe(
      'Bij "Problematisch groepsgedrag" (stap 2A, ronde 1) hoort geen route; laat de route leeg.',
    );
  });
  it('een onbekende route wordt geweigerd', () => {
    const e = modelError(() => decide(newCase(CODE), 'niet_verder', { routes: ['niets' as never] }));
    expect(e.message).toContain('Onbekende route "niets"');
  });
  it('op een gesloten casus kan alleen heropenen', () => {
    const s = closedVia('4', 'niet_geprioriteerd', 'monitoren');
    const e = modelError(() => decide(s, 'geprioriteerd'));
    expect(e.code).toBe('gesloten');
    expect(e.message).toBe(
      `Casus ${CODE} is gesloten; alleen heropenen is mogelijk. Kies uit: heropenen (Heropenen bij nieuwe signalen (stap 1)), heropenen_2a (Heropenen bij nieuwe signalen (stap 2A)).`,
    );
    expect(allowedOutcomes(s).map((o) => o.key)).toEqual(['heropenen', 'heropenen_2a']);
  });
  it('heropenen op een open casus is geen geldige uitkomst', () => {
    expect(modelError(() => decide(caseAt('3'), 'heropenen')).code).toBe('onbekende_uitkomst');
  });
  it('een geweigerd besluit verandert de casus niet', () => {
    const s = caseAt('2A');
    const copy = structuredClone(s);
    expect(() => decide(s, 'niet_problematisch')).toThrow(ModelError);
    expect(s).toEqual(copy);
  });
});

describe('heropenen', () => {
  it('een gesloten casus gaat bij nieuwe signalen terug naar stap 1 in een nieuwe ronde', () => {
    const closed = closedVia('1', 'niet_verder', 'reguliere_inzet');
    const s = decide(closed, 'heropenen', { motivation: 'Nieuwe signalen van de wijkagent.' });
    expectOpen(s, '1', 2);
    expect(s.closedRoutes).toBeUndefined();
  });
  it('heropenen naar 2A start een nieuwe ronde van 2A', () => {
    const closed = closedVia('2A', 'niet_problematisch', 'lichte_interventie');
    expectOpen(decide(closed, 'heropenen_2a'), '2A', 2);
  });
  it('na heropenen zijn persoonsgegevens pas weer toegestaan na een nieuw 2A problematisch', () => {
    const closed = closedVia('4', 'niet_geprioriteerd', 'monitoren');
    expect(closed.personDataAllowed).toBe(true);
    expect(personDataActive(closed)).toBe(false);
    let s = decide(closed, 'heropenen');
    expect(s.personDataAllowed).toBe(false);
    s = decide(s, 'verder_verkennen');
    expectOpen(s, '2A', 2);
    expect(s.personDataAllowed).toBe(false);
    s = decide(s, 'problematisch');
    expectOpen(s, '2B', 2);
    expect(s.personDataAllowed).toBe(true);
  });
  it('heropenen vraagt ook een motivering', () => {
    const closed = closedVia('1', 'niet_verder', 'reguliere_inzet');
    expect(modelError(() => decide(closed, 'heropenen', { motivation: '' })).code).toBe('ontbrekend_veld');
  });
});

describe('mustDropPersonData', () => {
  const base = { code: 'JGA-2026-001', round: 1, rounds: {}, personDataAllowed: true } as const;
  const decided = (step: '1' | '2A' | '2B' | '3' | '7') => [
    { step, round: 1, outcome: 'x', motivation: 'm', decidedBy: 'd', date: '2026-01-05' },
  ];
  it('is true only for a case closed at 1, 2A or 2B', () => {
    for (const step of ['1', '2A', '2B'] as const)
      expect(mustDropPersonData({ ...base, status: 'gesloten', step, decisions: decided(step) })).toBe(true);
    for (const step of ['3', '7'] as const)
      expect(mustDropPersonData({ ...base, status: 'gesloten', step, decisions: decided(step) })).toBe(false);
    expect(mustDropPersonData({ ...base, status: 'open', step: '2B', decisions: decided('2A') })).toBe(false);
  });
});
