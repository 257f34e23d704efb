/**
 * The language of the account the in-memory Apps Script plays. Apps Script raises its service
 * errors in the language of the user's Google account: the same failure reads
 * `No item with the given ID could be found, …` in an English account and
 * `Er is geen item met de opgegeven id gevonden …` in a Dutch one. Product code must therefore
 * never decide on the wording alone (developers' guide); this module lets the emulator speak
 * either language so tests can prove that.
 *
 * Every message is written in English in the emulator (the wording of the Apps Script reference
 * and of the behaviours catalogue) and translated here when the account is Dutch:
 *
 * - **observed** Dutch texts come from the ErrorHandler library, which collects the localised
 *   messages Apps Script really throws, per locale, to recognise them
 *   (https://github.com/RomainVialard/ErrorHandler, `_ERROR_MESSAGE_TRANSLATIONS` and
 *   `_ERROR_PARTIAL_MATCH`, locale `nl`);
 * - where the Dutch text is **unknown**, the emulator uses a wording of its own that no product
 *   code may match: for the errors a product is likely to classify (quotas, time limits, missing
 *   documents) a readable Dutch sentence marked as the emulator's, for every other message the
 *   English text in ROT13 behind a Dutch marker. docs/emulator.md lists which is which.
 */

/** The account languages the emulator plays (Session.getActiveUserLocale: `en`, `nl`). */
export type AccountLanguage = 'en' | 'nl';

export const ACCOUNT_LANGUAGES: readonly AccountLanguage[] = ['en', 'nl'];

/** Source of an entry's Dutch text. */
export type DutchSource = 'observed' | 'unknown';

interface Entry {
  en: RegExp;
  nl: (m: RegExpExecArray) => string;
  source: DutchSource;
}

/** Marker in front of a Dutch text the emulator made up because the real one is unknown. */
export const UNKNOWN_DUTCH = '[emulator: Nederlandse tekst onbekend]';

const ENTRIES: readonly Entry[] = [
  {
    en: /^No item with the given ID could be found, or you do not have permission to access it\.$/,
    nl: () =>
      'Er is geen item met de opgegeven id gevonden of je hebt geen toestemming om het item te openen.',
    source: 'observed',
  },
  { en: /^Invalid email: ([\s\S]*)$/, nl: (m) => `Ongeldige e-mail: ${m[1]}`, source: 'observed' },
  {
    // The observed pattern has no quotes around the name (ErrorHandler: `de naam ([^.]*)\.`).
    en: /^A sheet with the name "([\s\S]*)" already exists\. Please enter another name\.$/,
    nl: (m) => `Er is al een blad met de naam ${m[1]}. Geef een andere naam op.`,
    source: 'observed',
  },
  {
    en: /^Service invoked too many times for one day: ([^.]*)\.$/,
    nl: (m) => `${UNKNOWN_DUTCH} Dagtegoed van deze dienst is op: ${m[1]}.`,
    source: 'unknown',
  },
  {
    en: /^Service invoked too many times in a short time: ([^.]*)\./,
    nl: (m) => `${UNKNOWN_DUTCH} Dienst kort na elkaar te druk gebruikt: ${m[1]}.`,
    source: 'unknown',
  },
  {
    en: /^Service using too much computer time for one day\.$/,
    nl: () => `${UNKNOWN_DUTCH} Dagtegoed aan rekentijd is op.`,
    source: 'unknown',
  },
  {
    en: /^Exceeded maximum execution time$/,
    nl: () => `${UNKNOWN_DUTCH} Het script liep langer dan toegestaan.`,
    source: 'unknown',
  },
  {
    en: /^Document (\S*) is missing \(perhaps it was deleted\?\)$/,
    nl: (m) => `${UNKNOWN_DUTCH} Bestand ${m[1]} is er niet (meer).`,
    source: 'unknown',
  },
  {
    en: /^Lock timeout: another process was holding the lock for too long\.$/,
    nl: () => `${UNKNOWN_DUTCH} Het slot kwam niet op tijd vrij.`,
    source: 'unknown',
  },
];

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * The text an account in `language` shows for the English `message`. Messages of the emulator
 * itself (`Niet geëmuleerd: …`) and texts that are already Dutch-only markers stay as they are.
 */
export function localize(message: string, language: AccountLanguage): string {
  if (language === 'en' || message.startsWith('Niet geëmuleerd') || message.startsWith(UNKNOWN_DUTCH)) {
    return message;
  }
  for (const e of ENTRIES) {
    const m = e.en.exec(message);
    if (m) return e.nl(m);
  }
  return `${UNKNOWN_DUTCH} (rot13) ${rot13(message)}`;
}

/** Whether the Dutch text of `message` is one Apps Script was seen to raise (for tests and docs). */
export function dutchSourceOf(message: string): DutchSource {
  return ENTRIES.find((e) => e.en.test(message))?.source ?? 'unknown';
}
