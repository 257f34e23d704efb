/** The case's Logboek: what the product did, without case content or names. */
import type { LogEntry } from '../render/caseView';
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { appendRows } from '../workspace/tables';
import { LOG } from './records';

/** Appends the events with the current time; returns the rows as written. */
export function logEvents(ss: Book, events: [string, string][]): LogEntry[] {
  const at = nowMs();
  const rows = events.map(([event, detail]) => ({ at, event, detail }));
  appendRows(ss, LOG, rows);
  return rows;
}
