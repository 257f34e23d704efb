/**
 * Informing the persons on the namenlijst (AVG art. 14): per person the date and the way the
 * jongere was informed, for a minor also the ouders/verzorgers, or the reason informing was
 * postponed and until when. Art. 14(3)(a) AVG asks for the information "within a reasonable
 * period after obtaining the personal data, but at the latest within one month"; art. 14(5)
 * allows exceptions, which is why a postponement with a reason and an end date can be recorded.
 *
 * The coordinator records it in the namenlijst (columns E to J), the only file where a code
 * meets a name; "Namenlijst bijwerken" checks every cell (messages name the cell, never what is
 * in it) and copies the dates, without the reason, to the case's `_personen` table, from which
 * the digest warns without opening the namenlijst. Pure: no service, no clock.
 */
import type { ListRule } from './dropdowns';
import { addDays, isValidIsoDate } from './workdays';

/** The ways of informing the coordinator chooses from (a dropdown in the namenlijst). */
export const INFORM_WAYS = ['brief', 'gesprek', 'telefonisch', 'e-mail', 'huisbezoek', 'anders'] as const;

/**
 * Default of the setting "Informeren binnen (dagen)": 28 days, so that the warning always comes
 * within the month art. 14(3)(a) AVG allows, whatever month the person was added in.
 */
export const DEFAULT_INFORM_DAYS = 28;

/** The namenlijst's informing columns, in order after Code, Naam, Geboortejaar, Toelichting (E to J). */
export const INFORM_COLUMNS = [
  'Jongere geïnformeerd op',
  'Wijze jongere',
  'Ouders geïnformeerd op',
  'Wijze ouders',
  'Uitgesteld tot',
  'Reden uitstel',
] as const;
export type InformColumn = (typeof INFORM_COLUMNS)[number];
/** 0-based column of the first informing column in the namenlijst (E). */
export const INFORM_FIRST_COLUMN = 4;

/** What the case keeps about informing one person (no reason text, no name). */
export interface InformRecord {
  /** ISO date the jongere was informed, or ''. */
  informedOn: string;
  /** ISO date the ouders/verzorgers were informed, or ''. */
  parentsOn: string;
  /** Whether the ouders/verzorgers must be informed too (see isMinor). */
  minor: boolean;
  /** ISO date until which informing is postponed, or ''. */
  postponedUntil: string;
}

export const EMPTY_INFORM: InformRecord = { informedOn: '', parentsOn: '', minor: true, postponedUntil: '' };

/**
 * Whether a person counts as a minor on a day, from the birth year alone (the namenlijst holds no
 * birth date): minor unless surely 18. Someone born in year Y is surely 18 on a day in year Z only
 * when Z − Y ≥ 19; in the year of the 18th birthday the person may still be 17, so the ouders are
 * informed too. Without a birth year: minor (the careful choice). The day is the day the person
 * was added to the namenlijst: that is when the obligation to inform arose.
 */
export function isMinor(birthYear: string | number, onDay: string): boolean {
  // Number() ignores the white space around a text and reads an empty text as 0
  // (https://tc39.es/ecma262/#sec-stringtonumber), so '' and ' ' count as no birth year.
  const y = Number(birthYear);
  if (!Number.isInteger(y) || y <= 0) return true;
  return Number(onDay.slice(0, 4)) - y < 19;
}

