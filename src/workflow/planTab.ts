/**
 * The `Plan van aanpak` tab in the case spreadsheet: the one tab the coordinator edits. The
 * workflow reads it when a decision fixes or adjusts the plan, and writes the fixed version
 * back so the tab always starts from the plan in force.
 */
import { PLAN_SHEET, type PlanParse, parsePlanRows, planToRows } from '../model/planSheet';
import type { Plan } from '../model/types';
import { readTable, writeEditableTab } from '../workspace/tables';
import { tabValues } from '../workspace/tabs';
import type { CaseHandle } from './context';
import { PERSONS } from './records';

export function writePlanTab(h: CaseHandle, plan: Pick<Plan, 'goals' | 'actions'> | null): void {
  // Row 1 explains, row 2 is the header.
  writeEditableTab(h.ss, PLAN_SHEET, planToRows(plan), 2);
}

export function readPlanTab(h: CaseHandle, version: number): PlanParse {
  const rows = tabValues(h.ss, PLAN_SHEET);
  if (!rows) return { ok: false, errors: [`De tab ${PLAN_SHEET} ontbreekt in de casusspreadsheet.`] };
  return parsePlanRows(rows, {
    partners: h.reg.partners.map((p) => p.id),
    persons: readTable(h.ss, PERSONS).map((p) => String(p.code)),
    version,
    timeZone: 'Europe/Amsterdam',
  });
}
