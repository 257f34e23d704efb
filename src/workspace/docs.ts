/**
 * Writing a DocTree as a Google Doc in ONE Drive call: the tree is rendered to .docx in pure
 * code (render/docx) and uploaded with conversion through the Drive v3 advanced service
 * (files.create / files.update with a Google Docs target, which imports the Office file:
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
 *
 * A document whose tree did not change is not rebuilt: the tree's hash is kept in the file's
 * `appProperties` (private to this script, https://developers.google.com/workspace/drive/api/guides/properties)
 * and read back with one files.get; when equal, charts and upload are skipped.
 */
import type { DocTree } from '../render/docTree';
import { toSignedBytes } from '../render/docx/bytes';
import { chartsOf, DOCX_MIME, docTreeToDocx } from '../render/docx/docx';
import { treeHash } from '../render/docx/hash';
import { chartPngs } from './charts';

const GOOGLE_DOC = 'application/vnd.google-apps.document';
/** appProperties key holding the hash of the tree the document was last written from. */
export const TREE_HASH_KEY = 'docTreeHash';

export interface WriteDocumentInput {
  tree: DocTree;
  /** An existing Google Doc to replace; absent: a new one is created. */
  fileId?: string;
  /** File name of a new document (case codes only, no personal data). */
  name?: string;
  /** Folder of a new document. */
  folderId?: string;
  /**
   * The hash the existing document was last written from, when the caller already read it
   * (documentHashesIn): then no files.get is needed. `null`: the document has none.
   */
  storedHash?: string | null;
}

export interface WriteDocumentResult {
  id: string;
  /** False when the stored hash equalled the tree's and nothing was uploaded. */
  changed: boolean;
}

function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error(
      'De geavanceerde Drive-service (Drive API v3) staat niet aan in dit Apps Script-project; zet hem aan onder Services.',
    );
  }
  return Drive;
}

function docxBlob(tree: DocTree, name: string): GoogleAppsScript.Base.Blob {
  const images = chartPngs(chartsOf(tree));
  const bytes = docTreeToDocx(tree, images);
  return Utilities.newBlob(toSignedBytes(bytes), DOCX_MIME, `${name}.docx`);
}

/** Creates or replaces the Google Doc for `tree`; skips the upload when the tree is unchanged. */
export function writeDocument(input: WriteDocumentInput): WriteDocumentResult {
  const hash = treeHash(input.tree);
  const d = drive();
  const appProperties = { [TREE_HASH_KEY]: hash };
  if (input.fileId) {
    const stored =
      input.storedHash !== undefined
        ? input.storedHash
        : d.Files.get(input.fileId, { fields: 'appProperties' }).appProperties?.[TREE_HASH_KEY];
    if (stored === hash) return { id: input.fileId, changed: false };
    d.Files.update({ appProperties }, input.fileId, docxBlob(input.tree, input.name ?? 'document'), {
      fields: 'id',
    });
    return { id: input.fileId, changed: true };
  }
  const name = input.name ?? input.tree.title;
  const created = d.Files.create(
    { name, mimeType: GOOGLE_DOC, appProperties, ...(input.folderId ? { parents: [input.folderId] } : {}) },
    docxBlob(input.tree, name),
    { fields: 'id' },
  );
  return { id: String(created.id), changed: true };
}

/**
 * The tree hash of every Google Doc in a folder, by file id, in one files.list per 1,000
 * documents (drive/api/reference/rest/v3/files/list; `appProperties` is a selectable field of
 * the file resource). A document without a hash maps to null.
 */
export function documentHashesIn(folderId: string): Map<string, string | null> {
  const q = `'${folderId.replace(/[\\']/g, '\\$&')}' in parents and mimeType = '${GOOGLE_DOC}' and trashed = false`;
  const out = new Map<string, string | null>();
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = {
      q,
      pageSize: 1000,
      fields: 'nextPageToken, files(id, appProperties)',
    };
    if (pageToken) args.pageToken = pageToken;
    const page = drive().Files.list(args);
    for (const f of page.files ?? []) if (f.id) out.set(f.id, f.appProperties?.[TREE_HASH_KEY] ?? null);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}
