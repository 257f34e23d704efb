/**
 * The full demo case through all seven steps on the in-memory Apps Script: the product's
 * real code path from opening the case to closing it, then read back as a coordinator would.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { pdfPageCount } from '../../src/local/apps-script/pdf';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { scenarioManifest } from '../../src/local/cli/outputs';
import { demoScenarioPath, loadScenario } from '../../src/local/demo/loadScenario';
import type { Scenario } from '../../src/local/demo/scenarioSchema';
import { writeOutputs } from '../../src/local/export/writeAll';
import { replay } from '../../src/model/caseMachine';
import { buildAdvice } from '../../src/render/advice';
import { hasNestedBrackets } from '../../src/render/formSpec';
import { buildOverview } from '../../src/render/overview';
import { estimateLength } from '../../src/render/pages';
import { readAdviceTab } from '../../src/workflow/advice';
import { assembleView, readDecisions } from '../../src/workflow/assemble';
import { openCase, openRegister } from '../../src/workflow/context';
import { caseDashboard } from '../../src/workflow/dashboard';
import {
  audienceDocuments,
  caseDocumentIds,
  rebuildOverview,
  rebuildViews,
} from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, PERSONS } from '../../src/workflow/records';
import { readTable, replaceTable, withTableCache } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { play, visibleTabs } from './helpers';

let scenario: Scenario;
let p: Played;

beforeAll(() => {
  const loaded = loadScenario(demoScenarioPath());
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  scenario = loaded.scenario;
  p = play(scenario);
});
afterAll(() => p.local.dispose());

const handle = () => openCase(openRegister(), p.result.caseHandle.row.code);

/** Every person's full name and each part of it longer than 3 letters. */
function nameParts(): string[] {
  return scenario.persons.flatMap((x) => [x.naam, ...x.naam.split(/\s+/).filter((w) => w.length > 3)]);
}

