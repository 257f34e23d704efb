/**
 * Who may act on cases: the coordinators configured in Instellingen ("E-mail procesregisseur" and
 * "Andere procesregisseurs (e-mail)") and the owner of the register (the account that owns every
 * file the product makes and under which the dispatcher trigger runs). Pure: the caller reads the
 * tab and the addresses.
 */
import { emailList } from './audiences';
import { findSetting, PLACEHOLDER, PLACEHOLDER_EMAIL } from './settingsSheet';

/** The coordinator addresses in the raw rows of the Instellingen tab, lower case; [] when none is filled in. */
export function coordinatorAddresses(rows: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const field = findSetting(String(r[0] ?? ''))?.path[0];
    if (field !== 'coordinatorEmail' && field !== 'coordinatorEmails') continue;
    const value = String(r[1] ?? '').trim();
    if (value.startsWith(PLACEHOLDER) || value === PLACEHOLDER_EMAIL) continue;
    // emailList splits on spaces, commas and semicolons, lower-cases and drops empty parts.
    out.push(...emailList(value));
  }
  return out;
}

export type AccessVerdict = 'toegestaan' | 'onbekende gebruiker' | 'geen procesregisseur';

/** Whether `user` (as Session gives it; '' when Google does not say) may act. */
export function accessVerdict(user: string, coordinators: readonly string[], owner: string): AccessVerdict {
  const who = user.trim().toLowerCase();
  if (who === '') return 'onbekende gebruiker';
  // `who` is not empty here, so an unknown owner ('') never matches.
  if (coordinators.includes(who) || who === owner.trim().toLowerCase()) return 'toegestaan';
  return 'geen procesregisseur';
}

export const ACCESS_REFUSALS: Record<Exclude<AccessVerdict, 'toegestaan'>, string> = {
  'onbekende gebruiker':
    'Google geeft niet door wie u bent, dus het product kan niet nagaan of u procesregisseur bent. De actie is niet uitgevoerd. Open het register met het account van de gemeente waarmee u procesregisseur bent.',
  'geen procesregisseur':
    'U staat niet als procesregisseur in de tab Instellingen ("E-mail procesregisseur" of "Andere procesregisseurs (e-mail)"). De actie is niet uitgevoerd. Vraag de procesregisseur u daar toe te voegen als u haar vervangt.',
};
