/**
 * The built bundle on the in-memory Apps Script, for the flow tests of tests/build: dist/Code.js
 * (built once by tests/setup/buildOnce.ts) in a node:vm context, with a register bound to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createVmContext } from '../../src/local/apps-script/install';
import { Runtime, type RuntimeOptions } from '../../src/local/apps-script/runtime';
import { type SettingsInput, SettingsSchema, settingsToRows } from '../../src/model/schemas';

export type Ctx = Record<string, any>;

/** A fresh Runtime at Monday 12 January 2026, 09:00 Amsterdam, with the bundle loaded and a bound register. */
export function loadBundle(opts: Omit<RuntimeOptions, 'now'> = {}): {
  rt: Runtime;
  ctx: Ctx;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
  const rt = new Runtime({ now: Date.UTC(2026, 0, 12, 8, 0), ...opts });
  const ctx = createVmContext(rt, {}) as Ctx;
  vm.runInContext(code, ctx as vm.Context);
  const ss = (ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).create('Register');
  rt.boundContainerId = ss.getId();
  return { rt, ctx, ss };
}

/** Replaces a register tab's content with rows typed as a coordinator would (text stays text). */
export function writeTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  rows: (string | number)[][],
): void {
  const sh = ss.getSheetByName(name)!;
  sh.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  sh.getRange(1, 1, rows.length, width).setValues(
    rows.map((r) =>
      Array.from({ length: width }, (_, i) => (typeof r[i] === 'string' ? `'${r[i]}` : (r[i] ?? ''))),
    ),
  );
}

/** One execution of an entry point; its result as the client would receive it (JSON). */
export function call(rt: Runtime, ctx: Ctx, fn: string, ...args: unknown[]): any {
  rt.beginExecution();
  try {
    const r = ctx[fn](...args);
    return r === undefined ? undefined : JSON.parse(JSON.stringify(r));
  } finally {
    rt.endExecution();
  }
}

/** A menu click with scripted answers to its prompts (then OK); returns the last alert's text. */
export function click(
  rt: Runtime,
  ctx: Ctx,
  fn: string,
  answers: { button: string; text?: string }[] = [],
): string {
  rt.ui.answers.push(...answers, { button: 'OK' });
  call(rt, ctx, fn);
  rt.ui.answers.length = 0;
  return rt.ui.alerts.at(-1)?.prompt ?? '';
}

/** The Instellingen tab of a fictional gemeente (Proefdorp unless told otherwise), as rows. */
export function settingsRows(over: Partial<SettingsInput> = {}): (string | number)[][] {
  return settingsToRows(
    SettingsSchema.parse({
      gemeente: 'Proefdorp',
      coordinatorEmail: 'regie@proefdorp.example',
      retentionMonths: 12,
      ...over,
    }),
  );
}
