/**
 * A register made with Bestand → Kopie maken (workflow/ownRegister.ts) sets itself up on first
 * use: it keeps Instellingen, Partners and Vragen and drops every id of the original (script
 * properties, system tabs, the original's cases), whether or not Google copied the script
 * properties along.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { refusal, uiGuarded } from '../../src/ui/result';
import { listCases, openRegister } from '../../src/workflow/context';
import { openNewCase } from '../../src/workflow/newCase';
import { COPY_NOTICE, ensureOwnRegister, OWNER_PROPERTY, ownership } from '../../src/workflow/ownRegister';
import { startStep } from '../../src/workflow/startStep';
import { freshLocalCase } from './helpers';

describe('is dit register een kopie?', () => {
  it('beslist uit de scripteigenschap en het tabblad _register', () => {
    expect(ownership('B', 'B', 'A')).toBe('eigen');
    // The properties came along with the copy: they name the original.
    expect(ownership('B', 'A', 'A')).toBe('kopie');
    expect(ownership('B', 'A', null)).toBe('kopie');
    // A new script project without properties, but the copied tab names the original.
    expect(ownership('B', null, 'A')).toBe('kopie');
    // A fresh register, or one set up before the marks existed.
    expect(ownership('B', null, null)).toBe('nieuw');
    expect(ownership('B', null, 'B')).toBe('nieuw');
    // An emptied property or tab cell names nothing.
    expect(ownership('B', '', null)).toBe('nieuw');
    expect(ownership('B', '', '')).toBe('nieuw');
    expect(ownership('B', null, '')).toBe('nieuw');
  });
});

describe('een kopie van het register op de in-memory Apps Script', () => {
  let local: LocalAppsScript;
  afterEach(() => local.dispose());

  const tabs = (id: string) => snapshotSpreadsheet(local.rt, id).sheets.map((s) => s.name);
  const props = () => PropertiesService.getScriptProperties().getProperties();

  /** The original in use (a case, its forms and templates), then copied as Drive copies it. */
  function copied(propertiesCopied: boolean) {
    const fresh = freshLocalCase();
    local = fresh.local;
    const original = local.rt.boundContainerId!;
    expect(ensureOwnRegister()).toBeNull();
    startStep(fresh.h);
    const before = props();
    expect(before).toMatchObject({ [OWNER_PROPERTY]: original });
    expect(before.CASES_FOLDER_ID).toBeTruthy();
    expect(tabs(original)).toEqual(expect.arrayContaining(['Casussen', '_register', '_sjablonen']));
    const copy = DriveApp.getFileById(original).makeCopy('Kopie van Register').getId();
    // A copy of the spreadsheet is a new script project: its own properties, if any.
    if (!propertiesCopied) PropertiesService.getScriptProperties().deleteAllProperties();
    local.rt.boundContainerId = copy;
    return { original, copy, before, h: fresh.h };
  }

  for (const propertiesCopied of [true, false]) {
    it(`richt zich bij het eerste gebruik in als nieuw register (eigenschappen ${propertiesCopied ? 'wel' : 'niet'} meegekopieerd)`, () => {
      const { original, copy, before, h } = copied(propertiesCopied);
      const originalTabs = snapshotSpreadsheet(local.rt, original);
      expect(ensureOwnRegister()).toBe(COPY_NOTICE);
      // Nothing of the original's ids is left.
      const after = props();
      expect(after).toEqual({ [OWNER_PROPERTY]: copy });
      for (const value of Object.values(before))
        if (value !== copy) expect(Object.values(after)).not.toContain(value);
      // `_tabbladen` only holds the fingerprint of the Casussen list, written anew and empty.
      expect(
        tabs(copy)
          .filter((t) => t.startsWith('_'))
          .sort(),
      ).toEqual(['_register', '_tabbladen']);
      const list = snapshotSpreadsheet(local.rt, copy).sheets.find((s) => s.name === 'Casussen')!;
      expect(list.values.flat().join('|')).not.toContain(h.row.code);
      expect((list.links ?? []).flat().join('')).toBe('');
      const reg = openRegister();
      expect(listCases(reg)).toEqual([]);
      // What the coordinator typed is kept.
      expect(reg.partners.map((p) => p.id)).toEqual(['politie', 'jongerenwerk', 'boa']);
      expect(reg.settings.gemeente).toBe('Testdorp');
      // The original is untouched.
      expect(snapshotSpreadsheet(local.rt, original)).toEqual(originalTabs);
      // A new case of the copy gets its own folders and starts numbering again.
      const mine = openNewCase(reg, fictionalCaseInput());
      expect(mine.row.code).toBe(h.row.code);
      expect(mine.row.folderId).not.toBe(h.row.folderId);
      expect(DriveApp.getFolderById(mine.row.folderId).getParents().next().getId()).not.toBe(
        before.CASES_FOLDER_ID,
      );
      // From now on the copy is its own register.
      expect(ensureOwnRegister()).toBeNull();
      expect(listCases(openRegister())).toHaveLength(1);
    });
  }

  it('de eerste actie in de zijbalk of een dialoog meldt het ook', () => {
    copied(false);
    const r = uiGuarded(() => ({ ok: true as const, message: 'Klaar.' }));
    expect(r.message).toBe(`${COPY_NOTICE}\n\nKlaar.`);
    expect(uiGuarded(() => refusal({}, 'Nee.')).message).toBe('Nee.');
  });

  it('een register zonder kopie kost daarna alleen het lezen van één eigenschap en het id', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    ensureOwnRegister();
    local.rt.resetCounts();
    expect(ensureOwnRegister()).toBeNull();
    // The property store was asked for once already (workspace/props.ts keeps it).
    expect(Object.fromEntries(local.rt.counts)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getId': 1,
      'Properties.getProperty': 1,
    });
  });
});
