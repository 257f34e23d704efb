/** Destroying a closed case after its bewaartermijn: everything goes, verified, resumable, with a record. */
import { afterEach, describe, expect, it } from 'vitest';
import { MIME } from '../../src/local/apps-script/runtime';
import { startOfLocalDay } from '../../src/model/time';
import { listCases, openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { CASES, FORMS, PURGES } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { play, shortScenario } from './helpers';

let p: Played;
afterEach(() => p.local.dispose());

/** Every Drive entry under the folder (any depth), the folder included. */
function under(folderId: string): { id: string; trashed: boolean; mime: string }[] {
  const rt = p.local.rt;
  const out = [];
  const todo = [folderId];
  while (todo.length) {
    const id = todo.pop()!;
    const e = rt.drive.get(id)!;
    out.push({ id, trashed: e.trashed, mime: e.mimeType });
    for (const child of rt.drive.values()) if (child.parentIds.includes(id)) todo.push(child.id);
  }
  return out;
}

function closedCase() {
  p = play(shortScenario());
  const row = listCases(openRegister()).find((c) => c.code === p.result.caseHandle.row.code)!;
  expect(row.status).toBe('gesloten');
  expect(row.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return row;
}

const at = (iso: string, hour: number) => startOfLocalDay(iso, 'Europe/Amsterdam') + hour * 3_600_000;

describe('vernietigen na de bewaartermijn', () => {
  it('§4.3 #35: bewaart tot de dag zelf, en vernietigt dan alles van de casus, gecontroleerd, met een record zonder inhoud', () => {
    const row = closedCase();
    const months = row.retentionMonths || openRegister().settings.retentionMonths;
    const [y, m, d] = row.closedOn.split('-').map(Number) as [number, number, number];
    const due = new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
    const files = under(row.folderId);
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((f) => f.mime === MIME.form)).toBe(true);
    // The response spreadsheet every form sent its responses to lives in the case folder too.
    const book = readTable(p.result.caseHandle.ss, FORMS).find((f) => f.sheetBook !== '')?.sheetBook ?? '';
    expect(files.map((f) => f.id)).toContain(book);

    // The day before: nothing happens.
    const dayBefore = new Date(Date.parse(`${due}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    p.local.rt.setNow(at(dayBefore, 9));
    dispatchAll(openRegister());
    expect(under(row.folderId).every((f) => !f.trashed)).toBe(true);
    expect(readTable(openRegister().ss, PURGES)).toEqual([]);

    p.local.rt.setNow(at(due, 9));
    const report = dispatchAll(openRegister());
    expect(report.errors).toEqual([]);
    expect(under(row.folderId).filter((f) => !f.trashed)).toEqual([]);
    expect(p.local.rt.drive.get(book)!.trashed).toBe(true);
    const reg = openRegister();
    expect(readTable(reg.ss, CASES).map((c) => c.Casuscode)).not.toContain(row.code);
    // ...and the Casussen view the coordinator reads no longer lists it.
    const view = reg.ss.getSheetByName('Casussen')!.getDataRange().getDisplayValues();
    expect(view.flat()).not.toContain(row.code);
    const records = readTable(reg.ss, PURGES);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      Casuscode: row.code,
      'Vernietigen vanaf': due,
      Bestanden: files.length - 1,
    });
    expect(records[0]!.Resultaat).toMatch(/^vernietigd/);
    // The record holds dates, a count and the code: nothing from the case.
    expect(Object.keys(records[0]!).sort()).toEqual([...PURGES.columns].sort());

    // A second run finds nothing to do.
    dispatchAll(openRegister());
    expect(readTable(openRegister().ss, PURGES)).toHaveLength(1);
  });

  it('maakt een onderbroken vernietiging af bij de volgende run, zonder tweede record', () => {
    const row = closedCase();
    p.local.rt.setNow(at('2030-01-07', 9));
    p.local.rt.injectFault({ method: 'File.setTrashed', nth: 3, message: 'Service error: Drive' });
    const first = dispatchAll(openRegister());
    expect(first.errors.map((e) => e.code)).toEqual([row.code]);
    expect(readTable(openRegister().ss, PURGES).map((r) => r.Resultaat)).toEqual(['bezig']);
    expect(listCases(openRegister()).map((c) => c.code)).toContain(row.code);
    p.local.rt.clearFaults();
    const second = dispatchAll(openRegister());
    expect(second.errors).toEqual([]);
    expect(under(row.folderId).filter((f) => !f.trashed)).toEqual([]);
    const records = readTable(openRegister().ss, PURGES);
    expect(records).toHaveLength(1);
    expect(records[0]!.Resultaat).toMatch(/^vernietigd/);
  });
});
