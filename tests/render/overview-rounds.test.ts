import { describe, expect, it } from 'vitest';
import type { FormRecord } from '../../src/render/caseView';
import type { DocNode } from '../../src/render/docTree';
import { buildOverview } from '../../src/render/overview';
import { fixtureView } from './overview.fixture';

function form(round: number, partnerId: string, planVersion: number): FormRecord {
  return {
    formKey: `6#${round}#${partnerId}`,
    step: '6',
    round,
    partnerId,
    formId: `f-${round}-${partnerId}`,
    publishedUrl: 'https://docs.google.com/forms/d/e/x/viewform',
    status: 'gesloten',
    deadline: '2026-05-01',
    createdAt: 0,
    reminders: [],
    responseCount: 1,
    planVersion,
  };
}

describe('monitoring in het integraal beeld', () => {
  it('beoordeelt elke ronde op de acties van het plan dat toen gold', () => {
    const view = fixtureView();
    const v2 = view.plan!;
    // Version 1 had only A1 and A2; A3 was added when the plan was adjusted after round 1.
    const v1 = { ...v2, version: 1, actions: v2.actions.filter((a) => a.id !== 'A3') };
    view.plan = { ...v2, version: 2 };
    view.planHistory = [v1, view.plan];
    view.forms = [
      form(1, 'jw', 1),
      form(1, 'gem', 1),
      form(2, 'jw', 2),
      form(2, 'gem', 2),
      form(2, 'politie', 2),
    ];
    const tree = buildOverview(view);
    const progress = tree.nodes.find(
      (n): n is Extract<DocNode, { type: 'table' }> => n.type === 'table' && n.header[0] === 'Ronde',
    )!;
    const col = progress.header.indexOf('Niet gemeld');
    const r1 = progress.rows.find((r) => r[0] === 'Ronde 1')!;
    const r2 = progress.rows.find((r) => r[0] === 'Ronde 2')!;
    // Round 1: A1 and A2 both reported; A3 did not exist yet, so nothing is missing.
    expect(r1[col]).toBe('0');
    expect(r2[col]).toBe('0');
    expect(r1[r1.length - 1]).toContain('50%');
  });
});

describe('een dubbele of gewijzigde inzending', () => {
  it('telt in de duiding één keer mee: de laatste inzending, gemarkeerd als gewijzigd', () => {
    const view = fixtureView();
    // Only politie scored, twice: "3 ernstig" first, then "1 beperkt" on the first item.
    const politie = view.answers.find((a) => a.questionId === '3.aard' && a.partnerId === 'politie')!;
    const second = {
      ...politie,
      responseId: 'r-second',
      submittedAt: politie.submittedAt + 1000,
      grid: ['1 beperkt', '1 beperkt', '? onbekend'],
    };
    view.answers = view.answers
      .filter((a) => a.questionId !== '3.aard' || a.partnerId === 'politie')
      .concat(second);
    const table = buildOverview(view).nodes.find(
      (n): n is Extract<DocNode, { type: 'table' }> => n.type === 'table' && n.header[0] === 'Item',
    )!;
    expect(table.header).toEqual(['Item', 'Politie (gewijzigd)']);
    const first = table.rows.find((r) => r[0] === 'Overlast openbare ruimte')!;
    expect(first).toEqual(['Overlast openbare ruimte', '1']);
  });

  it('toont een antwoord dat twee keer is ingestuurd één keer, het laatste, met "gewijzigd"', () => {
    const view = fixtureView();
    const signal = view.answers.find((a) => a.questionId === '1.signaal' && a.partnerId === 'politie')!;
    view.answers.push({
      ...signal,
      responseId: 'r-dubbel',
      submittedAt: signal.submittedAt + 60_000,
      value: 'Melding bij het winkelcentrum, aangevuld.',
    });
    const tree = buildOverview(view);
    const lines = tree.nodes.flatMap((n) =>
      n.type === 'paragraph' ? [n.runs.map((r) => r.text).join('')] : [],
    );
    const all = lines.join('\n');
    expect(all).toContain('Melding bij het winkelcentrum, aangevuld. (Politie [gewijzigd])');
    expect(all).not.toContain('Melding over {{naam}}');
  });
});
