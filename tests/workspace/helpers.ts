/** Shared set-up for the workspace tests. */
import { afterEach, beforeEach } from 'vitest';
import { installAppsScript } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { appendRows, onTableRestored, table } from '../../src/workspace/tables';

/**
 * Runs `f` with the Sheets advanced service switched off, as in a project where it was never
 * enabled (the product then falls back to SpreadsheetApp).
 */
export function withoutSheets<T>(f: () => T): T {
  const g = globalThis as { Sheets?: unknown };
  const saved = g.Sheets;
  g.Sheets = undefined;
  try {
    return f();
  } finally {
    g.Sheets = saved;
  }
}

/**
 * Each test of the file on a fresh in-memory Apps Script (no latency) installed as the globals,
 * removed again after the test. `ready` gets the runtime before the test runs (and may prepare
 * more, a spreadsheet say).
 */
export function onFreshAppsScript(ready: (rt: Runtime) => void): void {
  let uninstall = (): void => undefined;
  beforeEach(() => {
    const rt = new Runtime({ latency: false });
    uninstall = installAppsScript(rt).uninstall;
    ready(rt);
  });
  afterEach(() => uninstall());
}

/** The error `fn` throws; fails the test when it throws none. */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('geen fout');
}

/** Two small system tables, one with a numeric column, for the tests of workspace/tables.ts. */
export const TABLE_A = table({ name: '_a', columns: ['key', 'n'], numeric: ['n'] });
export const TABLE_B = table({ name: '_b', columns: ['key', 'text'] });

export interface TwoTables {
  rt: Runtime;
  /** A spreadsheet holding TABLE_A (one row) and TABLE_B (one row). */
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** [table, old tab name] for every tab found again under another name (onTableRestored). */
  heard: [string, string][];
}

/**
 * Each test of the file on a fresh in-memory Apps Script with a spreadsheet holding TABLE_A and
 * TABLE_B and a listener for restored tabs; the call counts start at zero.
 */
export function onTwoTables(ready: (f: TwoTables) => void): void {
  let stop = (): void => undefined;
  onFreshAppsScript((rt) => {
    const ss = SpreadsheetApp.create('Casus');
    appendRows(ss, TABLE_A, [{ key: 'x', n: 1 }]);
    appendRows(ss, TABLE_B, [{ key: 'y', text: 'tekst' }]);
    const heard: [string, string][] = [];
    stop = onTableRestored((_ss, tableName, from) => heard.push([tableName, from]));
    rt.resetCounts();
    ready({ rt, ss, heard });
  });
  afterEach(() => stop());
}
