/**
 * Recording a gate decision (workflow/decide.ts): what is refused and with which Dutch message, the
 * forms the gate closes (also one that is gone), and a plan van aanpak given with the decision.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/local/demo/loadScenario';
import type { LocalAppsScript } from '../../src/local/harness';
import { HOLDS_NAME } from '../../src/model/names';
import { PLAN_HEADERS, PLAN_SHEET } from '../../src/model/planSheet';
import { isoDate } from '../../src/model/time';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { type DecisionInput, recordDecision } from '../../src/workflow/decide';
import { addPersons } from '../../src/workflow/persons';
import { DECISIONS, FORMS, LOG, PLAN } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable, replaceTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import {
  ADVICE,
  decideGate,
  freshLocalCase,
  PARTNERS,
  PERSONS,
  play,
  scoreVandalismInDuiding,
  withPartnerSteps,
} from './helpers';

const BY = 'regie@testdorp.example';

/** The message of what `fn` throws ('' when it throws nothing). */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('een besluit in stap 1', () => {
  let local: LocalAppsScript;
  afterEach(() => local.dispose());
  function fresh(): CaseHandle {
    const f = freshLocalCase();
    local = f.local;
    return f.h;
  }
  const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
  const step1 = (outcome: string, extra: Partial<DecisionInput> = {}): DecisionInput => ({
    step: '1',
    round: 1,
    outcome,
    motivation: 'Besproken in het overleg.',
    decidedBy: 'partneroverleg',
    date: '2026-01-12',
    ...extra,
  });
  const plan = {
    goals: [
      {
        id: 'D1',
        text: 'Minder overlast',
        indicator: 'Meldingen per maand',
        baseline: 20,
        target: 10,
        measureDate: '2026-12-31',
      },
    ],
    actions: [],
    criteria: [],
    evaluationDate: '2026-12-31',
  };

  it('weigert een plan van aanpak bij een uitkomst die er geen neemt, en een besluit dat niet past bij de stap', () => {
    const h = fresh();
    expect(refusal(() => recordDecision(reopen(h), step1('verder_verkennen', { plan }), BY))).toBe(
      'Bij het besluit "Verder verkennen" hoort geen (nieuw) plan van aanpak.',
    );
    // An outcome the step does not know is named by its key (and refused without a crash).
    expect(() => recordDecision(reopen(h), step1('onzin', { plan }), BY)).toThrow(
      new UserError('Bij het besluit "onzin" hoort geen (nieuw) plan van aanpak.'),
    );
    // The werkproces refuses a decision on a step that is not the current one: a Dutch UserError.
    expect(() => recordDecision(reopen(h), { ...step1('gereed'), step: '3' }, BY)).toThrow(UserError);
    expect(readTable(h.ss, DECISIONS)).toEqual([]);
    expect(readTable(h.ss, PLAN)).toEqual([]);
  });

  it('sluit bij de poort ook een formulier dat weg is, maar wacht als een open formulier niet te sluiten is', () => {
    const h = fresh();
    startStep(h);
    const forms = readTable(h.ss, FORMS);
    const politie = forms.find((f) => f.partnerId === 'politie')!;
    local.rt.deleteEntry(politie.formId);
    // Still "open" in the ledger: closing it fails, the decision is not recorded.
    expect(() => recordDecision(reopen(h), step1('verder_verkennen'), BY)).toThrow();
    expect(readTable(h.ss, DECISIONS)).toEqual([]);
    // Known to be gone: nothing to close, the gate goes through and the ledger says gesloten.
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) =>
        f.formKey === politie.formKey ? { ...f, status: 'ontbreekt' as const } : f,
      ),
    );
    const after = recordDecision(reopen(h), step1('verder_verkennen'), BY);
    expect(after.step).toBe('2A');
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['gesloten', 'gesloten', 'gesloten']);
    expect(readTable(h.ss, LOG).find((l) => l.event === 'formulieren gesloten')?.detail).toBe(
      '3 formulier(en) van stap 1',
    );
  });

  it('noemt elk veld met een naam uit de namenlijst op een eigen regel, zonder de naam', () => {
    const h = fresh();
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    addPersons(reopen(h), [{ naam: 'Ilse Fictief' }]);
    const message = refusal(() =>
      recordDecision(
        reopen(h),
        {
          step: '2B',
          round: 1,
          outcome: 'bevestigd',
          motivation: 'Vooral Ilse Fictief.',
          decidedBy: 'overleg met ilse fictief',
          date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        },
        BY,
      ),
    );
    expect(message).toBe(
      `Het besluit is niet vastgelegd.\nMotivatie: ${HOLDS_NAME}\nBesloten door: ${HOLDS_NAME}`,
    );
    expect(message).not.toMatch(/ilse|fictief/i);
  });
  it('legt vast wat besloten is, door wie en wanneer, en logt alleen het besluit als er geen formulier te sluiten was', () => {
    const h = fresh();
    local.rt.advance(3_600_000);
    const notes: string[] = [];
    const started = local.rt.now();
    recordDecision(
      reopen(h),
      step1('acuut', { acuteReason: 'Dreiging bij de school.', directions: 'Politie houdt toezicht.' }),
      BY,
      notes,
    );
    expect(notes).toEqual([]);
    expect(readTable(h.ss, DECISIONS)).toEqual([
      {
        step: '1',
        round: 1,
        outcome: 'acuut',
        motivation: 'Besproken in het overleg.',
        decidedBy: 'partneroverleg',
        date: '2026-01-12',
        route: '',
        acuteReason: 'Dreiging bij de school.',
        directions: 'Politie houdt toezicht.',
        recordedAt: expect.any(Number),
        recordedBy: BY,
      },
    ]);
    // Recorded at the moment of recording (the simulated clock moves with every call).
    const recordedAt = readTable(h.ss, DECISIONS)[0]!.recordedAt;
    expect(recordedAt).toBeGreaterThanOrEqual(started);
    expect(recordedAt).toBeLessThanOrEqual(local.rt.now());
    const gate = new Set(['besluit', 'formulieren gesloten', 'plan van aanpak']);
    expect(
      readTable(h.ss, LOG)
        .filter((l) => gate.has(l.event))
        .map((l) => [l.event, l.detail]),
    ).toEqual([['besluit', 'stap 1 ronde 1: acuut (partneroverleg, 2026-01-12)']]);
  });

  it('een afsluiting met twee vervolgroutes bewaart ze allebei; zonder reden of aanwijzingen blijven die leeg', () => {
    const h = fresh();
    recordDecision(reopen(h), step1('niet_verder', { routes: ['zorgmelding', 'reguliere_inzet'] }), BY);
    expect(readTable(h.ss, DECISIONS).map((d) => [d.route, d.acuteReason, d.directions])).toEqual([
      ['zorgmelding,reguliere_inzet', '', ''],
    ]);
  });

  it('een besluit dat de casus openhoudt, meldt niets over brieven of de namenlijst', () => {
    const h = fresh();
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    addPersons(reopen(h), [{ naam: 'Ilse Fictief' }]);
    const notes: string[] = [];
    recordDecision(
      reopen(h),
      { ...step1('bevestigd'), step: '2B', date: isoDate(local.rt.now(), 'Europe/Amsterdam') },
      BY,
      notes,
    );
    expect(notes).toEqual([]);
    expect(reopen(h).row.namesId).not.toBe('');
  });
  it('een poort sluit alleen de formulieren van haar eigen stap en ronde, met een melding voor wie het nog opent', () => {
    const h = fresh();
    startStep(h);
    decideGate(local, h, '1', 'verder_verkennen');
    startStep(reopen(h));
    // Open again in the ledger: a form of step 1, at the gate of step 2A in the same round.
    const step1Form = readTable(h.ss, FORMS).find((f) => f.step === '1')!.formKey;
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => (f.formKey === step1Form ? { ...f, status: 'open' as const } : f)),
    );
    decideGate(local, h, '2A', 'meer_informatie');
    expect(readTable(h.ss, FORMS).find((f) => f.formKey === step1Form)!.status).toBe('open');
    startStep(reopen(h));
    // Then also one of round 1 of step 2A, at the gate of round 2.
    const forms = readTable(h.ss, FORMS);
    const other = [forms.find((f) => f.step === '1')!.formKey, forms.find((f) => f.step === '2A')!.formKey];
    replaceTable(
      h.ss,
      FORMS,
      forms.map((f) => (other.includes(f.formKey) ? { ...f, status: 'open' as const } : f)),
    );
    recordDecision(
      reopen(h),
      { ...step1('problematisch'), step: '2A', round: 2, date: isoDate(local.rt.now(), 'Europe/Amsterdam') },
      BY,
    );
    const after = readTable(h.ss, FORMS);
    expect(after.filter((f) => other.includes(f.formKey)).map((f) => f.status)).toEqual(['open', 'open']);
    const round2 = after.filter((f) => f.step === '2A' && f.round === 2);
    expect(round2.map((f) => f.status)).toEqual(['gesloten', 'gesloten', 'gesloten']);
    expect(FormApp.openById(round2[0]!.formId).getCustomClosedFormMessage()).toBe(
      `Deze uitvraag voor casus ${h.row.code} is afgesloten. Neem contact op met de procesregisseur als u nog iets wilt melden.`,
    );
  });
});

