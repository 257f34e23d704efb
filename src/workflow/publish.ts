/** Rebuilding what people read: the view tabs of the case spreadsheet and the overview document. */
import { isoDate } from '../model/time';
import type { CaseView } from '../render/caseView';
import { buildOverview } from '../render/overview';
import { buildViews } from '../render/views';
import { nowMs } from '../workspace/clock';
import { rewriteDocument, savePdfIn } from '../workspace/documents';
import { writeSheetTable } from '../workspace/sheetWriter';
import { assembleView } from './assemble';
import type { CaseHandle } from './context';
import { logEvents } from './log';

export function rebuildViews(h: CaseHandle, view: CaseView = assembleView(h)): void {
  buildViews(view).forEach((table, position) => {
    writeSheetTable(h.ss, table, { position });
  });
}

export function rebuildOverview(h: CaseHandle, view: CaseView = assembleView(h)): void {
  rewriteDocument(h.row.overviewId, buildOverview(view));
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
