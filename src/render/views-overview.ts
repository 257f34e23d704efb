/**
 * The `Overzicht` tab: the case at a glance (where it stands, how each step went), the
 * partner × step status matrix and the list of forms past their deadline.
 */

import type { NextAction } from '../model/nextActions';
import { partnerQuestions } from '../model/partnerQuestions';
import { partnersForStep } from '../model/partners';
import { outcomeLabel } from '../model/steps';
import type { StepId } from '../model/types';
import { STEP_IDS } from '../model/types';
import type { CaseView, FormRecord } from './caseView';
import type { SheetTable } from './sheetTable';
import { COLORS, TableBuilder, textCell } from './sheetTable';
import {
  formStatus,
  nlDate,
  nlDateTime,
  nlDay,
  orderPartners,
  partnerName,
  routeLabel,
  stepName,
  stepOrder,
  stepTab,
  stepTitle,
} from './views-common';

export const OVERVIEW_TAB = 'Overzicht';

export type StepProgress = 'afgerond' | 'actief' | 'nog niet' | 'overgeslagen';

const PROGRESS_COLOR: Record<StepProgress, string> = {
  afgerond: COLORS.green,
  actief: COLORS.amber,
  'nog niet': COLORS.grey,
  overgeslagen: COLORS.grey,
};

function roundsRun(view: CaseView, step: StepId): number {
  const fromForms = view.forms.filter((f) => f.step === step).map((f) => f.round);
  return Math.max(view.state.rounds[step] ?? 0, 0, ...fromForms);
}

/** Where a step stands: the current step of an open case is active; a step never run is skipped. */
export function stepProgress(view: CaseView, step: StepId): StepProgress {
  const { state } = view;
  if (state.status === 'open' && step === state.step) return 'actief';
  const ran = roundsRun(view, step) > 0 || state.decisions.some((d) => d.step === step);
  if (ran) return 'afgerond';
  if (state.status === 'gesloten' || stepOrder(step) < stepOrder(state.step)) return 'overgeslagen';
  return 'nog niet';
}

/**
 * The form shown for a partner in a step: one of the latest round — an unanswered one when
 * there is one (a supplementary form may be answered while the main one is not, or the other
 * way round), else the newest.
 */
export function latestForm(view: CaseView, partnerId: string, step: StepId): FormRecord | undefined {
  const own = view.forms.filter((f) => f.partnerId === partnerId && f.step === step);
  if (own.length === 0) return undefined;
  const round = Math.max(...own.map((f) => f.round));
  const inRound = own.filter((f) => f.round === round).sort((a, b) => a.createdAt - b.createdAt);
  return inRound.find((f) => f.responseCount === 0 && f.status !== 'gesloten') ?? inRound[inRound.length - 1];
}

/**
 * How far the start of the current step is: forms made (one per partner) of how many partners
 * get one. Null when the step has not been started (or the case is closed).
 */
export function startProgress(view: CaseView): { made: number; total: number } | null {
  const { state } = view;
  if (state.status !== 'open') return null;
  const made = new Set(
    view.forms.filter((f) => f.step === state.step && f.round === state.round).map((f) => f.partnerId),
  ).size;
  if (made === 0) return null;
  const total = partnersForStep(view.partners, state.step).filter(
    (p) => partnerQuestions(view.catalog, p, state.step, state.personDataAllowed).length > 0,
  ).length;
  return { made, total };
}

/**
 * Whether the partner gets a form in this step when it runs: active, listed for the step and
 * with at least one question (person-level questions count from 2B on, when they are allowed).
 */
export function willBeAsked(view: CaseView, partnerId: string, step: StepId): boolean {
  const partner = partnersForStep(view.partners, step).find((p) => p.id === partnerId);
  if (!partner) return false;
  const personData = view.state.personDataAllowed || stepOrder(step) >= stepOrder('2B');
  return partnerQuestions(view.catalog, partner, step, personData).length > 0;
}

/**
 * A matrix cell without a form: "volgt" for a partner who will be asked when the step runs
 * (a step still to come, or the running step whose forms are still being made); "n.v.t." for a
 * partner never asked in that step (not listed, no questions, or a step that was skipped).
 */
export function withoutForm(
  view: CaseView,
  partnerId: string,
  step: StepId,
): { text: string; color: string } {
  const progress = stepProgress(view, step);
  const ahead = progress === 'nog niet' || (progress === 'actief' && step === view.state.step);
  if (ahead && willBeAsked(view, partnerId, step)) return { text: 'volgt', color: COLORS.planned };
  return { text: 'n.v.t.', color: COLORS.grey };
}

/** What the words in the partner × step matrix mean (one line under it). */
export const MATRIX_LEGEND =
  'volgt: wordt gevraagd zodra de stap loopt · n.v.t.: wordt in deze stap niet gevraagd · gemist: formulier gesloten zonder antwoord';

/**
 * The "Volgende stap" row: the first next sensible action and why; when there is none, what the
 * case is waiting for.
 */
