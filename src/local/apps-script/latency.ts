/**
 * Per-call latency model of the in-memory Apps Script (emulated milliseconds per call).
 * The figures and where each comes from are documented in docs/emulator.md; they are
 * estimates unless that page cites a measurement. Keyed by `Class.method`, with a default
 * per class and a global default.
 */
const PER_METHOD: Record<string, number> = {};
const PER_CLASS: Record<string, number> = {};
const DEFAULT_MS = 20;

export function latencyFor(name: string): number {
  const m = PER_METHOD[name];
  if (m !== undefined) return m;
  const cls = name.split('.')[0] ?? '';
  return PER_CLASS[cls] ?? DEFAULT_MS;
}

/** Lets a helper module (or a benchmark) set the model in one place. */
export function defineLatency(perClass: Record<string, number>, perMethod: Record<string, number>): void {
  Object.assign(PER_CLASS, perClass);
  Object.assign(PER_METHOD, perMethod);
}
