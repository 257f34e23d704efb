/**
 * Rebuilding what people read: the view tabs of the case spreadsheet and the documents. Which
 * documents exist and with whom each is shared follows model/audiences:
 * - the restricted integraal beeld (the register's document): politie, OM and procesregisseur;
 * - from step 4 on, when the integraal beeld of step 3 is done: a version for the lokale
 *   driehoek and one per active partner (group level and its own actions).
 * One document per partner rather than one shared partner version: the plan's actions are
 * need-to-know per owner, and one file per partner lets Drive enforce that with plain sharing.
 */
import { type Audience, readersOf } from '../model/audiences';
import { latePartners, nextActions } from '../model/nextActions';
import { isoDate } from '../model/time';
import type { CaseView, LogEntry } from '../render/caseView';
import type { DocTree } from '../render/docTree';
import { buildDocument, type DocumentFor } from '../render/overview';
import { tableHash } from '../render/tableHash';
import { buildViews } from '../render/views';
import { withChartCache } from '../workspace/charts';
import { nowMs } from '../workspace/clock';
import { type DocumentState, documentStatesIn, writeDocument } from '../workspace/docs';
import { savePdfIn } from '../workspace/documents';
import { type KnownSharing, shareExactlyWith } from '../workspace/files';
import { tabSnapshot, writeTables } from '../workspace/sheetBatch';
import {
  appendRows,
  ensureTable,
  readTable,
  replaceTable,
  replaceTableRequest,
  updateRow,
} from '../workspace/tables';
import { assembleView } from './assemble';
import type { CaseHandle } from './context';
import { actionFacts } from './dashboard';
import { logEvents } from './log';
import { DOCUMENTS, type DocumentRow, OUTBOX, TABS } from './records';
import { recordCaseSummary } from './registerTabs';

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
  const facts = actionFacts(view, { namesList: h.row.namesId !== '', outbox: readTable(h.ss, OUTBOX) });
  const next = view.next ?? nextActions(facts);
  const tables = buildViews({ ...view, next });
  // The register's list shows what the Overzicht shows: partners late, the first next action.
  recordCaseSummary(h, {
    late: view.state.status === 'open' ? latePartners(facts).length : 0,
    nextAction: next[0]?.label ?? '',
  });
  const before = new Map(readTable(h.ss, TABS).map((t) => [t.name, t.hash]));
  // One spreadsheets.get: the tabs there are (and, for the batch, their ids and grids).
  const snapshot = tabSnapshot(h.ss);
  const hashes = tables.map((table) => ({ name: table.name, hash: tableHash(table) }));
  const writes = tables
    .map((table, position) => ({ table, position }))
    .filter(
      ({ table, position }) =>
        opts.all || !snapshot.names.has(table.name) || before.get(table.name) !== hashes[position]!.hash,
    );
  const same = hashes.length === before.size && hashes.every((x) => before.get(x.name) === x.hash);
  // The fingerprints go in the same batch as the tabs where it can (workspace/tables.ts).
  const prints = same ? null : replaceTableRequest(h.ss, TABS, hashes, snapshot.states?.get(TABS.name));
  writeTables(h.ss, writes, snapshot, prints ? [prints.request] : []);
  if (prints) prints.applied();
  else if (!same) replaceTable(h.ss, TABS, hashes);
  return writes.map((w) => w.table.name);
}

/** One document of the case: what it shows and for whom. */
export interface CaseDocument {
  key: string;
  target: DocumentFor;
  /** File name in the case folder: case code and audience, never a person. */
  name: string;
}

/** Whether the case got past step 3: its integraal beeld is then ready for other readers. */
export function audienceVersionsDue(view: CaseView): boolean {
  return (view.state.rounds['4'] ?? 0) > 0;
}

/** The documents besides the restricted integraal beeld that the case has at this point. */
export function audienceDocuments(view: CaseView): CaseDocument[] {
  if (!audienceVersionsDue(view)) return [];
  return [
    { key: 'driehoek', target: { audience: 'driehoek' }, name: `${view.code} integraal beeld driehoek` },
    ...view.partners
      .filter((p) => p.active)
      .map((p) => ({
        key: `partner:${p.id}`,
        target: { audience: 'partner' as Audience, partnerId: p.id },
        name: `${view.code} integraal beeld ${p.id}`,
      })),
  ];
}

/**
 * Shares a file with exactly the readers; logs only a change, by count (no addresses in the log).
 * `known`: its permissions as Drive just listed them, so that a file shared right costs no call.
 */
function share(
  fileId: string,
  readers: string[],
  what: string,
  events: [string, string][],
  known: KnownSharing | null,
) {
  const change = shareExactlyWith(fileId, readers, known);
  if (change.added.length + change.removed.length > 0) {
    events.push([
      'gedeeld',
      `${what}: ${change.added.length} lezer(s) toegevoegd, ${change.removed.length} verwijderd`,
    ]);
  }
}

