/**
 * Partner kinds of issue 6 point 7: the new kinds, what each may answer about a person (enforced
 * in the question list, the form and the Vragen tab) and the convenant date. Pure.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/model/catalog';
import { convenantWarning, partnerQuestions, withheldForConvenant } from '../../src/model/partnerQuestions';
import {
  defaultStepsFor,
  mayAskAtPersonLevel,
  PARTNER_KIND_INFO,
  partnerDefaults,
  partnerKindFromText,
} from '../../src/model/partners';
import { parseQuestionRows, questionsToRows } from '../../src/model/questionsSheet';
import { parsePartnerRows, partnersToRows } from '../../src/model/sheetTable';
import type { Partner, PartnerKind, Question } from '../../src/model/types';
import { buildFormSpec, formStepLabel } from '../../src/render/formSpec';

const NEW_KINDS: PartnerKind[] = [
  'veilig_thuis',
  'raad_kinderbescherming',
  'jeugdreclassering',
  'halt',
  'onderwijs',
];

function partner(kind: PartnerKind, convenantSigned?: string): Partner {
  const d = partnerDefaults(kind);
  return {
    id: `p-${kind.replace(/_/g, '-')}`,
    organisation: PARTNER_KIND_INFO[kind].label,
    kind,
    contactName: 'x',
    email: `${kind}@x.example`,
    steps: d.steps,
    levels: d.levels,
    active: true,
    ...(convenantSigned ? { convenantSigned } : {}),
  };
}

const personQ = (type: Question['type'], kinds: PartnerKind[]): Question => ({
  id: '3.p.eigen',
  step: '3',
  kinds,
  level: 'persoon',
  theme: 'persoon',
  type,
  title: 'Eigen vraag',
  repeat: 'per_person',
  choices: type === 'choice' || type === 'checkboxes' ? ['Ja', 'Nee'] : undefined,
  source: 'I',
});

describe('nieuwe partnersoorten', () => {
  it('knows Veilig Thuis, de Raad, jeugdreclassering, Halt and onderwijs by key and Dutch label', () => {
    for (const kind of NEW_KINDS) {
      expect(partnerKindFromText(kind.replace(/_/g, ' '))).toBe(kind);
      expect(partnerKindFromText(PARTNER_KIND_INFO[kind].label)).toBe(kind);
    }
    expect(partnerKindFromText('Veilig Thuis')).toBe('veilig_thuis');
  });

  it('gives the case-bound kinds "betrokken ja/nee" in step 3 and their own actions from step 5, no group picture early', () => {
    for (const kind of ['veilig_thuis', 'raad_kinderbescherming', 'jeugdreclassering', 'halt'] as const) {
      expect(PARTNER_KIND_INFO[kind].personMode).toBe('alleen_betrokken');
      expect(defaultStepsFor(kind)).toEqual(['3', '5', '6', '7']);
      const p = partner(kind, '2025-01-01');
      const three = partnerQuestions(CATALOG, p, '3', true);
      expect(three.map((q) => q.id)).toEqual(['3.p.betrokken']);
      expect(partnerQuestions(CATALOG, p, '1', false)).toEqual([]);
      expect(partnerQuestions(CATALOG, p, '6', true).length).toBeGreaterThan(0);
    }
  });

  it('keeps the school at group and location level, never about persons', () => {
    expect(PARTNER_KIND_INFO.onderwijs.personMode).toBe('geen');
    expect(defaultStepsFor('onderwijs')).toEqual(expect.arrayContaining(['1', '2A']));
    const p = partner('onderwijs', '2025-01-01');
    for (const step of ['1', '2A', '3', '5', '6', '7'] as const) {
      for (const q of partnerQuestions(CATALOG, p, step, true)) expect(q.level, q.id).not.toBe('persoon');
    }
  });
});

describe('wat een soort over personen mag beantwoorden', () => {
  it('allows a kind limited to "betrokken ja/nee" only a single choice, and a kind without persons nothing', () => {
    expect(mayAskAtPersonLevel('lokaal_team', personQ('choice', ['lokaal_team']))).toBe(true);
    for (const type of ['paragraph', 'text', 'checkboxes', 'date'] as const) {
      expect(mayAskAtPersonLevel('lokaal_team', personQ(type, ['lokaal_team'])), type).toBe(false);
      expect(mayAskAtPersonLevel('halt', personQ(type, ['halt'])), type).toBe(false);
    }
    expect(mayAskAtPersonLevel('onderwijs', personQ('choice', ['onderwijs']))).toBe(false);
    expect(mayAskAtPersonLevel('politie', personQ('paragraph', ['politie']))).toBe(true);
  });

  it('leaves a free-text person question out of such a kind’s form, even when it is handed to the form', () => {
    const p = partner('veilig_thuis', '2025-01-01');
    const free = personQ('paragraph', ['veilig_thuis']);
    const yesNo = { ...personQ('choice', ['veilig_thuis']), id: '3.p.ja_nee' };
    expect(partnerQuestions([free, yesNo], p, '3', true).map((q) => q.id)).toEqual(['3.p.ja_nee']);
    const spec = buildFormSpec(
      {
        caseCode: 'JGA-2026-001',
        step: '3',
        round: 1,
        stepLabel: formStepLabel('3'),
        partner: p,
        deadlineText: '1 maart',
        persons: ['P-AAAA'],
        plan: null,
        levels: ['groep', 'persoon'],
      },
      [free, yesNo],
    );
    const ids = spec.sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(ids).toEqual(['3.p.ja_nee']);
  });

  it('refuses such a question from the Vragen tab with a message naming the row', () => {
    const rows = [
      ...questionsToRows(CATALOG),
      [
        '3.eigen_hulp',
        '3',
        'lokaal_team, politie',
        'persoon',
        'alinea',
        'Welke hulp loopt er?',
        '',
        'nee',
        'nee',
        '',
      ],
    ];
    const r = parseQuestionRows(rows, CATALOG);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^Vragen!A${rows.length}: `));
    expect(r.errors[0]).toContain('Lokaal team / wijkteam');
    expect(r.errors[0]).toContain('betrokken ja/nee');
  });
});

describe('convenant getekend', () => {
  it('gives a partner without a convenant date no person questions, and says why', () => {
    const without = partner('politie');
    const signed = partner('politie', '2025-09-01');
    const q = (p: Partner) => partnerQuestions(CATALOG, p, '2B', true);
    expect(q(signed).some((x) => x.level === 'persoon')).toBe(true);
    expect(q(without).some((x) => x.level === 'persoon')).toBe(false);
    expect(q(without).length).toBeGreaterThan(0);
    expect(withheldForConvenant(CATALOG, without, '2B', true)).toBe(true);
    expect(withheldForConvenant(CATALOG, signed, '2B', true)).toBe(false);
    // Before 2B there is nothing to withhold.
    expect(withheldForConvenant(CATALOG, without, '2A', false)).toBe(false);
    expect(convenantWarning(without)).toContain('Convenant getekend');
  });

  it('gives such a partner no person question in its form either, even when one is handed to the form', () => {
    const question = personQ('choice', ['politie']);
    const spec = (p: Partner) =>
      buildFormSpec(
        {
          caseCode: 'JGA-2026-001',
          step: '3',
          round: 1,
          stepLabel: formStepLabel('3'),
          partner: p,
          deadlineText: '1 maart',
          persons: ['P-AAAA', 'P-BBBB'],
          plan: null,
          levels: ['groep', 'persoon'],
        },
        [question],
      ).sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(spec(partner('politie', '2025-09-01'))).toEqual(['3.p.eigen']);
    expect(spec(partner('politie'))).toEqual([]);
  });

  it('reads the column from the Partners tab: a date, dd-mm-jjjj, empty, or absent in an older tab', () => {
    const p = partner('politie', '2025-09-01');
    const rows = partnersToRows([p]);
    expect(rows[0]).toContain('Convenant getekend');
    const back = parsePartnerRows(rows);
    expect(back.ok && back.value[0]?.convenantSigned).toBe('2025-09-01');
    const col = rows[0]!.indexOf('Convenant getekend');
    const withDate = rows.map((r, i) =>
      i === 1 ? r.map((c, j) => (j === col ? new Date(2024, 2, 5) : c)) : r,
    );
    const d = parsePartnerRows(withDate);
    expect(d.ok && d.value[0]?.convenantSigned).toBe('2024-03-05');
    const nl = rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === col ? '5-3-2024' : c)) : r));
    const n = parsePartnerRows(nl);
    expect(n.ok && n.value[0]?.convenantSigned).toBe('2024-03-05');
    const empty = rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === col ? '' : c)) : r));
    const e = parsePartnerRows(empty);
    expect(e.ok && e.value[0]?.convenantSigned).toBeUndefined();
    const old = parsePartnerRows(rows.map((r) => r.filter((_, j) => j !== col)));
    expect(old.ok).toBe(true);
    const bad = rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === col ? 'vorig jaar' : c)) : r));
    const b = parsePartnerRows(bad);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.errors[0]).toMatch(/^Partners!I2: .*convenant/);
  });
});
