/** Reads a case's system tables (one read each) into the CaseView read model. */

import { replay } from '../model/caseMachine';
import { UserError } from '../model/errors';
import type { Decision, LightRoute, Plan, PlanAction, PlanGoal } from '../model/types';
import type { AnswerRecord, CaseView, FormRecord, LogEntry } from '../render/caseView';
import { applyCorrections } from '../render/corrections';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { prefetchTables, readTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { parseFormKey } from './formKey';
import { logEvents } from './log';
import { caseNames, replaceNames } from './nameGuard';
import type { AnswerRow, DecisionRow, PlanRow } from './records';
import {
  ANSWERS,
  CASE_TABLES,
  CORRECTIONS,
  DECISIONS,
  FORMS,
  LOG,
  OUTBOX,
  PERSONS,
  PLAN,
  QUARANTINE,
} from './records';

export function toDecision(r: DecisionRow): Decision {
  const d: Decision = {
    step: r.step,
    round: r.round,
    outcome: r.outcome,
    motivation: r.motivation,
    decidedBy: r.decidedBy,
    date: r.date,
  };
  // Several routes are stored comma-separated in the one route column.
  if (r.route)
    d.routes = r.route
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean) as LightRoute[];
  if (r.acuteReason) d.acuteReason = r.acuteReason;
  if (r.directions) d.directions = r.directions;
  return d;
}

export function readDecisions(ss: Book): Decision[] {
  return readTable(ss, DECISIONS).map(toDecision);
}

/** All plan versions from the `_pva` rows, oldest first (kinds doel, actie, criterium, evaluatie). */
export function plansFrom(rows: PlanRow[]): Plan[] {
  const byVersion = new Map<number, Plan>();
  for (const r of rows) {
    const v = r.version;
    let plan = byVersion.get(v);
    if (!plan) {
      plan = { version: v, goals: [], actions: [], criteria: [], evaluationDate: '' };
      byVersion.set(v, plan);
    }
    if (r.kind === 'doel') {
      const g: PlanGoal = {
        id: r.id,
        text: r.text,
        indicator: r.indicator,
        baseline: r.baseline,
        target: r.target,
        measureDate: r.measureDate,
      };
      if (r.owner) g.owner = r.owner;
      if (r.baselineFrom) g.baselineFrom = r.baselineFrom;
      plan.goals.push(g);
    } else if (r.kind === 'criterium') plan.criteria.push({ id: r.id, text: r.text });
    else if (r.kind === 'evaluatie') plan.evaluationDate = r.deadline;
    else {
      if (!r.spoor) throw new UserError(`${PLAN.name}: actie ${r.id} (versie ${v}) heeft geen spoor.`);
      const a: PlanAction = {
        id: r.id,
        spoor: r.spoor,
        text: r.text,
        goalId: r.goalId,
        owner: r.owner,
        start: r.start,
        frequency: r.frequency,
        deadline: r.deadline,
      };
      if (r.subject) a.subject = r.subject;
      plan.actions.push(a);
    }
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

/** Answer rows (possibly split in parts) back into records, oldest first. */
export function answersFrom(rows: AnswerRow[]): AnswerRecord[] {
  const map = new Map<string, AnswerRecord & { parts: string[] }>();
  for (const r of rows) {
    const key = `${r.responseId}|${r.version}|${r.questionId}|${r.subject}`;
    let rec = map.get(key);
    if (!rec) {
      const { step, round, partnerId } = parseFormKey(r.formKey);
      rec = {
        formKey: r.formKey,
        step,
        round,
        partnerId,
        responseId: r.responseId,
        version: r.version,
        submittedAt: r.submittedAt,
        questionId: r.questionId,
        value: '',
        parts: [],
      };
      if (r.subject) rec.subject = r.subject;
      if (r.grid) rec.grid = JSON.parse(r.grid) as string[];
      map.set(key, rec);
    }
    rec.parts[r.part] = r.value;
  }
  return [...map.values()]
    .map(({ parts, ...rec }) => ({ ...rec, value: parts.join('') }))
    .sort((a, b) => a.submittedAt - b.submittedAt);
}

/** Keeps the latest version of each response, and drops responses superseded by a newer one of the same partner form. */
export function latestAnswers(history: AnswerRecord[]): AnswerRecord[] {
  const latestVersion = new Map<string, number>();
  for (const a of history)
    latestVersion.set(a.responseId, Math.max(latestVersion.get(a.responseId) ?? 0, a.version));
  return history.filter((a) => a.version === latestVersion.get(a.responseId));
}

export function assembleView(h: CaseHandle): CaseView {
  prefetchTables(h.ss, CASE_TABLES);
  const decisions = readDecisions(h.ss);
  const formRows = readTable(h.ss, FORMS);
  const outbox = readTable(h.ss, OUTBOX);
  // What partners typed stays as given in the ledger; what others read shows codes, not names.
  const guarded = guardAnswers(h, answersFrom(readTable(h.ss, ANSWERS)));
  // A recorded correction (art. 16) shows instead of the statement it corrects, marked.
  const history = applyCorrections(guarded.answers, readTable(h.ss, CORRECTIONS), 'Europe/Amsterdam');
  const answers = latestAnswers(history);
  const plans = plansFrom(readTable(h.ss, PLAN));

  // Outbox rows and answers per form key, in their own order (looked up per form below).
  const byKey = <T extends { formKey: string }>(rows: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.formKey);
      if (list) list.push(r);
      else m.set(r.formKey, [r]);
    }
    return m;
  };
  const outboxOf = byKey(outbox);
  const answersOf = byKey(answers);

  const forms: FormRecord[] = formRows.map((f) => {
    const key = f.formKey;
    const formMails = outboxOf.get(key) ?? [];
    const mails = formMails.filter((m) => m.status === 'verstuurd');
    const invite = mails.find((m) => m.kind === 'uitnodiging');
    // From the latest versions only: the form store keeps no older versions, so a rebuild
    // from the forms shows the same.
    const own = answersOf.get(key) ?? [];
    const rec: FormRecord = {
      formKey: key,
      step: f.step,
      round: f.round,
      partnerId: f.partnerId,
      formId: f.formId,
      publishedUrl: f.publishedUrl,
      status: f.status,
      deadline: f.deadline,
      createdAt: f.createdAt,
      reminders: mails.filter((m) => m.kind === 'herinnering').map((m) => m.sentAt),
      responseCount: new Set(own.map((a) => a.responseId)).size,
      planVersion: f.planVersion,
    };
    if (invite) rec.sentAt = invite.sentAt;
    else {
      // The newest invitation row of this form that did not go out (a resend replaces older ones).
      const open = formMails.filter((m) => m.kind === 'uitnodiging' && m.status !== 'vervangen');
      const pending = open[open.length - 1];
      if (pending) rec.inviteProblem = { status: pending.status, error: pending.error };
    }
    if (own.length) rec.respondedAt = Math.min(...own.map((a) => a.submittedAt));
    return rec;
  });

  return {
    code: h.row.code,
    openedOn: h.row.openedOn,
    settings: h.reg.settings,
    partners: h.reg.partners,
    catalog: h.reg.catalog,
    state: replay(h.row.code, decisions),
    forms,
    answers,
    history,
    persons: readTable(h.ss, PERSONS).map((p) => p.code),
    plan: plans.length ? (plans[plans.length - 1] ?? null) : null,
    planHistory: plans,
    log: logNameReplacements(h, guarded.where),
    quarantined: readTable(h.ss, QUARANTINE).length,
    now: nowMs(),
    timeZone: 'Europe/Amsterdam',
  };
}

