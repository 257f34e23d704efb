/**
 * A memo that lives for one action: `run` turns it on for the duration of `fn` (nested runs share
 * the outer one); outside a run `get` always makes a fresh value.
 */
export function actionMemo<V>() {
  let kept: Map<string, V> | null = null;
  return {
    run<T>(fn: () => T): T {
      if (kept) return fn();
      kept = new Map();
      try {
        return fn();
      } finally {
        kept = null;
      }
    },
    /** Forgets what was kept (the source changed during the action). */
    clear(): void {
      kept?.clear();
    },
    get(key: string, make: () => V): V {
      if (!kept) return make();
      if (!kept.has(key)) kept.set(key, make());
      return kept.get(key) as V;
    },
  };
}
