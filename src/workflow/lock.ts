/**
 * One action at a time: menu actions and the dispatcher take the script lock, so two
 * coordinators (or a coordinator and the trigger) never create the same forms or send the
 * same mails at once. Pending sheet writes are flushed before the lock is released
 * (reference/lock/lock#releaseLock).
 */
import { withChartCache } from '../workspace/charts';
import { withFormHandles } from '../workspace/forms';
import { withScriptLock } from '../workspace/lock';
import { withTableCache } from '../workspace/tables';
import { withCaseList } from './caseList';
import { UserError } from './context';
import { withNameCache } from './nameGuard';

export const LOCK_WAIT_MS = 10_000;

/** Runs `fn` holding the script lock; returns null when the lock could not be had. */
export function tryWithLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): { ok: true; value: T } | { ok: false } {
  // While the lock is held nobody else writes the tables: each is read at most once; and a
  // chart shown in several documents is drawn once; a form is opened once.
  // The register's Casussen view is written once, when the action is done (caseList.ts).
  return withScriptLock(
    () =>
      withTableCache(() =>
        withCaseList(() => withNameCache(() => withChartCache(() => withFormHandles(fn)))),
      ),
    waitMs,
  );
}

/** Like tryWithLock, but tells the coordinator to try again when another action is running. */
export function withLock<T>(fn: () => T): T {
  const r = tryWithLock(fn);
  if (!r.ok) {
    throw new UserError(
      'Er loopt al een andere bewerking (bijvoorbeeld het automatisch bijwerken). Probeer het over een minuut opnieuw.',
    );
  }
  return r.value;
}