describe('een plan van aanpak dat met het besluit wordt meegegeven (stap 5)', () => {
  let p: Played;
  const decide = (step: string, outcome: string, day = 11) => ({
    step,
    startOn: '',
    decision: { day, outcome, motivation: 'Besproken in het overleg.', decidedBy: 'procesregisseur' },
  });
  beforeAll(() => {
    const parsed = parseScenario({
      name: 'tot stap 5',
      settings: {
        gemeente: 'Testdorp',
        coordinatorEmail: BY,
        driehoekEmails: 'burgemeester@testdorp.example',
        retentionMonths: 12,
      },
      partners: PARTNERS,
      persons: PERSONS,
      steps: [
        { ...decide('1', 'verder_verkennen'), startOn: '2026-01-12' },
        { ...decide('2A', 'problematisch'), startOn: '2026-02-02' },
        { ...decide('2B', 'bevestigd'), startOn: '2026-02-23' },
        { ...decide('3', 'gereed'), startOn: '2026-03-16' },
        { ...decide('4', 'geprioriteerd'), startOn: '2026-04-06', advice: ADVICE },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    p = play(parsed.scenario);
  });
  afterAll(() => p.local.dispose());

  const handle = () => openCase(openRegister(), p.result.caseHandle.row.code);
  const goal = (id: string, extra = {}) => ({
    id,
    text: 'Minder overlast bij het winkelcentrum',
    indicator: 'Meldingen per maand',
    baseline: 20,
    target: 10,
    measureDate: '2026-12-31',
    ...extra,
  });
  const action = (id: string, owner: string, goalId = 'D1') => ({
    id,
    spoor: 'domein' as const,
    text: `Actie ${id}`,
    goalId,
    owner,
    start: '2026-05-01',
    frequency: 'wekelijks',
    deadline: '2026-06-30',
  });
  const withPlan = (plan: DecisionInput['plan']): DecisionInput => ({
    step: '5',
    round: 1,
    outcome: 'vastgesteld',
    motivation: 'Vastgesteld in het partneroverleg.',
    decidedBy: 'partneroverleg',
    date: isoDate(p.local.rt.now(), 'Europe/Amsterdam'),
    plan,
  });
  const criteria = [{ id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' }];

  it('weigert een plan dat niet klopt of een eigenaar die niet in de tab Partners staat', () => {
    const unknown = refusal(() =>
      recordDecision(
        handle(),
        withPlan({
          goals: [goal('D1', { owner: 'niemand' })],
          actions: [action('A1', 'politie'), action('A2', 'ook-niemand')],
          criteria,
          evaluationDate: '2026-12-31',
        }),
        BY,
      ),
    );
    expect(unknown).toBe(
      'Plan van aanpak: onbekende eigenaar "niemand" bij doel D1, "ook-niemand" bij actie A2; gebruik de sleutel uit de tab Partners.',
    );
    const invalid = refusal(() =>
      recordDecision(
        handle(),
        withPlan({
          goals: [goal('D1', { measureDate: 'ooit' })],
          actions: [{ ...action('A1', 'politie'), deadline: 'straks' }],
          criteria,
          evaluationDate: '2026-12-31',
        }),
        BY,
      ),
    );
    const lines = invalid.split('\n');
    expect(lines[0]).toBe('Plan van aanpak klopt niet:');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(readTable(handle().ss, PLAN)).toEqual([]);
  });

  it('weigert doelen en acties van een eigenaar die niet aan stap 6 meedoet, en noemt ze allemaal', () => {
    const message = withPartnerSteps('boa', '1, 2A, 3', () =>
      refusal(() =>
        recordDecision(
          handle(),
          withPlan({
            goals: [goal('D1', { owner: 'boa' }), goal('D2', { owner: 'politie' })],
            actions: [action('A1', 'politie'), action('A2', 'boa', 'D2')],
            criteria,
            evaluationDate: '2026-12-31',
          }),
          BY,
        ),
      ),
    );
    expect(
      message.startsWith('Plan van aanpak: D1 (boa), A2 (boa) — de eigenaar doet niet (actief) mee'),
    ).toBe(true);
    expect(readTable(handle().ss, PLAN)).toEqual([]);
  });

  it('legt een kloppend plan vast als versie 1: een doel zonder eigenaar krijgt die van zijn eerste actie', () => {
    startStep(handle());
    const h = handle();
    const forms = readTable(h.ss, FORMS);
    const ofStep = forms.filter((f) => f.step === '5');
    expect(ofStep.length).toBeGreaterThan(1);
    // One form of the step was already closed (an earlier, interrupted attempt): it keeps its time.
    const early = ofStep[0]!;
    replaceTable(
      h.ss,
      FORMS,
      forms.map((f) =>
        f.formKey === early.formKey ? { ...f, status: 'gesloten' as const, closedAt: 1 } : f,
      ),
    );
    p.local.rt.advance(3600_000);
    const state = recordDecision(
      handle(),
      withPlan({
        goals: [
          goal('D1'),
          goal('D2', { owner: 'jongerenwerk', baselineFrom: 'duiding: Overlast' }),
          goal('D3'),
        ],
        actions: [action('A1', 'jongerenwerk', 'D2'), action('A2', 'politie'), action('A3', 'boa')],
        criteria,
        evaluationDate: '2026-11-30',
      }),
      BY,
    );
    expect(state.step).toBe('6');
    const rows = readTable(handle().ss, PLAN);
    expect(rows.filter((r) => r.kind === 'doel').map((r) => `${r.id}:${r.owner}:${r.baselineFrom}`)).toEqual([
      'D1:politie:',
      'D2:jongerenwerk:duiding: Overlast',
      'D3::',
    ]);
    expect(rows.find((r) => r.kind === 'evaluatie')).toMatchObject({
      version: 1,
      id: 'Evaluatie',
      deadline: '2026-11-30',
    });
    expect(readTable(handle().ss, FORMS).find((f) => f.formKey === early.formKey)!.closedAt).toBe(1);
    const log = readTable(handle().ss, LOG).slice(-10);
    expect(log.filter((l) => l.event === 'plan van aanpak').map((l) => l.detail)).toEqual([
      'versie 1 vastgelegd',
    ]);
    expect(log.filter((l) => l.event === 'formulieren gesloten').at(-1)?.detail).toBe(
      `${ofStep.length - 1} formulier(en) van stap 5`,
    );
  });
  it('"bijstellen" met een lege nulmeting: overgenomen uit de duiding, gemeld aan wie besluit en in het logboek', () => {
    // After the plan was fixed (previous test): two partners scored "Vernieling" in the duiding of step 3.
    const h = handle();
    expect(h.row.step).toBe('6');
    scoreVandalismInDuiding(h, p.local.rt.now());
    // Goal D1 (row 3) now measures vandalism, its nulmeting left empty.
    const tab = h.ss.getSheetByName(PLAN_SHEET)!;
    tab
      .getRange(3, PLAN_HEADERS.indexOf('Indicator') + 1, 1, 2)
      .setValues([['Vernieling bij de speeltuin', '']]);
    // Goal D3 (row 5) had no owner and no action; the tab asks for one.
    tab.getRange(5, PLAN_HEADERS.indexOf('Eigenaar') + 1).setValue('politie');
    const notes: string[] = [];
    const logged = readTable(h.ss, LOG).length;
    recordDecision(
      handle(),
      {
        step: '6',
        round: 1,
        outcome: 'bijstellen',
        motivation: 'Bijgesteld in het partneroverleg.',
        decidedBy: 'procesregisseur',
        date: isoDate(p.local.rt.now(), 'Europe/Amsterdam'),
      },
      BY,
      notes,
    );
    const note = `${PLAN_SHEET}!K3: nulmeting van doel D1 overgenomen uit de duiding: "Vernieling", gemiddelde van 2 scores op de schaal 0–3 (2,5)`;
    expect(notes).toEqual([note]);
    const log = readTable(handle().ss, LOG).slice(logged);
    expect(log.filter((l) => l.event === 'plan van aanpak').map((l) => l.detail)).toEqual([
      'versie 2 vastgelegd',
      note,
    ]);
    expect(
      readTable(handle().ss, PLAN)
        .filter((r) => r.version === 2 && r.kind === 'doel')
        .map((r) => `${r.id}:${r.baseline}`),
    ).toEqual(['D1:2.5', 'D2:20', 'D3:20']);
  });
  it('"bijstellen" met een lege tab houdt het geldende plan', () => {
    const h = handle();
    const tab = h.ss.getSheetByName(PLAN_SHEET)!;
    // Every goal, action and criterion row emptied; the evaluation row (the last) stays.
    expect(tab.getRange(tab.getLastRow(), 1).getValue()).toBe('Evaluatie');
    tab.getRange(3, 1, tab.getLastRow() - 3, PLAN_HEADERS.length).clearContent();
    const versions = readTable(h.ss, PLAN).length;
    const notes: string[] = [];
    recordDecision(
      handle(),
      {
        step: '6',
        round: 2,
        outcome: 'bijstellen',
        motivation: 'Nog niets bijgesteld.',
        decidedBy: 'procesregisseur',
        date: isoDate(p.local.rt.now(), 'Europe/Amsterdam'),
      },
      BY,
      notes,
    );
    expect(notes).toEqual([]);
    expect(readTable(handle().ss, PLAN)).toHaveLength(versions);
    expect(readTable(handle().ss, DECISIONS).at(-1)).toMatchObject({
      step: '6',
      round: 2,
      outcome: 'bijstellen',
    });
  });
});
