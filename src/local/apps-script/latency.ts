/**
 * Per-call latency model of the in-memory Apps Script (emulated milliseconds per call), in two
 * profiles:
 *
 * - `typical`: the figure a call usually costs. The sources per figure are in docs/emulator.md
 *   ("Latency model") and docs/prestaties.md; most are estimates (marked E there), a few follow a
 *   published measurement (PropertiesService and CacheService timings, `flush()`).
 * - `pessimistic`: the upper end of every range, used for the budgets of docs/prestaties.md. It is
 *   derived from the typical figure by the floors below (a Docs element call at least 150 ms,
 *   a Forms item or setter 300 ms, a Sheets read or write 500 ms, Drive 500 ms, a getter on a
 *   service object 20 ms, the advanced services Sheets.* / Drive.* / Docs.* 500 ms) and doubles
 *   calls of a second or more (creating, copying and converting files).
 *
 * Keyed by `Class.method` (advanced services: `Drive.Files.copy`), with a default per class (for
 * advanced services per service and resource) and a global default.
 */
export type LatencyProfile = 'typical' | 'pessimistic';

export const LATENCY_PROFILES: readonly LatencyProfile[] = ['typical', 'pessimistic'];

const PER_METHOD: Record<string, number> = {};
const PER_CLASS: Record<string, number> = {};
const PESSIMISTIC_METHOD: Record<string, number> = {};
const DEFAULT_MS = 20;
const cache: Record<LatencyProfile, Map<string, number>> = { typical: new Map(), pessimistic: new Map() };

function typicalFor(name: string): number {
  const m = PER_METHOD[name];
  if (m !== undefined) return m;
  // `Drive.Files.copy` → `Drive.Files`, then `Drive`; `Range.setValues` → `Range`.
  const parts = name.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const c = PER_CLASS[parts.slice(0, n).join('.')];
    if (c !== undefined) return c;
  }
  return DEFAULT_MS;
}

/** Classes of the Docs element tree (DocumentApp): every call is a document edit or read. */
const DOCS_CLASSES = new Set([
  'Document',
  'Body',
  'HeaderSection',
  'FooterSection',
  'Paragraph',
  'Table',
  'TableRow',
  'TableCell',
  'Text',
  'HorizontalRule',
  'PageBreak',
  'InlineImage',
  'TableOfContents',
]);
/** Classes of FormApp whose calls add or change items and settings on the server. */
const FORMS_CLASSES = /^(FormApp|Form|Item|\w+Item|FormResponse)$/;
const SHEETS_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
]);
const DRIVE_CLASSES = new Set(['DriveApp', 'File', 'Folder', 'FileIterator', 'FolderIterator']);

/**
 * The floor of the pessimistic profile for one call. A call the typical profile prices at 5 ms
 * or less reads what a handle already holds (ids, names, builders): at least 20 ms.
 */
function pessimisticFloor(name: string, typical: number): number {
  if (typical <= 5) return 20;
  const cls = name.split('.')[0] ?? '';
  if (cls === 'Sheets' || cls === 'Drive' || cls === 'Docs') return 500;
  if (DOCS_CLASSES.has(cls)) return 150;
  if (FORMS_CLASSES.test(cls)) return 300;
  if (SHEETS_CLASSES.has(cls)) return 500;
  if (DRIVE_CLASSES.has(cls)) return 500;
  return 0;
}

function pessimisticFor(name: string): number {
  const m = PESSIMISTIC_METHOD[name];
  if (m !== undefined) return m;
  const typical = typicalFor(name);
  // File-level work (create, copy, convert, export) of a second or more: twice the typical figure.
  const upper = typical >= 1000 ? 2 * typical : typical;
  return Math.max(upper, pessimisticFloor(name, typical));
}

/** Emulated milliseconds of one call of `name` (`Class.method`) under `profile`. */
export function latencyFor(name: string, profile: LatencyProfile = 'typical'): number {
  const c = cache[profile];
  let ms = c.get(name);
  if (ms === undefined) {
    ms = profile === 'typical' ? typicalFor(name) : pessimisticFor(name);
    c.set(name, ms);
  }
  return ms;
}

/** Emulated milliseconds of a set of calls (`Class.method` → count) under `profile`. */
export function priceCalls(counts: Iterable<[string, number]>, profile: LatencyProfile): number {
  let ms = 0;
  for (const [name, n] of counts) ms += n * latencyFor(name, profile);
  return ms;
}

