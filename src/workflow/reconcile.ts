/**
 * Reconcile: make the answer ledger agree with every form's own response store.
 * Level-triggered: it can run any number of times, in any order of events, and the ledger
 * ends the same. A response id seen before with the same timestamp is skipped; a later
 * timestamp is an edit and becomes a new version; a response without any answer is a ghost
 * and is ignored; answers to items the registry does not know are quarantined.
 * Each form is read from its high-water mark on (`readUpTo`, moved only after the answers are
 * stored), and its status is derived again whenever something came back (answered = the ledger
 * holds a response for it), so a run that stopped halfway leaves nothing stale behind.
 *
 * The dispatcher (`watch`) reads a form only when something may have come in: every form of the
 * case also sends its responses to a tab of one response spreadsheet (workspace/responseBook.ts),
 * and one read of all those tabs before any form is read gives a fingerprint per tab. A form
 * whose tab is as it was at the form's last read is not opened. The fingerprint stored is the
 * one seen BEFORE the form was read: a response that lands between the check and the read is in
 * the read, and changes the tab, so the next run reads the form again (the ledger dedupes it).
 * A form without a tab yet, with a tab that is gone or that writes elsewhere is read directly,
 * and the first run of the day reads every open form and asks each where it sends its responses.
 */
import { splitParts } from '../model/answers';
import type { Question } from '../model/types';
import { expandItemAnswer } from '../render/formItemKey';
import { nowMs } from '../workspace/clock';
import { errorMessage, kindByWording } from '../workspace/errors';
import type { RawResponse } from '../workspace/forms';
import { canRespond, destinationOf, formsInFolder, linkForm, readResponses } from '../workspace/forms';
import {
  createResponseBook,
  formsOfTabs,
  responseBooksOn,
  responseTabPrints,
} from '../workspace/responseBook';
import { appendRows, readTable, replaceTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { itemMapOf } from './formKey';
import { logEvents } from './log';
import type { AnswerRow, FormRow, QuarantineRow } from './records';
import { ANSWERS, FORMS, QUARANTINE, REMOVALS } from './records';

export interface ReconcileResult {
  newResponses: number;
  newVersions: number;
  ghosts: number;
  quarantined: number;
  missingForms: number;
  /** Forms that could not be read this time (a passing service error). */
  unreadable: number;
  changed: boolean;
}

export interface ReconcileOptions {
  /**
   * Also read forms that are closed, every response from the start, ignoring the high-water
   * marks (a full rebuild of the ledger); default only open forms, only what is new.
   */
  includeClosed?: boolean;
  /** Closed forms to read anyway (the forms a gate just closed). */
  alsoRead?: ReadonlySet<string>;
  /**
   * Look for forms in the case folder that the registry does not know (default true). One
   * Drive query per case, so the dispatcher does it once a day per case.
   */
  scanFolder?: boolean;
  /** The `_formulieren` rows when the caller already read them this run (they are updated in place). */
  forms?: FormRow[];
  /**
   * Open forms not to read in this run (by form key): forms a start is still making. Their mark
   * stays where it is, so a later run reads everything they received.
   */
  later?: ReadonlySet<string>;
  /**
   * Read only the forms whose response tab changed (the dispatcher). `readAll`: the first run of
   * the day, which reads every open form anyway and checks where each sends its responses.
   * `linkUntil`: forms are linked to the response spreadsheet until this instant (epoch ms;
   * `Form.setDestination` is slow), the rest in a later run.
   */
  watch?: { readAll: boolean; linkUntil: number };
}

/** `sheetTab` of a form that now sends its responses to another spreadsheet (set by hand). */
export const TAB_ELSEWHERE = 'elders';

interface Watch {
  book: string;
  /** Fingerprint per tab id of the response spreadsheet, read before any form. */
  prints: Map<number, string>;
}

const isTabId = (tab: string) => /^\d+$/.test(tab);

/**
 * Links the open forms that are not linked yet, then reads the fingerprint of every response tab
 * (one call) and ties new tabs to their forms. Null when the route is not available (no Sheets
 * advanced service, no form linked, the spreadsheet unreadable): then every form is read directly.
 */
function watchForms(
  h: CaseHandle,
  forms: FormRow[],
  opts: ReconcileOptions,
  changed: () => void,
  events: [string, string][],
): Watch | null {
  const watch = opts.watch;
  if (!watch || !responseBooksOn()) return null;
  const open = (f: FormRow) => f.status !== 'gesloten' && !opts.later?.has(f.formKey);
  let book = forms.find((f) => f.sheetBook !== '')?.sheetBook ?? '';
  const toLink = forms.filter((f) => open(f) && f.status !== 'ontbreekt' && f.sheetBook === '');
  if (toLink.length > 0 && nowMs() < watch.linkUntil) {
    if (!book) book = createResponseBook(h.row.code, h.row.folderId);
    for (const f of toLink) {
      if (nowMs() >= watch.linkUntil) break;
      try {
        linkForm(f.formId, book);
      } catch (e) {
        // Read directly this run; linked in a later one.
        events.push(['formulier niet gekoppeld', `${f.formKey}: ${errorMessage(e)}`]);
        continue;
      }
      f.sheetBook = book;
      f.sheetTab = '';
      f.sheetPrint = '';
      changed();
    }
  }
  if (!book) return null;
  const prints = responseTabPrints(book);
  if (!prints) return null;
  // Tabs no form row names yet: after linking, and on the first run of the day (a form linked
  // again by hand writes to a new tab). Tied by Sheet.getFormUrl, never by the tab's title.
  const waiting = forms.some((f) => open(f) && f.sheetBook === book && f.sheetTab === '');
  if (waiting || watch.readAll) {
    const known = new Set(forms.map((f) => f.sheetTab).filter(isTabId));
    const loose = [...prints.keys()].filter((id) => !known.has(String(id)));
    let owners = new Map<number, string | null>();
    try {
      owners = formsOfTabs(book, loose);
    } catch {
      // Tied in a later run; until then these forms are read directly.
    }
    for (const [tab, formId] of owners) {
      const f = formId ? forms.find((x) => x.formId === formId) : undefined;
      if (!f) continue;
      f.sheetBook = book;
      f.sheetTab = String(tab);
      f.sheetPrint = '';
      changed();
    }
  }
  return { book, prints };
}

/**
 * Once a day: does the form still send its responses to the case's response spreadsheet
 * (`Form.getDestinationId`, docs/betrouwbaarheid.md cases 14 and 15)? Unlinked: linked again next run (a new tab).
 * Linked to another spreadsheet by hand: left there, and read directly every run from now on.
 */
function checkLink(f: FormRow, book: string, events: [string, string][]): boolean {
  const dest = destinationOf(f.formId);
  if (dest === book) {
    if (f.sheetTab !== TAB_ELSEWHERE) return false;
    // Linked back by hand: its (new) tab is tied to it by the next run.
    f.sheetTab = '';
    return true;
  }
  if (dest === null) {
    events.push(['formulier ontkoppeld', `${f.formKey}: wordt opnieuw gekoppeld aan de antwoordspreadsheet`]);
    f.sheetBook = '';
    f.sheetTab = '';
    f.sheetPrint = '';
  } else if (f.sheetTab !== TAB_ELSEWHERE) {
    events.push([
      'formulier elders gekoppeld',
      `${f.formKey}: zijn antwoorden gaan naar een andere spreadsheet; het formulier wordt voortaan elke run zelf gelezen`,
    ]);
    f.sheetTab = TAB_ELSEWHERE;
    f.sheetPrint = '';
  } else return false;
  return true;
}

/** Quarantined raw data is kept short enough for one cell (50,000 characters). */
const QUARANTINE_MAX = 40_000;

/**
 * How long after its timestamp a response is still asked for again. A response's timestamp is
 * set when it is submitted; it may become readable a moment later. The high-water mark of a form
 * therefore stays this far behind the moment it was read (an estimate; no published figure).
 */
export const READ_MARGIN_MS = 5 * 60 * 1000;

function clip(text: string): string {
  return text.length > QUARANTINE_MAX ? `${text.slice(0, QUARANTINE_MAX)} … [ingekort]` : text;
}

/** What the ledger knows: latest version and timestamp per response id, forms with an answer. */
interface Ledger {
  rows: AnswerRow[];
  latest: Map<string, { version: number; submittedAt: number }>;
  answered: Set<string>;
  quarantined: Set<string>;
}

function loadLedger(h: CaseHandle): Ledger {
  const rows = readTable(h.ss, ANSWERS);
  const latest = new Map<string, { version: number; submittedAt: number }>();
  const answered = new Set<string>();
  for (const r of rows) {
    const id = r.responseId;
    const prev = latest.get(id);
    const version = r.version;
    if (!prev || version > prev.version) latest.set(id, { version, submittedAt: r.submittedAt });
    answered.add(r.formKey);
  }
  const quarantined = new Set(
    readTable(h.ss, QUARANTINE).map((q) => `${q.formId}|${q.responseId}|${q.reason}`),
  );
  return { rows, latest, answered, quarantined };
}

/**
 * The required questions of a form that a response leaves empty, by question id (never content).
 * A partner's browser enforces required items, but a response can still lack one: made by a script
 * (`FormResponse.submit` does not check them), or when the form was changed after it was sent.
 * Such a response is kept as it is and reported, never dropped.
 */
export function missingRequired(
  itemMap: Record<string, string>,
  answers: readonly { questionId: string }[],
  byQuestion: ReadonlyMap<string, Question>,
): string[] {
  const given = new Set(answers.map((a) => a.questionId));
  const required = new Set<string>();
  for (const itemKey of Object.values(itemMap)) {
    const qid = itemKey.split('|')[0] ?? itemKey;
    if (byQuestion.get(qid)?.required && !given.has(qid)) required.add(qid);
  }
  return [...required];
}

/** What one run of {@link reconcileCase} collects before it writes anything back. */
interface Pass {
  h: CaseHandle;
  opts: ReconcileOptions;
  /** All questions, hidden ones too: an answer keeps its meaning when a question is hidden later. */
  byQuestion: Map<string, Question>;
  result: ReconcileResult;
  /** The ledger, read only when a form has something new. */
  known: () => Ledger;
  /**
   * The forms the case folder lists (one Drive query, made at most once per run: for a form that
   * could not be read, and for the daily scan). Null when the listing itself failed.
   */
  listed: () => Set<string> | null;
  newRows: AnswerRow[];
  newQuarantine: QuarantineRow[];
  events: [string, string][];
  now: number;
  /** A form's status changed (a change of the case). */
  formsChanged: boolean;
  /** A high-water mark moved. */
  marksMoved: boolean;
  /** Links, tabs and fingerprints: bookkeeping, written with the rows, not a change of the case. */
  rowsTouched: boolean;
}

/**
 * Reads what is new in every open form (since its high-water mark, `readUpTo`) into the ledger.
 * A run in which no form has anything new reads neither the ledger nor a single answer: per form
 * it costs opening the form and one `getResponses(since)`. Phases: which forms to read (the
 * response tabs' fingerprints), read each and take in its new responses, set apart responses of
 * forms the case does not know, then write the ledger, the forms table and the Logboek.
 */
export function reconcileCase(h: CaseHandle, opts: ReconcileOptions = {}): ReconcileResult {
  const forms = opts.forms ?? readTable(h.ss, FORMS);
  let ledger: Ledger | null = null;
  let listing: Set<string> | null | undefined;
  const pass: Pass = {
    h,
    opts,
    byQuestion: new Map<string, Question>(h.reg.allQuestions.map((q) => [q.id, q])),
    result: {
      newResponses: 0,
      newVersions: 0,
      ghosts: 0,
      quarantined: 0,
      missingForms: 0,
      unreadable: 0,
      changed: false,
    },
    known: () => {
      ledger ??= loadLedger(h);
      return ledger;
    },
    listed: () => {
      if (listing === undefined) {
        try {
          listing = new Set(formsInFolder(h.row.folderId));
        } catch (_e) {
          listing = null;
        }
      }
      return listing;
    },
    newRows: [],
    newQuarantine: [],
    events: [],
    now: nowMs(),
    formsChanged: false,
    marksMoved: false,
    rowsTouched: false,
  };
  const watch = watchForms(
    h,
    forms,
    opts,
    () => {
      pass.rowsTouched = true;
    },
    pass.events,
  );
  for (const f of forms) {
    const plan = readPlanFor(pass, f, watch);
    if (plan.read) readForm(pass, f, watch, plan.print);
  }
  quarantineUnknownForms(pass, forms);
  return writeBack(pass, forms);
}

/**
 * Whether a form that could not be read is gone. A fact first: the case folder no longer lists
 * it (deleted, in the trash, or no longer shared). Only when Drive cannot tell, the error's
 * wording decides (workspace/errors: English and known Dutch; unknown means "try again").
 */
function isGone(pass: Pass, formId: string, reason: string): boolean {
  const inFolder = pass.listed();
  return inFolder ? !inFolder.has(formId) : kindByWording(reason) === 'missing';
}

function setStatus(pass: Pass, f: FormRow, status: FormRow['status']): void {
  if (f.status !== status) {
    f.status = status;
    pass.formsChanged = true;
  }
}

/**
 * Whether a form is read in this run, and the fingerprint of its response tab seen before it is
 * read. A closed form only when asked; a form whose tab did not change since its last read not at
 * all (unless this is the run that reads everything).
 */
function readPlanFor(pass: Pass, f: FormRow, watch: Watch | null): { read: boolean; print?: string } {
  const { opts } = pass;
  const key = f.formKey;
  const closed = f.status === 'gesloten';
  if (closed && !opts.includeClosed && !opts.alsoRead?.has(key)) return { read: false };
  if (!closed && opts.later?.has(key)) return { read: false };
  if (!watch || closed || f.sheetBook !== watch.book || !isTabId(f.sheetTab)) return { read: true };
  const print = watch.prints.get(Number(f.sheetTab));
  if (print === undefined) {
    // The tab is gone (deleted by hand): read directly, and link again next run.
    pass.events.push(['antwoordtabblad ontbreekt', `${key}: het formulier wordt opnieuw gekoppeld`]);
    f.sheetBook = '';
    f.sheetTab = '';
    f.sheetPrint = '';
    pass.rowsTouched = true;
    return { read: true };
  }
  // Nothing arrived or changed since the form was last read.
  if (!opts.watch?.readAll && print === f.sheetPrint && f.status !== 'ontbreekt') return { read: false };
  return { read: true, print };
}

/** Reads one form from its high-water mark and takes in what is new; a failed read changes nothing but its status. */
function readForm(pass: Pass, f: FormRow, watch: Watch | null, print: string | undefined): void {
  const { opts, result, events } = pass;
  const key = f.formKey;
  const closed = f.status === 'gesloten';
  const mark = opts.includeClosed ? 0 : Number(f.readUpTo || 0);
  const readAt = nowMs();
  const read = readResponses(f.formId, mark > 0 ? mark : undefined);
  if (!read.ok) {
    if (isGone(pass, f.formId, read.reason)) {
      // A form that is gone; a closed form keeps its status (its step was decided).
      result.missingForms++;
      if (!closed && f.status !== 'ontbreekt') events.push(['formulier ontbreekt', `${key}: ${read.reason}`]);
      if (!closed) setStatus(pass, f, 'ontbreekt');
    } else {
      // A passing service error: try again next run, change nothing.
      result.unreadable++;
      events.push(['formulier niet gelezen', `${key}: ${read.reason}`]);
    }
    return;
  }
  if (print !== undefined && print !== f.sheetPrint) {
    f.sheetPrint = print;
    pass.rowsTouched = true;
  }
  if (
    watch &&
    opts.watch?.readAll &&
    !closed &&
    f.sheetBook === watch.book &&
    checkLink(f, watch.book, events)
  )
    pass.rowsTouched = true;
  // Once a day: can the partner still answer? A form closed or unpublished by hand before its
  // gate is reported in the Logboek every day it stays so, not waited on in silence.
  if (opts.watch?.readAll && !closed && canRespond(f.formId) === false)
    events.push([
      'partner kan niet reageren',
      `${key}: het formulier neemt geen antwoorden aan (gesloten of niet gepubliceerd); zet in het formulier "Antwoorden accepteren" aan of publiceer het opnieuw`,
    ]);
  // Nothing at or after the mark: the ledger already holds all of this form (and its status
  // was derived when its last response came in), unless it was missing before.
  if (read.responses.length === 0 && f.status !== 'ontbreekt') return;
  takeInResponses(pass, f, read.responses, mark);
  // The status follows from what is known (closed forms stay closed).
  if (!closed) setStatus(pass, f, pass.known().answered.has(key) ? 'beantwoord' : 'open');
  // Everything submitted up to a margin before this read is in the ledger now (it is written
  // before the mark, so a run that stops in between reads the same responses again).
  const upTo = readAt - READ_MARGIN_MS;
  if (read.responses.length > 0 && upTo > Number(f.readUpTo || 0)) {
    f.readUpTo = upTo;
    pass.marksMoved = true;
  }
}

/**
 * The responses of one form, oldest first, into the ledger: a new response or a new version of an
 * edited one; a ghost (no answer at all) counted once and left out; one form's extra responses and
 * the required questions a response leaves empty reported in the Logboek.
 */
function takeInResponses(pass: Pass, f: FormRow, responses: readonly RawResponse[], mark: number): void {
  const { result, events } = pass;
  const key = f.formKey;
  const { latest, answered } = pass.known();
  const itemMap = itemMapOf(f);
  const ordered = [...responses].sort(
    (a, b) => a.timestamp - b.timestamp || (a.responseId < b.responseId ? -1 : 1),
  );
  let ghostsHere = 0;
  let extraHere = 0;
  for (const resp of ordered) {
    const prev = latest.get(resp.responseId);
    // Known with this timestamp: an edit would carry a later one.
    if (prev && prev.submittedAt >= resp.timestamp) continue;
    const answers = answersOf(pass, f, itemMap, resp);
    if (answers.length === 0) {
      // A ghost (an empty submission seconds after a real one; docs/betrouwbaarheid.md case 3) is
      // ignored; it is counted once, by the read that first sees it: a re-read within the margin
      // (see READ_MARGIN_MS) returns responses the previous read already counted.
      if (!prev && (mark === 0 || resp.timestamp >= mark + READ_MARGIN_MS)) {
        result.ghosts++;
        ghostsHere++;
      }
      continue;
    }
    const missing = missingRequired(itemMap, answers, pass.byQuestion);
    if (missing.length > 0)
      events.push([
        'onvolledige inzending',
        `${key}: ${missing.length} verplichte ${missing.length === 1 ? 'vraag' : 'vragen'} leeg: ${missing.join(', ')}`,
      ]);
    const version = (prev?.version ?? 0) + 1;
    latest.set(resp.responseId, { version, submittedAt: resp.timestamp });
    // A second response of the same form (a partner who sent the form twice): both are kept,
    // and the Logboek says so.
    if (version === 1 && answered.has(key)) extraHere++;
    answered.add(key);
    if (version === 1) result.newResponses++;
    else result.newVersions++;
    storeAnswers(pass, key, resp, version, answers);
  }
  if (ghostsHere > 0) events.push(['lege inzending', `${key}: ${ghostsHere} lege inzending genegeerd`]);
  if (extraHere > 0)
    events.push([
      'extra inzending',
      `${key}: ${extraHere} extra inzending(en) van dezelfde partner; alle worden bewaard`,
    ]);
}

/** A response's answers by question; an item the form's map does not know is set apart (quarantine), once. */
function answersOf(
  pass: Pass,
  f: FormRow,
  itemMap: Record<string, string>,
  resp: RawResponse,
): ReturnType<typeof expandItemAnswer> {
  const { quarantined } = pass.known();
  const answers: ReturnType<typeof expandItemAnswer> = [];
  for (const a of resp.answers()) {
    const itemKey = itemMap[a.itemId];
    if (!itemKey) {
      const qk = `${f.formId}|${resp.responseId}|onbekend item ${a.itemId}`;
      if (!quarantined.has(qk)) {
        quarantined.add(qk);
        pass.newQuarantine.push({
          at: pass.now,
          formId: f.formId,
          responseId: resp.responseId,
          reason: `onbekend item ${a.itemId}`,
          data: clip(JSON.stringify(a.value)),
        });
      }
      continue;
    }
    const qid = itemKey.split('|')[0] ?? itemKey;
    answers.push(...expandItemAnswer(itemKey, a.value, pass.byQuestion.get(qid)));
  }
  return answers;
}

const removedOf = new WeakMap<Pass, Set<string>>();

/** The ledger rows of one response version: each answer in parts that fit a cell (model/answers.ts splitParts). */
function storeAnswers(
  pass: Pass,
  key: string,
  resp: RawResponse,
  version: number,
  answers: ReturnType<typeof expandItemAnswer>,
): void {
  const stored = pass.known().rows;
  // A person removed from the case (workflow/rights.ts): an edited or late response brings no
  // statement about the code back into the ledger. Read once per run.
  let removed = removedOf.get(pass);
  if (!removed && answers.some((a) => a.subject)) {
    removed = new Set(readTable(pass.h.ss, REMOVALS).map((r) => r.code));
    removedOf.set(pass, removed);
  }
  for (const a of answers) {
    if (a.subject && removed?.has(a.subject)) continue;
    splitParts(a.value).forEach((part, p) => {
      const row: AnswerRow = {
        formKey: key,
        responseId: resp.responseId,
        version,
        submittedAt: resp.timestamp,
        questionId: a.questionId,
        subject: a.subject ?? '',
        part: p,
        value: part,
        grid: a.grid && p === 0 ? JSON.stringify(a.grid) : '',
      };
      pass.newRows.push(row);
      stored.push(row);
    });
  }
}

/**
 * Forms in the case folder that the registry does not know: their responses belong to no partner
 * and no step, so they are set apart for the coordinator, never merged.
 */
function quarantineUnknownForms(pass: Pass, forms: readonly FormRow[]): void {
  const registered = new Set(forms.map((f) => f.formId));
  const scanned =
    pass.opts.scanFolder === false ? [] : [...(pass.listed() ?? formsInFolder(pass.h.row.folderId))];
  for (const formId of scanned) {
    if (registered.has(formId)) continue;
    const read = readResponses(formId);
    if (!read.ok || read.responses.length === 0) continue;
    const { quarantined } = pass.known();
    for (const resp of read.responses) {
      const qk = `${formId}|${resp.responseId}|onbekend formulier`;
      if (quarantined.has(qk)) continue;
      quarantined.add(qk);
      pass.newQuarantine.push({
        at: pass.now,
        formId,
        responseId: resp.responseId,
        reason: 'onbekend formulier',
        data: clip(JSON.stringify(resp.answers().map((a) => a.value))),
      });
    }
  }
}

/** Writes the ledger rows, the quarantine, the forms table when it changed and the Logboek. */
function writeBack(pass: Pass, forms: FormRow[]): ReconcileResult {
  const { h, result, events, newRows, newQuarantine } = pass;
  result.quarantined = newQuarantine.length;
  appendRows(h.ss, ANSWERS, newRows);
  appendRows(h.ss, QUARANTINE, newQuarantine);
  if (pass.formsChanged || pass.marksMoved || pass.rowsTouched) replaceTable(h.ss, FORMS, forms);
  if (result.newResponses)
    events.push(['antwoorden verwerkt', `${result.newResponses} nieuwe inzending(en)`]);
  if (result.newVersions)
    events.push(['antwoorden gewijzigd', `${result.newVersions} gewijzigde inzending(en)`]);
  if (result.quarantined)
    events.push(['quarantaine', `${result.quarantined} onbekend(e) antwoord(en) apart gezet`]);
  if (events.length) logEvents(h.ss, events);
  result.changed = newRows.length > 0 || pass.formsChanged || newQuarantine.length > 0;
  return result;
}
