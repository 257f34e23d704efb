/**
 * The coordinator's dashboard (the sidebar) as plain JSON: the list of cases and, for one case,
 * its step timeline, the partner × step matrix, the next sensible actions and the links. Built
 * from one read of the case (assembleView: every system table in one batch) and the register's
 * case list; no call per partner, form or link (a link is made from the file id).
 */

import { letterCounts } from '../model/informing';
import {
  type ActionFacts,
  answeredText,
  type NextAction,
  nextActions,
  type PartnerFact,
} from '../model/nextActions';
import { partnerQuestions } from '../model/partnerQuestions';
import { partnersForStep } from '../model/partners';
import { outcomeLabel } from '../model/steps';
import type { StepId } from '../model/types';
import { STEP_IDS } from '../model/types';
import type { CaseView, FormRecord } from '../render/caseView';
import {
  nlDate,
  nlDateTime,
  orderPartners,
  partnerName,
  routeLabel,
  stepName,
  stepOrder,
  today,
} from '../render/views-common';
import { workdaysAfter } from '../render/views-model';
import { latestForm, stepProgress } from '../render/views-overview';
import { readTable } from '../workspace/tables';
import { assembleView } from './assemble';
import type { CaseHandle, Register } from './context';
import { knownLettersFolder } from './letters';
import { CASES, DOCUMENTS, OUTBOX, type OutboxRow, PERSONS, type PersonRow } from './records';

/** One case in the picker. */
export interface CaseSummary {
  code: string;
  /** The coordinator's own label for the case (never a person's name); '' when none. */
  label: string;
  status: 'open' | 'gesloten';
  step: StepId;
}

export type TimelineState = 'done' | 'current' | 'future' | 'skipped';

export interface TimelineStep {
  step: StepId;
  name: string;
  state: TimelineState;
  /** The same word as the Overzicht tab: afgerond, actief, nog niet, overgeslagen. */
  text: string;
  /** The gate decisions of this step, oldest first (a step can have several rounds). */
  decisions: { round: number; outcome: string; date: string }[];
}

export type CellKind =
  | 'not_asked'
  | 'future'
  | 'asked'
  | 'reminded'
  | 'late'
  | 'answered'
  | 'closed'
  | 'missing'
  | 'not_sent';

export interface MatrixCell {
  step: StepId;
  kind: CellKind;
  /** What the cell says: the meaning never depends on colour alone. */
  text: string;
}

export interface MatrixRow {
  partnerId: string;
  partner: string;
  cells: MatrixCell[];
}

export interface Link {
  label: string;
  url: string;
}

export interface CaseDashboard {
  code: string;
  label: string;
  status: 'open' | 'gesloten';
  /** `open`, or `gesloten` with the follow-up route. */
  statusText: string;
  step: StepId;
  round: number;
  /** `Stap 2A — Beoordelen groepsgedrag (2A: groepsniveau)`. */
  stepTitle: string;
  /** `3 van 5 partners hebben geantwoord` while a step runs, else ''. */
  progress: string;
  timeline: TimelineStep[];
  matrix: { steps: StepId[]; rows: MatrixRow[] };
  actions: NextAction[];
  links: Link[];
  /** `dd-mm-jjjj uu:mm` of the moment the dashboard was read. */
  asOf: string;
}

export interface DashboardData {
  cases: CaseSummary[];
  /** The chosen case; null when the register has no case yet. */
  selected: CaseDashboard | null;
}

/** The cases of the register, newest first (open before closed). */
export function caseSummaries(reg: Register): CaseSummary[] {
  return readTable(reg.ss, CASES)
    .map((r) => ({ code: r.Casuscode, label: r.Label, status: r.Status, step: r.Stap }))
    .reverse()
    .sort((a, b) => Number(a.status === 'gesloten') - Number(b.status === 'gesloten'));
}

// The addresses Spreadsheet.getUrl, Document.getUrl and Folder.getUrl give for a file id
// (reference/spreadsheet/spreadsheet#getUrl, reference/drive/folder#getUrl); made here from the
// id so the dashboard costs no call per link.
export const spreadsheetUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
export const documentUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;

const PUBLISHED = new Set(['besluit', 'integraal beeld', 'casus geopend']);
const ANSWERS_IN = new Set(['antwoorden verwerkt', 'antwoorden gewijzigd']);

/**
 * Whether answers were processed after the integraal beeld was last written: it is written when
 * a case opens, after every gate (decide.ts) and on request (Integraal beeld bijwerken), each of
 * which leaves a line in the Logboek, as does every reconcile that found answers.
 */
export function overviewStale(view: Pick<CaseView, 'log'>): boolean {
  let published = 0;
  let answers = 0;
  for (const l of view.log) {
    if (PUBLISHED.has(l.event)) published = Math.max(published, l.at);
    if (ANSWERS_IN.has(l.event)) answers = Math.max(answers, l.at);
  }
  return answers > published;
}

