import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from '../../src/local/export/escape';
import { documentSnapshotToHtml, exportIndexHtml, formSnapshotToHtml } from '../../src/local/export/html';
import { sampleDoc, sampleForm, XSS } from './helpers';

/** Every `<tag` in the output must be one the exporter itself writes. */
function foreignTags(html: string, allowed: string[]): string[] {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
  return [...new Set(tags)].filter((t) => !allowed.includes(t));
}

const PAGE_TAGS = [
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'div',
  'span',
  'p',
  'br',
  'strong',
];

describe('escapeHtml / safeHref', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeHtml(XSS)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"'&\``)).toBe('&quot;&#39;&amp;&#96;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });

  it('allows only http(s) and mailto links', () => {
    expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&amp;c=2');
    expect(safeHref('mailto:team@gemeente.example')).toBe('mailto:team@gemeente.example');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'data:text/html,x',
      '//evil.example',
      'https://a b',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe('documentSnapshotToHtml', () => {
  const html = documentSnapshotToHtml(sampleDoc);

  it('is a standalone Dutch page with the header as a banner', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<div class="banner">Vertrouwelijk</div>');
    expect(html).toContain('<title>Integraal beeld J-2026-001</title>');
  });

  it('renders headings, runs, lists, tables, rules and page breaks', () => {
    expect(html).toContain('<h1 class="title">Integraal beeld</h1>');
    expect(html).toContain('<p class="subtitle">Groep Parkweg</p>');
    expect(html).toContain('<h1>Aanleiding</h1>');
    expect(html).toContain('<h3>Bijlage<br>tweede regel</h3>');
    expect(html).toContain('<strong>Overlast </strong>');
    expect(html).toContain('<span style="color:#a50e0e"><em>bij het winkelcentrum</em></span>');
    expect(html).toContain('<a href="https://www.example.org/uitleg" rel="noopener noreferrer">uitleg</a>');
    expect(html).toContain('<ul><li>Eerste punt<ul><li>Subpunt één</li></ul></li><li>Tweede punt</li></ul>');
    expect(html).toContain('<ol type="1"><li>Stap één</li><li>Stap twee</li></ol>');
    expect(html).toContain('<th style="background:#e8eaed">Partner</th>');
    expect(html).toContain('<td style="background:#fce8e6">Midden</td>');
    expect(html).toContain('<td>Hoog – Zoë 👍</td>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<div class="pagebreak"></div>');
  });

  it('escapes all text and never links unsafe targets', () => {
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('{{naam}}');
    const allowed = [
      ...PAGE_TAGS,
      'h1',
      'h2',
      'h3',
      'em',
      'a',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
    ];
    expect(foreignTags(html, [...allowed, 'th', 'td', 'hr'])).toEqual([]);
  });

  it('handles skipped nesting levels with well-formed lists', () => {
    const out = documentSnapshotToHtml({
      name: 'x',
      header: [],
      body: [
        { type: 'LIST_ITEM', text: 'a', nesting: 0 },
        { type: 'LIST_ITEM', text: 'c', nesting: 2 },
        { type: 'LIST_ITEM', text: 'd', nesting: 0 },
      ],
    });
    expect(out).toContain(
      '<ul><li>a<ul><li class="nested"><ul><li>c</li></ul></li></ul></li><li>d</li></ul>',
    );
  });
});

describe('formSnapshotToHtml', () => {
  const html = formSnapshotToHtml(sampleForm, {
    caseCode: 'J-2026-001',
    partner: 'Jongerenwerk',
    deadline: '12-01-2026',
  });

  it('shows every item title, escaped', () => {
    for (const item of sampleForm.items) expect(html).toContain(escapeHtml(item.title));
    expect(html).toContain('Beschrijving &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('Help &lt;b&gt;vet&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<form');
  });

  it('renders each item type as disabled inputs', () => {
    expect(html).toContain('<input type="text" disabled');
    expect(html).toContain('<textarea disabled');
    expect(html).toMatch(/<input type="radio" name="item-3" disabled> Dagelijks/);
    expect(html).toMatch(/<input type="checkbox" name="item-4" disabled> Station/);
    expect(html).toContain('<input type="date" disabled>');
    expect(html).toContain('<select disabled>');
    expect(html).toContain('Gering');
    expect(html).toContain('Zeer ernstig');
    expect(html.match(/<label>\d<input type="radio" name="item-5" disabled><\/label>/g)).toHaveLength(5);
    expect(html).toContain('<th>Midden</th>');
    expect(html).toContain('<td>Cohesie</td>');
    expect(html).toMatch(/<input type="checkbox" name="item-8-0" disabled>/);
    expect(html).toContain('<h2>Deel A: de groep</h2><p>Beschrijf wat u ziet.</p>');
    expect(html).toContain('<h2>Deel B: afsluiting</h2>');
    const inputs = html.match(/<(input|textarea|select|button)\b[^>]*>/g) ?? [];
    expect(inputs.length).toBeGreaterThan(10);
    for (const i of inputs) expect(i).toContain('disabled');
  });

  it('marks required items, shows status badges, context and the confirmation message', () => {
    expect(html).toContain('Hoe groot is de groep? <span class="req" title="Verplicht">*</span>');
    expect(html).not.toContain('Locaties <span class="req"');
    expect(html).toContain('>Gepubliceerd<');
    expect(html).toContain('>Gesloten<');
    expect(html).toContain('Casus <strong>J-2026-001</strong>');
    expect(html).toContain('Invullen vóór <strong>12-01-2026</strong>');
    expect(html).toContain('Vul dit formulier in vóór de deadline.<br>Alleen groepsniveau');
    expect(html.indexOf('Dank u wel, uw antwoorden zijn ontvangen.')).toBeGreaterThan(html.indexOf('Deel B'));
    const closed = formSnapshotToHtml({ ...sampleForm, published: false, accepting: true });
    expect(closed).toContain('>Niet gepubliceerd<');
    expect(closed).toContain('>Accepteert reacties<');
  });
});

describe('exportIndexHtml', () => {
  it('groups links in order and escapes titles and unsafe links', () => {
    const html = exportIndexHtml([
      { title: 'Casus (Excel)', href: 'casus.xlsx', group: 'Spreadsheets' },
      { title: `Overzicht ${XSS}`, href: 'docs/over zicht.html', group: 'Documenten' },
      { title: 'Kwaad', href: 'javascript:alert(1)', group: 'Documenten' },
      { title: 'Extern', href: 'https://example.org', group: 'Spreadsheets' },
    ]);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<a href="casus.xlsx">Casus (Excel)</a>');
    expect(html).toContain(
      '<a href="docs/over%20zicht.html">Overzicht &lt;img src=x onerror=alert(1)&gt;</a>',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Kwaad <span class="muted">(javascript:alert(1))</span>');
    expect(html.indexOf('<h2>Spreadsheets</h2>')).toBeLessThan(html.indexOf('<h2>Documenten</h2>'));
    expect(html.indexOf('Extern')).toBeLessThan(html.indexOf('<h2>Documenten</h2>'));
  });
});
