/**
 * Field builders for the zod schemas: every message is Dutch and names the field. A message
 * may carry a hint after `; ` — `formatIssues` puts the cell value before that hint.
 */
import { STEP_IDS } from './types';
import { isValidIsoDate } from './workdays';
import * as z from './zod';

export function missingOr(noun: string, wrong: string) {
  return (iss: { input?: unknown }) =>
    iss.input === undefined || iss.input === null || iss.input === '' ? `${noun} ontbreekt` : wrong;
}

/** Required text, trimmed, not empty. */
export function requiredText(noun: string) {
  return z
    .string({ error: missingOr(noun, `${noun} moet tekst zijn`) })
    .trim()
    .min(1, { error: `${noun} ontbreekt` });
}

/** Optional text; empty becomes absent. */
export function optionalText(noun: string) {
  return z
    .string({ error: `${noun} moet tekst zijn` })
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v));
}

/** E-mail address: trimmed, lower case, validated. */
export function emailField(noun = 'e-mailadres') {
  return z
    .string({ error: missingOr(noun, `${noun} moet tekst zijn`) })
    .trim()
    .toLowerCase()
    .min(1, { error: `${noun} ontbreekt` })
    .pipe(z.email({ error: `ongeldig ${noun}` }));
}

/**
 * Whole number within [min, max]. `bad` is the Dutch "invalid X" phrase (default
 * `ongeldige <noun>`; pass `ongeldig schaalmaximum` for het-words).
 */
export function intField(noun: string, min: number, max: number, unit = '', bad = `ongeldige ${noun}`) {
  const message = `${bad}; kies een heel getal van ${min} tot en met ${max}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: missingOr(noun, message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

export function boolField(noun: string) {
  return z.boolean({ error: missingOr(noun, `ongeldige waarde voor ${noun}; kies ja of nee`) });
}

export function isoDateField(noun: string) {
  const message = `ongeldige ${noun}; schrijf een datum als jjjj-mm-dd`;
  return z
    .string({ error: missingOr(noun, message) })
    .trim()
    .refine(isValidIsoDate, { error: message });
}

/** One of `values`; `bad` as in intField (default `onbekende <noun>`). */
export function enumField<const T extends readonly [string, ...string[]]>(
  values: T,
  noun: string,
  bad = `onbekende ${noun}`,
) {
  return z.enum(values, { error: missingOr(noun, `${bad}; kies uit ${values.join(', ')}`) });
}

export const stepField = (noun = 'stap') => enumField(STEP_IDS, noun);

/** A short stable key: lower case letters, digits and hyphens. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
