/**
 * What a `ui…` entry point returns to an HTML page (google.script.run): plain JSON. A refusal
 * carries a Dutch message per field (`errors`) and/or for the whole form (`message`); the page
 * shows it and keeps what was typed. Nothing is thrown to the client: a UserError becomes a
 * refusal, any other error is logged for the administrator and explained in Dutch.
 */

import { requireCoordinator } from '../workflow/access';
import { UserError } from '../workflow/context';
import { ensureOwnRegister } from '../workflow/ownRegister';
import { dailyQuotaNotice } from '../workspace/errors';
import { withActiveSpreadsheet } from '../workspace/spreadsheets';

export type UiOk<T extends object = {}> = { ok: true; message: string } & T;
export type UiRefusal = { ok: false; errors: Record<string, string>; message?: string };
export type UiResult<T extends object = {}> = UiOk<T> | UiRefusal;

export function refusal(errors: Record<string, string>, message?: string): UiRefusal {
  return message === undefined ? { ok: false, errors } : { ok: false, errors, message };
}

/** Runs a client's request; never throws. */
export function uiGuarded<T extends object>(action: () => UiResult<T>): UiResult<T> {
  return withActiveSpreadsheet(() => guardedRun(action));
}

function guardedRun<T extends object>(action: () => UiResult<T>): UiResult<T> {
  try {
    // Only a configured coordinator (or the register's owner) acts on cases (workflow/access).
    requireCoordinator();
    // A register made with Bestand → Kopie maken sets itself up first (workflow/ownRegister).
    const notice = ensureOwnRegister();
    const r = action();
    if (!notice) return r;
    return { ...r, message: r.message ? `${notice}\n\n${r.message}` : notice };
  } catch (e) {
    if (e instanceof UserError) return refusal({}, e.message);
    console.error(e);
    const detail = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
    const quota = dailyQuotaNotice(e);
    if (quota) return refusal({}, quota);
    return refusal(
      {},
      `Er ging iets mis: ${detail}. Wat al klaar was, blijft bewaard en wordt niet opnieuw gedaan; probeer het over een paar minuten opnieuw. Blijft dit gebeuren, geef de melding dan door aan de beheerder.`,
    );
  }
}
