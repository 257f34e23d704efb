/**
 * workspace/responseBook on its own: the form id in a tab's form URL, the fingerprints of the
 * tabs, and the calls it saves (the case-level behaviour is in tests/workflow/responseBook.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import {
  formIdInUrl,
  formsOfTabs,
  responseBooksOn,
  responseTabPrints,
} from '../../src/workspace/responseBook';
import { onFreshAppsScript, withoutSheets } from './helpers';

let rt: Runtime;
onFreshAppsScript((fresh) => {
  rt = fresh;
});

describe('formIdInUrl', () => {
  it.each([
    ['https://docs.google.com/forms/d/1aB_c-D9/edit', '1aB_c-D9'],
    ['https://docs.google.com/forms/d/1aB_c-D9', '1aB_c-D9'],
    ['https://docs.google.com/forms/d/1aB_c-D9?usp=sharing', '1aB_c-D9'],
    // The published (responder) address names no form id.
    ['https://docs.google.com/forms/d/e/1FAIpQLSe_x/viewform', null],
    ['https://docs.google.com/spreadsheets/d/1aB_c-D9/edit', null],
    ['https://docs.google.com/forms/d/1aB.c/edit', null],
    [null, null],
  ])('%s → %s', (url, id) => {
    expect(formIdInUrl(url)).toBe(id);
  });
});

describe('responseTabPrints', () => {
  it('is er alleen met de Sheets-service', () => {
    expect(responseBooksOn()).toBe(true);
    withoutSheets(() => {
      expect(responseBooksOn()).toBe(false);
      expect(responseTabPrints('wat dan ook')).toBeNull();
    });
  });

  it('geeft per tabblad het aantal rijen en een hash; een nieuwe rij of een gewijzigde cel verandert hem', () => {
    const ss = SpreadsheetApp.create('JGA-2026-001 antwoorden (niet bewerken)');
    const first = ss.getSheets()[0]!;
    const second = ss.insertSheet('Tweede');
    const empty = ss.insertSheet('Leeg');
    first.getRange(1, 1, 2, 2).setValues([
      ['Tijdstempel', 'Vraag'],
      ['1-3-2026 10:00:00', 'antwoord'],
    ]);
    second.getRange(1, 1, 2, 2).setValues([
      ['Tijdstempel', 'Vraag'],
      ['1-3-2026 10:00:00', 'antwoord'],
    ]);
    const before = responseTabPrints(ss.getId())!;
    expect([...before.keys()].sort()).toEqual([first, second, empty].map((s) => s.getSheetId()).sort());
    expect(before.get(first.getSheetId())).toMatch(/^2:/);
    expect(before.get(empty.getSheetId())).toMatch(/^0:/);
    expect(before.get(second.getSheetId())).toBe(before.get(first.getSheetId()));

    second.getRange(2, 2).setValue('bewerkt antwoord');
    first.getRange(3, 1, 1, 2).setValues([['2-3-2026 09:00:00', 'nog een']]);
    const after = responseTabPrints(ss.getId())!;
    expect(after.get(first.getSheetId())).toMatch(/^3:/);
    expect(after.get(second.getSheetId())).toMatch(/^2:/);
    expect(after.get(second.getSheetId())).not.toBe(before.get(second.getSheetId()));
    expect(after.get(empty.getSheetId())).toBe(before.get(empty.getSheetId()));
  });

  it('leest het antwoord zoals de API het geeft: lege delen ontbreken daarin', () => {
    // sheets/api/reference/rest/v4/spreadsheets: empty fields are left out of the JSON answer.
    type Answer = GoogleAppsScript.Sheets.Schema.Spreadsheet;
    const api = Sheets!.Spreadsheets!;
    const real = api.get;
    const printsOf = (answer: Answer) => {
      (api as { get: unknown }).get = () => answer;
      try {
        return responseTabPrints('antwoorden')!;
      } finally {
        (api as { get: unknown }).get = real;
      }
    };
    const tab = (sheetId: number, rows: GoogleAppsScript.Sheets.Schema.RowData[]) => ({
      properties: { sheetId },
      data: [{ rowData: rows }],
    });
    const got = printsOf({
      sheets: [
        tab(1, [{ values: [{ formattedValue: 'a' }, {}] }, {}]),
        { properties: { sheetId: 2 }, data: [{}] },
        { properties: { sheetId: 3 } },
        { data: [] },
      ],
    });
    expect([...got.keys()]).toEqual([1, 2, 3]);
    expect(got.get(2)).toMatch(/^0:/);
    expect(got.get(3)).toBe(got.get(2));
    // An omitted cell value is an empty cell, an omitted row an empty row.
    const spelled = printsOf({
      sheets: [tab(1, [{ values: [{ formattedValue: 'a' }, { formattedValue: '' }] }, { values: [] }])],
    });
    expect(got.get(1)).toMatch(/^2:/);
    expect(spelled.get(1)).toBe(got.get(1));
    expect(printsOf({}).size).toBe(0);
  });

  it('null als de spreadsheet niet te lezen is (weg of geen toegang)', () => {
    expect(responseTabPrints('bestaat-niet')).toBeNull();
  });
});

describe('formsOfTabs', () => {
  it('zonder tabbladen opent hij de spreadsheet niet', () => {
    rt.counts.clear();
    expect(formsOfTabs('bestaat-niet', []).size).toBe(0);
    expect(rt.counts.get('SpreadsheetApp.openById')).toBeUndefined();
  });

  it('een tabblad zonder formulier en een tabblad dat er niet meer is: null', () => {
    const ss = SpreadsheetApp.create('antwoorden');
    const sheet = ss.getSheets()[0]!;
    expect(formsOfTabs(ss.getId(), [sheet.getSheetId(), 987654])).toEqual(
      new Map([
        [sheet.getSheetId(), null],
        [987654, null],
      ]),
    );
  });
});
