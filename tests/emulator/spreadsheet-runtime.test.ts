import { describe, expect, it } from 'vitest';
import { latencyFor } from '../../src/local/apps-script/latency';
import { Runtime } from '../../src/local/apps-script/runtime';
import {
  createSpreadsheetApp,
  linkFormResponseSheet,
  snapshotSpreadsheet,
  unlinkFormResponseSheet,
} from '../../src/local/apps-script/spreadsheet';

describe('call counting and latency', () => {
  it('counts every call as Class.method, handle getters included', () => {
    const rt = new Runtime({ latency: false });
    const app = createSpreadsheetApp(rt);
    const ss = app.create('Tellen');
    const sheet = ss.getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    sheet.getRange('A1').getValue();
    expect(rt.counts.get('SpreadsheetApp.create')).toBe(1);
    expect(rt.counts.get('Spreadsheet.getSheetByName')).toBe(1);
    expect(rt.counts.get('Sheet.getRange')).toBe(2);
    expect(rt.counts.get('Range.setValues')).toBe(1);
    expect(rt.counts.get('Range.getValue')).toBe(1);
    expect(rt.totalCalls('Range.')).toBe(2);
  });

  it('advances the emulated clock: one setValues is far cheaper than per-cell setValue', () => {
    const rt = new Runtime();
    const sheet = createSpreadsheetApp(rt).create('Tijd').getSheets()[0]!;
    const rows = Array.from({ length: 100 }, (_, i) => [i, `rij ${i}`]);

    let t0 = rt.now();
    sheet.getRange(1, 1, 100, 2).setValues(rows);
    const batch = rt.now() - t0;

    t0 = rt.now();
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        sheet.getRange(i + 1, j + 1).setValue(v);
      });
    });
    const perCell = rt.now() - t0;

    expect(batch).toBe(latencyFor('Sheet.getRange') + latencyFor('Range.setValues'));
    expect(perCell).toBeGreaterThan(50 * batch);
  });

  it('models flush as expensive', () => {
    const rt = new Runtime();
    const app = createSpreadsheetApp(rt);
    const t0 = rt.now();
    app.flush();
    expect(rt.now() - t0).toBe(600);
  });

  it('hits the 6-minute execution limit through modelled latency', () => {
    const rt = new Runtime();
    const sheet = createSpreadsheetApp(rt).create('Lang').getSheets()[0]!;
    rt.beginExecution();
    expect(() => {
      for (let i = 0; i < 100_000; i++) sheet.getRange('A1').setValue(i);
    }).toThrow('Exceeded maximum execution time');
  });
});

describe('fault injection', () => {
  it('fails Range.setValues on the 2nd call with the injected message, once', () => {
    const rt = new Runtime({ latency: false });
    const sheet = createSpreadsheetApp(rt).create('Fouten').getSheets()[0]!;
    rt.injectFault({
      method: 'Range.setValues',
      nth: 2,
      message: 'Too many simultaneous invocations: Spreadsheets',
    });
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    expect(() => sheet.getRange('A2:B2').setValues([[3, 4]])).toThrow(
      'Too many simultaneous invocations: Spreadsheets',
    );
    sheet.getRange('A3:B3').setValues([[5, 6]]);
    expect(sheet.getDataRange().getValues()).toEqual([
      [1, 2],
      ['', ''],
      [5, 6],
    ]);
  });
});

describe('hooks for Forms and the exporters', () => {
  it('links a form response tab and writes rows without counting calls', () => {
    const rt = new Runtime({ latency: false });
    const ss = createSpreadsheetApp(rt).create('Register');
    const url = 'https://docs.google.com/forms/d/abc/viewform';
    const id = ss.getId();
    rt.resetCounts();
    const link = linkFormResponseSheet(rt, id, url, ['Tijdstempel', 'Antwoord']);
    link.appendResponseRow([new Date(Date.UTC(2026, 0, 5)), '=gevaarlijk']);
    link.appendResponseRow([new Date(Date.UTC(2026, 0, 6)), '12']);
    link.updateResponseRow(0, [new Date(Date.UTC(2026, 0, 5)), 'bijgewerkt']);
    expect(rt.totalCalls()).toBe(0);
    expect(link.sheetName).toBe('Form Responses 1');
    expect(linkFormResponseSheet(rt, ss.getId(), url, ['x']).sheetName).toBe('Form Responses 2');

    const tab = ss.getSheetByName('Form Responses 1')!;
    expect(tab.getFormUrl()).toBe(url);
    expect(ss.getFormUrl()).toBe(url);
    expect(tab.getRange('B2:B3').getValues()).toEqual([['bijgewerkt'], [12]]);
    unlinkFormResponseSheet(rt, ss.getId(), url);
    expect(tab.getFormUrl()).toBeNull();
    expect(ss.getSheetByName('Form Responses 1')).not.toBeNull();
  });

  it('snapshots the data region without counting calls', () => {
    const rt = new Runtime({ latency: false });
    const ss = createSpreadsheetApp(rt).create('Export');
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:B2').setValues([
      ['Kop', '=SUM(1)'],
      [3, 'x'],
    ]);
    sheet.getRange('A1').setBackground('#eeeeee').setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.protect();
    const id = ss.getId();
    rt.resetCounts();
    const snap = snapshotSpreadsheet(rt, id);
    expect(rt.totalCalls()).toBe(0);
    expect(snap.timeZone).toBe('Europe/Amsterdam');
    const s = snap.sheets[0]!;
    expect(s.values).toEqual([
      ['Kop', ''],
      [3, 'x'],
    ]);
    expect(s.formulas[0]).toEqual(['', '=SUM(1)']);
    expect(s.backgrounds[0]).toEqual(['#eeeeee', null]);
    expect(s.fontWeights[0]).toEqual(['bold', 'normal']);
    expect([s.frozenRows, s.protected]).toEqual([1, true]);
  });
});
