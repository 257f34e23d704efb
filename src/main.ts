/**
 * The Apps Script face: exports exactly the functions listed in src/entrypoints.ts and
 * nothing else. Loading this bundle calls no service; every function does its work only
 * when Apps Script calls it.
 */
import { BUSY_HOURS, dispatchRunWorks } from './model/dispatchSchedule';
import { problemText } from './model/settingsCheck';
import { settingsCheckSummary, settingsCheckText } from './render/settingsCheck';
import { ensureOpenTrigger, showDashboard } from './ui/cockpit';
import { showDecisionDialog, showNewCaseDialog } from './ui/dialogs';
import { addMenu, DISPATCH_EVERY_MINUTES, DISPATCH_HANDLER } from './ui/menu';
import { type UiResult, uiGuarded } from './ui/result';
import { requireCoordinator } from './workflow/access';
import { type CaseAction, runCaseAction } from './workflow/caseActions';
import { checkSettings } from './workflow/checkSettings';
import { openCase, openRegister, registerSpreadsheet, UserError } from './workflow/context';
import { recordCorrections } from './workflow/corrections';
import { dispatchWithDigest } from './workflow/digest';
import { withLock } from './workflow/lock';
import { ensureOwnRegister } from './workflow/ownRegister';
import { setupRegister } from './workflow/registerTabs';
import { exportPerson, removePerson } from './workflow/rights';
import { runSelftest, selftestText } from './workflow/selftest';
import { progressText } from './workflow/startStep';
import { nowMs } from './workspace/clock';
import { dailyQuotaNotice, errorMessage } from './workspace/errors';
import { fileUrl, parentFolderId } from './workspace/files';
import { activeUserEmail } from './workspace/session';
import { withActiveSpreadsheet } from './workspace/spreadsheets';

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/**
 * Runs a menu action. A UserError becomes a Dutch alert; any other error (a Google service
 * failing, a quota) is logged for the administrator and explained in Dutch: every action can
 * safely be run again, it finishes what was left and does nothing twice.
 */
function guarded(action: () => string): void {
  // One handle of the register for the whole action (workspace/spreadsheets.ts).
  withActiveSpreadsheet(() => guardedRun(action));
}

function guardedRun(action: () => string): void {
  let message: string;
  // A register made with Bestand → Kopie maken sets itself up first (workflow/ownRegister).
  let notice: string | null = null;
  try {
    // Only a configured coordinator (or the register's owner) acts on cases (workflow/access).
    requireCoordinator();
    notice = ensureOwnRegister();
    message = action();
  } catch (e) {
    if (e instanceof UserError) {
      message = e.message;
    } else {
      console.error(e);
      const detail = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
      message =
        dailyQuotaNotice(e) ??
        `Er ging iets mis: ${detail}\nWat al klaar was, blijft bewaard en wordt niet opnieuw gedaan. Probeer het over een paar minuten opnieuw; de actie maakt dan af wat nog ontbrak. Blijft dit gebeuren, geef de melding dan door aan de beheerder.`;
    }
  }
  if (notice) message = message ? `${notice}\n\n${message}` : notice;
  if (message) ui().alert(message);
}

function askCode(): string | null {
  const r = ui().prompt(
    'Casuscode',
    'Voor welke casus? Bijvoorbeeld JGA-2026-001.',
    ui().ButtonSet.OK_CANCEL,
  );
  if (r.getSelectedButton() !== ui().Button.OK) return null;
  return r.getResponseText().trim();
}

