/**
 * The `Vragen` tab of the register: the national question list, editable per gemeente without
 * code. A row of a built-in question may change its title, help text and "verplicht", or hide
 * it; a row with a new id adds the gemeente's own question. Reading the tab gives catalog
 * overrides, or Dutch errors that name the cell. Pure.
 */
import type { CatalogOverrides } from './catalog';
import { MAX_TITLE_LENGTH, questionProblems } from './catalog/rules';
import { partnerKindFromText } from './partners';
import type { PartnerKind, Question, QuestionType, StepId, Theme } from './types';
import { LEVELS, QUESTION_TYPES, STEP_IDS } from './types';

export const QUESTIONS_SHEET = 'Vragen';
export const QUESTION_HEADERS = [
  'Vraag-id',
  'Stap',
  'Partners',
  'Niveau',
  'Soort vraag',
  'Titel',
  'Toelichting',
  'Verplicht',
  'Verbergen',
  'Keuzes',
] as const;

/** Dutch names of the question types, as shown in the tab and by `npm start -- --catalog`. */
export const TYPE_LABEL: Record<QuestionType, string> = {
  text: 'kort antwoord',
  paragraph: 'alinea',
  choice: 'keuze',
  checkboxes: 'aankruisvakjes',
  scale: 'schaal',
  date: 'datum',
  grid: 'raster',
};

/** The overview chapter a gemeente's own question feeds, by step. */
const THEME_OF_STEP: Record<StepId, Theme> = {
  '1': 'aanleiding',
  '2A': 'groepsbeschrijving',
  '2B': 'persoon',
  '3': 'dynamiek',
  '4': 'advies',
  '5': 'pva',
  '6': 'monitoring',
  '7': 'evaluatie',
};

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function yes(v: unknown): boolean {
  return /^(ja|j|yes|true|x)$/i.test(text(v));
}

function typeOf(v: unknown): QuestionType | undefined {
  const t = text(v).toLowerCase();
  return QUESTION_TYPES.find((k) => k === t || TYPE_LABEL[k] === t);
}

export function questionsToRows(catalog: readonly Question[]): string[][] {
  return [
    [...QUESTION_HEADERS],
    ...catalog.map((q) => [
      q.id,
      q.step,
      q.kinds === 'all' ? 'alle' : q.kinds.join(', '),
      q.level,
      TYPE_LABEL[q.type],
      q.title,
      q.help ?? '',
      q.required ? 'ja' : 'nee',
      'nee',
      q.type === 'choice' || q.type === 'checkboxes' ? (q.choices ?? []).join('; ') : '',
    ]),
  ];
}

