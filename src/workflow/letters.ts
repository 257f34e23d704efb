/**
 * Letters to the persons on the namenlijst (AVG art. 14): an information letter per person
 * ("Informatiebrieven maken") and a closing letter when the registration ends (the case closes).
 * Each is a Google Doc made from the gemeente's template in the register's tab Brieven
 * (model/letters), written ONLY into a folder of the case inside the restricted folder that holds
 * the namenlijst — never into the shared case folder — with the case and person code as its file
 * name. The coordinator sends them (by post or through the gemeente's secure mail); the purge
 * removes the folder with everything else once the bewaartermijn has passed.
 *
 * Idempotent: the letters folder is listed once (documentStatesIn) and each document carries a
 * fingerprint of its template and values without the day it was made (appProperties). An
 * information letter is made again only when that fingerprint changed (a new template, a
 * corrected name): a new file "(versie 2)", the old one stays as it may have been sent. A closing
 * letter is made once per person.
 */

import { mustDropPersonData } from '../model/caseMachine';
import {
  defaultLetterRows,
  LETTER_KINDS,
  LETTERS_SHEET,
  type LetterKind,
  type LetterTemplate,
  type LetterTemplates,
  type LetterValues,
  letterFileName,
  letterVersion,
  parseLetterRows,
} from '../model/letters';
import { isoDate } from '../model/time';
import type { CaseState } from '../model/types';
import { treeHash } from '../render/docx/hash';
import { letterTree } from '../render/letter';
import { nlDate } from '../render/views-common';
import { nowMs } from '../workspace/clock';
import { documentStatesIn, writeDocument } from '../workspace/docs';
import { ensureFolder, parentFolderId } from '../workspace/files';
import { getScriptProperty } from '../workspace/props';
import type { Book } from '../workspace/spreadsheets';
import { openSpreadsheet } from '../workspace/spreadsheets';
import { readTable, replaceTable, writeEditableTab } from '../workspace/tables';
import { tabValues } from '../workspace/tabs';
import { setListValidationsByHeader } from '../workspace/validation';
import type { CaseHandle, Register } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import { NAMES, PERSONS } from './records';

const TZ = 'Europe/Amsterdam';

/** Script property with the id of a case's letters folder (an id only, no content). */
export function lettersFolderKey(caseCode: string): string {
  return `LETTERS_FOLDER_${caseCode}`;
}

/** The id of the case's letters folder when it was made, without making it. */
export function knownLettersFolder(caseCode: string): string | null {
  return getScriptProperty(lettersFolderKey(caseCode));
}

/**
 * The tab Brieven with the default texts when the register has none; a dropdown on column A. A
 * tab with nothing below its header counts as none: writeEditableTab inserts the tab before it
 * writes the texts, so a run that stopped in between left it empty, and the next one fills it.
 */
export function ensureLettersTab(ss: Book): unknown[][] {
  const rows = tabValues(ss, LETTERS_SHEET);
  if (rows?.slice(1).some((r) => r.some((c) => String(c ?? '').trim() !== ''))) return rows;
  const fresh = defaultLetterRows();
  writeEditableTab(ss, LETTERS_SHEET, fresh, 1, { plainText: true });
  setListValidationsByHeader(ss, LETTERS_SHEET, 1, [
    {
      header: 'Brief',
      values: [...LETTER_KINDS],
      strict: true,
      help: 'Welke brief deze regel is: informatiebrief of afsluitbrief. De eerste regel van een brief is de titel.',
    },
  ]);
  return fresh;
}

/** The gemeente's templates, or a Dutch refusal naming every wrong cell. */
export function readLetterTemplates(reg: Pick<Register, 'ss'>): LetterTemplates {
  const r = parseLetterRows(ensureLettersTab(reg.ss));
  if (!r.ok)
    throw new UserError(
      `De tab ${LETTERS_SHEET} klopt niet; er is geen brief gemaakt:\n${r.errors.join('\n')}`,
    );
  return r.templates;
}

export interface LettersResult {
  kind: LetterKind;
  /** Person codes that got a new letter (or a new version). */
  made: string[];
  /** Person codes left for a next run because the time budget ran out. */
  remaining: string[];
  /** Person codes whose letter already existed unchanged. */
  unchanged: string[];
  /** Per person code made or unchanged: the file name of that letter (codes only). */
  files: Record<string, string>;
  folderId: string;
}

