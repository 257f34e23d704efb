/**
 * Dates cross between the script's realm (a node:vm context, as the bundle runs in tests) and the
 * in-memory services in both directions, as they do in Apps Script: the services take the
 * script's Dates, and hand the script Dates of its own realm (`instanceof Date` holds there).
 */
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createVmContext } from '../../src/local/apps-script/install';
import { isDate } from '../../src/local/apps-script/realm';
import { Runtime } from '../../src/local/apps-script/runtime';
import { deadlineOf } from '../../src/model/planSheet';
import { cellDate } from '../../src/model/sheetTable';
import { isDate as productIsDate } from '../../src/model/time';

function context() {
  const rt = new Runtime({ latency: false, now: Date.UTC(2026, 2, 2, 9, 0) });
  const ctx = createVmContext(rt);
  const run = (code: string) => vm.runInContext(code, ctx);
  return { rt, ctx, run };
}

describe('Dates over de grens van de vm-context', () => {
  it('de services nemen een Date van het script aan (setValue, getResponses, DateItem, formatDate)', () => {
    const { run } = context();
    const out = run(`
      var ss = SpreadsheetApp.create('R');
      var cell = ss.getSheets()[0].getRange('A1');
      cell.setValue(new Date(Date.UTC(2026, 0, 31, 11, 0)));
      var form = FormApp.create('F');
      var item = form.addDateItem().setTitle('Wanneer');
      form.setPublished(true);
      form.createResponse().withItemResponse(item.createResponse(new Date(Date.UTC(2026, 1, 3, 12)))).submit();
      ({
        read: cell.getValue(),
        isScriptDate: cell.getValue() instanceof Date,
        since: form.getResponses(new Date(Date.UTC(2026, 0, 1))).length,
        answer: form.getResponses()[0].getItemResponses()[0].getResponse(),
        stampIsScriptDate: form.getResponses()[0].getTimestamp() instanceof Date,
        shown: Utilities.formatDate(new Date(Date.UTC(2026, 0, 31, 11, 0)), 'Europe/Amsterdam', 'yyyy-MM-dd HH:mm'),
        parsed: Utilities.parseDate('2026-03-04', 'Europe/Amsterdam', 'yyyy-MM-dd') instanceof Date,
        created: DriveApp.getFileById(ss.getId()).getDateCreated() instanceof Date,
      })
    `);
    expect(out.isScriptDate).toBe(true);
    expect(out.stampIsScriptDate).toBe(true);
    expect(out.parsed).toBe(true);
    expect(out.created).toBe(true);
    // A Date of the script's realm: not the host's, yet a Date by its class.
    expect(out.read instanceof Date).toBe(false);
    expect(isDate(out.read)).toBe(true);
    expect(productIsDate(out.read)).toBe(true);
    expect((out.read as Date).getTime()).toBe(Date.UTC(2026, 0, 31, 11, 0));
    expect(out.since).toBe(1);
    expect(out.answer).toBe('2026-02-03');
    expect(out.shown).toBe('2026-01-31 12:00');
  });

  it('buiten een vm-context blijven de Dates van de host', () => {
    const rt = new Runtime({ latency: false });
    expect(rt.scriptDateConstructor).toBe(Date);
    expect(isDate(vm.runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(productIsDate('2026-01-01')).toBe(false);
  });

  it('het product leest een datumcel uit een andere realm als datum (geen instanceof)', () => {
    // Local noon, so the calendar day is the same in every process time zone.
    const foreign = vm.runInNewContext('new Date(2026, 0, 31, 12, 0)') as Date;
    expect(cellDate(foreign)).toBe('2026-01-31');
    expect(deadlineOf(foreign, 'Europe/Amsterdam')).toBe('2026-01-31');
  });
});
