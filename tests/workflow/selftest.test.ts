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

/** What the Zelftest made: the Drive entries in the trash (nothing was trashed before it ran). */
function madeByTest(): { id: string; name: string }[] {
  return [...local.rt.drive.values()].filter((e) => e.trashed);
}

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
    const listed = local.rt.totalCalls('Drive.Files.list');
    const r = withLock(() => runSelftest(INPUT));
    expect(r.checks).toEqual([
      { service: 'Drive', ok: true, detail: 'map gemaakt' },
      {
        service: 'Spreadsheets',
        ok: true,
        detail: 'register en casus ZELF-2026-001 gemaakt en teruggelezen',
      },
      { service: 'Formulieren', ok: true, detail: 'formulier gemaakt en gepubliceerd' },
      {
        service: 'Mail',
        ok: true,
        detail: 'één proefmail (de uitnodiging) verstuurd aan het adres van de procesregisseur',
      },
      {
        service: 'Antwoorden verwerken',
        ok: true,
        detail: 'een ingevuld antwoord staat in de casusspreadsheet',
      },
      { service: 'Documenten', ok: true, detail: 'integraal beeld gemaakt en gelezen' },
      {
        service: 'Opruimen',
        ok: true,
        detail: `${madeByTest().length} bestanden en mappen in de prullenbak`,
      },
    ]);
    expect(r.ok).toBe(true);
    expect(local.rt.mailbox.map((m) => [m.to, m.subject])).toEqual([
      [['regie@testdorp.example'], 'Zelftest 7-stappen ZELF-2026-001: proefmail, mag weg'],
    ]);
    // The proefmail says what it is and that nothing needs doing.
    expect(local.rt.mailbox[0]!.body).toMatch(
      /^Dit is de proefmail van de Zelftest van het 7-stappen-register\. U hoeft niets te doen: het formulier \(https:\/\/docs\.google\.com\/forms\/.+\) en alles wat de test maakte, gaan na de test naar de prullenbak\.$/,
    );
    // What it observed and what it could not check (a script may not change a submitted answer).
    expect(r.facts).toEqual([
      {
        fact: 'Form.getResponses(tijdstip) met precies het tijdstip van een antwoord',
        observed: 'geeft dat antwoord terug (inclusief)',
      },
      {
        fact: 'Een regeleinde (\\n) binnen een alinea in Google Docs',
        observed: 'blijft een regeleinde binnen één alinea',
      },
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
    expect(r.notes).toEqual([
      'Automatisch bijwerken staat (voor uw account) nog niet aan; kies "Automatisch bijwerken aanzetten".',
    ]);
    // Everything it made is recognisable as throwaway in the trash: no person data, "mag weg".
    const names = madeByTest().map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Zelftest \d{12} \(mag weg\)$/),
        'Zelftest register (mag weg)',
        'Zelftest alinea (mag weg)',
      ]),
    );
    // The throwaway register never mails a daily overview (its settings, read from the trash).
    const reg = madeByTest().find((e) => e.name === 'Zelftest register (mag weg)')!;
    expect(openRegister(SpreadsheetApp.openById(reg.id)).settings.digest).toBe(false);
    // Budget: a folder is listed only when the integraal beeld is built (publish finds the case
    // documents); the reconcile reads the one form the test registered, it does not list the case folder.
    expect(local.rt.totalCalls('Drive.Files.list') - listed).toBe(2);
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
    expect(r.facts).toEqual([]);
    expect(selftestText(r)).toBe(
      [
        'Zelftest: niet alles werkt.',
        '',
        'werkt — Drive: map gemaakt',
        'werkt — Spreadsheets: register en casus ZELF-2026-001 gemaakt en teruggelezen',
        `MISLUKT — Formulieren: ${r.checks[2]!.detail}`,
        `werkt — Opruimen: ${madeByTest().length} bestanden en mappen in de prullenbak`,
        '',
        'Niet gecontroleerd:',
        '- Mail: niet gecontroleerd, omdat een eerdere stap mislukte.',
        '- Antwoorden verwerken: niet gecontroleerd, omdat een eerdere stap mislukte.',
        '- Documenten: niet gecontroleerd, omdat een eerdere stap mislukte.',
        '',
        'Automatisch bijwerken staat (voor uw account) nog niet aan; kies "Automatisch bijwerken aanzetten".',
      ].join('\n'),
    );
    expect(liveDrive().sort()).toEqual(drive.sort());
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual(props);
    expect(local.rt.mailbox).toHaveLength(0);
  });
});
