/**
 * Reconcile: make the answer ledger agree with every form's own response store.
 * Level-triggered: it can run any number of times, in any order of events, and the ledger
 * ends the same. A response id seen before with the same timestamp is skipped; a later
 * timestamp is an edit and becomes a new version; a response without any answer is a ghost
 * and is ignored; answers to items the registry does not know are quarantined.
 * A form's status is derived again on every run (answered = the ledger holds a response for
 * it), so a run that stopped halfway leaves nothing stale behind.
 */
import { splitParts } from '../model/answers';
import type { Question } from '../model/types';
import { expandItemAnswer } from '../render/formItemKey';
import { nowMs } from '../workspace/clock';
import { formsInFolder, isMissingError, readResponses } from '../workspace/forms';
import { appendRows, readTable, replaceTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { itemMapOf } from './formKey';
import { logEvents } from './log';
import type { AnswerRow, FormRow, QuarantineRow } from './records';
import { ANSWERS, FORMS, QUARANTINE } from './records';

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
  /** Also read forms that are closed (a full rebuild); default only open forms. */
  includeClosed?: boolean;
  /** Closed forms to read anyway (the forms a gate just closed). */
  alsoRead?: ReadonlySet<string>;
  /**
   * Forms whose known responses are compared answer by answer, not only by timestamp. Whether
   * Apps Script's `FormResponse.getTimestamp()` moves when a partner edits is unconfirmed
   * (behaviours §2.6), so the gate does this once for the forms it closes: an edit that kept
   * its timestamp is still stored as a new version.
   */
  compareContent?: ReadonlySet<string>;
  /**
   * Look for forms in the case folder that the registry does not know (default true). It costs
   * a few calls per form in the folder, so the dispatcher does it once a day per case.
   */
  scanFolder?: boolean;
}

/** Quarantined raw data is kept short enough for one cell (50,000 characters). */
const QUARANTINE_MAX = 40_000;

function clip(text: string): string {
  return text.length > QUARANTINE_MAX ? `${text.slice(0, QUARANTINE_MAX)} … [ingekort]` : text;
}

