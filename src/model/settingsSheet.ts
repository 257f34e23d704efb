/**
 * The Instellingen tab: one setting per row (A = Dutch name, B = value, C = explanation).
 * `parseSettingsRows` validates with Dutch errors like `Instellingen!B4: ...`;
 * `settingsToRows` writes the tab back (round trip).
 */
import { MAIL_PLACEHOLDERS, SettingsSchema } from './configSchemas';
import { DEFAULT_INFORM_DAYS } from './informing';
import { formatLocatedIssues } from './issues';
import type { SheetParseResult } from './sheetTable';
import { cellBoolean, cellNumber, cellText, isEmptyCell } from './sheetTable';
import { STEPS } from './steps';
import type { Settings, StepId } from './types';
import { STEP_IDS } from './types';

export const SETTINGS_SHEET = 'Instellingen';

/** Marks template values the coordinator still has to fill in; a register with them is refused. */
export const PLACEHOLDER = 'VUL IN:';
export const PLACEHOLDER_EMAIL = 'vul-in@voorbeeld.invalid';

/** `Instellingen!B4: vul "Gemeente" in` for every template value still in the tab. */
export function unfilledSettings(rows: readonly (readonly unknown[])[]): string[] {
  return rows
    .map((r, i) => ({ v: String(r[1] ?? ''), row: i + 1, name: String(r[0] ?? '') }))
    .filter((x) => x.v.startsWith(PLACEHOLDER) || x.v === PLACEHOLDER_EMAIL)
    .map((x) => `${SETTINGS_SHEET}!B${x.row}: vul "${x.name}" in`);
}
export const SETTINGS_HEADER = ['Instelling', 'Waarde', 'Toelichting'] as const;

type ValueKind = 'text' | 'number' | 'boolean';

export interface SettingRow {
  /** Dutch name in column A. */
  label: string;
  /** Field path in Settings, e.g. `['deadlineWorkdays', '2A']`. */
  path: readonly [keyof Settings] | readonly [keyof Settings, string];
  kind: ValueKind;
  /** Dutch explanation for column C. */
  help: string;
}

const stepDeadlineRow = (step: StepId): SettingRow => ({
  label: `Termijn stap ${step} (werkdagen)`,
  path: ['deadlineWorkdays', step],
  kind: 'number',
  help: `Werkdagen voor partners in stap ${step} (${STEPS[step].name2023}). Leeg = standaardtermijn.`,
});

