import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { unzip } from '../../src/local/apps-script/unzip';
import type { DocTree } from '../../src/render/docTree';
import { crc32, utf8 } from '../../src/render/docx/bytes';
import { docTreeToDocx } from '../../src/render/docx/docx';
import { treeHash } from '../../src/render/docx/hash';
import { pngSize } from '../../src/render/docx/png';
import { zipStore } from '../../src/render/docx/zip';

/** A 2×1 RGB PNG (IHDR only matters for the writer). */
const PNG = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 2, 0x58, 0, 0, 1, 0x5e, 8, 2, 0, 0, 0,
]);

const TREE: DocTree = {
  header: 'Vertrouwelijk — JGA-2026-009',
  title: 'Integraal beeld JGA-2026-009',
  subtitle: 'Gemeente Voorbeeld',
  nodes: [
    { type: 'toc' },
    { type: 'heading', level: 1, text: 'Aanleiding & signalen' },
    {
      type: 'paragraph',
      runs: [
        { text: 'Politie: ', bold: true },
        { text: '<b>{{naam}}</b>\nregel 2', color: '#b00020' },
      ],
    },
    { type: 'heading', level: 2, text: 'Doelen' },
    { type: 'list', ordered: true, items: [[{ text: 'D1 Minder overlast' }], [{ text: 'D2 Hulp' }]] },
    { type: 'list', items: [[{ text: 'Los punt', italic: true }]] },
    {
      type: 'table',
      header: ['Item', 'Politie'],
      rows: [['Vernieling', '3 ernstig']],
      shading: [[null, '#f4cccc']],
    },
    { type: 'pagebreak' },
    { type: 'heading', level: 3, text: 'Niet in de inhoud' },
    {
      type: 'chart',
      chart: {
        kind: 'bar',
        title: 'Scores',
        categories: ['Ernst'],
        series: [{ name: 'Politie', values: [3] }],
        alt: 'Scores per dimensie',
      },
    },
    {
      type: 'chart',
      chart: {
        kind: 'line',
        title: 'Voortgang',
        categories: ['R1'],
        series: [{ name: 'D1', values: [null] }],
        alt: 'Voortgang per doel',
      },
    },
  ],
};

const text = (files: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(files.get(name));

describe('zip and png helpers', () => {
  it('writes a stored zip that reads back with checksums', () => {
    const zip = zipStore([
      { name: 'a.txt', data: utf8('hallo') },
      { name: 'map/ë.xml', data: utf8('<x/>') },
    ]);
    const files = unzip(zip);
    expect(text(files, 'a.txt')).toBe('hallo');
    expect(text(files, 'map/ë.xml')).toBe('<x/>');
    expect(() =>
      zipStore([
        { name: 'a', data: utf8('') },
        { name: 'a', data: utf8('') },
      ]),
    ).toThrow(/Dubbele/);
  });

  it('crc32 and utf8 match the reference values', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(Array.from(utf8('é€😀'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('reads a PNG size and refuses other bytes', () => {
    expect(pngSize(PNG)).toEqual({ width: 600, height: 350 });
    expect(pngSize(utf8('not a png at all, really not'))).toBeNull();
  });
});

describe('docTreeToDocx', () => {
  const files = unzip(docTreeToDocx(TREE, [PNG]));
  const doc = text(files, 'word/document.xml');

  it('has every part a Word package needs, and the image', () => {
    expect([...files.keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/footer1.xml',
        'word/header1.xml',
        'word/media/grafiek1.png',
        'word/numbering.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    );
    expect(files.get('word/media/grafiek1.png')).toEqual(PNG);
    expect(text(files, 'word/_rels/document.xml.rels')).toContain('Target="media/grafiek1.png"');
  });

  it('is A4 with the header on every page and a "Pagina N van M" footer', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/>/);
    expect(doc).toContain('<w:headerReference w:type="default" r:id="rIdHeader"/>');
    expect(text(files, 'word/header1.xml')).toContain('Vertrouwelijk — JGA-2026-009');
    const footer = text(files, 'word/footer1.xml');
    expect(footer.replace(/<[^>]+>/g, '|')).toMatch(/Pagina \|.* PAGE \|.* van \|.* NUMPAGES /);
  });

  it('writes a real TOC field over level 1 and 2 headings, linked to bookmarks', () => {
    expect(doc).toContain('<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>');
    expect(doc).toMatch(/<w:hyperlink w:anchor="(_Toc\d+)"[^>]*>.*Aanleiding &amp; signalen/);
    const anchors = [...doc.matchAll(/w:anchor="(_Toc\d+)"/g)].map((m) => m[1]);
    expect(anchors).toHaveLength(2);
    for (const a of anchors) expect(doc).toMatch(new RegExp(`<w:bookmarkStart w:id="\\d+" w:name="${a}"/>`));
    expect(doc).not.toMatch(/w:anchor="[^"]*"[^>]*>(<[^>]+>)*Niet in de inhoud/);
    expect(text(files, 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
  });

  it('escapes text and keeps formatting, lists and table shading', () => {
    expect(doc).toContain('&lt;b&gt;{{naam}}&lt;/b&gt;');
    expect(doc).toContain('<w:color w:val="B00020"/>');
    expect(doc).toContain('<w:br/>');
    expect(doc).toContain('<w:shd w:val="clear" w:color="auto" w:fill="F4CCCC"/>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<w:br w:type="page"/>');
    const numbering = text(files, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    const styles = text(files, 'word/styles.xml');
    for (const s of ['Heading1', 'Heading2', 'Heading3', 'Title', 'TOC1'])
      expect(styles).toContain(`w:styleId="${s}"`);
    expect(styles).toContain('<w:outlineLvl w:val="1"/>');
  });

  it('places the image with its alt text; a chart without image becomes its data table', () => {
    expect(doc).toMatch(/<wp:docPr id="\d+" name="Grafiek 1" descr="Scores per dimensie"/);
    // 600 px at 96 dpi = 5,715,000 EMU: within the 16 cm text width, aspect kept.
    expect(doc).toContain('<wp:extent cx="5715000" cy="3333750"/>');
    expect(doc).toContain('Voortgang per doel');
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBe(2);
  });

  it('reads back in a Word reader with the headings, list and table', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docTreeToDocx(TREE, [PNG])) });
    expect(value).toContain('<h1>');
    expect(value).toContain('Aanleiding &amp; signalen');
    expect(value).toContain('<ol><li>D1 Minder overlast</li><li>D2 Hulp</li></ol>');
    expect(value).toContain('<table>');
    expect(value).toContain('&lt;b&gt;{{naam}}&lt;/b&gt;');
  });

  it('is byte-identical for the same input', () => {
    expect(docTreeToDocx(TREE, [PNG])).toEqual(docTreeToDocx(structuredClone(TREE), [PNG]));
  });
});

describe('treeHash', () => {
  it('is stable for equal trees and changes with any text', () => {
    expect(treeHash(TREE)).toBe(treeHash(structuredClone(TREE)));
    const edited = structuredClone(TREE);
    (edited.nodes[1] as { text: string }).text = 'Aanleiding';
    expect(treeHash(edited)).not.toBe(treeHash(TREE));
    expect(treeHash({ ...TREE, header: 'x' })).not.toBe(treeHash(TREE));
    expect(treeHash(TREE)).toMatch(/^[0-9a-f]{16}$/);
  });
});
