/**
 * The daily creation quotas near the product (guides/services/quotas: 250 spreadsheets and 250
 * documents a day on a consumer account). A new case makes its files with SpreadsheetApp and
 * DocumentApp; a step's forms are Drive copies and its documents uploads through the advanced
 * Drive service, which these quotas do not count. The figures: what one case costs, and how many
 * new cases a consumer account can open in one day (spreadsheets are the limit: the case
 * spreadsheet and the response spreadsheet the dispatcher links the forms to).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREATE_QUOTA_CONSUMER } from '../../src/local/apps-script/runtime';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { uiGuarded } from '../../src/ui/result';
import { openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { openNewCase } from '../../src/workflow/newCase';
import { exportOverviewPdf } from '../../src/workflow/publish';
import { startStep } from '../../src/workflow/startStep';
import { freshRegister } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

describe('dagquotum voor nieuwe bestanden', () => {
  it('een nieuwe casus met stap 1 kost twee spreadsheets (casus, antwoorden) en één document; een consumentenaccount opent er 125 per dag', () => {
    local = freshRegister(undefined, { createDailyQuota: CREATE_QUOTA_CONSUMER }).local;
    const before = { s: local.rt.creationsToday('spreadsheets'), d: local.rt.creationsToday('documents') };
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    // The dispatcher's first run links the forms to the case's response spreadsheet.
    local.rt.advance(3_600_000);
    dispatchAll(openRegister());
    const perCase = {
      spreadsheets: local.rt.creationsToday('spreadsheets') - before.s,
      documents: local.rt.creationsToday('documents') - before.d,
    };
    expect(perCase).toEqual({ spreadsheets: 2, documents: 1 });
    const casesPerDay = Math.min(
      CREATE_QUOTA_CONSUMER.spreadsheets / perCase.spreadsheets,
      CREATE_QUOTA_CONSUMER.documents / perCase.documents,
    );
    // (A namenlijst after the 2A decision is one spreadsheet more for a case that gets there.)
    expect(casesPerDay).toBe(125);
  });

  it('een pdf van het integraal beeld is één conversie ("Files converted", 2.000 per dag op een consumentenaccount)', () => {
    local = freshRegister(undefined, { createDailyQuota: CREATE_QUOTA_CONSUMER }).local;
    const h = openNewCase(openRegister(), fictionalCaseInput());
    const before = local.rt.creationsToday('conversions');
    exportOverviewPdf(h);
    expect(local.rt.creationsToday('conversions') - before).toBe(1);
    // Opening the case converted nothing.
    expect(before).toBe(0);
  });

  it('op het quotum weigert een nieuwe casus met Googles melding, en de volgende dag lukt het', () => {
    local = freshRegister(undefined, { createDailyQuota: { spreadsheets: 1 } }).local;
    // The register itself was the day's one spreadsheet.
    expect(() => openNewCase(openRegister(), fictionalCaseInput())).toThrow(/too many times for one day/);
    // What the coordinator reads in the dashboard: Dutch, and what to do.
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = uiGuarded(() => {
      openNewCase(openRegister(), fictionalCaseInput());
      return { ok: true, message: '' };
    });
    expect(r).toMatchObject({ ok: false });
    expect((r as { message?: string }).message).toMatch(/^Google staat dit voor vandaag niet meer toe/);
    log.mockRestore();
    local.rt.advance(24 * 3_600_000);
    expect(openNewCase(openRegister(), fictionalCaseInput()).row.code).toMatch(/-00[12]$/);
  });
});
