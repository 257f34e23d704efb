/**
 * The case's Logboek: what the product did, without case content or names. Append-only: each
 * line is chained to the one before it (model/logChain.ts) and the daily run checks the chain
 * (workflow/logCheck.ts).
 */
import { chainLines } from '../model/logChain';
import type { LogEntry } from '../render/caseView';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { appendRows, onTableRestored, readTable } from '../workspace/tables';
import { CASE_TABLES, LOG } from './records';

const CASE_TABLE_NAMES = new Set(CASE_TABLES.map((t) => t.name));

// A system tab renamed by hand and given its name back (workspace/tables.ts) is written in the
// case's Logboek with both names (tab names are no personal data). The register has no Logboek.
onTableRestored((ss, table, from) => {
  if (!CASE_TABLE_NAMES.has(table)) return;
  logEvents(ss, [['systeemtabblad hersteld', `Het tabblad '${from}' heet weer ${table}`]]);
});

/** Appends the events with the current time; returns the rows as written. */
export function logEvents(ss: Book, events: [string, string][]): LogEntry[] {
  if (events.length === 0) return [];
  const at = nowMs();
  const before = readTable(ss, LOG);
  const previous = before[before.length - 1]?.hash ?? '';
  const rows = chainLines(
    previous,
    events.map(([event, detail]) => ({ at, event, detail })),
  );
  appendRows(ss, LOG, rows);
  return rows.map(({ at: t, event, detail }) => ({ at: t, event, detail }));
}
