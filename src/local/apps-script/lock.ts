/**
 * LockService (reference/lock/lock-service, lock/lock).
 *
 * The emulator runs one execution at a time. Contention is modelled with `holdLockElsewhere`:
 * another execution holds a lock until a given emulated time. `tryLock`/`waitLock` then advance
 * the emulated clock while they wait, just as a real wait eats into the 6-minute budget.
 * Locks held by this execution are released when it ends (`rt.endExecution()`) and when a
 * `Ui.alert`/`Ui.prompt` suspends the script.
 */
import { gasError, type Runtime } from './runtime';
import { strict } from './strict';

export type LockKind = 'script' | 'user' | 'document';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  held: Set<LockKind>;
  elsewhereUntil: Map<LockKind, number>;
}

const states = new WeakMap<Runtime, LockState>();

function stateOf(rt: Runtime): LockState {
  let s = states.get(rt);
  if (!s) {
    const created: LockState = { held: new Set(), elsewhereUntil: new Map() };
    rt.onEndExecution(() => created.held.clear());
    states.set(rt, created);
    s = created;
  }
  return s;
}

/** Another execution holds the `kind` lock until emulated time `untilMs` (tests and demo). */
export function holdLockElsewhere(rt: Runtime, kind: LockKind, untilMs: number): void {
  const s = stateOf(rt);
  if (s.held.has(kind)) throw new Error(`Emulator: this execution already holds the ${kind} lock.`);
  s.elsewhereUntil.set(kind, untilMs);
}

/** Drops every lock this execution holds (end of execution, Ui.alert/prompt suspension). */
export function releaseHeldLocks(rt: Runtime): void {
  states.get(rt)?.held.clear();
}

class LockImpl implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly rt: Runtime,
    private readonly kind: LockKind,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.rt.call('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.rt.call('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw gasError(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    this.rt.call('Lock.hasLock');
    return stateOf(this.rt).held.has(this.kind);
  }

  releaseLock(): void {
    this.rt.call('Lock.releaseLock');
    stateOf(this.rt).held.delete(this.kind);
  }

  private acquire(timeoutInMillis: number): boolean {
    const timeout = Number(timeoutInMillis);
    if (!Number.isFinite(timeout) || timeout < 0) {
      throw gasError(`Invalid argument: timeoutInMillis`);
    }
    const s = stateOf(this.rt);
    if (s.held.has(this.kind)) return true;
    const until = s.elsewhereUntil.get(this.kind);
    const now = this.rt.now();
    if (until !== undefined && until > now) {
      if (until - now > timeout) {
        this.rt.advance(timeout);
        return false;
      }
      this.rt.advance(until - now);
    }
    s.elsewhereUntil.delete(this.kind);
    s.held.add(this.kind);
    return true;
  }
}

class LockServiceImpl implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock'> {
  constructor(private readonly rt: Runtime) {
    stateOf(rt);
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    this.rt.call('LockService.getScriptLock');
    return this.lock('script');
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    this.rt.call('LockService.getUserLock');
    return this.lock('user');
  }

  /** `null` when the script is not bound to a document (standalone, web app). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock | null {
    this.rt.call('LockService.getDocumentLock');
    return this.rt.boundContainerId === null ? null : this.lock('document');
  }

  private lock(kind: LockKind): GoogleAppsScript.Lock.Lock {
    return strict(new LockImpl(this.rt, kind), 'Lock');
  }
}

export function createLockService(rt: Runtime): GoogleAppsScript.Lock.LockService {
  return strict(new LockServiceImpl(rt), 'LockService') as unknown as GoogleAppsScript.Lock.LockService;
}
