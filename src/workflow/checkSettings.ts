/**
 * "Instellingen controleren": reads the register's settings tabs and the Plan van aanpak of the
 * cases whose plan is being written or adjusted (steps 5 and 6), and lists every problem by cell.
 * Nothing is written.
 */
import { PLAN_SHEET } from '../model/planSheet';
import { QUESTIONS_SHEET } from '../model/questionsSheet';
import { PARTNERS_SHEET, SETTINGS_SHEET } from '../model/schemas';
import { checkRegisterRows, planProblems, type SettingsProblem } from '../model/settingsCheck';
import type { StepId } from '../model/types';
import type { Book } from '../workspace/spreadsheets';
import { hasTab, tabValues } from '../workspace/tabs';
import { listCases, openCaseRow, openRegister } from './context';
import { readPlanTab } from './planTab';

/** Steps in which the coordinator writes (5) or adjusts (6) the plan. */
const PLAN_STEPS: readonly StepId[] = ['5', '6'];

export interface SettingsCheck {
  problems: SettingsProblem[];
  /** What could not be checked, in Dutch. */
  notes: string[];
  /** Case codes whose Plan van aanpak was checked. */
  plansChecked: string[];
}

export function checkSettings(ss: Book): SettingsCheck {
  const problems = checkRegisterRows({
    settings: tabValues(ss, SETTINGS_SHEET),
    partners: tabValues(ss, PARTNERS_SHEET),
    questions: tabValues(ss, QUESTIONS_SHEET),
  });
  const notes: string[] = [];
  const plansChecked: string[] = [];
  if (problems.length > 0) {
    notes.push('De plannen van aanpak van de casussen worden gecontroleerd zodra het register klopt.');
    return { problems, notes, plansChecked };
  }
  const reg = openRegister(ss);
  for (const row of listCases(reg)) {
    if (row.status !== 'open' || !PLAN_STEPS.includes(row.step)) continue;
    const h = openCaseRow(reg, row);
    if (!hasTab(h.ss, PLAN_SHEET)) continue;
    plansChecked.push(row.code);
    const r = readPlanTab(h, 0);
    if (!r.ok) problems.push(...planProblems(row.code, r.errors));
  }
  return { problems, notes, plansChecked };
}
