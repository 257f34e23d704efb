/**
 * The record tabs: `Personen` (contributions per pseudonym code), `Acties` (the current plan
 * with the status reported in each monitoring round), `Besluiten` and `Logboek`.
 */
import { outcomeLabel } from '../model/steps';
import type { Question } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import { monitoringQuestions } from './monitoring';
import type { Cell, SheetTable } from './sheetTable';
import { COLORS, TableBuilder, textCell } from './sheetTable';
import {
  nlDate,
  nlDateTime,
  orderPartners,
  partnerName,
  questionById,
  routeLabel,
  sortSubjects,
  stepOrder,
  stepTab,
} from './views-common';

export const PERSONS_TAB = 'Personen';
export const ACTIONS_TAB = 'Acties';
export const DECISIONS_TAB = 'Besluiten';
export const LOG_TAB = 'Logboek';

const HEADER = { bold: true, background: COLORS.header } as const;

/** Latest answers per key: highest round first, then the latest submission. */
function newestFirst(a: AnswerRecord, b: AnswerRecord): number {
  return b.round - a.round || b.submittedAt - a.submittedAt;
}

export function buildPersons(view: CaseView): SheetTable {
  const questions = questionById(view);
  const listed = new Set(view.persons);
  const isPersonAnswer = (a: AnswerRecord): boolean => {
    if (a.subject === undefined || a.subject === '') return false;
    const q = questions.get(a.questionId);
    return q ? q.repeat === 'per_person' : listed.has(a.subject);
  };
  const personAnswers = view.answers.filter(isPersonAnswer);
  const catalogOrder = new Map(view.catalog.map((q, i) => [q.id, i]));
  const partnerOrder = orderPartners(
    view,
    personAnswers.map((a) => a.partnerId),
  );

  const t = new TableBuilder(7);
  t.add(['Bijdragen per persoon. Alleen codes: de namenlijst staat in een apart, afgeschermd bestand.'], {
    bold: true,
  });
  t.add(['Code', 'Stap', 'Ronde', 'Vraag-id', 'Vraag', 'Partner', 'Antwoord'], HEADER);

  const codes = sortSubjects(view, [...view.persons, ...personAnswers.map((a) => a.subject ?? '')]);
  for (const code of codes) {
    // One row per (step, question, partner): the answer of the latest round.
    const latest = new Map<string, AnswerRecord[]>();
    for (const a of personAnswers.filter((x) => x.subject === code).sort(newestFirst)) {
      const key = `${a.step}#${a.questionId}#${a.partnerId}`;
      const list = latest.get(key);
      if (!list) latest.set(key, [a]);
      else if (list[0]?.round === a.round) list.push(a);
    }
    const groups = [...latest.values()].sort((x, y) => {
      const a = x[0]!;
      const b = y[0]!;
      return (
        stepOrder(a.step) - stepOrder(b.step) ||
        (catalogOrder.get(a.questionId) ?? 1e9) - (catalogOrder.get(b.questionId) ?? 1e9) ||
        partnerOrder.indexOf(a.partnerId) - partnerOrder.indexOf(b.partnerId)
      );
    });
    for (const group of groups) {
      const a = group[0]!;
      const value = [...group]
        .reverse()
        .map((r) => r.value)
        .join('\n\n');
      t.add([
        textCell(code),
        stepTab(a.step),
        a.round,
        textCell(a.questionId),
        textCell(questions.get(a.questionId)?.title ?? ''),
        textCell(partnerName(view, a.partnerId)),
        textCell(value),
      ]);
    }
    if (groups.length === 0) t.add([textCell(code), '', '', '', '', '', 'nog geen bijdragen']);
  }
  if (codes.length === 0) t.add(['Nog geen personen op de namenlijst (pas vanaf stap 2B).']);

  return t.build(PERSONS_TAB, {
    frozenRows: 2,
    frozenColumns: 1,
    columnWidths: [100, 80, 60, 140, 320, 200, 360],
    tabColor: '#cc0000',
  });
}

/**
 * The explanation of the newest round that has one: each free-text answer of that round (with
 * its question title when there are several), then the round number.
 */