export function nextStepText(view: CaseView, next: readonly NextAction[]): string {
  const first = next[0];
  if (first) return `${first.label}: ${first.reason}`;
  if (view.state.status !== 'open') return 'Geen: de casus is gesloten.';
  return 'Nu niets te doen: de partners hebben nog tijd om te antwoorden.';
}

function caseStatusText(view: CaseView): string {
  const { state } = view;
  if (state.status === 'open') return 'open';
  const route = routeLabel(state.closedRoutes);
  return route ? `gesloten (vervolg: ${route})` : 'gesloten';
}

export function buildOverview(view: CaseView): SheetTable {
  const t = new TableBuilder(STEP_IDS.length + 1);
  const { state } = view;
  const header = { bold: true, background: COLORS.header };

  t.add(['Casusoverzicht', textCell(view.code)], { bold: true });
  t.add(['Gemeente', textCell(view.settings.gemeente)]);
  t.add(['Status', caseStatusText(view)]);
  t.add(['Huidige stap', textCell(stepTitle(view, state.step))]);
  t.add(['Ronde', state.round]);
  if (view.next) t.add(['Volgende stap', textCell(nextStepText(view, view.next))], { bold: true });
  const progress = startProgress(view);
  if (progress && progress.made < progress.total) {
    t.add([
      'Formulieren',
      textCell(
        `${progress.made} van ${progress.total} formulieren gemaakt; de rest volgt bij de volgende automatische bijwerking`,
      ),
    ]);
  }
  t.add(['Geopend op', textCell(nlDate(view.openedOn))]);
  t.add(['Stand van', textCell(nlDateTime(view.now, view.timeZone))]);
  t.blank();

  t.add(['Verloop per stap'], { bold: true });
  t.add(['Stap', 'Naam', 'Status', 'Rondes', 'Laatste besluit', 'Datum besluit'], header);
  for (const step of STEP_IDS) {
    const progress = stepProgress(view, step);
    const last = [...state.decisions].reverse().find((d) => d.step === step);
    t.add(
      [
        stepTab(step),
        textCell(stepName(view, step)),
        progress,
        roundsRun(view, step),
        last ? textCell(outcomeLabel(step, last.outcome)) : '',
        last ? textCell(nlDate(last.date)) : '',
      ],
      { background: [null, null, PROGRESS_COLOR[progress]] },
    );
  }
  t.blank();

  t.add(['Partners per stap'], { bold: true });
  t.add(['Partner', ...STEP_IDS.map(stepTab)], header);
  const partnerIds = orderPartners(view, [
    ...view.partners.filter((p) => p.active).map((p) => p.id),
    ...view.forms.map((f) => f.partnerId),
  ]);
  for (const id of partnerIds) {
    const cells = STEP_IDS.map((step) => {
      const form = latestForm(view, id, step);
      return form ? formStatus(view, form) : withoutForm(view, id, step);
    });
    t.add([textCell(partnerName(view, id)), ...cells.map((c) => textCell(c.text))], {
      background: [null, ...cells.map((c) => c.color)],
    });
  }
  if (partnerIds.length === 0) t.add(['Nog geen partners in de partnerlijst.']);
  else t.add([textCell(MATRIX_LEGEND)], { fontColors: [COLORS.greyText] });
  t.blank();

  t.add(['Escalaties: formulieren over de deadline zonder antwoord'], { bold: true });
  t.add(
    ['Partner', 'Stap', 'Ronde', 'Deadline', 'Werkdagen te laat', 'Herinneringen', 'Laatste herinnering'],
    header,
  );
  const overdue = view.forms
    .map((form) => ({ form, status: formStatus(view, form) }))
    .filter((x) => x.status.overdue)
    .sort((a, b) => b.status.late - a.status.late || stepOrder(a.form.step) - stepOrder(b.form.step));
  for (const { form, status } of overdue) {
    const lastReminder = form.reminders.length > 0 ? Math.max(...form.reminders) : undefined;
    t.add(
      [
        textCell(partnerName(view, form.partnerId)),
        stepTab(form.step),
        form.round,
        textCell(nlDate(form.deadline)),
        status.late,
        form.reminders.length,
        lastReminder === undefined ? '' : textCell(nlDay(lastReminder, view.timeZone)),
      ],
      { background: COLORS.red },
    );
  }
  if (overdue.length === 0) t.add(['Geen formulieren over de deadline.']);

  // Answers set apart (an unknown form in the case folder, a question added by hand).
  if (view.quarantined > 0) {
    t.blank();
    t.add(
      [
        textCell(
          `Quarantaine: ${view.quarantined} antwoord(en) konden aan geen partner of vraag worden gekoppeld en zijn apart gezet (verborgen tab _quarantaine). Bekijk ze en neem zo nodig contact op met de partner.`,
        ),
      ],
      { bold: true, background: COLORS.amber },
    );
  }

  return t.build(OVERVIEW_TAB, {
    frozenRows: 1,
    columnWidths: [200, 230, 150, 150, 170, 150, 150, 150, 150],
    tabColor: '#3c78d8',
  });
}
