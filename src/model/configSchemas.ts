/**
 * Schemas for what the gemeente types in: Instellingen and Partners.
 */

import { emailList } from './audiences';
import {
  boolField,
  emailField,
  enumField,
  intField,
  isoDateField,
  missingOr,
  optionalText,
  requiredText,
  SLUG_RE,
  stepField,
} from './fields';
import { DEFAULT_INFORM_DAYS } from './informing';
import { STEPS } from './steps';
import type { MailTextKey, Partner, Settings, StepId } from './types';
import { LEVELS, PARTNER_KINDS, STEP_IDS } from './types';
import * as z from './zod';

// ---------------------------------------------------------------- settings

export const CASE_PREFIX_RE = /^[A-Z]{2,6}$/;
export const CASE_CODE_RE = /^[A-Z]{2,6}-\d{4}-\d{3}$/;
/** The bewaartermijn in months the settings allow (also per case, in the new-case dialog). */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;
export const MAIL_TEXT_KEYS: readonly MailTextKey[] = [
  'inviteSubject',
  'inviteBody',
  'reminderSubject',
  'reminderBody',
];
export const MAIL_PLACEHOLDERS = ['casus', 'stap', 'deadline', 'link', 'organisatie', 'gemeente'] as const;

const mailText = (noun: string) =>
  optionalText(noun).superRefine((value, ctx) => {
    if (value === undefined) return;
    for (const m of value.matchAll(/\{([^{}]*)\}/g)) {
      if (!(MAIL_PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')) {
        ctx.addIssue({
          code: 'custom',
          input: value,
          message: `onbekende invulplek {${m[1]}} in ${noun}; gebruik ${MAIL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
  });

/** Optional comma-separated addresses; each must be a valid address. */
const addressList = (noun: string, bad: string) =>
  optionalText(noun).superRefine((value, ctx) => {
    for (const e of emailList(value)) {
      if (!z.email().safeParse(e).success) {
        ctx.addIssue({ code: 'custom', input: value, message: `${bad}: ${e}` });
      }
    }
  });

const stepDeadline = (step: StepId) => intField(`termijn stap ${step}`, 1, 60, 'werkdagen').optional();

export const DEFAULT_DEADLINE_WORKDAYS = 10;

export const DeadlineWorkdaysSchema = z.object({
  default: intField('standaardtermijn', 1, 60, 'werkdagen').default(DEFAULT_DEADLINE_WORKDAYS),
  '1': stepDeadline('1'),
  '2A': stepDeadline('2A'),
  '2B': stepDeadline('2B'),
  '3': stepDeadline('3'),
  '4': stepDeadline('4'),
  '5': stepDeadline('5'),
  '6': stepDeadline('6'),
  '7': stepDeadline('7'),
});

/** Default per-step working days of the werkproces, used when the gemeente sets nothing. */
export function defaultDeadlineWorkdays(): Settings['deadlineWorkdays'] {
  const out: Settings['deadlineWorkdays'] = { default: DEFAULT_DEADLINE_WORKDAYS };
  for (const step of STEP_IDS) out[step] = STEPS[step].deadlineWorkdays;
  return out;
}

export const SettingsSchema = z.object({
  gemeente: requiredText('naam van de gemeente'),
  casePrefix: z
    .string({ error: missingOr('casusprefix', 'casusprefix moet tekst zijn') })
    .trim()
    .toUpperCase()
    .regex(CASE_PREFIX_RE, { error: 'ongeldige casusprefix; gebruik 2 tot 6 hoofdletters, bijv. JGA' })
    .default('JGA'),
  naming: z
    .enum(['2023', '2016'], { error: 'ongeldige keuze voor stapnamen; kies 2023 of 2016' })
    .default('2023'),
  coordinatorName: requiredText('naam van de procesregisseur').default('Procesregisseur'),
  coordinatorEmail: emailField('e-mailadres van de procesregisseur'),
  coordinatorEmails: addressList(
    'e-mailadressen van andere procesregisseurs',
    'ongeldig e-mailadres van een procesregisseur',
  ),
  driehoekEmails: addressList(
    'e-mailadressen van de lokale driehoek',
    'ongeldig e-mailadres van de driehoek',
  ),
  digest: boolField('dagoverzicht').default(true),
  digestEmails: addressList(
    'e-mailadressen voor het dagoverzicht',
    'ongeldig e-mailadres voor het dagoverzicht',
  ),
  deadlineWorkdays: DeadlineWorkdaysSchema.default(defaultDeadlineWorkdays),
  reminderWorkdaysBefore: intField('herinnering', 0, 20, 'werkdagen').default(2),
  retentionMonths: intField('bewaartermijn', RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX, 'maanden'),
  informDays: intField(
    'termijn voor informeren',
    1,
    90,
    'dagen',
    'ongeldig aantal dagen voor informeren',
  ).default(DEFAULT_INFORM_DAYS),
  bevrijdingsdagEveryYear: boolField('Bevrijdingsdag elk jaar').default(false),
  mailSenderName: requiredText('afzendernaam').default('Procesregisseur groepsaanpak'),
  allowResponseEdits: boolField('antwoorden wijzigen').default(false),
  mailTexts: z
    .object({
      inviteSubject: mailText('onderwerp uitnodiging'),
      inviteBody: mailText('tekst uitnodiging'),
      reminderSubject: mailText('onderwerp herinnering'),
      reminderBody: mailText('tekst herinnering'),
    })
    .prefault({})
    .transform((texts) => {
      const out: Settings['mailTexts'] = {};
      for (const key of MAIL_TEXT_KEYS) {
        const value = texts[key];
        if (value !== undefined) out[key] = value;
      }
      return out;
    }),
});

// ---------------------------------------------------------------- partners

/** A non-empty list; `none` is the Dutch "nothing filled in" message. */
const listOf = <T extends z.ZodType>(item: T, noun: string, none: string) =>
  z
    .array(item, {
      error: (iss) => (iss.input === undefined || iss.input === null ? none : `${noun} moet een lijst zijn`),
    })
    .min(1, { error: none });

export const PartnerSchema = z.object({
  id: z
    .string({ error: missingOr('sleutel', 'sleutel moet tekst zijn') })
    .trim()
    .toLowerCase()
    .min(1, { error: 'sleutel ontbreekt' })
    .regex(SLUG_RE, {
      error: 'ongeldige sleutel; gebruik kleine letters, cijfers en koppeltekens (bijv. politie-basisteam)',
    }),
  organisation: requiredText('organisatie'),
  kind: enumField(PARTNER_KINDS, 'soort'),
  contactName: requiredText('contactpersoon'),
  email: emailField(),
  steps: listOf(stepField(), 'stappen', 'geen stappen ingevuld; kies minstens één stap').transform((steps) =>
    STEP_IDS.filter((s) => steps.includes(s)),
  ),
  levels: listOf(
    enumField(LEVELS, 'niveau', 'onbekend niveau'),
    'niveaus',
    'geen niveaus ingevuld; kies minstens één niveau',
  ).transform((levels) => LEVELS.filter((l) => levels.includes(l))),
  active: boolField('actief').default(true),
  convenantSigned: isoDateField('datum convenant getekend').optional(),
});

function normalisedText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;
}

/**
 * Partner list: keys unique, e-mail addresses unique (case-insensitive). Runs even when rows
 * have other errors, so a coordinator sees every problem at once, but not when the input is no
 * list at all (zod's `when` decides whether a refinement runs after earlier issues:
 * https://zod.dev/api#when); then the list's own message is the only one.
 */
export const PartnerListSchema = z.array(PartnerSchema).superRefine(
  (partners, ctx) => {
    const seen = { id: new Map<string, number>(), email: new Map<string, number>() };
    const messages = { id: 'dubbele sleutel', email: 'dubbel e-mailadres' };
    partners.forEach((p, i) => {
      for (const field of ['id', 'email'] as const) {
        const value = normalisedText((p as Partial<Record<string, unknown>> | undefined)?.[field]);
        if (value === undefined) continue;
        const first = seen[field].get(value);
        if (first === undefined) {
          seen[field].set(value, i);
          continue;
        }
        ctx.addIssue({
          code: 'custom',
          path: [i, field],
          input: value,
          message: messages[field],
          params: { duplicateOf: first },
        });
      }
    });
  },
  { when: (payload) => Array.isArray(payload.value) },
);

type Assignable<T extends U, U> = T;
export type SettingsInput = z.input<typeof SettingsSchema>;
export type PartnerInput = z.input<typeof PartnerSchema>;
// Compile-time guarantees that parsed values fit the shared vocabulary.
export type _SettingsFits = Assignable<z.output<typeof SettingsSchema>, Settings>;
export type _PartnerFits = Assignable<z.output<typeof PartnerSchema>, Partner>;