const NAME_REPLACED = 'naam vervangen';

/** Answers with every name from the namenlijst replaced by its code, and where that happened. */
function guardAnswers(h: CaseHandle, list: AnswerRecord[]): { answers: AnswerRecord[]; where: string[] } {
  // Without a namenlijst replaceNames replaces nothing (count 0): every answer stays as it is.
  const names = caseNames(h);
  const where = new Set<string>();
  const answers = list.map((a) => {
    const r = replaceNames(names, a.value);
    if (r.count === 0) return a;
    where.add(
      `formulier ${a.formKey}, inzending ${a.responseId} versie ${a.version}, vraag ${a.questionId}${a.subject ? ` over ${a.subject}` : ''}`,
    );
    return { ...a, value: r.text };
  });
  return { answers, where: [...where] };
}

/**
 * The Logboek, with a line for every answer in which a name was replaced that is not noted yet
 * (where only: never the name, never the answer).
 */
function logNameReplacements(h: CaseHandle, where: readonly string[]): LogEntry[] {
  const log = readTable(h.ss, LOG).map((l) => ({ at: l.at, event: l.event, detail: l.detail }));
  const noted = new Set(log.filter((l) => l.event === NAME_REPLACED).map((l) => l.detail));
  const todo = where.filter((w) => !noted.has(w));
  // logEvents writes nothing (and reads nothing) when there is nothing to note.
  return [
    ...log,
    ...logEvents(
      h.ss,
      todo.map((w) => [NAME_REPLACED, w]),
    ),
  ];
}
