/** The emulator's small XML reader (used by the Drive docx conversion). */
import { describe, expect, it } from 'vitest';
import { parseXml, textIn } from '../../src/local/apps-script/xml-read';

describe('parseXml', () => {
  it('reads names, attributes in both quote styles, entities and self-closing elements', () => {
    const el = parseXml(
      `<?xml version="1.0"?><w:p a="1" b = 'x&amp;y' c="&#x3C;&#60;"><w:r><w:t xml:space="preserve">A &lt;b&gt; &quot;c&quot;</w:t></w:r><w:br/><w:tab /><!-- weg --><x><![CDATA[<raw>]]></x></w:p>`,
    );
    expect(el.name).toBe('w:p');
    expect(el.attrs).toEqual({ a: '1', b: 'x&y', c: '<<' });
    const names = el.children.map((c) => (typeof c === 'string' ? c : c.name));
    expect(names).toEqual(['w:r', 'w:br', 'w:tab', 'x']);
    const br = el.children[1] as Exclude<(typeof el.children)[number], string>;
    expect(br.children).toEqual([]);
    expect(br.attrs).toEqual({});
    expect(textIn(el)).toBe('A <b> "c"<raw>');
    const t = (el.children[0] as typeof el).children[0] as typeof el;
    expect(t.attrs).toEqual({ 'xml:space': 'preserve' });
  });

  it('refuses a DTD, an unknown entity, a wrong closing tag and an unclosed element', () => {
    expect(() => parseXml('<!DOCTYPE x><x/>')).toThrow('DTD');
    expect(() => parseXml('<x>&nbsp;</x>')).toThrow('onbekende entiteit');
    expect(() => parseXml('<x><y></x>')).toThrow('</x> sluit y');
    expect(() => parseXml('<x><y>')).toThrow('is niet gesloten');
    expect(() => parseXml('< x/>')).toThrow('element zonder naam');
  });
});
