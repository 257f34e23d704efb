/**
 * The script lock. Pending sheet writes are flushed before the lock is released
 * (reference/lock/lock#releaseLock).
 */

/** Runs `fn` holding the script lock; `{ ok: false }` when the lock could not be had in time. */
export function withScriptLock<T>(fn: () => T, waitMs: number): { ok: true; value: T } | { ok: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
