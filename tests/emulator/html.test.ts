import { describe, expect, it } from 'vitest';
import { createHtmlService } from '../../src/local/apps-script/html';
import { Runtime } from '../../src/local/apps-script/runtime';

function setup(files: Record<string, string> = {}, globals: object = {}) {
  const rt = new Runtime({ latency: false });
  return { rt, html: createHtmlService(rt, files, globals) };
}

describe('HtmlTemplate scriptlets', () => {
  it('<?= ?> escapes, <?!= ?> prints raw', () => {
    const { html } = setup();
    expect(html.createTemplate("<p><?= '<b>' ?></p>").evaluate().getContent()).toBe('<p>&lt;b&gt;</p>');
    expect(html.createTemplate("<p><?!= '<b>' ?></p>").evaluate().getContent()).toBe('<p><b></p>');
    const t = html.createTemplate('<a title="<?= titel ?>"><?= naam ?></a>');
    t.titel = `"x" & 'y'`;
    t.naam = '<script>alert(1)</script>';
    expect(t.evaluate().getContent()).toBe(
      '<a title="&quot;x&quot; &amp; &#39;y&#39;">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    );
  });

  it('inside <script> a printed value becomes a safe JavaScript literal', () => {
    const { html } = setup();
    const t = html.createTemplate('<script>var data = <?= data ?>;</script>');
    t.data = { naam: '</script><img>', n: 2 };
    expect(t.evaluate().getContent()).toBe(
      '<script>var data = {"naam":"\\u003c/script\\u003e\\u003cimg\\u003e","n":2};</script>',
    );
  });

  it('standard scriptlets drive loops and conditions; template properties are in scope', () => {
    const { html } = setup();
    const t = html.createTemplate(
      '<ul><? for (const p of partners) { ?><li><?= p ?></li><? } ?></ul><? if (leeg) { ?>x<? } ?>',
    );
    t.partners = ['Politie', 'Jeugd & Gezin'];
    t.leeg = false;
    expect(t.evaluate().getContent()).toBe('<ul><li>Politie</li><li>Jeugd &amp; Gezin</li></ul>');
  });

  it('a // comment in a scriptlet comments out the rest of the line, HTML included', () => {
    const { html } = setup();
    const out = html.createTemplate('<p>a</p><? // opmerking ?><p>weg</p>\n<p>b</p>').evaluate().getContent();
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('scriptlets see script globals (include pattern) and getCode shows the generated code', () => {
    const globals = {
      include: (name: string) => `<style>/* ${name} */</style>`,
    };
    const { html } = setup({}, globals);
    const t = html.createTemplate("<?!= include('Stijl') ?>");
    expect(t.evaluate().getContent()).toBe('<style>/* Stijl */</style>');
    expect(t.getCode()).toContain("include('Stijl')");
  });

  it('templates and outputs come from project files; a missing file throws', () => {
    const { html } = setup({ Zijbalk: '<h1><?= kop ?></h1>' });
    const t = html.createTemplateFromFile('Zijbalk');
    t.kop = 'Casus';
    expect(t.evaluate().getContent()).toBe('<h1>Casus</h1>');
    expect(html.createHtmlOutputFromFile('Zijbalk').getContent()).toBe('<h1><?= kop ?></h1>');
    expect(() => html.createHtmlOutputFromFile('Ontbreekt')).toThrow(
      'No HTML file named Ontbreekt was found.',
    );
  });
});

describe('HtmlOutput', () => {
  it('append, appendUntrusted, title, size and meta tags', () => {
    const { html } = setup();
    const out = html
      .createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<i>c</i>')
      .setTitle('Besluit')
      .setWidth(500)
      .setHeight(300)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.DEFAULT)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;i&gt;c&lt;/i&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['Besluit', 500, 300]);
    expect(out.getMetaTags().map((m) => m.getName())).toEqual(['viewport']);
    expect(() => out.addMetaTag('description', 'x')).toThrow(/not allowed/);
    expect(out.getBlob().getDataAsString()).toBe(out.getContent());
  });
});
