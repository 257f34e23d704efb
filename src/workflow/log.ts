/** The case's Logboek: what the product did, without case content or names. */
import { nowMs } from '../workspace/clock';
import type { Book } from '../workspace/spreadsheets';
import { appendRows } from '../workspace/tables';
import { LOG } from './records';

export function logEvents(ss: Book, events: [string, string][]): void {
  const at = nowMs();
  appendRows(
    ss,
    LOG,
    events.map(([event, detail]) => ({ at, event, detail })),
  );
}
