/**
 * Issue 10 point 5: the hostile-string corpus (tests/export/hostile.ts, 500+ strings) through
 * every writer, read back by a library: exceljs for .xlsx, mammoth for .docx, an HTML parser
 * (@xmldom/xmldom) for .html, and the .eml text. Each string comes back as it was, or with the
 * one stated replacement: characters XML cannot hold become U+FFFD (render/text.ts xmlSafe);
 * a line end in a document is a line break (read back as LF); a mail body has CRLF line ends;
 * text over a cell limit continues where the cell says. One case carries the whole corpus
 * through a form, the ledger, the views and the exports.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { submitAsRespondent } from '../../src/local/apps-script/forms';
import { documentSnapshotToDocx } from '../../src/local/export/docx';
import { documentSnapshotToHtml } from '../../src/local/export/html';
import { mailToEml } from '../../src/local/export/outbox';
import type { DocumentSnapshot } from '../../src/local/export/snapshots';
import {
  CONTINUATION_NOTE,
  EXCEL_CELL_MAX,
  exportSpreadsheetXlsx,
  spreadsheetSnapshotToXlsx,
} from '../../src/local/export/xlsx';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import type { DocTree } from '../../src/render/docTree';
import { docTreeToDocx } from '../../src/render/docx/docx';
import { textCell } from '../../src/render/sheetTable';
import { hasNonXml, linesOf, looksLikeFormula, REPLACEMENT, xmlSafe } from '../../src/render/text';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { tabSnapshot, writeSheetTables } from '../../src/workspace/sheetBatch';
import { writeSheetTable } from '../../src/workspace/sheetWriter';
import { readTable } from '../../src/workspace/tables';
import { answersFor, freshLocalCase } from '../workflow/helpers';
import { sheetOf } from './helpers';
import { hostileCorpus } from './hostile';

const corpus = hostileCorpus();
/** A document shows a line end (render/text.ts LINE_END) as a line break, which a reader gives as LF. */
const inDocument = (s: string) => linesOf(xmlSafe(s)).join('\n');
/** Views and ledger cells keep at most 49,000 characters and say where the full text is. */
const VIEW_MAX = 49_000;
const VIEW_NOTE = ' … [ingekort; de volledige tekst staat in het formulier]';

/**
 * The HTML parser, loaded by a name TypeScript does not follow: its type declarations pull in the
 * DOM library, whose `MimeType` would hide Apps Script's in every other file.
 */
const XMLDOM = '@xmldom/xmldom';
const { DOMParser } = (await import(XMLDOM)) as {
  DOMParser: new () => {
    parseFromString(source: string, mime: string): { getElementsByTagName(tag: string): ArrayLike<unknown> };
  };
};

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

