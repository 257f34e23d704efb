/**
 * The dashboard in the register's sidebar and the entry points its page calls through
 * google.script.run. The page is a pure HTML string (render/html/sidebar.ts) turned into an
 * HtmlOutput (reference/html/html-service#createHtmlOutput(String)) and shown with
 * `Ui.showSidebar` (reference/base/ui#showSidebar(Object)).
 *
 * Opening on open: a simple `onOpen` trigger may not use services that need authorisation
 * (guides/triggers#restrictions), and showing a sidebar needs the `script.container.ui` scope;
 * so the dashboard opens from an installable on-open trigger for the register
 * (guides/triggers/installable, `ScriptApp.newTrigger(..).forSpreadsheet(..).onOpen()`), which
 * runs with the authorisation of the coordinator who installed it. It is installed together
 * with the dispatcher trigger ("Automatisch bijwerken aanzetten").
 */
import type { EntryPoint } from '../entrypoints';
import * as z from '../model/zod';
import { SIDEBAR_TITLE, sidebarPage } from '../render/html/sidebar';
import { CASE_ACTIONS, type CaseAction, runCaseAction } from '../workflow/caseActions';
import { listCases, openCase, openRegister, type Register } from '../workflow/context';
import { caseDashboard, caseSummaries, type DashboardData } from '../workflow/dashboard';
import { withTableCache } from '../workspace/tables';
import { showDecisionDialog } from './dialogs';
import { refusal, type UiResult, uiGuarded } from './result';

/** The handler of the installable on-open trigger (an entry point). */
export const OPEN_HANDLER: EntryPoint = 'openDashboardOnOpen';

/** Shows the dashboard in the sidebar of the register. */
export function showDashboard(): void {
  const out = HtmlService.createHtmlOutput(sidebarPage()).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(out);
}

/**
 * Installs the on-open trigger for the register once; returns whether it was new. Called from
 * "Automatisch bijwerken aanzetten" with the dispatcher trigger.
 */
export function ensureOpenTrigger(): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === OPEN_HANDLER);
  if (exists) return false;
  ScriptApp.newTrigger(OPEN_HANDLER).forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create();
  return true;
}

/** Case codes are short; anything longer is not a code (and is not echoed back in full). */
const CodeSchema = z.string().trim().min(1, 'Kies eerst een casus.').max(40, 'Dit is geen casuscode.');

function dashboardData(reg: Register, code: string | null): DashboardData {
  const cases = caseSummaries(reg);
  const wanted = code?.toUpperCase() ?? null;
  const pick =
    cases.find((c) => c.code.toUpperCase() === wanted) ?? cases.find((c) => c.status === 'open') ?? cases[0];
  if (!pick) return { cases, selected: null };
  return { cases, selected: caseDashboard(openCase(reg, pick.code)) };
}

/**
 * google.script.run.uiDashboard(code?): the list of cases and the dashboard of the chosen one
 * (the first open case when none is chosen or the code is unknown). Reads only: no lock.
 */
export function uiDashboard(code?: unknown): UiResult<DashboardData> {
  return uiGuarded(() => {
    const parsed = z.union([CodeSchema, z.null(), z.undefined()]).safeParse(code);
    if (!parsed.success) return refusal({ code: 'Dit is geen casuscode.' });
    const data = withTableCache(() => dashboardData(openRegister(), parsed.data ?? null));
    return { ok: true, message: '', ...data };
  });
}

/** The kinds the dashboard's buttons send: the shared case actions and the decision. */
export const UI_ACTIONS = [...CASE_ACTIONS, 'recordDecision'] as const;
export type UiAction = (typeof UI_ACTIONS)[number];

const ActionInput = z.object({ code: CodeSchema, kind: z.string().max(40) });

/** The decision is recorded in its own dialog (ui/dialogs.ts); the dashboard only opens it. */
function openDecisionDialog(code: string): { message: string } {
  showDecisionDialog(code);
  return {
    message: `Het venster "Besluit vastleggen" voor ${code} is geopend. Vernieuw het dashboard nadat het besluit is vastgelegd.`,
  };
}

/**
 * google.script.run.uiRunAction({code, kind}): runs one action on one case, the same workflow
 * functions as the menu, under the script lock. Returns the message and the dashboard after it.
 */
export function uiRunAction(input: unknown): UiResult<{ url?: string; dashboard: DashboardData }> {
  return uiGuarded(() => {
    const parsed = ActionInput.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'actie');
        errors[field] ??= field === 'code' ? issue.message : 'Onbekende actie.';
      }
      return refusal(errors, Object.values(errors).join(' '));
    }
    const { code, kind } = parsed.data;
    if (!(UI_ACTIONS as readonly string[]).includes(kind)) {
      const message = `Onbekende actie "${kind.slice(0, 40)}". Kies een knop in het dashboard.`;
      return refusal({ kind: message }, message);
    }
    const reg = openRegister();
    const known = listCases(reg).find((c) => c.code.toUpperCase() === code.toUpperCase());
    if (!known) {
      const message = `Casus ${code} bestaat niet in het register (tab Casussen).`;
      return refusal({ code: message }, message);
    }
    const action = kind as UiAction;
    const outcome =
      action === 'recordDecision'
        ? openDecisionDialog(known.code)
        : runCaseAction(reg, known.code, action as CaseAction);
    const dashboard = withTableCache(() => dashboardData(openRegister(), known.code));
    return { ok: true, ...outcome, dashboard };
  });
}
