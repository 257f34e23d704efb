/**
 * The advice to the lokale driehoek. The procesregisseur writes the synthesis in the Advies tab
 * of the case spreadsheet; starting step 4 checks it (and refuses, naming every empty field and
 * its cell), writes the advice document from the tab and the partners' answers, shares it with
 * exactly the driehoek and the procesregisseur, and queues one mail per driehoek member with
 * the link. The content never goes in a mail.
 */
import {
  ADVICE_SHEET,
  type Advice,
  type AdviceParse,
  adviceToRows,
  parseAdviceRows,
} from '../model/adviceSheet';
import { emailList, readersOf } from '../model/audiences';
import { adviceMail, adviceTitle, buildAdvice } from '../render/advice';
import { fileUrl } from '../workspace/files';
import { ensureTable, readTable, writeEditableTab } from '../workspace/tables';
import { hasTab, tabValues } from '../workspace/tabs';
import { assembleView } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
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
  const rows = tabValues(h.ss, ADVICE_SHEET);
  if (!rows) return { ok: false, errors: [`De tab ${ADVICE_SHEET} ontbreekt in de casusspreadsheet.`] };
  return parseAdviceRows(rows, h.reg.partners);
}

/**
 * The advice as filled in, or a UserError that names every field still to do. A missing tab is
 * made (empty) so the coordinator can fill it in.
 */
export function requireAdvice(h: CaseHandle): Advice {
  const problems: string[] = [];
  if (emailList(h.reg.settings.driehoekEmails).length === 0) {
    problems.push(
      'Instellingen (register), "E-mail lokale driehoek" is leeg: vul de adressen van burgemeester, politie en OM in',
    );
  }
  const parsed = readAdviceTab(h);
  if (!parsed.ok && tabValues(h.ss, ADVICE_SHEET) === null) writeAdviceTab(h, null);
  if (!parsed.ok) problems.push(...parsed.errors);
  if (problems.length > 0 || !parsed.ok) {
    throw new UserError(
      `Stap 4 start pas als het advies aan de lokale driehoek klaar is. Nog te doen:\n- ${problems.join('\n- ')}`,
    );
  }
  return parsed.value;
}

/**
 * Checks the advice, writes and shares the document, and queues the link mails (one per
 * driehoek member and round, never twice). Returns the document's file id.
 */
export function prepareAdvice(h: CaseHandle, round: number): string {
  const advice = requireAdvice(h);
  const view = assembleView(h);
  const events: [string, string][] = [];
  ensureTable(h.ss, DOCUMENTS);
  const readers = readersOf('driehoek', h.reg.settings, h.reg.partners);
  const fileId = writeCaseDocument(
    h,
    ADVICE_DOCUMENT_KEY,
    `${h.row.code} advies driehoek`,
    buildAdvice(view, advice),
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
