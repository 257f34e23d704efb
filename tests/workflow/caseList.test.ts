/**
 * The register's Casussen tab as the coordinator sees it: a view of the hidden `_casussen`, with
 * links instead of ids, Dutch dates, what is late and the next action; written once per run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import { CASE_LIST_HEADERS, documentLink, folderLink, spreadsheetLink } from '../../src/render/caseList';
import {
  adoptViewEdits,
  caseListNaming,
  caseListsPending,
  withCaseList,
  writeCaseList,
} from '../../src/workflow/caseList';
import { listCases, openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { withLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { CASES, TABS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable, replaceTable, updateRow } from '../../src/workspace/tables';
import { withoutSheets } from '../workspace/helpers';
import { freshLocalCase, freshRegister } from './helpers';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

const DAY = 24 * 3_600_000;
const col = (h: (typeof CASE_LIST_HEADERS)[number]) => CASE_LIST_HEADERS.indexOf(h) + 1;

function setup() {
  const { local, h } = freshLocalCase();
  dispose = () => local.dispose();
  const view = () => h.reg.ss.getSheetByName('Casussen')!;
  const row = (code: string) => {
    const values = view().getDataRange().getDisplayValues();
    const i = values.findIndex((r) => r[0] === code);
    return { values: values[i]!, number: i + 1 };
  };
  return { local, h, view, row };
}

describe('register: Casussen leesbaar', () => {
  it('een nieuwe casus: stap in woorden, volgende actie, datums en links in plaats van ids', () => {
    const { h, view, row } = setup();
    const r = row(h.row.code);
    expect(r.values[col('Stap') - 1]).toMatch(/^Stap 1 — /);
    expect(r.values[col('Volgende actie') - 1]).toBe('Stap 1 starten');
    expect(r.values[col('Geopend') - 1]).toBe('12-01-2026');
    expect(r.values[col('Bijgewerkt') - 1]).toMatch(/^12-01-2026 \d\d:\d\d$/);
    const link = (c: number) => view().getRange(r.number, c).getRichTextValue()!;
    expect(link(col('Casusspreadsheet')).getText()).toBe('openen');
    expect(link(col('Casusspreadsheet')).getLinkUrl()).toBe(spreadsheetLink(h.row.spreadsheetId));
    expect(link(col('Integraal beeld')).getLinkUrl()).toBe(documentLink(h.row.overviewId));
    expect(link(col('Map')).getLinkUrl()).toBe(folderLink(h.row.folderId));
    const shown = view().getDataRange().getDisplayValues().flat().join('|');
    for (const id of [h.row.spreadsheetId, h.row.overviewId, h.row.folderId]) expect(shown).not.toContain(id);
    expect(shown).not.toMatch(/\d{13}/);
    // The ids live on in the hidden system table.
    expect(h.reg.ss.getSheetByName('_casussen')!.isSheetHidden()).toBe(true);
    expect(view().isSheetHidden()).toBe(false);
  });

  it('na de deadline: wie te laat is en dat het besluit aan de beurt is; de lijst één keer per run geschreven', () => {
    const { local, h, view, row } = setup();
    const second = openNewCase(openRegister(), fictionalCaseInput({ label: 'Winkelcentrum' }));
    startStep(h);
    local.rt.advance(20 * DAY);
    const viewId = `${h.reg.ss.getId()}/${view().getSheetId()}`;
    const before = local.rt.tabWrites.get(viewId) ?? 0;
    dispatchAll(openRegister());
    expect((local.rt.tabWrites.get(viewId) ?? 0) - before).toBe(1);
    const r = row(h.row.code).values;
    expect(r[col('Te laat') - 1]).toBe('3 partners te laat');
    expect(r[col('Volgende actie') - 1]).toBe('Besluit stap 1 vastleggen');
    expect(row(second.row.code).values[col('Te laat') - 1]).toBe('');
    // What the list shows is kept in the system table.
    const kept = readTable(h.reg.ss, CASES).find((c) => c.Casuscode === h.row.code)!;
    expect([kept['Te laat'], kept['Volgende actie']]).toEqual([3, 'Besluit stap 1 vastleggen']);
    // A run in which nothing changed does not write the list again.
    local.rt.advance(3_600_000);
    const after = local.rt.tabWrites.get(viewId) ?? 0;
    dispatchAll(openRegister());
    expect(local.rt.tabWrites.get(viewId) ?? 0).toBe(after);
  });

  it('een register van vóór deze versie: de zichtbare lijst met ids wordt de verborgen systeemtabel', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    // The old layout: the system data in a visible tab "Casussen" with ten columns.
    ss.deleteSheet(ss.getSheetByName('Casussen')!);
    const old = ss.getSheetByName('_casussen')!;
    old.getRange(1, 11, old.getLastRow(), 2).clearContent();
    // A tab of that version carried no system-table tag (workspace/tables.ts).
    for (const m of old.createDeveloperMetadataFinder().find()) m.remove();
    old.setName('Casussen');
    old.showSheet();
    const cases = openRegister();
    expect(cases.ss.getSheetByName('_casussen')).toBeNull();
    const [only] = listCases(cases);
    expect(only?.spreadsheetId).toBe(h.row.spreadsheetId);
    expect(ss.getSheetByName('_casussen')!.isSheetHidden()).toBe(true);
    const view = ss.getSheetByName('Casussen')!;
    expect(view.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Casuscode', 'Label', 'Wijk']);
    expect(view.getRange(2, col('Casusspreadsheet')).getRichTextValue()!.getLinkUrl()).toBe(
      spreadsheetLink(h.row.spreadsheetId),
    );
  });
});

describe('register: Label en Wijk aanpassen in de lijst', () => {
  it('een gewijzigd label in de tab Casussen wordt overgenomen; de andere kolommen niet', () => {
    const { h, view, row } = setup();
    const r = row(h.row.code).number;
    view().getRange(r, col('Label')).setValue("'Skatebaan Zuid");
    view().getRange(r, col('Volgende actie')).setValue("'niets");
    const [only] = listCases(openRegister());
    expect(only?.label).toBe('Skatebaan Zuid');
    expect(readTable(h.reg.ss, CASES)[0]!.Label).toBe('Skatebaan Zuid');
    expect(writeCaseList(h.reg)).toBe(true);
    expect(row(h.row.code).values[col('Label') - 1]).toBe('Skatebaan Zuid');
    expect(row(h.row.code).values[col('Volgende actie') - 1]).toBe('Stap 1 starten');
  });
});

describe('register: Casussen terug na verwijderen', () => {
  it('een ongewijzigde lijst wordt niet opnieuw geschreven, een verwijderde wel', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    expect(writeCaseList(h.reg)).toBe(false);
    ss.deleteSheet(ss.getSheetByName('Casussen')!);
    expect(writeCaseList(h.reg)).toBe(true);
    expect(ss.getSheetByName('Casussen')!.getDataRange().getValues()).toHaveLength(2);
  });
});

describe('register: de lijst zelf wordt nooit voor een oude systeemtabel gehouden', () => {
  it('zonder _casussen blijft de leesbare lijst staan', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    ss.deleteSheet(ss.getSheetByName('_casussen')!);
    expect(listCases(openRegister())).toEqual([]);
    expect(ss.getSheetByName('_casussen')).toBeNull();
    expect(ss.getSheetByName('Casussen')!.getRange(1, 2).getValue()).toBe('Label');
  });
});

describe('register: wat de procesregisseur in de tab Casussen aanpast', () => {
  const HEADER = ['Casuscode', 'Label', 'Wijk'];
  /** The register with two cases; the rows of `_casussen` as they are now. */
  function twoCases() {
    const s = setup();
    const second = openNewCase(openRegister(), fictionalCaseInput({ label: 'Winkelcentrum', wijk: 'Noord' }));
    const cases = () => readTable(s.h.reg.ss, CASES);
    return { ...s, first: s.h.row.code, second: second.row.code, cases };
  }
  const labels = (rows: { Casuscode: string; Label: string; Wijk: string }[]) =>
    rows.map((r) => [r.Casuscode, r.Label, r.Wijk]);

  it('een gewijzigde wijk wordt overgenomen; het label blijft zoals het was', () => {
    const { h, view, row } = setup();
    view().getRange(row(h.row.code).number, col('Wijk')).setValue("'Oost");
    const [only] = listCases(openRegister());
    expect([only?.label, only?.wijk]).toEqual(['Groep bij het winkelcentrum (fictief)', 'Oost']);
    expect(readTable(h.reg.ss, CASES)[0]!.Wijk).toBe('Oost');
  });

  it('alleen de regel met dezelfde casuscode verandert; een onbekende casuscode verandert niets', () => {
    const { h, first, second, cases } = twoCases();
    const before = cases();
    const rows = adoptViewEdits(h.reg.ss, cases(), [
      HEADER,
      ['JGA-2099-999', 'Verzonnen', 'Nergens'],
      [second, 'Skatebaan Zuid', 'Zuid'],
    ]);
    expect(labels(rows)).toEqual([
      [first, before[0]!.Label, before[0]!.Wijk],
      [second, 'Skatebaan Zuid', 'Zuid'],
    ]);
    expect(labels(cases())).toEqual(labels(rows));
  });

  it('spaties rond een code, label of wijk vallen weg; een lege cel wordt leeg, niet "null" of "undefined"', () => {
    const { h, first, cases } = twoCases();
    adoptViewEdits(h.reg.ss, cases(), [HEADER, [`  ${first} `, '  Skatebaan Zuid  ', null]]);
    expect(labels(cases())[0]).toEqual([first, 'Skatebaan Zuid', '']);
    // A line shorter than the header (the Sheets API leaves out empty cells at the end).
    adoptViewEdits(h.reg.ss, cases(), [HEADER, [first, 'Speeltuin']]);
    expect(labels(cases())[0]).toEqual([first, 'Speeltuin', '']);
  });

  it('kolommen in een andere volgorde: Label en Wijk worden op hun kop gevonden', () => {
    const { h, first, second, cases } = twoCases();
    adoptViewEdits(h.reg.ss, cases(), [
      ['Label', 'Casuscode', 'Wijk'],
      ['Speeltuin', first, 'West'],
    ]);
    adoptViewEdits(h.reg.ss, cases(), [
      ['Wijk', 'Label', 'Status', 'Casuscode'],
      ['Oost', 'Skatebaan', 'open', second],
    ]);
    expect(labels(cases())).toEqual([
      [first, 'Speeltuin', 'West'],
      [second, 'Skatebaan', 'Oost'],
    ]);
  });

  it('zonder kolom Label, Wijk of Casuscode neemt de lijst niets over en maakt niets leeg', () => {
    const { h, first, cases } = twoCases();
    const before = labels(cases());
    for (const view of [
      [
        ['Casuscode', 'Wijk'],
        [first, 'West'],
      ],
      [
        ['Casuscode', 'Label'],
        [first, 'Speeltuin'],
      ],
      [
        ['Label', 'Wijk'],
        ['Speeltuin', 'West'],
      ],
    ])
      adoptViewEdits(h.reg.ss, cases(), view);
    expect(labels(cases())).toEqual(before);
  });

  it('een lege, ontbrekende of alleen-kop lijst verandert niets', () => {
    const { h, cases, view } = twoCases();
    const before = labels(cases());
    for (const read of [null, [], [HEADER], [['']]])
      expect(labels(adoptViewEdits(h.reg.ss, cases(), read))).toEqual(before);
    h.reg.ss.deleteSheet(view());
    expect(labels(adoptViewEdits(h.reg.ss, cases()))).toEqual(before);
    expect(labels(cases())).toEqual(before);
  });

  it('wat al gelezen is, wordt gebruikt; anders wordt de tab gelezen, en alleen als er casussen zijn', () => {
    const { local, h, first, cases, view, row } = twoCases();
    view().getRange(row(first).number, col('Label')).setValue("'Uit de tab");
    // Values read earlier in the same action win over a second read of the tab.
    adoptViewEdits(h.reg.ss, cases(), [HEADER, [first, 'Al gelezen', 'Centrum']]);
    expect(cases()[0]!.Label).toBe('Al gelezen');
    adoptViewEdits(h.reg.ss, cases());
    expect(cases()[0]!.Label).toBe('Uit de tab');
    // Nothing to adopt costs no call: no case, or a view without edits.
    const rows = cases();
    local.rt.resetCounts();
    expect(adoptViewEdits(h.reg.ss, [])).toEqual([]);
    expect(adoptViewEdits(h.reg.ss, rows, [HEADER, [first, 'Uit de tab', 'Centrum']])).toBe(rows);
    expect(local.rt.totalCalls()).toBe(0);
  });
});

