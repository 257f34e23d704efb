/**
 * A hand-built, fictional case view for the overview and doc-writer tests: four partners,
 * answers in several themes and rounds, a duiding grid with a large difference, a person code,
 * a plan with actions in three sporen, two monitoring rounds, a step-4 decision and evaluation.
 */

import type { Partner, Question, Settings, StepId } from '../../src/model/types';
import type { AnswerRecord, CaseView } from '../../src/render/caseView';

export const SCALE = ['0 niet', '1 beperkt', '2 duidelijk', '3 ernstig', '? onbekend'];

const partner = (id: string, organisation: string, kind: Partner['kind']): Partner => ({
  id,
  organisation,
  kind,
  contactName: `Contact ${id}`,
  email: `${id}@partner.example`,
  steps: ['1', '2A', '2B', '3', '4', '5', '6', '7'],
  levels: ['groep', 'persoon', 'domein', 'online'],
  active: true,
});

export const PARTNERS: Partner[] = [
  partner('politie', 'Politie Basisteam Noord', 'politie'),
  partner('jw', 'Stichting Jongerenwerk Oost', 'jongerenwerk'),
  partner('gem', 'Gemeente Voorbeeld OOV', 'gemeente'),
  partner('boa', 'Handhaving Voorbeeld', 'boa'),
];

const q = (id: string, step: StepId, theme: Question['theme'], extra: Partial<Question> = {}): Question => ({
  id,
  step,
  kinds: 'all',
  level: 'groep',
  theme,
  type: 'paragraph',
  title: `Vraag ${id}`,
  source: 'I',
  ...extra,
});

export const CATALOG: Question[] = [
  q('1.signaal', '1', 'aanleiding', { title: 'Wat is er gesignaleerd?' }),
  q('2A.omvang', '2A', 'groepsbeschrijving', { title: 'Omvang en samenstelling van de groep' }),
  q('2A.online', '2A', 'online', { title: 'Online activiteit' }),
  q('3.dynamiek', '3', 'dynamiek', { title: 'Hiërarchie en rollen' }),
  q('3.aard', '3', 'duiding', {
    type: 'grid',
    duiding: true,
    title: 'Aard en ernst van het groepsgedrag',
    rows: ['Overlast openbare ruimte', 'Vernieling', 'Intimidatie'],
    choices: SCALE,
  }),
  q('3.duidingToelichting', '3', 'duiding', { title: 'Toelichting op de scores' }),
  q('3.typering', '3', 'persoon', {
    level: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Typering van de jongere',
    choices: ['kern', 'meeloper', 'aanhang'],
  }),
  q('4.advies', '4', 'advies', { title: 'Advies aan de driehoek' }),
  q('6.status', '6', 'monitoring', {
    type: 'choice',
    repeat: 'per_action',
    title: 'Status van de actie',
    choices: ['Niet gestart', 'Loopt', 'Afgerond', 'Vertraagd', 'Gestopt'],
  }),
  q('6.gedaan', '6', 'monitoring', { repeat: 'per_action', title: 'Wat is er gedaan?' }),
  q('6.overlast', '6', 'monitoring', {
    type: 'scale',
    title: 'Ontwikkeling overlast',
    scale: { min: 1, max: 5, minLabel: 'sterk afgenomen', maxLabel: 'sterk toegenomen' },
  }),
  q('7.doel', '7', 'evaluatie', {
    type: 'choice',
    repeat: 'per_goal',
    title: 'Is het doel bereikt?',
    choices: ['ja', 'deels', 'nee'],
  }),
  q('7.onderbouwing', '7', 'evaluatie', { repeat: 'per_goal', title: 'Onderbouwing' }),
  q('7.zorgen', '7', 'evaluatie', { title: 'Welke zorgen blijven er?' }),
];

const SETTINGS: Settings = {
  gemeente: 'Voorbeeld',
  casePrefix: 'JGA',
  naming: '2023',
  coordinatorName: 'Procesregisseur',
  coordinatorEmail: 'regie@gemeente.example',
  deadlineWorkdays: { default: 10 },
  reminderWorkdaysBefore: 2,
  retentionMonths: 24,
  bevrijdingsdagEveryYear: false,
  mailSenderName: 'Jeugdgroepen Voorbeeld',
  allowResponseEdits: true,
  mailTexts: {},
};

let seq = 0;
function ans(
  step: StepId,
  round: number,
  partnerId: string,
  questionId: string,
  value: string,
  extra: Partial<AnswerRecord> = {},
): AnswerRecord {
  seq++;
  return {
    formKey: `${step}#${round}#${partnerId}`,
    step,
    round,
    partnerId,
    responseId: `r-${step}-${round}-${partnerId}`,
    version: 1,
    submittedAt: Date.UTC(2026, 0, 1) + seq * 60_000,
    questionId,
    value,
    ...extra,
  };
}

export const LONG_ANSWER = 'Lange waarneming. '.repeat(400);

