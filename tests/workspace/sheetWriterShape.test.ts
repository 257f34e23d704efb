/**
 * workspace/sheetWriter, the rest of a tab: checks before any call, links, column widths per run,
 * and the calls a new tab does not need (reference/spreadsheet/sheet, …/range).
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { type Cell, type SheetTable, textCell } from '../../src/render/sheetTable';
import { readSheetRows, toSheetValue, writeSheetTable } from '../../src/workspace/sheetWriter';
import { onFreshAppsScript } from './helpers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let rt: Runtime;
let ss: Spreadsheet;
onFreshAppsScript((fresh) => {
  rt = fresh;
  ss = SpreadsheetApp.create('Casus');
  rt.resetCounts();
});

const table = (rows: Cell[][], extra: Partial<SheetTable> = {}): SheetTable => ({
  name: 'Overzicht',
  rows,
  frozenRows: 0,
  ...extra,
});
const count = (method: string) => rt.counts.get(method) ?? 0;

describe('toSheetValue', () => {
  it('lege tekst blijft leeg (zonder apostrof); een getal dat geen getal is wordt geweigerd met de plaats', () => {
    expect(toSheetValue(textCell(''), 'X')).toBe('');
    expect(toSheetValue(textCell('a'), 'X')).toBe("'a");
    expect(toSheetValue(3, 'X')).toBe(3);
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => toSheetValue(n, 'Overzicht!R2C3')).toThrow(
        'Interne fout: ongeldig getal in Overzicht!R2C3.',
      );
  });
});

describe('writeSheetTable: controles vóór elke aanroep', () => {
  it.each([
    ['rows', table([['a', 'b'], ['c']])],
    ['backgrounds', table([['a', 'b']], { backgrounds: [[null]] })],
    ['backgrounds', table([['a', 'b']], { backgrounds: [] })],
    ['fontColors', table([['a', 'b']], { fontColors: [[null, null, null]] })],
  ])('%s niet rechthoekig', (grid, t) => {
    expect(() => writeSheetTable(ss, t)).toThrow(
      `Interne fout: tabblad Overzicht: ${grid} is niet rechthoekig.`,
    );
    expect(rt.totalCalls()).toBe(0);
  });

  it('rijen zonder kolommen worden geweigerd; een tabel zonder rijen niet', () => {
    expect(() => writeSheetTable(ss, table([[]]))).toThrow(
      'Interne fout: tabblad Overzicht heeft geen kolommen.',
    );
    writeSheetTable(ss, table([]));
    expect(readSheetRows(ss, 'Overzicht')).toEqual([]);
  });

  it('een label dat Sheets zou omzetten noemt tab, rij en kolom', () => {
    expect(() =>
      writeSheetTable(
        ss,
        table([
          ['a', 'b', 'c'],
          ['d', 'e', '12'],
        ]),
      ),
    ).toThrow('Overzicht!R2C3');
  });
});

describe('writeSheetTable: een nieuwe tab', () => {
  it('op de gevraagde plaats, zonder aanroepen die een nieuwe tab niet nodig heeft', () => {
    writeSheetTable(ss, table([['a']], { boldRows: [], notes: [], links: [] }), { position: 0 });
    expect(ss.getSheets()[0]!.getName()).toBe('Overzicht');
    for (const m of [
      'Sheet.clear',
      'Sheet.setFrozenRows',
      'Sheet.setFrozenColumns',
      'Sheet.setTabColor',
      'Sheet.showSheet',
      'Range.setFontWeights',
      'Range.setNotes',
      'SpreadsheetApp.newRichTextValue',
    ])
      expect(count(m), m).toBe(0);
    const first = ss.getSheets()[1]!.getName();
    writeSheetTable(ss, table([['a']], { name: 'Achteraan' }));
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Overzicht', first, 'Achteraan']);
  });

  it('vastgezette kolommen laten een kolom over, ook als de tabel smaller is', () => {
    writeSheetTable(ss, table([['a']], { frozenColumns: 1, frozenRows: 1 }));
    const sh = ss.getSheetByName('Overzicht')!;
    expect(sh.getFrozenColumns()).toBe(1);
    expect(sh.getMaxColumns()).toBe(2);
    expect(sh.getMaxRows()).toBe(2);
  });

  it('kolombreedtes per reeks gelijke breedtes, niet verder dan de tabel breed is', () => {
    writeSheetTable(ss, table([['a', 'b', 'c', 'd']], { columnWidths: [100, 100, 200, 100, 300, 300] }));
    const sh = ss.getSheetByName('Overzicht')!;
    expect([1, 2, 3, 4].map((c) => sh.getColumnWidth(c))).toEqual([100, 100, 200, 100]);
    expect(count('Sheet.setColumnWidths')).toBe(3);
  });

  it('vet alleen de gevraagde rijen; notities alleen op cellen binnen de tabel', () => {
    const rows: Cell[][] = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    writeSheetTable(
      ss,
      table(rows, {
        boldRows: [1],
        notes: [
          { row: 0, column: 1, note: 'goed' },
          { row: 1, column: 0, note: 'ook goed' },
          { row: 1, column: 2, note: 'buiten' },
          { row: 1, column: -1, note: 'buiten' },
          { row: 5, column: 0, note: 'buiten' },
        ],
      }),
    );
    const range = ss.getSheetByName('Overzicht')!.getRange(1, 1, 2, 2);
    expect(range.getFontWeights()).toEqual([
      ['normal', 'normal'],
      ['bold', 'bold'],
    ]);
    expect(range.getNotes()).toEqual([
      ['', 'goed'],
      ['ook goed', ''],
    ]);
  });
});

describe('writeSheetTable: links', () => {
  it('zet een link op precies de genoemde cellen, met de tekst van de cel', () => {
    const url = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
    writeSheetTable(
      ss,
      table(
        [
          ['Document', 'Stap'],
          [textCell('Integraal beeld'), 'een'],
          ['Advies', 'twee'],
          [textCell('Brief'), 'drie'],
        ],
        {
          links: [
            { row: 1, column: 0, url: url('a') },
            { row: 3, column: 0, url: url('c') },
            { row: 2, column: 1, url: url('b') },
          ],
        },
      ),
    );
    const sh = ss.getSheetByName('Overzicht')!;
    const cell = (r: number, c: number) => sh.getRange(r, c).getRichTextValue()!;
    expect([cell(2, 1).getText(), cell(2, 1).getLinkUrl()]).toEqual(['Integraal beeld', url('a')]);
    expect([cell(3, 1).getText(), cell(3, 1).getLinkUrl()]).toEqual(['Advies', null]);
    expect([cell(4, 1).getText(), cell(4, 1).getLinkUrl()]).toEqual(['Brief', url('c')]);
    expect([cell(3, 2).getText(), cell(3, 2).getLinkUrl()]).toEqual(['twee', url('b')]);
    expect(cell(1, 1).getLinkUrl()).toBeNull();
    expect(cell(2, 2).getLinkUrl()).toBeNull();
    expect(cell(4, 2).getLinkUrl()).toBeNull();
  });

  it('weigert een link die geen adres van een Google-bestand is', () => {
    expect(() =>
      writeSheetTable(ss, table([['a']], { links: [{ row: 0, column: 0, url: 'https://example.nl/' }] })),
    ).toThrow('link in Overzicht');
  });
});

describe('readSheetRows', () => {
  it('één lege cel is een lege tab; één gevulde cel of een lege eerste cel naast andere niet', () => {
    writeSheetTable(ss, table([['x']], { name: 'Een' }));
    expect(readSheetRows(ss, 'Een')).toEqual([['x']]);
    writeSheetTable(ss, table([[textCell(''), 'b']], { name: 'Twee' }));
    expect(readSheetRows(ss, 'Twee')).toEqual([['', 'b']]);
    writeSheetTable(ss, table([[textCell('')], ['b']], { name: 'Drie' }));
    expect(readSheetRows(ss, 'Drie')).toEqual([[''], ['b']]);
  });
});
