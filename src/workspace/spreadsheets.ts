/**
 * Opening spreadsheets. `workflow/` holds a `Book` only to hand it back to `workspace/`
 * functions; it never calls a member on it.
 */

/** A spreadsheet handle, passed between workspace functions. */
export type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The id of every handle this code opened or asked once: a spreadsheet's id never changes, so
 * `getId` is called at most once per handle (and never for one opened by its id).
 */
const ids = new WeakMap<Book, string>();

export function openSpreadsheet(id: string): Book {
  const ss = SpreadsheetApp.openById(id);
  ids.set(ss, id);
  return ss;
}

/**
 * Inside `withActiveSpreadsheet`: the active spreadsheet once asked (undefined: not yet), and other
 * facts that do not change during one execution (entryFact).
 */
let active: { ss?: Book | null; facts?: Map<string, unknown> } | null = null;

/**
 * Runs one entry point (a menu item, a dialog's request) asking for the active spreadsheet at
 * most once: the register check, the register and the action then share one handle, and so its
 * id is asked once. Nested calls share the outer scope.
 */
export function withActiveSpreadsheet<T>(fn: () => T): T {
  if (active) return fn();
  active = {};
  try {
    return fn();
  } finally {
    active = null;
  }
}

/** The spreadsheet the script is bound to, or null in a trigger or a standalone run. */
export function activeSpreadsheet(): Book | null {
  if (!active) return SpreadsheetApp.getActiveSpreadsheet();
  if (active.ss === undefined) active.ss = SpreadsheetApp.getActiveSpreadsheet();
  return active.ss;
}

/**
 * A fact that cannot change while one entry point runs (who runs it), asked once inside
 * `withActiveSpreadsheet` and every time outside it.
 */
export function entryFact<T>(key: string, ask: () => T): T {
  if (!active) return ask();
  active.facts ??= new Map();
  if (!active.facts.has(key)) active.facts.set(key, ask());
  return active.facts.get(key) as T;
}

export function spreadsheetId(ss: Book): string {
  let id = ids.get(ss);
  if (id === undefined) {
    id = ss.getId();
    ids.set(ss, id);
  }
  return id;
}

/**
 * Applies pending spreadsheet writes now (reference/spreadsheet/spreadsheet-app#flush): used
 * before a mail leaves and before the script lock is released.
 */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
