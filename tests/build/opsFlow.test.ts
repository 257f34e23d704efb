/**
 * The built bundle (dist/Code.js in a node:vm context on the in-memory Apps Script), through its
 * menu: the Zelftest reports in Dutch and leaves nothing behind, and a register copied with
 * Bestand → Kopie maken says on its first menu click that it set itself up as a new register.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVmContext } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { partnersToRows, SettingsSchema, settingsToRows } from '../../src/model/schemas';
import { COPY_NOTICE } from '../../src/workflow/ownRegister';
import { PARTNERS } from '../workflow/helpers';

const root = join(__dirname, '../..');
let code = '';
beforeAll(() => {
  code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
});

type Ctx = Record<string, any>;

function click(rt: Runtime, ctx: Ctx, fn: string): string {
  rt.ui.answers.push({ button: 'OK' });
  rt.beginExecution();
  try {
    ctx[fn]();
  } finally {
    rt.endExecution();
  }
  rt.ui.answers.length = 0;
  return rt.ui.alerts.at(-1)?.prompt ?? '';
}

describe('dist/Code.js: Zelftest en een gekopieerd register', () => {
  it('de Zelftest via het menu, daarna een kopie die zich inricht', () => {
    const rt = new Runtime({ now: Date.UTC(2026, 0, 12, 8, 0) });
    const ctx = createVmContext(rt, {}) as Ctx;
    vm.runInContext(code, ctx as vm.Context);
    const app = ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = app.create('Register');
    rt.boundContainerId = ss.getId();
    expect(click(rt, ctx, 'menuSetup')).toContain('Het register is ingericht');
    const write = (name: string, rows: (string | number)[][]) => {
      const sh = ss.getSheetByName(name)!;
      sh.clearContents();
      const width = Math.max(...rows.map((r) => r.length));
      sh.getRange(1, 1, rows.length, width).setValues(
        rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
      );
    };
    write(
      'Instellingen',
      settingsToRows(
        SettingsSchema.parse({
          gemeente: 'Proefdorp',
          coordinatorEmail: 'regie@proefdorp.example',
          retentionMonths: 12,
        }),
      ),
    );
    write('Partners', partnersToRows(PARTNERS as never));

    const live = () => [...rt.drive.values()].filter((e) => !e.trashed).length;
    const before = live();
    const report = click(rt, ctx, 'menuSelftest');
    expect(report).toMatch(/^Zelftest geslaagd\./);
    expect(report).toContain('werkt — Opruimen:');
    expect(live()).toBe(before);
    expect(rt.mailbox.map((m) => m.to)).toEqual([['regie@proefdorp.example']]);

    // Bestand → Kopie maken: the copy's first menu item says what happened.
    const copy = (ctx.DriveApp as GoogleAppsScript.Drive.DriveApp).getFileById(ss.getId()).makeCopy('Kopie');
    rt.boundContainerId = copy.getId();
    expect(click(rt, ctx, 'menuCheckSettings').startsWith(`${COPY_NOTICE}\n\n`)).toBe(true);
    expect(click(rt, ctx, 'menuCheckSettings')).not.toContain(COPY_NOTICE);
  });
});
