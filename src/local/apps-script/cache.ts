/**
 * CacheService (reference/cache/cache, cache-service). Entries expire on the
 * emulated clock. Keys ≤ 250 characters, values ≤ 100 KB, TTL default 600 s, at most 21,600 s,
 * at most 1,000 entries per cache (the entry closest to expiry is evicted first; the real
 * eviction order is unconfirmed).
 */
import { gasError, perRuntime, type Runtime } from './runtime';
import { documentStore, type ScopedStores } from './scoped-stores';
import { strict } from './strict';

export const MAX_KEY_CHARS = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_TTL_S = 600;
export const MAX_TTL_S = 21_600;
export const MAX_ENTRIES = 1000;

type Entries = Map<string, { value: string; expiresAt: number }>;

const stateOf = perRuntime(
  (): ScopedStores<Entries> => ({ script: new Map(), user: new Map(), document: new Map() }),
);

class CacheImpl implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Entries,
  ) {}

  private live(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.rt.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  private store(key: unknown, value: unknown, ttl: unknown): void {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY_CHARS) throw gasError('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
    let seconds = ttl === undefined ? DEFAULT_TTL_S : Math.trunc(Number(ttl));
    if (!Number.isFinite(seconds) || seconds < 1) throw gasError('Invalid argument: expirationInSeconds');
    seconds = Math.min(seconds, MAX_TTL_S);
    this.entries.delete(k);
    this.entries.set(k, { value: v, expiresAt: this.rt.now() + seconds * 1000 });
    this.evict();
  }

  private evict(): void {
    const now = this.rt.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    while (this.entries.size > MAX_ENTRIES) {
      let victim: string | null = null;
      let soonest = Number.POSITIVE_INFINITY;
      for (const [k, e] of this.entries) {
        if (e.expiresAt < soonest) {
          soonest = e.expiresAt;
          victim = k;
        }
      }
      if (victim === null) break;
      this.entries.delete(victim);
    }
  }

  get(key: string): string | null {
    this.rt.call('Cache.get');
    return this.live(String(key));
  }

  /** Only the keys that are present; missing keys are left out. */
  getAll(keys: string[]): { [key: string]: string } {
    this.rt.call('Cache.getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(String(k));
      if (v !== null) out[String(k)] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.rt.call('Cache.put');
    this.store(key, value, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.rt.call('Cache.putAll');
    for (const [k, v] of Object.entries(values ?? {})) this.store(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.rt.call('Cache.remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.rt.call('Cache.removeAll');
    for (const k of keys) this.entries.delete(String(k));
  }
}

class CacheServiceImpl
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache'>
{
  constructor(private readonly rt: Runtime) {}

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    this.rt.call('CacheService.getScriptCache');
    return strict(new CacheImpl(this.rt, stateOf(this.rt).script), 'Cache');
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    this.rt.call('CacheService.getUserCache');
    return strict(new CacheImpl(this.rt, stateOf(this.rt).user), 'Cache');
  }

  /** `null` outside a containing document. */
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    this.rt.call('CacheService.getDocumentCache');
    const entries = documentStore(this.rt, stateOf(this.rt), (): Entries => new Map());
    return entries ? strict(new CacheImpl(this.rt, entries), 'Cache') : null;
  }
}

export function createCacheService(rt: Runtime): GoogleAppsScript.Cache.CacheService {
  return strict(new CacheServiceImpl(rt), 'CacheService') as unknown as GoogleAppsScript.Cache.CacheService;
}
