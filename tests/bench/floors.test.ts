/** The floor formulas of docs/prestaties.md, per operation and route. */
import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  ACCESS_OWNER,
  CASE,
  CHART,
  DOC_LISTING,
  DOC_OPEN_SAVE,
  DOC_UPLOAD,
  FORM_BY_BUILD,
  FORM_BY_COPY,
  floorOf,
  LINK,
  LINK_CHECK,
  LOCK,
  MAP_OPEN,
  MAP_TAB,
  MENU,
  PER_ANSWER,
  PER_ITEM_BUILT,
  PER_OPEN_FORM,
  PER_RESPONSE,
  REGISTER,
  RESPOND_CHECK,
  RESPONSE_CHECK,
  SHARE_OPEN,
  SHARING_PER_ITEM,
  SHARING_ROOTS,
} from '../../src/local/bench/floors';
import { itemSetters, type OperationRun, type Work } from '../../src/local/bench/play';

const noWork: Work = {
  formsCreated: 0,
  itemsCreated: 0,
  itemSettersCreated: 0,
  formsCopied: 0,
  mailsSent: 0,
  openForms: 0,
  newResponses: 0,
  newAnswers: 0,
  formsWithNew: 0,
  formsLinked: 0,
  formsClosed: 0,
  tabsChanged: 0,
  tabsWritten: 0,
  docElements: 0,
  docWritten: false,
  docsWritten: 0,
  charts: [],
  sharingChanges: [],
  personsAdded: 0,
  pdfs: 0,
  openCases: 1,
  dailyRun: false,
  namesLists: 0,
};

function run(
  kind: OperationRun['kind'],
  work: Partial<Work>,
  callsByMethod: Record<string, number> = {},
  executions = 1,
): OperationRun {
  return {
    kind,
    operation: kind,
    step: '3',
    round: 1,
    callsByMethod,
    calls: 0,
    executions: Array.from({ length: executions }, () => ({ calls: 0, ms: { typical: 0, pessimistic: 0 } })),
    cpuMs: 0,
    work: { ...noWork, ...work },
    message: '',
  };
}

