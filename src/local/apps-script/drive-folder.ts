/**
 * `Folder` (reference/drive/folder; behaviours §4) plus the create/iterate helpers DriveApp
 * shares. Listings include trashed children [W]; order is unspecified in Drive (creation order
 * here — do not rely on it).
 */
import { BlobImpl } from './blob';
import {
  addEditorTo,
  addViewerTo,
  type IterKind,
  parseQuery,
  removeEditorFrom,
  removeViewerFrom,
  revokeFrom,
} from './drive-core';
import { FileImpl, fileHandle } from './drive-file';
import { DriveItem, driveHandles } from './drive-item';
import { implOf, signatureError, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const GOOGLE_TYPES: string[] = [MIME.folder, MIME.spreadsheet, MIME.form, MIME.document];
const MB = 1024 * 1024;

export class FolderImpl
  extends DriveItem
  implements
    Pick<
      Folder,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'createFolder'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByType'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'getParents'
      | 'addFile'
      | 'removeFile'
      | 'addFolder'
      | 'removeFolder'
      | 'setTrashed'
      | 'isTrashed'
      | 'moveTo'
      | 'setSharing'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'addEditor'
      | 'addEditors'
      | 'addViewer'
      | 'addViewers'
      | 'removeEditor'
      | 'removeViewer'
      | 'getEditors'
      | 'getViewers'
      | 'getOwner'
      | 'revokePermissions'
      | 'setDescription'
      | 'getDescription'
      | 'searchFiles'
      | 'searchFolders'
    >
{
  protected readonly cls = 'Folder' as const;

  private children(kind: IterKind, pred: (e: DriveEntry) => boolean = () => true): string[] {
    const folder = kind === 'Folder';
    return [...this.rt.drive.values()]
      .filter(
        (e) => e.parentIds.includes(this.entry.id) && (e.mimeType === MIME.folder) === folder && pred(e),
      )
      .map((e) => e.id);
  }

  setName(name: string): Folder {
    this.doSetName(name);
    return this.self();
  }

  setDescription(description: string): Folder {
    this.doSetDescription(description);
    return this.self();
  }

  setTrashed(trashed: boolean): Folder {
    this.doSetTrashed(trashed, this.entry.id !== this.rt.rootFolderId);
    return this.self();
  }

  moveTo(destination: Folder): Folder {
    this.doMoveTo(destination);
    return this.self();
  }

  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): Folder {
    this.doSetSharing(accessType, permissionType);
    return this.self();
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Folder {
    this.share('addEditor', user, addEditorTo);
    return this.self();
  }

  addEditors(emailAddresses: string[]): Folder {
    this.share('addEditors', emailAddresses, addEditorTo);
    return this.self();
  }

  addViewer(user: string | GoogleAppsScript.Base.User): Folder {
    this.share('addViewer', user, addViewerTo);
    return this.self();
  }

  addViewers(emailAddresses: string[]): Folder {
    this.share('addViewers', emailAddresses, addViewerTo);
    return this.self();
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Folder {
    this.share('removeEditor', user, removeEditorFrom);
    return this.self();
  }

  removeViewer(user: string | GoogleAppsScript.Base.User): Folder {
    this.share('removeViewer', user, removeViewerFrom);
    return this.self();
  }

  revokePermissions(user: string | GoogleAppsScript.Base.User): Folder {
    this.share('revokePermissions', user, revokeFrom);
    return this.self();
  }

  createFolder(name: string): Folder {
    this.enter('createFolder');
    return createFolderIn(this.rt, this.entry.id, name, 'DriveApp.Folder.createFolder');
  }

  createFile(a: unknown, content?: unknown, mimeType?: unknown): File {
    this.enter('createFile');
    const args = [a, content, mimeType].filter((x) => x !== undefined);
    return createFileIn(this.rt, this.entry.id, args, 'DriveApp.Folder.createFile');
  }

  /** Order unspecified in Drive; trashed children are included (check `isTrashed()`) [W]. */
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.enter('getFiles');
    return iterator(this.rt, 'File', this.children('File'));
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.enter('getFolders');
    return iterator(this.rt, 'Folder', this.children('Folder'));
  }

  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('getFilesByType');
    return iterator(
      this.rt,
      'File',
      this.children('File', (e) => e.mimeType === mimeType),
    );
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('getFilesByName');
    return iterator(
      this.rt,
      'File',
      this.children('File', (e) => e.name === name),
    );
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.enter('getFoldersByName');
    return iterator(
      this.rt,
      'Folder',
      this.children('Folder', (e) => e.name === name),
    );
  }

  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('searchFiles');
    return iterator(this.rt, 'File', this.children('File', parseQuery(params)));
  }

  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    this.enter('searchFolders');
    return iterator(this.rt, 'Folder', this.children('Folder', parseQuery(params)));
  }

  private link(
    method: string,
    child: unknown,
    ctor: typeof FileImpl | typeof FolderImpl,
    add: boolean,
  ): Folder {
    this.enter(method);
    const item = implOf<DriveItem>(child, ctor);
    if (!item) throw signatureError(`DriveApp.Folder.${method}`, [child]);
    const e = item.entry;
    e.parentIds = add
      ? [...new Set([...e.parentIds, this.entry.id])]
      : e.parentIds.filter((p) => p !== this.entry.id);
    return this.self();
  }

  /** Deprecated: adds a second parent without removing the first (behaviours §4). */
  addFile(child: File): Folder {
    return this.link('addFile', child, FileImpl, true);
  }

  removeFile(child: File): Folder {
    return this.link('removeFile', child, FileImpl, false);
  }

  addFolder(child: Folder): Folder {
    return this.link('addFolder', child, FolderImpl, true);
  }

  removeFolder(child: Folder): Folder {
    return this.link('removeFolder', child, FolderImpl, false);
  }
}

