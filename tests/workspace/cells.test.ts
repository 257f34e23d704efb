/** workspace/cells: user text as text, long text cut to fit a cell, our own labels and links. */
import { describe, expect, it } from 'vitest';
import { asText, fitCell, label, safeUrl, unsafeLabel } from '../../src/workspace/cells';

/** Sheets refuses more than 50,000 characters in a cell; the product keeps 49,000 as its limit. */
const LIMIT = 49_000;

/** True when the text has a high surrogate without its low half or the other way round. */
const loneSurrogate = (s: string) =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('asText', () => {
  it('zet een apostrof voor elke tekst, zodat Sheets hem als tekst bewaart', () => {
    expect(asText('0612345678')).toBe("'0612345678");
    expect(asText('')).toBe("'");
  });
});

describe('fitCell', () => {
  it('laat een tekst tot en met de grens heel', () => {
    const text = 'a'.repeat(LIMIT);
    expect(fitCell(text)).toBe(text);
  });

  it('kort een langere tekst in tot de grens en zegt waar de volledige tekst staat', () => {
    const text = `${'b'.repeat(LIMIT)}c`;
    const cut = fitCell(text);
    expect(cut).toHaveLength(LIMIT);
    expect(cut).toMatch(/ … \[ingekort; de volledige tekst staat in het formulier\]$/);
    expect(text.startsWith(cut.slice(0, cut.indexOf(' … [')))).toBe(true);
  });

  it('knipt nooit een teken van twee UTF-16-delen doormidden', () => {
    const long = fitCell('x'.repeat(LIMIT + 1));
    const note = long.slice(long.indexOf(' … ['));
    const end = LIMIT - note.length;
    // U+10000 (first high half D800), U+1F600 and U+10FC00 (last high half DBFF) across the cut.
    for (const pair of ['\ud800\udc00', '😀', '\udbff\udc00']) {
      const text = `${'x'.repeat(end - 1)}${pair}${'y'.repeat(100)}`;
      const cut = fitCell(text);
      expect(loneSurrogate(cut), pair).toBe(false);
      expect(cut, pair).toBe(`${'x'.repeat(end - 1)}${note}`);
    }
    // A pair that ends just before the cut stays whole.
    const before = `${'x'.repeat(end - 2)}😀${'y'.repeat(100)}`;
    expect(fitCell(before)).toBe(`${'x'.repeat(end - 2)}😀${note}`);
  });
});

describe('label en unsafeLabel', () => {
  it.each([
    ['Status', false],
    ['Stap 1', false],
    ['JGA-2026-001', false],
    ['', false],
    ['=SOM(A1)', true],
    ['12,5', true],
    [' 1-1-2026 ', true],
    ['10:30', true],
    ['50%', true],
    ['€ 5', true],
    ['-3', true],
    ['TRUE', true],
    ['false', true],
  ])('%j wordt door Sheets omgezet: %s', (value, unsafe) => {
    expect(unsafeLabel(value)).toBe(unsafe);
    if (unsafe)
      expect(() => label(value, 'Overzicht')).toThrow(`label in Overzicht zou als formule of getal`);
    else expect(label(value)).toBe(value);
  });

  it('noemt zonder plaats "een tabblad"', () => {
    expect(() => label('=1')).toThrow('label in een tabblad');
  });
});

describe('safeUrl', () => {
  it.each([
    'https://docs.google.com/spreadsheets/d/1aB_c-D9/edit',
    'https://drive.google.com/drive/folders/1aB_c-D9',
    'https://docs.google.com/document/d/1x/edit?usp=sharing&x=1',
  ])('laat een adres van een Google-bestand door: %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    'http://docs.google.com/spreadsheets/d/1',
    'https://docs.google.com.example.nl/x',
    'https://example.nl/https://docs.google.com/',
    'javascript:alert(1)',
    'https://docs.google.com/x"onmouseover="alert(1)',
    'https://docs.google.com/x y',
    'https://sheets.google.com/x',
  ])('weigert al het andere: %s', (url) => {
    expect(() => safeUrl(url, 'Overzicht')).toThrow(
      'Interne fout: link in Overzicht is geen adres van een Google-bestand.',
    );
  });

  it('noemt zonder plaats "een tabblad"', () => {
    expect(() => safeUrl('x')).toThrow('link in een tabblad');
  });
});
