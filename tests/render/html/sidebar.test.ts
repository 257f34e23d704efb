import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ENTRYPOINTS } from '../../../src/entrypoints';
import { ACTION_KINDS } from '../../../src/model/nextActions';
import { ALL_ACTIONS, SIDEBAR_TITLE, sidebarPage } from '../../../src/render/html/sidebar';
import { UI_ACTIONS } from '../../../src/ui/cockpit';

const html = sidebarPage();
const scripts = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const body = html.slice(html.indexOf('<body>'), html.indexOf('<script'));

describe('de zijbalk', () => {
  it('is één volledige pagina zonder externe bronnen', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(`<title>${SIDEBAR_TITLE}</title>`);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('heeft een script dat de browser kan lezen', () => {
    expect(scripts).toHaveLength(1);
    expect(() => new Script(scripts[0]!)).not.toThrow();
  });

  it('bevat zelf geen gegevens: alles komt via google.script.run', () => {
    // No data blob, no template tags, and it is the same page whatever the register holds.
    expect(html).not.toContain('application/json');
    expect(html).not.toContain('<?');
    expect(sidebarPage()).toBe(html);
    const called = [...scripts.join('\n').matchAll(/run\('([A-Za-z_$][\w$]*)'/g)].map((m) => m[1]);
    expect(called.sort()).toEqual(['uiDashboard', 'uiRunAction']);
    for (const fn of called) expect((ENTRYPOINTS as readonly string[]).includes(fn!), fn).toBe(true);
  });

  it('§4.3 #11: zet gegevens alleen met textContent en createElement op de pagina, nooit als HTML', () => {
    const js = scripts.join('\n');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    expect(js).toContain('textContent');
    expect(js).toContain('createElement');
    // Links only to https addresses (no javascript: from data).
    expect(js).toContain('/^https:\\/\\//.test(l.url)');
  });

  it('heeft een echte tabel met kop- en rijkoppen, een label bij elke keuze en een live-gebied', () => {
    expect(body).toContain('<table id="matrix">');
    expect(body).toContain('<caption>');
    const js = scripts.join('\n');
    expect(js).toContain("node('th','Partner',{scope:'col'})");
    expect(js).toContain("node('th',r.partner,{scope:'row'})");
    // Each cell carries its text; the kind only adds a colour.
    expect(js).toContain("node('td',c.text,{'data-kind':c.kind})");
    expect(body).toMatch(/<label for="case">Casus<\/label>\s*<select id="case"/);
    expect(body).toMatch(/id="status" role="status" aria-live="polite"/);
    expect(body).toMatch(/id="result" aria-live="polite"/);
    // Native buttons with their text; no clickable div or span.
    const buttons = [...body.matchAll(/<button[^>]*>([^<]*)<\/button>/g)];
    expect(buttons.length).toBe(ALL_ACTIONS.length + 1);
    for (const b of buttons) expect(b[1]!.trim().length, b[0]).toBeGreaterThan(0);
    expect(body).not.toMatch(/<(div|span)[^>]*onclick/i);
  });

  it('biedt elke actie aan die de server kent, en elke volgende actie als knop', () => {
    expect(ALL_ACTIONS.map(([k]) => k).sort()).toEqual([...UI_ACTIONS].sort());
    for (const kind of ACTION_KINDS) expect(UI_ACTIONS as readonly string[]).toContain(kind);
  });

  it('laat zien dat een lange actie bezig is en zet de knoppen dan uit', () => {
    const js = scripts.join('\n');
    expect(body).toContain('<progress id="progress" hidden aria-label="Bezig">');
    expect(js).toMatch(/function working\(on,text\)\{\$\('progress'\)\.hidden=!on;busy\(on,text\)\}/);
    // busy() (client.ts) disables every button and sets aria-busy while the server works.
    expect(js).toContain("document.body.setAttribute('aria-busy'");
  });
});