describe('register: de stapnamen van de lijst', () => {
  it('de keuze in Instellingen; 2023 zolang de instellingen niet te lezen zijn', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    const settings = ss.getSheetByName('Instellingen')!;
    const at = settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Stapnamen (2023/2016)');
    expect(at).toBeGreaterThan(0);
    settings.getRange(at + 1, 2).setValue('2016');
    expect(caseListNaming(ss)).toBe('2016');
    settings.getRange(at + 1, 2).setValue('1999');
    expect(caseListNaming(ss)).toBe('2023');
    settings.getRange(at + 1, 2).setValue('2016');
    ss.deleteSheet(settings);
    expect(caseListNaming(ss)).toBe('2023');
  });
});

describe('register: de lijst schrijven', () => {
  function relabel(h: ReturnType<typeof setup>['h'], label: string) {
    updateRow(h.reg.ss, CASES, 0, { ...readTable(h.reg.ss, CASES)[0]!, Label: label });
  }
  const fingerprints = (h: ReturnType<typeof setup>['h']) =>
    h.reg.ss.getSheetByName('_tabbladen')!.getDataRange().getValues().slice(1);

  it('raakt alleen de eigen vingerafdruk in _tabbladen', () => {
    const { h } = setup();
    const own = readTable(h.reg.ss, TABS);
    replaceTable(h.reg.ss, TABS, [{ name: 'Overzicht', hash: '0123456789abcdef' }, ...own]);
    expect(writeCaseList(h.reg)).toBe(false);
    relabel(h, 'Speeltuin');
    expect(writeCaseList(h.reg)).toBe(true);
    const after = fingerprints(h);
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(['Overzicht', '0123456789abcdef']);
    expect(after[1]![0]).toBe('Casussen');
    expect(after[1]![1]).not.toBe(own[0]!.hash);
    expect(writeCaseList(h.reg)).toBe(false);
  });

  it('binnen een actie: de lijst en haar vingerafdruk in één batchUpdate', () => {
    const { local, h, row } = setup();
    relabel(h, 'Speeltuin');
    const before = fingerprints(h);
    local.rt.resetCounts();
    expect(withLock(() => writeCaseList(h.reg))).toBe(true);
    expect(local.rt.counts.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(local.rt.counts.get('Range.setValues') ?? 0).toBe(0);
    expect(fingerprints(h)).not.toEqual(before);
    expect(row(h.row.code).values[col('Label') - 1]).toBe('Speeltuin');
    expect(writeCaseList(h.reg)).toBe(false);
  });

  it('zonder de Sheets-service wordt de lijst ook geschreven', () => {
    const { h, row } = setup();
    relabel(h, 'Speeltuin');
    expect(withoutSheets(() => writeCaseList(h.reg))).toBe(true);
    expect(row(h.row.code).values[col('Label') - 1]).toBe('Speeltuin');
    expect(writeCaseList(h.reg)).toBe(false);
  });

  it('een verwijderde lijst komt terug na de instellingen, of achteraan als die er niet meer zijn', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    const names = () => ss.getSheets().map((s) => s.getName());
    for (const name of ['Casussen', 'Partners', 'Vragen']) ss.deleteSheet(ss.getSheetByName(name)!);
    expect(writeCaseList(h.reg)).toBe(true);
    expect(names().slice(0, 2)).toEqual(['Instellingen', 'Casussen']);
    for (const name of ['Casussen', 'Instellingen']) ss.deleteSheet(ss.getSheetByName(name)!);
    expect(writeCaseList(h.reg)).toBe(true);
    expect(names().at(-1)).toBe('Casussen');
  });
});

