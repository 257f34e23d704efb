/**
 * workspace/tables.ts, the writing half: where appended, updated and replaced rows land (never
 * over a row that holds content), what a cell becomes in the sheet (numbers as numbers, text as
 * text), what a read accepts from a cell typed by hand, what the run keeps between calls (so a
 * later call costs no lookup) and what the writes cost in calls.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { UserError } from '../../src/model/errors';
import {
  appendRows,
  createTables,
  ensureHeader,
  ensureTable,
  forgetTable,
  prefetchTables,
  readTable,
  replaceTable,
  replaceTableRequest,
  table,
  tableFromTab,
  updateRow,
  updateRows,
  withTableCache,
  writeColumn,
  writeEditableTab,
} from '../../src/workspace/tables';
import { sheetsApi } from '../../src/workspace/tabs';
import { errorOf, onFreshAppsScript, withoutSheets } from './helpers';

const T = table({
  name: '_proef',
  columns: ['naam', 'aantal', 'soort'],
  numeric: ['aantal'],
  choices: { soort: ['', 'a', 'b'] },
});
/** Text only, no closed lists: a blank row reads as blanks. */
const P = table({ name: '_plat', columns: ['key', 'tekst'] });

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
onFreshAppsScript((r) => {
  rt = r;
  ss = SpreadsheetApp.create('Tabellen');
});

const count = (name: string) => rt.counts.get(name) ?? 0;
const keys = () => readTable(ss, P).map((r) => r.key);

/** The tab of P with `n` data rows on a grid of `maxRows` rows. */
function platTab(n: number, maxRows: number): GoogleAppsScript.Spreadsheet.Sheet {
  ensureTable(ss, P);
  appendRows(
    ss,
    P,
    Array.from({ length: n }, (_, i) => ({ key: String.fromCharCode(97 + i) })),
  );
  const sh = ss.getSheetByName(P.name)!;
  if (sh.getMaxRows() > maxRows) sh.deleteRows(maxRows + 1, sh.getMaxRows() - maxRows);
  return sh;
}

describe('cellen zoals de sheet ze bewaart', () => {
  it('een getalkolom krijgt een getal (leeg: 0), een tekstkolom tekst', () => {
    appendRows(ss, T, [{ naam: '12', aantal: 3 }, { naam: 'x' }]);
    const values = ss.getSheetByName(T.name)!.getRange(2, 1, 2, 3).getValues();
    expect(values).toEqual([
      ['12', 3, ''],
      ['x', 0, ''],
    ]);
  });

  it('een getal dat er (nog) geen is, leest terug als NaN', () => {
    appendRows(ss, T, [{ naam: 'x', aantal: Number.NaN }]);
    expect(readTable(ss, T)[0]!.aantal).toBeNaN();
  });

  it('een lege of ontbrekende cel in een getalkolom is 0, in een tekstkolom leeg', () => {
    const rows = tableFromTab(ss, T, [
      ['naam', 'aantal', 'soort'],
      ['p', null, 'a'],
      ['q', '', 'b'],
      ['r'],
      [null, 'NaN', ''],
    ]);
    expect(rows.slice(0, 3)).toEqual([
      { naam: 'p', aantal: 0, soort: 'a' },
      { naam: 'q', aantal: 0, soort: 'b' },
      { naam: 'r', aantal: 0, soort: '' },
    ]);
    expect(rows[3]!.naam).toBe('');
    expect(rows[3]!.aantal).toBeNaN();
  });

  it('getallen als tekst met spaties of decimalen worden gelezen, half-getallen geweigerd', () => {
    const read = (v: string) => tableFromTab(ss, T, [[], ['x', v]])[0]!.aantal;
    expect(read(' 12 ')).toBe(12);
    expect(read('-1.25')).toBe(-1.25);
    for (const bad of ['x12', '12x', '1.x', '1.', 'Jan 12']) {
      const e = errorOf(() => read(bad));
      expect(e, bad).toBeInstanceOf(UserError);
      expect(e.message).toBe(
        '_proef!B2 (aantal): hier hoort een getal te staan. Herstel de cel of zet de vorige waarde terug.',
      );
    }
  });

  it('een foute keuze noemt de toegestane waarden, de lege als (leeg)', () => {
    const e = errorOf(() => tableFromTab(ss, T, [[], ['x', 1, 'c']]));
    expect(e.message).toBe(
      '_proef!C2 (soort): hier hoort een van (leeg), a, b te staan. Herstel de cel of zet de vorige waarde terug.',
    );
  });

  it('met de Sheets-dienst noemt een foute cel het echte rijnummer', () => {
    appendRows(ss, T, [
      { naam: 'x', aantal: 1 },
      { naam: 'y', aantal: 2 },
    ]);
    ss.getSheetByName(T.name)!.getRange(3, 2).setValue('twee');
    expect(() => readTable(ss, T)).toThrow(/^_proef!B3 \(aantal\)/);
  });
});

