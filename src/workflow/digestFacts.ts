/**
 * What the coordinator's digest (workflow/digest.ts) needs to know about cases, as plain data:
 * which partners are late, whether every form of the running step is in, failed mails,
 * quarantine and retention deadlines. `digestItems` is pure (no service, no clock); `caseFacts`
 * reads only tables the dispatcher already read for the case in the same run.
 *
 * Codes and labels only: a fact holds case codes, the coordinator's case label, partner
 * organisations, step numbers, dates and counts, never a person's name or an answer.
 */

import { replay } from '../model/caseMachine';
import { DEFAULT_INFORM_DAYS, informState, letterCounts } from '../model/informing';
import { type ActionFacts, nextActions, waitingFor } from '../model/nextActions';
import { partnerQuestions } from '../model/partnerQuestions';
import { partnersForStep } from '../model/partners';
import { PURGE_WARNING_DAYS, purgeDueOn } from '../model/retention';
import { isoDate } from '../model/time';
import type { CaseState, Partner, Question, Settings, StepId } from '../model/types';
import { addDays, workdaysBetween } from '../model/workdays';
import { readTable } from '../workspace/tables';
import { toDecision } from './assemble';
import type { CaseHandle, CaseRow } from './context';
import { LOG_CHANGED_EVENT } from './logCheck';
import { closingDate, retentionMonthsOf } from './purge';
import type { DecisionRow, FormRow, LogRow, OutboxRow, PersonRow, QuarantineRow } from './records';
import { DECISIONS, FORMS, LOG, OUTBOX, PERSONS, QUARANTINE } from './records';
import { SHARING_REVERTED_EVENT } from './sharingCheck';

/** Retention deadlines this close (in calendar days) are reported. */
/** Four weeks' notice before a purge (model/retention.ts). */
export const RETENTION_NOTICE_DAYS = PURGE_WARNING_DAYS;

export interface LatePartner {
  formKey: string;
  partner: string;
  step: StepId;
  deadline: string;
  workdaysLate: number;
}

/** One open case as the digest sees it. */
export interface CaseFacts {
  code: string;
  label: string;
  late: LatePartner[];
  /** The gate's decision is due (nextActions: everyone answered, or the deadline passed), and why. */
  decisionDue: { step: StepId; round: number; allIn: boolean; reason: string } | null;
  /** Outbox keys of mails that failed or may not have arrived. */
  failedMails: string[];
  uncertainMails: string[];
  /** Keys (`formId|responseId`) of quarantined submissions. */
  quarantine: string[];
  /** When today's check found Logboek lines changed or removed by hand (workflow/logCheck). */
  logChanged: number[];
  /** Today's sharing taken back by the case's daily check (workflow/sharingCheck): when, and how many files. */
  sharingReverted: { at: number; files: number }[];
  /** Person codes whose informing (AVG art. 14) is missing past the term (model/informing). */
  informLate: string[];
}

/** The case's label (the coordinator's own words, never a name; blank for older cases). */
export function labelOf(row: CaseRow): string {
  return row.label ?? '';
}

export interface CaseTables {
  forms: readonly FormRow[];
  outbox: readonly OutboxRow[];
  quarantine: readonly QuarantineRow[];
  decisions: readonly DecisionRow[];
  log: readonly LogRow[];
  /** The pseudonym codes of the case with where informing stands. */
  persons: readonly PersonRow[];
}

/**
 * What nextActions (model/nextActions) decides on, from the case's tables: the digest's
 * "decision due" is the sidebar's "Besluit vastleggen" (everyone answered, or the deadline of
 * those still waited for has passed). Mirrors workflow/dashboard.ts actionFacts, which works
 * from an assembled view; here only the forms, the log and the outbox are needed.
 */
export function actionFactsFromTables(
  state: CaseState,
  row: CaseRow,
  t: CaseTables,
  reg: { partners: readonly Partner[]; catalog: readonly Question[] },
  today: string,
): ActionFacts {
  const byPartner = new Map<string, FormRow[]>();
  for (const f of t.forms) {
    if (f.step !== state.step || f.round !== state.round) continue;
    byPartner.set(f.partnerId, [...(byPartner.get(f.partnerId) ?? []), f]);
  }
  const partners = [...byPartner].map(([partnerId, forms]) => {
    const waiting = forms.filter((f) => f.status === 'open');
    const answered = forms.some((f) => f.status === 'beantwoord');
    const deadlines = (waiting.length ? waiting : forms).map((f) => f.deadline).sort();
    return {
      partnerId,
      answered: waiting.length === 0 && answered,
      closed: waiting.length === 0 && !answered,
      deadline: deadlines[0] ?? '',
    };
  });
  const marker = `stap ${state.step}, ronde ${state.round}:`;
  return {
    state,
    today,
    started:
      byPartner.size > 0 || t.log.some((l) => l.event === 'stap gestart' && l.detail.startsWith(marker)),
    expected: partnersForStep(reg.partners, state.step).filter(
      (p) => partnerQuestions(reg.catalog, p, state.step, state.personDataAllowed).length > 0,
    ).length,
    partners,
    namesList: row.namesId !== '',
    persons: t.persons.length,
    failedMails: t.outbox.filter((m) => m.status === 'mislukt' || m.status === 'onzeker').length,
    overviewStale: false,
    letters: letterCounts(t.persons, state.status === 'gesloten', row.namesId !== ''),
  };
}