export function onOpen(_e?: unknown): void {
  addMenu(ui());
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Menu "Dashboard openen": the sidebar with the cases, their state and the next actions. */
export function menuDashboard(): void {
  guarded(() => {
    showDashboard();
    return '';
  });
}

/**
 * The installable on-open trigger (ui/cockpit.ts explains why not the simple onOpen): the
 * dashboard opens with the register. A failure only goes to the execution log; the menu works.
 */
export function openDashboardOnOpen(_e?: unknown): void {
  try {
    showDashboard();
  } catch (e) {
    console.error(`Dashboard niet geopend: ${errorMessage(e)}`);
  }
}

export { uiDashboard, uiRunAction } from './ui/cockpit';

export function menuSetup(): void {
  guarded(() => {
    setupRegister(SpreadsheetApp.getActiveSpreadsheet());
    return 'Het register is ingericht. Vul de tabs Instellingen en Partners in en open daarna een casus.';
  });
}

export { uiDecisionForm, uiNewCase, uiRecordDecision } from './ui/dialogs';

export function menuNewCase(): void {
  guarded(() => {
    showNewCaseDialog();
    return '';
  });
}

/**
 * A menu item that acts on one case: asks the code, then runs the same action as the
 * dashboard's button (workflow/caseActions.ts), with the same message.
 */
function menuCaseAction(action: CaseAction): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    // While the forms are made, a toast in the register says how far it is (every fifth form).
    const onProgress = (made: number, total: number) => {
      if (made % 5 === 0)
        SpreadsheetApp.getActiveSpreadsheet()?.toast(progressText(made, total), 'Stap starten');
    };
    const r = runCaseAction(openRegister(), code, action, action === 'startStep' ? { onProgress } : {});
    return r.url ? `${r.message}\n${r.url}` : r.message;
  });
}

export function menuStartStep(): void {
  menuCaseAction('startStep');
}

export function menuRefresh(): void {
  menuCaseAction('refresh');
}

export function menuRecordDecision(): void {
  guarded(() => {
    // One dialog with a case picker (the only open case is chosen already): no typed code.
    showDecisionDialog();
    return '';
  });
}

export function menuNamesList(): void {
  menuCaseAction('namesList');
}

export function menuLetters(): void {
  menuCaseAction('letters');
}

/** Menu: makes the forms of the running step deleted by hand again (workflow/replaceForm.ts). */
export function menuReplaceForms(): void {
  menuCaseAction('replaceForms');
}

export function menuResendMail(): void {
  menuCaseAction('resendMail');
}

export function menuBuildOverview(): void {
  menuCaseAction('publish');
}

export function menuExportPdf(): void {
  menuCaseAction('exportPdf');
}

/** Asks the person code; null when cancelled. The answer is checked by workflow/rights.ts, never echoed. */
function askPersonCode(what: string): string | null {
  const r = ui().prompt(
    'Persoonscode',
    `${what} Typ de persoonscode uit kolom Code van de namenlijst, bijvoorbeeld P-7F3K (nooit een naam).`,
    ui().ButtonSet.OK_CANCEL,
  );
  if (r.getSelectedButton() !== ui().Button.OK) return null;
  return r.getResponseText();
}

/** Menu: art. 15 export of one person into the folder of the namenlijst (workflow/rights.ts). */
export function menuPersonExport(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const person = askPersonCode('Van wie maakt u een inzage-export?');
    if (person === null) return '';
    const out = withLock(() => exportPerson(openCase(openRegister(), code), person));
    return `De inzage-export "${out.name}" staat in de map van de namenlijst (alleen voor u toegankelijk).\n${fileUrl(out.fileId)}`;
  });
}

/** Menu: records the new rows of the case's tab Correcties (workflow/corrections.ts). */
export function menuCorrections(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const by = activeUserEmail();
    return withLock(() => recordCorrections(openCase(openRegister(), code), by)).message;
  });
}

/** Menu: removes one person everywhere, after a confirmation (workflow/rights.ts). */
export function menuRemovePerson(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const person = askPersonCode('Wie verwijdert u uit de casus?');
    if (person === null) return '';
    const sure = ui().alert(
      'Persoon verwijderen',
      'Eerst komt er een afsluitbrief voor de persoon in de beperkte map; daarna verdwijnt de persoon uit de namenlijst, de antwoorden, de weergaven en de documenten. Dit kan niet ongedaan worden gemaakt. Doorgaan?',
      ui().ButtonSet.YES_NO,
    );
    if (sure !== ui().Button.YES) return 'Niets verwijderd.';
    return withLock(() => removePerson(openCase(openRegister(), code), person)).message;
  });
}

