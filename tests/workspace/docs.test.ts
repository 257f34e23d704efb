import { describe, expect, it } from 'vitest';
import { MIME, type Runtime } from '../../src/local/apps-script/runtime';
import type { DocTree } from '../../src/render/docTree';
import { chartsOf } from '../../src/render/docx/docx';
import { buildOverview } from '../../src/render/overview';
import { documentStatesIn, TREE_HASH_KEY, writeDocument } from '../../src/workspace/docs';
import { fixtureView } from '../render/overview.fixture';
import { onFreshAppsScript } from './helpers';

type Doc = GoogleAppsScript.Document.Document;

const TREE: DocTree = {
  header: 'Vertrouwelijk — JGA-2026-009',
  title: 'Integraal beeld JGA-2026-009',
  subtitle: 'Gemeente Voorbeeld',
  nodes: [
    { type: 'toc' },
    { type: 'heading', level: 1, text: 'Aanleiding en signalen' },
    { type: 'heading', level: 3, text: 'Wat is er gesignaleerd?' },
    {
      type: 'paragraph',
      runs: [
        { text: 'Politie Basisteam Noord: ', bold: true },
        { text: 'Melding over {{naam}} en $1 bij .* het plein.' },
        { text: ' (gewijzigd)', italic: true, color: '#b00020' },
      ],
    },
    { type: 'paragraph', runs: [{ text: '=IMPORTXML("https://voorbeeld.example","//a")' }] },
    { type: 'heading', level: 2, text: 'Doelen' },
    {
      type: 'list',
      ordered: true,
      items: [[{ text: 'D1 ', bold: true }, { text: 'Minder overlast' }], [{ text: 'D2 Hulp' }]],
    },
    { type: 'list', items: [[{ text: 'Los punt' }]] },
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
    {
      type: 'chart',
      chart: {
        kind: 'bar',
        title: 'Duiding per dimensie',
        categories: ['Overlast', 'Criminaliteit'],
        series: [
          { name: 'Politie', values: [3, null] },
          { name: 'Jongerenwerk', values: [2, 1] },
        ],
        min: 0,
        max: 3,
        alt: 'Scores per dimensie en partner',
      },
    },
  ],
};

let rt: Runtime;
onFreshAppsScript((r) => {
  rt = r;
});

function outline(doc: Doc): [string, string, string][] {
  const body = doc.getBody();
  const out: [string, string, string][] = [];
  for (let i = 0; i < body.getNumChildren(); i++) {
    const child = body.getChild(i);
    const type = String(child.getType());
    if (type === 'PARAGRAPH')
      out.push([type, String(child.asParagraph().getHeading()), child.asParagraph().getText()]);
    else if (type === 'LIST_ITEM')
      out.push([type, String(child.asListItem().getGlyphType()), child.asListItem().getText()]);
    else out.push([type, '', child.asTable().getText().replace(/\n/g, '|')]);
  }
  return out;
}

function newDoc(): string {
  return rt.uncounted(() => DocumentApp.create('Integraal beeld JGA-2026-009').getId());
}

