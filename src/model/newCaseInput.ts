/**
 * What the coordinator types to open a case: a label of her own (how she recognises the case —
 * never a person's name), the wijk, the date of the first signal and the bewaartermijn. Pure.
 *
 * `checkNewCaseFields` is self-contained (it uses nothing outside its own body): the dialog
 * (src/render/html/newCaseDialog.ts) sends its source to the browser, so the inline messages
 * there are exactly the server's. The server checks again with `parseNewCaseInput` (zod,
 * jitless, around the same function): the server's answer is the one that counts.
 */
import { CASE_CODE_RE, RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from './configSchemas';
import * as z from './zod';

/** The fields of the new-case dialog, in the order they appear. */
export const NEW_CASE_FIELDS = ['label', 'wijk', 'eersteSignaal', 'bewaartermijnMaanden'] as const;
export type NewCaseField = (typeof NEW_CASE_FIELDS)[number];

/** A valid new case: trimmed texts, an ISO date, whole months. */
export interface NewCaseInput {
  label: string;
  wijk: string;
  /** ISO date (jjjj-mm-dd). */
  eersteSignaal: string;
  bewaartermijnMaanden: number;
}

/** What the checks need besides the input. */
export interface NewCaseRules {
  /** Today in the register's time zone (ISO). */
  today: string;
  retentionMin: number;
  retentionMax: number;
  /** Names from the case's namenlijst, when one exists: none of them may appear in the label. */
  names: readonly string[];
}

export const LABEL_MAX = 60;
export const WIJK_MAX = 60;

/** A Dutch message per wrong field (absent: the field is right). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function newCaseRules(today: string, names: readonly string[] = []): NewCaseRules {
  return { today, retentionMin: RETENTION_MONTHS_MIN, retentionMax: RETENTION_MONTHS_MAX, names };
}

// Stryker disable all: the dialog sends this function's source to the browser (see above), where
// Stryker's instrumented code cannot run; its rules have their own tests, but no mutants.
/**
 * Checks every field and returns the normalised values with a message per wrong field.
 * SELF-CONTAINED: no reference to anything outside this function (its source runs in the
 * dialog). A date may be typed as jjjj-mm-dd (what `<input type=date>` posts) or dd-mm-jjjj
 * (what the sheets show).
 */
export function checkNewCaseFields(
  input: Record<string, unknown>,
  rules: NewCaseRules,
): { errors: Record<string, string>; value: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  const text = (v: unknown) =>
    typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '';
  const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const caseCode = /\b[A-Za-z]{2,6}-\d{4}-\d{3}\b/;
  const personCode = /\bP-[2-9A-HJKMNP-Z]{4}\b/i;
  const nameIn = (value: string) => {
    const lower = value.toLowerCase();
    for (const raw of rules.names) {
      const name = String(raw).replace(/\s+/g, ' ').trim().toLowerCase();
      if (name.length < 2) continue;
      for (const part of [name, ...name.split(' ').filter((p) => p.length >= 3)]) {
        let at = lower.indexOf(part);
        while (at >= 0) {
          const before = at === 0 ? ' ' : lower.charAt(at - 1);
          const after = at + part.length >= lower.length ? ' ' : lower.charAt(at + part.length);
          if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
          at = lower.indexOf(part, at + 1);
        }
      }
    }
    return false;
  };

  const label = text(input.label);
  if (label === '') {
    errors.label = 'Vul een label in: een korte omschrijving waaraan u de casus herkent, zonder namen.';
  } else if (label.length > 60) {
    errors.label = `Het label is ${label.length} tekens lang; gebruik er hooguit 60.`;
  } else if (caseCode.test(label)) {
    errors.label =
      'Het label lijkt op een casuscode. De casus krijgt zijn code vanzelf; kies een omschrijving, bijv. "Groep winkelcentrum".';
  } else if (personCode.test(label)) {
    errors.label = 'Het label bevat een persoonscode; noem geen personen in het label.';
  } else if (nameIn(label)) {
    errors.label = 'Het label bevat een naam uit de namenlijst; noem geen personen in het label.';
  }

  const wijk = text(input.wijk);
  if (wijk === '') errors.wijk = 'Vul de wijk of buurt in waar de groep zich ophoudt.';
  else if (wijk.length > 60) errors.wijk = `De wijk is ${wijk.length} tekens lang; gebruik er hooguit 60.`;
  else if (caseCode.test(wijk) || personCode.test(wijk))
    errors.wijk = 'Vul bij wijk een wijk- of buurtnaam in, geen code.';
  else if (nameIn(wijk)) errors.wijk = 'De wijk bevat een naam uit de namenlijst; noem geen personen.';

  let signal = text(input.eersteSignaal);
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(signal);
  if (dmy) signal = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(signal);
  const real =
    ymd !== null &&
    Number(ymd[2]) >= 1 &&
    Number(ymd[2]) <= 12 &&
    Number(ymd[3]) >= 1 &&
    Number(ymd[3]) <= new Date(Date.UTC(Number(ymd[1]), Number(ymd[2]), 0)).getUTCDate();
  if (signal === '') errors.eersteSignaal = 'Vul de datum van het eerste signaal in.';
  else if (!real) errors.eersteSignaal = 'Dit is geen bestaande datum; kies een datum als dd-mm-jjjj.';
  else if (signal > rules.today)
    errors.eersteSignaal = `Het eerste signaal kan niet in de toekomst liggen; vandaag is ${dutch(rules.today)}.`;
  else if (signal < '2000-01-01') errors.eersteSignaal = 'Kies een datum vanaf 01-01-2000.';

  const monthsText = text(input.bewaartermijnMaanden);
  const months = /^\d+$/.test(monthsText) ? Number(monthsText) : Number.NaN;
  if (monthsText === '') {
    errors.bewaartermijnMaanden = 'Vul de bewaartermijn in maanden in.';
  } else if (!(months >= rules.retentionMin && months <= rules.retentionMax)) {
    errors.bewaartermijnMaanden = `Kies een heel aantal maanden van ${rules.retentionMin} tot en met ${rules.retentionMax}.`;
  }

  return { errors, value: { label, wijk, eersteSignaal: signal, bewaartermijnMaanden: months } };
}
// Stryker restore all

// An empty (null) field is left to the field rules, which ask to fill it in.
const textOrEmpty = (noun: string) => z.string({ error: `${noun} moet tekst zijn` }).nullish();

/** The shape the dialog posts; the field rules are `checkNewCaseFields`. */
const NewCaseShape = z.object({
  label: textOrEmpty('label'),
  wijk: textOrEmpty('wijk'),
  eersteSignaal: textOrEmpty('eerste signaal'),
  bewaartermijnMaanden: z
    .unknown()
    .refine((v) => v === undefined || typeof v === 'number' || typeof v === 'string', {
      error: 'bewaartermijn moet een getal zijn',
    })
    .optional(),
});

export type ParseResult<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** The server's check: zod for the shape, then the same field rules as the dialog. */
export function parseNewCaseInput(
  raw: unknown,
  rules: NewCaseRules,
): ParseResult<NewCaseInput, NewCaseField> {
  const shape = NewCaseShape.safeParse(raw ?? {});
  if (!shape.success) {
    const errors: FieldErrors<NewCaseField> = {};
    for (const iss of shape.error.issues) {
      const field = iss.path[0];
      if (typeof field === 'string' && (NEW_CASE_FIELDS as readonly string[]).includes(field))
        errors[field as NewCaseField] ??= iss.message;
    }
    if (Object.keys(errors).length === 0) errors.label = 'De invoer is geen formulier met velden.';
    return { ok: false, errors };
  }
  const { errors, value } = checkNewCaseFields(shape.data, rules);
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors<NewCaseField> };
  return { ok: true, value: value as unknown as NewCaseInput };
}

/**
 * Which of the case's own texts (label, wijk) mention a name from the namenlijst: the same
 * name rule as in the dialog. Used when the namenlijst is synced.
 */
export function fieldsNamingPersons(
  row: { label: string; wijk: string },
  names: readonly string[],
): ('label' | 'wijk')[] {
  const { errors } = checkNewCaseFields(
    { label: row.label, wijk: row.wijk },
    { today: '', retentionMin: 0, retentionMax: 0, names },
  );
  return (['label', 'wijk'] as const).filter((f) => errors[f]?.includes('namenlijst'));
}

/** A case code typed anywhere is accepted in any case and with spaces around it. */
export function normaliseCaseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Whether a text is shaped like a case code (after normalising). */
export function looksLikeCaseCode(code: string): boolean {
  return CASE_CODE_RE.test(normaliseCaseCode(code));
}