/** Every string of an .xlsx sheet's column, with the continuation sheet's parts put back. */
async function xlsxColumn(buf: Buffer, sheet: string, col: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  expect(ws, sheet).toBeDefined();
  const rest = new Map<string, string[]>();
  wb.getWorksheet('Vervolg lange teksten')?.eachRow((row, r) => {
    if (r === 1) return;
    const [, s, address, part, text] = row.values as unknown[];
    const key = `${String(s)}!${String(address)}`;
    const parts = rest.get(key) ?? [];
    parts[Number(part) - 2] = String(text);
    rest.set(key, parts);
  });
  const out: string[] = [];
  ws!.eachRow({ includeEmpty: true }, (row) => {
    const cell = row.getCell(col);
    const raw = cell.value;
    const text =
      typeof raw === 'string' ? raw : raw && typeof raw === 'object' && 'text' in raw ? raw.text : '';
    expect(String(text).length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    const cut = CONTINUATION_NOTE.exec(String(text));
    out.push(
      cut
        ? String(text).slice(0, cut.index) + (rest.get(`${sheet}!${cell.address}`) ?? []).join('')
        : String(text),
    );
  });
  return out;
}

interface XmlNode {
  nodeType: number;
  nodeName: string;
  data?: string;
  childNodes: ArrayLike<XmlNode>;
}

/**
 * The text of each `<p>` of an HTML page, `<br>` read as LF, by an HTML parser. xmldom also applies
 * XML 1.1's line-end handling (U+0085 and U+2028 become LF), which HTML does not
 * (https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream): those two
 * are handed to it as character references, which no line-end handling touches.
 */
function htmlParagraphs(html: string): string[] {
  const source = html.replace(/\u0085/g, '&#x85;').replace(/\u2028/g, '&#x2028;');
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const text = (n: XmlNode): string => {
    if (n.nodeType === 3) return n.data ?? '';
    if (n.nodeName.toLowerCase() === 'br') return '\n';
    return Array.from(n.childNodes).map(text).join('');
  };
  return Array.from(doc.getElementsByTagName('p')).map((p) => text(p as XmlNode));
}

/** 'gelijk', or the strings that differ (the first few), to name them in a failure. */
function firstDifference(got: readonly string[], want: readonly string[]): string {
  if (got.length !== want.length) return `${got.length} teksten terug, ${want.length} verwacht`;
  const diffs = want.flatMap((w, i) =>
    got[i] === w
      ? []
      : [
          `string ${i}: ${JSON.stringify(w.slice(0, 60))} kwam terug als ${JSON.stringify(got[i]?.slice(0, 60))}`,
        ],
  );
  return diffs.length === 0 ? 'gelijk' : `${diffs.length} verschillen:\n${diffs.slice(0, 8).join('\n')}`;
}

describe('de regel: wat XML niet kan bevatten wordt zichtbaar U+FFFD', () => {
  it('vervangt C0-tekens, U+FFFE/U+FFFF en losse surrogaten één voor één; de rest blijft', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const ch of [
      '\u0000',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u000E',
      '\u001F',
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDFFF',
    ]) {
      expect(xmlSafe(`a${ch}b`), JSON.stringify(ch)).toBe(`a${REPLACEMENT}b`);
      expect(hasNonXml(`a${ch}b`)).toBe(true);
    }
    const kept = 'tab\t cr\r lf\n 😀 e\u0301 \u202E\u200B\u200D \u007F\u0085 \uFFFD \uDE00'.slice(0, -2);
    expect(xmlSafe(kept)).toBe(kept);
    expect(hasNonXml(kept)).toBe(false);
    // An inverted pair is two lone surrogates: both replaced.
    expect(xmlSafe('\uDE00\uD83D')).toBe(`${REPLACEMENT}${REPLACEMENT}`);
    expect(xmlSafe('😀')).toBe('😀');
  });
});

