/**
 * The script, user and per-document stores that PropertiesService and CacheService keep per
 * runtime (reference/properties/properties-service, reference/cache/cache-service).
 */
import type { Runtime } from './runtime';

export interface ScopedStores<S> {
  script: S;
  user: S;
  /** Per bound container id. */
  document: Map<string, S>;
}

/** The store of the file the script is bound to, made on first use; null for a standalone script. */
export function documentStore<S>(rt: Runtime, stores: ScopedStores<S>, make: () => S): S | null {
  const id = rt.boundContainerId;
  if (id === null) return null;
  let store = stores.document.get(id);
  if (!store) {
    store = make();
    stores.document.set(id, store);
  }
  return store;
}
