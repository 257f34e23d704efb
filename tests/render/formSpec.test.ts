/**
 * Short forms (issue 6): a person question is one grid or one text with a line per code, help
 * that holds for every person is said once, titles never nest brackets and every form says how
 * long it takes. Pure.
 */
import { describe, expect, it } from 'vitest';
import { DUIDING_HELP, PER_PERSON_HELP } from '../../src/model/catalog/shared';
import type { Partner, Plan, Question, StepId } from '../../src/model/types';
import { STEP_IDS } from '../../src/model/types';
import { formMinutes, itemSeconds } from '../../src/render/formDuration';
import {
  expandItemAnswer,
  parseItemKey,
  personsItemKey,
  splitPerCode,
  subjectsOfKey,
} from '../../src/render/formItemKey';
import {
  buildFormSpec,
  type FormContext,
  flattenBrackets,
  formStepLabel,
  hasNestedBrackets,
  specItemCount,
} from '../../src/render/formSpec';

const CODES = ['P-AAAA', 'P-BBBB', 'P-CCCC'];

const partner: Partner = {
  id: 'politie',
  organisation: 'Politie (basisteam (Oost))',
  kind: 'politie',
  contactName: 'x',
  email: 'p@x.example',
  steps: ['2B', '3'],
  levels: ['groep', 'persoon'],
  active: true,
  convenantSigned: '2025-09-01',
};

function ctx(over: Partial<FormContext> = {}): FormContext {
  return {
    caseCode: 'JGA-2026-001',
    step: '2B',
    round: 1,
    stepLabel: formStepLabel('2B'),
    partner,
    deadlineText: '1 maart 2026',
    persons: CODES,
    plan: null,
    levels: ['groep', 'persoon'],
    ...over,
  };
}

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
  id,
  step: '2B',
  kinds: ['politie'],
  level: 'persoon',
  theme: 'persoon',
  type,
  title: `Vraag ${id}`,
  repeat: 'per_person',
  source: 'I',
  ...extra,
});

const choice = q('2B.p.keuze', 'choice', { choices: ['Ja', 'Nee'], help: 'Eigen hulp keuze.' });
const boxes = q('2B.p.vakjes', 'checkboxes', { choices: ['A', 'B', 'C'] });
const scale = q('2B.p.schaal', 'scale', { scale: { min: 1, max: 4, minLabel: 'laag', maxLabel: 'hoog' } });
const text = q('2B.p.tekst', 'paragraph', { help: 'Kort.' });
const date = q('2B.p.datum', 'date');
const own = q('2B.p.eigen', 'paragraph', { ownBox: true, help: 'Per code een eigen vak.' });
const once = (id: string, help: string): Question => ({
  id,
  step: '2B',
  kinds: ['politie'],
  level: 'groep',
  theme: 'duiding',
  type: 'grid',
  title: `Raster ${id}`,
  rows: ['a', 'b'],
  choices: ['0', '1'],
  help,
  source: 'I',
});

