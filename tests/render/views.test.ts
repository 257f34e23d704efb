import { describe, expect, it } from 'vitest';
import { CATALOG as REAL_CATALOG } from '../../src/model/catalog';
import { monitoringQuestions } from '../../src/render/monitoring';
import type { Cell, SheetTable } from '../../src/render/sheetTable';
import { COLORS, cellText, isTextCell } from '../../src/render/sheetTable';
import { buildViews } from '../../src/render/views';
import { toSheetValue } from '../../src/workspace/sheetWriter';
import { ANSWERS, CATALOG, caseView, NAUGHTY_SIGNAL, PARTNERS } from './views.fixture';

function tab(tables: SheetTable[], name: string): SheetTable {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`tab ${name} ontbreekt`);
  return t;
}

/** Every plain label passes the writer's check (no formula start, no number look-alike). */
function assertWritable(t: SheetTable): void {
  t.rows.forEach((r, i) => {
    r.forEach((c, j) => {
      toSheetValue(c, `${t.name}!${i},${j}`);
    });
  });
}

const texts = (row: Cell[]): string[] => row.map(cellText);

function rowIndex(t: SheetTable, pred: (cells: string[]) => boolean, from = 0): number {
  const i = t.rows.findIndex((r, idx) => idx >= from && pred(texts(r)));
  if (i < 0) throw new Error(`rij niet gevonden in ${t.name}`);
  return i;
}