export function fixtureView(): CaseView {
  seq = 0;
  const answers: AnswerRecord[] = [
    ans('1', 1, 'politie', '1.signaal', 'Melding over {{naam}} bij het winkelcentrum.'),
    ans('1', 1, 'jw', '1.signaal', '=IMPORTXML("https://voorbeeld.example","//a")'),
    ans('1', 1, 'gem', '1.signaal', '   '),
    ans('2A', 1, 'politie', '2A.omvang', 'Ongeveer tien jongens, 14 tot 17 jaar.'),
    ans('2A', 2, 'politie', '2A.omvang', 'Nu een vaste kern van zes.', { version: 2 }),
    ans('2A', 2, 'jw', '2A.omvang', LONG_ANSWER),
    ans('2A', 2, 'boa', '2A.online', 'Filmpjes van opstootjes op sociale media.'),
    ans('3', 1, 'politie', '3.aard', 'x', { grid: ['3 ernstig', '1 beperkt', '? onbekend'] }),
    ans(
      '3',
      1,
      'jw',
      '3.aard',
      'Overlast openbare ruimte: 1 beperkt\nVernieling: 1 beperkt\nIntimidatie: 2 duidelijk',
    ),
    ans('3', 1, 'jw', '3.duidingToelichting', 'Wij zien vooral verveling.'),
    ans('3', 1, 'politie', '3.typering', 'kern', { subject: 'J-01' }),
    ans('3', 1, 'jw', '3.typering', 'meeloper', { subject: 'J-01' }),
    ans('4', 1, 'gem', '4.advies', 'Prioriteren met een groepsgerichte aanpak.'),
    ans('6', 1, 'jw', '6.status', 'Loopt', { subject: 'A1' }),
    ans('6', 1, 'jw', '6.gedaan', 'Twee groepsgesprekken gevoerd.', { subject: 'A1' }),
    ans('6', 1, 'gem', '6.status', 'Niet gestart', { subject: 'A2' }),
    ans('6', 1, 'politie', '6.overlast', '4'),
    ans('6', 1, 'jw', '6.overlast', '3'),
    ans('6', 2, 'jw', '6.status', 'Afgerond', { subject: 'A1' }),
    ans('6', 2, 'gem', '6.status', 'Loopt', { subject: 'A2' }),
    ans('6', 2, 'politie', '6.status', 'Loopt', { subject: 'A3' }),
    ans('6', 2, 'politie', '6.overlast', '2'),
    ans('7', 1, 'politie', '7.doel', 'ja', { subject: 'D1' }),
    ans('7', 1, 'politie', '7.onderbouwing', 'Geen meldingen meer sinds maart.', { subject: 'D1' }),
    ans('7', 1, 'jw', '7.doel', 'deels', { subject: 'D1' }),
    ans('7', 1, 'jw', '7.zorgen', 'Eén jongere heeft nog begeleiding nodig.'),
    ans('2A', 1, 'gem', 'oud.vraag', 'Antwoord op een vervallen vraag.'),
  ];
  return {
    code: 'JGA-2026-001',
    openedOn: '2026-01-05',
    settings: SETTINGS,
    partners: PARTNERS,
    catalog: CATALOG,
    state: {
      code: 'JGA-2026-001',
      status: 'open',
      step: '7',
      round: 1,
      rounds: { '1': 1, '2A': 2, '2B': 1, '3': 1, '4': 1, '5': 1, '6': 2, '7': 1 },
      personDataAllowed: true,
      decisions: [
        {
          step: '2A',
          round: 1,
          outcome: 'meer_informatie',
          motivation: 'Beeld nog onvolledig.',
          decidedBy: 'procesregisseur',
          date: '2026-01-20',
        },
        {
          step: '4',
          round: 1,
          outcome: 'geprioriteerd',
          motivation: 'Aanhoudende overlast en signalen van intimidatie.',
          decidedBy: 'lokale driehoek',
          date: '2026-03-02',
          directions: 'Extra toezicht op vrijdagavond.',
        },
      ],
    },
    forms: [],
    answers,
    history: answers,
    persons: ['J-01', 'J-02'],
    plan: {
      version: 1,
      criteria: [{ id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' }],
      evaluationDate: '2026-12-31',
      goals: [
        {
          id: 'D1',
          text: 'Overlast bij het winkelcentrum neemt af.',
          indicator: 'Meldingen per maand',
          baseline: 10,
          target: 5,
          measureDate: '2026-12-31',
        },
        {
          id: 'D2',
          text: 'Kernleden zijn in beeld bij hulpverlening.',
          indicator: 'Meldingen per maand',
          baseline: 10,
          target: 5,
          measureDate: '2026-12-31',
        },
      ],
      actions: [
        {
          id: 'A1',
          spoor: 'groep',
          text: 'Groepsgesprekken',
          goalId: 'D1',
          owner: 'jw',
          start: '2026-01-05',
          frequency: 'wekelijks',
          deadline: '2026-05-01',
        },
        {
          id: 'A2',
          spoor: 'domein',
          text: 'Verlichting plein',
          goalId: 'D1',
          owner: 'gem',
          start: '2026-01-05',
          frequency: 'wekelijks',
          deadline: '2026-06-01',
        },
        {
          id: 'A3',
          spoor: 'persoon',
          text: 'Toeleiding naar lokaal team',
          goalId: 'D2',
          owner: 'politie',
          start: '2026-01-05',
          frequency: 'wekelijks',
          deadline: '2026-05-15',
          subject: 'J-01',
        },
      ],
    },
    planHistory: [],
    log: [],
    quarantined: 0,
    now: Date.UTC(2026, 5, 15, 8, 30),
    timeZone: 'Europe/Amsterdam',
  };
}
