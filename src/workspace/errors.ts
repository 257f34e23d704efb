/**
 * What kind of failure a Google service reported. Apps Script raises its errors in the language
 * of the user's account (a Dutch account reads `Ongeldige e-mail: …` where an English one reads
 * `Invalid email: …`), so the product decides on facts wherever it can and reads the wording only
 * where no fact exists, then in English and in Dutch:
 *
 * - a form that cannot be read is gone when the case folder no longer lists it (a Drive listing is
 *   a fact in any language; workflow/reconcile);
 * - a mail refused while `MailApp.getRemainingDailyQuota()` reports nothing left is the daily
 *   quota (reference/mail/mail-app#getRemainingDailyQuota);
 * - a mail address is checked by a syntax rule before MailApp is asked (workflow/outbox);
 * - otherwise the wording: the English texts of the quotas page and the Apps Script reference
 *   (https://developers.google.com/apps-script/guides/services/quotas), the Dutch texts as
 *   Apps Script raises them (collected per locale by the ErrorHandler library,
 *   https://github.com/RomainVialard/ErrorHandler). A Dutch text that is not known is not
 *   guessed: such an error counts as passing (`transient`) and is tried again, which never loses
 *   anything. docs/emulator.md lists which Dutch texts are known.
 */

/** The kinds of failure the product acts on differently. */
export type ServiceErrorKind =
  /** The file or form is gone (deleted, trashed) or no longer shared with this account. */
  | 'missing'
  /** A daily quota is used up: wait for tomorrow, do not count it as a failed attempt. */
  | 'dailyQuota'
  /** Too many calls in a short time or at once: a later run will do. */
  | 'rateLimit'
  /** The account may not do this (authorisation, sharing). */
  | 'permission'
  /** The request itself is wrong (address, argument): no retry can fix it. */
  | 'invalid'
  /** The execution ran out of time; nothing more can be done in this run. */
  | 'timeLimit'
  /** Anything else: a passing service error, tried again later. */
  | 'transient';

/** Wording per kind: the English text and, where known, the Dutch one (anchored at the start). */
const WORDING: readonly (readonly [ServiceErrorKind, RegExp])[] = [
  // DriveApp/FormApp/SpreadsheetApp.openById on an id that is gone or not shared.
  ['missing', /^No item with the given ID could be found, or you do not have permission to access it/],
  ['missing', /^Er is geen item met de opgegeven id gevonden of je hebt geen toestemming/],
  ['missing', /^Document \S+ is missing \(perhaps it was deleted\?\)/],
  // Quotas page: "Service invoked too many times for one day: email." and the trigger runtime.
  ['dailyQuota', /^Service invoked too many times for one day:/],
  ['dailyQuota', /^Service using too much computer time for one day/],
  ['rateLimit', /^Service invoked too many times in a short time:/],
  ['rateLimit', /^Too many simultaneous invocations:/],
  ['rateLimit', /^There are too many scripts running simultaneously/],
  ['rateLimit', /^Script invoked too many times per second/],
  ['permission', /^You do not have permissions? to access the requested document/],
  ['permission', /^Authorization is required to perform that action/],
  ['invalid', /^Invalid email:/],
  ['invalid', /^Ongeldige e-mail:/],
  ['invalid', /^Failed to send email: no recipient/],
  ['invalid', /^Limit Exceeded: Email (Recipients Per Message|Body Size|Total Attachments Size)/],
  ['invalid', /^Invalid argument:/],
  ['timeLimit', /^Exceeded maximum execution time/],
];

/** The message of whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/**
 * The kind of failure by its wording alone (English or known Dutch); `transient` when the text
 * is not known. Callers that have a fact (see above) ask for it first.
 */
export function kindByWording(e: unknown): ServiceErrorKind {
  const message = errorMessage(e).replace(/^Exception:\s*/, '');
  for (const [kind, pattern] of WORDING) if (pattern.test(message)) return kind;
  return 'transient';
}

/**
 * A mail address as MailApp accepts it: one `local@domain.tld` without spaces, brackets or
 * separators. Checked before sending, so a wrong address is a fact and not a message to read.
 */
export function isMailAddress(address: string): boolean {
  return /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/.test(address);
}

/**
 * Why MailApp refused a mail. The quota is a fact: when `getRemainingDailyQuota()` reports
 * nothing left after the refusal, the refusal was the daily quota whatever its words. When even
 * that call fails, the wording decides.
 */
export function classifyMailError(e: unknown): ServiceErrorKind {
  const byWording = kindByWording(e);
  if (byWording === 'timeLimit') return byWording;
  try {
    if (MailApp.getRemainingDailyQuota() < 1) return 'dailyQuota';
  } catch (_e) {
    // No fact to be had now; the wording decides.
  }
  return byWording;
}

/**
 * What a coordinator reads when an action stopped on a daily quota of Google (the wording is the
 * only fact an action has; an unknown Dutch text gets the general message instead). Null for
 * every other failure.
 */
export function dailyQuotaNotice(e: unknown): string | null {
  if (kindByWording(e) !== 'dailyQuota') return null;
  return 'Google staat dit voor vandaag niet meer toe: een dagquotum van het Google-account is bereikt (bijvoorbeeld het aantal nieuwe spreadsheets of documenten per dag). Wat al klaar was, blijft bewaard. Probeer het morgen opnieuw; de actie maakt dan af wat nog ontbrak.';
}