export function folderHandle(rt: Runtime, entry: DriveEntry): Folder {
  return wrap<Folder>(new FolderImpl(rt, entry), 'Folder');
}

export function iterator(
  rt: Runtime,
  kind: 'File',
  ids: string[],
  pos?: number,
): GoogleAppsScript.Drive.FileIterator;
export function iterator(
  rt: Runtime,
  kind: 'Folder',
  ids: string[],
  pos?: number,
): GoogleAppsScript.Drive.FolderIterator;
export function iterator(rt: Runtime, kind: IterKind, ids: string[], pos = 0): unknown {
  return driveHandles.iterator(rt, kind, ids, pos);
}

export function createFolderIn(rt: Runtime, parentId: string, name: unknown, method: string): Folder {
  if (typeof name !== 'string') throw signatureError(method, [name]);
  const id = rt.newId();
  const entry = rt.newEntry(id, name, MIME.folder, [parentId]);
  rt.drive.set(id, entry);
  return folderHandle(rt, entry);
}

/**
 * `createFile(blob)`, `(name, content)`, `(name, content, mimeType)`. String content over 50 MB
 * (2 args) / 10 MB (3 args) is refused (DRA#createFile; wording unconfirmed); Google types
 * cannot be created this way.
 */
export function createFileIn(rt: Runtime, parentId: string, args: unknown[], method: string): File {
  const [a, content, mimeType] = args;
  let entry: DriveEntry;
  if (
    args.length === 1 &&
    a !== null &&
    typeof a === 'object' &&
    typeof (a as { getBlob?: unknown }).getBlob === 'function'
  ) {
    const blob = (a as GoogleAppsScript.Base.BlobSource).getBlob() as unknown as
      | BlobImpl
      | GoogleAppsScript.Base.Blob;
    const bytes =
      blob instanceof BlobImpl ? blob.rawBytes() : Uint8Array.from(blob.getBytes(), (b) => b & 0xff);
    entry = rt.createFile(
      blob.getName() ?? 'Untitled',
      blob.getContentType() ?? 'application/octet-stream',
      undefined,
      new Uint8Array(bytes),
    );
  } else if (
    typeof a === 'string' &&
    typeof content === 'string' &&
    (args.length === 2 || typeof mimeType === 'string')
  ) {
    const bytes = new TextEncoder().encode(content);
    if (bytes.length > (args.length === 3 ? 10 : 50) * MB) throw gasError('Invalid argument: content');
    const mime = args.length === 3 ? String(mimeType) : MIME.plain;
    if (GOOGLE_TYPES.includes(mime)) throw gasError('Invalid argument: mimeType');
    entry = rt.createFile(a, mime, undefined, bytes);
  } else {
    throw signatureError(method, args);
  }
  entry.parentIds = [parentId];
  return fileHandle(rt, entry);
}

driveHandles.folder = folderHandle;
