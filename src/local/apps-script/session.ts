/**
 * Session (reference/base/session).
 *
 * The script owner is `rt.userEmail` (`getEffectiveUser`, whose authority the script runs
 * with); `getActiveUser().getEmail()` returns `rt.activeUserEmail`, the owner unless a test lets
 * another editor run the menu. Real Apps Script returns `''` for the active user in simple
 * triggers and for users outside the owner's domain (reference/base/session#getActiveUser);
 * a test models that by setting `rt.activeUserEmail = ''`.
 */
import { createHash } from 'node:crypto';
import type { Runtime } from './runtime';
import { strict } from './strict';

class UserImpl {
  constructor(
    private readonly rt: Runtime,
    private readonly email: string,
  ) {}
  getEmail(): string {
    this.rt.call('User.getEmail');
    return this.email;
  }
}

class SessionImpl
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | 'getActiveUser'
      | 'getEffectiveUser'
      | 'getScriptTimeZone'
      | 'getActiveUserLocale'
      | 'getTemporaryActiveUserKey'
    >
{
  constructor(private readonly rt: Runtime) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    this.rt.call('Session.getActiveUser');
    return strict(
      new UserImpl(this.rt, this.rt.activeUserEmail),
      'User',
    ) as unknown as GoogleAppsScript.Base.User;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.rt.call('Session.getEffectiveUser');
    return strict(new UserImpl(this.rt, this.rt.userEmail), 'User') as unknown as GoogleAppsScript.Base.User;
  }

  getScriptTimeZone(): string {
    this.rt.call('Session.getScriptTimeZone');
    return this.rt.timeZone;
  }

  getActiveUserLocale(): string {
    this.rt.call('Session.getActiveUserLocale');
    // The account language as a two-letter code (reference/base/session#getActiveUserLocale:
    // "the language setting of the current user as a string—for example, en for English").
    return this.rt.language;
  }

  /** Stable anonymous key per user and script (real keys rotate about every 30 days). */
  getTemporaryActiveUserKey(): string {
    this.rt.call('Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`tmp-user-key:${this.rt.userEmail}`).digest('base64url').slice(0, 43);
  }
}

export function createSession(rt: Runtime): GoogleAppsScript.Base.Session {
  return strict(new SessionImpl(rt), 'Session') as unknown as GoogleAppsScript.Base.Session;
}
