import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentApp } from '../../src/local/apps-script/document';
import { Runtime } from '../../src/local/apps-script/runtime';
import type { DocTree } from '../../src/render/docTree';
import { buildOverview } from '../../src/render/overview';
import { writeDocTree } from '../../src/workspace/docWriter';
import { fixtureView } from '../render/overview.fixture';

type Doc = GoogleAppsScript.Document.Document;

const TREE: DocTree = {
  header: 'Vertrouwelijk — JGA-2026-009',
  title: 'Integraal beeld JGA-2026-009',
  subtitle: 'Gemeente Voorbeeld',
  nodes: [
    { type: 'heading', level: 1, text: 'Aanleiding en signalen' },
    { type: 'heading', level: 3, text: 'Wat is er gesignaleerd?' },
    {
      type: 'paragraph',
      runs: [
        { text: 'Politie Basisteam Noord: ', bold: true },
        { text: 'Melding over {{naam}} en $1 bij .* het plein.' },
        { text: ' (gewijzigd)', italic: true },
      ],
    },
    { type: 'paragraph', runs: [{ text: '=IMPORTXML("https://voorbeeld.example","//a")' }] },
    { type: 'heading', level: 2, text: 'Doelen' },
    {
      type: 'list',
      ordered: true,
      items: [[{ text: 'D1 ', bold: true }, { text: 'Minder overlast' }], [{ text: 'D2 Hulp' }]],
    },
    { type: 'list', items: [[{ text: 'Los punt', color: '#b00020' }]] },
    {
      type: 'table',
      header: ['Item', 'Politie', 'Verschil'],
      rows: [
        ['Vernieling', '3 ernstig', 'Groot verschil'],
        ['Intimidatie', '{{naam}}', ''],
      ],
      shading: [
        [null, null, '#f4cccc'],
        [null, null, null],
      ],
    },
    { type: 'pagebreak' },
    { type: 'table', header: ['Id', 'Actie'], rows: [] },
  ],
};

/** The body as [type, detail, text] per top-level element, read back through the API. */
function outline(doc: Doc): [string, string, string][] {
  const body = doc.getBody();
  const out: [string, string, string][] = [];
  for (let i = 0; i < body.getNumChildren(); i++) {
    const child = body.getChild(i);
    const type = String(child.getType());
    if (type === 'PARAGRAPH') {
      const p = child.asParagraph();
      out.push([type, String(p.getHeading()), p.getText()]);
    } else if (type === 'LIST_ITEM') {
      const li = child.asListItem();
      out.push([type, String(li.getGlyphType()), li.getText()]);
    } else if (type === 'TABLE') {
      out.push([type, String(child.asTable().getNumRows()), child.asTable().getCell(0, 0).getText()]);
    } else out.push([type, '', '']);
  }
  return out;
}

