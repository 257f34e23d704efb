/**
 * The access check of every entry point that a person calls (menu items, the dashboard and the
 * dialogs through google.script.run): the caller must be a coordinator configured in Instellingen,
 * or the owner of the register (model/access.ts). Every top-level function of the bundle can be
 * called from the browser console through google.script.run (guides/html/communication), so the
 * check runs on the server for each call, not in the page.
 *
 * The time-driven dispatcher is exempt: an installable trigger runs with the authority of the
 * account that installed it (guides/triggers/installable), and it acts for no person.
 *
 * A register whose Instellingen name no coordinator yet (a new or copied register) is not
 * checked: it holds no case, and no case can be opened until "E-mail procesregisseur" is filled in
 * (the settings schema requires it).
 */
import { ACCESS_REFUSALS, accessVerdict, coordinatorAddresses } from '../model/access';
import { SETTINGS_SHEET } from '../model/settingsSheet';
import { activeUserEmail, fileOwnerEmail } from '../workspace/session';
import { spreadsheetId } from '../workspace/spreadsheets';
import { tabValues } from '../workspace/tabs';
import { registerSpreadsheet, UserError } from './context';

/** Throws a UserError with a Dutch refusal unless the caller may act on cases. */
export function requireCoordinator(): void {
  let ss: ReturnType<typeof registerSpreadsheet>;
  try {
    ss = registerSpreadsheet();
  } catch (e) {
    // No register yet: the action itself says so ("Register inrichten" first).
    if (e instanceof UserError) return;
    throw e;
  }
  const coordinators = coordinatorAddresses(tabValues(ss, SETTINGS_SHEET) ?? []);
  if (coordinators.length === 0) return;
  const user = activeUserEmail();
  // The owner is asked only when the caller is not a configured coordinator.
  let verdict = accessVerdict(user, coordinators, '');
  if (verdict === 'geen procesregisseur')
    verdict = accessVerdict(user, coordinators, fileOwnerEmail(spreadsheetId(ss)));
  if (verdict !== 'toegestaan') throw new UserError(ACCESS_REFUSALS[verdict]);
}
