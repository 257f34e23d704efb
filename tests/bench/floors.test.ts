/** The floor formulas of docs/prestaties.md, per operation and route. */
import { describe, expect, it } from 'vitest';
import {
  CASE,
  DOC_OPEN_SAVE,
  DOC_UPLOAD,
  FORM_BY_BUILD,
  FORM_BY_COPY,
  floorOf,
  LOCK,
  MENU,
  PER_ANSWER,
  PER_ITEM_BUILT,
  PER_RESPONSE,
  REGISTER,
} from '../../src/local/bench/floors';
import type { OperationRun, Work } from '../../src/local/bench/play';

const noWork: Work = {
  formsCreated: 0,
  itemsCreated: 0,
  formsCopied: 0,
  mailsSent: 0,
  openForms: 0,
  newResponses: 0,
  newAnswers: 0,
  formsClosed: 0,
  tabsChanged: 0,
  tabsWritten: 0,
  docElements: 0,
  docWritten: false,
  personsAdded: 0,
  pdfs: 0,
  openCases: 1,
  dailyRun: false,
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
    const base = MENU + LOCK + REGISTER + CASE;
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
  });

  it('a split start counts each continuation as a fresh execution', () => {
    const one = floorOf(run('start', { formsCreated: 2, itemsCreated: 10 }));
    const three = floorOf(run('start', { formsCreated: 2, itemsCreated: 10 }, {}, 3));
    expect(three - one).toBe(2 * (REGISTER + CASE + LOCK));
  });

  it('an idle dispatcher run costs one call per open form plus a constant', () => {
    const idle = run('dispatcher-idle', { openForms: 20 });
    expect(floorOf(idle)).toBe(REGISTER + CASE + LOCK + 20);
    const busy = run('dispatcher-eerste', {
      openForms: 20,
      newResponses: 2,
      newAnswers: 30,
      dailyRun: true,
      tabsChanged: 3,
    });
    expect(floorOf(busy)).toBe(REGISTER + CASE + LOCK + 20 + 2 * PER_RESPONSE + 30 * PER_ANSWER + 1 + 3);
  });

  it('tabs written in one Sheets batch count once', () => {
    const perTab = run('publiceren', { tabsChanged: 6 });
    const batch = run('publiceren', { tabsChanged: 6 }, { 'Sheets.Spreadsheets.batchUpdate': 1 });
    expect(floorOf(perTab) - floorOf(batch)).toBe(5);
  });

  it('the overview: one call per element, or one upload', () => {
    const base = MENU + LOCK + REGISTER + CASE;
    expect(floorOf(run('publiceren', { docWritten: true, docElements: 400 }))).toBe(
      base + DOC_OPEN_SAVE + 400,
    );
    expect(
      floorOf(run('publiceren', { docWritten: true, docElements: 400 }, { 'Drive.Files.update': 1 })),
    ).toBe(base + DOC_UPLOAD);
    expect(floorOf(run('publiceren', { docWritten: false }))).toBe(base);
  });

  it('a gate closes the step forms and reads what is new', () => {
    const gate = run('besluit', {
      openForms: 5,
      formsClosed: 5,
      newResponses: 1,
      newAnswers: 4,
      tabsChanged: 2,
    });
    expect(floorOf(gate)).toBe(MENU + LOCK + REGISTER + CASE + 5 + PER_RESPONSE + 4 * PER_ANSWER + 10 + 2);
  });
});
