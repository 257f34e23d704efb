/**
 * Runs the product on the in-memory Apps Script: installs the services as globals (the same
 * globals the real runtime offers), points the product's clock at the emulated clock and
 * binds the script to a register spreadsheet, like the real container-bound script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installAppsScript } from './apps-script/install';
import type { RuntimeOptions } from './apps-script/runtime';
import { Runtime } from './apps-script/runtime';

const here = dirname(fileURLToPath(import.meta.url));

/** The HTML files of src/ui, by name without `.html` (as HtmlService finds them). */
export function uiHtmlFiles(): Record<string, string> {
  const dir = join(here, '..', 'ui');
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.html')) files[f.slice(0, -5)] = readFileSync(join(dir, f), 'utf8');
  }
  return files;
}

export interface LocalAppsScript {
  rt: Runtime;
  dispose(): void;
}

export function startLocalAppsScript(opts: RuntimeOptions = {}): LocalAppsScript {
  const rt = new Runtime(opts);
  const { uninstall } = installAppsScript(rt, { htmlFiles: uiHtmlFiles() });
  const g = globalThis as { __emulatorNow?: () => number };
  const previous = g.__emulatorNow;
  g.__emulatorNow = () => rt.now();
  return {
    rt,
    dispose() {
      uninstall();
      if (previous) g.__emulatorNow = previous;
      else delete g.__emulatorNow;
    },
  };
}
