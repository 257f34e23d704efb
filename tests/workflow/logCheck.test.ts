/**
 * The Logboek is append-only (issue 9, point 6): a line changed or removed by hand is found by the
 * next day's first dispatcher run, written to the Logboek (without content) and shown in the digest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { openCase, openRegister } from '../../src/workflow/context';
import { dispatchWithDigest } from '../../src/workflow/digest';
import { logEvents } from '../../src/workflow/log';
import { checkLogChain, LOG_CHANGED_EVENT } from '../../src/workflow/logCheck';
import { CASES, LOG } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const DAY = 24 * 60 * 60 * 1000;

describe('het Logboek is alleen aan te vullen', () => {
  it('een met de hand gewijzigde en een verwijderde regel worden de volgende dag gemeld, één keer', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    const { rt } = local;
    const code = fresh.h.row.code;
    logEvents(fresh.h.ss, [
      ['proef', 'eerste'],
      ['proef', 'tweede'],
      ['proef', 'derde'],
    ]);
    dispatchWithDigest(openRegister());
    const h = openCase(openRegister(), code);
    expect(readTable(h.ss, LOG).some((l) => l.event === LOG_CHANGED_EVENT)).toBe(false);

    // By hand: a detail changed, then the last line removed.
    const tab = h.ss.getSheetByName(LOG.name)!;
    const values = tab.getDataRange().getValues();
    const second = values.findIndex((r) => r[2] === 'tweede') + 1;
    tab.getRange(second, 3).setValue('iets anders');
    tab.deleteRow(tab.getLastRow());

    rt.advance(DAY);
    const before = rt.mailbox.length;
    dispatchWithDigest(openRegister());
    const after = readTable(openCase(openRegister(), code).ss, LOG);
    const reported = after.filter((l) => l.event === LOG_CHANGED_EVENT);
    expect(reported.map((l) => l.detail)).toEqual([
      `regel ${second} van het Logboek is met de hand gewijzigd of verwijderd; aan het eind van het Logboek zijn regels verwijderd (de keten van het Logboek klopt daar niet meer)`,
    ]);
    const digest = rt.mailbox.slice(before).find((m) => m.subject.startsWith('Dagoverzicht'))!;
    expect(digest.body).toContain('Logboek met de hand gewijzigd');
    expect(digest.body).toContain(code);
    expect(digest.body).not.toContain('iets anders');

    // The next day: already reported, nothing new.
    rt.advance(DAY);
    dispatchWithDigest(openRegister());
    expect(
      readTable(openCase(openRegister(), code).ss, LOG).filter((l) => l.event === LOG_CHANGED_EVENT),
    ).toHaveLength(1);
  });
});

describe('checkLogChain', () => {
  const KEY = (code: string) => `LOG_ANCHOR_${code}`;

  /** A fresh case with three lines of its own in the Logboek; the sheet rows of those lines. */
  function caseWithLines() {
    const fresh = freshLocalCase();
    local = fresh.local;
    const { h } = fresh;
    logEvents(h.ss, [
      ['proef', 'eerste'],
      ['proef', 'tweede'],
      ['proef', 'derde'],
    ]);
    const tab = h.ss.getSheetByName(LOG.name)!;
    const rowOf = (detail: string) =>
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[2] === detail) + 1;
    return { h, tab, rowOf };
  }

  it('een hele keten: geen regel, en een tweede controle schrijft het anker niet opnieuw', () => {
    const { h } = caseWithLines();
    expect(checkLogChain(h)).toBeNull();
    local.rt.counts.clear();
    expect(checkLogChain(h)).toBeNull();
    expect(local.rt.counts.get('Properties.setProperty')).toBeUndefined();
    expect(readTable(h.ss, LOG).some((l) => l.event === LOG_CHANGED_EVENT)).toBe(false);
  });

  it('twee gewijzigde regels vóór de eerste controle: meervoud, zonder inkorting; het anker bevat alleen getallen en een hash', () => {
    const { h, tab, rowOf } = caseWithLines();
    const rows = [rowOf('eerste'), rowOf('tweede')];
    for (const r of rows) tab.getRange(r, 3).setValue('met de hand');
    expect(checkLogChain(h)).toBe(
      `regels ${rows.join(', ')} van het Logboek zijn met de hand gewijzigd of verwijderd (de keten van het Logboek klopt daar niet meer)`,
    );
    const kept = JSON.parse(PropertiesService.getScriptProperties().getProperty(KEY(h.row.code))!);
    const log = readTable(h.ss, LOG);
    expect(kept).toEqual({ count: log.length, hash: log[log.length - 1]!.hash, reported: rows });
  });

  it('alleen regels aan het eind weg: alleen dat deel van de melding', () => {
    const { h, tab } = caseWithLines();
    expect(checkLogChain(h)).toBeNull();
    tab.deleteRow(tab.getLastRow());
    expect(checkLogChain(h)).toBe(
      'aan het eind van het Logboek zijn regels verwijderd (de keten van het Logboek klopt daar niet meer)',
    );
  });

  it('een onleesbaar of leeg anker telt als geen anker', () => {
    const { h, tab } = caseWithLines();
    const props = PropertiesService.getScriptProperties();
    for (const raw of ['geen json', '{}']) {
      props.setProperty(KEY(h.row.code), raw);
      expect(checkLogChain(h), raw).toBeNull();
    }
    props.setProperty(KEY(h.row.code), '{}');
    tab.deleteRow(tab.getLastRow());
    expect(checkLogChain(h)).toBeNull();
  });
});

describe('Logboekregels schrijven', () => {
  it('niets te melden: geen regel en geen enkele aanroep van Google', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    const before = readTable(fresh.h.ss, LOG).length;
    local.rt.resetCounts();
    expect(logEvents(fresh.h.ss, [])).toEqual([]);
    expect(local.rt.totalCalls()).toBe(0);
    expect(readTable(fresh.h.ss, LOG)).toHaveLength(before);
  });

  it('een hersteld tabblad van het register komt niet in een Logboek: het register heeft er geen', () => {
    const fresh = freshLocalCase();
    local = fresh.local;
    const reg = openRegister();
    reg.ss.getSheetByName(CASES.name)!.setName('Casussen kopie');
    expect(readTable(reg.ss, CASES).map((r) => r.Casuscode)).toEqual([fresh.h.row.code]);
    expect(reg.ss.getSheetByName(CASES.name)).not.toBeNull();
    expect(reg.ss.getSheetByName(LOG.name)).toBeNull();
  });
});
