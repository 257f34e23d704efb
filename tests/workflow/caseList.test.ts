/**
 * The register's Casussen tab as the coordinator sees it: a view of the hidden `_casussen`, with
 * links instead of ids, Dutch dates, what is late and the next action; written once per run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import { CASE_LIST_HEADERS, documentLink, folderLink, spreadsheetLink } from '../../src/render/caseList';
import { writeCaseList } from '../../src/workflow/caseList';
import { listCases, openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { openNewCase } from '../../src/workflow/newCase';
import { CASES } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase } from './helpers';

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
