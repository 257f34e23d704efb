import { describe, expect, it } from 'vitest';
import { decisionRules } from '../../../src/model/decisionInput';
import { decisionDialogPage } from '../../../src/render/html/decisionDialog';
import { caseAt } from '../../model/helpers';

const rules = decisionRules(caseAt('2A'), { today: '2026-06-01', openedOn: '2026-01-05' });
const page = decisionDialogPage({
  cases: [{ code: 'JGA-2026-001', label: 'Groep <b>winkelcentrum</b>', where: 'stap 2A' }],
  form: { rules, label: 'Groep <b>winkelcentrum</b>', decidedBy: 'regie@testdorp.example' },
});

describe('dialoog besluit vastleggen', () => {
  it('is één volledige pagina; gegevens alleen in het JSON-blok, nooit als HTML', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toContain('<b>winkelcentrum');
    expect(page).not.toContain('innerHTML');
    expect(page).not.toMatch(/\s(?:src|href)=["']?(?:https?:)?\/\//i);
    const blob = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(blob).form.rules.outcomes.map((o: { key: string }) => o.key)).toEqual([
      'problematisch',
      'niet_problematisch',
      'geen_actie',
      'meer_informatie',
    ]);
  });

  it('elk vast veld heeft een label, hulptekst en plek voor de melding; de datum is een datumkiezer', () => {
    for (const f of ['acuteReason', 'motivation', 'decidedBy', 'date', 'directions']) {
      expect(page).toContain(`<label for="f-${f}">`);
      expect(page).toContain(`aria-describedby="help-${f} err-${f}"`);
      expect(page).toContain(`id="err-${f}" data-error-for="${f}"`);
    }
    expect(page).toContain('<input type="date" id="f-date" name="date"');
    expect(page).toContain('<fieldset id="fs-outcome" aria-describedby="err-outcome">');
    expect(page).toContain('<fieldset id="fs-routes" aria-describedby="help-routes err-routes" hidden>');
  });

  it('roept alleen uiDecisionForm en uiRecordDecision aan en controleert met de regels van de server', () => {
    expect([...page.matchAll(/run\('(\w+)'/g)].map((m) => m[1])).toEqual([
      'uiDecisionForm',
      'uiRecordDecision',
    ]);
    expect(page).toContain('var checkFields=(function checkDecisionFields(');
    // A refusal never resets the form: no form.reset() anywhere.
    expect(page).not.toContain('.reset(');
  });
});
