import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/local/demo/loadScenario';
import { PLAN_HEADERS, PLAN_SHEET } from '../../src/model/planSheet';
import { isoDate } from '../../src/model/time';
import { plansFrom } from '../../src/workflow/assemble';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { itemMapOf } from '../../src/workflow/formKey';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, PERSONS as PERSON_TABLE, PLAN } from '../../src/workflow/records';
import { QUESTIONS_SHEET } from '../../src/workflow/registerTabs';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { ADVICE, fillRequired, PARTNERS, PERSONS, play, withPartnerSteps } from './helpers';

let p: Played;
const decide = (step: string, outcome: string, day = 11) => ({
  step,
  startOn: '',
  decision: { day, outcome, motivation: 'Besproken in het overleg.', decidedBy: 'procesregisseur' },
});

beforeAll(() => {
  const steps = [
    { ...decide('1', 'verder_verkennen'), startOn: '2026-01-12' },
    { ...decide('2A', 'problematisch'), startOn: '2026-02-02' },
    { ...decide('2B', 'bevestigd'), startOn: '2026-02-23' },
    { ...decide('3', 'gereed'), startOn: '2026-03-16' },
    { ...decide('4', 'geprioriteerd'), startOn: '2026-04-06', advice: ADVICE },
  ];
  const parsed = parseScenario({
    name: 'tot stap 5',
    settings: {
      gemeente: 'Testdorp',
      coordinatorEmail: 'regie@testdorp.example',
      driehoekEmails: 'burgemeester@testdorp.example',
      retentionMonths: 12,
    },
    partners: PARTNERS,
    persons: PERSONS,
    steps,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  p = play(parsed.scenario);
});
afterAll(() => p.local.dispose());

const handle = () => openCase(openRegister(), p.result.caseHandle.row.code);
/** A decision dated today on the emulated clock (a day later each time). */
const decision = (step: '5' | '6', outcome: string, round = 1) => {
  p.local.rt.advance(24 * 3600 * 1000);
  return {
    step,
    round,
    outcome,
    motivation: 'Vastgesteld in het partneroverleg.',
    decidedBy: 'partneroverleg',
    date: isoDate(p.local.rt.now(), 'Europe/Amsterdam'),
  };
};

type Cells = Partial<Record<(typeof PLAN_HEADERS)[number], string>>;
/** One tab row by column name (`Nr`, `Eigenaar`, ...). */
const row = (cells: Cells) => PLAN_HEADERS.map((h) => cells[h] ?? '');
const goal = (nr: string, extra: Cells = {}) =>
  row({
    Nr: nr,
    Omschrijving: 'Minder overlast bij het winkelcentrum',
    Indicator: 'Meldingen per maand',
    Nulmeting: '20',
    Streefwaarde: '10',
    Meetdatum: '2026-12-31',
    ...extra,
  });
const action = (nr: string, spoor: string, owner: string, extra: Cells = {}) =>
  row({
    Nr: nr,
    Spoor: spoor,
    Omschrijving: `Actie ${nr}`,
    Doel: 'D1',
    Eigenaar: owner,
    Start: '2026-05-01',
    Frequentie: 'wekelijks',
    Deadline: '2026-06-30',
    ...extra,
  });
const tail = [
  row({ Nr: 'C1', Omschrijving: 'Twee rondes op rij onder de streefwaarde' }),
  row({ Nr: 'Evaluatie', Deadline: '2026-12-31' }),
];

function writeTab(rows: string[][]) {
  const sh = handle().ss.getSheetByName(PLAN_SHEET)!;
  sh.getRange(3, 1, Math.max(sh.getLastRow() - 2, 1), PLAN_HEADERS.length).clearContent();
  sh.getRange(3, 1, rows.length, PLAN_HEADERS.length).setValues(
    rows.map((r) => r.map((c) => (c ? `'${c}` : ''))),
  );
}

describe('het plan van aanpak uit de casusspreadsheet', () => {
  it('stap 5 "vastgesteld" weigert een onvolledig plan en noemt de cel', () => {
    writeTab([
      goal('D1', { Nulmeting: '' }),
      action('A1', 'domein', 'onbekend', { Frequentie: '' }),
      row({ Nr: 'Evaluatie' }),
    ]);
    expect(() => recordDecision(handle(), decision('5', 'vastgesteld'), 'regie@testdorp.example')).toThrow(
      UserError,
    );
    let message = '';
    try {
      recordDecision(handle(), decision('5', 'vastgesteld'), 'regie@testdorp.example');
    } catch (e) {
      message = (e as Error).message;
    }
    // No duiding answers in this case: the nulmeting cannot be filled in.
    expect(message).toContain('Plan van aanpak!K3: Nulmeting ontbreekt bij doel D1');
    expect(message).toContain('Plan van aanpak!E4: onbekende eigenaar "onbekend"');
    expect(message).toContain('Plan van aanpak!G4: Frequentie ontbreekt bij actie A1');
    expect(message).toContain('Plan van aanpak!H5: Evaluatiedatum ontbreekt');
    expect(message).toContain('het plan heeft nog geen afschaalcriterium');
    expect(readTable(handle().ss, PLAN)).toEqual([]);
  });

  it('weigert een actie van een eigenaar die niet aan stap 6 meedoet: die actie zou nooit gevolgd worden', () => {
    withPartnerSteps('boa', '1, 2A, 3', () => {
      writeTab([goal('D1'), action('A1', 'domein', 'boa'), ...tail]);
      expect(() => recordDecision(handle(), decision('5', 'vastgesteld'), 'regie@testdorp.example')).toThrow(
        'A1 (boa) — de eigenaar doet niet (actief) mee aan stap 6',
      );
    });
  });

  it('legt een kloppend plan vast als versie 1 en vraagt in stap 6 alleen de eigenaar van een doel naar de indicator', () => {
    const code = readTable(handle().ss, PERSON_TABLE)[0]!.code;
    writeTab([
      goal('D1', { Eigenaar: 'jongerenwerk' }),
      action('A1', 'domein', 'politie'),
      action('A2', 'persoon', 'jongerenwerk', { Persoonscode: code, Deadline: '2026-07-15' }),
      ...tail,
    ]);
    const state = recordDecision(handle(), decision('5', 'vastgesteld'), 'regie@testdorp.example');
    expect(state.step).toBe('6');
    const plans = plansFrom(readTable(handle().ss, PLAN));
    expect(plans.map((x) => x.version)).toEqual([1]);
    expect(
      plans[0]!.actions.map((a) => `${a.id}:${a.owner}:${a.subject ?? ''}:${a.start}:${a.frequency}`),
    ).toEqual(['A1:politie::2026-05-01:wekelijks', `A2:jongerenwerk:${code}:2026-05-01:wekelijks`]);
    expect(plans[0]!.goals).toEqual([
      {
        id: 'D1',
        text: 'Minder overlast bij het winkelcentrum',
        indicator: 'Meldingen per maand',
        baseline: 20,
        target: 10,
        measureDate: '2026-12-31',
        owner: 'jongerenwerk',
      },
    ]);
    expect(plans[0]!.criteria).toEqual([{ id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' }]);
    expect(plans[0]!.evaluationDate).toBe('2026-12-31');
    const started = startStep(handle());
    expect(started.created.sort()).toEqual(['boa', 'jongerenwerk', 'politie']);
    const keysOf = (partner: string) =>
      Object.values(itemMapOf(readTable(handle().ss, FORMS).find((f) => f.formKey === `6#1#${partner}`)!));
    expect(keysOf('jongerenwerk')).toContain('6.doel.waarde|D1');
    expect(keysOf('politie').some((k) => k.startsWith('6.doel.waarde'))).toBe(false);
  });

  it('"bijstellen" maakt alleen een nieuwe versie als het plan in de tab echt is veranderd', () => {
    recordDecision(handle(), decision('6', 'bijstellen'), 'regie@testdorp.example');
    expect(plansFrom(readTable(handle().ss, PLAN)).map((x) => x.version)).toEqual([1]);
    const sh = handle().ss.getSheetByName(PLAN_SHEET)!;
    const kept = sh.getRange(3, 1, sh.getLastRow() - 2, PLAN_HEADERS.length).getValues();
    writeTab([action('A3', 'netwerk', 'politie'), ...tail]);
    // The goal is gone, so the change is refused.
    expect(() => recordDecision(handle(), decision('6', 'bijstellen', 2), 'regie@testdorp.example')).toThrow(
      'Plan van aanpak: het plan heeft nog geen doel',
    );
    writeTab([...kept.map((r) => r.map(String)), action('A3', 'netwerk', 'politie')]);
    recordDecision(handle(), decision('6', 'bijstellen', 2), 'regie@testdorp.example');
    const plans = plansFrom(readTable(handle().ss, PLAN));
    expect(plans.map((x) => x.version)).toEqual([1, 2]);
    expect(plans[1]!.actions.map((a) => a.id)).toEqual(['A1', 'A2', 'A3']);
  });
});

describe('een vraag verbergen nadat er al antwoorden zijn', () => {
  it('maakt bij de poort geen valse nieuwe versies van rasterantwoorden', () => {
    startStep(handle());
    const state = readTable(handle().ss, FORMS)
      .filter((f) => f.step === '6')
      .map((f) => Number(f.round));
    const round = Math.max(...state);
    const form = readTable(handle().ss, FORMS).find((f) => f.formKey === `6#${round}#politie`)!;
    fillRequired(p.local.rt, String(form.formId), 'stand van zaken', { all: true });
    reconcileCase(handle());
    const before = readTable(handle().ss, ANSWERS).filter((r) => r.formKey === form.formKey);
    expect(before.some((r) => r.questionId === '6.beeld')).toBe(true);
    // The coordinator hides the grid afterwards.
    const tab = openRegister().ss.getSheetByName(QUESTIONS_SHEET)!;
    const row =
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === '6.beeld') + 1;
    tab.getRange(row, 9).setValue("'ja");
    recordDecision(handle(), decision('6', 'doorgaan', round), 'regie@testdorp.example');
    const after = readTable(handle().ss, ANSWERS).filter((r) => r.formKey === form.formKey);
    expect(after.map((r) => r.version)).toEqual(before.map(() => 1));
  });
});
