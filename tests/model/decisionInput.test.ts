import { describe, expect, it } from 'vitest';
import { applyDecision, newCase } from '../../src/model/caseMachine';
import { checkDecisionFields, decisionRules, parseDecisionInput } from '../../src/model/decisionInput';
import { caseAt, closedVia } from './helpers';

// tests/model/helpers dates each decision one day after the previous one, counting across the
// files a worker runs: "today" lies far enough ahead of any of them.
const opts = { today: '2099-12-31', openedOn: '2026-01-05' };
const base = { motivation: 'Besproken in het overleg.', decidedBy: 'partneroverleg', date: '2099-12-01' };

describe('het besluitformulier', () => {
  it('biedt precies de uitkomsten van de huidige poort, met hun routes, en in stap 4 de aanwijzingen', () => {
    const r5 = decisionRules(caseAt('5'), opts);
    expect(r5.outcomes.map((o) => o.key)).toEqual(['vastgesteld', 'terug_naar_4']);
    expect(r5.outcomes[0]!.usesPlan).toBe(true);
    expect(r5.hasDirections).toBe(false);
    expect(decisionRules(caseAt('4'), opts).hasDirections).toBe(true);
    const r2a = decisionRules(caseAt('2A'), opts);
    const niet = r2a.outcomes.find((o) => o.key === 'niet_problematisch')!;
    expect(niet.requiresRoute).toBe(true);
    expect(niet.routes.map((r) => r.key)).toEqual(['lichte_interventie', 'zorgmelding', 'pga_aanmelding']);
    expect(r2a.outcomes.find((o) => o.key === 'problematisch')!.routes).toEqual([]);
    expect(r2a.where).toBe('Stap 2A: Beoordelen groepsgedrag (2A: groepsniveau), ronde 1');
    expect(r2a.decidedByDefault).toBe('partneroverleg');
    const closed = decisionRules(closedVia('2A', 'geen_actie'), opts);
    expect(closed.outcomes.map((o) => o.key)).toEqual(['heropenen', 'heropenen_2a']);
    expect(closed.where).toContain('gesloten');
  });

  it('de vroegste datum is de opening of het vorige besluit', () => {
    expect(decisionRules(newCase('JGA-2026-001'), opts)).toMatchObject({
      minDate: '2026-01-05',
      minDateReason: 'de opening van de casus',
      expected: 0,
    });
    const s = caseAt('2A');
    expect(decisionRules(s, opts)).toMatchObject({
      minDate: s.decisions[0]!.date,
      minDateReason: 'het vorige besluit',
      expected: 1,
    });
  });

  it('legt meer vervolgroutes vast, zonder dubbele, en het besluit past in het werkproces', () => {
    const s = caseAt('2A');
    const res = parseDecisionInput(
      {
        ...base,
        outcome: 'niet_problematisch',
        routes: ['lichte_interventie', 'zorgmelding', 'zorgmelding'],
      },
      decisionRules(s, opts),
    );
    expect(res).toEqual({
      ok: true,
      value: {
        step: '2A',
        round: 1,
        outcome: 'niet_problematisch',
        routes: ['lichte_interventie', 'zorgmelding'],
        motivation: 'Besproken in het overleg.',
        decidedBy: 'partneroverleg',
        date: '2099-12-01',
      },
    });
    if (res.ok) expect(applyDecision(s, res.value).status).toBe('gesloten');
  });

  it('meldt per veld wat ontbreekt of niet klopt, alle tegelijk', () => {
    const rules = decisionRules(caseAt('2A'), opts);
    const res = parseDecisionInput(
      { outcome: 'niet_problematisch', motivation: ' ', decidedBy: '', date: '2100-01-01' },
      rules,
    );
    expect(res).toEqual({
      ok: false,
      errors: {
        routes: 'Kies minstens één vervolgroute: waar gaan de signalen heen?',
        motivation: 'Schrijf waarom dit besloten is (noem geen namen).',
        decidedBy: 'Vul in wie besloot, bijv. partneroverleg.',
        date: 'De datum ligt in de toekomst; vandaag is 31-12-2099.',
      },
    });
    const errs = (over: Record<string, unknown>) => {
      const r = parseDecisionInput(
        { ...base, outcome: 'niet_problematisch', routes: ['zorgmelding'], ...over },
        rules,
      );
      return r.ok ? {} : r.errors;
    };
    expect(errs({ outcome: '' })).toEqual({ outcome: 'Kies het besluit.' });
    expect(errs({ outcome: 'vastgesteld' })).toEqual({
      outcome: 'Dit besluit kan nu niet; kies een van de getoonde besluiten.',
    });
    expect(errs({ routes: ['monitoren'] })).toEqual({ routes: 'Deze route past niet bij dit besluit.' });
    expect(errs({ date: '2026-02-30' })).toEqual({
      date: 'Dit is geen bestaande datum; kies een datum als dd-mm-jjjj.',
    });
    expect(errs({ date: '2026-01-04' }).date).toMatch(
      /^De datum ligt vóór het vorige besluit \(\d\d-\d\d-2026\)\.$/,
    );
    expect(errs({ motivation: 'x'.repeat(4001) }).motivation).toContain('houd het bij 4000');
    expect(errs({ decidedBy: 'y'.repeat(101) }).decidedBy).toContain('hooguit 100');
    expect(errs({ routes: 5 })).toEqual({ routes: 'routes moeten een lijst zijn' });
    expect(errs({ motivation: 7 })).toEqual({ motivation: 'motivering moet tekst zijn' });
  });

  it('vraagt bij acuut de reden; routes van een besluit zonder routes vallen weg; dd-mm-jjjj mag', () => {
    const rules = decisionRules(newCase('JGA-2026-001'), opts);
    const acuut = parseDecisionInput({ ...base, outcome: 'acuut', acuteReason: '' }, rules);
    expect(acuut).toEqual({
      ok: false,
      errors: { acuteReason: 'Schrijf waarom de situatie acuut is (noem geen namen).' },
    });
    const ok = parseDecisionInput(
      {
        ...base,
        outcome: 'acuut',
        acuteReason: 'Geweld in het weekend.',
        routes: ['zorgmelding'],
        date: '20-5-2026',
      },
      rules,
    );
    expect(ok).toMatchObject({
      ok: true,
      value: { outcome: 'acuut', acuteReason: 'Geweld in het weekend.', date: '2026-05-20' },
    });
    expect(ok.ok && 'routes' in ok.value).toBe(false);
  });

  it('de aanwijzingen komen alleen mee waar de driehoek besluit', () => {
    const r4 = parseDecisionInput(
      { ...base, outcome: 'geprioriteerd', directions: 'Eerst de hotspot.' },
      decisionRules(caseAt('4'), opts),
    );
    expect(r4).toMatchObject({ ok: true, value: { directions: 'Eerst de hotspot.' } });
    const r3 = parseDecisionInput(
      { ...base, outcome: 'gereed', directions: 'Eerst de hotspot.' },
      decisionRules(caseAt('3'), opts),
    );
    expect(r3.ok && 'directions' in r3.value).toBe(false);
  });

  it('de veldcontrole is op zichzelf staand: haar bron draait los, zoals in de browser', () => {
    const alone = new Function(`return (${checkDecisionFields.toString()})`)() as typeof checkDecisionFields;
    const rules = decisionRules(caseAt('2A'), opts);
    for (const input of [
      {},
      { ...base, outcome: 'niet_problematisch' },
      { ...base, outcome: 'problematisch', date: '1-1-2020' },
    ])
      expect(alone(input, rules)).toEqual(checkDecisionFields(input, rules));
  });
});

