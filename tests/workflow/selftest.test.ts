/**
 * The Zelftest (workflow/selftest.ts) on the in-memory Apps Script: every service works, the
 * one proefmail goes to the coordinator, what it observed is reported, and nothing it made
 * stays out of the trash; the script properties and the register are as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { listCases, openRegister } from '../../src/workflow/context';
import { withLock } from '../../src/workflow/lock';
import { runSelftest, selftestText } from '../../src/workflow/selftest';
import { freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

/** Drive entries not in the trash. */
function liveDrive(): string[] {
  return [...local.rt.drive.values()].filter((e) => !e.trashed).map((e) => e.id);
}

const INPUT = { email: 'regie@testdorp.example', parentId: null, dispatchHandler: 'runDispatcher' };

describe('Zelftest', () => {
  it('§4.3 #24: alles werkt, één proefmail aan de procesregisseur, alles wat hij maakte in de prullenbak, en hij zegt of automatisch bijwerken voor uw account aanstaat', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    const drive = liveDrive();
    const props = PropertiesService.getScriptProperties().getProperties();
    const r = withLock(() => runSelftest(INPUT));
    expect(r.checks.map((c) => [c.service, c.ok])).toEqual([
      ['Drive', true],
      ['Spreadsheets', true],
      ['Formulieren', true],
      ['Mail', true],
      ['Antwoorden verwerken', true],
      ['Documenten', true],
      ['Opruimen', true],
    ]);
    expect(r.ok).toBe(true);
    expect(local.rt.mailbox.map((m) => [m.to, m.subject])).toEqual([
      [['regie@testdorp.example'], 'Zelftest 7-stappen ZELF-2026-001: proefmail, mag weg'],
    ]);
    // What it observed and what it could not check (a script may not change a submitted answer).
    expect(r.facts.map((f) => f.fact)).toEqual([
      'Form.getResponses(tijdstip) met precies het tijdstip van een antwoord',
      'Een regeleinde (\\n) binnen een alinea in Google Docs',
    ]);
    expect(r.notChecked).toEqual([expect.stringContaining('Of FormResponse.getTimestamp() opschuift')]);
    // Nothing it made stays, and the register and the script properties are as they were.
    expect(liveDrive().sort()).toEqual(drive.sort());
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual(props);
    expect(listCases(openRegister()).map((c) => c.code)).toEqual([fresh.h.row.code]);
    const text = selftestText(r);
    expect(text).toMatch(/^Zelftest geslaagd\.\n\nwerkt — Drive: map gemaakt\n/);
    expect(text).toContain('Niet gecontroleerd:\n- Of FormResponse.getTimestamp() opschuift');
    expect(text).toContain('Automatisch bijwerken staat (voor uw account) nog niet aan');
  });

  it('een dienst die faalt: gemeld, de rest niet gecontroleerd, en toch opgeruimd', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    const drive = liveDrive();
    const props = PropertiesService.getScriptProperties().getProperties();
    local.rt.injectFault({ method: 'FormApp.create', nth: 1, times: 10, message: 'Service Forms failed' });
    const r = withLock(() => runSelftest(INPUT));
    expect(r.ok).toBe(false);
    expect(r.checks.map((c) => [c.service, c.ok])).toEqual([
      ['Drive', true],
      ['Spreadsheets', true],
      ['Formulieren', false],
      ['Opruimen', true],
    ]);
    expect(r.checks[2]!.detail).toContain('Service Forms failed');
    expect(r.notChecked).toEqual([
      'Mail: niet gecontroleerd, omdat een eerdere stap mislukte.',
      'Antwoorden verwerken: niet gecontroleerd, omdat een eerdere stap mislukte.',
      'Documenten: niet gecontroleerd, omdat een eerdere stap mislukte.',
    ]);
    expect(selftestText(r)).toMatch(/^Zelftest: niet alles werkt\./);
    expect(liveDrive().sort()).toEqual(drive.sort());
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual(props);
    expect(local.rt.mailbox).toHaveLength(0);
  });
});
