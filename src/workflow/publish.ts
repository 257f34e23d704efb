/** Rebuilding what people read: the view tabs of the case spreadsheet and the overview document. */
import { isoDate } from '../model/time';
import type { CaseView } from '../render/caseView';
import { buildOverview } from '../render/overview';
import { tableHash } from '../render/tableHash';
import { buildViews } from '../render/views';
import { nowMs } from '../workspace/clock';
import { writeDocument } from '../workspace/docs';
import { savePdfIn } from '../workspace/documents';
import { writeSheetTable } from '../workspace/sheetWriter';
import { readTable, replaceTable } from '../workspace/tables';
import { tabNames } from '../workspace/tabs';
import { assembleView } from './assemble';
import type { CaseHandle } from './context';
import { logEvents } from './log';
import { TABS } from './records';

/**
 * Rewrites the view tabs whose content changed since they were last written (a fingerprint
 * per tab in `_tabbladen`), and tabs that are missing; `all` rewrites every tab (the first run
 * of the day, which also undoes hand edits in a view). Returns the names of the tabs written.
 */
export function rebuildViews(
  h: CaseHandle,
  view: CaseView = assembleView(h),
  opts: { all?: boolean } = {},
): string[] {
  const tables = buildViews(view);
  const before = new Map(readTable(h.ss, TABS).map((t) => [t.name, t.hash]));
  const present = new Set(tabNames(h.ss));
  const hashes = tables.map((table, position) => ({ name: table.name, hash: tableHash(table, position) }));
  const written: string[] = [];
  tables.forEach((table, position) => {
    const hash = hashes[position]!.hash;
    if (!opts.all && present.has(table.name) && before.get(table.name) === hash) return;
    writeSheetTable(h.ss, table, { position });
    written.push(table.name);
  });
  const same = hashes.length === before.size && hashes.every((x) => before.get(x.name) === x.hash);
  if (!same) replaceTable(h.ss, TABS, hashes);
  return written;
}

export function rebuildOverview(h: CaseHandle, view: CaseView = assembleView(h)): void {
  writeDocument({ fileId: h.row.overviewId, tree: buildOverview(view) });
}

/** Rebuilds both from one read of the system tables. */
export function publish(h: CaseHandle): CaseView {
  const view = assembleView(h);
  rebuildViews(h, view);
  rebuildOverview(h, view);
  return view;
}

/** A PDF copy of the overview in the case folder (Document.getAs only supports PDF). */
export function exportOverviewPdf(h: CaseHandle): string {
  const id = savePdfIn(
    h.row.overviewId,
    `Integraal beeld ${h.row.code} ${isoDate(nowMs(), 'Europe/Amsterdam')}.pdf`,
    h.row.folderId,
  );
  logEvents(h.ss, [['pdf', `PDF van het integraal beeld gemaakt`]]);
  return id;
}