export function reconcileCase(h: CaseHandle, opts: ReconcileOptions = {}): ReconcileResult {
  const forms = readTable(h.ss, FORMS);
  const ledger = readTable(h.ss, ANSWERS);
  const quarantine = readTable(h.ss, QUARANTINE);
  // All questions, hidden ones too: an answer keeps its meaning when a question is hidden later.
  const byQuestion = new Map<string, Question>(h.reg.allQuestions.map((q) => [q.id, q]));
  const result: ReconcileResult = {
    newResponses: 0,
    newVersions: 0,
    ghosts: 0,
    quarantined: 0,
    missingForms: 0,
    unreadable: 0,
    changed: false,
  };

  // Latest stored version and timestamp per response id; which forms have an answer.
  const latest = new Map<string, { version: number; submittedAt: number }>();
  const fingerprint = (rows: { questionId: unknown; subject?: unknown; value: unknown }[]) =>
    rows
      .map((a) => `${a.questionId}|${a.subject ?? ''}|${a.value}`)
      .sort()
      .join('\n');
  const answered = new Set<string>();
  for (const r of ledger) {
    const id = r.responseId;
    const prev = latest.get(id);
    const version = r.version;
    if (!prev || version > prev.version) latest.set(id, { version, submittedAt: r.submittedAt });
    answered.add(r.formKey);
  }
  const quarantined = new Set(quarantine.map((q) => `${q.formId}|${q.responseId}|${q.reason}`));

  const newRows: AnswerRow[] = [];
  const newQuarantine: QuarantineRow[] = [];
  const events: [string, string][] = [];
  let formsChanged = false;
  const now = nowMs();
  const setStatus = (f: FormRow, status: FormRow['status']) => {
    if (f.status !== status) {
      f.status = status;
      formsChanged = true;
    }
  };

  for (const f of forms) {
    const key = f.formKey;
    const closed = f.status === 'gesloten';
    if (closed && !opts.includeClosed && !opts.alsoRead?.has(key)) continue;
    const read = readResponses(f.formId);
    if (!read.ok) {
      if (isMissingError(read.reason)) {
        // A form that is gone; a closed form keeps its status (its step was decided).
        result.missingForms++;
        if (!closed && f.status !== 'ontbreekt')
          events.push(['formulier ontbreekt', `${key}: ${read.reason}`]);
        if (!closed) setStatus(f, 'ontbreekt');
      } else {
        // A passing service error: try again next run, change nothing.
        result.unreadable++;
        events.push(['formulier niet gelezen', `${key}: ${read.reason}`]);
      }
      continue;
    }
    const itemMap = itemMapOf(f);
    const ordered = [...read.responses].sort(
      (a, b) => a.timestamp - b.timestamp || (a.responseId < b.responseId ? -1 : 1),
    );
    const deep = opts.compareContent?.has(key) ?? false;
    for (const resp of ordered) {
      const prev = latest.get(resp.responseId);
      if (prev && prev.submittedAt >= resp.timestamp && !deep) continue;
      const answers = [];
      for (const a of resp.answers()) {
        const itemKey = itemMap[a.itemId];
        if (!itemKey) {
          const qk = `${f.formId}|${resp.responseId}|onbekend item ${a.itemId}`;
          if (!quarantined.has(qk)) {
            quarantined.add(qk);
            newQuarantine.push({
              at: now,
              formId: f.formId,
              responseId: resp.responseId,
              reason: `onbekend item ${a.itemId}`,
              data: clip(JSON.stringify(a.value)),
            });
          }
          continue;
        }
        const qid = itemKey.split('|')[0] ?? itemKey;
        answers.push(...expandItemAnswer(itemKey, a.value, byQuestion.get(qid)));
      }
      if (answers.length === 0) {
        if (!prev) result.ghosts++;
        continue;
      }
      if (prev && prev.submittedAt >= resp.timestamp) {
        // Content comparison (deep): only a real difference makes a new version.
        const stored = ledger.filter((r) => r.responseId === resp.responseId && r.version === prev.version);
        const joined = new Map<string, { questionId: unknown; subject: unknown; value: string }>();
        for (const r of stored) {
          const k = `${r.questionId}|${r.subject}`;
          const seen = joined.get(k);
          joined.set(k, {
            questionId: r.questionId,
            subject: r.subject,
            value: (seen?.value ?? '') + r.value,
          });
        }
        if (fingerprint([...joined.values()]) === fingerprint(answers)) continue;
      }
      const version = (prev?.version ?? 0) + 1;
      latest.set(resp.responseId, { version, submittedAt: resp.timestamp });
      answered.add(key);
      if (version === 1) result.newResponses++;
      else result.newVersions++;
      for (const a of answers) {
        splitParts(a.value).forEach((part, p) => {
          newRows.push({
            formKey: key,
            responseId: resp.responseId,
            version,
            submittedAt: resp.timestamp,
            questionId: a.questionId,
            subject: a.subject ?? '',
            part: p,
            value: part,
            grid: a.grid && p === 0 ? JSON.stringify(a.grid) : '',
          });
        });
      }
    }
    // The status follows from what is known, every run (closed forms stay closed).
    if (!closed) setStatus(f, answered.has(key) ? 'beantwoord' : 'open');
  }

  // Forms in the case folder that the registry does not know: their responses belong to no
  // partner and no step, so they are set apart for the coordinator, never merged.
  const known = new Set(forms.map((f) => f.formId));
  for (const formId of opts.scanFolder === false ? [] : formsInFolder(h.row.folderId)) {
    if (known.has(formId)) continue;
    const read = readResponses(formId);
    if (!read.ok) continue;
    for (const resp of read.responses) {
      const qk = `${formId}|${resp.responseId}|onbekend formulier`;
      if (quarantined.has(qk)) continue;
      quarantined.add(qk);
      newQuarantine.push({
        at: now,
        formId,
        responseId: resp.responseId,
        reason: 'onbekend formulier',
        data: clip(JSON.stringify(resp.answers().map((a) => a.value))),
      });
    }
  }

  result.quarantined = newQuarantine.length;
  appendRows(h.ss, ANSWERS, newRows);
  appendRows(h.ss, QUARANTINE, newQuarantine);
  if (formsChanged) replaceTable(h.ss, FORMS, forms);
  if (result.newResponses)
    events.push(['antwoorden verwerkt', `${result.newResponses} nieuwe inzending(en)`]);
  if (result.newVersions)
    events.push(['antwoorden gewijzigd', `${result.newVersions} gewijzigde inzending(en)`]);
  if (result.quarantined)
    events.push(['quarantaine', `${result.quarantined} onbekend(e) antwoord(en) apart gezet`]);
  if (events.length) logEvents(h.ss, events);
  result.changed = newRows.length > 0 || formsChanged || newQuarantine.length > 0;
  return result;
}
