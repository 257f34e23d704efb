/**
 * What publish.ts writes on one small case: which documents exist per audience and what each is
 * called, a document left by a stopped run taken over only by its own name (never the restricted
 * one), sharing changes logged by count, the readers count kept per document, the fingerprints of
 * the view tabs, the register's summary and the PDF copy. Step 4 with all its audiences on a
 * played case is in adviceAndSharing.test.ts; the writes per tab in viewTabs.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { LIGHT_ROUTES } from '../../src/model/types';
import type { CaseView } from '../../src/render/caseView';
import { assembleView } from '../../src/workflow/assemble';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import { logEvents } from '../../src/workflow/log';
import { ensureNamesList } from '../../src/workflow/persons';
import {
  audienceDocuments,
  caseDocumentIds,
  exportOverviewPdf,
  publish,
  rebuildOverview,
  rebuildViews,
  writeCaseDocument,
} from '../../src/workflow/publish';
import { DOCUMENTS, FORMS, LOG, TABS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { appendRows, readTable, replaceTable, withTableCache } from '../../src/workspace/tables';
import { withoutSheets } from '../workspace/helpers';
import { decideGate, freshCaseAt2B, freshLocalCase } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

function fresh(): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const logLines = (h: CaseHandle) => readTable(h.ss, LOG).map((l) => [l.event, l.detail]);
const newLogLines = (h: CaseHandle, f: () => unknown) => {
  const before = readTable(h.ss, LOG).length;
  f();
  return logLines(h).slice(before);
};

/** The case as it is read, past step 3: its integraal beeld is then due for the driehoek and partners. */
function pastStep3(h: CaseHandle, over: (v: CaseView) => CaseView = (v) => v): CaseView {
  const v = assembleView(h);
  return over({ ...v, state: { ...v.state, rounds: { ...v.state.rounds, '4': 1 } } });
}

/** The calls that write to a spreadsheet (values, tabs, formats), counted while `f` runs. */
function sheetWrites(f: () => unknown): number {
  const rt = local!.rt;
  rt.resetCounts();
  f();
  let n = 0;
  for (const [k, v] of rt.counts) {
    if (/^Sheets\.Spreadsheets\.(batchUpdate|Values\.(update|batchUpdate|append|clear))/.test(k)) n += v;
    else if (/^(Range|Sheet|Spreadsheet)\./.test(k) && !/^(Range|Sheet|Spreadsheet)\.get/.test(k)) n += v;
  }
  return n;
}

const emailsOf = (id: string) => {
  const f = DriveApp.getFileById(id);
  const owner = f.getOwner().getEmail();
  return [...f.getEditors(), ...f.getViewers()]
    .map((u) => u.getEmail())
    .filter((e) => e !== owner)
    .sort();
};