function latestNote(about: readonly AnswerRecord[], notes: readonly Question[]): string {
  const filled = about.filter((a) => a.value.trim() !== '' && notes.some((q) => q.id === a.questionId));
  const round = Math.max(0, ...filled.map((a) => a.round));
  if (round === 0) return '';
  const parts: { title: string; value: string }[] = [];
  for (const q of notes) {
    const latest = filled.filter((a) => a.round === round && a.questionId === q.id).sort(newestFirst)[0];
    if (latest) parts.push({ title: q.title, value: latest.value });
  }
  const body = parts.length === 1 ? parts[0]!.value : parts.map((p) => `${p.title}: ${p.value}`).join('\n');
  return `${body} (ronde ${round})`;
}

export function buildActions(view: CaseView): SheetTable {
  const { status, notes } = monitoringQuestions(view.catalog);
  const monitoring = view.answers.filter((a) => a.step === '6');
  const rounds = [
    ...new Set([
      ...view.forms.filter((f) => f.step === '6').map((f) => f.round),
      ...monitoring.map((a) => a.round),
    ]),
  ].sort((a, b) => a - b);
  const plan = view.plan;
  const goals = new Map((plan?.goals ?? []).map((g) => [g.id, g.text]));

  const t = new TableBuilder(8 + rounds.length);
  t.add(
    [plan ? `Plan van aanpak, versie ${plan.version}` : 'Nog geen plan van aanpak vastgesteld (stap 5).'],
    {
      bold: true,
    },
  );
  t.add(
    [
      'Nr',
      'Spoor',
      'Actie',
      'Doel',
      'Eigenaar',
      'Deadline',
      'Code',
      ...rounds.map((r) => `Status ronde ${r}`),
      'Laatste toelichting',
    ],
    HEADER,
  );
  for (const action of plan?.actions ?? []) {
    const about = monitoring.filter((a) => a.subject === action.id);
    const statusCells: Cell[] = rounds.map((round) => {
      const values = about
        .filter((a) => a.round === round && a.questionId === status?.id)
        .sort((a, b) => a.submittedAt - b.submittedAt)
        .map((a) => a.value);
      return values.length > 0 ? textCell([...new Set(values)].join('; ')) : '';
    });
    const note = latestNote(about, notes);
    const goal = goals.get(action.goalId);
    t.add([
      textCell(action.id),
      action.spoor,
      textCell(action.text),
      textCell(goal === undefined ? action.goalId : `${action.goalId} ${goal}`),
      textCell(partnerName(view, action.owner)),
      textCell(nlDate(action.deadline)),
      textCell(action.subject ?? ''),
      ...statusCells,
      note ? textCell(note) : '',
    ]);
  }

  return t.build(ACTIONS_TAB, {
    frozenRows: 2,
    frozenColumns: 1,
    columnWidths: [60, 90, 320, 240, 180, 100, 90, ...rounds.map(() => 130), 320],
  });
}

export function buildDecisions(view: CaseView): SheetTable {
  const t = new TableBuilder(8);
  t.add(
    ['Stap', 'Ronde', 'Datum', 'Besluit', 'Besloten door', 'Motivering', 'Route', 'Aanwijzingen'],
    HEADER,
  );
  for (const d of view.state.decisions) {
    t.add([
      stepTab(d.step),
      d.round,
      textCell(nlDate(d.date)),
      textCell(outcomeLabel(d.step, d.outcome)),
      textCell(d.decidedBy),
      textCell(d.motivation),
      routeLabel(d.routes),
      textCell(d.directions ?? ''),
    ]);
  }
  if (view.state.decisions.length === 0) t.add(['Nog geen besluiten genomen.']);
  return t.build(DECISIONS_TAB, { frozenRows: 1, columnWidths: [70, 60, 100, 200, 160, 380, 200, 300] });
}

export function buildLog(view: CaseView): SheetTable {
  const t = new TableBuilder(3);
  t.add(['Tijd', 'Gebeurtenis', 'Details'], HEADER);
  const entries = view.log.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  for (const { e } of entries) {
    t.add([textCell(nlDateTime(e.at, view.timeZone)), textCell(e.event), textCell(e.detail)]);
  }
  return t.build(LOG_TAB, { frozenRows: 1, columnWidths: [140, 200, 520] });
}
