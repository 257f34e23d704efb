/**
 * Floors: for each operation, the fewest service calls the route the product chose needs, computed
 * from what the operation had to do (forms to make, answers to read, tabs that changed, the
 * overview's elements, mails). The formulas are explained in docs/prestaties.md; each constant
 * below is the smallest number of calls that part of the work takes on its route.
 *
 * The route is read from the calls the operation made: forms copied with `Drive.Files.copy` or
 * built item by item with FormApp; tabs written with one Sheets batch or per tab with
 * SpreadsheetApp; the overview uploaded in one Drive request or written element by element.
 */
import type { OperationRun, Work } from './play';

/** A menu action's frame: getUi, prompt for the case code (button and text) and the final alert. */
export const MENU = 5;
/** The script lock: getScriptLock, tryLock, releaseLock. */
export const LOCK = 3;
/** The register: its spreadsheet and one batched read of its tables. */
export const REGISTER = 2;
/** One case: open its spreadsheet and one batched read of its tables. */
export const CASE = 2;
/** One form made by copying a template: copy, open, title, description, publish, published url. */
export const FORM_BY_COPY = 6;
/** One form built with FormApp: create, title and description, publish, published url, move. */
export const FORM_BY_BUILD = 5;
/**
 * Per item built with FormApp: add it and set its title; the setters an item cannot do without
 * (its id, choices or grid, required) come on top as Work.itemSettersCreated.
 */
export const PER_ITEM_BUILT = 2;
/**
 * Reading a form's new answers with FormApp: open it and ask for the responses since the stored
 * high-water mark (Form.getResponses(timestamp) is a method of a Form, which only
 * FormApp.openById gives: apps-script/reference/forms/form-app#openById). A gate reads every
 * open form of the case this way; the dispatcher only the forms its response-tab check sends it to.
 */
export const PER_OPEN_FORM = 2;
/**
 * The dispatcher's check per case: the fingerprints of all response tabs of the case in one
 * Sheets.Spreadsheets.get (sheets/api/reference/rest/v4/spreadsheets/get with the cells in the
 * field mask). A form whose tab did not change is not opened.
 */
export const RESPONSE_CHECK = 1;
/** Linking a form to the response spreadsheet: Form.setDestination (the form is open already). */
export const LINK = 1;
/**
 * Tying new response tabs to their forms: open the response spreadsheet once, then per tab
 * getSheetById and getFormUrl (the Sheets API does not say which form writes to a tab).
 */
export const MAP_OPEN = 1;
export const MAP_TAB = 2;
/** The first run of the day asks each open form where it sends its responses (getDestinationId). */
export const LINK_CHECK = 1;
/**
 * … and whether it still accepts responses (isAcceptingResponses: a form closed or unpublished by
 * hand, docs/betrouwbaarheid.md case 16).
 */
export const RESPOND_CHECK = 1;
/** One response read with FormApp: its id, timestamp and item responses. */
export const PER_RESPONSE = 3;
/** One answer read with FormApp: the item response's item, that item's id, the answer. */
export const PER_ANSWER = 3;
/** The documents as Drive uploads: one listing of the case folder (stored hashes) … */
export const DOC_LISTING = 1;
/** … and one create or update per document written. */
export const DOC_UPLOAD = 1;
/**
 * One chart image with the Charts service: newDataTable, newXChart, setDataTable, build, getAs,
 * plus one addColumn per column and one addRow per row (DataTableBuilder has no bulk add:
 * apps-script/reference/charts/data-table-builder).
 */
export const CHART = 5;
/** Changing a document's readers: open it (DriveApp.getFileById), one addViewers for all added. */
export const SHARE_OPEN = 1;
/** The overview element by element: open and save, plus one call per top-level element. */
export const DOC_OPEN_SAVE = 2;
/** The PDF: open the document, getAs, create the file in the case folder. */
export const PDF = 3;
/**
 * The access check of an action a person starts (workflow/access.ts, issue 9): who runs it
 * (Session.getActiveUser, User.getEmail). The coordinators come with the register's one read.
 */
export const ACCESS = 2;
/**
 * … and when the caller is not a listed coordinator, whether they own the register: the owner
 * in one Drive request (files.get with the `owners` field, drive/api/reference/rest/v3/files).
 */
export const ACCESS_OWNER = 1;
/**
 * The daily sharing check (workflow/sharingCheck.ts, issue 9), per first run of the day: each of
 * the two root folders and what is directly in it (files.get and files.list each) …
 */
export const SHARING_ROOTS = 4;
/**
 * … and per open case its folder and its namenlijst (files.get each). What is in the case folder
 * comes with the daily folder scan's one listing (already counted), with the permissions field.
 */
export const SHARING_PER_ITEM = 1;
/** A new case: folder, case spreadsheet, overview document, moves, tables, register row. */
export const NEW_CASE = 8;
/** The namenlijst: its folder and spreadsheet, names with codes, the case's person table. */
export const NAMES_LIST = 5;

export type Route = 'copy' | 'build' | 'none';

function has(run: OperationRun, prefix: string): boolean {
  return Object.keys(run.callsByMethod).some((k) => k.startsWith(prefix));
}

export function formRoute(run: OperationRun): Route {
  if (run.work.formsCreated === 0) return 'none';
  return has(run, 'Drive.Files.copy') ? 'copy' : 'build';
}