/** The rows of the Instellingen tab, in order. */
export const SETTING_ROWS: readonly SettingRow[] = [
  { label: 'Gemeente', path: ['gemeente'], kind: 'text', help: 'Naam van de gemeente.' },
  {
    label: 'Casusprefix',
    path: ['casePrefix'],
    kind: 'text',
    help: '2 tot 6 hoofdletters voor casuscodes, bijv. JGA geeft JGA-2026-001.',
  },
  {
    label: 'Stapnamen (2023/2016)',
    path: ['naming'],
    kind: 'text',
    help: '2023 = namen uit het vernieuwde werkproces; 2016 = namen uit werkproces 1.0.',
  },
  { label: 'Procesregisseur', path: ['coordinatorName'], kind: 'text', help: 'Naam van de procesregisseur.' },
  {
    label: 'E-mail procesregisseur',
    path: ['coordinatorEmail'],
    kind: 'text',
    help: 'Antwoordadres in mails aan partners. Alleen deze procesregisseur, de andere procesregisseurs hieronder en de eigenaar van het register mogen casussen wijzigen.',
  },
  {
    label: 'Termijn standaard (werkdagen)',
    path: ['deadlineWorkdays', 'default'],
    kind: 'number',
    help: 'Werkdagen die partners krijgen als er voor de stap niets is ingevuld.',
  },
  ...STEP_IDS.map(stepDeadlineRow),
  {
    label: 'Herinnering (werkdagen vóór termijn)',
    path: ['reminderWorkdaysBefore'],
    kind: 'number',
    help: 'Zoveel werkdagen voor de termijn gaat een herinnering (en op de dag zelf).',
  },
  {
    label: 'Bewaartermijn (maanden)',
    path: ['retentionMonths'],
    kind: 'number',
    help: 'Maanden na sluiten van een casus waarna persoonsgegevens worden verwijderd (1 tot en met 120).',
  },
  {
    label: 'Bevrijdingsdag elk jaar vrij (ja/nee)',
    path: ['bevrijdingsdagEveryYear'],
    kind: 'boolean',
    help: 'nee = 5 mei telt alleen in lustrumjaren (2025, 2030, ...) als vrije dag.',
  },
  {
    label: 'Afzendernaam e-mail',
    path: ['mailSenderName'],
    kind: 'text',
    help: 'Naam als afzender van mails.',
  },
  {
    label: 'Partners mogen antwoorden wijzigen (ja/nee)',
    path: ['allowResponseEdits'],
    kind: 'boolean',
    help: 'ja = een partner kan het formulier na verzenden nog aanpassen.',
  },
  {
    label: 'Uitnodiging: onderwerp',
    path: ['mailTexts', 'inviteSubject'],
    kind: 'text',
    help: `Leeg = standaardtekst. Invulplekken: ${MAIL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
  },
  {
    label: 'Uitnodiging: tekst',
    path: ['mailTexts', 'inviteBody'],
    kind: 'text',
    help: 'Leeg = standaardtekst.',
  },
  {
    label: 'Herinnering: onderwerp',
    path: ['mailTexts', 'reminderSubject'],
    kind: 'text',
    help: 'Leeg = standaardtekst.',
  },
  {
    label: 'Herinnering: tekst',
    path: ['mailTexts', 'reminderBody'],
    kind: 'text',
    help: 'Leeg = standaardtekst.',
  },
  {
    label: 'E-mail lokale driehoek',
    path: ['driehoekEmails'],
    kind: 'text',
    help: 'Adressen van burgemeester, politie en OM in de driehoek, gescheiden door komma’s. Zij krijgen het advies en de driehoekversie van het integraal beeld.',
  },
  {
    label: 'Dagoverzicht mailen (ja/nee)',
    path: ['digest'],
    kind: 'boolean',
    help: 'ja = op werkdagen tussen 8 en 18 uur één mail met wat aandacht vraagt (te laat, besluit nodig, mislukte mails, quarantaine, bewaartermijnen), alleen als er iets nieuws is. Alleen codes en labels, nooit namen.',
  },
  {
    label: 'E-mail dagoverzicht',
    path: ['digestEmails'],
    kind: 'text',
    help: 'Wie het dagoverzicht krijgt, gescheiden door komma’s. Leeg = het e-mailadres van de procesregisseur.',
  },
  {
    label: 'Andere procesregisseurs (e-mail)',
    path: ['coordinatorEmails'],
    kind: 'text',
    help: 'Wie verder acties op casussen mag uitvoeren (een vervanger), gescheiden door komma’s. Leeg = alleen de procesregisseur (E-mail procesregisseur) en de eigenaar van het register.',
  },
  {
    label: 'Informeren binnen (dagen)',
    path: ['informDays'],
    kind: 'number',
    help: `Dagen na het toevoegen van een persoon aan de namenlijst waarna het dagoverzicht meldt dat het informeren (AVG art. 14) nog niet is vastgelegd. Leeg = ${DEFAULT_INFORM_DAYS} (binnen de maand die de AVG geeft).`,
  },
];

function normaliseKey(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function stripNote(key: string): string {
  return key.replace(/\s*\([^)]*\)\s*$/, '');
}

export function findSetting(key: string): SettingRow | undefined {
  const k = normaliseKey(key);
  return (
    SETTING_ROWS.find((s) => normaliseKey(s.label) === k) ??
    SETTING_ROWS.find((s) => stripNote(normaliseKey(s.label)) === stripNote(k))
  );
}

const CONVERT: Record<ValueKind, (cell: unknown) => unknown> = {
  text: cellText,
  number: cellNumber,
  boolean: cellBoolean,
};

/** Reads the Instellingen tab (values from A1). Unknown or doubled names are errors. */
export function parseSettingsRows(rows: readonly (readonly unknown[])[]): SheetParseResult<Settings> {
  const errors: string[] = [];
  const input: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  const cellOf = new Map<string, unknown>();
  rows.forEach((row, i) => {
    const key = row[0];
    if (isEmptyCell(key)) return;
    const sheetRow = i + 1;
    if (normaliseKey(key) === normaliseKey(SETTINGS_HEADER[0])) return;
    const def = findSetting(String(key));
    if (!def) {
      errors.push(`${SETTINGS_SHEET}!A${sheetRow}: onbekende instelling "${String(key).trim()}"`);
      return;
    }
    const id = def.path.join('.');
    const first = rowOf.get(id);
    if (first !== undefined) {
      errors.push(
        `${SETTINGS_SHEET}!A${sheetRow}: instelling "${def.label}" staat dubbel; staat ook in rij ${first}`,
      );
      return;
    }
    rowOf.set(id, sheetRow);
    cellOf.set(id, row[1]);
    const value = CONVERT[def.kind](row[1]);
    if (value === undefined) return;
    const [top, sub] = def.path;
    if (sub === undefined) input[top] = value;
    else input[top] = { ...(input[top] as Record<string, unknown> | undefined), [sub]: value };
  });
  // Unknown or doubled names do not stop the check: the values are validated as well, so one
  // reading lists every problem of the tab.
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data };
  const lines = formatLocatedIssues(
    parsed.error.issues,
    (issue) => {
      const id = issue.path.slice(0, 2).map(String).join('.');
      const shortId = String(issue.path[0] ?? '');
      const key = rowOf.has(id) ? id : shortId;
      const row = rowOf.get(key);
      if (row !== undefined) return { where: `${SETTINGS_SHEET}!B${row}`, value: cellOf.get(key) };
      const def = SETTING_ROWS.find((s) => s.path.join('.') === id || s.path.join('.') === shortId);
      return { where: SETTINGS_SHEET, value: undefined, missingLabel: def?.label };
    },
    true,
  );
  return { ok: false, errors: [...errors, ...lines] };
}

function valueAt(settings: Settings, path: SettingRow['path']): unknown {
  const [top, sub] = path;
  const v = settings[top];
  return sub === undefined ? v : (v as Record<string, unknown>)[sub];
}

/** Header plus one row per setting: [name, value, explanation]. Absent optional values are empty. */
export function settingsToRows(settings: Settings): (string | number)[][] {
  return [
    [...SETTINGS_HEADER],
    ...SETTING_ROWS.map((def) => {
      const v = valueAt(settings, def.path);
      const cell =
        v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : (v as string | number);
      return [def.label, cell, def.help];
    }),
  ];
}
