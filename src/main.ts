/**
 * The Apps Script face: exports exactly the functions listed in src/entrypoints.ts and
 * nothing else. Loading this bundle calls no service; every function does its work only
 * when Apps Script calls it.
 */
import { replay } from './model/caseMachine';
import { problemText } from './model/settingsCheck';
import { isoDate } from './model/time';
import { settingsCheckSummary, settingsCheckText } from './render/settingsCheck';
import { askDecision } from './ui/decisionDialog';
import { showNewCaseDialog } from './ui/dialogs';
import { addMenu, DISPATCH_EVERY_MINUTES, DISPATCH_HANDLER } from './ui/menu';
import { readDecisions } from './workflow/assemble';
import { checkSettings } from './workflow/checkSettings';
import { openCase, openRegister, registerSpreadsheet, UserError } from './workflow/context';
import { recordDecision } from './workflow/decide';
import { dispatchWithDigest } from './workflow/digest';
import { refreshCase } from './workflow/dispatcher';
import { withLock } from './workflow/lock';
import { resendFailed } from './workflow/outbox';
import { ensureNamesList, syncNamesList } from './workflow/persons';
import { exportOverviewPdf, publish } from './workflow/publish';
import { setupRegister } from './workflow/registerTabs';
import { askAboutNewPersons, progressText, startStep } from './workflow/startStep';
import { nowMs } from './workspace/clock';

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/**
 * Runs a menu action. A UserError becomes a Dutch alert; any other error (a Google service
 * failing, a quota) is logged for the administrator and explained in Dutch: every action can
 * safely be run again, it finishes what was left and does nothing twice.
 */
function guarded(action: () => string): void {
  let message: string;
  try {
    message = action();
  } catch (e) {
    if (e instanceof UserError) {
      message = e.message;
    } else {
      console.error(e);
      const detail = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
      message = `Er ging iets mis: ${detail}\nWat al klaar was, blijft bewaard en wordt niet opnieuw gedaan. Probeer het over een paar minuten opnieuw; de actie maakt dan af wat nog ontbrak. Blijft dit gebeuren, geef de melding dan door aan de beheerder.`;
    }
  }
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

export function menuSetup(): void {
  guarded(() => {
    setupRegister(SpreadsheetApp.getActiveSpreadsheet());
    return 'Het register is ingericht. Vul de tabs Instellingen en Partners in en open daarna een casus.';
  });
}

export { uiNewCase } from './ui/dialogs';

export function menuNewCase(): void {
  guarded(() => {
    showNewCaseDialog();
    return '';
  });
}

export function menuStartStep(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    // While the forms are made, a toast in the register says how far it is (every fifth form).
    const onProgress = (made: number, total: number) => {
      if (made % 5 === 0)
        SpreadsheetApp.getActiveSpreadsheet()?.toast(progressText(made, total), 'Stap starten');
    };
    const r = withLock(() => startStep(openCase(openRegister(), code), { onProgress }));
    return `Stap ${r.step} (ronde ${r.round}): ${progressText(r.made, r.total)}, ${r.mail.sent} uitnodiging(en) verstuurd, deadline ${r.deadline}.${r.mail.waiting ? ` ${r.mail.waiting} mail(s) wachten op het dagquotum.` : ''}${r.remaining.length ? `\nDe andere ${r.remaining.length} formulier(en) worden gemaakt bij de volgende automatische bijwerking (of kies opnieuw Stap starten); het Overzicht van de casus laat zien hoe ver het is.` : ''}${r.warnings.map((w) => `\n${w}`).join('')}`;
  });
}

export function menuRefresh(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const r = withLock(() => refreshCase(openCase(openRegister(), code), { force: true }));
    return `Bijgewerkt: ${r.reconcile.newResponses} nieuwe en ${r.reconcile.newVersions} gewijzigde inzending(en), ${r.reminders} herinnering(en), ${r.escalations} escalatie(s).`;
  });
}