describe('de documenten per doelgroep', () => {
  it('vóór stap 4 alleen het beperkte integraal beeld; daarna de driehoek en elke actieve partner, met alleen codes in de naam', () => {
    const h = fresh();
    const v = assembleView(h);
    expect(audienceDocuments(v)).toEqual([]);
    const partners = v.partners.map((p) => (p.id === 'boa' ? { ...p, active: false } : p));
    expect(audienceDocuments(pastStep3(h, (x) => ({ ...x, partners })))).toEqual([
      { key: 'driehoek', target: { audience: 'driehoek' }, name: `${h.row.code} integraal beeld driehoek` },
      {
        key: 'partner:politie',
        target: { audience: 'partner', partnerId: 'politie' },
        name: `${h.row.code} integraal beeld politie`,
      },
      {
        key: 'partner:jongerenwerk',
        target: { audience: 'partner', partnerId: 'jongerenwerk' },
        name: `${h.row.code} integraal beeld jongerenwerk`,
      },
    ]);
  });

  it('vóór stap 4 leest een opbouw de casusspreadsheet niet, en logt niets als niets te delen is', () => {
    const h = fresh();
    const view = assembleView(h);
    const lines = readTable(h.ss, LOG).length;
    const rt = local!.rt;
    rt.resetCounts();
    expect(rebuildOverview(h, view)).toEqual([]);
    // One folder listing (hash and sharing of the document): unchanged and shared right, no other call.
    expect([...rt.counts]).toEqual([['Drive.Files.list', 1]]);
    expect(readTable(h.ss, LOG)).toHaveLength(lines);
  });

  it('maakt en registreert elk document één keer, gedeeld met precies zijn lezers; een tweede keer schrijft niets', () => {
    const h = fresh();
    const lines = newLogLines(h, () => rebuildOverview(h, pastStep3(h)));
    const ids = caseDocumentIds(h);
    expect([...ids.keys()]).toEqual(['driehoek', 'partner:politie', 'partner:jongerenwerk', 'partner:boa']);
    expect(DriveApp.getFileById(ids.get('partner:boa')!).getName()).toBe(`${h.row.code} integraal beeld boa`);
    expect(emailsOf(ids.get('partner:boa')!)).toEqual([
      'handhaving@testdorp.example',
      'regie@testdorp.example',
    ]);
    expect(readTable(h.ss, DOCUMENTS).map((r) => r.readers)).toEqual([1, 2, 2, 2]);
    // The coordinator is no owner here (the script runs as another account): she counts as a reader.
    expect(lines).toEqual(
      [
        ['driehoek', 1],
        ['politie', 2],
        ['jongerenwerk', 2],
        ['boa', 2],
      ].map(([who, n]) => [
        'gedeeld',
        `${h.row.code} integraal beeld ${who}: ${n} lezer(s) toegevoegd, 0 verwijderd`,
      ]),
    );
    expect(new Set(ids.values()).has(h.row.overviewId)).toBe(false);
    // Nothing changed: no sheet write, no log line.
    const again = newLogLines(h, () => expect(sheetWrites(() => rebuildOverview(h, pastStep3(h)))).toBe(0));
    expect(again).toEqual([]);
    expect(caseDocumentIds(h)).toEqual(ids);
  });

  it('houdt het aantal lezers per document bij als de driehoek verandert', () => {
    const h = fresh();
    rebuildOverview(h, pastStep3(h));
    const withDriehoek = (v: CaseView) => ({
      ...v,
      settings: { ...v.settings, driehoekEmails: 'burgemeester@testdorp.example, teamchef@politie.example' },
    });
    const lines = newLogLines(h, () => rebuildOverview(h, pastStep3(h, withDriehoek)));
    expect(readTable(h.ss, DOCUMENTS).map((r) => [r.key, r.readers])).toEqual([
      ['driehoek', 3],
      ['partner:politie', 2],
      ['partner:jongerenwerk', 2],
      ['partner:boa', 2],
    ]);
    expect(lines).toEqual([
      ['gedeeld', `${h.row.code} integraal beeld driehoek: 2 lezer(s) toegevoegd, 0 verwijderd`],
    ]);
  });

  it('een met de hand hernoemd beperkt integraal beeld wordt nooit een versie voor de driehoek', () => {
    const h = fresh();
    DriveApp.getFileById(h.row.overviewId).setName(`${h.row.code} integraal beeld driehoek`);
    rebuildOverview(h, pastStep3(h));
    const driehoek = caseDocumentIds(h).get('driehoek')!;
    expect(driehoek).not.toBe(h.row.overviewId);
    expect(emailsOf(driehoek)).toEqual(['regie@testdorp.example']);
    expect(emailsOf(h.row.overviewId)).toContain('wijkagent@politie.example');
  });

  it('een geregistreerd document met de naam van een nieuw document blijft van zijn eigen partner', () => {
    const h = fresh();
    const without = (v: CaseView) => ({
      ...v,
      partners: v.partners.map((p) => (p.id === 'jongerenwerk' ? { ...p, active: false } : p)),
    });
    rebuildOverview(h, pastStep3(h, without));
    const politie = caseDocumentIds(h).get('partner:politie')!;
    DriveApp.getFileById(politie).setName(`${h.row.code} integraal beeld jongerenwerk`);
    rebuildOverview(h, pastStep3(h));
    const ids = caseDocumentIds(h);
    expect(ids.get('partner:politie')).toBe(politie);
    expect(ids.get('partner:jongerenwerk')).not.toBe(politie);
    expect(emailsOf(politie)).toEqual(['regie@testdorp.example', 'wijkagent@politie.example']);
  });

  it('neemt een document over dat een gestopte run maakte, alleen als het precies die naam heeft', () => {
    const h = fresh();
    const folder = DriveApp.getFolderById(h.row.folderId);
    const stray = DriveApp.getFileById(DocumentApp.create('Aantekeningen overleg').getId());
    stray.moveTo(folder);
    const left = DriveApp.getFileById(DocumentApp.create(`${h.row.code} integraal beeld politie`).getId());
    left.moveTo(folder);
    rebuildOverview(h, pastStep3(h));
    const ids = caseDocumentIds(h);
    expect(ids.get('partner:politie')).toBe(left.getId());
    expect([...ids.values()]).not.toContain(stray.getId());
    expect(emailsOf(stray.getId())).toEqual([]);
  });

  it('logt een deling die iemand met de hand veranderde, met aantallen en zonder adressen', () => {
    const h = fresh();
    const file = DriveApp.getFileById(h.row.overviewId);
    file.removeViewer('wijkagent@politie.example');
    file.addViewer('buitenstaander@example.com');
    const lines = newLogLines(h, () => rebuildOverview(h));
    expect(lines).toEqual([['gedeeld', 'integraal beeld (beperkt): 1 lezer(s) toegevoegd, 1 verwijderd']]);
    expect(emailsOf(h.row.overviewId)).toContain('wijkagent@politie.example');
    expect(emailsOf(h.row.overviewId)).not.toContain('buitenstaander@example.com');
  });

  it('writeCaseDocument registreert een nieuw document met één regel, een bestaand niet opnieuw', () => {
    const h = fresh();
    const tree = { header: `Vertrouwelijk — ${h.row.code}`, title: 'Advies', nodes: [] };
    const events: [string, string][] = [];
    const id = writeCaseDocument(
      h,
      'advies',
      `${h.row.code} advies`,
      tree,
      ['regie@testdorp.example'],
      events,
    );
    expect(readTable(h.ss, DOCUMENTS)).toEqual([{ key: 'advies', fileId: id, readers: 1 }]);
    expect(
      writeCaseDocument(h, 'advies', `${h.row.code} advies`, tree, ['regie@testdorp.example'], events),
    ).toBe(id);
    expect(readTable(h.ss, DOCUMENTS)).toEqual([{ key: 'advies', fileId: id, readers: 1 }]);
  });
});