/** A gemeente's own question from a row, or the errors (with cells) that stop it. */
function ownQuestion(r: readonly unknown[], row: number, errors: string[]): Question | null {
  const at = (col: string) => `${QUESTIONS_SHEET}!${col}${row}`;
  const before = errors.length;
  const id = text(r[0]);
  const step = text(r[1]).toUpperCase() as StepId;
  if (!(STEP_IDS as readonly string[]).includes(step))
    errors.push(`${at('B')}: onbekende stap "${text(r[1])}"`);
  const kindsText = text(r[2]);
  let kinds: Question['kinds'] = 'all';
  if (kindsText.toLowerCase() !== 'alle') {
    const parts = kindsText
      .split(/[,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const found = parts.map((p) => partnerKindFromText(p));
    const unknown = parts.filter((_, i) => !found[i]);
    if (parts.length === 0 || unknown.length) {
      errors.push(
        `${at('C')}: onbekende partnersoort "${unknown.join(', ') || kindsText}"; schrijf "alle" of bijv. politie, boa`,
      );
    }
    kinds = found.filter((k): k is PartnerKind => Boolean(k));
  }
  const level = text(r[3]).toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level)) {
    errors.push(`${at('D')}: onbekend niveau "${text(r[3])}"; kies ${LEVELS.join(', ')}`);
  }
  const type = typeOf(r[4]);
  if (!type) {
    errors.push(
      `${at('E')}: onbekende soort vraag "${text(r[4])}"; kies ${Object.values(TYPE_LABEL).join(', ')}`,
    );
  } else if (type === 'grid') {
    errors.push(
      `${at('E')}: een raster kan niet via deze tab worden toegevoegd; kies een andere soort vraag`,
    );
  }
  const title = text(r[5]);
  if (!title) errors.push(`${at('F')}: titel ontbreekt`);
  if (errors.length > before || !type) return null;

  const q: Question = {
    id,
    step,
    kinds,
    level: level as Question['level'],
    theme: level === 'persoon' ? 'persoon' : THEME_OF_STEP[step],
    type,
    title,
    source: 'I',
  };
  const help = text(r[6]);
  if (help) q.help = help;
  if (yes(r[7])) q.required = true;
  if (level === 'persoon') q.repeat = 'per_person';
  const choices = text(r[9]);
  if (type === 'choice' || type === 'checkboxes') {
    q.choices = choices
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean);
  }
  if (type === 'scale') {
    const m = /^([01])\s*-\s*(\d+)$/.exec(choices || '1-5');
    if (!m) {
      errors.push(`${at('J')}: schrijf de schaal als van-tot, bijv. 1-5`);
      return null;
    }
    q.scale = { min: Number(m[1]) as 0 | 1, max: Number(m[2]), minLabel: '', maxLabel: '' };
  }
  for (const p of questionProblems(q)) errors.push(`${at('A')}: ${p}`);
  return errors.length > before ? null : q;
}

export type QuestionsParse = { ok: true; overrides: CatalogOverrides } | { ok: false; errors: string[] };

export function parseQuestionRows(
  rows: readonly (readonly unknown[])[],
  catalog: readonly Question[],
): QuestionsParse {
  const titles: Record<string, string> = {};
  const help: Record<string, string> = {};
  const required: Record<string, boolean> = {};
  const hide: string[] = [];
  const extra: Question[] = [];
  const errors: string[] = [];
  const byId = new Map(catalog.map((q) => [q.id, q]));
  const seen = new Map<string, number>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    const id = text(r[0]);
    if (!id) return;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(`${QUESTIONS_SHEET}!A${row}: vraag-id "${id}" staat dubbel; staat ook in rij ${first}`);
      return;
    }
    seen.set(id, row);
    const q = byId.get(id);
    if (!q) {
      const own = ownQuestion(r, row, errors);
      if (own && !yes(r[8])) extra.push(own);
      return;
    }
    // The shape of a national question is fixed; only its wording, "verplicht" and hiding change.
    const expected = questionsToRows([q])[1]!;
    const fixed: [number, string, string][] = [
      [1, 'B', 'de stap'],
      [2, 'C', 'de partners'],
      [3, 'D', 'het niveau'],
      [4, 'E', 'de soort vraag'],
      [9, 'J', 'de keuzes'],
    ];
    for (const [col, letter, what] of fixed) {
      if (text(r[col]).toLowerCase() !== text(expected[col]).toLowerCase()) {
        errors.push(
          `${QUESTIONS_SHEET}!${letter}${row}: ${what} van landelijke vraag ${id} kan niet worden gewijzigd; zet de oude waarde terug, of verberg de vraag en voeg een eigen vraag toe`,
        );
      }
    }
    const title = text(r[5]);
    const helpText = text(r[6]);
    if (!title) errors.push(`${QUESTIONS_SHEET}!F${row}: titel ontbreekt`);
    else if (title.length > MAX_TITLE_LENGTH) {
      errors.push(`${QUESTIONS_SHEET}!F${row}: titel is langer dan ${MAX_TITLE_LENGTH} tekens`);
    } else if (title !== q.title) titles[id] = title;
    if (helpText !== (q.help ?? '')) help[id] = helpText;
    if (yes(r[7]) !== (q.required ?? false)) required[id] = yes(r[7]);
    if (yes(r[8])) hide.push(id);
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, overrides: { titles, help, required, hide, extra } };
}
