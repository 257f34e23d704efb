/** Shared set-up for the workspace tests. */
import { afterEach, beforeEach } from 'vitest';
import { installAppsScript } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';

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
