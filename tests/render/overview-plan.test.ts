import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../../src/render/caseView';
import type { DocNode } from '../../src/render/docTree';
import { indexAnswers } from '../../src/render/overview-answers';
import { goalTable, planBlocks } from '../../src/render/overview-plan';
import { goalProgressBlocks } from '../../src/render/overview-progress';
import { fixtureView } from './overview.fixture';

const tableOf = (nodes: DocNode[], first: string) => {
  const t = nodes.find((n) => n.type === 'table' && n.header[0] === first);
  if (t?.type !== 'table') throw new Error(`geen tabel met kolom ${first}`);
  return t;
};

const value = (round: number, subject: string, v: string, day: number): AnswerRecord => ({
  formKey: `6#${round}#politie`,
  step: '6',
  round,
  partnerId: 'politie',
  responseId: `r-${round}`,
  version: 1,
  submittedAt: Date.UTC(2026, 5, day, 10),
  questionId: '6.doel.waarde',
  subject,
  value: v,
});

describe('plan van aanpak in het overzicht', () => {
  it('toont elk doel met indicator, nulmeting (met herkomst), streefwaarde, meetdatum en wie meet', () => {
    const view = fixtureView();
    view.plan!.goals[1] = { ...view.plan!.goals[1]!, baseline: 2.3, baselineFrom: 'duiding: "Vernieling"' };
    const t = goalTable(view);
    if (t.type !== 'table') throw new Error('tabel verwacht');
    expect(t.header).toEqual(['Id', 'Doel', 'Indicator', 'Nulmeting', 'Streefwaarde', 'Meetdatum', 'Meet']);
    expect(t.rows[0]!.slice(2, 5)).toEqual(['Meldingen per maand', '10', '5']);
    expect(t.rows[1]![3]).toBe('2,3 (uit de duiding)');
    const blocks = planBlocks(indexAnswers(view));
    const criteria = tableOf(blocks, 'Id');
    expect(criteria).toBeDefined();
    expect(JSON.stringify(blocks)).toContain('Twee rondes op rij onder de streefwaarde');
    expect(JSON.stringify(blocks)).toContain('Evaluatie van het plan: ');
    expect(JSON.stringify(blocks)).toContain(
      'Nulmeting van D2 overgenomen uit de duiding: \\"Vernieling\\".',
    );
  });

  it('toont de voortgang per doel tegen nulmeting en streefwaarde, per ronde', () => {
    const view = fixtureView();
    view.answers = [
      ...view.answers,
      value(1, 'D1', '8', 10),
      value(2, 'D1', '5', 20),
      value(2, 'D2', 'veel', 20),
    ];
    const t = tableOf(goalProgressBlocks(view), 'Doel');
    expect(t.header).toEqual([
      'Doel',
      'Indicator',
      'Nulmeting',
      'Ronde 1',
      'Ronde 2',
      'Streefwaarde',
      'Status',
    ]);
    expect(t.rows[0]).toEqual([
      'D1',
      'Meldingen per maand',
      '10',
      expect.stringMatching(/^8 \(/),
      expect.stringMatching(/^5 \(/),
      expect.stringMatching(/^5 op /),
      'behaald',
    ]);
    expect(t.rows[1]!.slice(3)).toEqual(['—', '—', expect.stringMatching(/^5 op /), 'nog niet gemeten']);
    expect(goalProgressBlocks({ ...view, plan: null })).toEqual([]);
  });
});