function lettersFolder(h: CaseHandle): string {
  const parent =
    parentFolderId(h.row.namesId) ??
    ensureFolder('NAMES_FOLDER_ID', 'Namenlijsten (beperkt toegankelijk)', null);
  return ensureFolder(lettersFolderKey(h.row.code), `Brieven ${h.row.code}`, parent);
}

/**
 * Makes the letters of one kind for the persons of the namenlijst (or only `codes`), into the
 * case's letters folder in the restricted folder. See the module comment for idempotency.
 */
export function makeLetters(
  h: CaseHandle,
  kind: LetterKind,
  opts: {
    codes?: readonly string[] /** Epoch ms after which no new letter is started. */;
    until?: number;
  } = {},
): LettersResult {
  if (!h.row.namesId) {
    throw new UserError(`Casus ${h.row.code} heeft geen namenlijst (meer); er zijn geen brieven te maken.`);
  }
  const template = readLetterTemplates(h.reg)[kind];
  if (!template) {
    throw new UserError(
      `In de tab ${LETTERS_SHEET} van het register staat geen ${kind}; voeg regels toe met in kolom A "${kind}".`,
    );
  }
  // A code typed with spaces around it is the same code (the rights actions trim it too).
  const rows = readTable(openSpreadsheet(h.row.namesId), NAMES)
    .map((r) => ({ ...r, Code: r.Code.trim() }))
    .filter((r) => r.Code !== '' && r.Naam.trim() !== '' && (!opts.codes || opts.codes.includes(r.Code)));
  const folderId = lettersFolder(h);
  const existing = [...documentStatesIn(folderId)].map(([id, s]) => ({
    id,
    name: s.name ?? '',
    hash: s.hash,
  }));
  const today = isoDate(nowMs(), TZ);
  const s = h.reg.settings;
  const made: string[] = [];
  const unchanged: string[] = [];
  const remaining: string[] = [];
  const files: Record<string, string> = {};
  for (const r of rows) {
    if (nowMs() > (opts.until ?? Number.POSITIVE_INFINITY)) {
      remaining.push(r.Code);
      continue;
    }
    const values: LetterValues = {
      naam: r.Naam.trim(),
      geboortejaar: r.Geboortejaar.trim() || 'onbekend',
      gemeente: s.gemeente,
      datum: nlDate(today),
      contact: `${s.coordinatorName} (${s.coordinatorEmail})`,
      bewaartermijn: String(h.row.retentionMonths > 0 ? h.row.retentionMonths : s.retentionMonths),
    };
    // The fingerprint leaves out the day: the same letter made tomorrow is the same letter.
    const identity = treeHash(letterTree(template, { ...values, datum: '' }));
    const mine = existing
      .map((e) => ({ ...e, version: letterVersion(e.name, kind, h.row.code, r.Code) }))
      .filter((e) => e.version > 0);
    const done =
      kind === 'afsluitbrief'
        ? mine.sort((a, b) => a.version - b.version)[0]
        : mine.find((e) => e.hash === identity);
    if (done) {
      unchanged.push(r.Code);
      files[r.Code] = done.name;
      continue;
    }
    const version = Math.max(0, ...mine.map((e) => e.version)) + 1;
    const name = letterFileName(kind, h.row.code, r.Code, version);
    writeDocument({ tree: letterTree(template, values), name, folderId, hash: identity });
    made.push(r.Code);
    files[r.Code] = name;
  }
  if (made.length) {
    const column = kind === 'informatiebrief' ? 'letterOn' : 'closingOn';
    const persons = readTable(h.ss, PERSONS);
    if (persons.some((p) => made.includes(p.code))) {
      replaceTable(
        h.ss,
        PERSONS,
        persons.map((p) => (made.includes(p.code) ? { ...p, [column]: today } : p)),
      );
    }
    logEvents(h.ss, [
      ['brieven', `${made.length} ${kind}(ven) gemaakt in de beperkte map: ${made.join(', ')}`],
    ]);
  }
  return { kind, made, unchanged, remaining, files, folderId };
}

/**
 * The file name of the person's closing letter in the case's letters folder, or null: for a
 * person whose namenlijst row is already gone (a removal finished by a rerun, or a case whose
 * namenlijst went at closing). One listing of the folder, none when the case has no letters folder.
 */
