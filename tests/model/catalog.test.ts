import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  DUIDING_SCALE,
  duidingScore,
  KANSEN_SCALE,
  participatingKinds,
  questionById,
  questionProblems,
  questionsFor,
  resolvedKinds,
  SOURCED_COVERAGE,
  STEP_KINDS,
} from '../../src/model/catalog';
import { applyOverrides } from '../../src/model/catalog/overrides';
import { CASE_KINDS, PER_PERSON_HELP } from '../../src/model/catalog/shared';
import { partnerQuestions } from '../../src/model/partnerQuestions';
import { parseQuestionRows, questionsToRows } from '../../src/model/questionsSheet';
import type { Partner, Question, StepId } from '../../src/model/types';
import { LEVELS, PARTNER_KINDS, QUESTION_TYPES, STEP_IDS, THEMES } from '../../src/model/types';
import { buildFormSpec, formStepLabel } from '../../src/render/formSpec';

const stepIndex = (s: StepId) => STEP_IDS.indexOf(s);
const texts = (q: Question) => [q.title, q.help ?? '', ...(q.choices ?? []), ...(q.rows ?? [])];

describe('catalog structure', () => {
  it('has a workable size', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(100);
    expect(CATALOG.length).toBeLessThanOrEqual(160);
  });

  it('has unique ids whose prefix is the step', () => {
    const ids = CATALOG.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of CATALOG) {
      expect(q.id.startsWith(`${q.step}.`), q.id).toBe(true);
      expect(q.id, q.id).toMatch(/^(1|2A|2B|3|4|5|6|7)\.[a-z0-9_.]+$/);
    }
  });

  it('uses only known steps, kinds, levels, themes and types', () => {
    for (const q of CATALOG) {
      expect(STEP_IDS).toContain(q.step);
      expect(LEVELS).toContain(q.level);
      expect(THEMES).toContain(q.theme);
      expect(QUESTION_TYPES).toContain(q.type);
      expect(['B', 'I']).toContain(q.source);
      if (q.kinds !== 'all') {
        expect(q.kinds.length, q.id).toBeGreaterThan(0);
        for (const k of q.kinds) expect(PARTNER_KINDS).toContain(k);
      }
    }
  });

  it('uses every question type of the contract', () => {
    expect(new Set(CATALOG.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it('keeps titles within 200 characters and gives most questions a help text', () => {
    for (const q of CATALOG) {
      expect(q.title.trim().length, q.id).toBeGreaterThan(0);
      expect(q.title.length, q.id).toBeLessThanOrEqual(200);
    }
    const withHelp = CATALOG.filter((q) => q.help && q.help.trim() !== '').length;
    expect(withHelp / CATALOG.length).toBeGreaterThan(0.75);
  });

  it('passes every structural rule', () => {
    for (const q of CATALOG) expect(questionProblems(q), q.id).toEqual([]);
  });

  it('gives choice and checkbox questions at least two distinct options', () => {
    for (const q of CATALOG.filter((x) => x.type === 'choice' || x.type === 'checkboxes')) {
      const choices = q.choices ?? [];
      expect(choices.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(choices).size, q.id).toBe(choices.length);
    }
  });

  it('gives grids rows and columns', () => {
    for (const q of CATALOG.filter((x) => x.type === 'grid')) {
      expect(q.rows?.length ?? 0, q.id).toBeGreaterThan(0);
      expect(q.choices?.length ?? 0, q.id).toBeGreaterThan(0);
    }
  });

  it('keeps scales within the bounds Google Forms accepts', () => {
    const scales = CATALOG.filter((x) => x.type === 'scale');
    expect(scales.length).toBeGreaterThan(0);
    for (const q of scales) {
      expect(q.scale, q.id).toBeDefined();
      expect([0, 1]).toContain(q.scale?.min);
      expect(q.scale?.max ?? 0, q.id).toBeGreaterThanOrEqual(3);
      expect(q.scale?.max ?? 99, q.id).toBeLessThanOrEqual(10);
      expect(q.scale?.minLabel, q.id).toBeTruthy();
      expect(q.scale?.maxLabel, q.id).toBeTruthy();
    }
  });
});

describe('participation per step', () => {
  it('gives every kind that takes part in a step at least one question there', () => {
    for (const step of STEP_IDS) {
      for (const kind of STEP_KINDS[step]) {
        expect(questionsFor(step, kind).length, `${step} ${kind}`).toBeGreaterThan(0);
      }
    }
  });

  it('derives the participating kinds from the catalog: the step kinds, plus in step 3 the case-bound kinds for "betrokken ja/nee"', () => {
    for (const step of STEP_IDS) {
      const extra = step === '3' ? CASE_KINDS : [];
      expect(new Set(participatingKinds(step)), step).toEqual(new Set([...STEP_KINDS[step], ...extra]));
    }
    for (const kind of CASE_KINDS)
      expect(questionsFor('3', kind).map((q) => q.id)).toEqual(['3.p.betrokken']);
  });

  it('lets OM join only from 2B', () => {
    expect(participatingKinds('1')).not.toContain('om');
    expect(participatingKinds('2A')).not.toContain('om');
    expect(participatingKinds('2B')).toContain('om');
    expect(participatingKinds('3')).toContain('om');
  });

  it('resolves "all" to the kinds of the step and explicit lists as given', () => {
    const all = CATALOG.find((q) => q.step === '2B' && q.kinds === 'all');
    expect(all).toBeDefined();
    if (all) expect(resolvedKinds(all)).toEqual(STEP_KINDS['2B']);
    expect(questionsFor('2B', 'woningcorporatie')).toEqual([]);
    expect(questionsFor('2B', 'om').map((q) => q.id)).toContain('2B.p.samen_feiten');
    expect(questionsFor('2B', 'jongerenwerk').map((q) => q.id)).not.toContain('2B.p.samen_feiten');
  });

  it('finds a question by id', () => {
    expect(questionById('2A.oordeel')?.step).toBe('2A');
    expect(questionById('bestaat.niet')).toBeUndefined();
  });
});

describe('privacy rules', () => {
  it('asks nothing at person level before 2B', () => {
    for (const q of CATALOG) {
      if (stepIndex(q.step) < stepIndex('2B')) expect(q.level, q.id).not.toBe('persoon');
    }
  });

  it('asks per person only at person level and from 2B on', () => {
    const perPerson = CATALOG.filter((q) => q.repeat === 'per_person');
    expect(perPerson.length).toBeGreaterThan(0);
    for (const q of perPerson) {
      expect(q.level, q.id).toBe('persoon');
      expect(stepIndex(q.step), q.id).toBeGreaterThanOrEqual(stepIndex('2B'));
    }
  });

  it('asks per action only in step 6 and per goal only in step 7', () => {
    for (const q of CATALOG) {
      if (q.repeat === 'per_action') expect(q.step, q.id).toBe('6');
      if (q.repeat === 'per_goal') expect(q.step, q.id).toBe('7');
    }
    expect(CATALOG.some((q) => q.repeat === 'per_action')).toBe(true);
    expect(CATALOG.some((q) => q.repeat === 'per_goal')).toBe(true);
  });

  it('never asks the woningcorporatie or an overige partner about persons', () => {
    for (const step of STEP_IDS) {
      for (const kind of ['woningcorporatie', 'overig'] as const) {
        expect(
          questionsFor(step, kind).filter((q) => q.level === 'persoon'),
          `${step} ${kind}`,
        ).toEqual([]);
      }
      for (const q of questionsFor(step, 'woningcorporatie')) expect(['groep', 'domein']).toContain(q.level);
    }
  });

  it('asks lokaal team and ZVH at person level only whether they are involved (ja/nee)', () => {
    for (const kind of ['lokaal_team', 'zvh'] as const) {
      const personal = CATALOG.filter((q) => q.level === 'persoon' && resolvedKinds(q).includes(kind));
      expect(personal.map((q) => q.id)).toEqual(['3.p.betrokken']);
    }
    expect(questionById('3.p.betrokken')?.choices).toEqual(['Ja', 'Nee']);
  });

  const allowed = /\b(geen|zonder)\s+(namen|naam)\b|namenlijst/gi;
  const asksIdentity = (t: string) => /naam|namen|geboorte/i.test(t.replace(allowed, ''));

  it('recognises texts that ask for a name or a date of birth', () => {
    expect(asksIdentity('Wat is de naam van deze jongere?')).toBe(true);
    expect(asksIdentity('Geboortedatum')).toBe(true);
    expect(asksIdentity('Noem geen namen. Zie de namenlijst.')).toBe(false);
  });

  it('never asks for a name or a date of birth', () => {
    for (const q of CATALOG) {
      for (const t of texts(q)) expect(asksIdentity(t), `${q.id}: ${t}`).toBe(false);
    }
  });

  it('asks about the namenlijst only by pseudonym code', () => {
    // Said once in the header of a form's person questions (render/formSpec.ts), never per question.
    expect(PER_PERSON_HELP).toMatch(/codes/);
    expect(PER_PERSON_HELP).toMatch(/geen namen/);
    const perPerson = CATALOG.filter((q) => q.repeat === 'per_person');
    for (const q of perPerson) expect(q.help ?? '', q.id).not.toContain(PER_PERSON_HELP);
  });

  it('keeps step 1 at group level and sends acute danger to the police', () => {
    const acute = questionById('1.acuut');
    expect(acute?.required).toBe(true);
    expect(acute?.help).toMatch(/112/);
    expect(acute?.help).toMatch(/niet bedoeld voor spoed/);
    for (const q of CATALOG.filter((x) => x.step === '1')) expect(q.repeat ?? 'once').toBe('once');
  });
});

describe('duiding (step 3)', () => {
  const grids = CATALOG.filter((q) => q.duiding);

  it('has one grid per sourced dimension, all in step 3', () => {
    expect(grids.map((q) => q.id)).toEqual([
      '3.duiding.aard',
      '3.duiding.ontwikkeling',
      '3.duiding.dynamiek',
      '3.duiding.omgeving',
      '3.duiding.risico',
      '3.duiding.kansen',
      '3.duiding.online',
    ]);
    for (const q of grids) {
      expect(q.step).toBe('3');
      expect(q.type).toBe('grid');
    }
  });

  it('scores every dimension on the same scale (kansen with its own labels)', () => {
    const scores = (cols: readonly string[]) => cols.map(duidingScore);
    for (const q of grids) {
      expect(scores(q.choices ?? []), q.id).toEqual([0, 1, 2, 3, null]);
      const expected = q.id === '3.duiding.kansen' ? KANSEN_SCALE : DUIDING_SCALE;
      expect(q.choices, q.id).toEqual(expected);
    }
  });

  it('reads scores from column labels', () => {
    expect(duidingScore('2 duidelijk')).toBe(2);
    expect(duidingScore('? onbekend')).toBeNull();
    expect(duidingScore('')).toBeNull();
  });

  it('has the OM-only person-level criminal-law summary', () => {
    const q = questionById('3.p.strafrecht');
    expect(q?.kinds).toEqual(['om']);
    expect(q?.repeat).toBe('per_person');
  });
});

describe('monitoring and evaluation conventions', () => {
  it('has a per-action status choice with the five statuses', () => {
    const status = CATALOG.find(
      (q) => q.step === '6' && q.repeat === 'per_action' && q.id.endsWith('.status'),
    );
    expect(status?.type).toBe('choice');
    expect(status?.choices).toEqual(['Niet gestart', 'Loopt', 'Afgerond', 'Vertraagd', 'Gestopt']);
  });

  it('asks per goal first for a ja/deels/nee verdict', () => {
    const first = CATALOG.find((q) => q.repeat === 'per_goal');
    expect(first?.type).toBe('choice');
    expect(first?.choices?.slice(0, 3)).toEqual(['Ja', 'Deels', 'Nee']);
  });

  it('has the once-per-form monitoring questions', () => {
    expect(questionById('6.ontwikkeling')?.type).toBe('scale');
    expect(questionById('6.bijstelling')?.choices).toEqual(['Ja', 'Nee']);
    expect(questionById('7.samenwerking')?.scale).toMatchObject({ min: 1, max: 5 });
  });
});

describe('sourced coverage', () => {
  const covered = new Set(SOURCED_COVERAGE.flatMap((t) => t.questionIds));

  it('lists only existing ids, each of a sourced question', () => {
    for (const topic of SOURCED_COVERAGE) {
      expect(topic.questionIds.length, topic.topic).toBeGreaterThan(0);
      expect(topic.source, topic.topic).toMatch(/^S\d+/);
      for (const id of topic.questionIds) {
        const q = questionById(id);
        expect(q, `${topic.topic}: ${id}`).toBeDefined();
        expect(q?.source, id).toBe('B');
      }
    }
  });

  it('covers every question marked as sourced', () => {
    for (const q of CATALOG.filter((x) => x.source === 'B')) expect(covered.has(q.id), q.id).toBe(true);
  });

  it('covers the sourced questions of 2A, 2B and 3', () => {
    const topics = SOURCED_COVERAGE.map((t) => t.topic).join('\n');
    for (const needle of [
      'wat doen ze',
      'hoe erg',
      'wie zitten erin',
      'samen feiten',
      'oorzaken',
      'hiërarchie',
    ]) {
      expect(topics).toContain(needle);
    }
  });
});

describe('politiegegevens: dataminimalisatie in stap 2B', () => {
  const police = questionsFor('2B', 'politie');

  it('records the handover of the groepsscan: date, channel and which codes', () => {
    const ids = police.map((q) => q.id);
    expect(ids).toEqual(
      expect.arrayContaining(['2B.groepsscan.datum', '2B.groepsscan.kanaal', '2B.p.in_groepsscan']),
    );
    expect(questionById('2B.groepsscan.datum')?.type).toBe('date');
    expect(questionById('2B.groepsscan.kanaal')?.level).toBe('groep');
  });

  it('asks per code only role, involvement and risk (besides the handover), all as choices', () => {
    const perPerson = police.filter((q) => q.repeat === 'per_person');
    expect(perPerson.map((q) => q.id).sort()).toEqual(
      ['2B.p.in_groepsscan', '2B.p.lidmaatschap', '2B.p.risico', '2B.p.rol'].sort(),
    );
    for (const q of perPerson) expect(q.type, q.id).toBe('choice');
  });

  it('has no person question that copies registrations, in any step, for any kind', () => {
    const copies = CATALOG.filter(
      (q) => q.level === 'persoon' && /geregistreerd|registraties|zorgmeldingen|bij controles/i.test(q.title),
    );
    expect(copies.map((q) => q.id)).toEqual([]);
  });

  it('lets a gemeente whose convenant allows more add a 2B question in the Vragen tab; it reaches the police form', () => {
    const rows = [
      ...questionsToRows(CATALOG),
      [
        '2B.eigen_registraties',
        '2B',
        'politie',
        'persoon',
        'alinea',
        'Registraties als verdachte',
        '',
        'nee',
        'nee',
        '',
      ],
    ];
    const parsed = parseQuestionRows(rows, CATALOG);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const catalog = applyOverrides(CATALOG, parsed.overrides);
    const politie: Partner = {
      id: 'politie',
      organisation: 'Politie',
      kind: 'politie',
      contactName: 'x',
      email: 'p@x.example',
      steps: ['2B'],
      levels: ['groep', 'persoon'],
      active: true,
      convenantSigned: '2025-09-01',
    };
    const questions = partnerQuestions(catalog, politie, '2B', true);
    expect(questions.map((q) => q.id)).toContain('2B.eigen_registraties');
    const spec = buildFormSpec(
      {
        caseCode: 'JGA-2026-001',
        step: '2B',
        round: 1,
        stepLabel: formStepLabel('2B'),
        partner: politie,
        deadlineText: '1 maart',
        persons: ['P-AAAA', 'P-BBBB'],
        plan: null,
        levels: ['groep', 'persoon'],
      },
      questions,
    );
    const item = spec.sections.flatMap((x) => x.items).find((i) => i.questionId === '2B.eigen_registraties');
    expect(item).toMatchObject({ type: 'paragraph', subjects: ['P-AAAA', 'P-BBBB'] });
    // Without it, the default police form stays minimal.
    expect(partnerQuestions(CATALOG, politie, '2B', true).map((q) => q.id)).not.toContain(
      '2B.eigen_registraties',
    );
  });
});
