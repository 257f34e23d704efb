/**
 * Letters to persons (workflow/letters.ts) on the in-memory Apps Script: made only in the
 * restricted folder beside the namenlijst, with codes in the file names, idempotent, a new version
 * after a changed template, closing letters once when the case closes, and gone with the purge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document';
import type { LocalAppsScript } from '../../src/local/harness';
import { replay } from '../../src/model/caseMachine';
import { LETTERS_SHEET } from '../../src/model/letters';
import { isoDate } from '../../src/model/time';
import { readDecisions } from '../../src/workflow/assemble';
import { runCaseAction } from '../../src/workflow/caseActions';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { caseDashboard } from '../../src/workflow/dashboard';
import { recordDecision } from '../../src/workflow/decide';
import { closingLettersOnClose, knownLettersFolder, makeLetters } from '../../src/workflow/letters';
import { addPersons } from '../../src/workflow/persons';
import { purgeDueCases } from '../../src/workflow/purge';
import { LOG, PERSONS as PERSON_TABLE } from '../../src/workflow/records';
import { readTable, withTableCache } from '../../src/workspace/tables';
import { closedAt2B, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());
const DAY = 86_400_000;
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
/** Names that must stay literal: a placeholder and a formula. */
const PEOPLE = [
  { naam: 'Fictief {{datum}} Persoon', geboortejaar: 2010 },
  { naam: '=1+1 Testnaam', geboortejaar: 2009 },
];

function decide(h: CaseHandle, step: string, outcome: string, extra: Record<string, unknown> = {}) {
  return recordDecision(
    reopen(h),
    {
      step: step as never,
      round: 1,
      outcome,
      motivation: 'Besproken.',
      decidedBy: 'overleg',
      date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
      ...extra,
    },
    'regie@testdorp.example',
  );
}

function toStep2B(): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  decide(f.h, '1', 'verder_verkennen');
  decide(f.h, '2A', 'problematisch');
  return reopen(f.h);
}

/** The documents in a folder, live ones only. */
function docsIn(folderId: string) {
  return [...local.rt.drive.values()].filter(
    (e) =>
      e.parentIds.includes(folderId) && !e.trashed && e.mimeType === 'application/vnd.google-apps.document',
  );
}

const textOf = (id: string) => JSON.stringify(snapshotDocument(local.rt, id));

describe('informatiebrieven', () => {
  it('staan alleen in de beperkte map naast de namenlijst, met codes in de naam en de naam letterlijk in de brief', () => {
    const h = toStep2B();
    const codes = addPersons(h, PEOPLE);
    const hh = reopen(h);
    const r = makeLetters(hh, 'informatiebrief');
    expect(r.made).toEqual(codes);
    const namesFolder = local.rt.drive.get(hh.row.namesId)!.parentIds[0]!;
    const folder = local.rt.drive.get(r.folderId)!;
    expect(folder.parentIds).toEqual([namesFolder]);
    expect(folder.name).toBe(`Brieven ${hh.row.code}`);
    expect(namesFolder).not.toBe(hh.row.folderId);
    const docs = docsIn(r.folderId);
    expect(docs.map((d) => d.name).sort()).toEqual(
      codes.map((c) => `Informatiebrief ${hh.row.code} ${c}`).sort(),
    );
    // Nothing new in the shared case folder.
    expect(docsIn(hh.row.folderId).some((d) => d.name.startsWith('Informatiebrief'))).toBe(false);
    const first = docs.find((d) => d.name.endsWith(codes[0]!))!;
    expect(textOf(first.id)).toContain('Beste Fictief {{datum}} Persoon,');
    const second = docs.find((d) => d.name.endsWith(codes[1]!))!;
    expect(textOf(second.id)).toContain('Beste =1+1 Testnaam,');
    expect(readTable(hh.ss, PERSON_TABLE).map((p) => p.letterOn)).toEqual(['2026-01-12', '2026-01-12']);
    expect(readTable(hh.ss, LOG).some((l) => l.event === 'brieven' && !l.detail.includes('Fictief'))).toBe(
      true,
    );
  });

  it('een tweede keer (ook een dag later) maakt niets dubbel; een gewijzigd sjabloon maakt een nieuwe versie', () => {
    const h = toStep2B();
    const codes = addPersons(h, PEOPLE);
    const r1 = makeLetters(reopen(h), 'informatiebrief');
    local.rt.advance(DAY);
    const r2 = makeLetters(reopen(h), 'informatiebrief');
    expect(r2.made).toEqual([]);
    expect(r2.unchanged).toEqual(codes);
    expect(docsIn(r1.folderId)).toHaveLength(2);
    const tab = SpreadsheetApp.openById(reopen(h).reg.ss.getId()).getSheetByName(LETTERS_SHEET)!;
    tab.getRange(4, 2).setValue('Beste {{naam}}, dit is de nieuwe tekst.');
    const r3 = makeLetters(reopen(h), 'informatiebrief');
    expect(r3.made).toEqual(codes);
    const names = docsIn(r1.folderId).map((d) => d.name);
    expect(names.filter((n) => n.endsWith('(versie 2)'))).toHaveLength(2);
    expect(names).toHaveLength(4);
  });

  it('weigert een sjabloon met een onbekende invulplek en noemt de cel; er komt geen brief', () => {
    const h = toStep2B();
    addPersons(h, PEOPLE);
    makeLetters(reopen(h), 'afsluitbrief');
    const folder = knownLettersFolder(h.row.code)!;
    const tab = reopen(h).reg.ss.getSheetByName(LETTERS_SHEET)!;
    tab.getRange(5, 2).setValue('Uw adres is {{adres}}.');
    expect(() => makeLetters(reopen(h), 'informatiebrief')).toThrow(UserError);
    expect(() => makeLetters(reopen(h), 'informatiebrief')).toThrow(
      /Brieven!B5: onbekende invulplek \{\{adres\}\}/,
    );
    expect(docsIn(folder).every((d) => d.name.startsWith('Afsluitbrief'))).toBe(true);
  });

  it('het dashboard stelt "Informatiebrieven maken" voor en de knop maakt ze, met de link naar de map', () => {
    const h = toStep2B();
    addPersons(h, PEOPLE);
    const before = withTableCache(() => caseDashboard(reopen(h)));
    expect(before.actions.map((a) => a.label)).toContain('Informatiebrieven maken (2)');
    const out = runCaseAction(openRegister(), h.row.code, 'letters');
    expect(out.message).toContain('2 informatiebrieven gemaakt');
    expect(out.url).toBe(`https://drive.google.com/drive/folders/${knownLettersFolder(h.row.code)}`);
    const after = withTableCache(() => caseDashboard(reopen(h)));
    expect(after.actions.some((a) => a.kind === 'letters')).toBe(false);
    expect(after.links.map((l) => l.label)).toContain('Brieven (alleen voor u)');
  });
});

