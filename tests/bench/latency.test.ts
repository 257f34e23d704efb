/**
 * The two latency profiles: the pessimistic one takes the upper end of every range (issue 7,
 * point 2) and the runtime's clock can run on either; one set of counts prices both.
 */
import { describe, expect, it } from 'vitest';
import { latencyFor, priceCalls } from '../../src/local/apps-script/latency';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

describe('pessimistic latency profile', () => {
  it.each([
    // Docs elements ≥ 100 ms
    ['Paragraph.setHeading', 100],
    ['Body.appendParagraph', 100],
    ['TableCell.setBackgroundColor', 100],
    // Forms items and setters ≥ 300 ms
    ['Form.addTextItem', 300],
    ['Form.setTitle', 300],
    ['TextItem.setTitle', 300],
    ['MultipleChoiceItem.setChoiceValues', 300],
    ['GridItem.setRows', 300],
    // Sheets reads and writes ≥ 500 ms
    ['Range.getValues', 500],
    ['Range.setValues', 500],
    ['Sheet.getLastRow', 500],
    ['Range.setBackgrounds', 500],
    // Drive ≥ 500 ms
    ['DriveApp.getFileById', 500],
    ['File.moveTo', 500],
    ['Folder.getFiles', 500],
    // Advanced services ≥ 500 ms
    ['Sheets.Spreadsheets.Values.batchGet', 500],
    ['Sheets.Spreadsheets.batchUpdate', 500],
    ['Drive.Files.copy', 500],
    ['Drive.Files.list', 500],
    ['Docs.Documents.batchUpdate', 500],
    // Getters on service objects ≥ 20 ms
    ['Spreadsheet.getId', 20],
    ['Range.getRow', 20],
    ['Form.getId', 20],
    ['File.getName', 20],
  ])('%s costs at least %i ms', (name, floor) => {
    expect(latencyFor(name, 'pessimistic')).toBeGreaterThanOrEqual(floor);
    expect(latencyFor(name, 'pessimistic')).toBeGreaterThanOrEqual(latencyFor(name, 'typical'));
  });

  it('doubles file-level work of a second or more and keeps published maxima', () => {
    expect(latencyFor('FormApp.create', 'pessimistic')).toBe(2 * latencyFor('FormApp.create'));
    expect(latencyFor('Properties.setProperty', 'pessimistic')).toBe(231);
    expect(latencyFor('Properties.getProperty', 'typical')).toBe(30);
  });

  it('finds the figure of an advanced-service method, then of its resource, then of the service', () => {
    expect(latencyFor('Drive.Files.copy')).toBe(1500);
    // No figure for the method or for Drive.Permissions: the Drive service's.
    expect(latencyFor('Drive.Permissions.create')).toBe(300);
    expect(latencyFor('Sheets.Spreadsheets.Values.batchGet')).toBe(300);
  });

  it('prices one set of counts under both profiles', () => {
    const counts: [string, number][] = [
      ['Range.setValues', 2],
      ['Spreadsheet.getId', 3],
    ];
    expect(priceCalls(counts, 'typical')).toBe(
      2 * latencyFor('Range.setValues') + 3 * latencyFor('Spreadsheet.getId'),
    );
    expect(priceCalls(counts, 'pessimistic')).toBe(2 * 500 + 3 * 20);
  });

  it('moves the clock by the profile the runtime runs on', () => {
    const typical = new Runtime();
    const pessimistic = new Runtime({ latencyProfile: 'pessimistic' });
    for (const rt of [typical, pessimistic]) {
      const sheet = createSpreadsheetApp(rt).create('Tijd').getSheets()[0]!;
      const t0 = rt.now();
      sheet.getRange(1, 1).setValues([[1]]);
      rt.advance(0);
      expect(rt.now() - t0).toBe(
        latencyFor('Sheet.getRange', rt.latencyProfile) + latencyFor('Range.setValues', rt.latencyProfile),
      );
    }
  });

  it('enforces the 6-minute limit unless the benchmark lifts it', () => {
    const strictRt = new Runtime({ latencyProfile: 'pessimistic' });
    const lifted = new Runtime({ latencyProfile: 'pessimistic', executionLimitMs: Number.POSITIVE_INFINITY });
    const writeMany = (rt: Runtime) => {
      const sheet = createSpreadsheetApp(rt).create('Lang').getSheets()[0]!;
      rt.beginExecution();
      try {
        for (let i = 0; i < 800; i++) sheet.getRange(1, 1).setValue(i);
      } finally {
        rt.endExecution();
      }
    };
    expect(() => writeMany(strictRt)).toThrow('Exceeded maximum execution time');
    expect(() => writeMany(lifted)).not.toThrow();
    expect(lifted.executionsBegun).toBe(1);
  });
});
