import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { documentSnapshotToDocx } from '../../src/local/export/docx';
import { xmlSafe } from '../../src/render/text';
import { sampleDoc, XSS } from './helpers';

async function unzip(buf: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(buf);
}

describe('documentSnapshotToDocx', () => {
  it('produces a .docx whose text, headings, lists and table cells read back with mammoth', async () => {
    const buffer = await documentSnapshotToDocx(sampleDoc);
    const { value: text } = await mammoth.extractRawText({ buffer });
    for (const t of [
      'Integraal beeld',
      'Aanleiding',
      'Eerste punt',
      'Subpunt één',
      'Politie',
      'Hoog – Zoë 👍',
    ]) {
      expect(text).toContain(t);
    }
    expect(text).toContain('zie {{naam}} en uitleg.');
    expect(text).toContain(XSS);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<h1>Aanleiding</h1>');
    expect(html).toContain('<h2>Duiding per partner</h2>');
    expect(html).toContain('<h3>Bijlage<br />tweede regel</h3>');
    expect(html).toContain('<strong>Overlast </strong>');
    expect(html).toContain('<em>bij het winkelcentrum</em>');
    expect(html).toContain('<a href="https://www.example.org/uitleg">uitleg</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toMatch(
      /<ul><li>Eerste punt<ul><li>Subpunt één<\/li><\/ul><\/li><li>Tweede punt<\/li><\/ul>/,
    );
    expect(html).toMatch(/<ol><li>Stap één<\/li><li>Stap twee<\/li><\/ol>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<table>.*<td><p>Politie<\/p><\/td>.*<\/table>/s);
  });

  it('writes the header, heading styles, shading, header row, page break and horizontal rule', async () => {
    const zip = await unzip(await documentSnapshotToDocx(sampleDoc));
    const headerFiles = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const headers = await Promise.all(headerFiles.map((f) => zip.file(f)!.async('string')));
    expect(headers.join('')).toContain('Vertrouwelijk');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:val="Title"');
    expect(xml).toContain('w:val="Subtitle"');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toMatch(/w:fill="FCE8E6"/);
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toContain('w:type="page"');
    expect(xml).toMatch(/<w:pBdr><w:bottom/);
    expect(xml).toContain('<w:color w:val="A50E0E"/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:styleId="Subtitle"');
  });

  it('replaces characters XML cannot hold visibly (U+FFFD) instead of writing a broken file', async () => {
    expect(xmlSafe('a\u0000b\u0007c\td\ne\uD800')).toBe('a\uFFFDb\uFFFDc\td\ne\uFFFD');
    const buffer = await documentSnapshotToDocx({
      name: 'x',
      header: [],
      body: [{ type: 'PARAGRAPH', text: 'vóór\u0001na' }],
    });
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain('vóór\uFFFDna');
  });
});