export function menuRecordDecision(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const h = openCase(openRegister(), code);
    const state = replay(h.row.code, readDecisions(h.ss));
    const decision = askDecision(ui(), state, isoDate(nowMs(), 'Europe/Amsterdam'));
    if (!decision) return '';
    const by = Session.getActiveUser().getEmail();
    const notes: string[] = [];
    const after = withLock(() => recordDecision(openCase(openRegister(), code), decision, by, notes));
    return `Besluit vastgelegd. Casus ${code} ${after.status === 'gesloten' ? 'is gesloten' : `staat nu in stap ${after.step}, ronde ${after.round}`}. De casusspreadsheet en het integraal beeld zijn bijgewerkt.${notes.length ? `\n${notes.join('\n')}` : ''}`;
  });
}

export function menuNamesList(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    return withLock(() => {
      const h = openCase(openRegister(), code);
      const had = h.row.namesId !== '';
      const { id } = ensureNamesList(h);
      const url = SpreadsheetApp.openById(id).getUrl();
      if (!had) {
        return `De namenlijst van ${code} is aangemaakt, alleen voor u toegankelijk: ${url}\nVul de namen in (kolom Naam; de kolom Code blijft leeg) en kies daarna opnieuw "Namenlijst bijwerken".`;
      }
      const { added, warnings } = syncNamesList(h);
      const extra = askAboutNewPersons(h);
      const note = extra.created.length
        ? ` De partners van de lopende stap krijgen een aanvullend formulier over nieuwe personen (${extra.created.length}; ${extra.mail.sent} uitnodiging(en) verstuurd).`
        : '';
      const warn = warnings.map((w) => `\n${w}`).join('');
      return added.length
        ? `${added.length} nieuwe persoonscode(s): ${added.join(', ')}.${note}${warn}`
        : `Geen nieuwe namen gevonden in de namenlijst.${note}${warn}`;
    });
  });
}

export function menuResendMail(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    const r = withLock(() => resendFailed(openCase(openRegister(), code)));
    return r.requeued
      ? `${r.requeued} mail(s) opnieuw in de wachtrij gezet; ${r.mail.sent} verstuurd${r.mail.waiting ? `, ${r.mail.waiting} wachten op het dagquotum` : ''}.`
      : 'Er zijn geen mislukte of onzekere mails.';
  });
}

export function menuBuildOverview(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    withLock(() => publish(openCase(openRegister(), code), { requested: true }));
    return `Het integraal beeld van ${code} is bijgewerkt.`;
  });
}

export function menuExportPdf(): void {
  guarded(() => {
    const code = askCode();
    if (!code) return '';
    withLock(() => exportOverviewPdf(openCase(openRegister(), code)));
    return `Een PDF van het integraal beeld staat in de casusmap van ${code}.`;
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
export function uiCheckSettings():
  | { ok: true; message: string; problems: SettingsProblemJson[]; notes: string[]; plansChecked: string[] }
  | { ok: false; errors: Record<string, string> } {
  try {
    const check = checkSettings(registerSpreadsheet());
    return {
      ok: true,
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
  } catch (e) {
    if (e instanceof UserError) return { ok: false, errors: { register: e.message } };
    throw e;
  }
}

export function menuInstallTriggers(): void {
  guarded(() => {
    const existing = ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === DISPATCH_HANDLER,
    );
    if (existing.length > 0) return 'Automatisch bijwerken staat al aan.';
    ScriptApp.newTrigger(DISPATCH_HANDLER).timeBased().everyMinutes(DISPATCH_EVERY_MINUTES).create();
    return `Automatisch bijwerken staat aan: elke ${DISPATCH_EVERY_MINUTES} minuten.`;
  });
}

/** The time-driven dispatcher. */
export function runDispatcher(_e?: unknown): void {
  let reg: ReturnType<typeof openRegister>;
  try {
    reg = openRegister();
  } catch (e) {
    // Nothing can run until the register is right; say so in the execution log.
    console.error(
      `Automatisch bijwerken gestopt: het register klopt niet. ${e instanceof Error ? e.message : String(e)}`,
    );
    return;
  }
  // The run also sends the coordinator's daily digest when one is due (workflow/digest).
  const report = dispatchWithDigest(reg);
  for (const err of report.errors) console.error(`Casus ${err.code}: ${err.message}`);
}
