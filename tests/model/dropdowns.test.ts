import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS, partnerListRules, placeRules, planListRules } from '../../src/model/dropdowns';
import { defaultStepsFor } from '../../src/model/partners';
import { PLAN_HEADERS } from '../../src/model/planSheet';
import { cellBoolean, cellKind, cellLowerList, cellSteps, PARTNER_COLUMNS } from '../../src/model/schemas';
import { LEVELS, PARTNER_KINDS, SPOREN, STEP_IDS } from '../../src/model/types';

const rule = (header: string) => partnerListRules().find((r) => r.header === header)!;

describe('keuzelijsten in Partners', () => {
  it('Soort: precies de soorten, andere tekst geweigerd, met uitleg per soort', () => {
    const kind = rule('Soort');
    expect(kind.values).toEqual([...PARTNER_KINDS]);
    expect(kind.strict).toBe(true);
    expect(kind.help).toContain('lokaal_team (Lokaal team / wijkteam)');
    for (const v of kind.values) expect(cellKind(v)).toBe(v);
  });

  it('Stappen: alle, de vaste reeks van elke soort en elke losse stap; een eigen reeks mag met markering', () => {
    const steps = rule('Stappen');
    expect(steps.strict).toBe(false);
    expect(steps.values).toContain('alle');
    for (const s of STEP_IDS) expect(steps.values).toContain(s);
    for (const k of PARTNER_KINDS) {
      const set = defaultStepsFor(k);
      if (set.length) expect(steps.values).toContain(set.join(', '));
    }
    expect(new Set(steps.values).size).toBe(steps.values.length);
    // Every item is something the reader accepts as steps.
    for (const v of steps.values) {
      const parsed = cellSteps(v)!;
      expect(parsed.length, v).toBeGreaterThan(0);
      expect(
        parsed.every((s) => (STEP_IDS as readonly string[]).includes(s)),
        v,
      ).toBe(true);
    }
    expect(steps.help).toMatch(/komma/);
  });

  it('Niveaus en Actief: wat de lezer aanneemt', () => {
    const levels = rule('Niveaus');
    expect(levels.strict).toBe(false);
    for (const l of LEVELS) expect(levels.values).toContain(l);
    for (const v of levels.values)
      expect(
        cellLowerList(v)!.every((l) => (LEVELS as readonly string[]).includes(l)),
        v,
      ).toBe(true);
    const active = rule('Actief');
    expect(active).toMatchObject({ values: ['ja', 'nee'], strict: true });
    expect(active.values.map(cellBoolean)).toEqual([true, false]);
  });

  it('elke regel hoort bij een kolom van de tab Partners en blijft onder de 500 keuzes', () => {
    const headers = PARTNER_COLUMNS.map((c) => c.header);
    const placed = placeRules(headers, partnerListRules());
    expect(placed.map((p) => headers[p.column])).toEqual(['Soort', 'Stappen', 'Niveaus', 'Actief']);
    for (const r of partnerListRules()) expect(r.values.length).toBeLessThanOrEqual(MAX_LIST_ITEMS);
  });
});

describe('keuzelijsten in het plan van aanpak', () => {
  it('Spoor uit de sporen en Eigenaar uit de partnersleutels, beide streng', () => {
    const rules = planListRules(['politie', 'boa', 'politie']);
    const placed = placeRules(PLAN_HEADERS, rules);
    expect(placed.map((p) => [PLAN_HEADERS[p.column], p.rule.values, p.rule.strict])).toEqual([
      ['Spoor', [...SPOREN], true],
      ['Eigenaar', ['politie', 'boa'], true],
    ]);
  });

  it('zonder partners geen lege eigenaarslijst', () => {
    expect(planListRules([]).map((r) => r.header)).toEqual(['Spoor']);
  });

  it('placeRules vindt kolommen op kop, ongeacht hoofdletters, en laat ontbrekende weg', () => {
    expect(placeRules(['x', ' SPOOR '], planListRules(['a'])).map((p) => p.column)).toEqual([1]);
  });
});

describe('keuzelijsten: uitleg en grenzen', () => {
  it('elke keuzelijst legt in een Nederlandse zin uit wat er in de cel hoort', () => {
    const rules = [...partnerListRules(), ...planListRules(['politie'])];
    for (const r of rules) expect(r.help.length, r.header).toBeGreaterThan(40);
    expect(rule('Actief').help).toMatch(/^ja of nee; inactieve partners/);
    expect(rule('Niveaus').help).toMatch(/groep, persoon, domein en online/);
    const [spoor, owner] = planListRules(['politie']);
    expect(spoor!.help).toBe(
      `Spoor van een actie: ${SPOREN.join(', ')}. Leeg bij doelen en afschaalcriteria.`,
    );
    expect(owner!.help).toMatch(/sleutel van een partner/);
  });

  it('meer dan 500 partnersleutels: de eigenaarslijst houdt de eerste 500 (de grens van Sheets)', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `partner-${i}`);
    const owner = planListRules(ids)[1]!;
    expect(owner.values).toHaveLength(MAX_LIST_ITEMS);
    expect(owner.values[MAX_LIST_ITEMS - 1]).toBe('partner-499');
  });
});
