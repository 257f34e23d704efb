/**
 * Opening the register (workflow/context.ts): which spreadsheet, what the coordinator's tabs
 * give, and what reading the settings and the case list costs in calls to Google — every action
 * starts here, so a read too many is paid on every menu click and every trigger run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { listCases, openRegister, REGISTER_PROPERTY, UserError } from '../../src/workflow/context';
import { withLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { TABS } from '../../src/workflow/records';
import { QUESTIONS_SHEET } from '../../src/workflow/registerTabs';
import { setScriptProperty } from '../../src/workspace/props';
import { readTable } from '../../src/workspace/tables';
import { withoutSheets } from '../workspace/helpers';
import { freshLocalCase, freshRegister } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

function withCase() {
  const f = freshLocalCase();
  local = f.local;
  return f;
}

/** The ranges of every Sheets values batchGet while `f` runs. */
function batchRanges(f: () => void): string[][] {
  const spy = vi.spyOn(Sheets!.Spreadsheets!.Values!, 'batchGet');
  try {
    f();
    return spy.mock.calls.map((c) => [...((c[1] as { ranges?: string[] } | undefined)?.ranges ?? [])]);
  } finally {
    spy.mockRestore();
  }
}

describe('welk register', () => {
  it('zonder gebonden spreadsheet: het register uit de scripteigenschap, anders een melding wat te doen', () => {
    const fresh = freshRegister();
    local = fresh.local;
    local.rt.boundContainerId = null;
    expect(() => openRegister()).toThrow(UserError);
    expect(() => openRegister()).toThrow(
      'Er is nog geen register ingericht. Kies eerst "Register inrichten" in het menu.',
    );
    setScriptProperty(REGISTER_PROPERTY, fresh.ss.getId());
    expect(openRegister().settings.gemeente).toBe('Testdorp');
  });
});

describe('wat het register geeft', () => {
  it('een verborgen vraag valt uit de vragenlijst maar blijft leesbaar voor oude antwoorden, met de eigen titels', () => {
    const fresh = freshRegister();
    local = fresh.local;
    const sh = fresh.ss.getSheetByName(QUESTIONS_SHEET)!;
    const rows = sh.getDataRange().getValues();
    const row = (id: string) => rows.findIndex((r) => r[0] === id) + 1;
    sh.getRange(row('1.bron'), 9).setValue("'ja");
    sh.getRange(row('1.functie'), 6).setValue("'Wat is uw rol in de wijk?");
    const reg = openRegister();
    expect(reg.catalog.map((q) => q.id)).not.toContain('1.bron');
    expect(reg.allQuestions.map((q) => q.id)).toContain('1.bron');
    expect(reg.catalog.find((q) => q.id === '1.functie')?.title).toBe('Wat is uw rol in de wijk?');
    expect(reg.allQuestions.find((q) => q.id === '1.functie')?.title).toBe('Wat is uw rol in de wijk?');
  });

  it('de casussen met wat de lijst laatst toonde: de volgende actie', () => {
    const { h } = withCase();
    const [row] = listCases(openRegister());
    expect(row).toMatchObject({ code: h.row.code, status: 'open', step: '1', late: 0 });
    expect(row!.nextAction).toBe('Stap 1 starten');
  });
});

describe('wat het lezen kost', () => {
  it('buiten het slot: instellingen en casussen in één batchGet zonder de vingerafdrukken; de lijst daarna zonder call', () => {
    const { local: l } = withCase();
    l.rt.resetCounts();
    let reg: ReturnType<typeof openRegister> | undefined;
    const ranges = batchRanges(() => {
      reg = openRegister();
    });
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toHaveLength(5);
    expect(ranges[0]!.join(' ')).not.toContain(TABS.name);
    expect(l.rt.totalCalls('Sheets.')).toBe(1);
    expect(l.rt.totalCalls('Sheet.') + l.rt.totalCalls('Range.')).toBe(0);
    l.rt.resetCounts();
    expect(listCases(reg!)).toHaveLength(1);
    expect(l.rt.totalCalls()).toBe(0);
    // The read is used once; the next list is read again: the table and its view in one batchGet.
    expect(listCases(reg!)).toHaveLength(1);
    expect(l.rt.totalCalls()).toBe(1);
    expect(l.rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  });

  it('binnen het slot: ook de vingerafdrukken in die ene batchGet; wat gelezen is kost daarna niets meer', () => {
    const { local: l } = withCase();
    withLock(() => {
      l.rt.resetCounts();
      const reg = openRegister();
      expect(l.rt.totalCalls('Sheets.')).toBe(1);
      l.rt.resetCounts();
      expect(listCases(reg)).toHaveLength(1);
      expect(readTable(reg.ss, TABS).length).toBeGreaterThan(0);
      expect(l.rt.totalCalls()).toBe(0);
      // A second list takes the table from the cache; only the view is read again, for edits.
      expect(listCases(reg)).toHaveLength(1);
      expect(l.rt.totalCalls('Sheets.')).toBe(0);
      expect(l.rt.counts.get('Range.getValues')).toBe(1);
    });
  });

  it('een register dat buiten het slot gelezen is, toont binnen het slot de casussen van nu', () => {
    const { local: l } = withCase();
    const reg = openRegister();
    // Meanwhile another action opens a second case.
    l.rt.advance(60_000);
    openNewCase(openRegister(), fictionalCaseInput({ label: 'Tweede' }));
    expect(withLock(() => listCases(reg)).map((c) => c.label)).toContain('Tweede');
  });

  it('zonder de Sheets-service: alleen de drie instellingentabs, en een lege lijst leest geen tab', () => {
    const fresh = freshRegister();
    local = fresh.local;
    const l = fresh.local;
    withoutSheets(() => {
      l.rt.resetCounts();
      const reg = openRegister();
      expect(l.rt.counts.get('Range.getValues')).toBe(3);
      l.rt.resetCounts();
      expect(listCases(reg)).toEqual([]);
      expect(l.rt.counts.get('Range.getValues') ?? 0).toBe(0);
    });
  });
});