const DMY_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A date cell as an ISO date, or null when it is no date. A cell with a real date comes as an
 * instant (the spreadsheet's midnight, read as `toISOString`); it is turned into the calendar
 * day with `toDay`. Typed text is read as dd-mm-jjjj (also with / or .) or jjjj-mm-dd.
 */
export function parseDay(cell: string, toDay: (ms: number) => string): string | null {
  const t = cell.trim();
  if (ISO_TIME_RE.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : toDay(ms);
  }
  if (isValidIsoDate(t)) return t;
  const m = DMY_RE.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

export interface InformRowInput {
  /** 1-based row in the namenlijst tab. */
  row: number;
  code: string;
  birthYear: string;
  /** ISO date the person was added (its code handed out); '' for a row without a code yet (today). */
  addedOn: string;
  cells: Record<InformColumn, string>;
}

export interface InformProblem {
  /** A1 cell, e.g. `Namenlijst!E4`. */
  cell: string;
  message: string;
}

const LETTER = ['E', 'F', 'G', 'H', 'I', 'J'] as const;
function cellOf(sheet: string, column: InformColumn, row: number): string {
  return `${sheet}!${LETTER[INFORM_COLUMNS.indexOf(column)]}${row}`;
}

/**
 * Checks the informing cells of one row and gives what the case keeps, or the problems (each
 * naming its cell, never repeating its content). A date may not lie in the future and not before
 * the birth year; a date needs its way and a way its date; a postponement needs a reason and a
 * reason an end date. For an adult the ouders columns may stay empty.
 */
export function checkInformRow(
  input: InformRowInput,
  opts: { sheet: string; today: string; toDay: (ms: number) => string },
): { record: InformRecord; problems: InformProblem[] } {
  const problems: InformProblem[] = [];
  const at = (c: InformColumn) => cellOf(opts.sheet, c, input.row);
  const text = (c: InformColumn) => (input.cells[c] ?? '').trim();
  const addedOn = input.addedOn || opts.today;
  const minor = isMinor(input.birthYear, addedOn);
  const date = (c: InformColumn, pastOnly: boolean): string => {
    const raw = text(c);
    if (raw === '') return '';
    const day = parseDay(raw, opts.toDay);
    if (day === null) {
      problems.push({
        cell: at(c),
        message: 'geen datum; typ de datum als dd-mm-jjjj of kies hem in de kalender',
      });
      return '';
    }
    if (pastOnly && day > opts.today) {
      problems.push({
        cell: at(c),
        message: 'deze datum ligt in de toekomst; vul de dag in waarop is geïnformeerd',
      });
      return '';
    }
    // An empty birth year reads as 0, before every date (see isMinor).
    const by = Number(input.birthYear);
    if (Number.isInteger(by) && Number(day.slice(0, 4)) < by) {
      problems.push({ cell: at(c), message: 'deze datum ligt vóór het geboortejaar' });
      return '';
    }
    return day;
  };
  const way = (c: InformColumn): string => {
    const raw = text(c).toLowerCase();
    if (raw === '') return '';
    if (!(INFORM_WAYS as readonly string[]).includes(raw)) {
      problems.push({ cell: at(c), message: `kies een van: ${INFORM_WAYS.join(', ')}` });
      return '';
    }
    return raw;
  };
  const pair = (dateCol: InformColumn, wayCol: InformColumn): string => {
    const d = date(dateCol, true);
    const w = way(wayCol);
    if (text(dateCol) !== '' && text(wayCol) === '')
      problems.push({ cell: at(wayCol), message: 'vul ook in op welke manier is geïnformeerd' });
    if (text(dateCol) === '' && text(wayCol) !== '')
      problems.push({ cell: at(dateCol), message: 'vul ook de datum in waarop is geïnformeerd' });
    // A date without its way does not count (d is '' when the date is missing or wrong).
    return w !== '' ? d : '';
  };
  const informedOn = pair('Jongere geïnformeerd op', 'Wijze jongere');
  const parentsOn = pair('Ouders geïnformeerd op', 'Wijze ouders');
  const postponedUntil = date('Uitgesteld tot', false);
  if (text('Uitgesteld tot') !== '' && text('Reden uitstel') === '')
    problems.push({
      cell: at('Reden uitstel'),
      message: 'vul de reden in waarom het informeren is uitgesteld (zonder namen)',
    });
  if (text('Uitgesteld tot') === '' && text('Reden uitstel') !== '')
    problems.push({ cell: at('Uitgesteld tot'), message: 'vul in tot wanneer het informeren is uitgesteld' });
  return {
    record: { informedOn, parentsOn, minor, postponedUntil: text('Reden uitstel') ? postponedUntil : '' },
    problems,
  };
}

export type InformState = 'geïnformeerd' | 'uitgesteld' | 'open' | 'te laat';

/**
 * Where informing one person stands on `today`: informed (the jongere and, for a minor, the
 * ouders), postponed (until a day not yet passed), open (still within `days` of being added) or
 * late. A postponement whose day has passed counts as missing again: late when the term since
 * adding is over, else open.
 */
export function informState(rec: InformRecord, addedOn: string, today: string, days: number): InformState {
  if (rec.informedOn !== '' && (!rec.minor || rec.parentsOn !== '')) return 'geïnformeerd';
  if (rec.postponedUntil !== '' && rec.postponedUntil >= today) return 'uitgesteld';
  return dueOn(addedOn, days) <= today ? 'te laat' : 'open';
}

/** The day from which missing informing is late: `days` after the person was added. */
export function dueOn(addedOn: string, days: number): string {
  return addDays(addedOn, days);
}

/** The dropdowns of the namenlijst's "Wijze" columns (model/dropdowns ListRule, placed by header). */
export function informListRules(): ListRule[] {
  const help = `Hoe is geïnformeerd: ${INFORM_WAYS.join(', ')}.`;
  return (['Wijze jongere', 'Wijze ouders'] as const).map((header) => ({
    header,
    values: [...INFORM_WAYS],
    strict: true,
    help,
  }));
}

/** The namenlijst's date columns (a date picker each). */
export const INFORM_DATE_COLUMNS: readonly InformColumn[] = [
  'Jongere geïnformeerd op',
  'Ouders geïnformeerd op',
  'Uitgesteld tot',
];
export const INFORM_DATE_HELP =
  'Een datum (dubbelklik voor de kalender). Geïnformeerd op: de dag waarop het gebeurde; Uitgesteld tot: tot wanneer het informeren wacht (met een reden in kolom J).';

/**
 * What the dashboard says about letters (model/nextActions `letters`): while the case is open,
 * the persons with neither an information letter nor recorded informing; once closed, the persons
 * still without a closing letter (only while the namenlijst exists: the names are needed) and the
 * closing letters made, which wait to be sent until the purge removes them.
 */
export function letterCounts(
  persons: readonly { informedOn: string; letterOn: string; closingOn: string }[],
  closed: boolean,
  namesList: boolean,
): { toMake: number; waiting: number } {
  if (!closed)
    return { toMake: persons.filter((p) => p.letterOn === '' && p.informedOn === '').length, waiting: 0 };
  return {
    toMake: namesList ? persons.filter((p) => p.closingOn === '').length : 0,
    waiting: persons.filter((p) => p.closingOn !== '').length,
  };
}