/**
 * Writes one document kept in the `_documenten` table and shares it with exactly its readers.
 * A new one is made in the case folder by the same upload that writes it (workspace/docs), or,
 * when the folder listing shows an unregistered document with its name (made by a run that
 * stopped before it could register it), that one is taken. A new row goes to `rows` and to
 * `added` (the caller appends them all at once); a changed reader count is updated in place.
 */
function writeListedDocument(
  h: CaseHandle,
  doc: { key: string; name: string; tree: DocTree; readers: string[] },
  events: [string, string][],
  rows: DocumentRow[],
  added: DocumentRow[],
  states: Map<string, DocumentState>,
): string {
  const { key, name, tree, readers } = doc;
  let row = rows.find((r) => r.key === key);
  let written: { id: string; sharing: KnownSharing | null };
  if (row) {
    const fileId = String(row.fileId);
    written = writeDocument({ fileId, tree, name, state: states.get(fileId) });
  } else {
    const registered = new Set([h.row.overviewId, ...rows.map((r) => String(r.fileId))]);
    const left = [...states].find(([id, st]) => st.name === name && !registered.has(id));
    written = left
      ? writeDocument({ fileId: left[0], tree, name, state: left[1] })
      : writeDocument({ tree, name, folderId: h.row.folderId });
    row = { key, fileId: written.id, readers: readers.length };
    rows.push(row);
    added.push(row);
  }
  share(written.id, readers, name, events, written.sharing);
  if (Number(row.readers) !== readers.length) {
    row.readers = readers.length;
    updateRow(h.ss, DOCUMENTS, rows.indexOf(row), row);
  }
  return written.id;
}

/**
 * Writes a document kept in the `_documenten` table (made in the case folder when new) and
 * shares it with exactly its readers. Returns the file id.
 */
export function writeCaseDocument(
  h: CaseHandle,
  key: string,
  name: string,
  tree: DocTree,
  readers: string[],
  events: [string, string][],
  rows: DocumentRow[] = readTable(h.ss, DOCUMENTS),
): string {
  const added: DocumentRow[] = [];
  // Without a folder listing: a registered document is read by id (workspace/docs), none is taken over.
  const id = writeListedDocument(h, { key, name, tree, readers }, events, rows, added, new Map());
  appendRows(h.ss, DOCUMENTS, added);
  return id;
}

/**
 * The restricted integraal beeld, then the driehoek and partner versions when they are due.
 * Returns what it wrote to the Logboek (sharing changes), so a caller can show it in the views.
 */
export function rebuildOverview(
  h: CaseHandle,
  view: CaseView = assembleView(h),
  events: [string, string][] = [],
): LogEntry[] {
  // The same chart in every audience's version is drawn once (also outside the script lock).
  return withChartCache(() => rebuildDocuments(h, view, events));
}

function rebuildDocuments(h: CaseHandle, view: CaseView, events: [string, string][]): LogEntry[] {
  const { settings, partners } = view;
  // One listing of the case folder gives the stored hash and the sharing of every document: an
  // unchanged document shared with exactly its readers then costs no call at all.
  const states = documentStatesIn(h.row.folderId);
  const overview = writeDocument({
    fileId: h.row.overviewId,
    tree: buildDocument(view, { audience: 'beperkt' }),
    state: states.get(h.row.overviewId),
  });
  share(
    h.row.overviewId,
    readersOf('beperkt', settings, partners),
    'integraal beeld (beperkt)',
    events,
    overview.sharing,
  );
  const docs = audienceDocuments(view);
  if (docs.length > 0) {
    ensureTable(h.ss, DOCUMENTS);
    const rows = readTable(h.ss, DOCUMENTS);
    const added: DocumentRow[] = [];
    try {
      for (const d of docs) {
        const readers = readersOf(d.target.audience, settings, partners, d.target.partnerId);
        const tree = buildDocument(view, d.target);
        writeListedDocument(h, { key: d.key, name: d.name, tree, readers }, events, rows, added, states);
      }
    } finally {
      // New documents are registered in one write, also when a later one failed.
      appendRows(h.ss, DOCUMENTS, added);
    }
  }
  // logEvents writes nothing for no events.
  return logEvents(h.ss, events);
}

/**
 * Rebuilds both from one read of the system tables: the documents first, so that what their
 * sharing logged is in the Logboek tab at once (and a second rebuild finds nothing to write).
 */
export function publish(h: CaseHandle, opts: { requested?: boolean } = {}): CaseView {
  const read = assembleView(h);
  // On request (menu or sidebar) the Logboek says so: the dashboard then knows the integraal
  // beeld is current (workflow/dashboard.ts, overviewStale). A gate logs its decision instead.
  const asked: [string, string][] = opts.requested ? [['integraal beeld', 'bijgewerkt op verzoek']] : [];
  const logged = rebuildOverview(h, read, asked);
  const view = { ...read, log: [...read.log, ...logged] };
  rebuildViews(h, view);
  return view;
}

/** File ids of the documents in the `_documenten` table, by key. */
export function caseDocumentIds(h: CaseHandle): Map<string, string> {
  return new Map(readTable(h.ss, DOCUMENTS).map((r) => [String(r.key), String(r.fileId)] as const));
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