describe('het besluitformulier: randen', () => {
  it('een vorig besluit op de openingsdag: de vroegste datum heet dan de opening van de casus', () => {
    const s = applyDecision(newCase('JGA-2026-001'), {
      step: '1',
      round: 1,
      outcome: 'verder_verkennen',
      motivation: 'm',
      decidedBy: 'overleg',
      date: '2026-01-05',
    });
    expect(decisionRules(s, opts)).toMatchObject({
      minDate: '2026-01-05',
      minDateReason: 'de opening van de casus',
    });
  });

  it('alleen acuut vraagt een reden; vaststellen en bijstellen gebruiken het plan, doorgaan niet', () => {
    const first = decisionRules(newCase('JGA-2026-001'), opts);
    expect(first.outcomes.map((o) => [o.key, o.requiresAcuteReason, o.requiresRoute])).toEqual([
      ['verder_verkennen', false, false],
      ['acuut', true, false],
      ['niet_verder', false, true],
    ]);
    expect(first.outcomes.every((o) => !o.usesPlan)).toBe(true);
    const six = decisionRules(caseAt('6'), opts);
    expect(Object.fromEntries(six.outcomes.map((o) => [o.key, o.usesPlan]))).toMatchObject({
      doorgaan: false,
      bijstellen: true,
    });
  });

  it('routes als losse tekst mogen; een lijst met iets anders dan tekst niet; geen formulier is een melding bij het besluit', () => {
    const rules = decisionRules(caseAt('2A'), opts);
    const single = parseDecisionInput(
      { ...base, outcome: 'niet_problematisch', routes: 'zorgmelding' },
      rules,
    );
    expect(single.ok && single.value.routes).toEqual(['zorgmelding']);
    const mixed = parseDecisionInput(
      { ...base, outcome: 'niet_problematisch', routes: ['zorgmelding', 3] },
      rules,
    );
    expect(mixed).toEqual({ ok: false, errors: { routes: 'routes moeten een lijst zijn' } });
    for (const raw of ['tekst', 5, [1, 2]])
      expect(parseDecisionInput(raw, rules), JSON.stringify(raw)).toEqual({
        ok: false,
        errors: { outcome: 'De invoer is geen formulier met velden.' },
      });
    expect(parseDecisionInput({ ...base, outcome: 7, motivation: 8 }, rules)).toEqual({
      ok: false,
      errors: { outcome: 'besluit moet tekst zijn', motivation: 'motivering moet tekst zijn' },
    });
  });
});
