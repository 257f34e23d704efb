/** The coordinator's menu in the register spreadsheet. Function names come from ENTRYPOINTS. */
import type { EntryPoint } from '../entrypoints';

export const MENU_TITLE = '7-stappen';

export type MenuItem = { caption: string; fn: EntryPoint };
/** An item, a separator, or a sub-menu of items (reference/base/menu#addSubMenu(Menu)). */
export type MenuEntry = MenuItem | 'separator' | { submenu: string; items: readonly MenuItem[] };

/**
 * The menu is short: the dashboard does everything on a case without typing its code. The
 * same actions stay reachable without the dashboard, in a sub-menu that asks for the code.
 */
export const MENU: readonly MenuEntry[] = [
  { caption: 'Dashboard openen', fn: 'menuDashboard' },
  { caption: 'Nieuwe casus openen', fn: 'menuNewCase' },
  'separator',
  {
    submenu: 'Zonder dashboard (met casuscode)',
    items: [
      { caption: 'Stap starten (formulieren maken en versturen)', fn: 'menuStartStep' },
      { caption: 'Nu bijwerken', fn: 'menuRefresh' },
      { caption: 'Besluit vastleggen', fn: 'menuRecordDecision' },
      { caption: 'Namenlijst bijwerken (vanaf stap 2B)', fn: 'menuNamesList' },
      { caption: 'Informatiebrieven maken (of afsluitbrieven)', fn: 'menuLetters' },
      { caption: 'Ontbrekende formulieren opnieuw maken', fn: 'menuReplaceForms' },
      { caption: 'Mislukte mails opnieuw versturen', fn: 'menuResendMail' },
      { caption: 'Integraal beeld bijwerken', fn: 'menuBuildOverview' },
      { caption: 'PDF van het integraal beeld maken', fn: 'menuExportPdf' },
    ],
  },
  {
    submenu: 'Rechten van een persoon (met persoonscode)',
    items: [
      { caption: 'Inzage: alles over één persoon in een document (AVG art. 15)', fn: 'menuPersonExport' },
      { caption: 'Correcties vastleggen uit de tab Correcties (AVG art. 16)', fn: 'menuCorrections' },
      { caption: 'Persoon overal verwijderen (AVG art. 17)', fn: 'menuRemovePerson' },
    ],
  },
  'separator',
  { caption: 'Register inrichten', fn: 'menuSetup' },
  { caption: 'Instellingen controleren', fn: 'menuCheckSettings' },
  { caption: 'Automatisch bijwerken aanzetten', fn: 'menuInstallTriggers' },
  { caption: 'Zelftest (controleert de installatie)', fn: 'menuSelftest' },
];

/** Every item of the menu, sub-menus included, in menu order. */
export function menuItems(menu: readonly MenuEntry[] = MENU): MenuItem[] {
  return menu.flatMap((e) => (e === 'separator' ? [] : 'submenu' in e ? [...e.items] : [e]));
}

/** The dispatcher trigger's handler. */
export const DISPATCH_HANDLER: EntryPoint = 'runDispatcher';
/** Minutes between dispatcher runs (model/dispatchSchedule: which of them work). */
export { DISPATCH_EVERY_MINUTES } from '../model/dispatchSchedule';

/** Adds the menu; called from onOpen (a simple trigger: no authorised services). */
export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else if ('submenu' in entry) {
      const sub = ui.createMenu(entry.submenu);
      for (const item of entry.items) sub.addItem(item.caption, item.fn);
      menu.addSubMenu(sub);
    } else menu.addItem(entry.caption, entry.fn);
  }
  menu.addToUi();
}