describe('person questions as grids and texts per code', () => {
  const spec = buildFormSpec(ctx(), [choice, boxes, scale, text, date]);
  const items = spec.sections.flatMap((s) => s.items);

  it('makes one grid per choosing question: rows are the codes, columns the choices', () => {
    const grid = items.find((i) => i.questionId === choice.id)!;
    expect(grid).toMatchObject({ type: 'grid', rows: CODES, choices: ['Ja', 'Nee'], subjects: CODES });
    expect(grid.key).toBe(`${choice.id}|[P-AAAA,P-BBBB,P-CCCC]`);
    expect(items.find((i) => i.questionId === boxes.id)).toMatchObject({
      type: 'checkbox_grid',
      rows: CODES,
    });
    const s = items.find((i) => i.questionId === scale.id)!;
    expect(s).toMatchObject({ type: 'grid', choices: ['1', '2', '3', '4'] });
    expect(s.help).toContain('1 = laag');
  });

  it('puts free text in one section "Toelichting per persoon", one item per question, codes in the header', () => {
    const section = spec.sections.find((s) => s.title === 'Toelichting per persoon')!;
    expect(section.items.map((i) => [i.questionId, i.type])).toEqual([
      [text.id, 'paragraph'],
      [date.id, 'paragraph'],
    ]);
    for (const c of CODES) expect(section.description).toContain(c);
    expect(section.items.every((i) => i.subjects?.length === 3)).toBe(true);
  });

  it('gives a question marked as needing its own box one box per code, in its own section', () => {
    const s = buildFormSpec(ctx(), [choice, own]);
    const section = s.sections.find((x) => x.items.some((i) => i.questionId === own.id))!;
    expect(section.title).toBe(own.title);
    expect(section.description).toContain('Per code een eigen vak.');
    expect(section.items.map((i) => [i.key, i.title, i.help])).toEqual(
      CODES.map((c) => [`${own.id}|${c}`, c, '']),
    );
  });

  it('says the help for every person once, in the header of the person questions', () => {
    const header = spec.sections.find((s) => s.title === 'Vragen per persoon')!;
    expect(header.description).toContain(PER_PERSON_HELP);
    const all = [
      spec.description,
      ...spec.sections.flatMap((s) => [s.description, ...s.items.map((i) => i.help)]),
    ];
    expect(all.filter((t) => t.includes(PER_PERSON_HELP))).toHaveLength(1);
    // The kind's own limit on person data is in the header too.
    const om = buildFormSpec(ctx({ partner: { ...partner, kind: 'om' } }), [choice]);
    expect(om.sections[1]?.description).toContain('samenvatting van lopende zaken');
  });

  it('counts as few items as questions, whatever the number of persons', () => {
    const many = Array.from({ length: 40 }, (_, i) => `P-${String(i).padStart(4, 'Z')}`);
    const big = buildFormSpec(ctx({ persons: many }), [choice, boxes, scale, text, date]);
    // 5 question items and 2 page breaks, as with 3 persons.
    expect(specItemCount(big)).toBe(7);
    expect(specItemCount(spec)).toBe(7);
  });

  it('asks nothing per person when the namenlijst is empty', () => {
    const none = buildFormSpec(ctx({ persons: [] }), [choice, text]);
    expect(none.sections).toHaveLength(1);
  });
});

describe('help said once per form', () => {
  it('moves a help block shared by several items to the header, and never repeats a text', () => {
    const a = once('2B.a', DUIDING_HELP);
    const b = once('2B.b', `Vergelijk met vroeger. ${DUIDING_HELP}`);
    const c = once('2B.c', 'Eigen tekst.');
    const d = once('2B.d', 'Eigen tekst.');
    const spec = buildFormSpec(ctx({ persons: [] }), [a, b, c, d]);
    const helps = spec.sections[0]!.items.map((i) => i.help);
    expect(helps).toEqual(['', 'Vergelijk met vroeger.', '', '']);
    expect(spec.description).toContain(DUIDING_HELP);
    expect(spec.description).toContain('Eigen tekst.');
    expect(spec.description.split(DUIDING_HELP)).toHaveLength(2);
  });

  it('keeps a help text on its item when only that item has it', () => {
    const spec = buildFormSpec(ctx({ persons: [] }), [once('2B.a', DUIDING_HELP)]);
    expect(spec.sections[0]!.items[0]!.help).toBe(DUIDING_HELP);
    expect(spec.description).not.toContain(DUIDING_HELP);
  });

  it('states a per-action help once, on the first action, and gives every action its own header', () => {
    const status: Question = {
      id: '6.actie.status',
      step: '6',
      kinds: 'all',
      level: 'groep',
      theme: 'monitoring',
      type: 'choice',
      repeat: 'per_action',
      title: 'Status?',
      help: 'Vertraagd of gestopt: licht toe.',
      choices: ['Loopt', 'Gestopt'],
      source: 'I',
    };
    const plan: Plan = {
      version: 1,
      goals: [
        {
          id: 'D1',
          text: 'Minder overlast',
          indicator: 'Meldingen',
          baseline: 20,
          target: 10,
          measureDate: '2026-12-31',
        },
      ],
      actions: ['A1', 'A2', 'A3'].map((id) => ({
        id,
        spoor: 'groep' as const,
        text: `Actie (met (haakjes)) ${id}`,
        goalId: 'D1',
        owner: 'politie',
        start: '2026-01-05',
        frequency: 'wekelijks',
        deadline: '2026-06-01',
      })),
      criteria: [{ id: 'C1', text: 'Geen overlast meer' }],
      evaluationDate: '2026-12-31',
    };
    const spec = buildFormSpec(ctx({ step: '6', persons: [], plan }), [status]);
    const sections = spec.sections.slice(1);
    expect(sections.map((s) => s.items[0]!.help)).toEqual(['Vertraagd of gestopt: licht toe.', '', '']);
    expect(new Set(sections.map((s) => s.description)).size).toBe(3);
    for (const s of sections) expect(hasNestedBrackets(s.title), s.title).toBe(false);
  });
});

