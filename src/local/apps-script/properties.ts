/**
 * PropertiesService (reference/properties/*, guides/properties, quotas; reference/properties/properties).
 * Values are stored as strings. Limits: 9 KB per value, 500 KB per store counting key and
 * value (tanaike's 2023 measurement), 50,000 (consumer) / 500,000 (Workspace) reads and writes a
 * day, resetting 24 hours after the first request.
 */
import { isConsumerAccount } from './mail';
import { gasError, perRuntime, type Runtime } from './runtime';
import { documentStore, type ScopedStores } from './scoped-stores';
import { strict } from './strict';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const STORAGE_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';
const DAY_MS = 24 * 60 * 60 * 1000;

type Store = Map<string, string>;

interface PropertyState extends ScopedStores<Store> {
  windowStart: number | null;
  ops: number;
}

const stateOf = perRuntime(
  (): PropertyState => ({
    script: new Map(),
    user: new Map(),
    document: new Map(),
    windowStart: null,
    ops: 0,
  }),
);

/** Daily read/write quota of the user. */
export function dailyPropertyQuota(rt: Runtime): number {
  return isConsumerAccount(rt) ? 50_000 : 500_000;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeBytes(store: Store): number {
  let n = 0;
  for (const [k, v] of store) n += bytes(k) + bytes(v);
  return n;
}

class PropertiesImpl implements GoogleAppsScript.Properties.Properties {
  constructor(
    private readonly rt: Runtime,
    private readonly store: Store,
  ) {}

  private self(): GoogleAppsScript.Properties.Properties {
    return strict(this, 'Properties');
  }

  /** Counts one read/write against the daily quota. */
  private op(method: string): void {
    this.rt.call(`Properties.${method}`);
    const s = stateOf(this.rt);
    const now = this.rt.now();
    if (s.windowStart === null || now >= s.windowStart + DAY_MS) {
      s.windowStart = now;
      s.ops = 0;
    }
    if (s.ops >= dailyPropertyQuota(this.rt))
      throw gasError('Service invoked too many times for one day: properties.');
    s.ops++;
  }

  /** Applies `next` only if it stays within the value and store limits. */
  private commit(next: Store): void {
    for (const v of next.values()) if (bytes(v) > MAX_VALUE_BYTES) throw gasError(STORAGE_QUOTA_MESSAGE);
    if (storeBytes(next) > MAX_STORE_BYTES) throw gasError(STORAGE_QUOTA_MESSAGE);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null {
    this.op('getProperty');
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.op('setProperty');
    if (key === null || key === undefined || String(key) === '') throw gasError('Invalid argument: key');
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.commit(next);
    return this.self();
  }

  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this.op('setProperties');
    const next: Store = deleteAllOthers ? new Map() : new Map(this.store);
    for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
    this.commit(next);
    return this.self();
  }

  /** A copy: changing it does not change the store. */
  getProperties(): { [key: string]: string } {
    this.op('getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.op('getKeys');
    return [...this.store.keys()];
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.op('deleteProperty');
    this.store.delete(String(key));
    return this.self();
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.op('deleteAllProperties');
    this.store.clear();
    return this.self();
  }
}

class PropertiesServiceImpl
  implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getUserProperties'>
{
  constructor(private readonly rt: Runtime) {}

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.call('PropertiesService.getScriptProperties');
    return strict(new PropertiesImpl(this.rt, stateOf(this.rt).script), 'Properties');
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.call('PropertiesService.getUserProperties');
    return strict(new PropertiesImpl(this.rt, stateOf(this.rt).user), 'Properties');
  }

  /** `null` unless the script is bound to a document (reference/properties/properties-service). */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties | null {
    this.rt.call('PropertiesService.getDocumentProperties');
    const store = documentStore(this.rt, stateOf(this.rt), (): Store => new Map());
    return store ? strict(new PropertiesImpl(this.rt, store), 'Properties') : null;
  }
}

export function createPropertiesService(rt: Runtime): GoogleAppsScript.Properties.PropertiesService {
  return strict(
    new PropertiesServiceImpl(rt),
    'PropertiesService',
  ) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
