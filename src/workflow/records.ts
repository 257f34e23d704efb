/**
 * The system tables of a case spreadsheet and of the register. Hidden tabs whose names start
 * with `_`; the coordinator reads the view tabs instead. Column names are internal keys.
 */
import { INFORM_COLUMNS } from '../model/informing';
import { SPOREN, STEP_IDS } from '../model/types';
import type { FormStatus } from '../render/caseView';
import { type RowOf, table } from '../workspace/tables';

export const FORM_STATUSES = [
  'open',
  'beantwoord',
  'gesloten',
  'ontbreekt',
] as const satisfies readonly FormStatus[];
export const MAIL_KINDS = ['uitnodiging', 'herinnering', 'advies', 'dagoverzicht'] as const;
/** wacht → verzenden → verstuurd; or onzeker / mislukt (then vervangen), vervallen. */
export const MAIL_STATUSES = [
  'wacht',
  'verzenden',
  'verstuurd',
  'onzeker',
  'mislukt',
  'vervallen',
  'vervangen',
] as const;
export const CASE_STATUSES = ['open', 'gesloten'] as const;

export const FORMS = table({
  name: '_formulieren',
  columns: [
    'formKey',
    'step',
    'round',
    'partnerId',
    'formId',
    'publishedUrl',
    'editUrl',
    'deadline',
    'createdAt',
    'status',
    'itemMap',
    'closedAt',
    'planVersion',
    // High-water mark: every response submitted before this instant is in the ledger.
    'readUpTo',
    // The case's response spreadsheet this form was linked to ('' = not linked yet), the id of
    // its tab there ('' = not known yet; 'elders' = the form now writes to another spreadsheet)
    // and the tab's fingerprint when the form was last read (workflow/reconcile.ts).
    'sheetBook',
    'sheetTab',
    'sheetPrint',
  ],
  numeric: ['round', 'createdAt', 'closedAt', 'planVersion', 'readUpTo'],
  choices: { step: STEP_IDS, status: FORM_STATUSES },
});

export const ANSWERS = table({
  name: '_antwoorden',
  columns: [
    'formKey',
    'responseId',
    'version',
    'submittedAt',
    'questionId',
    'subject',
    'part',
    'value',
    'grid',
  ],
  numeric: ['version', 'submittedAt', 'part'],
});

export const OUTBOX = table({
  name: '_uitgaand',
  columns: [
    'key',
    'formKey',
    'kind',
    'to',
    'subject',
    'body',
    'status',
    'createdAt',
    'sentAt',
    'attempts',
    'error',
  ],
  numeric: ['createdAt', 'sentAt', 'attempts'],
  choices: { kind: MAIL_KINDS, status: MAIL_STATUSES },
});

export const DECISIONS = table({
  name: '_besluiten',
  columns: [
    'step',
    'round',
    'outcome',
    'motivation',
    'decidedBy',
    'date',
    /** The follow-up routes, comma-separated (`lichte_interventie,zorgmelding`). */
    'route',
    'directions',
    'recordedAt',
    'recordedBy',
    'acuteReason',
  ],
  numeric: ['round', 'recordedAt'],
  // `route` holds several routes comma-separated, so it is not a closed list; decide.ts checks each.
  choices: { step: STEP_IDS },
});

export const PLAN = table({
  name: '_pva',
  columns: [
    'version',
    'kind',
    'id',
    'spoor',
    'text',
    'goalId',
    'owner',
    'deadline',
    'subject',
    'start',
    'frequency',
    'indicator',
    'baseline',
    'baselineFrom',
    'target',
    'measureDate',
  ],
  numeric: ['version', 'baseline', 'target'],
  choices: { kind: ['doel', 'actie', 'criterium', 'evaluatie'], spoor: ['', ...SPOREN] },
});

/**
 * The pseudonym codes of a case, when each was added, and where informing stands (model/informing:
 * dates only, copied from the namenlijst by "Namenlijst bijwerken"; no name, no reason text), so
 * the digest can warn from this table, which the dispatcher reads anyway; and the day the latest
 * information letter and the closing letter were made (workflow/letters.ts).
 */
export const PERSONS = table({
  name: '_personen',
  columns: ['code', 'addedAt', 'minor', 'informedOn', 'parentsOn', 'postponedUntil', 'letterOn', 'closingOn'],
  numeric: ['addedAt'],
  choices: { minor: ['', 'ja', 'nee'] },
});

/** The Logboek; `hash` chains each line to the one before it (model/logChain.ts). */
export const LOG = table({
  name: '_logboek',
  columns: ['at', 'event', 'detail', 'hash'],
  numeric: ['at'],
});

export const QUARANTINE = table({
  name: '_quarantaine',
  columns: ['at', 'formId', 'responseId', 'reason', 'data'],
  numeric: ['at'],
});

/**
 * Persons removed from the case (workflow/rights.ts removePerson): the code, when, and counts; no
 * name or content. Written before the first thing is removed, so a removal that stops halfway is
 * finished by running it again; reconcile keeps answers about these codes out of the ledger.
 */
export const REMOVALS = table({
  name: '_verwijderd',
  columns: ['code', 'started', 'finished', 'answers', 'mentions', 'forms', 'result'],
  numeric: ['started', 'finished', 'answers', 'mentions', 'forms'],
});

