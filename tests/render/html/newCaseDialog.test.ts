import { describe, expect, it } from 'vitest';
import { newCaseRules } from '../../../src/model/newCaseInput';
import { escapeHtml, jsonForScript } from '../../../src/render/html/client';
import { newCaseDialogPage } from '../../../src/render/html/newCaseDialog';

const page = newCaseDialogPage({
  rules: newCaseRules('2026-01-12', ['</script><b>x']),
  retentionDefault: 18,
});

describe('dialoog nieuwe casus', () => {
  it('is één volledige pagina zonder externe bronnen', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="nl">');
    expect(page).not.toMatch(/\s(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(page).not.toContain('innerHTML');
  });

  it('elk veld heeft een label, een hulptekst en een plek voor de melding (aria-describedby)', () => {
    for (const f of ['label', 'wijk', 'eersteSignaal', 'bewaartermijnMaanden']) {
      expect(page).toContain(`<label for="f-${f}">`);
      expect(page).toContain(`id="f-${f}" name="${f}"`);
      expect(page).toContain(`aria-describedby="help-${f} err-${f}"`);
      expect(page).toContain(`id="err-${f}" data-error-for="${f}"`);
    }
    expect(page).toContain('type="date" id="f-eersteSignaal" name="eersteSignaal" required max="2026-01-12"');
    expect(page).toContain('min="1" max="120" step="1" value="18"');
  });

  it('de gegevens staan in een JSON-blok dat het script-element niet kan sluiten', () => {
    expect(page).not.toContain('</script><b>');
    const blob = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(blob).rules.names).toEqual(['</script><b>x']);
    expect(jsonForScript('\u2028<&>')).toBe('"\\u2028\\u003c\\u0026\\u003e"');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('de pagina roept alleen uiNewCase aan, en de controle in de browser is die van de server', () => {
    expect([...page.matchAll(/run\('(\w+)'/g)].map((m) => m[1])).toEqual(['uiNewCase']);
    expect(page).toContain('var checkFields=(function checkNewCaseFields(');
  });
});
