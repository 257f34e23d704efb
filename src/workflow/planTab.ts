/**
 * The `Plan van aanpak` tab in the case spreadsheet: the one tab the coordinator edits. The
 * workflow reads it when a decision fixes or adjusts the plan, and writes the fixed version
 * back so the tab always starts from the plan in force. An empty nulmeting is taken from the
 * duiding when the goal's indicator names a duiding item (model/planBaseline.ts).
 */

import { placeRules, planListRules } from '../model/dropdowns';
import { cellsWithNames } from '../model/names';
import { baselineFromDuiding, duidingItemScores } from '../model/planBaseline';
import {
  type BaselineSuggestion,
  PLAN_SHEET,
  type PlanParse,
  parsePlanRows,
  planToRows,
} from '../model/planSheet';
import type { Plan, PlanDraft } from '../model/types';
import { readTable, writeEditableTab } from '../workspace/tables';
import { tabValues } from '../workspace/tabs';
import { setListValidations } from '../workspace/validation';
import { answersFrom, latestAnswers } from './assemble';
import type { CaseHandle } from './context';
import { caseNames } from './nameGuard';
import { ANSWERS, PERSONS } from './records';

export function writePlanTab(h: CaseHandle, plan: PlanDraft | Plan | null): void {
  // Row 1 explains, row 2 is the header.
  const rows = planToRows(plan);
  const sh = writeEditableTab(h.ss, PLAN_SHEET, rows, 2);
  // Spoor and Eigenaar as drop-down lists (the partner keys of the register as they are now);
  // planToRows always gives the header as the second row.
  setListValidations(sh, 2, placeRules(rows[1]!, planListRules(h.reg.partners.map((p) => p.id))));
}

export function readPlanTab(h: CaseHandle, version: number): PlanParse {
  const rows = tabValues(h.ss, PLAN_SHEET);
  if (!rows) return { ok: false, errors: [`De tab ${PLAN_SHEET} ontbreekt in de casusspreadsheet.`] };
  // The plan goes to partners' forms and every document: no name from the namenlijst in it.
  const names = caseNames(h);
  const withNames = names.any ? cellsWithNames(rows, PLAN_SHEET, names.matcher) : [];
  if (withNames.length) return { ok: false, errors: withNames };
  // The answers are read only when a nulmeting is left empty.
  let lookup: ((indicator: string) => BaselineSuggestion | null) | null = null;
  const baselineFor = (indicator: string) => {
    lookup ??= baselineFromDuiding(
      duidingItemScores(h.reg.catalog, latestAnswers(answersFrom(readTable(h.ss, ANSWERS)))),
    );
    return lookup(indicator);
  };
  return parsePlanRows(rows, {
    partners: h.reg.partners.map((p) => p.id),
    persons: readTable(h.ss, PERSONS).map((p) => p.code),
    version,
    timeZone: 'Europe/Amsterdam',
    baselineFor,
  });
}
