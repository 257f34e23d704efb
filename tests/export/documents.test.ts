import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { installAppsScript } from '../../src/local/apps-script/install';
import { pdfPageCount } from '../../src/local/apps-script/pdf';
import { Runtime } from '../../src/local/apps-script/runtime';
import { pageCount } from '../../src/local/export/pageCount';
import { writeOutputs } from '../../src/local/export/writeAll';
import type { DocTree } from '../../src/render/docTree';
import { writeDocument } from '../../src/workspace/docs';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const TREE: DocTree = {
  header: 'Vertrouwelijk — JGA-2026-009',
  title: 'Advies JGA-2026-009',
  nodes: [
    { type: 'toc' },
    { type: 'heading', level: 1, text: 'Duiding <kort>' },
    {
      type: 'chart',
      chart: {
        kind: 'bar',
        title: 'Scores',
        categories: ['Overlast', 'Criminaliteit'],
        series: [{ name: 'Politie', values: [3, 1] }],
        min: 0,
        max: 3,
        alt: 'Scores "per" <dimensie>',
      },
    },
    { type: 'pagebreak' },
    { type: 'heading', level: 1, text: 'Plan' },
    { type: 'paragraph', runs: [{ text: 'Tekst '.repeat(2000) }] },
  ],
};

describe('local export of a document written through Drive', () => {
  it('writes the uploaded docx, html with the chart inline and a pdf with images and page numbers', async () => {
    const rt = new Runtime({ latency: false });
    const { uninstall } = installAppsScript(rt);
    let id: string;
    try {
      id = writeDocument({ tree: TREE, name: 'Advies JGA-2026-009' }).id;
    } finally {
      uninstall();
    }
    const dir = await mkdtemp(join(tmpdir(), 'zs-docs-'));
    dirs.push(dir);
    await writeOutputs(rt, dir, { spreadsheets: [], documents: [{ id, file: 'advies' }], forms: [] });

    const docx = await readFile(join(dir, 'advies.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/media/grafiek1.png'))).toBe(true);

    const html = await readFile(join(dir, 'advies.html'), 'utf8');
    expect(html).toMatch(
      /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Scores &quot;per&quot; &lt;dimensie&gt;"/,
    );
    expect(html).toContain('Duiding &lt;kort&gt;');
    expect(html).not.toContain('Pagina');

    const pdf = await readFile(join(dir, 'advies.pdf'));
    const text = pdf.toString('latin1');
    expect(text).toContain('/Subtype /Image');
    expect(text).toContain('/MediaBox [0 0 595.3 841.9]');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(pageCount(rt, id)).toBe(pages);
    // Page streams are plain text: every page carries "Pagina n van N".
    const streams = [...text.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1]!);
    for (let n = 1; n <= pages; n++)
      expect(streams.some((s) => s.includes(`(Pagina ${n} van ${pages})`))).toBe(true);
    // ...and the document's header ("Vertrouwelijk" and its audience) on top of every page.
    const pageStreams = streams.filter((s) => s.includes('(Pagina '));
    expect(pageStreams).toHaveLength(pages);
    for (const s of pageStreams) expect(s).toMatch(/\(Vertrouwelijk \S+ JGA-2026-009\) Tj/);
    // The image stream is the PNG's own zlib data: it inflates to rows of the picture.
    const image = /\/Width (\d+) \/Height (\d+)[^>]*>> \/Length (\d+) >>\nstream\n/.exec(text)!;
    const start = image.index + image[0].length;
    const rows = inflateSync(pdf.subarray(start, start + Number(image[3])));
    expect(rows.length).toBe(Number(image[2]) * (Number(image[1]) * 3 + 1));
  });
});