/** The digest's facts of one open case, from its tables (pure). */
export function factsFromTables(
  row: CaseRow,
  t: CaseTables,
  reg: { partners: readonly Partner[]; catalog: readonly Question[] },
  settings: Settings,
  today: string,
): CaseFacts {
  const opts = { bevrijdingsdagEveryYear: settings.bevrijdingsdagEveryYear };
  const organisation = (id: string) => reg.partners.find((p) => p.id === id)?.organisation ?? id;
  const late = t.forms
    .filter((f) => f.status === 'open' && f.deadline !== '' && today > f.deadline)
    .map((f) => ({
      formKey: f.formKey,
      partner: organisation(f.partnerId),
      step: f.step,
      deadline: f.deadline,
      workdaysLate: Math.max(0, workdaysBetween(f.deadline, today, opts)),
    }));
  let decisionDue: CaseFacts['decisionDue'] = null;
  try {
    const state = replay(row.code, t.decisions.map(toDecision));
    const facts = actionFactsFromTables(state, row, t, reg, today);
    const decide = nextActions(facts).find((a) => a.kind === 'recordDecision');
    if (decide)
      decisionDue = {
        step: state.step,
        round: state.round,
        allIn: waitingFor(facts).length === 0,
        reason: decide.reason,
      };
  } catch {
    // A decisions table the model refuses is reported where it is read (the views, a gate);
    // the digest then says nothing about a due decision.
  }
  return {
    code: row.code,
    label: labelOf(row),
    late,
    decisionDue,
    failedMails: t.outbox.filter((r) => r.status === 'mislukt').map((r) => r.key),
    uncertainMails: t.outbox.filter((r) => r.status === 'onzeker').map((r) => r.key),
    quarantine: t.quarantine.map((q) => `${q.formId}|${q.responseId}`),
    logChanged: t.log
      .filter((l) => l.event === LOG_CHANGED_EVENT && isoDate(l.at, 'Europe/Amsterdam') === today)
      .map((l) => l.at),
    sharingReverted: t.log
      .filter((l) => l.event === SHARING_REVERTED_EVENT && isoDate(l.at, 'Europe/Amsterdam') === today)
      .map((l) => ({ at: l.at, files: Number.parseInt(l.detail, 10) || 0 })),
    informLate: informLate(t.persons, settings, today),
  };
}

/**
 * The codes whose informing is late on `today`: not recorded (or postponed until a day that has
 * passed) `informDays` days after the person was added (model/informing informState).
 */
export function informLate(persons: readonly PersonRow[], settings: Settings, today: string): string[] {
  const days = settings.informDays ?? DEFAULT_INFORM_DAYS;
  return persons
    .filter((p) => {
      const rec = {
        informedOn: p.informedOn,
        parentsOn: p.parentsOn,
        minor: p.minor !== 'nee',
        postponedUntil: p.postponedUntil,
      };
      const added = p.addedAt > 0 ? isoDate(p.addedAt, 'Europe/Amsterdam') : today;
      return informState(rec, added, today, days) === 'te laat';
    })
    .map((p) => p.code);
}

/**
 * The facts of an open case. Called by the dispatcher inside the case's lock, after its own
 * work: every table read here was read in that run already (workspace/tables keeps it).
 */
export function caseFacts(h: CaseHandle, today: string): CaseFacts {
  return factsFromTables(
    h.row,
    {
      forms: readTable(h.ss, FORMS),
      outbox: readTable(h.ss, OUTBOX),
      quarantine: readTable(h.ss, QUARANTINE),
      decisions: readTable(h.ss, DECISIONS),
      log: readTable(h.ss, LOG),
      persons: readTable(h.ss, PERSONS),
    },
    h.reg,
    h.reg.settings,
    today,
  );
}

/** A closed case's retention deadline, when it is near or past. */
export interface RetentionFact {
  code: string;
  label: string;
  /** ISO date the case was closed; '' when the register does not tell. */
  closedOn: string;
  months: number;
  /** ISO date from which the person data must be gone; '' when the closing date is unknown. */
  until: string;
  passed: boolean;
}

/**
 * Retention deadlines of closed cases: closing date plus the bewaartermijn, reported from
 * RETENTION_NOTICE_DAYS before, with the same closing date and term as the purge itself
 * (purge.ts closingDate and retentionMonthsOf: the register's Gesloten op, else the last change of
 * the row). A closed case without either is reported once as "sluitdatum onbekend".
 */