describe('publish en de PDF', () => {
  it('op verzoek zegt het Logboek dat het integraal beeld is bijgewerkt, en de weergave toont het meteen', () => {
    const h = fresh();
    const view = publish(h, { requested: true });
    expect(logLines(h).at(-1)).toEqual(['integraal beeld', 'bijgewerkt op verzoek']);
    expect(view.log.at(-1)).toMatchObject({ event: 'integraal beeld', detail: 'bijgewerkt op verzoek' });
  });

  it('een PDF-kopie met casuscode en datum in de casusmap, vastgelegd in het Logboek', () => {
    const h = fresh();
    const id = exportOverviewPdf(h);
    const file = DriveApp.getFileById(id);
    expect(file.getName()).toBe(`Integraal beeld ${h.row.code} 2026-01-12.pdf`);
    expect(file.getParents().next().getId()).toBe(h.row.folderId);
    expect(logLines(h).at(-1)).toEqual(['pdf', 'PDF van het integraal beeld gemaakt']);
  });
});

describe('de weergavetabs en het register', () => {
  it('na een wijziging worden de vingerafdrukken bijgewerkt: een tweede opbouw schrijft niets', () => {
    const h = fresh();
    rebuildViews(h);
    logEvents(h.ss, [['proef', 'een regel']]);
    expect(rebuildViews(h).length).toBeGreaterThan(0);
    expect(rebuildViews(h)).toEqual([]);
  });

  it('de vingerafdrukken gaan mee in de schrijfopdracht van de tabs, niet apart', () => {
    const h = fresh();
    rebuildViews(h);
    logEvents(h.ss, [['proef', 'een regel']]);
    const rt = local!.rt;
    rt.resetCounts();
    // As in an action: the tables are read once and the tabs' rows are known (workspace/tables).
    expect(withTableCache(() => rebuildViews(h)).length).toBeGreaterThan(0);
    expect(rt.counts.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(rt.counts.get('Range.setValues') ?? 0).toBe(0);
    expect(
      rt.totalCalls('Sheets.Spreadsheets.Values.') -
        (rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0),
    ).toBe(0);
    // ... and they were written: the next rebuild finds nothing changed.
    expect(rebuildViews(h)).toEqual([]);
  });

  it('een vingerafdruk van een tab die niet meer bestaat verdwijnt', () => {
    const h = fresh();
    rebuildViews(h);
    appendRows(h.ss, TABS, [{ name: 'Vervallen tab', hash: 'x' }]);
    rebuildViews(h);
    expect(readTable(h.ss, TABS).map((t) => t.name)).not.toContain('Vervallen tab');
  });

  it('zonder Sheets-service worden de tabs en hun vingerafdrukken ook geschreven', () => {
    const h = fresh();
    rebuildViews(h);
    logEvents(h.ss, [['proef', 'een regel']]);
    expect(withoutSheets(() => rebuildViews(h)).length).toBeGreaterThan(0);
    expect(rebuildViews(h)).toEqual([]);
  });

  it('de volgende actie in het register hangt af van of er al een namenlijst is', () => {
    const f = freshCaseAt2B();
    local = f.local;
    rebuildViews(f.h);
    expect(reopen(f.h).row.nextAction).toBe('Namenlijst aanmaken');
    const h = reopen(f.h);
    ensureNamesList(h);
    rebuildViews(reopen(h));
    expect(reopen(h).row.nextAction).toBe('Namenlijst bijwerken');
  });

  it('een gesloten casus staat in het register zonder te late partners en zonder volgende actie', () => {
    const h = fresh();
    startStep(h);
    // Three weeks on, nobody answered: every partner is late.
    local!.rt.advance(21 * 86_400_000);
    rebuildViews(reopen(h));
    expect(reopen(h).row.late).toBe(3);
    decideGate(local!, h, '1', 'niet_verder', [LIGHT_ROUTES[0]!]);
    rebuildViews(reopen(h));
    expect(reopen(h).row).toMatchObject({ status: 'gesloten', late: 0, nextAction: '' });
    // Also when a form of the closed step is still marked open (its closing did not get through).
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => ({ ...f, status: 'open' as const })),
    );
    rebuildViews(reopen(h));
    expect(reopen(h).row.late).toBe(0);
  });
});