/**
 * Forms made again after the partner's form was deleted by hand (workflow/replaceForm.ts): the
 * form key, the old and the new form id, when. Written before the new form is made, so a run
 * that stops halfway is finished by the next one without a second form; not among CASE_TABLES
 * (only that action reads it; a case without a replacement has no such tab).
 */
export const REPLACEMENTS = table({
  name: '_vervangen',
  columns: ['formKey', 'oldFormId', 'newFormId', 'started', 'finished'],
  numeric: ['started', 'finished'],
});

/**
 * Corrections (AVG art. 16) of a partner's statement about a person code, append-only: who
 * recorded what was wrong and what is right, when. The ledger keeps the original; the views and
 * documents show the corrected statement, marked (model/corrections.ts).
 */
export const CORRECTIONS = table({
  name: '_correcties',
  columns: ['at', 'subject', 'partnerId', 'questionId', 'wrong', 'right', 'recordedBy'],
  numeric: ['at'],
});

/** The view tabs as last written: a fingerprint per tab, so only changed tabs are rewritten. */
export const TABS = table({
  name: '_tabbladen',
  columns: ['name', 'hash'],
});

/**
 * The documents of a case besides the restricted integraal beeld (the register's column): one
 * row per version (`driehoek`, `partner:<id>`, `advies`) with the number of readers it is shared
 * with (the addresses follow from the audience; they are not stored again).
 */
export const DOCUMENTS = table({
  name: '_documenten',
  columns: ['key', 'fileId', 'readers'],
  numeric: ['readers'],
});

export const CASE_TABLES = [
  FORMS,
  ANSWERS,
  OUTBOX,
  DECISIONS,
  PLAN,
  PERSONS,
  LOG,
  QUARANTINE,
  TABS,
  DOCUMENTS,
  REMOVALS,
  CORRECTIONS,
];

/**
 * Register: the list of cases, a hidden system table with the Drive ids and times the code
 * needs. The coordinator reads the view tab `Casussen` (render/caseList.ts, workflow/caseList.ts).
 * `Te laat` and `Volgende actie` are what the case's last view rebuild found (partners past
 * their deadline, the first next sensible action), kept here so the list needs no case read.
 */
export const CASES = table({
  name: '_casussen',
  columns: [
    'Casuscode',
    'Status',
    'Stap',
    'Ronde',
    'Geopend',
    'Map',
    'Casusspreadsheet',
    'Integraal beeld',
    'Namenlijst',
    'Bijgewerkt',
    // What the coordinator typed in the new-case dialog (model/newCaseInput.ts). The label is
    // hers, never a name; it stays in the register and her own digest, never in files or mails.
    'Label',
    'Wijk',
    'Eerste signaal',
    'Bewaartermijn',
    'Te laat',
    'Volgende actie',
    // The date of the decision that closed the case (jjjj-mm-dd; empty while it is open): with
    // the bewaartermijn it says when everything about the case is destroyed (workflow/purge.ts).
    'Gesloten op',
  ],
  numeric: ['Ronde', 'Bijgewerkt', 'Bewaartermijn', 'Te laat'],
  choices: { Status: CASE_STATUSES, Stap: STEP_IDS },
});

/**
 * Register: one row per destroyed case, without content (code, dates, what was removed and
 * whether Drive confirmed it). Written before the first file goes, completed at the end, so a
 * purge that stops halfway is finished by the next run.
 */
export const PURGES = table({
  name: 'Vernietigd',
  columns: ['Casuscode', 'Vernietigen vanaf', 'Gestart', 'Afgerond', 'Bestanden', 'Resultaat'],
  numeric: ['Bestanden'],
  visible: true,
});

/**
 * Register: form templates (workflow/formTemplates.ts), one row per template key; the last row
 * of a key wins (a template that could not be copied is built again and appended).
 */
export const TEMPLATES = table({
  name: '_sjablonen',
  columns: ['key', 'formId', 'itemIds', 'keys', 'createdAt'],
  numeric: ['createdAt'],
});

/**
 * Register: the coordinator's daily digests (workflow/digest.ts), one row per digest sent: the
 * day, and the keys of what it reported (codes and partner keys only), so the next digest goes
 * only when something new came up. The mail itself is a row of the register's outbox.
 */
export const DIGESTS = table({
  name: '_dagoverzicht',
  columns: ['day', 'sentAt', 'keys'],
  numeric: ['sentAt'],
});

/** Namenlijst file: the only place where a pseudonym code meets a name. */
export const NAMES = table({
  name: 'Namenlijst',
  columns: ['Code', 'Naam', 'Geboortejaar', 'Toelichting', ...INFORM_COLUMNS],
  visible: true,
});

export type FormRow = RowOf<typeof FORMS>;
export type AnswerRow = RowOf<typeof ANSWERS>;
export type OutboxRow = RowOf<typeof OUTBOX>;
export type DecisionRow = RowOf<typeof DECISIONS>;
export type PlanRow = RowOf<typeof PLAN>;
export type PersonRow = RowOf<typeof PERSONS>;
export type LogRow = RowOf<typeof LOG>;
export type QuarantineRow = RowOf<typeof QUARANTINE>;
export type CaseListRow = RowOf<typeof CASES>;
export type PurgeRow = RowOf<typeof PURGES>;
export type NamesRow = RowOf<typeof NAMES>;
export type TemplateRow = RowOf<typeof TEMPLATES>;
export type TabRow = RowOf<typeof TABS>;
export type DocumentRow = RowOf<typeof DOCUMENTS>;
