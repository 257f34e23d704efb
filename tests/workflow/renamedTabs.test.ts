/**
 * §4.3 #17, a system tab renamed by hand (docs/betrouwbaarheid.md): every system table's tab
 * carries developer metadata with its table name (workspace/tables.ts), which stays with the tab
 * when it is renamed. A table missing by name is found again by it and renamed back, logged in
 * the Logboek; never is a second, empty table started while the data sits in the renamed tab.
 * Two tabs that could be it stop the run before anything is written; a deleted tab is made anew.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { readDecisions } from '../../src/workflow/assemble';
import { openCase, openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { withLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { CASES, DECISIONS, LOG, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { SYSTEM_TABLE_KEY } from '../../src/workspace/tabs';
import { decideGate, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;

/** The names of the spreadsheet's tabs that are `name` or were made as that table. */
function tabsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): string[] {
  return ss
    .getSheets()
    .filter(
      (sh) =>
        sh.getName() === name ||
        sh
          .createDeveloperMetadataFinder()
          .withKey(SYSTEM_TABLE_KEY)
          .find()
          .some((m) => m.getValue() === name),
    )
    .map((sh) => sh.getName());
}

describe('§4.3 #17: een hernoemd systeemtabblad', () => {
  it('§4.3 #17: _besluiten hernoemd: het volgende besluit bouwt op de vorige, het tabblad heet weer _besluiten en het Logboek zegt het', () => {
    const f = freshLocalCase();
    local = f.local;
    decideGate(local, f.h, '1', 'verder_verkennen');
    const before = readTable(f.h.ss, DECISIONS);
    expect(before).toHaveLength(1);
    f.h.ss.getSheetByName(DECISIONS.name)!.setName('Besluiten (oud)');
    local.rt.advance(HOUR);
    // The coordinator's next action: a gate that can only follow the first decision.
    const state = decideGate(local, f.h, '2A', 'problematisch');
    expect(state.status).not.toBe('gesloten');
    const h = openCase(openRegister(), f.h.row.code);
    expect(readDecisions(h.ss).map((d) => [d.step, d.outcome])).toEqual([
      ['1', 'verder_verkennen'],
      ['2A', 'problematisch'],
    ]);
    // One table, under its own name; the renamed one is gone (it is the same tab).
    expect(tabsOf(h.ss, DECISIONS.name)).toEqual([DECISIONS.name]);
    expect(h.ss.getSheetByName('Besluiten (oud)')).toBeNull();
    const restored = readTable(h.ss, LOG).filter((l) => l.event === 'systeemtabblad hersteld');
    expect(restored.map((l) => l.detail)).toEqual(["Het tabblad 'Besluiten (oud)' heet weer _besluiten"]);
    // The dispatcher goes on as before.
    local.rt.advance(HOUR);
    expect(dispatchAll(openRegister()).errors).toEqual([]);
    expect(readTable(h.ss, DECISIONS)).toHaveLength(2);
  });

  it('§4.3 #17: _uitgaand hernoemd: de dispatcher vindt de wachtende mails terug en verstuurt elk één keer', () => {
    const f = freshLocalCase();
    local = f.local;
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      times: 1000,
      message: 'Service unavailable: Mail',
    });
    startStep(f.h);
    local.rt.clearFaults();
    const waiting = readTable(f.h.ss, OUTBOX);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => r.status === 'wacht')).toBe(true);
    // Unhidden to be renamed (a hidden tab has no tab to click), then renamed.
    const tab = f.h.ss.getSheetByName(OUTBOX.name)!;
    tab.showSheet();
    tab.setName('Uitgaand');
    local.rt.resetCounts();
    for (let run = 0; run < 3; run++) {
      local.rt.advance(HOUR);
      expect(dispatchAll(openRegister()).errors).toEqual([]);
    }
    expect(local.rt.counts.get('MailApp.sendEmail') ?? 0).toBe(waiting.length);
    const after = readTable(f.h.ss, OUTBOX);
    expect(after.map((r) => r.key)).toEqual(waiting.map((r) => r.key));
    expect(after.every((r) => r.status === 'verstuurd')).toBe(true);
    expect(tabsOf(f.h.ss, OUTBOX.name)).toEqual([OUTBOX.name]);
  });

  it('§4.3 #17: _casussen in het register hernoemd: de dispatcher vindt de casus nog en er komt geen tweede casuslijst', () => {
    const f = freshLocalCase();
    local = f.local;
    const reg = openRegister();
    reg.ss.getSheetByName(CASES.name)!.setName('Casussen kopie');
    local.rt.advance(HOUR);
    const report = dispatchAll(openRegister());
    expect(report.errors).toEqual([]);
    expect(tabsOf(reg.ss, CASES.name)).toEqual([CASES.name]);
    expect(readTable(reg.ss, CASES).map((r) => r.Casuscode)).toEqual([f.h.row.code]);
    // The case is still found for the coordinator's next action.
    expect(() => openCase(openRegister(), f.h.row.code)).not.toThrow();
  });

  it('§4.3 #17: twee tabbladen die _besluiten kunnen zijn: de run stopt vóór er iets geschreven wordt, met een melding die ze noemt', () => {
    const f = freshLocalCase();
    local = f.local;
    decideGate(local, f.h, '1', 'verder_verkennen');
    const other = openNewCase(openRegister(), fictionalCaseInput({ label: 'Winkelcentrum' }));
    const ss = f.h.ss;
    const original = ss.getSheetByName(DECISIONS.name)!;
    // A copy that carries the same tag (as a duplicated tab may), and the original renamed.
    const copy = ss.insertSheet('Besluiten kopie');
    copy.getRange(1, 1, 1, 2).setValues([['step', 'round']]);
    copy.addDeveloperMetadata(SYSTEM_TABLE_KEY, DECISIONS.name);
    original.setName('Besluiten (oud)');
    const logRows = ss.getSheetByName(LOG.name)!.getLastRow();
    local.rt.advance(HOUR);
    const message =
      "Het systeemtabblad _besluiten is niet gevonden, maar 2 tabbladen kunnen het zijn: 'Besluiten (oud)' en 'Besluiten kopie'. " +
      'Geef het juiste tabblad de naam _besluiten terug (en verwijder of hernoem de andere); er is niets bijgewerkt of geschreven.';
    expect(() => decideGate(local, f.h, '2A', 'problematisch')).toThrow(message);
    const report = dispatchAll(openRegister());
    expect(report.errors).toEqual([{ code: f.h.row.code, message }]);
    // The dispatcher went on with the other case.
    expect(report.refreshed.map((r) => r.code)).toContain(other.row.code);
    // Nothing renamed, made or written.
    expect(ss.getSheetByName(DECISIONS.name)).toBeNull();
    expect(ss.getSheetByName('Besluiten (oud)')!.getLastRow()).toBe(2);
    expect(ss.getSheetByName(LOG.name)!.getLastRow()).toBe(logRows);
    // The coordinator gives the right tab its name back: the next action builds on it.
    ss.getSheetByName('Besluiten (oud)')!.setName(DECISIONS.name);
    decideGate(local, f.h, '2A', 'problematisch');
    expect(readTable(ss, DECISIONS).map((d) => d.step)).toEqual(['1', '2A']);
  });

  it('§4.3 #17: _besluiten verwijderd (niet hernoemd): zoals voorheen begint het product een nieuw, leeg tabblad', () => {
    const f = freshLocalCase();
    local = f.local;
    decideGate(local, f.h, '1', 'verder_verkennen');
    const ss = f.h.ss;
    ss.deleteSheet(ss.getSheetByName(DECISIONS.name)!);
    local.rt.advance(HOUR);
    // Nothing to find again: the state machine starts over at step 1 (restore the tab from the
    // version history, Bestand → Versiegeschiedenis, to get the decisions back).
    expect(withLock(() => readDecisions(openCase(openRegister(), f.h.row.code).ss))).toEqual([]);
    expect(dispatchAll(openRegister()).errors).toEqual([]);
    decideGate(local, f.h, '1', 'verder_verkennen');
    expect(tabsOf(ss, DECISIONS.name)).toEqual([DECISIONS.name]);
    expect(readTable(ss, DECISIONS)).toHaveLength(1);
  });
});
