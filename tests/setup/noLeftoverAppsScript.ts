/**
 * Vitest setup file (vitest.config.ts): a test file must remove every in-memory Apps Script it
 * installed as the globals (`uninstall`, `dispose`). Workers run many files without reloading
 * (`isolate: false`), so one left installed changes what later files see, depending on the order.
 * The file that leaves one behind fails here, and the globals are cleared so the next file starts
 * clean.
 */
import { afterAll } from 'vitest';

const g = globalThis as Record<string, unknown>;
const before = new Set(Object.keys(g));

afterAll(() => {
  if (g.SpreadsheetApp === undefined) return;
  for (const key of Object.keys(g)) if (!before.has(key)) delete g[key];
  delete g.SpreadsheetApp;
  throw new Error(
    'Deze testfile liet een in-memory Apps Script geïnstalleerd achter (dispose/uninstall ontbreekt).',
  );
});
