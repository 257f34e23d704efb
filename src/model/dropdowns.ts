/**
 * Drop-down lists (data validation) for the tabs the coordinator edits: Partners in the
 * register and Plan van aanpak in a case spreadsheet. Which column gets which list, whether other
 * text is refused or only marked, and the help text Sheets shows next to the cell. Pure; the
 * lists are applied by workspace/validation.ts.
 *
 * A cell holds one value of a list. Stappen and Niveaus hold several values in one cell
 * (`1, 2A, 3`), which a list cannot express: their list offers the combinations the product
 * itself writes (every kind's default steps, `alle`, each single step; the level sets of the
 * kinds) and lets other text through (`setAllowInvalid(true)`: Sheets marks it and shows the help
 * text, the reader in model/sheetTable.ts decides). Soort, Actief, Spoor and Eigenaar are one
 * value each and refuse anything else.
 */

import { defaultStepsFor, PARTNER_KIND_INFO } from './partners';
import { PLAN_HEADERS } from './planSheet';
import { PARTNER_HEADERS } from './sheetTable';
import { LEVELS, PARTNER_KINDS, SPOREN, STEP_IDS } from './types';

export interface ListRule {
  /** The column's header text (the column is found by its header). */
  header: string;
  values: string[];
  /** Refuse other text (false: accept it with a marker). */
  strict: boolean;
  /** Shown by Sheets when the cell is selected (Dutch). */
  help: string;
}

/** Sheets refuses a list of more than 500 items (reference/spreadsheet/data-validation-builder). */
export const MAX_LIST_ITEMS = 500;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function partnerListRules(): ListRule[] {
  const stepSets = PARTNER_KINDS.map((k) => defaultStepsFor(k).join(', ')).filter((s) => s !== '');
  const levelSets = PARTNER_KINDS.map((k) => PARTNER_KIND_INFO[k].levels.join(', '));
  return [
    {
      header: PARTNER_HEADERS.kind,
      values: [...PARTNER_KINDS],
      strict: true,
      help: `Kies de soort partner: ${PARTNER_KINDS.map((k) => `${k} (${PARTNER_KIND_INFO[k].label})`).join(', ')}.`,
    },
    {
      header: PARTNER_HEADERS.steps,
      values: unique(['alle', ...stepSets, ...STEP_IDS]),
      strict: false,
      help: 'Kies een vaste reeks of één stap, of typ zelf meerdere stappen gescheiden door komma’s, bijv. 1, 2A, 3 (of: alle). Een eigen reeks krijgt een markering; dat is geen fout.',
    },
    {
      header: PARTNER_HEADERS.levels,
      values: unique([...levelSets, ...LEVELS]),
      strict: false,
      help: 'Kies wat de partner mag aanleveren, of typ zelf een combinatie van groep, persoon, domein en online, gescheiden door komma’s. Persoon geldt pas vanaf stap 2B.',
    },
    {
      header: PARTNER_HEADERS.active,
      values: ['ja', 'nee'],
      strict: true,
      help: 'ja of nee; inactieve partners krijgen geen uitvragen.',
    },
  ];
}

/** Spoor and Eigenaar (the partner keys of the register) in the Plan van aanpak. */
export function planListRules(partnerIds: readonly string[]): ListRule[] {
  const rules: ListRule[] = [
    {
      header: PLAN_HEADERS[1],
      values: [...SPOREN],
      strict: true,
      help: `Spoor van een actie: ${SPOREN.join(', ')}. Leeg bij doelen en afschaalcriteria.`,
    },
  ];
  const owners = unique(partnerIds).slice(0, MAX_LIST_ITEMS);
  if (owners.length > 0)
    rules.push({
      header: PLAN_HEADERS[4],
      values: owners,
      strict: true,
      help: 'Eigenaar: de sleutel van een partner uit de tab Partners van het register.',
    });
  return rules;
}

/** 0-based column of each rule in a header row (header text compared case-insensitively); rules whose header is absent are left out. */
export function placeRules(
  header: readonly unknown[],
  rules: readonly ListRule[],
): { column: number; rule: ListRule }[] {
  const norm = (v: unknown) =>
    String(v ?? '')
      .trim()
      .toLowerCase();
  return rules
    .map((rule) => ({ column: header.findIndex((h) => norm(h) === norm(rule.header)), rule }))
    .filter((x) => x.column >= 0);
}