describe('de kopregel', () => {
  it('een verplaatste kolom stopt ook de lezing zonder Sheets-dienst, met naam en plaats', () => {
    appendRows(ss, T, [{ naam: 'x', aantal: 1 }]);
    ss.getSheetByName(T.name)!
      .getRange(1, 1, 1, 3)
      .setValues([['soort', 'aantal', 'naam']]);
    const e = withoutSheets(() => errorOf(() => readTable(ss, T)));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(
      'Het tabblad _proef is met de hand veranderd: de kolom "naam" staat in kolom C en hoort in kolom A. ' +
        'Zet de kolommen terug (Bestand → Versiegeschiedenis); er is niets bijgewerkt of geschreven.',
    );
  });

  it('ook een kolom die naar kolom A verplaatst is, of een naam met spaties eromheen', () => {
    expect(() =>
      tableFromTab(ss, T, [
        ['soort', 'x', 'y'],
        ['p', 1, 'a'],
      ]),
    ).toThrow('de kolom "soort" staat in kolom A en hoort in kolom C');
    expect(() =>
      tableFromTab(ss, T, [
        ['x', 'aantal', ' naam '],
        ['p', 1, 'a'],
      ]),
    ).toThrow('de kolom "naam" staat in kolom C en hoort in kolom A');
  });

  it('ensureHeader vult alleen ontbrekende kolomkoppen aan en zegt of het schreef', () => {
    const Short = table({ name: '_proef', columns: ['naam'] });
    ensureTable(ss, Short);
    expect(ensureHeader(ss, T)).toBe(true);
    expect(ss.getSheetByName(T.name)!.getRange(1, 1, 1, 3).getValues()).toEqual([
      ['naam', 'aantal', 'soort'],
    ]);
    expect(ensureHeader(ss, T)).toBe(false);
  });
});

describe('lezen zonder Sheets-dienst', () => {
  it('een tabblad zonder kopregel of rijen heeft geen rijen', () => {
    ss.insertSheet(T.name);
    withoutSheets(() => expect(readTable(ss, T)).toEqual([]));
  });

  it('na een lezing schrijft de run zonder het tabblad of de laatste rij opnieuw te vragen', () => {
    platTab(1, 1000);
    withoutSheets(() =>
      withTableCache(() => {
        rt.resetCounts();
        expect(keys()).toEqual(['a']);
        expect(keys()).toEqual(['a']);
        appendRows(ss, P, [{ key: 'b' }]);
        expect(count('Spreadsheet.getSheetByName')).toBe(1);
        expect(count('Sheet.getLastRow')).toBe(1);
        expect(count('Range.getValues')).toBe(1);
      }),
    );
    expect(keys()).toEqual(['a', 'b']);
  });
});

