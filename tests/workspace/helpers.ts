/** Shared set-up for the workspace tests. */

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
