import { beforeEach, describe, expect, it } from 'vitest';
import { createSheetsService } from '../../src/local/apps-script/advanced/sheets';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

let rt: Runtime;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let Sheets: GoogleAppsScript.Sheets;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  const app = createSpreadsheetApp(rt) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Sheets = createSheetsService(rt);
  ss = app.create('Proef');
  const a = ss.insertSheet('Mijn tab');
  a.getRange(1, 1, 3, 3).setValues([
    ['kop', 'getal', ''],
    ['tekst', 12.5, true],
    ['', '', ''],
  ]);
  a.getRange(3, 1).setValue(new Date(2026, 0, 2));
  rt.resetCounts();
});

describe('Sheets.Spreadsheets.Values.batchGet', () => {
  it('geeft alle bereiken in één aanroep, in volgorde, zonder lege rijen en cellen aan het eind', () => {
    const r = Sheets.Spreadsheets!.Values!.batchGet(ss.getId(), {
      ranges: ["'Mijn tab'!A2:C", 'Sheet1!A1:B2', "'Mijn tab'!A1:C1"],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(r.valueRanges!.map((v) => v.values)).toEqual([
      [['tekst', 12.5, true], ['2-1-2026']], // nl_NL, the default locale: d-M-yyyy
      undefined,
      [['kop', 'getal']],
    ]);
    expect(r.valueRanges![0]!.range).toBe("'Mijn tab'!A2:C1000");
  });

  it('geeft datums standaard als serieel getal (dagen sinds 30-12-1899)', () => {
    const r = Sheets.Spreadsheets!.Values!.batchGet(ss.getId(), {
      ranges: ["'Mijn tab'!A3"],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(r.valueRanges![0]!.values).toEqual([[46024]]);
  });

  it('leest een heel tabblad met alleen zijn naam, ook tussen aanhalingstekens', () => {
    const r = Sheets.Spreadsheets!.Values!.batchGet(ss.getId(), {
      ranges: ["'Mijn tab'", 'Sheet1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(r.valueRanges!.map((v) => v.values)).toEqual([
      [['kop', 'getal'], ['tekst', 12.5, true], [46024]],
      undefined,
    ]);
    expect(() => Sheets.Spreadsheets!.Values!.batchGet(ss.getId(), { ranges: ["'Bestaat niet'"] })).toThrow(
      "Unable to parse range: 'Bestaat niet'",
    );
  });

  it('weigert een onbekend tabblad, een bereik buiten het raster en een onbekende optie zoals Google', () => {
    const get = (args: object) => () => Sheets.Spreadsheets!.Values!.batchGet(ss.getId(), args);
    expect(get({ ranges: ['Bestaat niet!A1:B2'] })).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Bestaat niet!A1:B2',
    );
    expect(get({ ranges: ["'Mijn tab'!A1:A1001"] })).toThrow(
      'Range (Mijn tab!A1:A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
    expect(get({ ranges: ["'Mijn tab'!A1"], valueRenderOption: 'RAW' })).toThrow(
      "Invalid value at 'value_render_option'",
    );
    expect(get({ range: "'Mijn tab'!A1" })).toThrow('Unknown name "range"');
    expect(() => Sheets.Spreadsheets!.Values!.batchGet('geen-id', { ranges: ['A1'] })).toThrow(
      'Requested entity was not found.',
    );
  });
});

describe('Sheets.Spreadsheets.get', () => {
  it('geeft de eigenschappen van elk tabblad in één aanroep', () => {
    ss.getSheetByName('Mijn tab')!.hideSheet();
    const id = ss.getId();
    rt.resetCounts();
    const r = Sheets.Spreadsheets!.get(id, { fields: 'sheets.properties' });
    expect(rt.totalCalls()).toBe(1);
    expect(
      r.sheets!.map((s) => [
        s.properties!.title,
        s.properties!.hidden,
        s.properties!.gridProperties!.rowCount,
      ]),
    ).toEqual([
      ['Sheet1', false, 1000],
      ['Mijn tab', true, 1000],
    ]);
  });
});

describe('Sheets.Spreadsheets.get met rastergegevens', () => {
  it('geeft de cellen van elk tabblad alleen als het veldmasker ze noemt of includeGridData zonder masker', () => {
    const id = ss.getId();
    expect(Sheets.Spreadsheets!.get(id, { fields: 'sheets.properties' }).sheets![1]!.data).toBeUndefined();
    // A field mask wins over includeGridData (spreadsheets/get).
    expect(
      Sheets.Spreadsheets!.get(id, { fields: 'sheets.properties', includeGridData: true }).sheets![1]!.data,
    ).toBeUndefined();
    rt.resetCounts();
    const r = Sheets.Spreadsheets!.get(id, {
      fields: 'sheets(properties(sheetId,title),data(rowData(values(formattedValue))))',
    });
    expect(rt.totalCalls()).toBe(1);
    const tab = r.sheets!.find((s) => s.properties!.title === 'Mijn tab')!;
    const rows = tab.data![0]!.rowData!.map((row) => (row.values ?? []).map((c) => c.formattedValue ?? ''));
    // Shown values in the spreadsheet's locale (nl_NL, the default: decimal comma, d-M-yyyy).
    expect(rows).toEqual([['kop', 'getal'], ['tekst', '12,5', 'TRUE'], ['2-1-2026']]);
    expect(tab.data![0]!.rowData![1]!.values![1]!.effectiveValue).toEqual({ numberValue: 12.5 });
    expect(r.sheets!.find((s) => s.properties!.title === 'Sheet1')!.data![0]!.rowData).toEqual([]);
    const all = Sheets.Spreadsheets!.get(id, { includeGridData: true });
    expect(all.sheets![1]!.data![0]!.rowData!.length).toBe(3);
  });

  it('weigert een onbekende optie en emuleert ranges niet', () => {
    expect(() => Sheets.Spreadsheets!.get(ss.getId(), { bogus: 1 })).toThrow('Unknown name "bogus"');
    expect(() => Sheets.Spreadsheets!.get(ss.getId(), { ranges: ['A1'] })).toThrow('not emulated');
  });
});

describe('Sheets.Spreadsheets.get: developer metadata van een tabblad', () => {
  it('hoort bij het tabblad, niet bij de naam: na setName blijven id en metadata gelijk', () => {
    const sh = ss.getSheetByName('Mijn tab')!;
    const id = sh.getSheetId();
    sh.addDeveloperMetadata('systeemtabel', '_besluiten');
    ss.getSheetByName('Sheet1')!.addDeveloperMetadata('ander', 'x');
    // Metadata of the whole spreadsheet is not a sheet's (reference/rest/v4/spreadsheets/sheets#Sheet).
    ss.addDeveloperMetadata('systeemtabel', 'spreadsheet');
    sh.setName('Besluiten (oud)');
    expect(sh.getSheetId()).toBe(id);
    expect(ss.getSheetById(id)!.getName()).toBe('Besluiten (oud)');
    const got = Sheets.Spreadsheets!.get(ss.getId(), {
      fields: 'sheets(properties(sheetId,title),developerMetadata(metadataKey,metadataValue))',
    });
    const tab = got.sheets!.find((s) => s.properties!.sheetId === id)!;
    expect(tab.properties!.title).toBe('Besluiten (oud)');
    expect(tab.developerMetadata!.map((m) => [m.metadataKey, m.metadataValue, m.location])).toEqual([
      ['systeemtabel', '_besluiten', { locationType: 'SHEET', sheetId: id }],
    ]);
    // A tab without metadata has no such field (the API leaves out empty fields).
    const plain = ss.insertSheet('Leeg');
    const again = Sheets.Spreadsheets!.get(ss.getId(), { fields: 'sheets(properties,developerMetadata)' });
    expect(
      again.sheets!.find((s) => s.properties!.sheetId === plain.getSheetId())!.developerMetadata,
    ).toBeUndefined();
    // The SpreadsheetApp finder sees the same metadata at the renamed sheet.
    const found = ss.createDeveloperMetadataFinder().withKey('systeemtabel').withValue('_besluiten').find();
    expect(found.map((m) => m.getLocation().getSheet()!.getName())).toEqual(['Besluiten (oud)']);
  });
});