describe('de demo: een casus door alle zeven stappen', () => {
  it('doorloopt 1, 2A, 2B, 3, 4, 5, drie monitoringrondes en 7, en sluit de casus', () => {
    const h = handle();
    const decisions = readDecisions(h.ss);
    expect(decisions.map((d) => `${d.step}:${d.outcome}`)).toEqual([
      '1:verder_verkennen',
      '2A:problematisch',
      '2B:bevestigd',
      '3:gereed',
      '4:geprioriteerd',
      '5:vastgesteld',
      '6:doorgaan',
      '6:bijstellen',
      '6:afschalen',
      '7:afgerond',
    ]);
    const state = replay(h.row.code, decisions);
    expect(state.status).toBe('gesloten');
    expect(h.row.status).toBe('gesloten');
    expect(scenario.partners.length).toBeGreaterThanOrEqual(8);
    expect(scenario.persons.length).toBeGreaterThanOrEqual(12);
  });

  it('gebruikt vanaf 2B persoonscodes uit de namenlijst in de formulieren, nooit namen', () => {
    const h = handle();
    const codes = readTable(h.ss, PERSONS).map((r) => String(r.code));
    expect(codes).toHaveLength(scenario.persons.length);
    for (const c of codes) expect(c).toMatch(/^P-[2-9A-HJKMNP-Z]{4}$/);
    const forms2b = readTable(h.ss, FORMS).filter((f) => f.step === '2B');
    expect(forms2b.length).toBeGreaterThan(0);
    // Every code is a row of the person grids (and named in the header of the texts per code).
    const rows = forms2b.flatMap((f) =>
      snapshotForm(p.local.rt, String(f.formId)).items.flatMap((i) => i.rows),
    );
    for (const c of codes)
      expect(
        rows.some((t) => t === c),
        c,
      ).toBe(true);
    // Before 2B no form mentions a person code.
    const early = readTable(h.ss, FORMS).filter((f) => f.step === '1' || f.step === '2A');
    for (const f of early)
      expect(JSON.stringify(snapshotForm(p.local.rt, String(f.formId)))).not.toMatch(/P-[2-9A-Z]{4}/);
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), {
      name: 'Namenlijst',
      columns: ['Code', 'Naam'],
    });
    expect(names.map((r) => r.Code)).toEqual(codes);
    expect(names.map((r) => r.Naam)).toEqual(scenario.persons.map((x) => x.naam));
  });

  it('houdt elk van de 72 formulieren die de demo echt maakte op hooguit 30 items, zonder dubbele hulptekst', () => {
    const h = handle();
    const forms = readTable(h.ss, FORMS);
    // 6 + 6 + 5 + 8 + 3 + 8 + 3 × 9 + 9 forms: every form of every step and round of the demo.
    expect(forms).toHaveLength(72);
    const counts: [string, number][] = [];
    const repeats: string[] = [];
    for (const f of forms) {
      const form = snapshotForm(p.local.rt, String(f.formId));
      const label = `${f.step} ronde ${f.round} ${f.partnerId}`;
      // Google counts every item: questions, section headers and page breaks.
      counts.push([label, form.items.length]);
      const seen = new Set<string>();
      const help = [form.description, ...form.items.map((i) => i.help)].flatMap((t) => t.split('\n'));
      for (const t of help.filter((x) => x.trim() !== '')) {
        if (seen.has(t)) repeats.push(`${label}: ${t.slice(0, 60)}`);
        seen.add(t);
      }
    }
    expect(counts.filter(([, n]) => n > 30)).toEqual([]);
    expect(repeats).toEqual([]);
    // The police 2B form had 125 questions in 13 person sections before grids.
    const police = counts.find(([l]) => l === '2B ronde 1 politie-basisteam');
    expect(police?.[1]).toBeGreaterThan(5);
  });

  it('zet elk antwoord uit een raster of een tekst per code bij de juiste code: antwoordenlog en tab Personen', () => {
    const h = handle();
    const codes = readTable(h.ss, PERSONS).map((r) => String(r.code));
    const ledger = readTable(h.ss, ANSWERS);
    const tab = visibleTabs(p, h.row.spreadsheetId).Personen ?? [];
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const run of scenario.steps) {
      for (const [partnerId, sub] of Object.entries(run.submissions)) {
        for (const [key, value] of Object.entries({ ...sub.answers, ...(sub.edit?.answers ?? {}) })) {
          const m = /^(\d[AB]?\.p\.[a-z_.]+)\|#(\d+)$/.exec(key);
          if (!m || seen.has(`${partnerId}|${key}`)) continue;
          seen.add(`${partnerId}|${key}`);
          const code = codes[Number(m[2]) - 1]!;
          const text = (Array.isArray(value) ? value.join('; ') : value).replace(
            /#(\d+)/g,
            (_, n) => codes[Number(n) - 1]!,
          );
          const stored = ledger.some(
            (r) =>
              r.questionId === m[1] &&
              r.subject === code &&
              String(r.formKey).includes(partnerId) &&
              String(r.value) === text,
          );
          const shown = tab.some(
            (row) => row[0] === code && row[3] === m[1] && String(row[6]).includes(text),
          );
          if (!stored || !shown) missing.push(`${partnerId} ${key} → ${code}: log ${stored}, tab ${shown}`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('noemt de stap in uitnodigingen zonder haakjes in haakjes', () => {
    const invites = p.local.rt.mailbox.filter((m) => m.subject.startsWith('Uitvraag'));
    expect(invites.length).toBeGreaterThan(0);
    for (const m of invites) {
      expect(hasNestedBrackets(m.subject), m.subject).toBe(false);
      for (const line of m.body.split('\n')) expect(hasNestedBrackets(line), line).toBe(false);
    }
  });

  it('leest de stand van alle documenten in één aanroep, schrijft een gewijzigd document in één upload en een ongewijzigd helemaal niet', () => {
    const rt = p.local.rt;
    const h = handle();
    const view = assembleView(h);
    // The restricted version, the driehoek's and one per active partner (the advice is written at step 4 only).
    const documents = 1 + audienceDocuments(view).length;
    expect(documents).toBeGreaterThan(2);
    const calls = (): Record<string, number> =>
      Object.fromEntries(
        [...rt.counts].filter(([k]) => /^(Drive\.|Document|Body|Paragraph|Table|Text)/.test(k)),
      );
    rt.resetCounts();
    rebuildOverview(h, view);
    expect(calls()).toEqual({ 'Drive.Files.list': 1 });
    // Every version names the gemeente: a changed setting rewrites each, one upload apiece.
    const changed = {
      ...view,
      settings: { ...view.settings, gemeente: `${view.settings.gemeente} (bijgewerkt)` },
    };
    rt.resetCounts();
    rebuildOverview(h, changed);
    expect(calls()).toEqual({ 'Drive.Files.list': 1, 'Drive.Files.update': documents });
    rt.resetCounts();
    rebuildOverview(h, view);
    expect(calls()).toEqual({ 'Drive.Files.list': 1, 'Drive.Files.update': documents });
  });

  it('maakt op verzoek een PDF van het integraal beeld in de casusmap, en publiceert formulieren ook na 30 juni 2026', () => {
    const pdf = p.local.rt.getEntry(p.result.pdfId);
    expect(pdf.parentIds).toEqual([p.result.caseHandle.row.folderId]);
    expect(pdf.name).toMatch(/^Integraal beeld JGA-2026-001 \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(new TextDecoder().decode(pdf.bytes!.slice(0, 5))).toBe('%PDF-');
    const late = readTable(handle().ss, FORMS).filter((f) => String(f.deadline) > '2026-07-01');
    expect(late.length).toBeGreaterThan(0);
    for (const f of late) expect(snapshotForm(p.local.rt, String(f.formId)).published).toBe(true);
  });

  it('geeft in stap 6 elke actie-eigenaar alleen zijn eigen acties en vraagt in stap 7 per doel', () => {
    const h = handle();
    const forms = readTable(h.ss, FORMS);
    const plan = scenario.steps.find((s) => s.step === '5')!.decision.plan!;
    for (const f of forms.filter((x) => x.step === '6' && x.round === 1)) {
      const map = JSON.parse(String(f.itemMap)) as Record<string, string>;
      const subjects = new Set(
        Object.values(map)
          .filter((k) => k.startsWith('6.actie.'))
          .map((k) => k.split('|')[1]),
      );
      const own = plan.actions.filter((a) => a.owner === f.partnerId).map((a) => a.id);
      expect([...subjects].sort()).toEqual([...own].sort());
    }
    for (const f of forms.filter((x) => x.step === '7')) {
      const map = JSON.parse(String(f.itemMap)) as Record<string, string>;
      const goals = new Set(
        Object.values(map)
          .filter((k) => k.startsWith('7.doel.bereikt|'))
          .map((k) => k.split('|')[1]),
      );
      expect([...goals].sort()).toEqual(plan.goals.map((g) => g.id).sort());
    }
  });

  it('houdt namen buiten alles behalve de namenlijst: formulieren, bestanden, mails, logs, eigenschappen, casusspreadsheet, integraal beeld', () => {
    const h = handle();
    const rt = p.local.rt;
    const texts: string[] = [];
    for (const e of rt.drive.values()) texts.push(e.name);
    for (const f of readTable(h.ss, FORMS)) texts.push(JSON.stringify(snapshotForm(rt, String(f.formId))));
    for (const m of rt.mailbox) texts.push(m.subject, m.body);
    for (const l of rt.logs) texts.push(l.message);
    texts.push(JSON.stringify(PropertiesService.getScriptProperties().getProperties()));
    texts.push(JSON.stringify(snapshotSpreadsheet(rt, h.row.spreadsheetId)));
    texts.push(JSON.stringify(snapshotSpreadsheet(rt, p.result.register.ss.getId())));
    texts.push(JSON.stringify(snapshotDocument(rt, h.row.overviewId)));
    for (const id of caseDocumentIds(h).values()) texts.push(JSON.stringify(snapshotDocument(rt, id)));
    const all = texts.join('\n');
    for (const part of nameParts()) expect(all, part).not.toContain(part);
    // ...and they are in the namenlijst.
    expect(JSON.stringify(snapshotSpreadsheet(rt, h.row.namesId))).toContain(scenario.persons[0]!.naam);
  });

  it('schrijft het advies, de driehoekversie en een versie per partner, zonder persoonscode', () => {
    const h = handle();
    const ids = caseDocumentIds(h);
    expect([...ids.keys()].sort()).toEqual(
      ['advies', 'driehoek', ...scenario.partners.map((x) => `partner:${x.id}`)].sort(),
    );
    const codes = readTable(h.ss, PERSONS).map((r) => String(r.code));
    for (const [key, id] of ids) {
      const text = JSON.stringify(snapshotDocument(p.local.rt, id));
      for (const c of codes) expect(text, `${key} bevat ${c}`).not.toContain(c);
    }
    expect(JSON.stringify(snapshotDocument(p.local.rt, h.row.overviewId))).toContain(codes[0]!);
  });

  it('houdt het integraal beeld (beperkt) op hooguit de helft van de oude lengte en het advies op 3 pagina’s', () => {
    const h = handle();
    const view = p.local.rt.uncounted(() => assembleView(h));
    const est = estimateLength(buildOverview(view));
    // Before this layout (commit 4717230), by the same rule of render/pages: 77 estimated pages,
    // 392 headings and 1,091 paragraphs (47 pages as docx, 56 as PDF).
    expect(est.pages).toBeLessThanOrEqual(38);
    expect(est.headings).toBeLessThanOrEqual(196);
    expect(est.paragraphs).toBeLessThanOrEqual(545);
    const advice = p.local.rt.uncounted(() => readAdviceTab(h));
    expect(advice.ok).toBe(true);
    if (advice.ok) expect(estimateLength(buildAdvice(view, advice.value)).pages).toBeLessThanOrEqual(3);
  });

  it('npm start schrijft elk document als docx, html en pdf met de grafieken als afbeelding erin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-docs-'));
    const manifest = scenarioManifest(p.result);
    const code = p.result.caseHandle.row.code;
    const expected = [
      `${code}-integraal-beeld-BEPERKT`,
      `${code}-advies`,
      `${code}-integraal-beeld-driehoek`,
      ...scenario.partners.map((x) => `${code}-partnerversie-${x.id}`),
    ];
    expect(manifest.documents.map((d) => d.file).sort()).toEqual([...expected].sort());
    await writeOutputs(p.local.rt, dir, { spreadsheets: [], documents: manifest.documents, forms: [] });
    const pages = new Map<string, number>();
    for (const file of expected) {
      // The duiding chart in every version; the restricted and driehoek versions also chart the goals.
      const charts = file.endsWith('BEPERKT') || file.endsWith('driehoek') ? 2 : 1;
      const docx = await JSZip.loadAsync(readFileSync(join(dir, `${file}.docx`)));
      expect(
        Object.keys(docx.files).filter((f) => /^word\/media\/.+\.png$/.test(f)),
        file,
      ).toHaveLength(charts);
      const html = readFileSync(join(dir, `${file}.html`), 'utf8');
      expect(html.match(/<img src="data:image\/png;base64,/g), file).toHaveLength(charts);
      const pdf = readFileSync(join(dir, `${file}.pdf`));
      expect(pdf.toString('latin1').match(/\/Subtype \/Image/g), file).toHaveLength(charts);
      pages.set(file, pdfPageCount(pdf));
    }
    // Measured as PDF: the advice on at most 3 A4 pages, the restricted beeld at most half of
    // the 56 pages it had before, the group-level versions shorter still.
    expect(pages.get(`${code}-advies`)).toBeLessThanOrEqual(3);
    const restricted = pages.get(`${code}-integraal-beeld-BEPERKT`)!;
    expect(restricted).toBeLessThanOrEqual(28);
    for (const [file, n] of pages) if (!file.endsWith('BEPERKT')) expect(n, file).toBeLessThan(restricted);
  });

  it('toetst stap 7 aan de afschaalcriteria van het plan: elk formulier vraagt ernaar, het beeld zet de oordelen naast elkaar', () => {
    const h = handle();
    const step7 = readTable(h.ss, FORMS).filter((f) => f.step === '7');
    for (const f of step7) {
      const grid = snapshotForm(p.local.rt, String(f.formId)).items.find(
        (i) => i.type === 'GRID' && i.rows[0]?.startsWith('C1: '),
      );
      expect(
        grid?.rows.map((r) => r.slice(0, 3)),
        String(f.partnerId),
      ).toEqual(['C1:', 'C2:', 'C3:']);
    }
    const verdicts = readTable(h.ss, ANSWERS).filter((r) => r.questionId === '7.afschaalcriterium');
    expect(new Set(verdicts.map((r) => r.subject))).toEqual(new Set(['C1', 'C2', 'C3']));
    for (const id of [h.row.overviewId, caseDocumentIds(h).get('driehoek')!]) {
      const text = JSON.stringify(snapshotDocument(p.local.rt, id));
      expect(text).toContain('Afschaalcriteria: is eraan voldaan?');
      expect(text).toContain('Volgens elke partner die een oordeel gaf voldaan: C1, C2 (van 3 criteria).');
    }
  });

  it('de casusspreadsheet is opnieuw op te bouwen uit de formulieren met precies dezelfde inhoud', () => {
    const h = handle();
    const withoutStamp = (tabs: Record<string, unknown[][]>): Record<string, unknown[][] | undefined> => {
      const o = tabs.Overzicht?.filter((r) => r[0] !== 'Stand van');
      return { ...tabs, Overzicht: o };
    };
    rebuildViews(h);
    const before = withoutStamp(visibleTabs(p, h.row.spreadsheetId, ['Logboek']));
    const ledgerBefore = readTable(h.ss, ANSWERS).length;
    replaceTable(h.ss, ANSWERS, []);
    const r = reconcileCase(h, { includeClosed: true });
    expect(r.newResponses).toBeGreaterThan(50);
    rebuildViews(h);
    const after = withoutStamp(visibleTabs(p, h.row.spreadsheetId, ['Logboek']));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const tab of Object.keys(before)) expect(after[tab], tab).toEqual(before[tab]);
    // The edit history of superseded versions is the only thing the forms cannot give back.
    expect(readTable(h.ss, ANSWERS).length).toBeLessThanOrEqual(ledgerBefore);
  });

  it('schrijft xlsx en docx die met een bibliotheek teruggelezen bevatten wat beantwoord is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    const h = handle();
    await writeOutputs(p.local.rt, dir, {
      spreadsheets: [{ id: h.row.spreadsheetId, file: 'casus.xlsx' }],
      documents: [{ id: h.row.overviewId, file: 'beeld' }],
      forms: [],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'casus.xlsx'));
    const cells: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          cells.push(c.value);
          expect(c.formula, `${ws.name}!${c.address}`).toBeUndefined();
        }),
      ),
    );
    expect(cells).toContain('=HYPERLINK("https://voorbeeld.example","klik")');
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Overzicht', 'Stap 3', 'Acties']),
    );

    const buffer = readFileSync(join(dir, 'beeld.docx'));
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('Plan van aanpak');
    expect(text).toContain('Duiding');
    expect(text).toContain('=HYPERLINK("https://voorbeeld.example","klik")');
    // The step-5 proposals give way to the adopted plan in the document; the spreadsheet keeps
    // them, as text (not a phone number turned into a number).
    expect(text).not.toContain('+31 6 12345678 is ons piketnummer');
    expect(cells.some((c) => String(c).includes('+31 6 12345678 is ons piketnummer'))).toBe(true);
    const zip = await JSZip.loadAsync(buffer);
    const headers = Object.keys(zip.files).filter((f) => /word\/header\d*\.xml/.test(f));
    const headerXml = (await Promise.all(headers.map((f) => zip.file(f)!.async('string')))).join('');
    expect(headerXml).toContain('Vertrouwelijk');
  });
});

