/**
 * One tab per step that has forms (`Stap 1`, `Stap 2A`, ...): the questions down, the partners
 * side by side, one block per round (newest round on top). Repeated questions get one row per
 * subject (pseudonym code, action, goal).
 */
import { asksPartner } from '../model/partnerQuestions';
import { goalOwner } from '../model/planProgress';
import type { Partner, Question, Repeat, StepId } from '../model/types';
import { STEP_IDS } from '../model/types';
import type { CaseView } from './caseView';
import type { Cell, SheetTable } from './sheetTable';
import { COLORS, TableBuilder, textCell } from './sheetTable';
import {
  type AnswerIndex,
  joinAnswers,
  nlDateTime,
  nlDay,
  orderPartners,
  partnerName,
  questionsOf,
  sortSubjects,
  stepTab,
  stepTitle,
} from './views-common';

/** Steps that have at least one form, in werkproces order. */
export function stepsWithForms(view: CaseView): StepId[] {
  return STEP_IDS.filter((s) => view.forms.some((f) => f.step === s));
}

/** The same rule as the forms: kind, the partner's levels in that step, person data allowed. */
function asks(view: CaseView, question: Question, partner: Partner | undefined): boolean {
  if (!partner) return true;
  return asksPartner(question, partner, view.state.personDataAllowed || view.persons.length > 0);
}

/** Subjects a repeated question is asked about: the namenlijst codes, plan actions, goals or afschaalcriteria. */
function expectedSubjects(view: CaseView, repeat: Repeat): string[] {
  if (repeat === 'per_person') return view.persons;
  if (repeat === 'per_action') return view.plan?.actions.map((a) => a.id) ?? [];
  if (repeat === 'per_goal' || repeat === 'per_own_goal') return view.plan?.goals.map((g) => g.id) ?? [];
  if (repeat === 'per_criterion') return view.plan?.criteria.map((c) => c.id) ?? [];
  return [];
}

/** A per-action question goes to the owner of the action only; a per-own-goal one to the goal's owner. */
function asksAbout(view: CaseView, repeat: Repeat, partnerId: string, subject: string | undefined): boolean {
  if (!subject) return true;
  if (repeat === 'per_own_goal') {
    const goal = view.plan?.goals.find((g) => g.id === subject);
    return !goal || !view.plan || goalOwner(view.plan, goal) === partnerId;
  }
  if (repeat !== 'per_action') return true;
  const action = view.plan?.actions.find((a) => a.id === subject);
  return !action || action.owner === partnerId;
}

const REPEAT_HINT: Record<string, string> = {
  per_person: 'per persoon (code)',
  per_action: 'per actie',
  per_goal: 'per doel',
  per_own_goal: 'per eigen doel',
  per_criterion: 'per afschaalcriterium',
};

export function buildStepTab(view: CaseView, step: StepId, index: AnswerIndex): SheetTable {
  const forms = view.forms.filter((f) => f.step === step);
  const partnerIds = orderPartners(
    view,
    forms.map((f) => f.partnerId),
  );
  const partners = new Map(view.partners.map((p) => [p.id, p]));
  const width = 3 + partnerIds.length + 1;
  const t = new TableBuilder(width);

  t.add([textCell(stepTitle(view, step))], { bold: true });
  t.add(
    [
      'Vraag-id',
      'Vraag',
      'Onderwerp',
      ...partnerIds.map((id) => textCell(partnerName(view, id))),
      'Laatst ontvangen',
    ],
    {
      bold: true,
      background: COLORS.header,
    },
  );

  const rounds = [...new Set(forms.map((f) => f.round))].sort((a, b) => b - a);
  const stepAnswers = view.answers.filter((a) => a.step === step);
  for (const round of rounds) {
    const roundForms = forms.filter((f) => f.round === round);
    const inRound = new Set(roundForms.map((f) => f.partnerId));
    const started = Math.min(...roundForms.map((f) => f.sentAt ?? f.createdAt));
    t.add([`Ronde ${round}`, textCell(`formulieren verstuurd op ${nlDay(started, view.timeZone)}`)], {
      bold: true,
      background: COLORS.round,
    });

    const roundAnswers = stepAnswers.filter((a) => a.round === round);
    // Answers per question, looked up per row below (not filtered again for every row).
    const byQuestion = new Map<string, typeof roundAnswers>();
    for (const a of roundAnswers) {
      const list = byQuestion.get(a.questionId);
      if (list) list.push(a);
      else byQuestion.set(a.questionId, [a]);
    }
    const questions = questionsOf(view, step).filter((q) =>
      partnerIds.some((id) => inRound.has(id) && asks(view, q, partners.get(id))),
    );
    const known = new Set(questions.map((q) => q.id));
    const extra = [...new Set(roundAnswers.map((a) => a.questionId))].filter((id) => !known.has(id));

    const rows: { id: string; title: string; question?: Question }[] = [
      ...questions.map((q) => ({ id: q.id, title: q.title, question: q })),
      ...extra.map((id) => ({ id, title: '(vraag staat niet meer in de vragenlijst)' })),
    ];
    for (const row of rows) {
      const repeat = row.question?.repeat ?? 'once';
      const answered = byQuestion.get(row.id) ?? [];
      // Whether each partner gets this question at all: the same for every subject of the row.
      const asked = partnerIds.map(
        (id) => inRound.has(id) && (!row.question || asks(view, row.question, partners.get(id))),
      );
      const subjects: (string | undefined)[] =
        repeat === 'once' && answered.every((a) => a.subject === undefined)
          ? [undefined]
          : sortSubjects(view, [...expectedSubjects(view, repeat), ...answered.map((a) => a.subject ?? '')]);
      if (subjects.length === 0) subjects.push(undefined);
      for (const subject of subjects) {
        const cells: Cell[] = [];
        const backgrounds: (string | null)[] = [null, null, null];
        // Latest submission time, not an edit marker: the forms keep no older versions, so
        // a view built from them must not depend on the ledger's version history.
        let latest = 0;
        for (let k = 0; k < partnerIds.length; k++) {
          const id = partnerIds[k]!;
          const applies = asked[k]! && asksAbout(view, repeat, id, subject);
          const records = index.get(step, round, id, row.id, subject || undefined);
          for (const r of records) latest = Math.max(latest, r.submittedAt);
          cells.push(records.length > 0 ? textCell(joinAnswers(records)) : '');
          backgrounds.push(applies || records.length > 0 ? null : COLORS.grey);
        }
        const subjectCell: Cell =
          subject === undefined ? (REPEAT_HINT[repeat] ?? '') : textCell(subject === '' ? '(geen)' : subject);
        t.add(
          [
            textCell(row.id),
            textCell(row.title),
            subjectCell,
            ...cells,
            latest > 0 ? textCell(nlDateTime(latest, view.timeZone)) : '',
          ],
          { background: [...backgrounds, null] },
        );
      }
    }
    if (rows.length === 0) t.add(['', 'Geen vragen voor deze ronde.']);
  }

  return t.build(stepTab(step), {
    frozenRows: 2,
    frozenColumns: 2,
    columnWidths: [120, 340, 110, ...partnerIds.map(() => 260), 180],
  });
}
