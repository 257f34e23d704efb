import { describe, expect, it } from 'vitest';
import { newCase } from '../../src/model/caseMachine';
import { askDecision, parseChoices } from '../../src/ui/decisionDialog';
import { caseAt } from '../model/helpers';

/** A Ui that answers the prompts in order with OK and records what was asked. */
function fakeUi(answers: string[]) {
  const prompts: string[] = [];
  const ui = {
    ButtonSet: { OK_CANCEL: 'OK_CANCEL' },
    Button: { OK: 'OK', CANCEL: 'CANCEL' },
    prompt(title: string, text: string) {
      prompts.push(`${title}: ${text}`);
      const answer = answers.shift();
      return {
        getSelectedButton: () => (answer === undefined ? 'CANCEL' : 'OK'),
        getResponseText: () => answer ?? '',
      };
    },
  };
  return { ui: ui as unknown as GoogleAppsScript.Base.Ui, prompts };
}

describe('besluit vastleggen via het menu', () => {
  it('biedt precies de uitkomsten van de huidige stap aan', () => {
    const { ui, prompts } = fakeUi([]);
    expect(askDecision(ui, caseAt('5'), '2026-06-01')).toBeNull();
    expect(prompts[0]).toContain('1. Plan van aanpak vastgesteld');
    expect(prompts[0]).toContain('2. Terug naar de driehoek (stap 4)');
    expect(prompts[0]).not.toContain('3.');
  });

  it('legt meer vervolgroutes vast', () => {
    // niet_problematisch is the 2nd outcome of 2A; its routes: lichte interventie, zorgmelding, PGA.
    const { ui } = fakeUi(['2', '1, 2', 'Geen groepsaanpak nodig.', '', '']);
    expect(askDecision(ui, caseAt('2A'), '2026-03-01')).toEqual({
      step: '2A',
      round: 1,
      outcome: 'niet_problematisch',
      routes: ['lichte_interventie', 'zorgmelding'],
      motivation: 'Geen groepsaanpak nodig.',
      decidedBy: 'partneroverleg',
      date: '2026-03-01',
    });
  });

  it('vraagt bij acuut de reden en weigert een lege', () => {
    const { ui, prompts } = fakeUi(['2', 'Geweld in het weekend.', 'Snel handelen.', '', '']);
    const d = askDecision(ui, newCase('JGA-2026-001'), '2026-03-01');
    expect(d).toMatchObject({ outcome: 'acuut', acuteReason: 'Geweld in het weekend.' });
    expect(prompts[1]).toContain('Waarom acuut?');
    expect(() => askDecision(fakeUi(['2', '']).ui, newCase('JGA-2026-001'), '2026-03-01')).toThrow(
      'Bij "acuut" hoort de reden',
    );
  });

  it('leest nummers gescheiden door komma of spatie, zonder dubbele, en noemt een foute', () => {
    expect(parseChoices('1, 3 3', 3)).toEqual([0, 2]);
    expect(() => parseChoices('1, 4', 3)).toThrow('"4" is geen keuze');
    expect(() => parseChoices(' ', 3)).toThrow('Typ minstens één nummer.');
  });
});