describe('appendRows: waar nieuwe rijen landen', () => {
  it('een nieuw tabblad: geen vraag naar de laatste rij; het rooster één keer gevraagd', () => {
    withoutSheets(() =>
      withTableCache(() => {
        appendRows(ss, P, [{ key: 'a' }]);
        appendRows(ss, P, [{ key: 'b' }]);
        ensureTable(ss, P);
        expect(count('Sheet.getLastRow')).toBe(0);
        expect(count('Sheet.getMaxRows')).toBe(1);
        expect(count('Sheet.insertRowsAfter')).toBe(0);
        expect(count('Spreadsheet.getSheetByName')).toBe(1);
      }),
    );
    expect(keys()).toEqual(['a', 'b']);
    expect(ss.getSheetByName(P.name)!.getMaxRows()).toBe(1000);
  });

  it('het rooster groeit precies tot de laatste nieuwe rij, en niet als die al past', () => {
    const sh = platTab(1, 3);
    appendRows(ss, P, [{ key: 'b' }]);
    expect(sh.getMaxRows()).toBe(3);
    appendRows(ss, P, [{ key: 'c' }, { key: 'd' }]);
    expect(sh.getMaxRows()).toBe(5);
    expect(keys()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('na de batchlezing: past het, dan één getRange op naam; anders groeit het rooster eerst', () => {
    const sh = platTab(1, 3);
    withTableCache(() => {
      prefetchTables(ss, [P]);
      rt.resetCounts();
      appendRows(ss, P, [{ key: 'b' }]);
      expect(count('Spreadsheet.getSheetByName')).toBe(0);
      expect(rt.totalCalls()).toBe(2);
      appendRows(ss, P, [{ key: 'c' }]);
      expect(count('Sheet.insertRowsAfter')).toBe(1);
    });
    expect(sh.getMaxRows()).toBe(4);
    expect(keys()).toEqual(['a', 'b', 'c']);
  });

  it('een tabelnaam met een apostrof wordt goed geciteerd', () => {
    const Q = table({ name: "_o'k", columns: ['key'] });
    withTableCache(() => {
      createTables(ss, [Q]);
      appendRows(ss, Q, [{ key: 'x' }]);
    });
    expect(readTable(ss, Q)).toEqual([{ key: 'x' }]);
  });

  it('createTables zonder Sheets-dienst zoekt geen hernoemd tabblad', () => {
    withoutSheets(() => createTables(ss, [P]));
    expect(count('Spreadsheet.createDeveloperMetadataFinder')).toBe(0);
    expect(keys()).toEqual([]);
  });
});

describe('updateRow(s)', () => {
  it('een update die een rij voorbij de laatste schrijft: de volgende toevoeging komt daaronder', () => {
    platTab(1, 1000);
    withTableCache(() => {
      expect(keys()).toEqual(['a']);
      updateRows(ss, P, 0, [{ key: 'a2' }, { key: 'b' }]);
      expect(keys()).toEqual(['a2', 'b']);
      appendRows(ss, P, [{ key: 'c' }]);
    });
    expect(keys()).toEqual(['a2', 'b', 'c']);
  });

  it('een update van een vroegere rij laat de laatste rij staan', () => {
    platTab(3, 1000);
    withTableCache(() => {
      appendRows(ss, P, [{ key: 'd' }]);
      updateRow(ss, P, 0, { key: 'a2' });
      appendRows(ss, P, [{ key: 'e' }]);
    });
    expect(keys()).toEqual(['a2', 'b', 'c', 'd', 'e']);
  });

  it('een update voorbij de gelezen rijen vult de bewaarde rijen met lege aan', () => {
    platTab(1, 1000);
    withTableCache(() => {
      keys();
      updateRows(ss, P, 2, [{ key: 'c' }]);
      expect(readTable(ss, P)).toEqual([
        { key: 'a', tekst: '' },
        { key: '', tekst: '' },
        { key: 'c', tekst: '' },
      ]);
    });
  });

  it('kost één getRange en één setValues, zonder naar het rooster te vragen; niets bij geen rijen', () => {
    platTab(2, 1000);
    withTableCache(() => {
      keys();
      rt.resetCounts();
      updateRow(ss, P, 1, { key: 'b2' });
      expect(rt.totalCalls()).toBe(2);
      updateRows(ss, P, 0, []);
      expect(rt.totalCalls()).toBe(2);
    });
    expect(keys()).toEqual(['a', 'b2']);
    // The same after a read through SpreadsheetApp (the run holds the Sheet).
    withoutSheets(() =>
      withTableCache(() => {
        keys();
        rt.resetCounts();
        updateRow(ss, P, 0, { key: 'a2' });
        expect(rt.totalCalls()).toBe(2);
      }),
    );
    expect(keys()).toEqual(['a2', 'b2']);
  });

  it('buiten een run: een met de hand hernoemd tabblad krijgt zijn naam terug en de rij landt erin', () => {
    platTab(1, 1000);
    ss.getSheetByName(P.name)!.setName('Mijn lijst');
    updateRow(ss, P, 0, { key: 'a2' });
    expect(ss.getSheetByName('Mijn lijst')).toBeNull();
    expect(keys()).toEqual(['a2']);
  });
});

describe('replaceTable', () => {
  it('minder rijen dan er stonden: de oude rijen zijn leeg en een toevoeging sluit aan', () => {
    platTab(3, 1000);
    withTableCache(() => {
      keys();
      replaceTable(ss, P, [{ key: 'x' }]);
      expect(keys()).toEqual(['x']);
      appendRows(ss, P, [{ key: 'y' }]);
    });
    expect(keys()).toEqual(['x', 'y']);
  });

  it('meer rijen dan het rooster heeft: het rooster groeit eerst', () => {
    const sh = platTab(1, 3);
    replaceTable(ss, P, [{ key: 'p' }, { key: 'q' }, { key: 'r' }]);
    expect(sh.getMaxRows()).toBe(4);
    expect(keys()).toEqual(['p', 'q', 'r']);
  });

  it('een lege tabel leeg vervangen schrijft niets, en de run onthoudt de laatste rij', () => {
    platTab(0, 1000);
    withoutSheets(() =>
      withTableCache(() => {
        rt.resetCounts();
        replaceTable(ss, P, []);
        expect(count('Range.setValues')).toBe(0);
        appendRows(ss, P, [{ key: 'a' }]);
        expect(count('Sheet.getLastRow')).toBe(1);
      }),
    );
    expect(keys()).toEqual(['a']);
  });
});

describe('replaceTableRequest', () => {
  const N = table({ name: '_num', columns: ['key', 'n', 'tekst'], numeric: ['n'] });

  it('getallen als numberValue, tekst als stringValue, leeg als lege cel; over alle oude rijen', () => {
    appendRows(ss, N, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    withTableCache(() => {
      readTable(ss, N);
      const got = replaceTableRequest(ss, N, [{ key: 'x', n: 2, tekst: '' }, { key: 'y' }], {
        sheetId: 7,
        rowCount: 5,
      });
      expect(got!.request).toEqual({
        updateCells: {
          range: { sheetId: 7, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 3 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'x' } },
                { userEnteredValue: { numberValue: 2 } },
                {},
              ],
            },
            {
              values: [
                { userEnteredValue: { stringValue: 'y' } },
                { userEnteredValue: { numberValue: 0 } },
                {},
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      });
    });
  });

  it('null als de rijen niet in het rooster passen; precies passend wel', () => {
    appendRows(ss, N, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    withTableCache(() => {
      readTable(ss, N);
      expect(replaceTableRequest(ss, N, [], { sheetId: 7, rowCount: 4 })).not.toBeNull();
      expect(replaceTableRequest(ss, N, [], { sheetId: 7, rowCount: 3 })).toBeNull();
      expect(replaceTableRequest(ss, N, [{}, {}, {}, {}], { sheetId: 7, rowCount: 4 })).toBeNull();
    });
  });

  it('na de batch kent de run de nieuwe rijen en sluit een toevoeging erop aan', () => {
    appendRows(ss, N, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    const sheetId = ss.getSheetByName(N.name)!.getSheetId();
    withTableCache(() => {
      readTable(ss, N);
      const got = replaceTableRequest(ss, N, [{ key: 'x', n: 1 }], { sheetId, rowCount: 1000 })!;
      sheetsApi()!.batchUpdate({ requests: [got.request] }, ss.getId());
      got.applied();
      rt.resetCounts();
      expect(readTable(ss, N)).toEqual([{ key: 'x', n: 1, tekst: '' }]);
      expect(rt.totalCalls()).toBe(0);
      appendRows(ss, N, [{ key: 'y', n: 2 }]);
    });
    expect(readTable(ss, N).map((r) => [r.key, r.n])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('applied zonder bewaarde rijen werkt alleen de laatste rij bij', () => {
    appendRows(ss, N, [{ key: 'a' }, { key: 'b' }]);
    const sheetId = ss.getSheetByName(N.name)!.getSheetId();
    withTableCache(() => {
      appendRows(ss, N, [{ key: 'c' }]);
      const got = replaceTableRequest(ss, N, [{ key: 'x' }], { sheetId, rowCount: 1000 })!;
      sheetsApi()!.batchUpdate({ requests: [got.request] }, ss.getId());
      got.applied();
      appendRows(ss, N, [{ key: 'y' }]);
    });
    expect(readTable(ss, N).map((r) => r.key)).toEqual(['x', 'y']);
  });
});

describe('writeColumn', () => {
  it('een onbekende kolom is een interne fout; geen waarden schrijft niets en maakt geen tabblad', () => {
    expect(() => writeColumn(ss, P, 'nee' as 'key', ['x'])).toThrow(
      'Interne fout: tabel _plat heeft geen kolom nee.',
    );
    writeColumn(ss, P, 'tekst', []);
    expect(ss.getSheetByName(P.name)).toBeNull();
  });

  it('meer waarden dan rijen: de volgende toevoeging komt onder de laatste geschreven cel', () => {
    platTab(1, 1000);
    withTableCache(() => {
      keys();
      writeColumn(ss, P, 'tekst', ['t1', 't2']);
      expect(readTable(ss, P)).toEqual([
        { key: 'a', tekst: 't1' },
        { key: '', tekst: 't2' },
      ]);
      appendRows(ss, P, [{ key: 'c' }]);
    });
    expect(readTable(ss, P)).toEqual([
      { key: 'a', tekst: 't1' },
      { key: '', tekst: 't2' },
      { key: 'c', tekst: '' },
    ]);
  });

  it('niet meer waarden dan rijen: de run kent de laatste rij nog, de andere kolommen blijven', () => {
    platTab(2, 1000);
    withTableCache(() => {
      keys();
      writeColumn(ss, P, 'tekst', ['t1']);
      writeColumn(ss, P, 'tekst', ['t1', 't2']);
      rt.resetCounts();
      expect(readTable(ss, P)).toEqual([
        { key: 'a', tekst: 't1' },
        { key: 'b', tekst: 't2' },
      ]);
      appendRows(ss, P, [{ key: 'c' }]);
      expect(count('Sheet.getLastRow')).toBe(0);
    });
    expect(keys()).toEqual(['a', 'b', 'c']);
  });
});

describe('forgetTable', () => {
  it('na vergeten leest de run het tabblad opnieuw', () => {
    platTab(1, 1000);
    withTableCache(() => {
      expect(keys()).toEqual(['a']);
      ss.getSheetByName(P.name)!.getRange(2, 1).setValue('z');
      expect(keys()).toEqual(['a']);
      forgetTable(ss, P);
      expect(keys()).toEqual(['z']);
    });
  });
});

describe('writeEditableTab', () => {
  it('kopregels als label, tekst als tekst, getallen als getal, korte rijen leeg aangevuld', () => {
    const sh = writeEditableTab(ss, 'Plan', [['Naam', 'Jaar'], ['0612', 2026], ['x']]);
    expect(sh.getRange(1, 1, 3, 2).getValues()).toEqual([
      ['Naam', 'Jaar'],
      ['0612', 2026],
      ['x', ''],
    ]);
    expect(sh.getFrozenRows()).toBe(1);
    // Without plainText the cells below the header keep the default format.
    expect(sh.getRange(3, 2).getNumberFormat()).not.toBe('@');
    const plain = writeEditableTab(ss, 'Brieven', [['Naam'], ['x']], 1, { plainText: true });
    expect(plain.getRange(3, 1).getNumberFormat()).toBe('@');
  });

  it('een kopregel die Sheets als formule zou lezen, wordt geweigerd', () => {
    expect(() => writeEditableTab(ss, 'Plan', [['=SOM(A1)'], ['x']])).toThrow(/^Interne fout: label/);
  });
});