/**
 * Lets a helper module (an advanced-service emulator, a benchmark) set figures in one place.
 * `pessimistic` overrides the derived pessimistic figure of a method where a published upper
 * end is known.
 */
export function defineLatency(
  perClass: Record<string, number>,
  perMethod: Record<string, number>,
  pessimistic: Record<string, number> = {},
): void {
  Object.assign(PER_CLASS, perClass);
  Object.assign(PER_METHOD, perMethod);
  Object.assign(PESSIMISTIC_METHOD, pessimistic);
  cache.typical.clear();
  cache.pessimistic.clear();
}

// ---- the model ---------------------------------------------------------------------------------
// Sources per figure: docs/emulator.md, "Latency model". In short: Google's guidance that
// service calls are an order of magnitude slower than plain JavaScript, a community benchmark
// (one setValues ≈ 75 % faster than row-by-row, two orders of magnitude faster than per cell;
// flush ≈ 0.6 s), and estimates for everything else. Handle getters (`getId`, `getRow`) cost
// ~1 ms: they read what the handle already holds. Calls that go to the server cost tens to
// hundreds of ms; creating and converting files costs seconds.

defineLatency(
  {
    // Sheets
    SpreadsheetApp: 50,
    Spreadsheet: 30,
    Sheet: 40,
    Range: 40,
    Protection: 80,
    DataValidationBuilder: 1,
    DataValidation: 1,
    DeveloperMetadata: 40,
    DeveloperMetadataFinder: 1,
    DeveloperMetadataLocation: 1,
    // Forms
    FormApp: 50,
    Form: 120,
    Item: 60,
    MultipleChoiceItem: 80,
    CheckboxItem: 80,
    ListItem: 80,
    TextItem: 80,
    ParagraphTextItem: 80,
    ScaleItem: 80,
    GridItem: 80,
    CheckboxGridItem: 80,
    DateItem: 80,
    TimeItem: 80,
    SectionHeaderItem: 80,
    PageBreakItem: 80,
    Choice: 1,
    FormResponse: 50,
    ItemResponse: 5,
    TextValidationBuilder: 1,
    TextValidation: 1,
    ParagraphTextValidationBuilder: 1,
    ParagraphTextValidation: 1,
    GridValidationBuilder: 1,
    GridValidation: 1,
    CheckboxGridValidationBuilder: 1,
    CheckboxGridValidation: 1,
    CheckboxValidationBuilder: 1,
    // Docs: element edits are kept in the open document until it is saved. 50 ms is the lower
    // end of what is usually reported per element call (50–150 ms; issue 7); E.
    DocumentApp: 50,
    Document: 40,
    Body: 50,
    HeaderSection: 50,
    FooterSection: 50,
    Paragraph: 50,
    Table: 50,
    TableRow: 50,
    TableCell: 50,
    Text: 50,
    HorizontalRule: 50,
    PageBreak: 50,
    // Advanced services (one REST request each; E): Sheets v4, Drive v3, Docs v1.
    Sheets: 300,
    Drive: 300,
    Docs: 300,
    // Drive
    DriveApp: 250,
    File: 150,
    Folder: 150,
    FileIterator: 40,
    FolderIterator: 40,
    User: 1,
    // Charts: builders hold their options in the script; only drawing the image goes to a server
    Charts: 1,
    DataTableBuilder: 1,
    BarChartBuilder: 1,
    LineChartBuilder: 1,
    Chart: 1,
    // Others
    MailApp: 50,
    PropertiesService: 5,
    Properties: 40,
    CacheService: 5,
    // CacheService.get ≈ 3 ms, put ≈ 93 ms on average (max 8 / 281 ms): the measurement cited
    // in docs/emulator.md (ziritione.org, 100 runs).
    Cache: 3,
    LockService: 5,
    Lock: 50,
    ScriptApp: 20,
    TriggerBuilder: 1,
    ClockTriggerBuilder: 1,
    SpreadsheetTriggerBuilder: 1,
    FormTriggerBuilder: 1,
    Trigger: 1,
    Utilities: 1,
    Session: 1,
    HtmlService: 5,
    HtmlOutput: 1,
    HtmlTemplate: 5,
    Logger: 1,
    console: 1,
    Ui: 50,
    Menu: 1,
    PromptResponse: 1,
  },
  {
    // Sheets: opening, creating, flushing
    'SpreadsheetApp.create': 1500,
    'SpreadsheetApp.openById': 400,
    'SpreadsheetApp.openByUrl': 400,
    'SpreadsheetApp.open': 400,
    'SpreadsheetApp.flush': 600,
    'SpreadsheetApp.newDataValidation': 1,
    'Spreadsheet.getId': 1,
    'Spreadsheet.getName': 1,
    'Spreadsheet.getUrl': 1,
    'Spreadsheet.insertSheet': 250,
    'Spreadsheet.deleteSheet': 200,
    'Spreadsheet.rename': 200,
    'Spreadsheet.addEditor': 400,
    'Spreadsheet.addEditors': 400,
    'Spreadsheet.addViewer': 400,
    'Spreadsheet.addViewers': 400,
    'Spreadsheet.removeEditor': 400,
    'Spreadsheet.removeViewer': 400,
    'Spreadsheet.getRange': 5,
    // Sheets: handles are lazy, reads and writes go to the server
    'Sheet.getRange': 5,
    'Sheet.getName': 1,
    'Sheet.getSheetName': 1,
    'Sheet.getSheetId': 1,
    'Sheet.getIndex': 1,
    'Sheet.getParent': 1,
    'Sheet.getDataRange': 60,
    'Sheet.getLastRow': 60,
    'Sheet.getLastColumn': 60,
    'Sheet.getSheetValues': 100,
    'Sheet.appendRow': 120,
    'Sheet.insertRows': 150,
    'Sheet.insertRowsAfter': 150,
    'Sheet.insertRowsBefore': 150,
    'Sheet.deleteRows': 150,
    'Sheet.deleteRow': 150,
    'Sheet.insertColumns': 150,
    'Sheet.deleteColumns': 150,
    'Sheet.clear': 100,
    'Sheet.clearContents': 100,
    'Sheet.autoResizeColumns': 200,
    'Sheet.protect': 200,
    'Sheet.copyTo': 400,
    'Range.getValues': 80,
    'Range.getValue': 50,
    'Range.getDisplayValues': 90,
    'Range.getDisplayValue': 60,
    'Range.getFormulas': 80,
    'Range.setValues': 100,
    'Range.setValue': 60,
    'Range.setFormulas': 100,
    'Range.setFormula': 60,
    'Range.getA1Notation': 1,
    'Range.getRow': 1,
    'Range.getRowIndex': 1,
    'Range.getColumn': 1,
    'Range.getNumRows': 1,
    'Range.getNumColumns': 1,
    'Range.getLastRow': 1,
    'Range.getLastColumn': 1,
    'Range.getHeight': 1,
    'Range.getWidth': 1,
    'Range.getGridId': 1,
    'Range.getSheet': 1,
    'Range.offset': 1,
    'Range.protect': 150,
    // Forms
    'FormApp.create': 2000,
    'FormApp.openById': 500,
    'FormApp.openByUrl': 500,
    'Form.getId': 1,
    // An item's id, like a form's: the handle that addXItem or getItems returned holds it.
    'Item.getId': 1,
    'MultipleChoiceItem.getId': 1,
    'CheckboxItem.getId': 1,
    'ListItem.getId': 1,
    'TextItem.getId': 1,
    'ParagraphTextItem.getId': 1,
    'ScaleItem.getId': 1,
    'GridItem.getId': 1,
    'CheckboxGridItem.getId': 1,
    'DateItem.getId': 1,
    'TimeItem.getId': 1,
    'SectionHeaderItem.getId': 1,
    'PageBreakItem.getId': 1,
    'Form.getTitle': 1,
    'Form.getEditUrl': 1,
    'Form.getPublishedUrl': 1,
    // Estimates. setDestination makes a new tab and copies every stored response into it
    // (reference/forms/form#setdestinationtype,-id); the rows a submission or an edit adds to a
    // linked tab are Google's work, not a call of the script. getDestinationId (reference/forms/
    // form#getdestinationid) is priced as the other Form getters that ask the server (120 ms).
    'Form.setDestination': 1500,
    'Form.removeDestination': 500,
    'Form.getResponses': 400,
    'Form.getItems': 150,
    'Form.addMultipleChoiceItem': 250,
    'Form.addCheckboxItem': 250,
    'Form.addListItem': 250,
    'Form.addTextItem': 250,
    'Form.addParagraphTextItem': 250,
    'Form.addScaleItem': 250,
    'Form.addGridItem': 250,
    'Form.addCheckboxGridItem': 250,
    'Form.addDateItem': 250,
    'Form.addSectionHeaderItem': 250,
    'Form.addPageBreakItem': 250,
    'Form.createResponse': 20,
    'FormResponse.submit': 400,
    'FormResponse.toPrefilledUrl': 100,
    // Docs
    'DocumentApp.create': 1500,
    'DocumentApp.openById': 500,
    'DocumentApp.openByUrl': 500,
    'Document.getId': 1,
    'Document.getName': 1,
    'Document.getUrl': 1,
    'Document.getBody': 20,
    'Document.saveAndClose': 800,
    'Document.getAs': 1500,
    'Document.getBlob': 1500,
    'Body.appendTable': 60,
    'Body.replaceText': 60,
    // Drive
    'DriveApp.createFile': 600,
    'DriveApp.createFolder': 500,
    'DriveApp.getRootFolder': 150,
    'DriveApp.searchFiles': 350,
    'DriveApp.searchFolders': 350,
    'File.getId': 1,
    'File.getName': 1,
    'File.getUrl': 1,
    'File.getMimeType': 1,
    'File.makeCopy': 1500,
    'File.setSharing': 400,
    'File.addEditor': 500,
    'File.addEditors': 500,
    'File.addViewer': 500,
    'File.addViewers': 500,
    'File.removeEditor': 400,
    'File.removeViewer': 400,
    'File.moveTo': 400,
    'File.setTrashed': 300,
    'File.getBlob': 400,
    'File.getAs': 1500,
    'Folder.getId': 1,
    'Folder.getName': 1,
    'Folder.getUrl': 1,
    'Folder.createFile': 600,
    'Folder.createFolder': 500,
    'Folder.getFiles': 300,
    'Folder.getFolders': 300,
    'Folder.getFilesByName': 300,
    'Folder.getFilesByType': 300,
    'Folder.getFoldersByName': 300,
    'Folder.setSharing': 400,
    'Folder.addEditor': 500,
    'Folder.addViewer': 500,
    // Drive v3 advanced service: one HTTP request each; an upload with conversion takes seconds
    'Drive.Files.get': 250,
    'Drive.Files.create': 3000,
    'Drive.Files.update': 3000,
    'Chart.getAs': 1000,
    'Chart.getBlob': 1000,
    // Mail, properties, cache, lock, triggers, UI. Properties: getProperty ≈ 30 ms, setProperty
    // ≈ 62 ms on average (max 84 / 231 ms), same measurement as Cache.
    'MailApp.sendEmail': 900,
    'Properties.getProperty': 30,
    'Properties.setProperty': 62,
    'Properties.setProperties': 80,
    'Properties.deleteProperty': 50,
    'Cache.put': 93,
    'Cache.putAll': 93,
    'Lock.hasLock': 1,
    'Lock.releaseLock': 20,
    'ScriptApp.newTrigger': 1,
    'ScriptApp.getProjectTriggers': 200,
    'ScriptApp.deleteTrigger': 300,
    'ScriptApp.getScriptId': 1,
    'ScriptApp.getOAuthToken': 1,
    'ClockTriggerBuilder.create': 400,
    'SpreadsheetTriggerBuilder.create': 400,
    'FormTriggerBuilder.create': 400,
    'HtmlTemplate.evaluate': 20,
    'Ui.showSidebar': 300,
    'Ui.showModalDialog': 300,
    'Ui.showModelessDialog': 300,
    'Menu.addToUi': 100,
    // Advanced services: file-level requests (E, like their DriveApp counterparts).
    'Drive.Files.copy': 1500,
    'Drive.Files.export': 1500,
    'Drive.Files.list': 350,
  },
  {
    // Published upper ends (docs/emulator.md): the largest of 100 measured calls.
    'Properties.getProperty': 84,
    'Properties.setProperty': 231,
    'Cache.put': 281,
    'Cache.putAll': 281,
    // `flush()`: the measurement behind the typical 600 ms found ~610 ms; kept with a margin.
    'SpreadsheetApp.flush': 1000,
  },
);
