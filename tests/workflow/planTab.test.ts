/**
 * Reading the tab Plan van aanpak of a case (workflow/planTab.ts): a missing tab, an empty
 * nulmeting taken from the duiding (step 3, model/planBaseline.ts), and a date Sheets stored as
 * a date, read in the case's time zone. The rules per cell are in tests/model/planSheet.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { PLAN_HEADERS, PLAN_SHEET } from '../../src/model/planSheet';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { readPlanTab, writePlanTab } from '../../src/workflow/planTab';
import { freshLocalCase, scoreVandalismInDuiding } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

type Cells = Partial<Record<(typeof PLAN_HEADERS)[number], string | number | Date>>;
const row = (cells: Cells) => PLAN_HEADERS.map((c) => cells[c] ?? '');

describe('de tab Plan van aanpak lezen', () => {
  it('zegt het wanneer de tab ontbreekt', () => {
    const f = freshLocalCase();
    local = f.local;
    const tab = f.h.ss.getSheetByName(PLAN_SHEET);
    if (tab) f.h.ss.deleteSheet(tab);
    expect(readPlanTab(f.h, 1)).toEqual({
      ok: false,
      errors: ['De tab Plan van aanpak ontbreekt in de casusspreadsheet.'],
    });
  });

  it('neemt een lege nulmeting over uit de duiding en leest een datumcel in de tijdzone van de casus', () => {
    const f = freshLocalCase();
    local = f.local;
    const h = f.h;
    // Two partners scored "Vernieling" in the duiding of step 3: 2 and 3.
    scoreVandalismInDuiding(h, f.local.rt.now());
    writePlanTab(h, null);
    // Midnight of 30 June in Amsterdam is still 29 June in UTC: Sheets keeps a typed date as a Date.
    const deadline = new Date(Date.UTC(2026, 5, 29, 22, 0));
    h.ss
      .getSheetByName(PLAN_SHEET)!
      .getRange(3, 1, 4, PLAN_HEADERS.length)
      .setValues([
        row({
          Nr: 'D1',
          Omschrijving: 'Minder vernieling bij de speeltuin',
          Indicator: 'Vernieling bij de speeltuin',
          Streefwaarde: 1,
          Meetdatum: '2026-12-31',
        }),
        row({
          Nr: 'A1',
          Spoor: 'domein',
          Omschrijving: 'Extra avondrondes',
          Doel: 'D1',
          Eigenaar: 'politie',
          Start: '2026-05-01',
          Frequentie: 'elke vrijdag',
          Deadline: deadline,
        }),
        row({ Nr: 'C1', Omschrijving: 'Twee rondes op rij geen vernieling' }),
        row({ Nr: 'Evaluatie', Deadline: '2026-11-30' }),
      ]);
    const r = readPlanTab(reopen(h), 1);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.plan.goals[0]).toMatchObject({
      baseline: 2.5,
      baselineFrom: 'duiding: "Vernieling", gemiddelde van 2 scores op de schaal 0–3',
    });
    expect(r.notes).toEqual([
      `${PLAN_SHEET}!K3: nulmeting van doel D1 overgenomen uit de duiding: "Vernieling", gemiddelde van 2 scores op de schaal 0–3 (2,5)`,
    ]);
    expect(r.plan.actions[0]!.deadline).toBe('2026-06-30');
  });
});
