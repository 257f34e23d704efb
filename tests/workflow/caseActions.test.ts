/** The actions the menu and the dashboard share: what they do, and what a repeat says. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { ADVICE_SHEET } from '../../src/model/adviceSheet';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { isoDate } from '../../src/model/time';
import type { CaseAction } from '../../src/workflow/caseActions';
import { runCaseAction } from '../../src/workflow/caseActions';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { addPersons } from '../../src/workflow/persons';
import { FORMS, LOG, NAMES, OUTBOX } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import {
  decideGate,
  fillRequired,
  freshCaseAt2B,
  freshLocalCase,
  PERSONS,
  setPartnerLevels,
  withPartnerSteps,
} from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function fresh() {
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}

describe('acties op een casus', () => {
  it('een stap twee keer starten zegt dat hij al loopt, sinds wanneer en hoeveel partners antwoordden', () => {
    const h = fresh();
    const first = runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(first.message).toContain(
      'Stap 1 (ronde 1): 3 van 3 formulieren gemaakt, 3 uitnodiging(en) verstuurd',
    );
    expect(first.message).toContain('deadline 26-01-2026');
    const mails = local.rt.mailbox.length;
    fillRequired(local.rt, String(readTable(h.ss, FORMS)[0]!.formId));
    runCaseAction(openRegister(), h.row.code, 'refresh');
    local.rt.advance(24 * 3_600_000);
    // Typed in lower case: the same case.
    // Typed in lower case: the same case.
    const again = runCaseAction(openRegister(), h.row.code.toLowerCase(), 'startStep');
    expect(again.message).toBe(
      'Stap 1 loopt al sinds 12-01-2026; 1 van 3 partners heeft geantwoord. Er is niets opnieuw verstuurd.',
    );
    expect(local.rt.mailbox.length).toBe(mails);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
  });

  it('herinnert partners over de deadline één keer per dag, en niet wie antwoordde', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toBe(
      'Er zijn geen partners over de deadline zonder antwoord; er is geen herinnering verstuurd.',
    );
    fillRequired(local.rt, String(readTable(h.ss, FORMS).find((f) => f.partnerId === 'politie')!.formId));
    // Deadline 26 January; on the 28th two partners are late. Politie answered but nobody read it yet.
    local.rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
    const before = local.rt.mailbox.length;
    const r = runCaseAction(openRegister(), h.row.code, 'remind');
    expect(r.message).toBe('2 herinnering(en) aan partners over de deadline: 2 verstuurd.');
    const sent = local.rt.mailbox.slice(before);
    expect(sent.map((m) => m.to[0]).sort()).toEqual(
      ['handhaving@testdorp.example', 'team@jongerenwerk.example'].sort(),
    );
    expect(sent[0]!.body).toContain('(verstreken)');
    expect(sent[0]!.subject).not.toMatch(/Testpersoon/);
    // The same day again: nobody twice.
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toBe(
      '2 partner(s) kregen vandaag al een herinnering na de deadline; morgen kan het opnieuw.',
    );
    expect(local.rt.mailbox.length).toBe(before + 2);
    // The next day it may go again.
    local.rt.setNow(Date.UTC(2026, 0, 29, 9, 0));
    expect(runCaseAction(openRegister(), h.row.code, 'remind').message).toContain('2 verstuurd');
    const keys = readTable(h.ss, OUTBOX).map((m) => m.key);
    expect(keys).toContain('herinnering:1#1#boa:na-deadline:2026-01-28');
    expect(keys).toContain('herinnering:1#1#boa:na-deadline:2026-01-29');
  });

  it('weigert een onbekende casus met een Nederlandse melding', () => {
    fresh();
    expect(() => runCaseAction(openRegister(), 'JGA-2099-999', 'refresh')).toThrow(UserError);
    expect(() => runCaseAction(openRegister(), 'JGA-2099-999', 'refresh')).toThrow(/bestaat niet/);
  });

  it('mislukte mails: opnieuw versturen, en daarna zegt het dat er niets meer is', () => {
    const h = fresh();
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, message: 'Invalid email: team@x' });
    runCaseAction(openRegister(), h.row.code, 'startStep');
    local.rt.clearFaults();
    expect(readTable(h.ss, OUTBOX).filter((m) => m.status === 'mislukt')).toHaveLength(1);
    // The coordinator corrected the address (here: it was a passing fault) and sends again.
    const r = runCaseAction(openRegister(), h.row.code, 'resendMail');
    expect(r.message).toBe('1 mail(s) opnieuw in de wachtrij gezet; 1 verstuurd.');
    expect(runCaseAction(openRegister(), h.row.code, 'resendMail').message).toBe(
      'Er zijn geen mislukte of onzekere mails.',
    );
  });

  it('een start die niet in één keer past, meldt wat volgt; een volgende start maakt het af en daarna loopt hij sinds de eerste dag', () => {
    const h = fresh();
    let calls = 0;
    const first = runCaseAction(openRegister(), h.row.code, 'startStep', {
      onProgress: () => {
        calls++;
        // The first form took long: the rest no longer fits in this run's budget.
        local.rt.advance(10 * 60_000);
      },
    });
    expect(calls).toBe(1);
    expect(first.message).toContain('Stap 1 (ronde 1): 1 van 3 formulieren gemaakt');
    expect(first.message).toContain(
      '\nDe andere 2 formulier(en) worden gemaakt bij de volgende automatische bijwerking (of start de stap opnieuw); het dashboard laat zien hoe ver het is.',
    );
    local.rt.advance(24 * 3_600_000);
    const second = runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(second.message).toMatch(
      /^Stap 1 \(ronde 1\): 3 van 3 formulieren gemaakt, 2 uitnodiging\(en\) verstuurd/,
    );
    expect(second.message).not.toContain('De andere');
    local.rt.advance(24 * 3_600_000);
    expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toBe(
      'Stap 1 loopt al sinds 12-01-2026; 0 van 3 partners hebben geantwoord. Er is niets opnieuw verstuurd.',
    );
  });

  it('uitnodigingen boven het dagquotum wachten, en de melding zegt het', () => {
    const f = freshLocalCase({ mailDailyQuota: 2 });
    local = f.local;
    const r = runCaseAction(openRegister(), f.h.row.code, 'startStep');
    expect(r.message).toBe(
      'Stap 1 (ronde 1): 3 van 3 formulieren gemaakt, 2 uitnodiging(en) verstuurd, deadline 26-01-2026. 1 mail(s) wachten op het dagquotum.',
    );
  });

  it('een volgende stap loopt sinds zijn eigen start, niet sinds de vorige stap', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    local.rt.advance(3 * 24 * 3_600_000);
    decideGate(local, h, '1', 'verder_verkennen');
    runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toMatch(
      /^Stap 2A loopt al sinds 15-01-2026; .* Er is niets opnieuw verstuurd\.$/,
    );
  });

  it('"Nu bijwerken" leest ook direct na een vorige bijwerking alles opnieuw en telt wat binnenkwam', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(runCaseAction(openRegister(), h.row.code, 'refresh').message).toBe(
      'Bijgewerkt: 0 nieuwe en 0 gewijzigde inzending(en), 0 herinnering(en), 0 escalatie(s).',
    );
    fillRequired(local.rt, String(readTable(h.ss, FORMS)[0]!.formId));
    expect(runCaseAction(openRegister(), h.row.code, 'refresh').message).toBe(
      'Bijgewerkt: 1 nieuwe en 0 gewijzigde inzending(en), 0 herinnering(en), 0 escalatie(s).',
    );
  });

  it('de namenlijst: eerst aanmaken met een link, dan nieuwe codes, dan niets nieuws met een waarschuwing', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const code = f.h.row.code;
    const made = runCaseAction(openRegister(), code, 'namesList');
    expect(made.message).toBe(
      `De namenlijst van ${code} is aangemaakt, alleen voor u toegankelijk. Vul de namen in (kolom Naam; de kolom Code blijft leeg) en kies daarna opnieuw "Namenlijst bijwerken".`,
    );
    const namesId = openCase(openRegister(), code).row.namesId;
    expect(namesId).not.toBe('');
    expect(made.url).toContain(namesId);
    const tab = SpreadsheetApp.openById(namesId).getSheetByName(NAMES.name)!;
    tab.appendRow(['', `'${PERSONS[0]!.naam}`, '', '']);
    tab.appendRow(['', `'${PERSONS[1]!.naam}`, '', '']);
    const synced = runCaseAction(openRegister(), code, 'namesList');
    const codes = readTable(SpreadsheetApp.openById(namesId), NAMES).map((r) => r.Code);
    expect(codes).toHaveLength(2);
    expect(synced.message).toBe(`2 nieuwe persoonscode(s): ${codes.join(', ')}.`);
    expect(synced.url).toBe(made.url);
    expect(synced.message).not.toMatch(/testpersoon/i);
    // A label that names a person: reported on its own line, without the name.
    const cases = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Casussen')!;
    const col =
      (cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[]).indexOf('Label') + 1;
    cases.getRange(2, col).setValue("'Groep rond aardbei");
    expect(runCaseAction(openRegister(), code, 'namesList').message).toBe(
      `Geen nieuwe namen gevonden in de namenlijst.\nHet label van casus ${code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
    );
    // The Wijk names one too: each on its own line.
    const wijk =
      (cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[]).indexOf('Wijk') + 1;
    cases.getRange(2, wijk).setValue("'Bij bosbes thuis");
    expect(runCaseAction(openRegister(), code, 'namesList').message.split('\n')).toEqual([
      'Geen nieuwe namen gevonden in de namenlijst.',
      `Het label van casus ${code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
      `Het veld Wijk van casus ${code} in de tab Casussen bevat een naam uit de namenlijst. Pas die cel aan: noem geen personen.`,
    ]);
  });

  it('een nieuwe naam tijdens een lopende stap: de partners krijgen een aanvullend formulier', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const code = f.h.row.code;
    addPersons(f.h, PERSONS.slice(0, 1));
    runCaseAction(openRegister(), code, 'startStep');
    const namesId = openCase(openRegister(), code).row.namesId;
    SpreadsheetApp.openById(namesId)
      .getSheetByName(NAMES.name)!
      .appendRow(['', `'${PERSONS[1]!.naam}`, '', '']);
    const r = runCaseAction(openRegister(), code, 'namesList');
    expect(r.message).toMatch(
      /^1 nieuwe persoonscode\(s\): P-\w+\. De partners van de lopende stap krijgen een aanvullend formulier over nieuwe personen \(\d+; \d+ uitnodiging\(en\) verstuurd\)\.$/,
    );
  });

  it('integraal beeld bijwerken op verzoek staat in het logboek; de PDF noemt de dag', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(runCaseAction(openRegister(), h.row.code, 'publish').message).toBe(
      `Het integraal beeld van ${h.row.code} is bijgewerkt.`,
    );
    expect(readTable(h.ss, LOG).some((l) => l.detail.includes('bijgewerkt op verzoek'))).toBe(true);
    expect(runCaseAction(openRegister(), h.row.code, 'exportPdf').message).toBe(
      `Een PDF van het integraal beeld staat in de casusmap van ${h.row.code} (${isoDate(local.rt.now(), 'Europe/Amsterdam').split('-').reverse().join('-')}).`,
    );
  });

  it('een onbekende actie wordt geweigerd met een Nederlandse melding', () => {
    const h = fresh();
    expect(() => runCaseAction(openRegister(), h.row.code, 'wissen' as CaseAction)).toThrow(
      new UserError('Onbekende actie "wissen".'),
    );
  });

  it('een gesloten casus start geen stap meer', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const code = f.h.row.code;
    addPersons(f.h, PERSONS.slice(0, 2));
    recordDecision(
      openCase(openRegister(), code),
      {
        step: '2B',
        round: 1,
        outcome: 'niet_bevestigd',
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        routes: ['reguliere_inzet'],
      } as never,
      'regie@testdorp.example',
    );
    const h: CaseHandle = openCase(openRegister(), code);
    expect(h.row.status).toBe('gesloten');
    expect(() => runCaseAction(openRegister(), code, 'startStep')).toThrow(UserError);
  });

  it('een casus die na een volledig gestarte stap sloot, zegt niet dat de stap nog loopt', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    recordDecision(
      openCase(openRegister(), h.row.code),
      {
        step: '1',
        round: 1,
        outcome: 'niet_verder',
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        routes: ['reguliere_inzet'],
      } as never,
      'regie@testdorp.example',
    );
    expect(openCase(openRegister(), h.row.code).row.status).toBe('gesloten');
    expect(() => runCaseAction(openRegister(), h.row.code, 'startStep')).toThrow(UserError);
  });

  it('"Nu bijwerken" zet met de hand gewijzigde overzichtstabs terug, ook zonder nieuwe inzending', () => {
    const h = fresh();
    runCaseAction(openRegister(), h.row.code, 'startStep');
    runCaseAction(openRegister(), h.row.code, 'refresh');
    // The coordinator's own input tabs (plan, advice) are not views: they keep what was typed.
    const visible = h.ss
      .getSheets()
      .filter(
        (s) => !s.isSheetHidden() && s.getLastRow() > 0 && ![PLAN_SHEET, ADVICE_SHEET].includes(s.getName()),
      );
    expect(visible.length).toBeGreaterThan(3);
    const before = visible.map((s) => s.getRange(1, 1).getValue());
    for (const s of visible) s.getRange(1, 1).setValue('met de hand');
    local.rt.advance(60_000);
    runCaseAction(openRegister(), h.row.code, 'refresh');
    expect(visible.map((s) => s.getRange(1, 1).getValue())).toEqual(before);
  });

  it('een tweede ronde noemt de ronde en loopt sinds de start van die ronde', () => {
    const h = fresh();
    decideGate(local, h, '1', 'verder_verkennen');
    runCaseAction(openRegister(), h.row.code, 'startStep');
    local.rt.advance(2 * 24 * 3_600_000);
    decideGate(local, h, '2A', 'meer_informatie');
    const second = runCaseAction(openRegister(), h.row.code, 'startStep');
    expect(second.message).toMatch(/^Stap 2A \(ronde 2\): 3 van 3 formulieren gemaakt/);
    local.rt.advance(24 * 3_600_000);
    expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toMatch(
      /^Stap 2A \(ronde 2\) loopt al sinds 14-01-2026; 0 van 3 partners hebben geantwoord\. Er is niets opnieuw verstuurd\.$/,
    );
  });

  it('herinneringen boven het dagquotum wachten, en de melding zegt het', () => {
    const f = freshLocalCase({ mailDailyQuota: 3 });
    local = f.local;
    runCaseAction(openRegister(), f.h.row.code, 'startStep');
    local.rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
    // Other mail of the day used two of the three.
    MailApp.sendEmail('regie@testdorp.example', 'Ander bericht', 'Tekst.');
    MailApp.sendEmail('regie@testdorp.example', 'Ander bericht', 'Tekst.');
    expect(runCaseAction(openRegister(), f.h.row.code, 'remind').message).toBe(
      '3 herinnering(en) aan partners over de deadline: 1 verstuurd. 2 mail(s) wachten op het dagquotum.',
    );
  });

  it('een stap waarin geen partner een formulier krijgt: gestart zonder formulieren, en daarna loopt hij sinds die dag', () => {
    const h = fresh();
    // Nobody takes part in step 1 (column Stappen of the tab Partners).
    const noPartners = <T>(fn: () => T) =>
      withPartnerSteps('politie', '2A', () =>
        withPartnerSteps('jongerenwerk', '2A', () => withPartnerSteps('boa', '2A', fn)),
      );
    noPartners(() => {
      // Opened on Monday 12 January, started on Tuesday.
      local.rt.advance(24 * 3_600_000);
      expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toBe(
        'Stap 1 (ronde 1): 0 van 0 formulieren gemaakt, 0 uitnodiging(en) verstuurd, deadline 27-01-2026.',
      );
      local.rt.advance(24 * 3_600_000);
      // No partner count: there is nobody to answer.
      expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toBe(
        'Stap 1 loopt al sinds 13-01-2026. Er is niets opnieuw verstuurd.',
      );
    });
    expect(local.rt.mailbox).toHaveLength(0);
  });

  it('een start die na het eerste formulier afbrak, loopt sinds dat formulier, ook als pas de volgende start het logboek schreef', () => {
    const h = fresh();
    // The run breaks off after the first form (here: the progress toast fails).
    expect(() =>
      runCaseAction(openRegister(), h.row.code, 'startStep', {
        onProgress: () => {
          throw new Error('afgebroken');
        },
      }),
    ).toThrow('afgebroken');
    expect(readTable(h.ss, FORMS)).toHaveLength(1);
    expect(readTable(h.ss, LOG).some((l) => l.event === 'stap gestart')).toBe(false);
    local.rt.advance(24 * 3_600_000);
    expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toMatch(
      /^Stap 1 \(ronde 1\): 3 van 3 formulieren gemaakt, 3 uitnodiging\(en\) verstuurd/,
    );
    local.rt.advance(24 * 3_600_000);
    expect(runCaseAction(openRegister(), h.row.code, 'startStep').message).toBe(
      'Stap 1 loopt al sinds 12-01-2026; 0 van 3 partners hebben geantwoord. Er is niets opnieuw verstuurd.',
    );
  });

  it('een start met waarschuwingen zet elke op een eigen regel onder de melding', () => {
    const f = freshCaseAt2B();
    local = f.local;
    // Handhaving takes part in 2B at the level of persons, but signed no convenant.
    setPartnerLevels('boa', 'groep, domein, persoon');
    const message = withPartnerSteps('boa', '1, 2A, 2B, 3, 6', () =>
      runCaseAction(openRegister(), f.h.row.code, 'startStep'),
    ).message;
    expect(message.split('\n')).toEqual([
      'Stap 2B (ronde 1): 2 van 2 formulieren gemaakt, 2 uitnodiging(en) verstuurd, deadline 02-02-2026.',
      'De namenlijst heeft nog geen personen: de vragen per persoon ontbreken in deze formulieren. Vul eerst de namenlijst (menu "Namenlijst bijwerken").',
      'Handhaving Testdorp (boa) heeft geen datum in de kolom "Convenant getekend" van de tab Partners: het formulier vraagt alleen op groepsniveau, niet over personen.',
    ]);
  });

  it('brieven bij een gesloten casus: afsluitbrieven, met de dag waarop de map wordt vernietigd', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const code = f.h.row.code;
    const codes = addPersons(f.h, PERSONS.slice(0, 2));
    decideGate(local, f.h, '2B', 'bevestigd');
    decideGate(local, f.h, '3', 'gereed');
    // Open: information letters, no word about the destruction.
    const open = runCaseAction(openRegister(), code, 'letters');
    expect(open.message).toBe(
      `Casus ${code}: 2 informatiebrieven gemaakt (${codes.join(', ')}). De brieven staan alleen in de beperkte map "Brieven ${code}" naast de namenlijst; verstuur ze zelf.`,
    );
    // The driehoek gives no priority on Tuesday 13 January: the case closes and keeps its namenlijst.
    local.rt.advance(24 * 3_600_000);
    recordDecision(
      openCase(openRegister(), code),
      {
        step: '4',
        round: 1,
        outcome: 'niet_geprioriteerd',
        motivation: 'Besproken.',
        decidedBy: 'lokale driehoek',
        date: '2026-01-13',
        routes: ['reguliere_inzet'],
      } as never,
      'regie@testdorp.example',
    );
    expect(openCase(openRegister(), code).row.status).toBe('gesloten');
    const closed = runCaseAction(openRegister(), code, 'letters');
    // Bewaartermijn 12 months from the closing day.
    expect(closed.message).toBe(
      `Casus ${code}: 2 afsluitbrieven gemaakt (${codes.join(', ')}). De brieven staan alleen in de beperkte map "Brieven ${code}" naast de namenlijst; verstuur ze zelf. Verstuur afsluitbrieven vóór 13-01-2027: dan wordt de map vernietigd.`,
    );
    expect(closed.url).toBe(open.url);
  });
  it('opnieuw versturen boven het dagquotum: de mail wacht, en de melding zegt het', () => {
    const f = freshLocalCase({ mailDailyQuota: 3 });
    local = f.local;
    local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, message: 'Invalid email: team@x' });
    runCaseAction(openRegister(), f.h.row.code, 'startStep');
    local.rt.clearFaults();
    // The rest of today's quota goes to other mail.
    while (MailApp.getRemainingDailyQuota() > 0)
      MailApp.sendEmail('regie@testdorp.example', 'Ander bericht', 'Tekst.');
    expect(runCaseAction(openRegister(), f.h.row.code, 'resendMail').message).toBe(
      '1 mail(s) opnieuw in de wachtrij gezet; 0 verstuurd, 1 wachten op het dagquotum.',
    );
  });
});
