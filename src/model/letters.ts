/**
 * The letters to the persons on the namenlijst (AVG art. 14): an information letter when a
 * person is registered and a closing letter when the registration ends. Their texts are the
 * gemeente's own, in the register's tab Brieven: one row per paragraph, column A the letter
 * (`informatiebrief` or `afsluitbrief`), column B the text; the first row of a letter is its title.
 * Placeholders in double braces are filled per person; an unknown one is refused naming its cell.
 *
 * Filling is one pass over the template only: a value is inserted as plain text and never read
 * again, so a name that looks like `{{datum}}` or a formula (`=1+1`) stays exactly what it is.
 * Pure: no service, no clock.
 */

export const LETTERS_SHEET = 'Brieven';
export const LETTER_HEADER = ['Brief', 'Tekst'] as const;

export const LETTER_KINDS = ['informatiebrief', 'afsluitbrief'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** What a letter may fill in, and what each stands for. */
export const LETTER_PLACEHOLDERS = {
  naam: 'de naam uit de namenlijst',
  geboortejaar: 'het geboortejaar uit de namenlijst',
  gemeente: 'de naam van de gemeente (Instellingen)',
  datum: 'de datum waarop de brief is gemaakt',
  contact: 'de procesregisseur en het e-mailadres (Instellingen)',
  bewaartermijn: 'de bewaartermijn van de casus in maanden',
} as const;
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;
export type LetterValues = Record<LetterPlaceholder, string>;

/** A template: the title, then the paragraphs. */
export interface LetterTemplate {
  title: string;
  paragraphs: string[];
}
export type LetterTemplates = Partial<Record<LetterKind, LetterTemplate>>;

const TOKEN_RE = /\{\{([^{}]*)\}\}/g;

/** The text with every placeholder filled; values go in as they are and are not read again. */
export function fillTemplate(text: string, values: LetterValues): string {
  return text.replace(TOKEN_RE, (whole, name: string) => {
    const key = name.trim().toLowerCase();
    return key in values ? values[key as LetterPlaceholder] : whole;
  });
}

/** What is wrong with the placeholders of one text (empty when nothing is). */
export function placeholderProblems(text: string): string[] {
  const out: string[] = [];
  const unknown = [...text.matchAll(TOKEN_RE)]
    .map((m) => m[1]!.trim())
    .filter((n) => !(n.toLowerCase() in LETTER_PLACEHOLDERS));
  if (unknown.length)
    out.push(
      `onbekende invulplek ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(', ')}; gebruik ${Object.keys(
        LETTER_PLACEHOLDERS,
      )
        .map((k) => `{{${k}}}`)
        .join(', ')}`,
    );
  const rest = text.replace(TOKEN_RE, '');
  if (rest.includes('{{') || rest.includes('}}'))
    out.push('een invulplek zonder begin of eind; schrijf ze als {{naam}}');
  return out;
}

/**
 * Reads the Brieven tab (values from A1, the header in row 1): each letter's rows in order.
 * Every problem names its cell (`Brieven!B5: ...`); nothing of the cell is repeated but the
 * placeholder names themselves.
 */
export function parseLetterRows(
  rows: readonly (readonly unknown[])[],
): { ok: true; templates: LetterTemplates } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const texts: Partial<Record<LetterKind, string[]>> = {};
  rows.forEach((row, i) => {
    if (i === 0) return;
    const kind = String(row[0] ?? '')
      .trim()
      .toLowerCase();
    const text = String(row[1] ?? '').trim();
    if (kind === '' && text === '') return;
    const at = i + 1;
    if (!(LETTER_KINDS as readonly string[]).includes(kind)) {
      errors.push(`${LETTERS_SHEET}!A${at}: kies ${LETTER_KINDS.join(' of ')}`);
      return;
    }
    if (text === '') return;
    for (const p of placeholderProblems(text)) errors.push(`${LETTERS_SHEET}!B${at}: ${p}`);
    const list = texts[kind as LetterKind] ?? [];
    list.push(text);
    texts[kind as LetterKind] = list;
  });
  if (errors.length) return { ok: false, errors };
  const templates: LetterTemplates = {};
  for (const kind of LETTER_KINDS) {
    const t = texts[kind];
    if (t && t.length > 0) templates[kind] = { title: t[0]!, paragraphs: t.slice(1) };
  }
  return { ok: true, templates };
}