describe('writeDocTree', () => {
  let rt: Runtime;
  let doc: Doc;

  beforeEach(() => {
    rt = new Runtime({ latency: false });
    const app = createDocumentApp(rt);
    vi.stubGlobal('DocumentApp', app);
    doc = app.create('Integraal beeld JGA-2026-009');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes header, title, headings, lists, tables and page breaks in order', () => {
    writeDocTree(doc, TREE);
    expect(doc.getHeader()?.getText()).toBe('Vertrouwelijk — JGA-2026-009');
    expect(outline(doc)).toEqual([
      ['PARAGRAPH', 'TITLE', 'Integraal beeld JGA-2026-009'],
      ['PARAGRAPH', 'SUBTITLE', 'Gemeente Voorbeeld'],
      ['PARAGRAPH', 'HEADING1', 'Aanleiding en signalen'],
      ['PARAGRAPH', 'HEADING3', 'Wat is er gesignaleerd?'],
      [
        'PARAGRAPH',
        'NORMAL',
        'Politie Basisteam Noord: Melding over {{naam}} en $1 bij .* het plein. (gewijzigd)',
      ],
      ['PARAGRAPH', 'NORMAL', '=IMPORTXML("https://voorbeeld.example","//a")'],
      ['PARAGRAPH', 'HEADING2', 'Doelen'],
      ['LIST_ITEM', 'NUMBER', 'D1 Minder overlast'],
      ['LIST_ITEM', 'NUMBER', 'D2 Hulp'],
      ['LIST_ITEM', 'BULLET', 'Los punt'],
      ['TABLE', '3', 'Item'],
      ['PARAGRAPH', 'NORMAL', ''],
      ['PARAGRAPH', 'NORMAL', ''],
      ['TABLE', '1', 'Id'],
      ['PARAGRAPH', 'NORMAL', ''],
    ]);
    // The page break sits in its own paragraph.
    expect(String(doc.getBody().getChild(12).asParagraph().getChild(0).getType())).toBe('PAGE_BREAK');
  });

  it('lists the level 1 and 2 headings for a contents node and writes a chart as a data table', () => {
    writeDocTree(doc, {
      header: 'Vertrouwelijk',
      title: 'T',
      nodes: [
        { type: 'toc' },
        { type: 'heading', level: 1, text: 'Samenvatting' },
        { type: 'heading', level: 3, text: 'Detail' },
        { type: 'heading', level: 2, text: 'Scores' },
        {
          type: 'chart',
          chart: {
            kind: 'bar',
            title: 'Duiding per dimensie',
            categories: ['Overlast', 'Criminaliteit'],
            series: [{ name: 'Politie', values: [3, null] }],
            alt: 'Scores van de politie',
          },
        },
      ],
    });
    const rows = outline(doc);
    expect(rows.slice(1, 4)).toEqual([
      ['PARAGRAPH', 'HEADING2', 'Inhoud'],
      ['LIST_ITEM', 'BULLET', 'Samenvatting'],
      ['LIST_ITEM', 'BULLET', 'Scores'],
    ]);
    expect(doc.getBody().getChild(3).asListItem().getNestingLevel()).toBe(1);
    const table = doc.getBody().getTables()[0]!;
    expect([0, 1, 2].map((r) => [0, 1].map((c) => table.getCell(r, c).getText()))).toEqual([
      ['', 'Politie'],
      ['Overlast', '3'],
      ['Criminaliteit', ''],
    ]);
  });

  it('formats exactly the runs that ask for it', () => {
    writeDocTree(doc, TREE);
    const text = doc.getBody().getChild(4).asParagraph().editAsText();
    const org = 'Politie Basisteam Noord: ';
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(org.length - 1)).toBe(true);
    expect(text.isBold(org.length)).toBeFalsy();
    const all = text.getText();
    expect(text.isItalic(all.length - 1)).toBe(true);
    expect(text.isItalic(all.length - ' (gewijzigd)'.length - 1)).toBeFalsy();
    const item = doc.getBody().getChild(7).asListItem().editAsText();
    expect(item.isBold(0)).toBe(true);
    expect(item.isBold(3)).toBeFalsy();
    expect(doc.getBody().getChild(9).asListItem().editAsText().getForegroundColor(0)).toBe('#b00020');
  });

  it('writes table cells literally with a bold header row and shading only where given', () => {
    writeDocTree(doc, TREE);
    const table = doc.getBody().getTables()[0]!;
    const cells = [0, 1, 2].map((r) => [0, 1, 2].map((c) => table.getCell(r, c).getText()));
    expect(cells).toEqual([
      ['Item', 'Politie', 'Verschil'],
      ['Vernieling', '3 ernstig', 'Groot verschil'],
      ['Intimidatie', '{{naam}}', ''],
    ]);
    expect(table.getRow(0).editAsText().isBold()).toBe(true);
    expect(table.getRow(1).editAsText().isBold()).toBeFalsy();
    expect(table.getCell(1, 2).getBackgroundColor()).toBe('#f4cccc');
    expect(table.getCell(1, 1).getBackgroundColor()).toBeFalsy();
    expect(table.getCell(2, 2).getBackgroundColor()).toBeFalsy();
  });

  it('uses one appendTable per table and never replaceText', () => {
    rt.resetCounts();
    writeDocTree(doc, TREE);
    expect(rt.counts.get('Body.appendTable')).toBe(2);
    expect([...rt.counts.keys()].filter((k) => k.includes('replaceText'))).toEqual([]);
    expect(rt.counts.get('Document.addHeader')).toBe(1);
  });

  it('rewrites in place: the header is reused and old content disappears', () => {
    writeDocTree(doc, TREE);
    rt.resetCounts();
    writeDocTree(doc, {
      header: 'Vertrouwelijk — JGA-2026-010',
      title: 'Integraal beeld JGA-2026-010',
      nodes: [{ type: 'paragraph', runs: [{ text: 'Nieuw' }] }],
    });
    expect(rt.counts.get('Document.addHeader')).toBeUndefined();
    expect(doc.getHeader()?.getText()).toBe('Vertrouwelijk — JGA-2026-010');
    expect(outline(doc)).toEqual([
      ['PARAGRAPH', 'TITLE', 'Integraal beeld JGA-2026-010'],
      ['PARAGRAPH', 'NORMAL', 'Nieuw'],
    ]);
    expect(doc.getBody().getChild(1).asParagraph().editAsText().isBold(0)).toBeFalsy();
  });

  it('writes the whole overview with one appendTable per table node', () => {
    const tree = buildOverview(fixtureView());
    // Until charts become images, a chart is written as its data table.
    const tables = tree.nodes.filter((n) => n.type === 'table' || n.type === 'chart').length;
    rt.resetCounts();
    writeDocTree(doc, tree);
    expect(rt.counts.get('Body.appendTable')).toBe(tables);
    const body = doc.getBody().getText();
    expect(body).toContain('Melding over {{naam}} bij het winkelcentrum.');
    expect(body).toContain('=IMPORTXML("https://voorbeeld.example","//a")');
    expect(body).toContain('Groot verschil');
    // A budget, so that a change that multiplies service calls shows up here.
    expect(rt.totalCalls()).toBeLessThan(350);
  });
});
