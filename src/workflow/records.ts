/**
 * The system tables of a case spreadsheet and of the register. Hidden tabs whose names start
 * with `_`; the coordinator reads the view tabs instead. Column names are internal keys.
 */
import type { TableDef } from '../workspace/tables';

export const FORMS: TableDef = {
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
  ],
  numeric: ['round', 'createdAt', 'closedAt', 'planVersion', 'readUpTo'],
};

export const ANSWERS: TableDef = {
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
};

export const OUTBOX: TableDef = {
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
};

export const DECISIONS: TableDef = {
  name: '_besluiten',
  columns: [
    'step',
    'round',
    'outcome',
    'motivation',
    'decidedBy',
    'date',
    'route',
    'directions',
    'recordedAt',
    'recordedBy',
  ],
  numeric: ['round', 'recordedAt'],
};

export const PLAN: TableDef = {
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
};

export const PERSONS: TableDef = {
  name: '_personen',
  columns: ['code', 'addedAt'],
  numeric: ['addedAt'],
};

export const LOG: TableDef = {
  name: '_logboek',
  columns: ['at', 'event', 'detail'],
  numeric: ['at'],
};

export const QUARANTINE: TableDef = {
  name: '_quarantaine',
  columns: ['at', 'formId', 'responseId', 'reason', 'data'],
  numeric: ['at'],
};

/**
 * The documents of a case besides the restricted integraal beeld (the register's column): one
 * row per version (`driehoek`, `partner:<id>`, `advies`) with the number of readers it is shared
 * with (the addresses follow from the audience; they are not stored again).
 */
export const DOCUMENTS: TableDef = {
  name: '_documenten',
  columns: ['key', 'fileId', 'readers'],
  numeric: ['readers'],
};

export const CASE_TABLES = [FORMS, ANSWERS, OUTBOX, DECISIONS, PLAN, PERSONS, LOG, QUARANTINE, DOCUMENTS];

/** Register: the list of cases (visible tab). */
export const CASES: TableDef = {
  name: 'Casussen',
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
  ],
  numeric: ['Ronde', 'Bijgewerkt'],
  visible: true,
};

/**
 * Register: form templates (workflow/formTemplates.ts), one row per template key; the last row
 * of a key wins (a template that could not be copied is built again and appended).
 */
export const TEMPLATES: TableDef = {
  name: '_sjablonen',
  columns: ['key', 'formId', 'itemIds', 'keys', 'createdAt'],
  numeric: ['createdAt'],
};

/** Namenlijst file: the only place where a pseudonym code meets a name. */
export const NAMES: TableDef = {
  name: 'Namenlijst',
  columns: ['Code', 'Naam', 'Geboortejaar', 'Toelichting'],
  visible: true,
};
