/**
 * THE list of functions Apps Script may call by name: simple triggers, menu items, the
 * installable trigger handler and functions the sidebar calls through google.script.run.
 * The build turns each name into a top-level `function` declaration in dist/Code.js; a test
 * checks that every name here is exported by src/main.ts and that menus and triggers only
 * use names from this list.
 */
export const ENTRYPOINTS = [
  'onOpen',
  'onInstall',
  'menuDashboard',
  'openDashboardOnOpen',
  'menuSetup',
  'menuNewCase',
  'menuStartStep',
  'menuRefresh',
  'menuRecordDecision',
  'menuNamesList',
  'menuLetters',
  'menuReplaceForms',
  'menuResendMail',
  'menuBuildOverview',
  'menuExportPdf',
  'menuPersonExport',
  'menuRemovePerson',
  'menuCorrections',
  'menuInstallTriggers',
  'menuSelftest',
  'menuCheckSettings',
  'uiCheckSettings',
  'runDispatcher',
  // Called by the dashboard in the sidebar through google.script.run (src/ui/cockpit.ts).
  'uiDashboard',
  'uiRunAction',
  // Called by the HTML dialogs through google.script.run (src/ui/dialogs.ts).
  'uiNewCase',
  'uiDecisionForm',
  'uiRecordDecision',
] as const;

export type EntryPoint = (typeof ENTRYPOINTS)[number];