describe('afsluitbrieven', () => {
  it('bij sluiten in 2B één per persoon, vóór de namenlijst verdwijnt; de vernietiging ruimt de map op', () => {
    const h = toStep2B();
    const codes = addPersons(h, PEOPLE);
    decide(h, '2B', 'niet_bevestigd', { routes: ['reguliere_inzet'] });
    const hh = reopen(h);
    expect(hh.row.namesId).toBe('');
    const folder = knownLettersFolder(hh.row.code)!;
    expect(
      docsIn(folder)
        .map((d) => d.name)
        .sort(),
    ).toEqual(codes.map((c) => `Afsluitbrief ${hh.row.code} ${c}`).sort());
    expect(readTable(hh.ss, PERSON_TABLE).every((p) => p.closingOn !== '')).toBe(true);
    const dash = withTableCache(() => caseDashboard(hh));
    expect(dash.actions.map((a) => a.label)).toEqual(['Afsluitbrieven klaar (2)']);
    // After the bewaartermijn the purge removes the letters and their folder too.
    local.rt.advance(400 * DAY);
    const [purged] = purgeDueCases(openRegister());
    expect(purged!.code).toBe(hh.row.code);
    expect(docsIn(folder)).toEqual([]);
    expect(local.rt.drive.get(folder)!.trashed).toBe(true);
    expect(knownLettersFolder(hh.row.code)).toBeNull();
  });

  it('wat niet binnen de tijd past volgt later; een namenlijst die weg moet wacht erop, en de automatische run maakt het af', () => {
    const h = toStep2B();
    const codes = addPersons(h, PEOPLE);
    // No time left: nothing is started, everything remains.
    const r = makeLetters(reopen(h), 'afsluitbrief', { until: local.rt.now() - 1 });
    expect([r.made, r.remaining]).toEqual([[], codes]);
    // A case closed at 2B whose letters did not fit: the namenlijst stays for now.
    const closed = closedAt2B(h);
    const waiting = closingLettersOnClose(reopen(h), closed, -1);
    expect(waiting.ready).toBe(false);
    expect(waiting.notes.join(' ')).toContain('daarna wordt de namenlijst verwijderd');
    const done = closingLettersOnClose(reopen(h), closed);
    expect(done.ready).toBe(true);
    expect(docsIn(knownLettersFolder(h.row.code)!)).toHaveLength(2);
  });

  it('sluiten na een bevestigde groep maakt de brieven niet in het besluit, maar stelt ze voor', () => {
    const h = toStep2B();
    addPersons(h, PEOPLE);
    const state = replay(h.row.code, readDecisions(h.ss));
    const late = {
      ...state,
      status: 'gesloten' as const,
      step: '7' as const,
      decisions: [...state.decisions, { ...state.decisions[0]!, step: '7' as const, outcome: 'afgesloten' }],
    };
    const r = closingLettersOnClose(reopen(h), late);
    expect(r).toEqual({ notes: [expect.stringContaining('Afsluitbrieven maken')], ready: true });
    expect(knownLettersFolder(h.row.code)).toBeNull();
  });

  it('een tweede keer maakt geen tweede afsluitbrief, ook niet na een gewijzigd sjabloon', () => {
    const h = toStep2B();
    addPersons(h, PEOPLE);
    const r1 = makeLetters(reopen(h), 'afsluitbrief');
    const tab = reopen(h).reg.ss.getSheetByName(LETTERS_SHEET)!;
    const last = tab.getLastRow();
    tab.getRange(last, 2).setValue('Een andere groet, {{gemeente}}');
    const r2 = makeLetters(reopen(h), 'afsluitbrief');
    expect(r2.made).toEqual([]);
    expect(docsIn(r1.folderId)).toHaveLength(2);
  });
});
