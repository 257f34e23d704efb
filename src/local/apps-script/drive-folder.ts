/**
 * `Folder` (reference/drive/folder; reference/drive/drive-app) plus the create/iterate helpers DriveApp
 * shares. Listings include trashed children [W]; order is unspecified in Drive (creation order
 * here — do not rely on it).
 */
import { BlobImpl } from './blob';
import { type IterKind, idsOf, parseQuery } from './drive-core';
import { FileImpl, fileHandle } from './drive-file';
import { DriveItem, type DriveItemMember, driveHandles } from './drive-item';
import { implOf, signatureError, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const GOOGLE_TYPES: string[] = [MIME.folder, MIME.spreadsheet, MIME.form, MIME.document];
const MB = 1024 * 1024;

export class FolderImpl
  extends DriveItem<Folder>
  implements
    Pick<
      Folder,
      | DriveItemMember
      | 'createFolder'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByType'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'addFile'
      | 'removeFile'
      | 'addFolder'
      | 'removeFolder'
      | 'searchFiles'
      | 'searchFolders'
    >
{
  protected readonly cls = 'Folder' as const;

  /** This folder's files or subfolders that pass `pred`. */
  private ids(kind: IterKind, pred: (e: DriveEntry) => boolean): string[] {
    return idsOf(this.rt, kind, (e) => e.parentIds.includes(this.entry.id) && pred(e));
  }

  private files(pred: (e: DriveEntry) => boolean = () => true): GoogleAppsScript.Drive.FileIterator {
    return iterator(this.rt, 'File', this.ids('File', pred));
  }

  private folders(pred: (e: DriveEntry) => boolean = () => true): GoogleAppsScript.Drive.FolderIterator {
    return iterator(this.rt, 'Folder', this.ids('Folder', pred));
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
    return this.files();
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.enter('getFolders');
    return this.folders();
  }

  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('getFilesByType');
    return this.files((e) => e.mimeType === mimeType);
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('getFilesByName');
    return this.files((e) => e.name === name);
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.enter('getFoldersByName');
    return this.folders((e) => e.name === name);
  }

  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    this.enter('searchFiles');
    return this.files(parseQuery(params));
  }

  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    this.enter('searchFolders');
    return this.folders(parseQuery(params));
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

  /** Deprecated: adds a second parent without removing the first (reference/drive/drive-app). */
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