describe('writeDocument', () => {
  it('replaces a Google Doc with the tree in one upload, read back through DocumentApp', () => {
    const id = newDoc();
    rt.resetCounts();
    // The same files.get tells who can open it: here only its owner.
    expect(writeDocument({ fileId: id, tree: TREE })).toEqual({
      id,
      changed: true,
      sharing: { owner: rt.userEmail, people: {}, link: false },
    });
    expect(rt.counts.get('Drive.Files.get')).toBe(1);
    expect(rt.counts.get('Drive.Files.update')).toBe(1);
    expect(rt.totalCalls('Document')).toBe(0);
    // files.get, newBlob, files.update, and for the one chart 13 builder calls (a column per series plus
    // the category column, a row per category) and its image.
    expect(rt.totalCalls()).toBe(17);
    expect(rt.counts.get('Chart.getAs')).toBe(1);
    const doc = rt.uncounted(() => DocumentApp.openById(id));
    const rows = rt.uncounted(() => outline(doc));
    expect(rows.slice(0, 6)).toEqual([
      ['PARAGRAPH', 'TITLE', 'Integraal beeld JGA-2026-009'],
      ['PARAGRAPH', 'SUBTITLE', 'Gemeente Voorbeeld'],
      ['PARAGRAPH', 'NORMAL', 'Inhoud'],
      ['PARAGRAPH', 'NORMAL', 'Aanleiding en signalen'],
      ['PARAGRAPH', 'NORMAL', 'Doelen'],
      ['PARAGRAPH', 'HEADING1', 'Aanleiding en signalen'],
    ]);
    expect(rows).toContainEqual(['PARAGRAPH', 'HEADING3', 'Wat is er gesignaleerd?']);
    expect(rows).toContainEqual(['PARAGRAPH', 'NORMAL', '=IMPORTXML("https://voorbeeld.example","//a")']);
    expect(rows).toContainEqual(['LIST_ITEM', 'NUMBER', 'D1 Minder overlast']);
    expect(rows).toContainEqual(['LIST_ITEM', 'BULLET', 'Los punt']);
    expect(rows).toContainEqual([
      'TABLE',
      '',
      'Item|Politie|Verschil|Vernieling|3 ernstig|Groot verschil|Intimidatie|{{naam}}|',
    ]);
    rt.uncounted(() => {
      const table = doc.getBody().getTables()[0]!;
      expect(table.getCell(1, 2).getBackgroundColor()).toBe('#f4cccc');
      expect(table.getCell(1, 1).getBackgroundColor()).toBeNull();
      expect(doc.getHeader().getText()).toBe('Vertrouwelijk — JGA-2026-009');
      expect(doc.getFooter().getText()).toBe('Pagina  van ');
      const p = doc
        .getBody()
        .getParagraphs()
        .find((x) => x.getText().startsWith('Politie Basisteam'))!
        .editAsText();
      expect(p.isBold(0)).toBe(true);
      expect(p.isBold(25)).toBeFalsy();
      expect(p.getText()).toContain('{{naam}} en $1 bij .* het plein.');
      expect(p.isItalic(p.getText().length - 1)).toBe(true);
      expect(p.getForegroundColor(p.getText().length - 1)).toBe('#b00020');
    });
    // The chart became an image in the text, with its description.
    const model = rt.getEntry(id, MIME.document).data as {
      body: { children: { children?: { kind: string; image?: { alt: string } }[] }[] };
    };
    const images = model.body.children.flatMap((b) =>
      (b.children ?? []).filter((c) => c.kind === 'INLINE_IMAGE'),
    );
    expect(images.map((i) => i.image?.alt)).toEqual(['Scores per dimensie en partner']);
  });

  it('does not rebuild an unchanged document: one files.get and nothing else', () => {
    const id = newDoc();
    writeDocument({ fileId: id, tree: TREE });
    rt.resetCounts();
    rt.uncounted(() => DriveApp.getFileById(id).addViewer('Lezer@Example.com'));
    expect(writeDocument({ fileId: id, tree: structuredClone(TREE) })).toEqual({
      id,
      changed: false,
      sharing: { owner: rt.userEmail, people: { 'lezer@example.com': 'reader' }, link: false },
    });
    expect(Object.fromEntries(rt.counts)).toEqual({ 'Drive.Files.get': 1 });
    const edited = structuredClone(TREE);
    edited.title = 'Integraal beeld JGA-2026-009 (bijgewerkt)';
    rt.resetCounts();
    expect(writeDocument({ fileId: id, tree: edited }).changed).toBe(true);
    expect(rt.counts.get('Drive.Files.update')).toBe(1);
    const stored = rt.getEntry(id).appProperties?.[TREE_HASH_KEY];
    expect(stored).toMatch(/^[0-9a-f]{16}$/);
  });

  it('creates a new document in a folder when no file is given', () => {
    const folder = rt.uncounted(() => DriveApp.createFolder('JGA-2026-009'));
    const { id, sharing } = writeDocument({
      tree: TREE,
      name: 'Advies JGA-2026-009',
      folderId: folder.getId(),
    });
    // The create response says who can open the new document: nothing to read afterwards.
    expect(sharing).toEqual({ owner: rt.userEmail, people: {}, link: false });
    const entry = rt.getEntry(id);
    expect(entry.mimeType).toBe(MIME.document);
    expect(entry.name).toBe('Advies JGA-2026-009');
    expect(entry.parentIds).toEqual([folder.getId()]);
    expect(rt.counts.get('Drive.Files.create')).toBe(1);
    expect(writeDocument({ tree: TREE }).changed).toBe(true);
  });

  it('asks Drive nothing when the caller already knows the state from the folder listing', () => {
    const id = newDoc();
    const first = writeDocument({ fileId: id, tree: TREE });
    // As documentStatesIn reports it from the one listing of the case folder.
    const state = { hash: rt.getEntry(id).appProperties?.[TREE_HASH_KEY] ?? null, sharing: first.sharing };
    rt.resetCounts();
    expect(writeDocument({ fileId: id, tree: TREE, state }).changed).toBe(false);
    expect(rt.totalCalls()).toBe(0);
  });

  it('writes the overview in a dozen-odd calls (the element-wise writer needed thousands)', () => {
    const tree = buildOverview(fixtureView());
    const id = newDoc();
    rt.resetCounts();
    writeDocument({ fileId: id, tree });
    const charts = chartsOf(tree);
    // Per chart: the builder calls for its data table (a column per series, a row per category)
    // and one image; for the document: files.get, newBlob, files.update.
    const chartCalls = charts.reduce(
      (n, c) => n + 9 + c.series.length + c.categories.length + (c.min !== undefined ? 1 : 0),
      0,
    );
    expect(rt.totalCalls()).toBe(3 + chartCalls);
    expect(rt.counts.get('Chart.getAs') ?? 0).toBe(
      charts.filter((c) => c.categories.length > 0 && c.series.length > 0).length,
    );
    rt.resetCounts();
    writeDocument({ fileId: id, tree });
    expect(rt.totalCalls()).toBe(1);
  });
});