/** The template texts the register starts with; the gemeente adapts them to its convenant. */
export const DEFAULT_LETTERS: Record<LetterKind, string[]> = {
  informatiebrief: [
    'Gegevens over u bij de gemeente {{gemeente}}',
    '{{datum}}',
    'Beste {{naam}},',
    'De gemeente {{gemeente}} werkt met politie, jongerenwerk en andere partners samen aan een aanpak van groepen jongeren die overlast geven of in de problemen dreigen te komen. Daarvoor hebben wij uw naam en geboortejaar ({{geboortejaar}}) vastgelegd op een lijst die alleen de procesregisseur en enkele aangewezen medewerkers van politie en Openbaar Ministerie kunnen inzien. In alle andere stukken staat een code in plaats van uw naam.',
    'Wij gebruiken die gegevens om samen te bepalen welke hulp of aanpak nodig is. Dat doen wij op grond van de taak van de burgemeester voor de openbare orde (artikel 6 lid 1 onder e van de Algemene verordening gegevensbescherming). Na het afsluiten van de aanpak bewaren wij de gegevens nog {{bewaartermijn}} maanden; daarna worden ze vernietigd.',
    'U mag vragen welke gegevens wij over u hebben, onjuiste gegevens laten verbeteren en bezwaar maken. Bent u minderjarig, dan kunnen ook uw ouders of verzorgers dat doen. Bent u het niet met ons eens, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
    'Hebt u vragen? Neem contact op met {{contact}}.',
    'Met vriendelijke groet,',
    'De burgemeester van {{gemeente}}',
  ],
  afsluitbrief: [
    'Afsluiting van de groepsaanpak',
    '{{datum}}',
    'Beste {{naam}},',
    'Eerder hebben wij u laten weten dat de gemeente {{gemeente}} uw gegevens had vastgelegd voor de aanpak van een jeugdgroep. Die registratie is nu beëindigd: uw gegevens worden voor deze aanpak niet meer gebruikt.',
    'Wij bewaren ze nog {{bewaartermijn}} maanden na het afsluiten; daarna worden ze vernietigd.',
    'Hebt u vragen? Neem contact op met {{contact}}.',
    'Met vriendelijke groet,',
    'De burgemeester van {{gemeente}}',
  ],
};

/** The Brieven tab as first written: the header and the default texts. */
export function defaultLetterRows(): string[][] {
  return [
    [...LETTER_HEADER],
    ...LETTER_KINDS.flatMap((kind) => DEFAULT_LETTERS[kind].map((text) => [kind, text])),
  ];
}

/** The letter's file name: the kind, the case code and the person code only (never a name). */
export function letterFileName(kind: LetterKind, caseCode: string, personCode: string, version = 1): string {
  const base = `${kind === 'informatiebrief' ? 'Informatiebrief' : 'Afsluitbrief'} ${caseCode} ${personCode}`;
  return version > 1 ? `${base} (versie ${version})` : base;
}

/** The version of an existing letter file of this kind, case and person, or 0 when it is another file. */
export function letterVersion(
  fileName: string,
  kind: LetterKind,
  caseCode: string,
  personCode: string,
): number {
  const base = letterFileName(kind, caseCode, personCode);
  if (fileName === base) return 1;
  const m = /^ \(versie (\d+)\)$/.exec(fileName.slice(base.length));
  return fileName.startsWith(base) && m ? Number(m[1]) : 0;
}