export function existingClosingLetter(caseCode: string, personCode: string): string | null {
  const folderId = knownLettersFolder(caseCode);
  if (!folderId) return null;
  const names = [...documentStatesIn(folderId).values()]
    .map((s) => s.name ?? '')
    .filter((n) => letterVersion(n, 'afsluitbrief', caseCode, personCode) > 0)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return names[0] ?? null;
}

/**
 * The closing letter's template, or a refusal naming the register tab and cell: checked before a
 * removal touches anything (workflow/rights.ts), so a wrong template never leaves a person
 * half-removed without a letter.
 */
export function closingTemplateOrRefuse(reg: Pick<Register, 'ss'>): LetterTemplate {
  const template = readLetterTemplates(reg).afsluitbrief;
  if (!template)
    throw new UserError(
      `In de tab ${LETTERS_SHEET} van het register staat geen afsluitbrief; voeg regels toe met in kolom A "afsluitbrief".`,
    );
  return template;
}

/** Time for letters within one execution: a decision's, the dispatcher's or the button's. */
export const LETTERS_IN_DECISION_MS = 60 * 1000;
export const LETTERS_BUDGET_MS = 3 * 60 * 1000;

/**
 * The closing letters when a case closes (the decision calls this; the dispatcher finishes them).
 * Only a namenlijst that must go at this decision (closed at 1, 2A or 2B: `mustDropPersonData`)
 * waits for them, within `budgetMs`: `ready` is false while letters remain, and the dispatcher
 * makes the rest and then removes the namenlijst. A case closed later keeps its namenlijst until
 * the purge: the coordinator makes the letters with "Afsluitbrieven maken" (the dashboard
 * proposes it), so a large closing decision stays within its execution. A problem with the
 * template never keeps the namenlijst: it is noted and logged.
 */
export function closingLettersOnClose(
  h: CaseHandle,
  state: CaseState,
  budgetMs = LETTERS_IN_DECISION_MS,
): { notes: string[]; ready: boolean } {
  if (!h.row.namesId) return { notes: [], ready: true };
  if (!mustDropPersonData(state)) {
    return {
      notes: [
        'De registratie van de personen is beëindigd: kies in het dashboard "Afsluitbrieven maken" en verstuur de brieven voordat de bewaartermijn verstrijkt.',
      ],
      ready: true,
    };
  }
  try {
    const r = makeLetters(h, 'afsluitbrief', { until: nowMs() + budgetMs });
    const notes: string[] = [];
    if (r.made.length)
      notes.push(
        `${r.made.length} afsluitbrie${r.made.length === 1 ? 'f staat' : 'ven staan'} klaar in de beperkte map; verstuur ze voordat de bewaartermijn verstrijkt.`,
      );
    if (r.remaining.length)
      notes.push(
        `De andere ${r.remaining.length} afsluitbrie${r.remaining.length === 1 ? 'f volgt' : 'ven volgen'} bij de volgende automatische bijwerking; daarna wordt de namenlijst verwijderd.`,
      );
    return { notes, ready: r.remaining.length === 0 };
  } catch (e) {
    const message = e instanceof UserError ? e.message : 'onverwachte fout';
    logEvents(h.ss, [['brieven', `afsluitbrieven niet gemaakt: ${message}`]]);
    return { notes: [`De afsluitbrieven zijn niet gemaakt: ${message}`], ready: true };
  }
}

/** What the coordinator reads after "Brieven maken": per kind what was made, and the folder. */
export function lettersMessage(h: CaseHandle, results: readonly LettersResult[], purgeOn: string): string {
  const parts = results.map((r) => {
    const noun = r.kind === 'informatiebrief' ? 'informatiebrie' : 'afsluitbrie';
    const n = r.made.length;
    const made = n
      ? `${n} ${noun}${n === 1 ? 'f' : 'ven'} gemaakt (${r.made.join(', ')})`
      : `geen nieuwe ${noun}ven`;
    const same = r.unchanged.length ? `; ${r.unchanged.length} bestond(en) al ongewijzigd` : '';
    const rest = r.remaining.length ? `; ${r.remaining.length} volgen als u dit opnieuw kiest` : '';
    return `${made}${same}${rest}`;
  });
  const before = purgeOn
    ? ` Verstuur afsluitbrieven vóór ${nlDate(purgeOn)}: dan wordt de map vernietigd.`
    : '';
  return `Casus ${h.row.code}: ${parts.join('; ')}. De brieven staan alleen in de beperkte map "Brieven ${h.row.code}" naast de namenlijst; verstuur ze zelf.${before}`;
}
