/**
 * The stored state of an emulated Google Form (kept in its Drive entry's `data`) and the answer
 * rules shared by scripted responses (`item.createResponse`) and simulated respondents.
 * Everything here is plain data so a Drive copy can clone it.
 * Behaviour references: docs/emulator.md (### FormApp) and reference/forms/form.
 */
import { gasError, MIME, type Runtime } from './runtime';
import { gasEnum } from './strict';

export const ItemType = gasEnum([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'RATING',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
  'UNSUPPORTED',
]);
export type ItemTypeName = keyof typeof ItemType;
export const DestinationType = gasEnum(['SPREADSHEET']);
export const Alignment = gasEnum(['LEFT', 'CENTER', 'RIGHT']);
export const PageNavigationType = gasEnum(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT']);
export const FeedbackType = gasEnum(['CORRECT', 'INCORRECT', 'GENERAL']);

/** Item types FormApp can add and answer in this emulator. */
export type EmulatedType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'DATE'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK';

export const LAYOUT_TYPES: ReadonlySet<string> = new Set(['SECTION_HEADER', 'PAGE_BREAK']);
/** Unanswered items of these types still appear in getItemResponses() with '' (FR#getItemResponses). */
export const BLANK_WHEN_UNANSWERED: ReadonlySet<string> = new Set(['TEXT', 'PARAGRAPH_TEXT', 'DATE', 'TIME']);

/** Text: string; checkbox and grid: string[]; checkbox grid: string[][]. */
export type Answer = string | string[] | string[][];

export interface ValidationRule {
  kind: string;
  args: (number | string)[];
}

export interface ValidationModel {
  target: 'TEXT' | 'PARAGRAPH_TEXT' | 'CHECKBOX' | 'GRID' | 'CHECKBOX_GRID';
  rules: ValidationRule[];
  helpText: string;
}

export interface ChoiceModel {
  value: string;
  isCorrect: boolean;
}

export interface ItemModel {
  id: number;
  /** `entry.N` ids of the respondent page (one per grid row); not the item id. */
  entryIds: number[];
  type: EmulatedType;
  title: string;
  helpText: string;
  required: boolean;
  choices: ChoiceModel[];
  otherOption: boolean;
  rows: string[];
  columns: string[];
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  includesYear: boolean;
  validation: ValidationModel | null;
}

export interface ResponseModel {
  id: string;
  /** First submission (epoch ms). */
  createdAt: number;
  /** Latest submission (epoch ms); what getTimestamp() returns (unconfirmed; reference/forms/form-response#getTimestamp()). */
  timestamp: number;
  /** Collected address (getRespondentEmail); '' when the form doesn't collect addresses. */
  email: string;
  /** Who submitted, as far as the emulator knows (signed-in respondent); '' for anonymous and scripts. */
  respondent: string;
  /** Keyed by item id. */
  answers: Record<string, Answer>;
}

export interface DestinationModel {
  type: 'SPREADSHEET';
  id: string;
  sheetName: string;
}

export interface FormModel {
  title: string;
  description: string;
  confirmationMessage: string;
  customClosedFormMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  acceptingResponses: boolean;
  published: boolean;
  publishingSummary: boolean;
  showLinkToRespondAgain: boolean;
  progressBar: boolean;
  shuffleQuestions: boolean;
  quiz: boolean;
  publishedId: string;
  publishedReaders: string[];
  /** Long form URL → forms.gle code (shortenFormUrl). */
  shortLinks: Record<string, string>;
  items: ItemModel[];
  responses: ResponseModel[];
  destination: DestinationModel | null;
}

/**
 * Forms created through the API start unpublished after 2026-06-30 (FCHG); whether FormApp.create
 * counts as "API" is unconfirmed — the emulator assumes it does, so scripts must publish explicitly.
 */
export const UNPUBLISHED_DEFAULT_AFTER = Date.UTC(2026, 5, 30, 23, 59, 59, 999);

export function newFormModel(rt: Runtime, title: string): FormModel {
  const published = rt.now() <= UNPUBLISHED_DEFAULT_AFTER;
  return {
    title,
    description: '',
    confirmationMessage: '',
    customClosedFormMessage: '',
    collectEmail: false,
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    acceptingResponses: published,
    published,
    publishingSummary: false,
    showLinkToRespondAgain: true,
    progressBar: false,
    shuffleQuestions: false,
    quiz: false,
    publishedId: rt.newId('1FAIpQLS'),
    publishedReaders: [],
    shortLinks: {},
    items: [],
    responses: [],
    destination: null,
  };
}

/** A large random integer, unique within the form (item ids and entry ids share the space). */
function newNumber(rt: Runtime, form: FormModel): number {
  const used = new Set<number>();
  for (const it of form.items) {
    used.add(it.id);
    for (const e of it.entryIds) used.add(e);
  }
  for (;;) {
    const n = 100_000_000 + Math.floor(rt.random() * 1_900_000_000);
    if (!used.has(n)) return n;
  }
}

export function newItemModel(rt: Runtime, form: FormModel, type: EmulatedType): ItemModel {
  const item: ItemModel = {
    id: newNumber(rt, form),
    entryIds: [],
    type,
    title: '',
    helpText: '',
    required: false,
    choices: [],
    otherOption: false,
    rows: [],
    columns: [],
    lowerBound: 1,
    upperBound: 5,
    leftLabel: '',
    rightLabel: '',
    includesYear: true,
    validation: null,
  };
  form.items.push(item);
  if (!LAYOUT_TYPES.has(type)) item.entryIds.push(newNumber(rt, form));
  return item;
}

/** Grid items get one entry id per row (respondent page field names). */
export function syncEntryIds(rt: Runtime, form: FormModel, item: ItemModel): void {
  const want = item.type === 'GRID' || item.type === 'CHECKBOX_GRID' ? Math.max(1, item.rows.length) : 1;
  while (item.entryIds.length < want) item.entryIds.push(newNumber(rt, form));
}

export function formModelOf(rt: Runtime, formId: string): FormModel {
  return rt.getEntry(formId, MIME.form).data as FormModel;
}

export function editUrl(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/edit`;
}

export function publishedUrl(form: FormModel): string {
  return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
}

/** Published and accepting; an unpublished form never accepts (REST PublishState). */
export function isAccepting(form: FormModel): boolean {
  return form.published && form.acceptingResponses;
}

// ---- answers -----------------------------------------------------------------------------------

export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer !== '';
  return (answer as unknown[]).some((a) => (Array.isArray(a) ? a.length > 0 : a !== ''));
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_RE = /^(\d{2})-(\d{2})$/;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Why `answer` is not acceptable for `item` (a Dutch sentence), or null when it is. Only the
 * shape and the allowed values are checked here; "required" and validations are respondent rules.
 */
export function answerProblem(item: ItemModel, answer: unknown): string | null {
  const q = `vraag "${item.title}"`;
  const choiceValues = item.choices.map((c) => c.value);
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
      return typeof answer === 'string' ? null : `Het antwoord op ${q} moet tekst zijn.`;
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      if (typeof answer !== 'string') return `Bij ${q} hoort één keuze als tekst.`;
      if (answer === '' || choiceValues.includes(answer)) return null;
      if (item.type === 'MULTIPLE_CHOICE' && item.otherOption) return null;
      return `"${answer}" is geen keuzemogelijkheid van ${q}.`;
    case 'CHECKBOX': {
      if (!isStringArray(answer)) return `Bij ${q} hoort een lijst met keuzes.`;
      if (new Set(answer).size !== answer.length) return `Bij ${q} staat een keuze dubbel.`;
      const others = answer.filter((a) => !choiceValues.includes(a));
      if (others.length === 0) return null;
      if (item.otherOption && others.length === 1 && others[0] !== '') return null;
      return `"${others[0]}" is geen keuzemogelijkheid van ${q}.`;
    }
    case 'SCALE': {
      if (answer === '') return null;
      const s = typeof answer === 'number' ? String(answer) : answer;
      if (typeof s !== 'string' || !/^\d+$/.test(s)) return `Bij ${q} hoort een geheel getal.`;
      const n = Number(s);
      if (n < item.lowerBound || n > item.upperBound) {
        return `Het antwoord op ${q} moet tussen ${item.lowerBound} en ${item.upperBound} liggen.`;
      }
      return null;
    }
    case 'DATE': {
      if (typeof answer !== 'string') return `Bij ${q} hoort een datum.`;
      if (answer === '') return null;
      const full = DATE_RE.exec(answer);
      if (item.includesYear && full && validDate(Number(full[1]), Number(full[2]), Number(full[3])))
        return null;
      const md = MONTH_DAY_RE.exec(answer);
      if (!item.includesYear && md && validDate(2000, Number(md[1]), Number(md[2]))) return null;
      return `"${answer}" is geen geldige datum voor ${q} (verwacht ${item.includesYear ? 'JJJJ-MM-DD' : 'MM-DD'}).`;
    }
    case 'GRID': {
      if (!isStringArray(answer) || answer.length !== item.rows.length) {
        return `Bij ${q} hoort per rij (${item.rows.length}) één antwoord.`;
      }
      const bad = answer.find((a) => a !== '' && !item.columns.includes(a));
      return bad === undefined ? null : `"${bad}" is geen kolom van ${q}.`;
    }
    case 'CHECKBOX_GRID': {
      if (!Array.isArray(answer) || answer.length !== item.rows.length || !answer.every(isStringArray)) {
        return `Bij ${q} hoort per rij (${item.rows.length}) een lijst met kolommen.`;
      }
      for (const row of answer as string[][]) {
        const bad = row.find((a) => !item.columns.includes(a));
        if (bad !== undefined) return `"${bad}" is geen kolom van ${q}.`;
      }
      return null;
    }
    default:
      return `${q} is geen vraag en kan geen antwoord krijgen.`;
  }
}

/** Copies an answer so later changes to the caller's arrays don't leak into the store. */
export function cloneAnswer(answer: Answer): Answer {
  if (typeof answer === 'string') return answer;
  return (answer as unknown[]).map((a) => (Array.isArray(a) ? [...a] : a)) as Answer;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function ymdInZone(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function questionItems(form: FormModel): ItemModel[] {
  return form.items.filter((i) => !LAYOUT_TYPES.has(i.type));
}

// ---- response sheet rows -------------------------------------------------------------------------

/** Header row of a linked response tab: Timestamp, (Email Address), then one column per question [W]. */
export function sheetHeaders(form: FormModel): string[] {
  const h = ['Timestamp'];
  if (form.collectEmail) h.push('Email Address');
  for (const it of questionItems(form)) {
    if (it.type === 'GRID' || it.type === 'CHECKBOX_GRID')
      for (const r of it.rows) h.push(`${it.title} [${r}]`);
    else h.push(it.title);
  }
  return h;
}

export function sheetRow(form: FormModel, r: ResponseModel): unknown[] {
  const row: unknown[] = [new Date(r.timestamp)];
  if (form.collectEmail) row.push(r.email);
  for (const it of questionItems(form)) {
    const a = r.answers[String(it.id)];
    if (it.type === 'GRID') {
      it.rows.forEach((_, i) => {
        row.push(Array.isArray(a) ? ((a[i] as string | undefined) ?? '') : '');
      });
    } else if (it.type === 'CHECKBOX_GRID') {
      it.rows.forEach((_, i) => {
        const cell = Array.isArray(a) ? a[i] : undefined;
        row.push(Array.isArray(cell) ? cell.join(', ') : '');
      });
    } else if (it.type === 'CHECKBOX') {
      row.push(Array.isArray(a) ? a.join(', ') : '');
    } else if (it.type === 'SCALE') {
      row.push(typeof a === 'string' && a !== '' ? Number(a) : '');
    } else {
      row.push(typeof a === 'string' ? a : '');
    }
  }
  return row;
}

/** Used for unknown-argument failures whose exact Apps Script wording is unconfirmed. */
export function invalidArgument(name: string): Error {
  return gasError(`Invalid argument: ${name}`);
}
