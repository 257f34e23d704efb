/**
 * Writing a DocTree as a Google Doc in ONE Drive call: the tree is rendered to .docx in pure
 * code (render/docx) and uploaded with conversion through the Drive v3 advanced service
 * (files.create / files.update with a Google Docs target, which imports the Office file:
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
 *
 * A document whose tree did not change is not rebuilt: the tree's hash is kept in the file's
 * `appProperties` (private to this script, https://developers.google.com/workspace/drive/api/guides/properties)
 * and read back with one files.get; when equal, charts and upload are skipped.
 *
 * Who can open each document comes with the same responses: the file resource's `permissions`
 * (drive/api/reference/rest/v3/files, each a Permission of …/rest/v3/permissions), asked for in
 * the listing, the files.get and the files.create response. Sharing then only costs calls where
 * it must change (workspace/files shareExactlyWith).
 */
import type { DocTree } from '../render/docTree';
import { toSignedBytes } from '../render/docx/bytes';
import { chartsOf, DOCX_MIME, docTreeToDocx } from '../render/docx/docx';
import { treeHash } from '../render/docx/hash';
import { chartPngs } from './charts';
import { type KnownSharing, PERMISSION_FIELDS, sharingOf } from './files';
import { driveService } from './forms';

const GOOGLE_DOC = 'application/vnd.google-apps.document';
/** appProperties key holding the hash of the tree the document was last written from. */
export const TREE_HASH_KEY = 'docTreeHash';
/** What the case folder's listing tells about one document. */
export interface DocumentState {
  /** File name (listed documents only). */
  name?: string;
  /** The tree hash it was last written from; null: none. */
  hash: string | null;
  sharing: KnownSharing | null;
}

export interface WriteDocumentInput {
  tree: DocTree;
  /** An existing Google Doc to replace; absent: a new one is created. */
  fileId?: string;
  /** File name of a new document (case codes only, no personal data). */
  name?: string;
  /** Folder of a new document. */
  folderId?: string;
  /** What the case folder's listing told about the existing document (documentStatesIn): then no files.get is needed. */
  state?: DocumentState;
  /** The fingerprint to store instead of the tree's own (a letter leaves out the day it was made). */
  hash?: string;
}

export interface WriteDocumentResult {
  id: string;
  /** False when the stored hash equalled the tree's and nothing was uploaded. */
  changed: boolean;
  /** Who can open it, as Drive answered (or as the caller knew); null when unknown. */
  sharing: KnownSharing | null;
}

function docxBlob(tree: DocTree, name: string): GoogleAppsScript.Base.Blob {
  const images = chartPngs(chartsOf(tree));
  const bytes = docTreeToDocx(tree, images);
  return Utilities.newBlob(toSignedBytes(bytes), DOCX_MIME, `${name}.docx`);
}

/** Creates or replaces the Google Doc for `tree`; skips the upload when the tree is unchanged. */
export function writeDocument(input: WriteDocumentInput): WriteDocumentResult {
  const hash = input.hash ?? treeHash(input.tree);
  const d = driveService();
  const appProperties = { [TREE_HASH_KEY]: hash };
  if (input.fileId) {
    let state = input.state;
    if (!state) {
      const file = d.Files.get(input.fileId, { fields: `appProperties, ${PERMISSION_FIELDS}` });
      state = { hash: file.appProperties?.[TREE_HASH_KEY] ?? null, sharing: sharingOf(file.permissions) };
    }
    const { sharing } = state;
    if (state.hash === hash) return { id: input.fileId, changed: false, sharing };
    d.Files.update({ appProperties }, input.fileId, docxBlob(input.tree, input.name ?? 'document'), {
      fields: 'id',
    });
    return { id: input.fileId, changed: true, sharing };
  }
  const name = input.name ?? input.tree.title;
  const created = d.Files.create(
    { name, mimeType: GOOGLE_DOC, appProperties, ...(input.folderId ? { parents: [input.folderId] } : {}) },
    docxBlob(input.tree, name),
    { fields: `id, ${PERMISSION_FIELDS}` },
  );
  return { id: String(created.id), changed: true, sharing: sharingOf(created.permissions) };
}

/**
 * The tree hash and the sharing of every Google Doc in a folder, by file id, in one files.list
 * per 1,000 documents (drive/api/reference/rest/v3/files/list; `appProperties` and `permissions`
 * are selectable fields of the file resource).
 */
export function documentStatesIn(folderId: string): Map<string, DocumentState> {
  const q = `'${folderId.replace(/[\\']/g, '\\$&')}' in parents and mimeType = '${GOOGLE_DOC}' and trashed = false`;
  const out = new Map<string, DocumentState>();
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = {
      q,
      pageSize: 1000,
      fields: `nextPageToken, files(id, name, appProperties, ${PERMISSION_FIELDS})`,
    };
    if (pageToken) args.pageToken = pageToken;
    const page = driveService().Files.list(args);
    for (const f of page.files ?? []) {
      if (f.id) {
        out.set(f.id, {
          name: String(f.name),
          hash: f.appProperties?.[TREE_HASH_KEY] ?? null,
          sharing: sharingOf(f.permissions),
        });
      }
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}
