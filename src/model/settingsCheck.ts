/**
 * "Instellingen controleren": every problem of the register's settings tabs (Instellingen,
 * Partners, Vragen) and of a case's Plan van aanpak, each with the tab and cell it is about.
 * The existing readers are reused; this module gathers what they report instead of stopping at
 * the first tab that is wrong. Pure.
 */
import { CATALOG } from './catalog';
import { PLAN_SHEET } from './planSheet';
import { parseQuestionRows, QUESTIONS_SHEET } from './questionsSheet';
import {
  PARTNERS_SHEET,
  parsePartnerRows,
  parseSettingsRows,
  SETTINGS_SHEET,
  unfilledSettings,
} from './schemas';

export interface SettingsProblem {
  /** The tab, e.g. `Partners`. */
  tab: string;
  /** The cell (`F7`), the header row (`rij 1`) or '' when the problem is about the tab as a whole. */
  cell: string;
  /** What is wrong, in Dutch, without the place. */
  message: string;
  /** The case code, for a Plan van aanpak. */
  caseCode?: string;
}

type Rows = readonly (readonly unknown[])[];

/**
 * A located message of the readers (`Partners!F7: ...`, `Partners rij 1: ...`, `Partners: ...`)
 * as a problem; a line that names no tab is about `fallbackTab`.
 */
export function problemFromLine(line: string, fallbackTab: string): SettingsProblem {
  const m = /^([^!:\n]+?)(?:!([A-Z]+\d+)| (rij \d+))?: ([\s\S]*)$/.exec(line);
  if (!m) return { tab: fallbackTab, cell: '', message: line };
  const tab = m[1]!;
  if (![SETTINGS_SHEET, PARTNERS_SHEET, QUESTIONS_SHEET, PLAN_SHEET].includes(tab))
    return { tab: fallbackTab, cell: '', message: line };
  return { tab, cell: m[2] ?? m[3] ?? '', message: m[4]! };
}

const missingTab = (tab: string): SettingsProblem => ({
  tab,
  cell: '',
  message: `het tabblad ontbreekt; kies "Register inrichten" in het menu`,
});

/** All problems of the register's tabs (null: the tab does not exist). */
export function checkRegisterRows(tabs: {
  settings: Rows | null;
  partners: Rows | null;
  questions: Rows | null;
}): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const add = (tab: string, lines: readonly string[]) => {
    for (const l of lines) out.push(problemFromLine(l, tab));
  };
  if (!tabs.settings) out.push(missingTab(SETTINGS_SHEET));
  else {
    const todo = unfilledSettings(tabs.settings);
    add(SETTINGS_SHEET, todo);
    const r = parseSettingsRows(tabs.settings);
    // A template value is reported once, as "vul in", not again as an invalid value.
    const filled = new Set(todo.map((l) => l.slice(0, l.indexOf(':'))));
    if (!r.ok)
      add(
        SETTINGS_SHEET,
        r.errors.filter((l) => !filled.has(l.slice(0, l.indexOf(':')))),
      );
  }
  if (!tabs.partners) out.push(missingTab(PARTNERS_SHEET));
  else {
    const r = parsePartnerRows(tabs.partners);
    if (!r.ok) add(PARTNERS_SHEET, r.errors);
    else if (!r.value.some((p) => p.active))
      out.push({ tab: PARTNERS_SHEET, cell: '', message: 'er staat nog geen actieve partner in de lijst' });
  }
  // An absent Vragen tab is allowed: the national list applies unchanged.
  if (tabs.questions && tabs.questions.length >= 2) {
    const r = parseQuestionRows(tabs.questions, CATALOG);
    if (!r.ok) add(QUESTIONS_SHEET, r.errors);
  }
  return out;
}

/** Problems of one case's Plan van aanpak, as its reader reported them. */
export function planProblems(caseCode: string, errors: readonly string[]): SettingsProblem[] {
  return errors.map((l) => ({ ...problemFromLine(l, PLAN_SHEET), caseCode }));
}

/** One line per problem: `Partners!F7: ...`, `Plan van aanpak (JGA-2026-001)!H5: ...`. */
export function problemText(p: SettingsProblem): string {
  const tab = p.caseCode ? `${p.tab} (${p.caseCode})` : p.tab;
  const where = p.cell === '' ? tab : p.cell.startsWith('rij') ? `${tab} ${p.cell}` : `${tab}!${p.cell}`;
  return `${where}: ${p.message}`;
}
