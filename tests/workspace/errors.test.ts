/** workspace/errors: kinds of service failure by fact and by wording, in English and in Dutch. */
import { afterEach, describe, expect, it } from 'vitest';
import { useMailQuota } from '../../src/local/apps-script/mail';
import { localize } from '../../src/local/apps-script/messages';
import { type LocalAppsScript, startLocalAppsScript } from '../../src/local/harness';
import {
  classifyMailError,
  dailyQuotaNotice,
  errorMessage,
  isMailAddress,
  kindByWording,
} from '../../src/workspace/errors';

describe('kindByWording', () => {
  it.each([
    ['No item with the given ID could be found, or you do not have permission to access it.', 'missing'],
    [
      'Er is geen item met de opgegeven id gevonden of je hebt geen toestemming om het item te openen.',
      'missing',
    ],
    ['Document 1abc is missing (perhaps it was deleted?)', 'missing'],
    ['Service invoked too many times for one day: email.', 'dailyQuota'],
    ['Service using too much computer time for one day.', 'dailyQuota'],
    [
      'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.',
      'rateLimit',
    ],
    ['Too many simultaneous invocations: Spreadsheets', 'rateLimit'],
    ['You do not have permissions to access the requested document.', 'permission'],
    ['Invalid email: jan@', 'invalid'],
    ['Ongeldige e-mail: jan@', 'invalid'],
    ['Limit Exceeded: Email Body Size.', 'invalid'],
    ['Failed to send email: no recipient', 'invalid'],
    ['Exceeded maximum execution time', 'timeLimit'],
    ['Service unavailable: Forms', 'transient'],
    ["We're sorry, a server error occurred. Please wait a bit and try again.", 'transient'],
  ])('%s → %s', (message, kind) => {
    expect(kindByWording(new Error(message))).toBe(kind);
  });

  it('leest een fout uit een andere realm als tekst "Exception: …" (geen instanceof)', () => {
    const foreign = {
      name: 'Exception',
      message: 'Invalid email: a@',
      toString: () => 'Exception: Invalid email: a@',
    };
    expect(errorMessage(foreign)).toBe('Invalid email: a@');
    expect(kindByWording('Exception: Invalid email: a@')).toBe('invalid');
    expect(kindByWording(42)).toBe('transient');
  });

  it('haalt alleen een "Exception:" aan het begin weg, met of zonder spatie erna', () => {
    expect(kindByWording('Exception:Invalid email: a@')).toBe('invalid');
    expect(kindByWording('Exception:   Exceeded maximum execution time')).toBe('timeLimit');
    // Further on it is part of the text: this is no "Document <id> is missing".
    expect(kindByWording('Document Exception: 1abc is missing (perhaps it was deleted?)')).toBe('transient');
  });

  it('raadt geen onbekende Nederlandse tekst: die telt als voorbijgaand (opnieuw proberen)', () => {
    for (const en of [
      'Service invoked too many times for one day: email.',
      'Exceeded maximum execution time',
      'Document 1abc is missing (perhaps it was deleted?)',
    ]) {
      expect(kindByWording(localize(en, 'nl'))).toBe('transient');
    }
    // The Dutch texts that are known are read as their English originals.
    expect(kindByWording(localize('Invalid email: x@y', 'nl'))).toBe('invalid');
  });
});

describe('isMailAddress', () => {
  it.each([
    ['politie@gemeente.example', true],
    ['a.b+c@sub.gemeente.nl', true],
    ['jan@', false],
    ['jan@politie', false],
    ['jan @politie.nl', false],
    ['Jan <jan@politie.nl>', false],
    ['a@b.c', false],
    ['a,b@c.nl', false],
    ['jan@politie.nl, piet@politie.nl', false],
    ['jan@politie.nl>', false],
  ])('%s → %s', (address, ok) => {
    expect(isMailAddress(address)).toBe(ok);
  });
});

describe('classifyMailError', () => {
  let local: LocalAppsScript;
  afterEach(() => local.dispose());

  it('het quotum is op: dagquotum, welke tekst de fout ook heeft', () => {
    local = startLocalAppsScript({ latency: false, mailDailyQuota: 3 });
    expect(classifyMailError(new Error('iets onbekends'))).toBe('transient');
    useMailQuota(local.rt, Infinity);
    expect(classifyMailError(new Error('iets onbekends'))).toBe('dailyQuota');
    expect(classifyMailError(new Error('Exceeded maximum execution time'))).toBe('timeLimit');
  });

  it('is er nog één mail over, dan is het quotum niet op en beslist de tekst', () => {
    local = startLocalAppsScript({ latency: false, mailDailyQuota: 3 });
    useMailQuota(local.rt, 2);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(classifyMailError(new Error('iets onbekends'))).toBe('transient');
    expect(classifyMailError(new Error('Invalid email: x@'))).toBe('invalid');
  });

  it('kan het quotum niet gelezen worden, dan beslist de tekst', () => {
    local = startLocalAppsScript({ latency: false });
    local.rt.injectFault({
      method: 'MailApp.getRemainingDailyQuota',
      nth: 1,
      times: 2,
      message: 'Service unavailable: Mail',
    });
    expect(classifyMailError(new Error('Service invoked too many times for one day: email.'))).toBe(
      'dailyQuota',
    );
    expect(classifyMailError(new Error('Ongeldige e-mail: x'))).toBe('invalid');
  });
});

describe('dailyQuotaNotice', () => {
  it('zegt bij een dagquotum in gewone woorden dat het morgen weer kan', () => {
    const notice = dailyQuotaNotice(new Error('Service invoked too many times for one day: docs create.'));
    expect(notice).toContain('dagquotum');
    expect(notice).toContain('Probeer het morgen opnieuw');
  });

  it('zegt niets bij elke andere fout (daar hoort de algemene melding bij)', () => {
    for (const message of [
      'Service invoked too many times in a short time: exec qps.',
      'Invalid email: a@',
      'Exceeded maximum execution time',
      'iets onbekends',
    ])
      expect(dailyQuotaNotice(new Error(message)), message).toBeNull();
  });
});
