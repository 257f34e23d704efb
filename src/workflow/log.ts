/**
 * The case's Logboek: what the product did, without case content or names. Append-only: each
 * line is chained to the one before it (model/logChain.ts) and the daily run checks the chain
 * (workflow/logCheck.ts).
 */
import { chainLines } from '../model/logChain';
import type { LogEntry } from '../render/caseView';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { appendRows, readTable } from '../workspace/tables';
import { LOG } from './records';

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
