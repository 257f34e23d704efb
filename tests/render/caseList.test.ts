import { describe, expect, it } from 'vitest';
import {
  buildCaseList,
  CASE_LIST_HEADERS,
  type CaseListEntry,
  documentLink,
  folderLink,
  lateText,
  spreadsheetLink,
} from '../../src/render/caseList';
import { COLORS, cellText } from '../../src/render/sheetTable';

const entry = (over: Partial<CaseListEntry> = {}): CaseListEntry => ({
  code: 'JGA-2026-001',
  label: 'Speeltuin Kerkplein',
  wijk: 'Noord',
  status: 'open',
  step: '2A',
  round: 1,
  openedOn: '2026-01-12',
  updatedAt: Date.UTC(2026, 0, 28, 13, 5),
  late: 2,
  nextAction: 'Herinnering sturen (2 te laat)',
  spreadsheetId: 'ss-1AbC_d',
  overviewId: 'doc-9',
  namesId: '',
  folderId: 'fld-3',
  ...over,
});

const ctx = { naming: '2023' as const, timeZone: 'Europe/Amsterdam' };
const col = (h: (typeof CASE_LIST_HEADERS)[number]) => CASE_LIST_HEADERS.indexOf(h);

describe('Casussen als leesbare lijst', () => {
  const t = buildCaseList(
    [entry(), entry({ code: 'JGA-2026-002', status: 'gesloten', step: '7', late: 3 })],
    ctx,
  );
  const row = t.rows[1]!.map(cellText);

  it('toont label, stap in woorden, wat te laat is, de volgende actie en datums als dd-mm-jjjj uu:mm', () => {
    expect(t.rows[0]!.map(cellText)).toEqual([...CASE_LIST_HEADERS]);
    expect(row[col('Label')]).toBe('Speeltuin Kerkplein');
    expect(row[col('Wijk')]).toBe('Noord');
    expect(row[col('Stap')]).toMatch(/^Stap 2A — \S/);
    expect(row[col('Te laat')]).toBe('2 partners te laat');
    expect(t.backgrounds![1]![col('Te laat')]).toBe(COLORS.red);
    expect(row[col('Volgende actie')]).toBe('Herinnering sturen (2 te laat)');
    expect(row[col('Geopend')]).toBe('12-01-2026');
    expect(row[col('Bijgewerkt')]).toBe('28-01-2026 14:05');
  });

  it('geeft links naar de eigen bestanden in plaats van ids; nergens een id of epoch-tijd', () => {
    expect(row[col('Casusspreadsheet')]).toBe('openen');
    expect(t.links).toEqual(
      expect.arrayContaining([
        { row: 1, column: col('Casusspreadsheet'), url: spreadsheetLink('ss-1AbC_d') },
        { row: 1, column: col('Integraal beeld'), url: documentLink('doc-9') },
        { row: 1, column: col('Map'), url: folderLink('fld-3') },
      ]),
    );
    expect(row[col('Namenlijst')]).toBe('nog niet');
    const all = t.rows.flat().map(cellText).join('|');
    for (const raw of ['ss-1AbC_d', 'doc-9', 'fld-3', String(Date.UTC(2026, 0, 28, 13, 5))])
      expect(all).not.toContain(raw);
  });

  it('een gesloten casus: geen te laat, geen actie, de stap waarna hij sloot', () => {
    const closed = t.rows[2]!.map(cellText);
    expect(closed[col('Status')]).toBe('gesloten');
    expect(closed[col('Stap')]).toBe('afgesloten na stap 7');
    expect(closed[col('Te laat')]).toBe('');
    expect(closed[col('Volgende actie')]).toBe('');
  });

  it('maakt geen link van iets dat geen Drive-id is, en linkt de namenlijst als die er is', () => {
    const t2 = buildCaseList([entry({ spreadsheetId: 'javascript:alert(1)', namesId: 'nl-1' })], ctx);
    expect(cellText(t2.rows[1]![col('Casusspreadsheet')]!)).toBe('');
    expect(t2.links?.some((l) => l.url.includes('alert'))).toBe(false);
    expect(t2.links).toContainEqual({ row: 1, column: col('Namenlijst'), url: spreadsheetLink('nl-1') });
  });

  it('zegt wat te doen bij een leeg register, en spreekt "te laat" goed uit', () => {
    const empty = buildCaseList([], ctx);
    expect(cellText(empty.rows[1]![0]!)).toMatch(/^Nog geen casussen/);
    expect(empty.links).toBeUndefined();
    expect([lateText(0), lateText(1), lateText(3)]).toEqual(['', '1 partner te laat', '3 partners te laat']);
  });
});
