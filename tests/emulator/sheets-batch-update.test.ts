/** Sheets.Spreadsheets.batchUpdate in the emulator: in order, all or nothing, text verbatim. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSheetsService } from '../../src/local/apps-script/advanced/sheets';
import { parseFieldMask } from '../../src/local/apps-script/advanced/sheets-batch-update';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let Sheets: GoogleAppsScript.Sheets;
let ssId: string;
const batch = (requests: unknown[]) =>
  Sheets.Spreadsheets!.batchUpdate(
    { requests } as GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    ssId,
  );

beforeEach(() => {
  rt = new Runtime({ latency: false });
  const app = createSpreadsheetApp(rt) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Sheets = createSheetsService(rt);
  ss = app.create('Proef');
  ssId = ss.getId();
  rt.resetCounts();
});

describe('Sheets.Spreadsheets.batchUpdate', () => {
  it('maakt een tabblad met raster, bevriezing en inhoud in één aanroep; tekst blijft letterlijk', () => {
    batch([
      {
        addSheet: {
          properties: {
            sheetId: 42,
            title: 'Overzicht',
            index: 0,
            gridProperties: { rowCount: 3, columnCount: 2, frozenRowCount: 1 },
            tabColor: { red: 1, green: 0, blue: 0 },
          },
        },
      },
      {
        updateCells: {
          range: { sheetId: 42, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 2 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'Kop' } },
                { userEnteredValue: { numberValue: 3 } },
              ],
            },
            {
              values: [
                {
                  userEnteredValue: { stringValue: '=1+1' },
                  userEnteredFormat: {
                    backgroundColor: { red: 1, green: 0.8, blue: 0.8 },
                    textFormat: { bold: true },
                  },
                  note: 'let op',
                },
                { userEnteredValue: { stringValue: '0612345678' } },
              ],
            },
          ],
          fields: 'userEnteredValue,userEnteredFormat,note',
        },
      },
    ]);
    expect(rt.totalCalls()).toBe(1);
    const sh = ss.getSheets()[0]!;
    expect(sh.getName()).toBe('Overzicht');
    expect(sh.getSheetId()).toBe(42);
    expect([sh.getMaxRows(), sh.getMaxColumns(), sh.getFrozenRows()]).toEqual([3, 2, 1]);
    expect(sh.getTabColor()).toBe('#ff0000');
    expect(sh.getRange(1, 1, 3, 2).getValues()).toEqual([
      ['Kop', 3],
      ['=1+1', '0612345678'],
      ['', ''],
    ]);
    expect(sh.getRange(2, 1).getFormula()).toBe('');
    expect(sh.getRange(2, 1).getBackground()).toBe('#ffcccc');
    expect(sh.getRange(2, 1).getFontWeight()).toBe('bold');
    expect(sh.getRange(2, 1).getNote()).toBe('let op');
  });

  it('wist in het bereik wat de rijen niet geven, voor de gekozen velden', () => {
    const sh = ss.getSheets()[0]!;
    sh.getRange(1, 1, 2, 2).setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    sh.getRange(2, 2).setBackground('#00ff00');
    batch([
      {
        updateCells: {
          range: {
            sheetId: sh.getSheetId(),
            startRowIndex: 0,
            endRowIndex: 2,
            startColumnIndex: 0,
            endColumnIndex: 2,
          },
          rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(sh.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['x', ''],
      ['', ''],
    ]);
    // Only the values were selected: the background stays.
    expect(sh.getRange(2, 2).getBackground()).toBe('#00ff00');
  });

  it('past niets toe als één verzoek geweigerd wordt', () => {
    const sh = ss.getSheets()[0]!;
    const id = sh.getSheetId();
    expect(() =>
      batch([
        { updateSheetProperties: { properties: { sheetId: id, title: 'Nieuw' }, fields: 'title' } },
        { addSheet: { properties: { title: 'Tweede' } } },
        {
          updateSheetProperties: {
            properties: { sheetId: id, gridProperties: { rowCount: 2, frozenRowCount: 2 } },
            fields: 'gridProperties(rowCount,frozenRowCount)',
          },
        },
      ]),
    ).toThrow(/requests\[2\]\.updateSheetProperties/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual([sh.getName()]);
    expect(sh.getMaxRows()).toBe(1000);
  });

  it('laat cellen staan als een later verzoek geweigerd wordt, en past twee verzoeken op één tabblad allebei toe', () => {
    const sh = ss.getSheets()[0]!;
    const id = sh.getSheetId();
    sh.getRange('A1').setValue('oud');
    const cell = (row: number, text: string) => ({
      updateCells: {
        start: { sheetId: id, rowIndex: row, columnIndex: 0 },
        rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }],
        fields: 'userEnteredValue',
      },
    });
    expect(() => batch([cell(0, 'nieuw'), cell(1, 'ook nieuw'), { deleteSheet: { sheetId: id } }])).toThrow(
      /not emulated/,
    );
    expect(sh.getRange('A1:A2').getValues()).toEqual([['oud'], ['']]);
    batch([cell(0, 'nieuw'), cell(1, 'ook nieuw')]);
    expect(sh.getRange('A1:A2').getValues()).toEqual([['nieuw'], ['ook nieuw']]);
  });

  it('weigert wat de API weigert', () => {
    const id = ss.getSheets()[0]!.getSheetId();
    expect(() => batch([])).toThrow(/at least one request/);
    expect(() =>
      batch([{ addSheet: { properties: { title: ss.getSheets()[0]!.getName().toUpperCase() } } }]),
    ).toThrow(/already exists/);
    expect(() => batch([{ addSheet: { properties: { sheetId: id, title: 'Ander' } } }])).toThrow(
      /already exists/,
    );
    expect(() =>
      batch([
        { updateSheetProperties: { properties: { sheetId: 999999999, hidden: true }, fields: 'hidden' } },
      ]),
    ).toThrow(/No grid with id/);
    expect(() =>
      batch([{ updateSheetProperties: { properties: { sheetId: id, hidden: true }, fields: 'hidden' } }]),
    ).toThrow(/hide all the sheets/);
    expect(() => batch([{ updateSheetProperties: { properties: { sheetId: id, hidden: true } } }])).toThrow(
      /At least one field/,
    );
    expect(() =>
      batch([
        {
          updateCells: {
            range: {
              sheetId: id,
              startRowIndex: 0,
              endRowIndex: 1001,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            rows: [],
            fields: 'userEnteredValue',
          },
        },
      ]),
    ).toThrow(/exceeds grid limits/);
    expect(() =>
      batch([
        {
          updateCells: {
            start: { sheetId: id, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'x'.repeat(50_001) } }] }],
            fields: 'userEnteredValue',
          },
        },
      ]),
    ).toThrow(/50000 characters/);
    // The message names the cell and the field.
    expect(() =>
      batch([
        {
          updateCells: {
            start: { sheetId: id, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{}, { userEnteredFormat: { backgroundColor: { red: 2 } } }] }],
            fields: 'userEnteredFormat.backgroundColor',
          },
        },
      ]),
    ).toThrow(/rows\[0\]\.values\[1\]\.backgroundColor: Invalid value for Color\.red/);
    expect(() => batch([{ deleteSheet: { sheetId: id } }])).toThrow(/not emulated/);
  });

  it('zet kolombreedtes per bereik', () => {
    const sh = ss.getSheets()[0]!;
    batch([
      {
        updateDimensionProperties: {
          range: { sheetId: sh.getSheetId(), dimension: 'COLUMNS', startIndex: 1, endIndex: 3 },
          properties: { pixelSize: 240 },
          fields: 'pixelSize',
        },
      },
    ]);
    expect([1, 2, 3, 4].map((c) => sh.getColumnWidth(c))).toEqual([100, 240, 240, 100]);
  });

  it('leest veldmaskers met groepen en punten', () => {
    expect([...parseFieldMask('gridProperties(rowCount,frozenRowCount),hidden', 'x')]).toEqual([
      'gridProperties.rowCount',
      'gridProperties.frozenRowCount',
      'hidden',
    ]);
    expect([...parseFieldMask('userEnteredFormat(textFormat(bold)),note', 'x')]).toEqual([
      'userEnteredFormat.textFormat.bold',
      'note',
    ]);
  });
});

describe('createDeveloperMetadata in een batch', () => {
  const tag = (sheetId: number, value: string) => ({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: 'systeemtabel',
        metadataValue: value,
        location: { sheetId },
        visibility: 'DOCUMENT',
      },
    },
  });

  it('legt een sleutel op een tabblad dat dezelfde batch maakt; hij blijft bij het hernoemde tabblad', () => {
    batch([
      { addSheet: { properties: { sheetId: 7, title: '_besluiten', hidden: true } } },
      tag(7, '_besluiten'),
    ]);
    const sh = ss.getSheetByName('_besluiten')!;
    sh.setName('Oud');
    const found = ss.getSheetByName('Oud')!.createDeveloperMetadataFinder().withKey('systeemtabel').find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getSheet()?.getSheetId()])).toEqual([
      ['_besluiten', 7],
    ]);
    const meta = Sheets.Spreadsheets!.get(ssId, {
      fields: 'sheets(properties(sheetId,title),developerMetadata)',
    });
    const sheet = meta.sheets!.find((s) => s.properties?.sheetId === 7)!;
    expect(sheet.developerMetadata?.map((m) => m.metadataValue)).toEqual(['_besluiten']);
  });

  it('weigert zonder sleutel, zonder zichtbaarheid of bij een onbekend tabblad, en dan geldt niets uit de batch', () => {
    const before = ss.getSheets().length;
    const bad = [
      {
        createDeveloperMetadata: { developerMetadata: { location: { sheetId: 7 }, visibility: 'DOCUMENT' } },
      },
      { createDeveloperMetadata: { developerMetadata: { metadataKey: 'k', location: { sheetId: 7 } } } },
      tag(999, 'x'),
    ];
    for (const request of bad) {
      expect(() => batch([{ addSheet: { properties: { sheetId: 7, title: 'Nieuw' } } }, request])).toThrow();
      expect(ss.getSheets()).toHaveLength(before);
      expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
    }
  });

  it('geeft elke sleutel een eigen id; een gegeven id moet vrij zijn', () => {
    batch([{ addSheet: { properties: { sheetId: 8, title: 'A' } } }, tag(8, 'a'), tag(8, 'b')]);
    const ids = ss
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getId());
    expect(new Set(ids).size).toBe(2);
    const taken = { ...tag(8, 'c') };
    (taken.createDeveloperMetadata.developerMetadata as Record<string, unknown>).metadataId = ids[0];
    expect(() => batch([taken])).toThrow(/already exists/);
  });
});

describe('een zelf gekozen sheetId', () => {
  it('wordt daarna door Google niet nog eens uitgedeeld', () => {
    // What id would the next insertSheet get? The same steps on a twin runtime tell.
    const twin = new Runtime({ latency: false });
    const twinSs = (
      createSpreadsheetApp(twin) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp
    ).create('Proef');
    const next = twinSs.insertSheet('x').getSheetId();
    batch([{ addSheet: { properties: { sheetId: next, title: 'Eigen id' } } }]);
    const given = ss.insertSheet('Daarna').getSheetId();
    expect(given).not.toBe(next);
    expect(new Set(ss.getSheets().map((s) => s.getSheetId())).size).toBe(ss.getSheets().length);
  });
});