/** The partners that get a form in the current step (those with at least one question). */
export function expectedPartners(view: CaseView): number {
  const { state } = view;
  return partnersForStep(view.partners, state.step).filter(
    (p) => partnerQuestions(view.catalog, p, state.step, state.personDataAllowed).length > 0,
  ).length;
}

/** Per partner of the current step and round: answered, closed, and the deadline still open. */
export function partnerFacts(view: CaseView): PartnerFact[] {
  const { state } = view;
  const byPartner = new Map<string, FormRecord[]>();
  for (const f of view.forms) {
    if (f.step !== state.step || f.round !== state.round) continue;
    byPartner.set(f.partnerId, [...(byPartner.get(f.partnerId) ?? []), f]);
  }
  return [...byPartner].map(([partnerId, forms]) => {
    const answered = (f: FormRecord) => f.responseCount > 0 || f.status === 'beantwoord';
    // A supplementary form (new persons) can still wait while the main one is answered.
    const waiting = forms.filter((f) => !answered(f) && f.status === 'open');
    const deadlines = (waiting.length ? waiting : forms).map((f) => f.deadline).sort();
    return {
      partnerId,
      answered: waiting.length === 0 && forms.some(answered),
      closed: waiting.length === 0 && !forms.some(answered),
      deadline: deadlines[0] ?? '',
    };
  });
}

/** Whether the current step and round was started: a form exists, or the start was logged. */
export function stepStarted(view: CaseView): boolean {
  const { state } = view;
  if (view.forms.some((f) => f.step === state.step && f.round === state.round)) return true;
  const marker = `stap ${state.step}, ronde ${state.round}:`;
  return view.log.some((l) => l.event === 'stap gestart' && l.detail.startsWith(marker));
}

/** Mails that did not (surely) arrive and were not replaced by a resend. */
export function failedMails(outbox: readonly Pick<OutboxRow, 'status'>[]): number {
  return outbox.filter((m) => m.status === 'mislukt' || m.status === 'onzeker').length;
}

/** The facts nextActions decides on, from one case read. */
export function actionFacts(
  view: CaseView,
  extra: {
    namesList: boolean;
    outbox: readonly Pick<OutboxRow, 'status'>[];
    /** The person table with informing and letters (the dashboard has it; other callers may leave it out). */
    persons?: readonly PersonRow[];
  },
): ActionFacts {
  return {
    state: view.state,
    today: today(view),
    started: stepStarted(view),
    expected: expectedPartners(view),
    partners: partnerFacts(view),
    namesList: extra.namesList,
    persons: view.persons.length,
    failedMails: failedMails(extra.outbox),
    overviewStale: overviewStale(view),
    missingForms: view.forms.filter(
      (f) => f.step === view.state.step && f.round === view.state.round && f.status === 'ontbreekt',
    ).length,
    ...(extra.persons
      ? { letters: letterCounts(extra.persons, view.state.status === 'gesloten', extra.namesList) }
      : {}),
  };
}

function timeline(view: CaseView): TimelineStep[] {
  const STATE = {
    afgerond: 'done',
    actief: 'current',
    'nog niet': 'future',
    overgeslagen: 'skipped',
  } as const;
  return STEP_IDS.map((step) => {
    const progress = stepProgress(view, step);
    return {
      step,
      name: stepName(view, step),
      state: STATE[progress],
      text: progress,
      decisions: view.state.decisions
        .filter((d) => d.step === step)
        .map((d) => ({ round: d.round, outcome: outcomeLabel(step, d.outcome), date: nlDate(d.date) })),
    };
  });
}