describe('het dashboard van de demo', () => {
  it('leest de hele casus (alle stappen, partners en formulieren) met hetzelfde kleine aantal aanroepen als een nieuwe casus', () => {
    const rt = p.local.rt;
    rt.resetCounts();
    const d = withTableCache(() => caseDashboard(handle()));
    const calls = [...rt.counts.values()].reduce((a, b) => a + b, 0);
    // As for a case just opened (tests/workflow/dashboard.test.ts): one batch read for the
    // register's settings tabs, the list of cases and its view, one batch read for the case
    // spreadsheet, one for the namenlijst (by id, unopened); nothing per partner, form or document.
    expect(calls).toBeLessThanOrEqual(23);
    expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(3);
    expect(rt.totalCalls('FormApp') + rt.totalCalls('Drive')).toBe(0);
    expect(d.status).toBe('gesloten');
    // Closed at step 7: only the closing letters are still to be made (workflow/letters.ts).
    expect(d.actions.map((a) => a.label)).toEqual([`Afsluitbrieven maken (${scenario.persons.length})`]);
    expect(d.timeline.every((t) => t.state === 'done')).toBe(true);
    expect(d.matrix.rows.length).toBeGreaterThan(5);
    expect(d.links.filter((l) => l.label.startsWith('Integraal beeld voor')).length).toBeGreaterThan(3);
    // No name from the namenlijst reaches the dashboard.
    const json = JSON.stringify(d);
    for (const part of nameParts()) expect(json).not.toContain(part);
  });
});