export function retentionFacts(rows: readonly CaseRow[], settings: Settings, today: string): RetentionFact[] {
  const out: RetentionFact[] = [];
  for (const row of rows) {
    if (row.status !== 'gesloten') continue;
    const months = retentionMonthsOf(row, settings);
    const closedOn = closingDate(row);
    if (closedOn === '') {
      out.push({ code: row.code, label: labelOf(row), closedOn, months, until: '', passed: false });
      continue;
    }
    const until = purgeDueOn(closedOn, months);
    if (until > addDays(today, RETENTION_NOTICE_DAYS)) continue;
    out.push({ code: row.code, label: labelOf(row), closedOn, months, until, passed: until <= today });
  }
  return out;
}

export type DigestItem =
  | {
      kind: 'besluit';
      code: string;
      label: string;
      step: StepId;
      round: number;
      /** Every partner answered (or can no longer); otherwise the deadline passed. */
      allIn: boolean;
      /** Why, in nextActions' words. */
      reason: string;
    }
  | { kind: 'laat'; code: string; label: string; partners: LatePartner[] }
  | { kind: 'mail'; code: string; label: string; failed: number; uncertain: number }
  | { kind: 'quarantaine'; code: string; label: string; count: number }
  | { kind: 'logboek'; code: string; label: string }
  | { kind: 'informeren'; code: string; label: string; persons: string[] }
  | ({ kind: 'bewaren' } & RetentionFact)
  | { kind: 'niet-bekeken'; code: string; label: string }
  /** Sharing taken back by the daily check (workflow/sharingCheck); code '' for the product's own folders. */
  | { kind: 'delen'; code: string; label: string; files: number; day: string };

/** An item with the keys that tell whether it is new since the previous digest. */
export interface KeyedItem {
  item: DigestItem;
  keys: string[];
}

/**
 * The digest's items, in the order of the mail: decisions due, late partners, mails,
 * quarantine, informing, retention, then the cases this run did not reach. Each carries stable keys
 * (a late form, a failed mail, a quarantined response, a retention deadline): the digest goes
 * only when some key was not in the previous one. A case not reached has no key: on its own it
 * is no reason to mail.
 */
export function digestItems(
  facts: readonly CaseFacts[],
  retention: readonly RetentionFact[],
  notReached: readonly { code: string; label: string }[],
  drift: readonly { code: string; files: number; day: string }[] = [],
  labels: ReadonlyMap<string, string> = new Map(),
): KeyedItem[] {
  const out: KeyedItem[] = [];
  for (const f of facts) {
    const d = f.decisionDue;
    if (d)
      out.push({
        item: { kind: 'besluit', code: f.code, label: f.label, ...d },
        // "Everything is in" is news even when "the deadline passed" was reported before.
        keys: [`besluit:${f.code}:${d.step}:${d.round}:${d.allIn ? 'binnen' : 'termijn'}`],
      });
  }
  for (const f of facts) {
    if (f.late.length)
      out.push({
        item: { kind: 'laat', code: f.code, label: f.label, partners: f.late },
        keys: f.late.map((l) => `laat:${f.code}:${l.formKey}`),
      });
  }
  for (const f of facts) {
    if (f.failedMails.length + f.uncertainMails.length)
      out.push({
        item: {
          kind: 'mail',
          code: f.code,
          label: f.label,
          failed: f.failedMails.length,
          uncertain: f.uncertainMails.length,
        },
        keys: [...f.failedMails, ...f.uncertainMails].map((k) => `mail:${f.code}:${k}`),
      });
  }
  for (const f of facts) {
    if (f.quarantine.length)
      out.push({
        item: { kind: 'quarantaine', code: f.code, label: f.label, count: f.quarantine.length },
        keys: f.quarantine.map((q) => `quarantaine:${f.code}:${q}`),
      });
  }
  for (const f of facts) {
    if (f.logChanged?.length)
      out.push({
        item: { kind: 'logboek', code: f.code, label: f.label },
        keys: f.logChanged.map((at) => `logboek:${f.code}:${at}`),
      });
  }
  for (const f of facts) {
    if (f.informLate.length)
      out.push({
        item: { kind: 'informeren', code: f.code, label: f.label, persons: f.informLate },
        keys: f.informLate.map((p) => `informeren:${f.code}:${p}`),
      });
  }
  for (const r of retention) {
    const stage = r.until === '' ? 'onbekend' : r.passed ? 'verlopen' : 'nadert';
    out.push({ item: { kind: 'bewaren', ...r }, keys: [`bewaren:${r.code}:${stage}:${r.until}`] });
  }
  for (const f of facts) {
    for (const d of f.sharingReverted ?? [])
      out.push({
        item: {
          kind: 'delen',
          code: f.code,
          label: f.label,
          files: d.files,
          day: isoDate(d.at, 'Europe/Amsterdam'),
        },
        keys: [`delen:${f.code}:${d.at}`],
      });
  }
  for (const d of drift)
    out.push({
      item: { kind: 'delen', code: d.code, label: labels.get(d.code) ?? '', files: d.files, day: d.day },
      keys: [`delen:${d.day}:${d.code}`],
    });
  for (const c of notReached) out.push({ item: { kind: 'niet-bekeken', ...c }, keys: [] });
  return out;
}
