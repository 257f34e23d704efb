/**
 * The in-memory Apps Script speaks the account's language: service errors in Dutch for an `nl`
 * account (the observed texts), and where the Dutch text is unknown a wording of its own that
 * contains none of the English words a product might match.
 */
import { describe, expect, it } from 'vitest';
import { createDriveApp } from '../../src/local/apps-script/drive';
import { createFormApp } from '../../src/local/apps-script/forms';
import { createMailApp, useMailQuota } from '../../src/local/apps-script/mail';
import {
  type AccountLanguage,
  dutchSourceOf,
  localize,
  UNKNOWN_DUTCH,
} from '../../src/local/apps-script/messages';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createSession } from '../../src/local/apps-script/session';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';
import { createUi } from '../../src/local/apps-script/ui';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('nothing thrown');
}

const setup = (language: AccountLanguage, mailDailyQuota = 10) => {
  const rt = new Runtime({ latency: false, language, mailDailyQuota });
  return {
    rt,
    drive: createDriveApp(rt),
    forms: createFormApp(rt),
    mail: createMailApp(rt),
    sheets: createSpreadsheetApp(rt),
  };
};

describe('foutmeldingen in de taal van het account', () => {
  it('een onbekend id: Engels in een Engels account, de waargenomen Nederlandse tekst in een Nederlands account', () => {
    const en = setup('en');
    const nl = setup('nl');
    expect(thrown(() => en.forms.openById('weg')).message).toBe(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    const e = thrown(() => nl.forms.openById('weg'));
    expect(e.message).toBe(
      'Er is geen item met de opgegeven id gevonden of je hebt geen toestemming om het item te openen.',
    );
    expect(e.name).toBe('Exception');
    expect(thrown(() => nl.drive.getFileById('weg')).message).toMatch(/^Er is geen item/);
  });

  it('een ongeldig adres: "Ongeldige e-mail: …" met het adres erin', () => {
    const { mail } = setup('nl');
    expect(thrown(() => mail.sendEmail('jan@', 'Onderwerp', 'Tekst')).message).toBe('Ongeldige e-mail: jan@');
  });

  it('een dubbele bladnaam: de waargenomen Nederlandse tekst', () => {
    const { sheets } = setup('nl');
    const ss = sheets.create('Register');
    ss.insertSheet('Casussen');
    expect(thrown(() => ss.insertSheet('casussen')).message).toBe(
      'Er is al een blad met de naam casussen. Geef een andere naam op.',
    );
  });

  it('het dagquotum van MailApp: een eigen tekst zonder de Engelse woorden, want de echte is onbekend', () => {
    const { rt, mail } = setup('nl', 1);
    useMailQuota(rt, 1);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    const message = thrown(() => mail.sendEmail('a@b.example', 'Onderwerp', 'Tekst')).message;
    expect(message.startsWith(UNKNOWN_DUTCH)).toBe(true);
    expect(message).not.toMatch(/too many|one day|invoked/i);
    expect(message).toContain('email');
    expect(dutchSourceOf('Service invoked too many times for one day: email.')).toBe('unknown');
  });

  it('een ingespoten fout volgt ook de taal; een onbekende tekst komt onleesbaar voor de product-code (rot13)', () => {
    const { rt, forms } = setup('nl');
    rt.injectFault({ method: 'FormApp.create', nth: 1, message: 'Service unavailable: Forms' });
    const message = thrown(() => forms.create('x')).message;
    expect(message).toBe(`${UNKNOWN_DUTCH} (rot13) Freivpr haninvynoyr: Sbezf`);
    expect(message).not.toMatch(/unavailable/i);
    // The emulator's own Dutch messages stay as they are.
    expect(localize('Niet geëmuleerd: Form.setRequireLogin', 'nl')).toBe(
      'Niet geëmuleerd: Form.setRequireLogin',
    );
    expect(localize('Service unavailable: Forms', 'en')).toBe('Service unavailable: Forms');
  });

  it('een fout met een neveneffect: een ander script gebruikt het mailquotum op, de aanroep zelf loopt gewoon', () => {
    const { rt, mail } = setup('en', 5);
    rt.injectFault({ method: 'MailApp.sendEmail', nth: 2, effect: (r) => useMailQuota(r, Infinity) });
    mail.sendEmail('a@b.example', 'Een', 'Tekst');
    expect(thrown(() => mail.sendEmail('a@b.example', 'Twee', 'Tekst')).message).toBe(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(rt.mailbox).toHaveLength(1);
  });

  it('het standaardtabblad heet Blad1 in een Nederlands account, Sheet1 in een Engels', () => {
    const nl = setup('nl').sheets.create('R');
    expect(nl.getSheets()[0]!.getName()).toBe('Blad1');
    expect(nl.insertSheet().getName()).toBe('Blad2');
    expect(setup('en').sheets.create('R').getSheets()[0]!.getName()).toBe('Sheet1');
  });

  it('Session.getActiveUserLocale geeft de taal van het account', () => {
    expect(createSession(new Runtime({ latency: false, language: 'nl' })).getActiveUserLocale()).toBe('nl');
    expect(createSession(new Runtime({ latency: false })).getActiveUserLocale()).toBe('en');
  });

  it('een nieuwe runtime spreekt zijn eigen taal, ook vóór zijn eerste aanroep', () => {
    new Runtime({ latency: false, language: 'nl' }).call('Session.getActiveUser');
    const rt = new Runtime({ latency: false });
    rt.ui.uiAvailable = false;
    expect(() => createUi(rt, 'SpreadsheetApp')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});