describe('buildViews', () => {
  const tables = buildViews(caseView());

  it('maakt de tabbladen in vaste volgorde, met een stap-tab alleen voor stappen met formulieren', () => {
    expect(tables.map((t) => t.name)).toEqual([
      'Overzicht',
      'Formulieren',
      'Stap 1',
      'Stap 2A',
      'Stap 2B',
      'Stap 6',
      'Personen',
      'Acties',
      'Besluiten',
      'Logboek',
    ]);
  });

  it('levert rechthoekige tabellen met passende opmaak, schrijfbaar zonder formulelabels', () => {
    for (const t of tables) {
      const width = t.rows[0]!.length;
      expect(
        t.rows.every((r) => r.length === width),
        t.name,
      ).toBe(true);
      if (t.backgrounds) {
        expect(t.backgrounds.length).toBe(t.rows.length);
        expect(t.backgrounds.every((r) => r.length === width)).toBe(true);
      }
      for (const b of t.boldRows ?? []) expect(b).toBeLessThan(t.rows.length);
      assertWritable(t);
    }
  });

  it('zet elk partnerantwoord, elke organisatienaam en elke motivering in een tekstcel', () => {
    const userTexts = new Set([
      ...ANSWERS.map((a) => a.value),
      ...PARTNERS.map((p) => p.organisation),
      'Signalen van twee partners',
      '+ veel overlast',
      '=HYPERLINK("https://x")',
      '-1 bezoek thuis',
    ]);
    let seen = 0;
    for (const t of tables) {
      for (const row of t.rows) {
        for (const c of row) {
          if (typeof c === 'string') expect(userTexts.has(c), `${t.name}: ${c}`).toBe(false);
          if (isTextCell(c) && userTexts.has(c.text)) seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('noemt nergens contactpersonen of e-mailadressen', () => {
    const all = tables.flatMap((t) => t.rows.flatMap(texts)).join('\n');
    for (const p of PARTNERS) {
      expect(all).not.toContain(p.contactName);
      expect(all).not.toContain(p.email);
    }
  });

  describe('Formulieren', () => {
    it('houdt per formulier stap, ronde, partner, status, deadline, verzending, herinneringen en antwoord bij', () => {
      const view = caseView();
      const t = tab(buildViews(view), 'Formulieren');
      expect(texts(t.rows[0]!).slice(0, 9)).toEqual([
        'Stap',
        'Ronde',
        'Partner',
        'Status',
        'Deadline',
        'Verstuurd',
        'Herinnerd',
        'Beantwoord',
        'Inzendingen',
      ]);
      expect(t.rows.length - 1).toBe(view.forms.length);
      for (const f of view.forms) {
        const row = t.rows.find((r) => r.some((c) => cellText(c) === f.formId))!;
        expect(row).toBeDefined();
        expect(cellText(row[9]!)).toBe(f.publishedUrl);
        expect(row[8]).toBe(f.responseCount);
        if (f.reminders.length) expect(cellText(row[6]!)).not.toBe('');
      }
    });
  });

  describe('Overzicht', () => {
    const t = tab(tables, 'Overzicht');

    it('toont casus, gemeente, huidige stap en ronde', () => {
      expect(texts(t.rows[0]!).slice(0, 2)).toEqual(['Casusoverzicht', 'JGA-2026-001']);
      expect(texts(t.rows[rowIndex(t, (c) => c[0] === 'Gemeente')]!)[1]).toBe('Voorbeeldstad');
      expect(texts(t.rows[rowIndex(t, (c) => c[0] === 'Huidige stap')]!)[1]).toMatch(/^Stap 6 — /);
      expect(t.rows[rowIndex(t, (c) => c[0] === 'Ronde')]![1]).toBe(2);
      expect(texts(t.rows[rowIndex(t, (c) => c[0] === 'Stand van')]!)[1]).toBe('04-03-2026 11:00');
    });

    it('geeft per stap de status in de tijdlijn', () => {
      const start = rowIndex(t, (c) => c[0] === 'Stap' && c[1] === 'Naam');
      const status = (step: string) => {
        const i = rowIndex(t, (c) => c[0] === `Stap ${step}`, start);
        return { text: texts(t.rows[i]!)[2], bg: t.backgrounds![i]![2], last: texts(t.rows[i]!)[4] };
      };
      expect(status('2A')).toEqual({
        text: 'afgerond',
        bg: COLORS.green,
        last: 'Problematisch groepsgedrag',
      });
      expect(status('6').text).toBe('actief');
      expect(status('7').text).toBe('nog niet');
    });

    it('kleurt de partner × stap-matrix: groen beantwoord, oranje open, rood te laat, grijs n.v.t.', () => {
      const header = rowIndex(t, (c) => c[0] === 'Partner' && c[1] === 'Stap 1');
      const col = texts(t.rows[header]!).indexOf('Stap 6');
      const cell = (org: string, c = col) => {
        const i = rowIndex(t, (x) => x[0] === org, header);
        return { text: texts(t.rows[i]!)[c], bg: t.backgrounds![i]![c] };
      };
      expect(cell('Politie Basisteam Noord')).toEqual({
        text: 'beantwoord 02-03 (ronde 2)',
        bg: COLORS.green,
      });
      expect(cell('Handhaving Voorbeeld')).toEqual({
        text: 'open — deadline 11-03 (ronde 2)',
        bg: COLORS.amber,
      });
      expect(cell('=Jongerenwerk "Oost"')).toEqual({ text: 'te laat (3 wd) (ronde 2)', bg: COLORS.red });
      expect(cell('Handhaving Voorbeeld', texts(t.rows[header]!).indexOf('Stap 2A'))).toEqual({
        text: 'n.v.t.',
        bg: COLORS.grey,
      });
    });

    it('somt de escalaties op met deadline, werkdagen te laat en herinneringen', () => {
      const header = rowIndex(t, (c) => c[0] === 'Partner' && c[4] === 'Werkdagen te laat');
      const rows = t.rows.slice(header + 1).filter((r) => cellText(r[0]!) !== '');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.slice(0, 7).map(cellText)).toEqual([
        '=Jongerenwerk "Oost"',
        'Stap 6',
        '2',
        '27-02-2026',
        '3',
        '2',
        '27-02-2026',
      ]);
      expect(t.backgrounds![header + 1]![0]).toBe(COLORS.red);
    });

    it('meldt dat er geen escalaties zijn als alles op tijd is', () => {
      const view = caseView({ now: Date.UTC(2026, 1, 20, 10) });
      const ov = tab(buildViews(view), 'Overzicht');
      expect(ov.rows.some((r) => cellText(r[0]!) === 'Geen formulieren over de deadline.')).toBe(true);
    });
  });

  describe('stap-tabbladen', () => {
    it('zet de antwoorden per partner naast elkaar met het tijdstip van de laatste inzending', () => {
      const t = tab(tables, 'Stap 2A');
      const header = texts(t.rows[1]!);
      expect(header).toEqual([
        'Vraag-id',
        'Vraag',
        'Onderwerp',
        'Politie Basisteam Noord',
        '=Jongerenwerk "Oost"',
        'Laatst ontvangen',
      ]);
      const i = rowIndex(t, (c) => c[0] === '2A.omvang');
      expect(texts(t.rows[i]!)).toEqual([
        '2A.omvang',
        'Hoe groot is de groep?',
        '',
        '8 tot 12 jongeren',
        'ongeveer 10',
        expect.stringMatching(/^\d{2}-\d{2}-2026 \d{2}:\d{2}$/),
      ]);
      // A question not asked of jongerenwerk is greyed out for that partner.
      const j = rowIndex(t, (c) => c[0] === '2A.politie');
      expect(texts(t.rows[j]!)[3]).toBe('+31 6 12345678');
      expect(t.backgrounds![j]![4]).toBe(COLORS.grey);
      expect(t.backgrounds![j]![3]).toBeNull();
      expect(t.frozenRows).toBe(2);
    });

    it('geeft herhaalde vragen één rij per onderwerp', () => {
      const t = tab(tables, 'Stap 2B');
      const rows = t.rows.filter((r) => cellText(r[0]!) === '2B.rol').map(texts);
      // Every code of the namenlijst gets a row, also without answers yet.
      expect(rows.map((r) => r[2])).toEqual(['P-7F3K', 'P-9Q2M', 'P-4XZ8']);
      expect(rows[0]!.slice(3, 5)).toEqual(['kern', '@naam bekend bij jongerenwerk']);
      expect(rows[1]!.slice(3, 5)).toEqual(['meeloper', '']);
    });

    it('maakt bij meer rondes een vetgedrukt blok per ronde, nieuwste eerst', () => {
      const t = tab(tables, 'Stap 6');
      const r2 = rowIndex(t, (c) => c[0] === 'Ronde 2');
      const r1 = rowIndex(t, (c) => c[0] === 'Ronde 1');
      expect(r2).toBeLessThan(r1);
      expect(t.boldRows).toEqual(expect.arrayContaining([r1, r2]));
      const a1 = rowIndex(t, (c) => c[0] === '6.actie.status' && c[2] === 'A1', r2);
      expect(a1).toBeLessThan(r1);
      expect(texts(t.rows[a1]!)[3]).toBe('Afgerond');
      // A per-action question goes to the action's owner only: other partners are greyed out.
      expect(t.backgrounds![a1]!.slice(3, 6)).toEqual([null, COLORS.grey, COLORS.grey]);
      const a2 = rowIndex(t, (c) => c[0] === '6.actie.status' && c[2] === 'A2', r2);
      expect(a2).toBeLessThan(r1);
      expect(t.backgrounds![a2]!.slice(3, 6)).toEqual([COLORS.grey, null, COLORS.grey]);
      expect(t.rows[1]!.map(cellText)).toContain('Handhaving Voorbeeld');
    });
  });

  it('Personen: alleen codes, één rij per code, stap, vraag en partner', () => {
    const t = tab(tables, 'Personen');
    expect(t.tabColor).toBeDefined();
    const body = t.rows.slice(2).map(texts);
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(['P-7F3K', 'P-9Q2M', 'P-4XZ8']));
    expect(body.filter((r) => r[0] === 'P-7F3K').map((r) => [r[1], r[3], r[5], r[6]])).toEqual([
      ['Stap 2B', '2B.rol', 'Politie Basisteam Noord', 'kern'],
      ['Stap 2B', '2B.rol', '=Jongerenwerk "Oost"', '@naam bekend bij jongerenwerk'],
    ]);
    expect(body.find((r) => r[0] === 'P-4XZ8')?.[6]).toBe('nog geen bijdragen');
    // Per-action answers about A1/A2 are not person rows.
    expect(body.some((r) => r[0] === 'A1')).toBe(false);
  });

  it('Acties: de status per monitoringronde en de laatste toelichting', () => {
    expect(monitoringQuestions(CATALOG).status?.id).toBe('6.actie.status');
    const t = tab(tables, 'Acties');
    expect(cellText(t.rows[0]![0]!)).toBe('Plan van aanpak, versie 2');
    const header = texts(t.rows[1]!);
    const s1 = header.indexOf('Status ronde 1');
    const s2 = header.indexOf('Status ronde 2');
    const note = header.indexOf('Laatste toelichting');
    expect(s1).toBeGreaterThan(0);
    const a1 = texts(t.rows[rowIndex(t, (c) => c[0] === 'A1')]!);
    const a2 = texts(t.rows[rowIndex(t, (c) => c[0] === 'A2')]!);
    expect([a1[s1], a1[s2], a1[note]]).toEqual(['Loopt', 'Afgerond', 'afgerond in februari (ronde 2)']);
    expect([a2[s1], a2[s2], a2[note]]).toEqual(['Gereed', '', '']);
    expect(a2.slice(1, 7)).toEqual([
      'persoon',
      '-1 bezoek thuis',
      'D1 Minder overlast op het plein',
      '=Jongerenwerk "Oost"',
      '15-04-2026',
      'P-7F3K',
    ]);
  });

  it('Acties: meer toelichtingsvragen in één ronde staan met hun titel onder elkaar', () => {
    const view = caseView();
    view.catalog = [...CATALOG, { ...CATALOG[5]!, id: '6.actie.belemmering', title: 'Belemmeringen' }];
    view.answers = [...ANSWERS, { ...ANSWERS[12]!, questionId: '6.actie.belemmering', value: 'geen' }];
    const t = tab(buildViews(view), 'Acties');
    const note = texts(t.rows[1]!).indexOf('Laatste toelichting');
    const a1 = texts(t.rows[rowIndex(t, (c) => c[0] === 'A1')]!);
    expect(a1[note]).toBe('Toelichting: afgerond in februari\nBelemmeringen: geen (ronde 2)');
  });

  it('werkt met de echte vragenlijst: statusvraag gevonden, alle labels schrijfbaar', () => {
    expect(monitoringQuestions(REAL_CATALOG).status?.id).toBe('6.actie.status');
    const real = buildViews(caseView({ catalog: REAL_CATALOG }));
    const step1 = tab(real, 'Stap 1');
    const ids = step1.rows.map((r) => cellText(r[0]!));
    for (const q of REAL_CATALOG.filter((x) => x.step === '1' && x.kinds === 'all'))
      expect(ids).toContain(q.id);
    for (const t of real) assertWritable(t);
  });

  it('Acties zonder plan: een duidelijke melding', () => {
    const t = tab(buildViews(caseView({ plan: null })), 'Acties');
    expect(cellText(t.rows[0]![0]!)).toMatch(/Nog geen plan van aanpak/);
  });

  it('Besluiten: elk besluit met label, motivering en aanwijzingen', () => {
    const t = tab(tables, 'Besluiten');
    expect(t.rows).toHaveLength(4);
    expect(texts(t.rows[3]!)).toEqual([
      'Stap 4',
      '1',
      '05-02-2026',
      'Geprioriteerd',
      'lokale driehoek',
      'Prioriteit',
      '',
      '=HYPERLINK("https://x")',
    ]);
    expect(isTextCell(t.rows[3]![7])).toBe(true);
  });

  it('Logboek: oudste eerst, details als tekst', () => {
    const t = tab(tables, 'Logboek');
    expect(t.rows.slice(1).map((r) => cellText(r[1]!))).toEqual([
      'casus geopend',
      'ronde gestart',
      'antwoord ontvangen',
    ]);
    expect(t.rows[3]![2]).toEqual({ text: '=1+1' });
    expect(cellText(t.rows[1]![0]!)).toBe('02-01-2026 10:00');
  });

  it('een vroeg gesloten casus toont latere stappen als overgeslagen', () => {
    const view = caseView();
    view.state = {
      ...view.state,
      status: 'gesloten',
      step: '2A',
      rounds: { '1': 1, '2A': 1 },
      closedRoutes: ['zorgmelding'],
    };
    view.forms = view.forms.filter((f) => f.step === '1' || f.step === '2A');
    const t = tab(buildViews(view), 'Overzicht');
    const row = (step: string) =>
      texts(
        t.rows.find((r) => cellText(r[0]!) === `Stap ${step}` && r.length > 3 && typeof r[3] === 'number')!,
      );
    expect(row('2A')[2]).toBe('afgerond');
    expect(row('7')[2]).toBe('overgeslagen');
    expect(texts(t.rows[rowIndex(t, (c) => c[0] === 'Status')]!)[1]).toMatch(/^gesloten \(vervolg: /);
  });

  it('neemt een antwoord dat op een formule lijkt letterlijk over als tekst', () => {
    const t = tab(tables, 'Stap 1');
    const row = t.rows[rowIndex(t, (c) => c[0] === '1.signaal')]!;
    expect(row[3]).toEqual({ text: NAUGHTY_SIGNAL });
    expect(row[4]).toEqual({ text: '0612345678' });
  });
});