describe('elke schrijver, met het hele corpus, teruggelezen door een bibliotheek', () => {
  it('xlsx (exceljs): dezelfde tekst, CR en CR LF behouden, lange tekst in vervolgdelen, formules blijven tekst', async () => {
    const buf = await spreadsheetSnapshotToXlsx({
      name: 'Vijandig',
      timeZone: 'Europe/Amsterdam',
      sheets: [
        sheetOf(
          'Teksten',
          corpus.map((s) => [s]),
        ),
      ],
    });
    const got = await xlsxColumn(buf, 'Teksten', 1);
    const want = corpus.map(xmlSafe);
    expect(firstDifference(got, want)).toBe('gelijk');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Teksten')!;
    corpus.forEach((s, i) => {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type, JSON.stringify(s.slice(0, 20))).not.toBe(ExcelJS.ValueType.Formula);
      if (looksLikeFormula(xmlSafe(s))) expect(cell.numFmt, JSON.stringify(s.slice(0, 20))).toBe('@');
    });
  });

  it('docx van de Drive-upload (render/docx, mammoth): dezelfde tekst, regeleinden als regelafbreking', async () => {
    const tree: DocTree = {
      header: 'Test',
      title: 'Vijandige teksten',
      nodes: corpus.map((s) => ({ type: 'paragraph' as const, runs: [{ text: s }] })),
    };
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docTreeToDocx(tree)) });
    const got = htmlParagraphs(`<html><body>${value}</body></html>`).slice(-corpus.length);
    expect(firstDifference(got, corpus.map(inDocument))).toBe('gelijk');
  });

  const snapshot: DocumentSnapshot = {
    name: 'Vijandige teksten',
    header: [],
    body: corpus.map((s) => ({ type: 'PARAGRAPH', heading: 'NORMAL', text: s })),
  };

  it('docx van de lokale export (mammoth): dezelfde tekst, regeleinden als regelafbreking', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: await documentSnapshotToDocx(snapshot) });
    const got = htmlParagraphs(`<html><body>${value}</body></html>`).slice(-corpus.length);
    expect(firstDifference(got, corpus.map(inDocument))).toBe('gelijk');
  });

  it('html (HTML-parser): dezelfde tekst, regeleinden als <br>, niets als opmaak gelezen', () => {
    const html = documentSnapshotToHtml(snapshot);
    expect(html).not.toContain('<script>');
    expect(hasNonXml(html)).toBe(false);
    const got = htmlParagraphs(html).slice(-corpus.length);
    expect(firstDifference(got, corpus.map(inDocument))).toBe('gelijk');
  });

  it('eml: de tekst met CR LF als regeleinde (RFC 5322), onderwerp op één regel', () => {
    corpus.forEach((s, i) => {
      const eml = mailToEml({ to: ['a@x.example'], cc: [], bcc: [], subject: s, body: s, sentAt: 0 }, i);
      expect(hasNonXml(eml)).toBe(false);
      const end = eml.indexOf('\r\n\r\n');
      const head = eml.slice(0, end);
      const raw = eml.slice(end + 4, -2);
      const body = /Content-Transfer-Encoding: base64/.test(head)
        ? Buffer.from(raw.replace(/\r\n/g, ''), 'base64').toString('utf8')
        : raw;
      expect(body, JSON.stringify(s.slice(0, 30))).toBe(xmlSafe(s).replace(/\r\n|\r|\n/g, '\r\n'));
      // No header injection: the subject never opens a new header line.
      const subject = head.split('\r\n').find((l) => l.startsWith('Subject:'))!;
      expect(subject).not.toMatch(/[\r\n]/);
    });
  });

  it('views (Sheets, beide schrijfwegen) en dan xlsx: dezelfde tekst; boven 49.000 tekens zegt de cel waar de rest is', async () => {
    local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
    const ss = SpreadsheetApp.create('Vijandig');
    const table = (name: string) => ({ name, rows: corpus.map((s) => [textCell(s)]), frozenRows: 0 });
    writeSheetTable(ss, table('Per tab'));
    writeSheetTables(ss, [{ table: table('In één keer'), position: 1 }], tabSnapshot(ss).states!);
    const shown = (s: string) =>
      s.length > VIEW_MAX ? `${s.slice(0, VIEW_MAX - VIEW_NOTE.length)}${VIEW_NOTE}` : s;
    for (const name of ['Per tab', 'In één keer']) {
      const values = ss
        .getSheetByName(name)!
        .getRange(1, 1, corpus.length, 1)
        .getValues()
        .map((r) => String(r[0]));
      expect(firstDifference(values, corpus.map(shown)), name).toBe('gelijk');
    }
    const buf = await exportSpreadsheetXlsx(local.rt, ss.getId());
    expect(
      firstDifference(
        await xlsxColumn(buf, 'Per tab', 1),
        corpus.map((s) => xmlSafe(shown(s))),
      ),
    ).toBe('gelijk');
  });
});

describe('één casus: het corpus via een formulier in het antwoordenlog en de export', () => {
  it('elk antwoord staat precies zo in het log (in delen boven 45.000 tekens) en komt zo uit de xlsx', async () => {
    const f = freshLocalCase();
    local = f.local;
    startStep(f.h);
    const form = readTable(f.h.ss, FORMS)[0]!;
    const itemMap = JSON.parse(form.itemMap) as Record<string, string>;
    const item = Number(Object.keys(itemMap).find((k) => itemMap[k] === '1.locaties'));
    const base = answersFor(local.rt, form.formId);
    // An answer of only white space is no answer (model/answers.ts); those are left out here.
    const answers = corpus.filter((s) => s.trim() !== '');
    const ids = answers.map((s) => {
      local!.rt.advance(1000);
      return submitAsRespondent(local!.rt, form.formId, { ...base, [item]: s });
    });
    local.rt.advance(3_600_000);
    reconcileCase(f.h, { scanFolder: false });
    const rows = readTable(f.h.ss, ANSWERS).filter((r) => r.questionId === '1.locaties');
    const stored = ids.map((id) =>
      rows
        .filter((r) => r.responseId === id)
        .sort((a, b) => a.part - b.part)
        .map((r) => r.value)
        .join(''),
    );
    expect(firstDifference(stored, answers)).toBe('gelijk');
    // The case spreadsheet as .xlsx: the ledger's cells, each as stored (or with U+FFFD).
    const buf = await exportSpreadsheetXlsx(local.rt, f.h.ss.getId());
    const valueCol = ANSWERS.columns.indexOf('value') + 1;
    const inXlsx = new Set(await xlsxColumn(buf, ANSWERS.name, valueCol));
    for (const r of rows)
      expect(inXlsx.has(xmlSafe(r.value)), JSON.stringify(r.value.slice(0, 30))).toBe(true);
  });
});
