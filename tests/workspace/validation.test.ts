/**
 * workspace/validation: drop-down lists and date pickers on the columns named by their header,
 * from the first row below the header to the last row of the grid
 * (reference/spreadsheet/data-validation-builder).
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import type { ListRule } from '../../src/model/dropdowns';
import { setDateValidationsByHeader, setListValidationsByHeader } from '../../src/workspace/validation';
import { onFreshAppsScript } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let rt: Runtime;
onFreshAppsScript((fresh) => {
  rt = fresh;
});

/** A tab with these header rows, as wide as the header and `rows` rows in all. */
function tab(name: string, header: string[][], rows: number): Sheet {
  const ss = SpreadsheetApp.create('Validatie');
  const sh = ss.insertSheet(name);
  sh.getRange(1, 1, header.length, header[0]!.length).setValues(header);
  if (sh.getMaxRows() > rows) sh.deleteRows(rows + 1, sh.getMaxRows() - rows);
  const width = header[0]!.length;
  if (sh.getMaxColumns() > width) sh.deleteColumns(width + 1, sh.getMaxColumns() - width);
  return sh;
}

/** The rule per column (1-based) of a row, as criteria type, values, allow-invalid and help. */
function rulesOnRow(sh: Sheet, row: number) {
  return sh
    .getRange(row, 1, 1, sh.getMaxColumns())
    .getDataValidations()[0]!
    .map((dv) =>
      dv === null
        ? null
        : {
            type: String(dv.getCriteriaType()),
            values: dv.getCriteriaValues(),
            allowInvalid: dv.getAllowInvalid(),
            help: dv.getHelpText(),
          },
    );
}

const STATUS: ListRule = {
  header: 'Status',
  values: ['open', 'klaar'],
  strict: true,
  help: 'Kies een status.',
};
const PARTNER: ListRule = { header: 'partner ', values: ['Politie', 'Halt'], strict: false, help: 'Kies.' };

describe('setListValidationsByHeader', () => {
  it('zet elke lijst op de kolom met die kop, onder de kop tot de laatste rij, met een keuzelijst', () => {
    const sh = tab('Acties', [['Partner', 'Opmerking', ' STATUS']], 5);
    setListValidationsByHeader(sh.getParent(), 'Acties', 1, [STATUS, PARTNER]);
    const partner = {
      type: 'VALUE_IN_LIST',
      values: [['Politie', 'Halt'], true],
      allowInvalid: true,
      help: 'Kies.',
    };
    const status = {
      type: 'VALUE_IN_LIST',
      values: [['open', 'klaar'], true],
      allowInvalid: false,
      help: 'Kies een status.',
    };
    expect(rulesOnRow(sh, 1)).toEqual([null, null, null]);
    for (const row of [2, 5]) expect(rulesOnRow(sh, row)).toEqual([partner, null, status]);
  });

  it('leest de kop op de gevraagde rij', () => {
    const sh = tab(
      'Plan',
      [
        ['Plan van aanpak', '', ''],
        ['Opmerking', 'Status', ''],
      ],
      4,
    );
    setListValidationsByHeader(sh.getParent(), 'Plan', 2, [STATUS]);
    expect(rulesOnRow(sh, 2)).toEqual([null, null, null]);
    expect(rulesOnRow(sh, 3)[1]).toMatchObject({ type: 'VALUE_IN_LIST', allowInvalid: false });
    expect(rulesOnRow(sh, 3)[0]).toBeNull();
  });

  it('een tab met alleen de kop krijgt niets, en een tab die er niet is ook niet', () => {
    const sh = tab('Leeg', [['Status']], 1);
    setListValidationsByHeader(sh.getParent(), 'Leeg', 1, [STATUS]);
    setListValidationsByHeader(sh.getParent(), 'Bestaat niet', 1, [STATUS]);
    expect(rulesOnRow(sh, 1)).toEqual([null]);
  });
});

describe('setDateValidationsByHeader', () => {
  it('zet een datumkiezer op de kolommen met die koppen, hoofdletters en spaties maken niet uit', () => {
    const sh = tab('Acties', [[' DATUM ', 'Actie', 'Gereed op']], 4);
    setDateValidationsByHeader(
      sh.getParent(),
      'Acties',
      1,
      ['Gereed op', 'datum', 'ontbreekt'],
      'Kies een datum.',
    );
    const date = { type: 'DATE_IS_VALID_DATE', values: [], allowInvalid: false, help: 'Kies een datum.' };
    expect(rulesOnRow(sh, 1)).toEqual([null, null, null]);
    for (const row of [2, 4]) expect(rulesOnRow(sh, row)).toEqual([date, null, date]);
  });

  it('zonder gevonden kolom, zonder rijen onder de kop of zonder tab: geen enkele aanroep na het lezen', () => {
    const sh = tab('Acties', [['Datum', 'Actie']], 1);
    const ss = sh.getParent();
    rt.counts.clear();
    setDateValidationsByHeader(ss, 'Acties', 1, ['Datum'], 'Kies.');
    setDateValidationsByHeader(ss, 'Bestaat niet', 1, ['Datum'], 'Kies.');
    const more = tab('Meer', [['Datum', 'Actie']], 3);
    rt.counts.clear();
    setDateValidationsByHeader(more.getParent(), 'Meer', 1, ['Gereed op'], 'Kies.');
    expect(rt.counts.get('SpreadsheetApp.newDataValidation') ?? 0).toBe(0);
    expect(rulesOnRow(sh, 1)).toEqual([null, null]);
    expect(rulesOnRow(more, 2)).toEqual([null, null]);
  });
});