describe('monitoring per goal', () => {
  it("asks the indicator's current value only of the goal's owner, with nulmeting and streefwaarde in the header", () => {
    const value: Question = {
      id: '6.doel.waarde',
      step: '6',
      kinds: 'all',
      level: 'groep',
      theme: 'monitoring',
      type: 'text',
      repeat: 'per_own_goal',
      title: 'Waarde?',
      source: 'I',
    };
    const goal = { text: 'Doel', indicator: 'Meldingen per maand', measureDate: '2026-12-31' };
    const plan: Plan = {
      version: 1,
      goals: [
        { ...goal, id: 'D1', baseline: 24, target: 12 },
        { ...goal, id: 'D2', baseline: 2.5, target: 1, owner: 'jongerenwerk' },
        { ...goal, id: 'D3', baseline: 5, target: 10, owner: 'politie' },
      ],
      actions: ['D1', 'D2'].map((goalId, i) => ({
        id: `A${i + 1}`,
        spoor: 'groep' as const,
        text: 'Actie',
        goalId,
        owner: 'politie',
        start: '2026-01-05',
        frequency: 'wekelijks',
        deadline: '2026-06-01',
      })),
      criteria: [{ id: 'C1', text: 'Geen overlast meer' }],
      evaluationDate: '2026-12-31',
    };
    const spec = buildFormSpec(ctx({ step: '6', persons: [], plan }), [value]);
    const items = spec.sections.flatMap((s) => s.items);
    // D1 through its first action's owner, D3 by name; D2 belongs to the jongerenwerk.
    expect(items.map((i) => i.key)).toEqual(['6.doel.waarde|D1', '6.doel.waarde|D3']);
    expect(spec.sections[1]!.description).toContain(
      'Indicator: Meldingen per maand. Nulmeting 24, streefwaarde 12',
    );
  });
});

describe('evaluation against the afschaalcriteria (step 7)', () => {
  const criterion: Question = {
    id: '7.afschaalcriterium',
    step: '7',
    kinds: 'all',
    level: 'groep',
    theme: 'evaluatie',
    type: 'choice',
    repeat: 'per_criterion',
    title: 'Voldaan?',
    help: 'Oordeel zelf.',
    choices: ['Ja', 'Deels', 'Nee'],
    source: 'I',
  };
  const plan = (criteria: Plan['criteria']): Plan => ({
    version: 2,
    goals: [
      {
        id: 'D1',
        text: 'Minder overlast',
        indicator: 'Meldingen',
        baseline: 20,
        target: 10,
        measureDate: '2026-09-01',
      },
    ],
    actions: [],
    criteria,
    evaluationDate: '2026-10-30',
  });

  it('asks about every criterion of the plan in one grid: a row per criterion, stored per criterion id', () => {
    const p = plan([
      { id: 'C1', text: 'Overlast (meldingen (politie)) onder de streefwaarde' },
      { id: 'C2', text: 'Zorg overgedragen' },
    ]);
    const spec = buildFormSpec(ctx({ step: '7', persons: CODES, plan: p }), [criterion]);
    const section = spec.sections.find((x) => x.title === 'Afschaalcriteria uit het plan van aanpak');
    expect(section?.items).toHaveLength(1);
    const grid = section!.items[0]!;
    expect(grid).toMatchObject({
      key: '7.afschaalcriterium|[C1,C2]',
      type: 'grid',
      subjects: ['C1', 'C2'],
      rows: ['C1: Overlast (meldingen, politie) onder de streefwaarde', 'C2: Zorg overgedragen'],
      choices: ['Ja', 'Deels', 'Nee'],
    });
    expect(specItemCount(spec)).toBe(2);
    // Read back row by row onto the criterion ids.
    expect(expandItemAnswer(grid.key, ['Ja', ''], criterion)).toEqual([
      { questionId: '7.afschaalcriterium', subject: 'C1', value: 'Ja' },
    ]);
  });

  it('asks nothing about criteria without a plan or when the plan has none', () => {
    for (const p of [null, plan([])]) {
      const spec = buildFormSpec(ctx({ step: '7', persons: [], plan: p }), [criterion]);
      expect(spec.sections.flatMap((x) => x.items)).toEqual([]);
    }
  });
});

