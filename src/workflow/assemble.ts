/** Reads a case's system tables (one read each) into the CaseView read model. */
import { replay } from '../model/caseMachine';
import type { Decision, LightRoute, Plan, PlanAction, PlanGoal, Spoor, StepId } from '../model/types';
import type { AnswerRecord, CaseView, FormRecord, FormStatus } from '../render/caseView';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import type { Row } from '../workspace/tables';
import { readTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { parseFormKey } from './formKey';
import { ANSWERS, DECISIONS, FORMS, LOG, OUTBOX, PERSONS, PLAN, QUARANTINE } from './records';

export function toDecision(r: Row): Decision {
  const d: Decision = {
    step: String(r.step) as StepId,
    round: Number(r.round),
    outcome: String(r.outcome),
    motivation: String(r.motivation),
    decidedBy: String(r.decidedBy),
    date: String(r.date),
  };
  if (r.route) d.route = String(r.route) as LightRoute;
  if (r.directions) d.directions = String(r.directions);
  return d;
}

export function readDecisions(ss: Book): Decision[] {
  return readTable(ss, DECISIONS).map(toDecision);
}

/** All plan versions from the `_pva` rows, oldest first (kinds doel, actie, criterium, evaluatie). */
export function plansFrom(rows: Row[]): Plan[] {
  const byVersion = new Map<number, Plan>();
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  for (const r of rows) {
    const v = Number(r.version);
    let plan = byVersion.get(v);
    if (!plan) {
      plan = { version: v, goals: [], actions: [], criteria: [], evaluationDate: '' };
      byVersion.set(v, plan);
    }
    if (r.kind === 'doel') {
      const g: PlanGoal = {
        id: str(r.id),
        text: str(r.text),
        indicator: str(r.indicator),
        baseline: r.baseline === '' ? Number.NaN : Number(r.baseline),
        target: r.target === '' ? Number.NaN : Number(r.target),
        measureDate: str(r.measureDate),
      };
      if (r.owner) g.owner = str(r.owner);
      if (r.baselineFrom) g.baselineFrom = str(r.baselineFrom);
      plan.goals.push(g);
    } else if (r.kind === 'criterium') plan.criteria.push({ id: str(r.id), text: str(r.text) });
    else if (r.kind === 'evaluatie') plan.evaluationDate = str(r.deadline);
    else {
      const a: PlanAction = {
        id: str(r.id),
        spoor: str(r.spoor) as Spoor,
        text: str(r.text),
        goalId: str(r.goalId),
        owner: str(r.owner),
        start: str(r.start),
        frequency: str(r.frequency),
        deadline: str(r.deadline),
      };
      if (r.subject) a.subject = str(r.subject);
      plan.actions.push(a);
    }
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

/** Answer rows (possibly split in parts) back into records, oldest first. */
export function answersFrom(rows: Row[]): AnswerRecord[] {
  const map = new Map<string, AnswerRecord & { parts: string[] }>();
  for (const r of rows) {
    const key = `${r.responseId}|${r.version}|${r.questionId}|${r.subject}`;
    let rec = map.get(key);
    if (!rec) {
      const { step, round, partnerId } = parseFormKey(String(r.formKey));
      rec = {
        formKey: String(r.formKey),
        step,
        round,
        partnerId,
        responseId: String(r.responseId),
        version: Number(r.version),
        submittedAt: Number(r.submittedAt),
        questionId: String(r.questionId),
        value: '',
        parts: [],
      };
      if (r.subject) rec.subject = String(r.subject);
      if (r.grid) rec.grid = JSON.parse(String(r.grid)) as string[];
      map.set(key, rec);
    }
    rec.parts[Number(r.part)] = String(r.value);
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
  const decisions = readDecisions(h.ss);
  const formRows = readTable(h.ss, FORMS);
  const outbox = readTable(h.ss, OUTBOX);
  const history = answersFrom(readTable(h.ss, ANSWERS));
  const answers = latestAnswers(history);
  const plans = plansFrom(readTable(h.ss, PLAN));

  const forms: FormRecord[] = formRows.map((f) => {
    const key = String(f.formKey);
    const mails = outbox.filter((m) => m.formKey === key && m.status === 'verstuurd');
    const invite = mails.find((m) => m.kind === 'uitnodiging');
    // From the latest versions only: the form store keeps no older versions, so a rebuild
    // from the forms shows the same.
    const own = answers.filter((a) => a.formKey === key);
    const rec: FormRecord = {
      formKey: key,
      step: String(f.step) as StepId,
      round: Number(f.round),
      partnerId: String(f.partnerId),
      formId: String(f.formId),
      publishedUrl: String(f.publishedUrl),
      status: String(f.status) as FormStatus,
      deadline: String(f.deadline),
      createdAt: Number(f.createdAt),
      reminders: mails.filter((m) => m.kind === 'herinnering').map((m) => Number(m.sentAt)),
      responseCount: new Set(own.map((a) => a.responseId)).size,
      planVersion: Number(f.planVersion || 0),
    };
    if (invite) rec.sentAt = Number(invite.sentAt);
    else {
      // The newest invitation row of this form that did not go out (a resend replaces older ones).
      const open = outbox.filter(
        (m) => m.formKey === key && m.kind === 'uitnodiging' && m.status !== 'vervangen',
      );
      const pending = open[open.length - 1];
      if (pending) rec.inviteProblem = { status: String(pending.status), error: String(pending.error) };
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
    persons: readTable(h.ss, PERSONS).map((p) => String(p.code)),
    plan: plans.length ? (plans[plans.length - 1] ?? null) : null,
    planHistory: plans,
    log: readTable(h.ss, LOG).map((l) => ({
      at: Number(l.at),
      event: String(l.event),
      detail: String(l.detail),
    })),
    quarantined: readTable(h.ss, QUARANTINE).length,
    now: nowMs(),
    timeZone: 'Europe/Amsterdam',
  };
}