describe('register: de lijst één keer per actie', () => {
  const lines = (h: ReturnType<typeof setup>['h']) => h.reg.ss.getSheetByName('Casussen')!.getLastRow();

  it('veranderingen binnen een actie (ook geneste) worden aan het eind samen geschreven', () => {
    const { local, h, view } = setup();
    const viewId = `${h.reg.ss.getId()}/${view().getSheetId()}`;
    const writes = () => local.rt.tabWrites.get(viewId) ?? 0;
    const before = writes();
    expect(caseListsPending()).toBe(false);
    withCaseList(() => {
      expect(caseListsPending()).toBe(false);
      openNewCase(openRegister(), fictionalCaseInput({ label: 'Tweede' }));
      expect(caseListsPending()).toBe(true);
      withCaseList(() => openNewCase(openRegister(), fictionalCaseInput({ label: 'Derde' })));
      expect(caseListsPending()).toBe(true);
      expect(lines(h)).toBe(2);
      expect(writes()).toBe(before);
    });
    expect(caseListsPending()).toBe(false);
    expect(lines(h)).toBe(4);
    expect(writes() - before).toBe(1);
  });

  it('een actie die faalt: haar eigen fout, en wat ze veranderde staat toch in de lijst', () => {
    const { h } = setup();
    expect(() =>
      withCaseList(() => {
        openNewCase(openRegister(), fictionalCaseInput({ label: 'Tweede' }));
        throw new Error('kapot');
      }),
    ).toThrow('kapot');
    expect(caseListsPending()).toBe(false);
    expect(lines(h)).toBe(3);
    // A failure in a nested scope leaves the writing to the outer one.
    withCaseList(() => {
      expect(() =>
        withCaseList(() => {
          openNewCase(openRegister(), fictionalCaseInput({ label: 'Derde' }));
          throw new Error('kapot');
        }),
      ).toThrow('kapot');
      expect(lines(h)).toBe(3);
    });
    expect(lines(h)).toBe(4);
    // Outside every scope again: a change is written at once.
    openNewCase(openRegister(), fictionalCaseInput({ label: 'Vierde' }));
    expect(lines(h)).toBe(5);
  });
});

describe('register: een eigen tab Casussen in een leeg register', () => {
  it('wordt niet voor de oude systeemtabel gehouden zonder kolom Casusspreadsheet', () => {
    const { h } = setup();
    const ss = h.reg.ss;
    ss.deleteSheet(ss.getSheetByName('Casussen')!);
    ss.deleteSheet(ss.getSheetByName('_casussen')!);
    const own = ss.insertSheet('Casussen');
    own.getRange(1, 1, 2, 4).setValues([
      ['Casuscode', 'Status', '', 'Opmerking'],
      ['JGA-2026-001', 'open', '', 'eigen aantekening'],
    ]);
    expect(listCases(openRegister())).toEqual([]);
    expect(ss.getSheetByName('_casussen')).toBeNull();
    expect(ss.getSheetByName('Casussen')!.isSheetHidden()).toBe(false);
  });

  it('een register zonder casussen: de lijst opvragen vraagt de tabbladen niet op en schrijft niets', () => {
    const { local } = freshRegister();
    dispose = () => local.dispose();
    const reg = openRegister();
    local.rt.resetCounts();
    expect(listCases(reg)).toEqual([]);
    expect(local.rt.totalCalls('Sheets.')).toBe(0);
  });
});