export function menuCheckSettings(): void {
  guarded(() => settingsCheckText(checkSettings(registerSpreadsheet())));
}

/** One problem of "Instellingen controleren" for the sidebar: where, and what is wrong. */
export interface SettingsProblemJson {
  tab: string;
  cell: string;
  caseCode: string;
  message: string;
  /** `Partners!F7: ...`, the line as the menu shows it. */
  text: string;
}

/**
 * "Instellingen controleren" for an HTML client: every problem of Instellingen, Partners,
 * Vragen and the Plan van aanpak of cases in step 5 or 6, by cell. Never throws to the client.
 */
export function uiCheckSettings(): UiResult<{
  problems: SettingsProblemJson[];
  notes: string[];
  plansChecked: string[];
}> {
  return uiGuarded(() => {
    const check = checkSettings(registerSpreadsheet());
    return {
      ok: true as const,
      message: settingsCheckSummary(check.problems),
      problems: check.problems.map((p) => ({
        tab: p.tab,
        cell: p.cell,
        caseCode: p.caseCode ?? '',
        message: p.message,
        text: problemText(p),
      })),
      notes: check.notes,
      plansChecked: check.plansChecked,
    };
  });
}

export function menuInstallTriggers(): void {
  guarded(() => {
    const existing = ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === DISPATCH_HANDLER,
    );
    const opens = ensureOpenTrigger()
      ? ' Het dashboard opent voortaan vanzelf wanneer u het register opent.'
      : '';
    if (existing.length > 0) return `Automatisch bijwerken staat al aan.${opens}`;
    ScriptApp.newTrigger(DISPATCH_HANDLER).timeBased().everyMinutes(DISPATCH_EVERY_MINUTES).create();
    return `Automatisch bijwerken staat aan: elke ${DISPATCH_EVERY_MINUTES} minuten op werkdagen van ${BUSY_HOURS.from} tot ${BUSY_HOURS.to} uur, daarbuiten elk uur.${opens}`;
  });
}

/**
 * Zelftest: checks this installation with synthetic data (workflow/selftest) and shows per
 * service whether it works, what it observed and what it could not check.
 */
export function menuSelftest(): void {
  guarded(() => {
    let email = '';
    try {
      email = openRegister().settings.coordinatorEmail;
    } catch (_e) {
      // A register not filled in yet: the proefmail goes to whoever runs the test.
      email = Session.getActiveUser().getEmail();
    }
    if (!email)
      return 'De Zelftest heeft een e-mailadres nodig: vul "E-mail procesregisseur" in bij Instellingen.';
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const parentId = ss ? parentFolderId(ss.getId()) : null;
    const report = withLock(() => runSelftest({ email, parentId, dispatchHandler: DISPATCH_HANDLER }));
    return selftestText(report);
  });
}

/**
 * The time-driven dispatcher. No access check: an installable trigger runs with the authority of
 * the coordinator who installed it (guides/triggers/installable) and acts for no person.
 */
export function runDispatcher(_e?: unknown): void {
  // Outside office hours only the first run of each hour works (model/dispatchSchedule).
  if (!dispatchRunWorks(nowMs())) return;
  let reg: ReturnType<typeof openRegister>;
  try {
    reg = openRegister();
  } catch (e) {
    // Nothing can run until the register is right; say so in the execution log.
    console.error(`Automatisch bijwerken gestopt: het register klopt niet. ${errorMessage(e)}`);
    return;
  }
  // The run also sends the coordinator's daily digest when one is due (workflow/digest).
  const report = dispatchWithDigest(reg);
  for (const err of report.errors) console.error(`Casus ${err.code}: ${err.message}`);
  // Sharing the daily check took back (workflow/sharingCheck): codes and counts only.
  for (const d of report.sharing)
    console.warn(
      `Delen teruggezet${d.code ? ` bij casus ${d.code}` : ''}: ${d.files} bestand(en) of map(pen)`,
    );
}