describe('titles and description', () => {
  it('flattens brackets inside brackets', () => {
    expect(flattenBrackets('Stap 2B (Beoordelen (2B: namenlijst))')).toBe(
      'Stap 2B (Beoordelen, 2B: namenlijst)',
    );
    expect(flattenBrackets('a [b (c)] d')).toBe('a [b, c] d');
    expect(flattenBrackets('geen haakjes')).toBe('geen haakjes');
    expect(hasNestedBrackets('a (b) (c)')).toBe(false);
    expect(hasNestedBrackets('a (b (c))')).toBe(true);
  });

  it('labels every step without nested brackets, in both namings', () => {
    for (const step of STEP_IDS as readonly StepId[]) {
      for (const naming of ['2023', '2016'] as const) {
        expect(hasNestedBrackets(formStepLabel(step, naming)), `${step} ${naming}`).toBe(false);
      }
    }
    expect(formStepLabel('2A')).toBe('2A (Beoordelen groepsgedrag, groepsniveau)');
  });

  it('never nests brackets in the form title, even for an organisation name with brackets', () => {
    const spec = buildFormSpec(ctx({ round: 2 }), [choice]);
    expect(hasNestedBrackets(spec.title)).toBe(false);
    expect(spec.title).toContain('ronde 2');
  });

  it('opens the description with how long it takes, from the item kinds', () => {
    const spec = buildFormSpec(ctx(), [choice, text]);
    const minutes = formMinutes(spec.sections);
    expect(spec.description.split('\n')[0]).toBe(`Invullen duurt ongeveer ${minutes} minuten.`);
    const grid = spec.sections.flatMap((s) => s.items).find((i) => i.type === 'grid')!;
    const para = spec.sections.flatMap((s) => s.items).find((i) => i.type === 'paragraph')!;
    // A grid costs per row, a text per code line: more persons, more time.
    expect(itemSeconds(grid)).toBe(15 + 3 * 8);
    expect(itemSeconds(para)).toBe(90 + 3 * 20);
    expect(formMinutes(spec.sections)).toBe(Math.ceil((39 + 150) / 60));
    const single = buildFormSpec(ctx({ persons: [] }), [once('2B.a', '')]);
    expect(single.description.split('\n')[0]).toBe('Invullen duurt ongeveer 1 minuut.');
  });
});

describe('item keys and answers per code', () => {
  it('builds and reads keys for one subject, several codes and none', () => {
    const key = personsItemKey('3.p.pmm', CODES);
    expect(parseItemKey(key)).toEqual({ questionId: '3.p.pmm', subjects: CODES });
    expect(parseItemKey('6.actie.status|A1')).toEqual({ questionId: '6.actie.status', subject: 'A1' });
    expect(parseItemKey('1.omvang')).toEqual({ questionId: '1.omvang' });
    expect(subjectsOfKey(key)).toEqual(CODES);
    expect(subjectsOfKey('2B.p.bron|P-AAAA')).toEqual(['P-AAAA']);
    expect(subjectsOfKey('1.omvang')).toEqual([]);
  });

  it('reads a grid row by row onto its code, skipping unanswered rows', () => {
    const key = personsItemKey('2B.p.keuze', CODES);
    expect(expandItemAnswer(key, ['Ja', '', 'Nee'], choice)).toEqual([
      { questionId: '2B.p.keuze', subject: 'P-AAAA', value: 'Ja' },
      { questionId: '2B.p.keuze', subject: 'P-CCCC', value: 'Nee' },
    ]);
    expect(expandItemAnswer(key, [['A', 'B'], [], ['C']], boxes)).toEqual([
      { questionId: '2B.p.keuze', subject: 'P-AAAA', value: 'A; B' },
      { questionId: '2B.p.keuze', subject: 'P-CCCC', value: 'C' },
    ]);
  });

  it('reads a text line by line onto its code, keeps what belongs to no code', () => {
    const key = personsItemKey('2B.p.tekst', CODES);
    const raw =
      'Algemeen vooraf.\nP-AAAA: kern\n  en leider\n- p-bbbb - meeloper\nP-CCCC en P-AAAA: samen gezien\nP-CCCC: los\nP-DDDD: onbekende code';
    expect(expandItemAnswer(key, raw, text)).toEqual([
      { questionId: '2B.p.tekst', subject: 'P-AAAA', value: 'kern\nen leider\nsamen gezien' },
      { questionId: '2B.p.tekst', subject: 'P-BBBB', value: 'meeloper' },
      { questionId: '2B.p.tekst', subject: 'P-CCCC', value: 'samen gezien\nlos\nP-DDDD: onbekende code' },
      { questionId: '2B.p.tekst', value: 'Algemeen vooraf.' },
    ]);
    expect(splitPerCode('P-AAAAB: geen code van ons', CODES).byCode.size).toBe(0);
  });

  it('reads keys of forms made before grids as before', () => {
    expect(expandItemAnswer('2B.p.keuze|P-AAAA', 'Ja', choice)).toEqual([
      { questionId: '2B.p.keuze', subject: 'P-AAAA', value: 'Ja' },
    ]);
  });
});
