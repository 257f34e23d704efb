/**
 * The read model every overview is built from (workflow/assemble.ts): decisions, plan versions
 * and answers as stored back into what the views show, and per form when the invitation went,
 * which reminders went, what went wrong and how many responses came. The privacy rule: what a
 * partner typed stays as given in the ledger, but every name of the namenlijst reaches the
 * other readers as the person's code, and the Logboek notes where that happened (once), never
 * the name nor the answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { type LocalAppsScript, startLocalAppsScript } from '../../src/local/harness';
import { CATALOG } from '../../src/model/catalog';
import { PartnerListSchema, SettingsSchema } from '../../src/model/configSchemas';
import type { AnswerRecord } from '../../src/render/caseView';
import { answersFrom, assembleView, latestAnswers, plansFrom, toDecision } from '../../src/workflow/assemble';
import type { CaseHandle, CaseRow } from '../../src/workflow/context';
import type { AnswerRow, DecisionRow, FormRow, OutboxRow } from '../../src/workflow/records';
import {
  ANSWERS,
  DECISIONS,
  FORMS,
  LOG,
  NAMES,
  OUTBOX,
  PERSONS,
  PLAN,
  QUARANTINE,
} from '../../src/workflow/records';
import { appendRows, ensureTable, readTable } from '../../src/workspace/tables';
import { formRow, PARTNERS, planRow, refusal } from './helpers';

const CODE = 'JGA-2026-001';
const NAME = 'Testpersoon Aardbei';

function decisionRow(over: Partial<DecisionRow> = {}): DecisionRow {
  return {
    step: '1',
    round: 1,
    outcome: 'verder_verkennen',
    motivation: 'Twee partners zien hetzelfde.',
    decidedBy: 'partneroverleg',
    date: '2026-01-26',
    route: '',
    directions: '',
    recordedAt: 0,
    recordedBy: 'regie@testdorp.example',
    acuteReason: '',
    ...over,
  };
}

function answerRow(
  formKey: string,
  responseId: string,
  version: number,
  submittedAt: number,
  value: string,
  over: Partial<AnswerRow> = {},
): AnswerRow {
  return {
    formKey,
    responseId,
    version,
    submittedAt,
    questionId: '1.locaties',
    subject: '',
    part: 0,
    value,
    grid: '',
    ...over,
  };
}

describe('assemble: besluiten zoals opgeslagen (toDecision)', () => {
  it('routes komma-gescheiden terug als lijst; acute reden en aanwijzingen alleen als ze er zijn', () => {
    expect(
      toDecision(
        decisionRow({
          step: '2A',
          outcome: 'niet_problematisch',
          route: 'lichte_interventie, zorgmelding,',
          directions: 'Eerst het jongerenwerk.',
          acuteReason: 'Wapenbezit gemeld.',
        }),
      ),
    ).toStrictEqual({
      step: '2A',
      round: 1,
      outcome: 'niet_problematisch',
      motivation: 'Twee partners zien hetzelfde.',
      decidedBy: 'partneroverleg',
      date: '2026-01-26',
      routes: ['lichte_interventie', 'zorgmelding'],
      acuteReason: 'Wapenbezit gemeld.',
      directions: 'Eerst het jongerenwerk.',
    });
    expect(toDecision(decisionRow())).toStrictEqual({
      step: '1',
      round: 1,
      outcome: 'verder_verkennen',
      motivation: 'Twee partners zien hetzelfde.',
      decidedBy: 'partneroverleg',
      date: '2026-01-26',
    });
  });
});

describe('assemble: versies van het plan van aanpak (plansFrom)', () => {
  it('oudste versie eerst, met doelen, acties, criteria en evaluatiedatum; lege velden blijven weg', () => {
    const plans = plansFrom([
      planRow(2, 'doel', 'D1', {
        indicator: 'meldingen per maand',
        baseline: 12,
        target: 4,
        measureDate: '2026-06-01',
        owner: 'politie',
        baselineFrom: 'duiding: Overlast',
      }),
      planRow(2, 'actie', 'A1', { spoor: 'persoon', goalId: 'D1', owner: 'jongerenwerk', subject: 'P1' }),
      planRow(2, 'criterium', 'C1'),
      planRow(2, 'evaluatie', '', { deadline: '2026-07-01' }),
      planRow(1, 'doel', 'D1', { indicator: 'meldingen per maand', baseline: 12, target: 6 }),
      planRow(1, 'actie', 'A1', {
        spoor: 'groep',
        goalId: 'D1',
        owner: 'politie',
        start: '2026-03-02',
        frequency: 'wekelijks',
        deadline: '2026-05-01',
      }),
    ]);
    expect(plans).toStrictEqual([
      {
        version: 1,
        goals: [
          {
            id: 'D1',
            text: 'doel D1',
            indicator: 'meldingen per maand',
            baseline: 12,
            target: 6,
            measureDate: '',
          },
        ],
        actions: [
          {
            id: 'A1',
            spoor: 'groep',
            text: 'actie A1',
            goalId: 'D1',
            owner: 'politie',
            start: '2026-03-02',
            frequency: 'wekelijks',
            deadline: '2026-05-01',
          },
        ],
        criteria: [],
        // No evaluatie row: no evaluation date yet.
        evaluationDate: '',
      },
      {
        version: 2,
        goals: [
          {
            id: 'D1',
            text: 'doel D1',
            indicator: 'meldingen per maand',
            baseline: 12,
            target: 4,
            measureDate: '2026-06-01',
            owner: 'politie',
            baselineFrom: 'duiding: Overlast',
          },
        ],
        actions: [
          {
            id: 'A1',
            spoor: 'persoon',
            text: 'actie A1',
            goalId: 'D1',
            owner: 'jongerenwerk',
            start: '',
            frequency: '',
            deadline: '',
            subject: 'P1',
          },
        ],
        criteria: [{ id: 'C1', text: 'criterium C1' }],
        evaluationDate: '2026-07-01',
      },
    ]);
  });

  it('een actie zonder spoor wordt geweigerd met tabel, actie en versie', () => {
    expect(refusal(() => plansFrom([planRow(2, 'actie', 'A3')]))).toBe(
      '_pva: actie A3 (versie 2) heeft geen spoor.',
    );
  });
});

describe('assemble: antwoorden uit het grootboek (answersFrom, latestAnswers)', () => {
  it('delen in volgorde aan elkaar, oudste inzending eerst, met onderwerp en raster', () => {
    const records = answersFrom([
      answerRow('2B#1#politie', 'R2', 1, 300, 'Ja', {
        questionId: '2B.p.rol',
        subject: 'P1',
        grid: '["Ja",""]',
      }),
      answerRow('1#1#politie', 'R1', 1, 100, 'tweede deel', { part: 1 }),
      answerRow('1#1#politie', 'R1', 1, 100, 'Eerste deel, ', { part: 0 }),
    ]);
    expect(records).toStrictEqual([
      {
        formKey: '1#1#politie',
        step: '1',
        round: 1,
        partnerId: 'politie',
        responseId: 'R1',
        version: 1,
        submittedAt: 100,
        questionId: '1.locaties',
        value: 'Eerste deel, tweede deel',
      },
      {
        formKey: '2B#1#politie',
        step: '2B',
        round: 1,
        partnerId: 'politie',
        responseId: 'R2',
        version: 1,
        submittedAt: 300,
        questionId: '2B.p.rol',
        value: 'Ja',
        subject: 'P1',
        grid: ['Ja', ''],
      },
    ]);
  });

  it('van elke inzending alleen de laatste versie: een bewerking vervangt wat de partner eerst schreef', () => {
    const history = answersFrom([
      answerRow('1#1#politie', 'R1', 1, 100, 'eerst'),
      answerRow('1#1#politie', 'R1', 2, 200, 'bewerkt'),
      answerRow('1#1#boa', 'R3', 1, 150, 'boa'),
    ]);
    expect(latestAnswers(history).map((a) => [a.responseId, a.version, a.value])).toEqual([
      ['R3', 1, 'boa'],
      ['R1', 2, 'bewerkt'],
    ]);
  });
});

describe('assemble: het leesmodel van een casus (assembleView)', () => {
  let local: LocalAppsScript;
  let rt: Runtime;
  let h: CaseHandle;
  afterEach(() => local.dispose());
  // A bare case spreadsheet on the in-memory Apps Script (its clock still: no latency), Monday 26 January.
  beforeEach(() => {
    local = startLocalAppsScript({ now: Date.UTC(2026, 0, 26, 8, 0), latency: false });
    rt = local.rt;
    const ss = SpreadsheetApp.create('Casus');
    const row = { code: CODE, openedOn: '2026-01-05', namesId: '' } as CaseRow;
    const settings = SettingsSchema.parse({
      gemeente: 'Testdorp',
      coordinatorEmail: 'regie@testdorp.example',
      retentionMonths: 12,
    });
    const partners = PartnerListSchema.parse(PARTNERS);
    h = { ss, row, reg: { ss, settings, partners, catalog: CATALOG, allQuestions: CATALOG } };
  });

  const form = (key: string, status: FormRow['status'] = 'open'): FormRow =>
    formRow(key, { publishedUrl: `https://forms.example/${key}`, createdAt: 10, status });

  const mail = (
    formKey: string,
    kind: OutboxRow['kind'],
    status: OutboxRow['status'],
    sentAt = 0,
    error = '',
  ): OutboxRow => ({
    key: `${kind}:${formKey}:${sentAt}:${status}`,
    formKey,
    kind,
    to: 'partner@example.org',
    subject: '',
    body: '',
    status,
    createdAt: 1,
    sentAt,
    attempts: 1,
    error,
  });

  it('per formulier: uitnodiging, herinneringen, wat misging en hoeveel inzendingen', () => {
    appendRows(h.ss, FORMS, [
      form('1#1#politie', 'beantwoord'),
      form('1#1#boa'),
      form('1#1#jongerenwerk'),
      form('1#1#politie#2'),
    ]);
    appendRows(h.ss, OUTBOX, [
      mail('1#1#politie', 'uitnodiging', 'verstuurd', 1000),
      mail('1#1#boa', 'uitnodiging', 'vervangen', 0, 'oude uitnodiging'),
      mail('1#1#boa', 'uitnodiging', 'mislukt', 0, 'Invalid email: handhaving@'),
      // A reminder is no invitation: it neither counts as sent nor hides the failed one.
      mail('1#1#boa', 'herinnering', 'verstuurd', 2500),
      mail('1#1#boa', 'herinnering', 'wacht'),
      mail('1#1#politie', 'herinnering', 'verstuurd', 2000),
      mail('1#1#politie', 'herinnering', 'mislukt', 0, 'Service invoked too many times'),
      mail('1#1#politie', 'herinnering', 'verstuurd', 3000),
      // Replaced and not written again yet: nothing went wrong with this form's invitation.
      mail('1#1#jongerenwerk', 'uitnodiging', 'vervangen'),
    ]);
    appendRows(h.ss, ANSWERS, [
      answerRow('1#1#politie', 'R1', 1, 4000, 'Bij de speeltuin.'),
      answerRow('1#1#politie', 'R2', 1, 4500, 'Ook op het plein.'),
      answerRow('1#1#politie', 'R1', 2, 5000, 'Bij de speeltuin, na schooltijd.'),
    ]);
    const view = assembleView(h);
    const common = {
      step: '1',
      round: 1,
      status: 'open',
      deadline: '2026-01-26',
      createdAt: 10,
      planVersion: 0,
    };
    const ids = (key: string) => ({
      formKey: key,
      formId: `form-${key}`,
      publishedUrl: `https://forms.example/${key}`,
    });
    expect(view.forms).toStrictEqual([
      {
        ...ids('1#1#politie'),
        ...common,
        partnerId: 'politie',
        status: 'beantwoord',
        reminders: [2000, 3000],
        // Two responses; the first of the latest versions came at 4500 (R1 was edited at 5000).
        responseCount: 2,
        sentAt: 1000,
        respondedAt: 4500,
      },
      {
        ...ids('1#1#boa'),
        ...common,
        partnerId: 'boa',
        reminders: [2500],
        responseCount: 0,
        inviteProblem: { status: 'mislukt', error: 'Invalid email: handhaving@' },
      },
      { ...ids('1#1#jongerenwerk'), ...common, partnerId: 'jongerenwerk', reminders: [], responseCount: 0 },
      { ...ids('1#1#politie#2'), ...common, partnerId: 'politie', reminders: [], responseCount: 0 },
    ]);
    expect(view.answers.map((a) => [a.responseId, a.version])).toEqual([
      ['R2', 1],
      ['R1', 2],
    ]);
    expect(view.history).toHaveLength(3);
  });

  it('een uitnodiging die nog wacht is het probleem, niet de herinnering die erna in de rij staat', () => {
    appendRows(h.ss, FORMS, [form('1#1#boa')]);
    appendRows(h.ss, OUTBOX, [
      mail('1#1#boa', 'uitnodiging', 'wacht'),
      mail('1#1#boa', 'herinnering', 'mislukt', 0, 'Service invoked too many times'),
    ]);
    expect(assembleView(h).forms[0]!.inviteProblem).toEqual({ status: 'wacht', error: '' });
  });

  it('besluiten, plan, personen, quarantaine en logboek zoals opgeslagen; het plan is de nieuwste versie', () => {
    appendRows(h.ss, DECISIONS, [decisionRow()]);
    appendRows(h.ss, PLAN, [
      planRow(1, 'evaluatie', '', { deadline: '2026-06-01' }),
      planRow(2, 'evaluatie', '', { deadline: '2026-07-01' }),
    ]);
    appendRows(h.ss, PERSONS, [
      {
        code: 'P1',
        addedAt: 1,
        minor: 'ja',
        informedOn: '',
        parentsOn: '',
        postponedUntil: '',
        letterOn: '',
        closingOn: '',
      },
    ]);
    appendRows(h.ss, QUARANTINE, [
      { at: 1, formId: 'F', responseId: 'R', reason: 'onbekende vraag', data: '{}' },
      { at: 2, formId: 'F', responseId: 'S', reason: 'onbekende vraag', data: '{}' },
    ]);
    appendRows(h.ss, LOG, [{ at: 5, event: 'stap gestart', detail: 'stap 1, ronde 1: 3 van 3', hash: 'x' }]);
    rt.setNow(Date.UTC(2026, 0, 27, 9, 0));
    const view = assembleView(h);
    expect(view.state.step).toBe('2A');
    expect(view.plan?.version).toBe(2);
    expect(view.plan?.evaluationDate).toBe('2026-07-01');
    expect(view.planHistory.map((p) => p.version)).toEqual([1, 2]);
    expect(view.persons).toEqual(['P1']);
    expect(view.quarantined).toBe(2);
    expect(view.log).toEqual([{ at: 5, event: 'stap gestart', detail: 'stap 1, ronde 1: 3 van 3' }]);
    expect([view.code, view.openedOn, view.now, view.timeZone]).toEqual([
      CODE,
      '2026-01-05',
      Date.UTC(2026, 0, 27, 9, 0),
      'Europe/Amsterdam',
    ]);
  });

  it('zonder plan van aanpak: geen plan', () => {
    const view = assembleView(h);
    expect([view.plan, view.planHistory, view.log, view.forms]).toEqual([null, [], [], []]);
  });

  describe('namen uit de namenlijst', () => {
    const withNamenlijst = () => {
      const names = SpreadsheetApp.create('JGA namenlijst');
      ensureTable(names, NAMES);
      appendRows(names, NAMES, [{ Code: 'P1', Naam: NAME, Geboortejaar: 2010 }]);
      h.row.namesId = names.getId();
    };
    const REPLACED = 'naam vervangen';

    it('anderen lezen de code, het grootboek houdt wat de partner schreef, het logboek noemt alleen waar (één keer)', () => {
      withNamenlijst();
      appendRows(h.ss, ANSWERS, [
        answerRow('2B#1#politie', 'R1', 1, 100, `${NAME} hangt rond bij de speeltuin.`),
        answerRow('2B#1#politie', 'R1', 1, 100, `Leider: ${NAME}.`, {
          questionId: '2B.p.rol',
          subject: 'P1',
        }),
        answerRow('2B#1#boa', 'R2', 1, 200, 'Geen bijzonderheden.'),
      ]);
      // A line of another kind with the same words does not count as noted.
      const where = 'formulier 2B#1#politie, inzending R1 versie 1, vraag 1.locaties';
      appendRows(h.ss, LOG, [{ at: 5, event: 'antwoord gecorrigeerd', detail: where, hash: 'x' }]);
      rt.setNow(Date.UTC(2026, 0, 27, 9, 0));
      const view = assembleView(h);
      const shown: AnswerRecord[] = [
        {
          formKey: '2B#1#politie',
          step: '2B',
          round: 1,
          partnerId: 'politie',
          responseId: 'R1',
          version: 1,
          submittedAt: 100,
          questionId: '1.locaties',
          value: 'P1 hangt rond bij de speeltuin.',
        },
        {
          formKey: '2B#1#politie',
          step: '2B',
          round: 1,
          partnerId: 'politie',
          responseId: 'R1',
          version: 1,
          submittedAt: 100,
          questionId: '2B.p.rol',
          subject: 'P1',
          value: 'Leider: P1.',
        },
      ];
      expect(view.answers.slice(0, 2)).toStrictEqual(shown);
      expect(view.answers[2]!.value).toBe('Geen bijzonderheden.');
      expect(view.history.slice(0, 2)).toStrictEqual(shown);
      expect(readTable(h.ss, ANSWERS).map((a) => a.value)).toEqual([
        `${NAME} hangt rond bij de speeltuin.`,
        `Leider: ${NAME}.`,
        'Geen bijzonderheden.',
      ]);
      const noted = [
        { at: Date.UTC(2026, 0, 27, 9, 0), event: REPLACED, detail: where },
        {
          at: Date.UTC(2026, 0, 27, 9, 0),
          event: REPLACED,
          detail: 'formulier 2B#1#politie, inzending R1 versie 1, vraag 2B.p.rol over P1',
        },
      ];
      expect(view.log).toEqual([{ at: 5, event: 'antwoord gecorrigeerd', detail: where }, ...noted]);
      expect(JSON.stringify(readTable(h.ss, LOG))).not.toContain('Aardbei');
      expect(JSON.stringify(view.log)).not.toContain('speeltuin');

      // Built again later: the same answers are noted already.
      rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
      const again = assembleView(h);
      expect(again.log).toEqual(view.log);
      expect(readTable(h.ss, LOG)).toHaveLength(3);

      // A new edit with the name is noted on its own.
      appendRows(h.ss, ANSWERS, [answerRow('2B#1#politie', 'R1', 2, 300, `${NAME} en anderen.`)]);
      const third = assembleView(h).log.slice(3);
      expect(third).toEqual([
        {
          at: Date.UTC(2026, 0, 28, 9, 0),
          event: REPLACED,
          detail: 'formulier 2B#1#politie, inzending R1 versie 2, vraag 1.locaties',
        },
      ]);
    });

    it('zonder namen in de antwoorden: niets vervangen en niets in het logboek', () => {
      withNamenlijst();
      appendRows(h.ss, ANSWERS, [answerRow('2B#1#boa', 'R2', 1, 200, 'Geen bijzonderheden.')]);
      const view = assembleView(h);
      expect(view.answers.map((a) => a.value)).toEqual(['Geen bijzonderheden.']);
      expect(view.log).toEqual([]);
      expect(readTable(h.ss, LOG)).toEqual([]);
    });
  });
});