export function sheetsRoute(run: OperationRun): 'batch' | 'per-tab' {
  return has(run, 'Sheets.Spreadsheets.batchUpdate') || has(run, 'Sheets.Spreadsheets.Values.batchUpdate')
    ? 'batch'
    : 'per-tab';
}

export function docRoute(run: OperationRun): 'upload' | 'elements' {
  return has(run, 'Drive.Files.update') || has(run, 'Drive.Files.create') ? 'upload' : 'elements';
}

function formsFloor(run: OperationRun, w: Work): number {
  const route = formRoute(run);
  if (route === 'copy') {
    // Forms built as templates in this run pay their items once; the rest are copies.
    const built = Math.max(w.formsCreated - w.formsCopied, 0);
    const share = (n: number) => (w.formsCreated > 0 ? Math.round((n * built) / w.formsCreated) : 0);
    return (
      w.formsCopied * FORM_BY_COPY +
      built * FORM_BY_BUILD +
      share(w.itemsCreated) * PER_ITEM_BUILT +
      share(w.itemSettersCreated)
    );
  }
  if (route === 'build') {
    return w.formsCreated * FORM_BY_BUILD + w.itemsCreated * PER_ITEM_BUILT + w.itemSettersCreated;
  }
  return 0;
}

function tabsFloor(run: OperationRun, w: Work): number {
  if (w.tabsChanged === 0) return 0;
  return sheetsRoute(run) === 'batch' ? 1 : w.tabsChanged;
}

function docFloor(run: OperationRun, w: Work): number {
  const charts = w.charts.reduce((n, c) => n + CHART + c.columns + c.rows, 0);
  const sharing = w.sharingChanges.reduce((n, c) => n + SHARE_OPEN + (c.added > 0 ? 1 : 0) + c.removed, 0);
  if (w.docsWritten === 0) return sharing;
  if (docRoute(run) === 'elements') return DOC_OPEN_SAVE + w.docElements + charts + sharing;
  return DOC_LISTING + w.docsWritten * DOC_UPLOAD + charts + sharing;
}

function answersFloor(w: Work): number {
  return w.newResponses * PER_RESPONSE + w.newAnswers * PER_ANSWER;
}

/** A gate reads every open form directly. */
function readFloor(w: Work): number {
  return w.openForms * PER_OPEN_FORM + answersFloor(w);
}

/**
 * The dispatcher: one response-tab check per case with open forms; link the forms that have no
 * destination yet and tie their tabs; read the forms whose tab changed or that were just linked
 * (the first run of the day: every open form, and where it sends its responses).
 */
function watchFloor(w: Work): number {
  const check = w.openForms > 0 ? w.openCases * RESPONSE_CHECK : 0;
  const link = w.formsLinked > 0 ? MAP_OPEN + w.formsLinked * (LINK + MAP_TAB) : 0;
  const read = w.dailyRun
    ? w.openForms * (PER_OPEN_FORM + LINK_CHECK + RESPOND_CHECK)
    : Math.max(w.formsWithNew, w.formsLinked) * PER_OPEN_FORM;
  return check + link + read + answersFloor(w);
}

function mailFloor(w: Work): number {
  return w.mailsSent > 0 ? w.mailsSent + 1 : 0;
}

/** The access check of an action a person starts (the dispatcher is a trigger: not checked). */
function accessFloor(run: OperationRun): number {
  return ACCESS + (has(run, 'File.getOwner') ? ACCESS_OWNER : 0);
}

/** The daily sharing check, in the first dispatcher run of the day. */
function sharingFloor(w: Work): number {
  return w.dailyRun ? SHARING_ROOTS + (w.openCases + w.namesLists) * SHARING_PER_ITEM : 0;
}

/** The fewest calls the operation's route needs. */
export function floorOf(run: OperationRun): number {
  const w = run.work;
  return routeFloor(run, w) + (run.kind.startsWith('dispatcher') ? sharingFloor(w) : accessFloor(run));
}

function routeFloor(run: OperationRun, w: Work): number {
  const continuations = Math.max(run.executions.length - 1, 0) * (REGISTER + CASE + LOCK);
  switch (run.kind) {
    case 'openen':
      return MENU + LOCK + REGISTER + NEW_CASE;
    case 'namenlijst':
      return LOCK + REGISTER + CASE + NAMES_LIST;
    case 'start':
      return (
        MENU +
        LOCK +
        REGISTER +
        CASE +
        formsFloor(run, w) +
        mailFloor(w) +
        tabsFloor(run, w) +
        // Step 4's start writes the advice for the driehoek.
        docFloor(run, w) +
        continuations
      );
    case 'dispatcher-eerste':
    case 'dispatcher-idle':
      return (
        REGISTER +
        w.openCases * (CASE + LOCK) +
        watchFloor(w) +
        // The daily folder scan: one Drive query.
        (w.dailyRun ? w.openCases : 0) +
        mailFloor(w) +
        tabsFloor(run, w)
      );
    case 'besluit':
      return (
        MENU +
        LOCK +
        REGISTER +
        CASE +
        readFloor(w) +
        // Closing a form: open it and stop accepting answers.
        w.formsClosed * 2 +
        mailFloor(w) +
        tabsFloor(run, w) +
        docFloor(run, w)
      );
    case 'publiceren':
      return MENU + LOCK + REGISTER + CASE + tabsFloor(run, w) + docFloor(run, w);
    case 'pdf':
      return MENU + LOCK + REGISTER + CASE + PDF + tabsFloor(run, w);
  }
}
