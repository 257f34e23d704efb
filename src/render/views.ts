/**
 * The view tabs of the case spreadsheet, rebuilt from the read model on every run:
 * `Overzicht`, `Formulieren` (the form registry), one `Stap …` tab per step with forms, `Personen`, `Acties`, `Besluiten`,
 * `Logboek` (in that order). Pure: the same CaseView gives the same tables.
 *
 * Everything that came from a person (answers, organisation names, motivations, action texts)
 * is a `{ text }` cell, so the sheet writer stores it as text and never as a formula.
 */
import type { CaseView } from './caseView';
import type { SheetTable } from './sheetTable';
import { AnswerIndex } from './views-common';
import { buildForms } from './views-forms';
import { buildOverview } from './views-overview';
import { buildActions, buildDecisions, buildLog, buildPersons } from './views-records';
import { buildStepTab, stepsWithForms } from './views-steps';

export { FORMS_TAB } from './views-forms';
export { OVERVIEW_TAB } from './views-overview';
export { ACTIONS_TAB, DECISIONS_TAB, LOG_TAB, PERSONS_TAB } from './views-records';

export function buildViews(view: CaseView): SheetTable[] {
  const index = new AnswerIndex(view.answers);
  return [
    buildOverview(view),
    buildForms(view),
    ...stepsWithForms(view).map((step) => buildStepTab(view, step, index)),
    buildPersons(view),
    buildActions(view),
    buildDecisions(view),
    buildLog(view),
  ];
}
