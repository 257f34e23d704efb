/**
 * workspace/spreadsheets, lock, session and mail: what one entry asks once, the script lock that
 * is always released, and the mail options.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installAppsScript } from '../../src/local/apps-script/install';
import { holdLockElsewhere } from '../../src/local/apps-script/lock';
import { Runtime } from '../../src/local/apps-script/runtime';
import { withScriptLock } from '../../src/workspace/lock';
import { remainingQuota, sendMail } from '../../src/workspace/mail';
import { activeUserEmail, fileOwnerEmail } from '../../src/workspace/session';
import {
  activeSpreadsheet,
  entryFact,
  openSpreadsheet,
  spreadsheetId,
  withActiveSpreadsheet,
} from '../../src/workspace/spreadsheets';

let rt: Runtime;
let uninstall: () => void;
beforeEach(() => {
  rt = new Runtime({ latency: false, userEmail: ' Regisseur@Gemeente.Example ' });
  uninstall = installAppsScript(rt).uninstall;
});
afterEach(() => uninstall());

const count = (method: string) => rt.counts.get(method) ?? 0;

describe('één entry vraagt elk feit één keer', () => {
  it('buiten een entry vraagt elke aanroep opnieuw', () => {
    let asked = 0;
    expect(entryFact('x', () => ++asked)).toBe(1);
    expect(entryFact('x', () => ++asked)).toBe(2);
    activeSpreadsheet();
    activeSpreadsheet();
    expect(count('SpreadsheetApp.getActiveSpreadsheet')).toBe(2);
  });

  it('binnen een entry één keer per feit, ook in een geneste entry; daarna weer opnieuw', () => {
    let asked = 0;
    const inside = withActiveSpreadsheet(() => {
      activeSpreadsheet();
      const a = entryFact('x', () => ++asked);
      const b = withActiveSpreadsheet(() => entryFact('x', () => ++asked));
      const c = entryFact('y', () => ++asked);
      activeSpreadsheet();
      return [a, b, c];
    });
    expect(inside).toEqual([1, 1, 2]);
    expect(count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(entryFact('x', () => ++asked)).toBe(3);
  });

  it('na een fout in de entry is er geen entry meer', () => {
    let asked = 0;
    expect(() =>
      withActiveSpreadsheet(() => {
        entryFact('x', () => ++asked);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(entryFact('x', () => ++asked)).toBe(2);
  });

  it('de gebruiker: kleine letters zonder spaties, één vraag per entry', () => {
    withActiveSpreadsheet(() => {
      expect(activeUserEmail()).toBe('regisseur@gemeente.example');
      expect(activeUserEmail()).toBe('regisseur@gemeente.example');
    });
    expect(count('Session.getActiveUser')).toBe(1);
  });

  it('de eigenaar van een bestand: kleine letters zonder spaties', () => {
    const id = SpreadsheetApp.create('Register').getId();
    expect(fileOwnerEmail(id)).toBe('regisseur@gemeente.example');
  });

  it('het id van een geopende spreadsheet kost geen aanroep; van een andere één keer', () => {
    const id = SpreadsheetApp.create('Register').getId();
    rt.counts.clear();
    const opened = openSpreadsheet(id);
    expect(spreadsheetId(opened)).toBe(id);
    expect(count('Spreadsheet.getId')).toBe(0);
    const other = SpreadsheetApp.create('Ander');
    rt.counts.clear();
    expect(spreadsheetId(other)).toBe(other.getId());
    spreadsheetId(other);
    expect(count('Spreadsheet.getId')).toBe(2);
  });
});

describe('withScriptLock', () => {
  it('een bezet slot: niets gedaan', () => {
    holdLockElsewhere(rt, 'script', rt.now() + 60_000);
    let ran = false;
    expect(withScriptLock(() => (ran = true), 1000)).toEqual({ ok: false });
    expect(ran).toBe(false);
  });

  it('geeft de uitkomst, schrijft weg en laat het slot los, ook na een fout', () => {
    expect(withScriptLock(() => 42, 1000)).toEqual({ ok: true, value: 42 });
    expect(LockService.getScriptLock().hasLock()).toBe(false);
    rt.counts.clear();
    expect(() =>
      withScriptLock(() => {
        throw new Error('stop');
      }, 1000),
    ).toThrow('stop');
    expect(count('SpreadsheetApp.flush')).toBe(1);
    expect(LockService.getScriptLock().hasLock()).toBe(false);
  });
});

describe('mail', () => {
  it('het resterende dagquotum komt van MailApp', () => {
    expect(remainingQuota()).toBe(MailApp.getRemainingDailyQuota());
    expect(remainingQuota()).toBeGreaterThan(0);
  });

  it('zet een antwoordadres alleen als er een is', () => {
    const sent: unknown[] = [];
    const real = MailApp.sendEmail;
    (MailApp as { sendEmail: unknown }).sendEmail = (...args: unknown[]) => sent.push(args);
    try {
      sendMail('a@politie.example', 'Onderwerp', 'Tekst', 'Gemeente', '');
      sendMail('a@politie.example', 'Onderwerp', 'Tekst', 'Gemeente', 'regie@gemeente.example');
    } finally {
      (MailApp as { sendEmail: unknown }).sendEmail = real;
    }
    expect(sent).toEqual([
      ['a@politie.example', 'Onderwerp', 'Tekst', { name: 'Gemeente' }],
      ['a@politie.example', 'Onderwerp', 'Tekst', { name: 'Gemeente', replyTo: 'regie@gemeente.example' }],
    ]);
  });
});