/** How one partner stands in one step. */
export function matrixCell(view: CaseView, partnerId: string, step: StepId): MatrixCell {
  const form = latestForm(view, partnerId, step);
  if (!form) {
    const partner = view.partners.find((p) => p.id === partnerId);
    const { state } = view;
    const ahead =
      state.status === 'open' &&
      (stepOrder(step) > stepOrder(state.step) || (step === state.step && !stepStarted(view)));
    if (partner?.active && partner.steps.includes(step) && ahead)
      return { step, kind: 'future', text: 'volgt' };
    return { step, kind: 'not_asked', text: 'niet gevraagd' };
  }
  const round = form.round > 1 ? ` (ronde ${form.round})` : '';
  const short = (iso: string) => nlDate(iso).slice(0, 5);
  if (form.responseCount > 0 || form.status === 'beantwoord') {
    const on =
      form.respondedAt !== undefined ? ` ${nlDateTime(form.respondedAt, view.timeZone).slice(0, 5)}` : '';
    return { step, kind: 'answered', text: `beantwoord${on}${round}` };
  }
  if (form.status === 'ontbreekt') return { step, kind: 'missing', text: `formulier ontbreekt${round}` };
  if (form.status === 'gesloten') return { step, kind: 'closed', text: `gesloten zonder antwoord${round}` };
  if (form.inviteProblem && form.sentAt === undefined)
    return {
      step,
      kind: 'not_sent',
      text: `uitnodiging niet verstuurd (${form.inviteProblem.status})${round}`,
    };
  const now = today(view);
  const reminded = form.reminders.length;
  const times = reminded ? `, ${reminded}× herinnerd` : '';
  if (now > form.deadline) {
    const late = workdaysAfter(form.deadline, now, view.settings);
    return {
      step,
      kind: 'late',
      text: `te laat (${late} wd, deadline ${short(form.deadline)})${times}${round}`,
    };
  }
  if (reminded)
    return {
      step,
      kind: 'reminded',
      text: `${reminded}× herinnerd, deadline ${short(form.deadline)}${round}`,
    };
  return { step, kind: 'asked', text: `gevraagd, deadline ${short(form.deadline)}${round}` };
}

function matrix(view: CaseView): { steps: StepId[]; rows: MatrixRow[] } {
  const ids = orderPartners(view, [
    ...view.partners.filter((p) => p.active).map((p) => p.id),
    ...view.forms.map((f) => f.partnerId),
  ]);
  return {
    steps: [...STEP_IDS],
    rows: ids.map((id) => ({
      partnerId: id,
      partner: partnerName(view, id),
      cells: STEP_IDS.map((step) => matrixCell(view, id, step)),
    })),
  };
}

function links(
  h: CaseHandle,
  view: CaseView,
  documents: readonly { key: string; fileId: string }[],
  lettersFolderId: string | null,
): Link[] {
  const out: Link[] = [
    { label: 'Casusspreadsheet', url: spreadsheetUrl(h.row.spreadsheetId) },
    { label: 'Integraal beeld (beperkt)', url: documentUrl(h.row.overviewId) },
  ];
  for (const d of documents) {
    const label =
      d.key === 'driehoek'
        ? 'Integraal beeld voor de driehoek'
        : d.key.startsWith('partner:')
          ? `Integraal beeld voor ${partnerName(view, d.key.slice('partner:'.length))}`
          : d.key === 'advies'
            ? 'Advies aan de driehoek'
            : `Document ${d.key}`;
    out.push({ label, url: documentUrl(d.fileId) });
  }
  if (h.row.namesId) out.push({ label: 'Namenlijst (alleen voor u)', url: spreadsheetUrl(h.row.namesId) });
  if (lettersFolderId) out.push({ label: 'Brieven (alleen voor u)', url: folderUrl(lettersFolderId) });
  out.push({ label: 'Casusmap', url: folderUrl(h.row.folderId) });
  const { state } = view;
  if (state.status === 'open') {
    for (const f of view.forms) {
      if (f.step !== state.step || f.round !== state.round || f.status !== 'open' || !f.publishedUrl)
        continue;
      out.push({
        label: `Formulier ${partnerName(view, f.partnerId)} (stap ${f.step})`,
        url: f.publishedUrl,
      });
    }
  }
  return out;
}

/** The dashboard of one case, from one read of its system tables. */
export function caseDashboard(h: CaseHandle): CaseDashboard {
  const view = assembleView(h);
  // Both were read in assembleView's batch; with the table cache on these cost no call.
  const outbox = readTable(h.ss, OUTBOX);
  const documents = readTable(h.ss, DOCUMENTS).map((d) => ({ key: d.key, fileId: d.fileId }));
  const persons = readTable(h.ss, PERSONS);
  const facts = actionFacts(view, { namesList: h.row.namesId !== '', outbox, persons });
  const { state } = view;
  const running = state.status === 'open' && facts.started && facts.expected + facts.partners.length > 0;
  return {
    code: view.code,
    label: h.row.label,
    status: state.status,
    statusText:
      state.status === 'open'
        ? 'open'
        : `gesloten${state.closedRoutes?.length ? ` (vervolg: ${routeLabel(state.closedRoutes)})` : ''}`,
    step: state.step,
    round: state.round,
    stepTitle: `Stap ${state.step} — ${stepName(view, state.step)}`,
    progress: running ? answeredText(facts) : '',
    timeline: timeline(view),
    matrix: matrix(view),
    actions: nextActions(facts),
    // The letters folder's id is a script property, asked only when letters were made.
    links: links(
      h,
      view,
      documents,
      persons.some((p) => p.letterOn !== '' || p.closingOn !== '') ? knownLettersFolder(h.row.code) : null,
    ),
    asOf: nlDateTime(view.now, view.timeZone),
  };
}
