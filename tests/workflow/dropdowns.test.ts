/** The drop-down lists as the spreadsheet has them after set-up and after opening a case. */
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { PARTNER_KINDS, SPOREN } from '../../src/model/types';
import { freshLocalCase } from './helpers';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
const list = (r: Rule | null) => (r ? (r.getCriteriaValues()[0] as string[]) : null);

describe('keuzelijsten', () => {
  it('Partners: Soort en Actief streng, Stappen en Niveaus met markering, op elke rij onder de kop', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const sh = h.reg.ss.getSheetByName('Partners')!;
    const last = sh.getMaxRows();
    const kind = sh.getRange(2, 3).getDataValidation();
    expect(String(kind?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list(kind)).toEqual([...PARTNER_KINDS]);
    expect(kind?.getAllowInvalid()).toBe(false);
    expect(kind?.getHelpText()).toMatch(/^Kies de soort partner/);
    expect(list(sh.getRange(last, 3).getDataValidation())).toEqual([...PARTNER_KINDS]);
    expect(sh.getRange(1, 3).getDataValidation()).toBeNull();
    const steps = sh.getRange(2, 6).getDataValidation();
    expect(list(steps)).toContain('alle');
    expect(steps?.getAllowInvalid()).toBe(true);
    expect(sh.getRange(2, 7).getDataValidation()?.getAllowInvalid()).toBe(true);
    expect(list(sh.getRange(2, 8).getDataValidation())).toEqual(['ja', 'nee']);
    // Organisation, contact and e-mail are free text.
    for (const col of [1, 2, 4, 5])
      expect(sh.getRange(2, col).getDataValidation(), `kolom ${col}`).toBeNull();
  });

  it('Plan van aanpak: Spoor en Eigenaar (de partnersleutels) onder de kopregel', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const sh = h.ss.getSheetByName(PLAN_SHEET)!;
    expect(list(sh.getRange(3, 2).getDataValidation())).toEqual([...SPOREN]);
    expect(list(sh.getRange(3, 5).getDataValidation())).toEqual(h.reg.partners.map((p) => p.id));
    expect(sh.getRange(3, 5).getDataValidation()?.getAllowInvalid()).toBe(false);
    expect(sh.getRange(2, 2).getDataValidation()).toBeNull();
    expect(sh.getRange(3, 3).getDataValidation()).toBeNull();
  });
});
