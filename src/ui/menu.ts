/** The coordinator's menu in the register spreadsheet. Function names come from ENTRYPOINTS. */
import type { EntryPoint } from '../entrypoints';

export const MENU_TITLE = '7-stappen';

export type MenuEntry = { caption: string; fn: EntryPoint } | 'separator';

export const MENU: readonly MenuEntry[] = [
  { caption: 'Dashboard openen', fn: 'menuDashboard' },
  'separator',
  { caption: 'Nieuwe casus openen', fn: 'menuNewCase' },
  { caption: 'Stap starten (formulieren maken en versturen)', fn: 'menuStartStep' },
  { caption: 'Nu bijwerken', fn: 'menuRefresh' },
  { caption: 'Besluit vastleggen', fn: 'menuRecordDecision' },
  { caption: 'Namenlijst bijwerken (vanaf stap 2B)', fn: 'menuNamesList' },
  { caption: 'Mislukte mails opnieuw versturen', fn: 'menuResendMail' },
  'separator',
  { caption: 'Integraal beeld bijwerken', fn: 'menuBuildOverview' },
  { caption: 'PDF van het integraal beeld maken', fn: 'menuExportPdf' },
  'separator',
  { caption: 'Register inrichten', fn: 'menuSetup' },
  { caption: 'Instellingen controleren', fn: 'menuCheckSettings' },
  { caption: 'Automatisch bijwerken aanzetten', fn: 'menuInstallTriggers' },
];

/** The dispatcher trigger's handler. */
export const DISPATCH_HANDLER: EntryPoint = 'runDispatcher';
/** Minutes between dispatcher runs (allowed: 1, 5, 10, 15, 30). */
export const DISPATCH_EVERY_MINUTES = 15;

/** Adds the menu; called from onOpen (a simple trigger: no authorised services). */
export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.fn);
  }
  menu.addToUi();
}
