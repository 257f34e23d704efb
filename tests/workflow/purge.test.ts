/** Destroying a closed case after its bewaartermijn: everything goes, verified, resumable, with a record. */
import { afterEach, describe, expect, it } from 'vitest';
import { MIME } from '../../src/local/apps-script/runtime';
import type { LocalAppsScript } from '../../src/local/harness';
import { startOfLocalDay } from '../../src/model/time';
import type { CaseRow } from '../../src/workflow/context';
import { listCases, openRegister, UserError } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { lettersFolderKey } from '../../src/workflow/letters';
import { closingDate, purgeCase, purgeDueCases } from '../../src/workflow/purge';
import type { CaseListRow } from '../../src/workflow/records';
import { CASES, FORMS, PURGES } from '../../src/workflow/records';
import { getScriptProperty, setScriptProperty } from '../../src/workspace/props';
import { appendRows, readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { freshRegister, play, shortScenario } from './helpers';

let p: Played;
let local: LocalAppsScript | undefined;
afterEach(() => {
  local?.dispose();
  local = undefined;
});

/** Every Drive entry under the folder (any depth), the folder included. */
function under(folderId: string): { id: string; trashed: boolean; mime: string }[] {
  const rt = p.local.rt;
  const out = [];
  const todo = [folderId];
  while (todo.length) {
    const id = todo.pop()!;
    const e = rt.drive.get(id)!;
    out.push({ id, trashed: e.trashed, mime: e.mimeType });
    for (const child of rt.drive.values()) if (child.parentIds.includes(id)) todo.push(child.id);
  }
  return out;
}

function closedCase() {
  p = play(shortScenario());
  local = p.local;
  const row = listCases(openRegister()).find((c) => c.code === p.result.caseHandle.row.code)!;
  expect(row.status).toBe('gesloten');
  expect(row.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return row;
}

const at = (iso: string, hour: number) => startOfLocalDay(iso, 'Europe/Amsterdam') + hour * 3_600_000;

describe('vernietigen na de bewaartermijn', () => {
  it('§4.3 #35: bewaart tot de dag zelf, en vernietigt dan alles van de casus, gecontroleerd, met een record zonder inhoud', () => {
    const row = closedCase();
    const months = row.retentionMonths || openRegister().settings.retentionMonths;
    const [y, m, d] = row.closedOn.split('-').map(Number) as [number, number, number];
    const due = new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
    const files = under(row.folderId);
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((f) => f.mime === MIME.form)).toBe(true);
    // The response spreadsheet every form sent its responses to lives in the case folder too.
    const book = readTable(p.result.caseHandle.ss, FORMS).find((f) => f.sheetBook !== '')?.sheetBook ?? '';
    expect(files.map((f) => f.id)).toContain(book);

    // The day before: nothing happens.
    const dayBefore = new Date(Date.parse(`${due}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    p.local.rt.setNow(at(dayBefore, 9));
    dispatchAll(openRegister());
    expect(under(row.folderId).every((f) => !f.trashed)).toBe(true);
    expect(readTable(openRegister().ss, PURGES)).toEqual([]);

    p.local.rt.setNow(at(due, 9));
    const report = dispatchAll(openRegister());
    expect(report.errors).toEqual([]);
    expect(under(row.folderId).filter((f) => !f.trashed)).toEqual([]);
    expect(p.local.rt.drive.get(book)!.trashed).toBe(true);
    const reg = openRegister();
    expect(readTable(reg.ss, CASES).map((c) => c.Casuscode)).not.toContain(row.code);
    // ...and the Casussen view the coordinator reads no longer lists it.
    const view = reg.ss.getSheetByName('Casussen')!.getDataRange().getDisplayValues();
    expect(view.flat()).not.toContain(row.code);
    const records = readTable(reg.ss, PURGES);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      Casuscode: row.code,
      'Vernietigen vanaf': due,
      Bestanden: files.length - 1,
    });
    expect(records[0]!.Resultaat).toMatch(/^vernietigd/);
    // The record holds dates, a count and the code: nothing from the case.
    expect(Object.keys(records[0]!).sort()).toEqual([...PURGES.columns].sort());

    // A second run finds nothing to do.
    dispatchAll(openRegister());
    expect(readTable(openRegister().ss, PURGES)).toHaveLength(1);
  });

  it('maakt een onderbroken vernietiging af bij de volgende run, zonder tweede record', () => {
    const row = closedCase();
    p.local.rt.setNow(at('2030-01-07', 9));
    p.local.rt.injectFault({ method: 'File.setTrashed', nth: 3, message: 'Service error: Drive' });
    const first = dispatchAll(openRegister());
    expect(first.errors.map((e) => e.code)).toEqual([row.code]);
    expect(readTable(openRegister().ss, PURGES).map((r) => r.Resultaat)).toEqual(['bezig']);
    expect(listCases(openRegister()).map((c) => c.code)).toContain(row.code);
    p.local.rt.clearFaults();
    const second = dispatchAll(openRegister());
    expect(second.errors).toEqual([]);
    expect(under(row.folderId).filter((f) => !f.trashed)).toEqual([]);
    const records = readTable(openRegister().ss, PURGES);
    expect(records).toHaveLength(1);
    expect(records[0]!.Resultaat).toMatch(/^vernietigd/);
  });
});

// ---- The same purge on a register built in milliseconds: what a privacy officer can check. ----

const CLOSED = '2024-12-02';

function caseListRow(code: string, over: Partial<CaseListRow> = {}): CaseListRow {
  return {
    Casuscode: code,
    Status: 'gesloten',
    Stap: '2A',
    Ronde: 1,
    Geopend: '2024-10-01',
    Map: '',
    Casusspreadsheet: '',
    'Integraal beeld': '',
    Namenlijst: '',
    Bijgewerkt: 0,
    Label: '',
    Wijk: '',
    'Eerste signaal': '',
    Bewaartermijn: 12,
    'Te laat': 0,
    'Volgende actie': '',
    'Gesloten op': CLOSED,
    ...over,
  };
}

interface Made {
  code: string;
  folder: string;
  caseFiles: string[];
  names: string;
  letters: string;
  letterFiles: string[];
}

/**
 * A closed case as the product leaves it in Drive: a case folder with two files (one of them
 * already in the trash), a namenlijst in its own folder and a letters folder with two letters.
 */
function makeCase(code: string, over: Partial<CaseListRow> = {}): { made: Made; row: CaseListRow } {
  const folder = DriveApp.createFolder(`Casus ${code}`);
  const a = folder.createFile(`Logboek ${code}`, 'logboek');
  const b = folder.createFile(`Verslag ${code}`, 'verslag');
  b.setTrashed(true);
  const names = DriveApp.createFolder(`Namen ${code}`).createFile(`Namenlijst ${code}`, 'namen');
  const letters = DriveApp.createFolder(`Brieven ${code}`);
  const l1 = letters.createFile(`Brief P1 ${code}`, 'brief');
  const l2 = letters.createFile(`Brief P2 ${code}`, 'brief');
  setScriptProperty(lettersFolderKey(code), letters.getId());
  const made = {
    code,
    folder: folder.getId(),
    caseFiles: [a.getId(), b.getId()],
    names: names.getId(),
    letters: letters.getId(),
    letterFiles: [l1.getId(), l2.getId()],
  };
  return { made, row: caseListRow(code, { Map: made.folder, Namenlijst: made.names, ...over }) };
}

/** A register with its settings (Monday 12 January 2026, 09:00), no cases yet. */
function registerWith(): void {
  local = freshRegister().local;
}

/** Puts the rows in the register's case list and reads them back as the dispatcher does. */
function listed(rows: CaseListRow[]) {
  appendRows(openRegister().ss, CASES, rows);
  return listCases(openRegister());
}

const trashed = (id: string) => local!.rt.drive.get(id)!.trashed;

/** Drive keeps saying the item is not in the trash, whatever the script asks. */
function refusesTrash(id: string): void {
  Object.defineProperty(local!.rt.drive.get(id)!, 'trashed', { get: () => false, set: () => undefined });
}

function record(code: string) {
  return readTable(openRegister().ss, PURGES).find((r) => r.Casuscode === code);
}

describe('vernietigen: wat de functionaris gegevensbescherming kan nagaan', () => {
  it('de sluitdatum is de datum in Gesloten op; anders de dag van de laatste wijziging; een open casus heeft er geen', () => {
    const updatedAt = Date.UTC(2025, 2, 3, 10, 0); // 3 maart 2025
    const row = (status: 'open' | 'gesloten', closedOn: string, at = updatedAt) =>
      ({ status, closedOn, updatedAt: at }) as CaseRow;
    expect(closingDate(row('gesloten', '2025-01-10'))).toBe('2025-01-10');
    expect(closingDate(row('open', '2025-01-10'))).toBe('');
    expect(closingDate(row('open', ''))).toBe('');
    // Not a jjjj-mm-dd date: the day the row last changed counts.
    for (const odd of ['10-01-2025', '2025-01-10 09:00', 'op 2025-01-10', '2025-1-10', '2025-01-1', ''])
      expect(closingDate(row('gesloten', odd)), odd).toBe('2025-03-03');
    expect(closingDate(row('gesloten', '', 0))).toBe('');
  });

  it('vernietigt alleen een gesloten casus waarvan de bewaartermijn om is', () => {
    registerWith();
    const due = makeCase('JGA-2024-001');
    const open = makeCase('JGA-2024-002', {
      Status: 'open',
      'Gesloten op': '',
      Bijgewerkt: Date.UTC(2024, 0, 1),
    });
    const notYet = makeCase('JGA-2024-003', { 'Gesloten op': '2025-06-01' });
    const cases = listed([due.row, open.row, notYet.row]);
    const out = purgeDueCases(openRegister(), cases);
    expect(out).toEqual([{ code: 'JGA-2024-001', files: 5 }]);
    for (const m of [open.made, notYet.made]) {
      expect([m.folder, m.caseFiles[0]!, m.names, m.letters, ...m.letterFiles].map(trashed)).toEqual([
        false,
        false,
        false,
        false,
        false,
        false,
      ]);
    }
    expect(listCases(openRegister()).map((c) => c.code)).toEqual(['JGA-2024-002', 'JGA-2024-003']);
  });

  it('gooit casusmap, bestanden, namenlijst en brieven weg, telt ze, en schrijft per casus een eigen record', () => {
    registerWith();
    const one = makeCase('JGA-2024-001');
    const two = makeCase('JGA-2024-002');
    const cases = listed([one.row, two.row]);
    local!.rt.resetCounts();
    const out = purgeDueCases(openRegister(), cases);
    // Two files in the case folder (one already in the trash), the namenlijst, two letters.
    expect(out).toEqual([
      { code: 'JGA-2024-001', files: 5 },
      { code: 'JGA-2024-002', files: 5 },
    ]);
    for (const { made: m } of [one, two]) {
      expect([m.folder, ...m.caseFiles, m.names, m.letters, ...m.letterFiles].every(trashed)).toBe(true);
      expect(getScriptProperty(lettersFolderKey(m.code))).toBeNull();
    }
    // What was already in the trash is not touched again: per case 1 + 1 + 2 files and 2 folders.
    expect(local!.rt.totalCalls('File.setTrashed')).toBe(8);
    expect(local!.rt.totalCalls('Folder.setTrashed')).toBe(4);
    const records = readTable(openRegister().ss, PURGES);
    expect(records.map((r) => [r.Casuscode, r['Vernietigen vanaf'], r.Bestanden])).toEqual([
      ['JGA-2024-001', '2025-12-02', 5],
      ['JGA-2024-002', '2025-12-02', 5],
    ]);
    for (const r of records) {
      expect(r.Gestart).toMatch(/^2026-01-12 \d{2}:\d{2}$/);
      expect(r.Afgerond).toMatch(/^2026-01-12 \d{2}:\d{2}$/);
      expect(r.Resultaat).toBe('vernietigd: alles in de prullenbak, door Drive bevestigd');
    }
    expect(listCases(openRegister())).toEqual([]);
  });

  it('een casus zonder map of brieven: alleen de namenlijst gaat weg, zonder vraag naar de brievenmap', () => {
    registerWith();
    const names = DriveApp.createFile('Namenlijst JGA-2024-001', 'namen');
    const cases = listed([caseListRow('JGA-2024-001', { Namenlijst: names.getId() })]);
    local!.rt.resetCounts();
    expect(purgeCase(openRegister(), cases[0]!, '2025-12-02')).toEqual({ code: 'JGA-2024-001', files: 1 });
    expect(names.isTrashed()).toBe(true);
    expect(local!.rt.totalCalls('Folder.')).toBe(0);
    expect(local!.rt.totalCalls('Properties.deleteProperty')).toBe(0);
    expect(record('JGA-2024-001')?.Bestanden).toBe(1);
  });

  const stuck: [string, (m: Made) => void, string][] = [
    ['de namenlijst', (m) => refusesTrash(m.names), 'de namenlijst'],
    [
      'een bestand in de casusmap',
      (m) => refusesTrash(m.caseFiles[0]!),
      'een bestand in de casusmap, de casusmap',
    ],
    ['de casusmap zelf', (m) => refusesTrash(m.folder), 'de casusmap'],
    ['twee brieven', (m) => m.letterFiles.forEach(refusesTrash), 'een brief, de map met brieven'],
    ['de brievenmap zelf', (m) => refusesTrash(m.letters), 'de map met brieven'],
    [
      'een bestand dat tijdens het weggooien in de casusmap verschijnt',
      (m) =>
        local!.rt.injectFault({
          method: 'Folder.setTrashed',
          nth: 1,
          effect: () => void DriveApp.getFolderById(m.folder).createFile('Laat antwoord', 'x'),
        }),
      'de casusmap',
    ],
    [
      'een brief die tijdens het weggooien in de brievenmap verschijnt',
      (m) =>
        local!.rt.injectFault({
          method: 'Folder.setTrashed',
          nth: 2,
          effect: () => void DriveApp.getFolderById(m.letters).createFile('Brief P3', 'x'),
        }),
      'de map met brieven',
    ],
  ];
  it.each(stuck)(
    'bevestigt Drive %s niet in de prullenbak, dan blijft de casus staan en meldt de run wat',
    (_, obstacle, what) => {
      registerWith();
      const { made, row } = makeCase('JGA-2024-001');
      const [c] = listed([row]);
      obstacle(made);
      expect(() => purgeCase(openRegister(), c!, '2025-12-02')).toThrow(
        new UserError(
          `Casus JGA-2024-001 kon nog niet helemaal worden vernietigd (${what}); de volgende run probeert het opnieuw.`,
        ),
      );
      // The record says a purge started and did not finish; the case stays on the list.
      expect(record('JGA-2024-001')).toMatchObject({ Afgerond: '', Bestanden: 0, Resultaat: 'bezig' });
      expect(listCases(openRegister()).map((x) => x.code)).toEqual(['JGA-2024-001']);
      expect(getScriptProperty(lettersFolderKey('JGA-2024-001'))).toBe(made.letters);
    },
  );

  it('maakt na een geweigerde namenlijst de vernietiging af zodra Drive meewerkt, in hetzelfde record', () => {
    registerWith();
    const { made, row } = makeCase('JGA-2024-001');
    const [c] = listed([row]);
    const entry = local!.rt.drive.get(made.names)!;
    refusesTrash(made.names);
    expect(() => purgeCase(openRegister(), c!, '2025-12-02')).toThrow(/de namenlijst/);
    Object.defineProperty(entry, 'trashed', { value: false, writable: true });
    expect(purgeCase(openRegister(), c!, '2025-12-02').files).toBe(5);
    const records = readTable(openRegister().ss, PURGES);
    expect(records).toHaveLength(1);
    expect(records[0]!.Resultaat).toMatch(/^vernietigd/);
    expect(trashed(made.names)).toBe(true);
  });
});
