/** Links in a cell: RichTextValue (SpreadsheetApp) and TextFormat.link (Sheets API) in the emulator. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSheetsService } from '../../src/local/apps-script/advanced/sheets';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp, snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
let rt: Runtime;
let app: App;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  app = createSpreadsheetApp(rt) as unknown as App;
  ss = app.create('Links');
  sheet = ss.getSheets()[0]!;
});

const link = (text: string, url: string | null) =>
  app.newRichTextValue().setText(text).setLinkUrl(url).build();

describe('RichTextValue', () => {
  it('zet tekst met een link in een cel en leest hem terug; de tekst blijft tekst', () => {
    sheet.getRange('A1').setRichTextValue(link('openen', 'https://docs.google.com/spreadsheets/d/abc/edit'));
    sheet.getRange('B1').setRichTextValue(link('1,5', null));
    const rich = sheet.getRange('A1').getRichTextValue()!;
    expect(rich.getText()).toBe('openen');
    expect(rich.getLinkUrl()).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(sheet.getRange('A1').getValue()).toBe('openen');
    expect(sheet.getRange('B1').getValue()).toBe('1,5');
    expect(sheet.getRange('B1').getRichTextValue()!.getLinkUrl()).toBeNull();
  });

  it('setRichTextValues vraagt precies de vorm van het bereik en alleen RichTextValues', () => {
    const range = sheet.getRange(1, 1, 2, 1);
    expect(() => range.setRichTextValues([[link('a', null)]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setRichTextValues([['a'], ['b']] as never)).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setRichTextValues",
    );
    range.setRichTextValues([[link('a', 'https://a.example/')], [link('b', null)]]);
    expect(range.getRichTextValues().map((r) => r[0]!.getLinkUrl())).toEqual(['https://a.example/', null]);
  });

  it('geeft null voor een cel met een getal, een lege tekst voor een lege cel', () => {
    sheet.getRange('A1').setValue(3);
    expect(sheet.getRange('A1').getRichTextValue()).toBeNull();
    expect(sheet.getRange('A2').getRichTextValue()!.getText()).toBe('');
  });

  it('een nieuwe waarde of wissen haalt de link weg', () => {
    sheet.getRange('A1').setRichTextValue(link('x', 'https://x.example/'));
    sheet.getRange('A1').setValue('y');
    expect(sheet.getRange('A1').getRichTextValue()!.getLinkUrl()).toBeNull();
    sheet.getRange('A2').setRichTextValue(link('x', 'https://x.example/'));
    sheet.clearContents();
    expect(sheet.getRange('A2').getRichTextValue()!.getLinkUrl()).toBeNull();
  });

  it('een link op een deel van de tekst is niet geëmuleerd; over de hele tekst wel', () => {
    const b = app.newRichTextValue().setText('abc');
    expect(() => b.setLinkUrl(0, 1, 'https://x.example/')).toThrow(/Niet geëmuleerd/);
    expect(b.setLinkUrl(0, 3, 'https://x.example/').build().getLinkUrl()).toBe('https://x.example/');
  });

  it('telt de builder-aanroepen', () => {
    rt.resetCounts();
    link('a', 'https://a.example/');
    expect(rt.counts.get('SpreadsheetApp.newRichTextValue')).toBe(1);
    expect(rt.counts.get('RichTextValueBuilder.setText')).toBe(1);
    expect(rt.counts.get('RichTextValueBuilder.setLinkUrl')).toBe(1);
    expect(rt.counts.get('RichTextValueBuilder.build')).toBe(1);
  });
});

describe('TextFormat.link via Sheets.Spreadsheets.batchUpdate', () => {
  it('zet een link die getRichTextValue en de momentopname zien', () => {
    const Sheets = createSheetsService(rt);
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
              rows: [
                {
                  values: [
                    {
                      userEnteredValue: { stringValue: 'openen' },
                      userEnteredFormat: {
                        textFormat: { link: { uri: 'https://docs.google.com/document/d/d1/edit' } },
                      },
                    },
                    { userEnteredValue: { stringValue: 'zonder' } },
                  ],
                },
              ],
              fields: 'userEnteredValue,userEnteredFormat,note',
            },
          },
        ],
      },
      ss.getId(),
    );
    expect(sheet.getRange('A1').getRichTextValue()!.getLinkUrl()).toBe(
      'https://docs.google.com/document/d/d1/edit',
    );
    expect(sheet.getRange('B1').getRichTextValue()!.getLinkUrl()).toBeNull();
    const snap = snapshotSpreadsheet(rt, ss.getId());
    expect(snap.sheets[0]!.links).toEqual([['https://docs.google.com/document/d/d1/edit', '']]);
  });
});
