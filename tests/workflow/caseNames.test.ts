/**
 * The name guard's pieces on one small case (workflow/nameGuard.ts): what replaces a name in
 * shared text (the person's code, or "[persoon]" while the name has no code yet), and the
 * namenlijst read once per locked action but read again after `forgetCaseNames`. The guard over
 * a whole played case is in nameGuard.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { caseNames, forgetCaseNames, replaceNames, withNameCache } from '../../src/workflow/nameGuard';
import { addPersons } from '../../src/workflow/persons';
import { NAMES } from '../../src/workflow/records';
import { appendRows } from '../../src/workspace/tables';
import { freshCaseAt2B, freshLocalCase, PERSONS } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

const NEW_NAME = 'Testpersoon Druif';
const addUncodedName = (namesId: string) =>
  appendRows(SpreadsheetApp.openById(namesId), NAMES, [{ Code: '', Naam: NEW_NAME, Geboortejaar: '2010' }]);

describe('namen vervangen in gedeelde tekst', () => {
  it('zet de code in de plaats van een naam, "[persoon]" zolang de naam nog geen code heeft', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const [a] = addPersons(f.h, PERSONS.slice(0, 1)) as [string];
    addUncodedName(f.h.row.namesId);
    const names = caseNames(f.h);
    expect(replaceNames(names, `Gezien: ${PERSONS[0]!.naam} met testpersoon druif.`)).toEqual({
      text: `Gezien: ${a} met [persoon].`,
      count: 2,
    });
    expect(replaceNames(names, '')).toEqual({ text: '', count: 0 });
  });

  it('een casus zonder namenlijst laat de tekst zoals hij is', () => {
    const f = freshLocalCase();
    local = f.local;
    const names = caseNames(f.h);
    expect(names.any).toBe(false);
    expect(replaceNames(names, `Gezien: ${PERSONS[0]!.naam}.`)).toEqual({
      text: `Gezien: ${PERSONS[0]!.naam}.`,
      count: 0,
    });
  });

  it('leest de namenlijst één keer per actie, en opnieuw na forgetCaseNames', () => {
    const f = freshCaseAt2B();
    local = f.local;
    addPersons(f.h, PERSONS.slice(0, 1));
    withNameCache(() => {
      expect(caseNames(f.h).matcher.test(NEW_NAME)).toBe(false);
      addUncodedName(f.h.row.namesId);
      // Kept within the action ...
      expect(caseNames(f.h).matcher.test(NEW_NAME)).toBe(false);
      // ... until the action says the namenlijst changed.
      forgetCaseNames();
      expect(caseNames(f.h).matcher.test(NEW_NAME)).toBe(true);
    });
  });
});