describe('floors', () => {
  it('a start that builds forms pays per item; one that copies pays per form', () => {
    const base = MENU + ACCESS + LOCK + REGISTER + CASE;
    const built = run('start', { formsCreated: 4, itemsCreated: 100, mailsSent: 4, tabsChanged: 2 });
    expect(floorOf(built)).toBe(base + 4 * FORM_BY_BUILD + 100 * PER_ITEM_BUILT + 5 + 2);
    const copied = run(
      'start',
      { formsCreated: 4, itemsCreated: 100, formsCopied: 4, mailsSent: 4, tabsChanged: 2 },
      { 'Drive.Files.copy': 4 },
    );
    expect(floorOf(copied)).toBe(base + 4 * FORM_BY_COPY + 5 + 2);
    // A template built in the same run pays its items once.
    const mixed = run(
      'start',
      { formsCreated: 4, itemsCreated: 100, formsCopied: 3 },
      { 'Drive.Files.copy': 3 },
    );
    expect(floorOf(mixed)).toBe(base + 3 * FORM_BY_COPY + FORM_BY_BUILD + 25 * PER_ITEM_BUILT);
    // The setters items cannot do without count on top, for the items built.
    const withSetters = run('start', { formsCreated: 4, itemsCreated: 100, itemSettersCreated: 160 });
    expect(floorOf(withSetters)).toBe(base + 4 * FORM_BY_BUILD + 100 * PER_ITEM_BUILT + 160);
  });

  it('an item needs its help text, its id, its choices or grid, and required when it is required', () => {
    expect(itemSetters({ type: 'PAGE_BREAK', required: false })).toBe(0);
    expect(itemSetters({ type: 'PARAGRAPH_TEXT', required: false })).toBe(1);
    expect(itemSetters({ type: 'MULTIPLE_CHOICE', required: true })).toBe(3);
    expect(itemSetters({ type: 'GRID', required: false })).toBe(3);
    // Help text, when the item has one, is set on the item itself.
    expect(itemSetters({ type: 'PAGE_BREAK', required: false, helpText: 'Over de groep' })).toBe(1);
    expect(itemSetters({ type: 'PARAGRAPH_TEXT', required: false, helpText: '' })).toBe(1);
    expect(itemSetters({ type: 'PARAGRAPH_TEXT', required: false, helpText: 'Kort' })).toBe(2);
  });

  it('a split start counts each continuation as a fresh execution', () => {
    const one = floorOf(run('start', { formsCreated: 2, itemsCreated: 10 }));
    const three = floorOf(run('start', { formsCreated: 2, itemsCreated: 10 }, {}, 3));
    expect(three - one).toBe(2 * (REGISTER + CASE + LOCK));
  });

  it('a dispatcher run checks the response tabs once and opens only the forms with something new', () => {
    const idle = run('dispatcher-idle', { openForms: 20 });
    expect(PER_OPEN_FORM).toBe(2);
    expect(floorOf(idle)).toBe(REGISTER + CASE + LOCK + RESPONSE_CHECK);
    const some = run('dispatcher-idle', { openForms: 20, formsWithNew: 2, newResponses: 3, newAnswers: 9 });
    expect(floorOf(some) - floorOf(idle)).toBe(2 * PER_OPEN_FORM + 3 * PER_RESPONSE + 9 * PER_ANSWER);
    // Forms linked in this run: link each, tie its tab, read it directly.
    const linked = run('dispatcher-idle', { openForms: 20, formsLinked: 5 });
    expect(floorOf(linked) - floorOf(idle)).toBe(MAP_OPEN + 5 * (LINK + MAP_TAB) + 5 * PER_OPEN_FORM);
    // The first run of the day reads every open form and asks where each sends its responses.
    const busy = run('dispatcher-eerste', {
      openForms: 20,
      formsWithNew: 2,
      newResponses: 2,
      newAnswers: 30,
      dailyRun: true,
      tabsChanged: 3,
    });
    expect(floorOf(busy)).toBe(
      REGISTER +
        CASE +
        LOCK +
        RESPONSE_CHECK +
        20 * (PER_OPEN_FORM + LINK_CHECK + RESPOND_CHECK) +
        2 * PER_RESPONSE +
        30 * PER_ANSWER +
        1 +
        3 +
        SHARING_ROOTS +
        SHARING_PER_ITEM,
    );
    // A case with a namenlijst: the sharing check looks at that file too.
    expect(floorOf(run('dispatcher-eerste', { ...busy.work, namesLists: 1 })) - floorOf(busy)).toBe(
      SHARING_PER_ITEM,
    );
  });

  it('an action a person starts checks who runs it, and asks the owner only for someone not listed', () => {
    const listed = run('pdf', {});
    const owner = run('pdf', {}, { 'File.getOwner': 1 });
    expect(floorOf(owner) - floorOf(listed)).toBe(ACCESS_OWNER);
    expect(ACCESS).toBe(2);
    // The dispatcher is a trigger: no access check, and no sharing check outside the first run of the day.
    expect(floorOf(run('dispatcher-idle', { openForms: 1 }, { 'File.getOwner': 1 }))).toBe(
      REGISTER + CASE + LOCK + RESPONSE_CHECK,
    );
  });

  it('tabs written in one Sheets batch count once', () => {
    const perTab = run('publiceren', { tabsChanged: 6 });
    const batch = run('publiceren', { tabsChanged: 6 }, { 'Sheets.Spreadsheets.batchUpdate': 1 });
    expect(floorOf(perTab) - floorOf(batch)).toBe(5);
  });

  it('the documents: one call per element, or one listing and one upload per document written', () => {
    const base = MENU + ACCESS + LOCK + REGISTER + CASE;
    expect(floorOf(run('publiceren', { docWritten: true, docsWritten: 1, docElements: 400 }))).toBe(
      base + DOC_OPEN_SAVE + 400,
    );
    const upload = { 'Drive.Files.update': 1 };
    expect(floorOf(run('publiceren', { docWritten: true, docsWritten: 1, docElements: 400 }, upload))).toBe(
      base + DOC_LISTING + DOC_UPLOAD,
    );
    // Every audience version written counts; a chart drawn once, whatever the number of documents.
    const charts = [{ columns: 4, rows: 6 }];
    expect(floorOf(run('publiceren', { docWritten: true, docsWritten: 12, charts }, upload))).toBe(
      base + DOC_LISTING + 12 * DOC_UPLOAD + CHART + 4 + 6,
    );
    expect(floorOf(run('publiceren', { docWritten: false }))).toBe(base);
  });

  it('changing readers costs opening the file, one call for all added, one per removed', () => {
    const base = MENU + ACCESS + LOCK + REGISTER + CASE;
    const sharingChanges = [
      { added: 3, removed: 0 },
      { added: 0, removed: 2 },
    ];
    expect(floorOf(run('publiceren', { sharingChanges }))).toBe(base + 2 * SHARE_OPEN + 1 + 2);
  });

  it('a gate closes the step forms and reads what is new', () => {
    const gate = run('besluit', {
      openForms: 5,
      formsClosed: 5,
      newResponses: 1,
      newAnswers: 4,
      tabsChanged: 2,
    });
    expect(floorOf(gate)).toBe(
      MENU + ACCESS + LOCK + REGISTER + CASE + 5 * PER_OPEN_FORM + PER_RESPONSE + 4 * PER_ANSWER + 10 + 2,
    );
  });
});
