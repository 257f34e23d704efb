/**
 * Values that cross realms. The bundle runs in its own `node:vm` context in tests and in the
 * bridge, with its own `Date`, so `x instanceof Date` is false for a Date the script made and
 * the script's `instanceof Date` is false for one the emulator made. Apps Script hands Dates to
 * and from script code freely (reference/spreadsheet/range#setValue(Object) takes a Date; getValues
 * returns Date objects), so the emulator recognises a Date by its internal class, whatever realm
 * made it (ECMAScript: `Object.prototype.toString` reports `[object Date]` for any object with a
 * [[DateValue]] slot).
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

let ScriptDate: DateConstructor = Date;

/**
 * The `Date` of the realm the script runs in; set by `Runtime.call` from
 * `rt.scriptDateConstructor` (createVmContext sets that to the context's own `Date`).
 */
export function useScriptDate(ctor: DateConstructor): void {
  ScriptDate = ctor;
}

/**
 * A Date handed to the script (a date cell, a response timestamp, a parsed date): made in the
 * script's realm, so the script's own `instanceof Date` holds, as it does in Apps Script.
 */
export function scriptDate(ms: number): Date {
  return new ScriptDate(ms);
}
