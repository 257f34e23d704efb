/**
 * The one place product code reads the time. In Apps Script this is the real clock; the
 * in-memory Apps Script installs `__emulatorNow` so runs and tests use its emulated clock.
 */
export function nowMs(): number {
  const hook = (globalThis as { __emulatorNow?: () => number }).__emulatorNow;
  return hook ? hook() : Date.now();
}
