/**
 * The advice to the lokale driehoek. The procesregisseur writes the synthesis in the Advies tab
 * of the case spreadsheet; starting step 4 checks it (and refuses, naming every empty field and
 * its cell, or the longest fields when the advice would exceed three A4 pages), writes the advice document from the tab and the partners' answers, shares it with
 * exactly the driehoek and the procesregisseur, and queues one mail per driehoek member with
 * the link. The content never goes in a mail.
 */
import {
  ADVICE_SHEET,
  type Advice,
  type AdviceParse,
  adviceToRows,
  filledAdviceCells,
  parseAdviceRows,
} from '../model/adviceSheet';
import { emailList, readersOf } from '../model/audiences';
import { cellsWithNames } from '../model/names';
import { ADVICE_MAX_PAGES, adviceMail, adviceTitle, buildAdvice } from '../render/advice';
import { estimateLength } from '../render/pages';
import { fileUrl } from '../workspace/files';
import { ensureTable, readTable, writeEditableTab } from '../workspace/tables';
import { hasTab, tabValues } from '../workspace/tabs';
import { assembleView } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import { caseNames } from './nameGuard';
import { enqueue, type MailJob } from './outbox';
import { writeCaseDocument } from './publish';
import { DOCUMENTS } from './records';

export const ADVICE_DOCUMENT_KEY = 'advies';

/** Writes the Advies tab: the fields with their current text (or empty), column C explains. */
export function writeAdviceTab(h: CaseHandle, advice: Advice | null): void {
  writeEditableTab(h.ss, ADVICE_SHEET, adviceToRows(advice, h.reg.partners), 1);
}

/** Writes the empty Advies tab unless the coordinator already has one. */
export function ensureAdviceTab(h: CaseHandle): void {
  if (!hasTab(h.ss, ADVICE_SHEET)) writeAdviceTab(h, null);
}

export function readAdviceTab(h: CaseHandle): AdviceParse {
  return parseTab(h, tabValues(h.ss, ADVICE_SHEET));
}

function parseTab(h: CaseHandle, rows: unknown[][] | null): AdviceParse {
  if (!rows) return { ok: false, errors: [`De tab ${ADVICE_SHEET} ontbreekt in de casusspreadsheet.`] };
  return parseAdviceRows(rows, h.reg.partners);
}

/**
 * The advice as filled in, or a UserError that names every field still to do. A missing tab is
 * made (empty) so the coordinator can fill it in.
 */
export function requireAdvice(h: CaseHandle): Advice {
  return checkedAdvice(h).advice;
}

function checkedAdvice(h: CaseHandle): { advice: Advice; rows: unknown[][] } {
  const problems: string[] = [];
  if (emailList(h.reg.settings.driehoekEmails).length === 0) {
    problems.push(
      'Instellingen (register), "E-mail lokale driehoek" is leeg: vul de adressen van burgemeester, politie en OM in',
    );
  }
  const rows = tabValues(h.ss, ADVICE_SHEET);
  const parsed = parseTab(h, rows);
  if (!parsed.ok && rows === null) writeAdviceTab(h, null);
  if (!parsed.ok) problems.push(...parsed.errors);
  // The advice goes to the driehoek: no name from the namenlijst in it.
  const names = caseNames(h);
  if (rows && names.any) problems.push(...cellsWithNames(rows, ADVICE_SHEET, names.matcher));
  if (problems.length > 0 || !parsed.ok || rows === null) {
    throw new UserError(
      `Stap 4 start pas als het advies aan de lokale driehoek klaar is. Nog te doen:\n- ${problems.join('\n- ')}`,
    );
  }
  return { advice: parsed.value, rows };
}

/**
 * Refuses an advice longer than ADVICE_MAX_PAGES A4 pages, naming the longest fields with their
 * cells so the coordinator knows what to shorten.
 */
function requireFits(h: CaseHandle, pages: number, rows: unknown[][]): void {
  if (pages <= ADVICE_MAX_PAGES) return;
  const longest = filledAdviceCells(rows, h.reg.partners)
    .slice(0, 3)
    .map((c) => `${c.cell}: ${c.label} (${c.length} tekens)`);
  throw new UserError(
    `Stap 4 start pas als het advies aan de lokale driehoek klaar is. Het advies wordt ongeveer ${pages} A4-pagina's; het mag er hooguit ${ADVICE_MAX_PAGES} zijn. Maak de langste velden korter:\n- ${longest.join('\n- ')}`,
  );
}

/**
 * Checks the advice, writes and shares the document, and queues the link mails (one per
 * driehoek member and round, never twice). Returns the document's file id.
 */
export function prepareAdvice(h: CaseHandle, round: number): string {
  const { advice, rows } = checkedAdvice(h);
  const view = assembleView(h);
  const tree = buildAdvice(view, advice);
  requireFits(h, estimateLength(tree).pages, rows);
  const events: [string, string][] = [];
  ensureTable(h.ss, DOCUMENTS);
  const readers = readersOf('driehoek', h.reg.settings, h.reg.partners);
  const fileId = writeCaseDocument(
    h,
    ADVICE_DOCUMENT_KEY,
    `${h.row.code} advies driehoek`,
    tree,
    readers,
    events,
    readTable(h.ss, DOCUMENTS),
  );
  const mail = adviceMail(h.row.code, h.reg.settings.gemeente, fileUrl(fileId));
  const jobs: MailJob[] = emailList(h.reg.settings.driehoekEmails).map((to) => ({
    key: `advies#${round}#${to}`,
    formKey: `4#${round}#driehoek`,
    kind: 'advies',
    to,
    ...mail,
  }));
  const queued = enqueue(h.ss, jobs);
  events.push([
    'advies',
    `${adviceTitle(h.row.code)} klaargezet; link naar ${queued} lid/leden van de driehoek`,
  ]);
  logEvents(h.ss, events);
  return fileId;
}
