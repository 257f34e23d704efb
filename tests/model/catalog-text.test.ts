import { describe, expect, it } from 'vitest';
import { applyOverrides, CATALOG, questionsFor } from '../../src/model/catalog';
import { stepLabel, stepName } from '../../src/model/steps';
import { STEP_IDS } from '../../src/model/types';
import { catalogListing, catalogSummary } from '../../src/render/catalogText';

describe('catalogSummary', () => {
  const text = catalogSummary(CATALOG);
  const lines = text.split('\n');

  it('states the total and has one row per step with the counts per kind', () => {
    expect(text).toContain(`Vragenlijst: ${CATALOG.length} vragen`);
    const header = lines.find((l) => l.startsWith('Stap'));
    expect(header).toContain('jongerenwerk');
    for (const step of STEP_IDS) {
      const row = lines.find((l) => l.startsWith(`${step} `));
      expect(row, step).toBeDefined();
      const total = CATALOG.filter((q) => q.step === step).length;
      const cells = (row ?? '').split(/\s{2,}/);
      expect(cells[1]).toBe(stepName(step));
      expect(cells[2]).toBe(String(total));
      expect(cells[3]).toBe(String(questionsFor(step, 'politie').length));
    }
  });

  it('marks kinds without questions with a dash', () => {
    const row1 = lines.find((l) => l.startsWith('1 ')) ?? '';
    const cells = row1.split(/\s{2,}/);
    expect(cells[4]).toBe('—'); // OM does not take part in step 1
  });

  it('uses the 2016 step names on request', () => {
    expect(catalogSummary(CATALOG, '2016')).toContain(stepName('3', '2016'));
  });

  it('reflects overrides', () => {
    const fewer = applyOverrides(CATALOG, { hide: ['1.functie'] });
    expect(catalogSummary(fewer)).toContain(`Vragenlijst: ${CATALOG.length - 1} vragen`);
  });
});

describe('catalogListing', () => {
  const text = catalogListing(CATALOG);

  it('lists every question id with its type, level and title', () => {
    for (const q of CATALOG) expect(text, q.id).toContain(q.id);
    expect(text).toMatch(/1\.acuut\s+keuze\s+groep\s+Is er op dit moment sprake van acuut gevaar\? \*/);
    expect(text).toMatch(/2B\.p\.bron\s+aankruisvakjes\s+persoon\s+.*\[per persoonscode\]/);
    expect(text).toContain('[per actie]');
    expect(text).toContain('[per doel]');
  });

  it('groups by step and partner kind', () => {
    for (const step of STEP_IDS) expect(text).toContain(stepLabel(step));
    const step2b = text.slice(text.indexOf(stepLabel('2B')), text.indexOf(stepLabel('3')));
    expect(step2b).toContain('Openbaar Ministerie');
    expect(step2b).not.toContain('Woningcorporatie');
  });
});