describe('documentStatesIn', () => {
  /** Runs `f` with Drive.Files.list answering `pages` in turn; returns the arguments it got. */
  function withPages(pages: object[], f: () => void): Record<string, unknown>[] {
    const files = (globalThis as unknown as { Drive: { Files: { list: unknown } } }).Drive.Files;
    const real = files.list;
    const asked: Record<string, unknown>[] = [];
    files.list = (args: Record<string, unknown>) => {
      asked.push(args);
      return pages[asked.length - 1];
    };
    try {
      f();
    } finally {
      files.list = real;
    }
    return asked;
  }

  it('reads every page, skips an entry without id, and escapes the folder id in the query', () => {
    let got = new Map();
    const asked = withPages(
      [
        {
          files: [
            { id: 'a', name: 'Integraal beeld', appProperties: { [TREE_HASH_KEY]: 'h1' } },
            { name: 'zonder id' },
          ],
          nextPageToken: 't2',
        },
        { files: [{ id: 'b', name: 'Advies' }] },
      ],
      () => {
        got = documentStatesIn("map'1\\x");
      },
    );
    expect([...got.keys()]).toEqual(['a', 'b']);
    expect(got.get('a')).toMatchObject({ name: 'Integraal beeld', hash: 'h1' });
    expect(got.get('b')).toMatchObject({ name: 'Advies', hash: null });
    expect(asked.map((a) => a.pageToken)).toEqual([undefined, 't2']);
    expect('pageToken' in asked[0]!).toBe(false);
    // Drive query syntax: a quote and a backslash inside a string are escaped with a backslash.
    expect(asked[0]!.q).toBe(
      "'map\\'1\\\\x' in parents and mimeType = 'application/vnd.google-apps.document' and trashed = false",
    );
  });

  it('an answer without files is an empty folder', () => {
    let got = new Map([['x', {}]]);
    withPages([{}], () => {
      got = documentStatesIn('map');
    });
    expect(got.size).toBe(0);
  });
});
