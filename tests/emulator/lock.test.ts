import { describe, expect, it } from 'vitest';
import { createLockService, holdLockElsewhere } from '../../src/local/apps-script/lock';
import { Runtime } from '../../src/local/apps-script/runtime';

const newRt = () => new Runtime({ latency: false });

describe('LockService', () => {
  it('acquires a free lock at once', () => {
    const rt = newRt();
    const lock = createLockService(rt).getScriptLock();
    const t0 = rt.now();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(rt.now()).toBe(t0);
    lock.releaseLock();
    lock.releaseLock(); // no-op when not held
    expect(lock.hasLock()).toBe(false);
  });

  it('tryLock gives up after the timeout when another execution holds the lock', () => {
    const rt = newRt();
    const t0 = rt.now();
    holdLockElsewhere(rt, 'script', t0 + 60_000);
    const lock = createLockService(rt).getScriptLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(rt.now()).toBe(t0 + 10_000);
    expect(lock.hasLock()).toBe(false);
  });

  it('tryLock waits for the other holder and then acquires', () => {
    const rt = newRt();
    const t0 = rt.now();
    holdLockElsewhere(rt, 'script', t0 + 7_000);
    const lock = createLockService(rt).getScriptLock();
    expect(lock.tryLock(30_000)).toBe(true);
    expect(rt.now()).toBe(t0 + 7_000);
    expect(lock.hasLock()).toBe(true);
  });

  it('waitLock throws the Apps Script text after waiting the full timeout', () => {
    const rt = newRt();
    const t0 = rt.now();
    holdLockElsewhere(rt, 'user', t0 + 120_000);
    const lock = createLockService(rt).getUserLock();
    expect(() => lock.waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(rt.now()).toBe(t0 + 30_000);
  });

  it('locks of different kinds do not block each other', () => {
    const rt = newRt();
    rt.boundContainerId = 'register-1';
    holdLockElsewhere(rt, 'script', rt.now() + 60_000);
    expect(createLockService(rt).getDocumentLock().tryLock(0)).toBe(true);
  });

  it('the document lock is null outside a bound script', () => {
    expect(createLockService(newRt()).getDocumentLock()).toBeNull();
  });

  it('held locks are released when the execution ends', () => {
    const rt = newRt();
    rt.beginExecution();
    const lock = createLockService(rt).getScriptLock();
    lock.waitLock(1000);
    rt.endExecution();
    expect(lock.hasLock()).toBe(false);
  });
});
