/**
 * The emulated DriveApp (reference/drive/drive-app) and the global `MimeType`
 * enum (reference/base/mime-type). Files and folders live in the runtime's Drive registry,
 * shared with SpreadsheetApp, FormApp and DocumentApp.
 */
import {
  Access,
  DriveIteratorImpl,
  decodeToken,
  type IterKind,
  idsOf,
  Permission,
  parseQuery,
  registerConverter,
  registerCopier,
} from './drive-core';
import { FileImpl, fileHandle } from './drive-file';
import { createFileIn, createFolderIn, folderHandle, iterator } from './drive-folder';
import { implOf, signatureError, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

export type { Converter, Copier } from './drive-core';
export { Access, fileHandle, folderHandle, Permission, registerConverter, registerCopier };

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

const MISSING = 'No item with the given ID could be found, or you do not have permission to access it.';

/** The global `MimeType` enum: each member is the MIME type string. */
export function createMimeTypeEnum(): GoogleAppsScript.Base.MimeType {
  return Object.freeze({
    GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
    GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
    GOOGLE_DOCS: MIME.document,
    GOOGLE_FORMS: MIME.form,
    GOOGLE_SHEETS: MIME.spreadsheet,
    GOOGLE_SITES: 'application/vnd.google-apps.site',
    GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
    FOLDER: MIME.folder,
    SHORTCUT: 'application/vnd.google-apps.shortcut',
    BMP: 'image/bmp',
    GIF: 'image/gif',
    JPEG: 'image/jpeg',
    PNG: 'image/png',
    SVG: 'image/svg+xml',
    PDF: MIME.pdf,
    CSS: 'text/css',
    CSV: 'text/csv',
    HTML: MIME.html,
    JAVASCRIPT: 'application/javascript',
    PLAIN_TEXT: MIME.plain,
    RTF: 'application/rtf',
    OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
    OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
    OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
    OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
    MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
    MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
    MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    MICROSOFT_WORD_LEGACY: 'application/msword',
    ZIP: 'application/zip',
  });
}

class DriveAppImpl
  implements
    Pick<
      GoogleAppsScript.Drive.DriveApp,
      | 'createFolder'
      | 'getFolderById'
      | 'getFileById'
      | 'getRootFolder'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByName'
      | 'getFilesByType'
      | 'getFoldersByName'
      | 'getTrashedFiles'
      | 'getTrashedFolders'
      | 'searchFiles'
      | 'searchFolders'
      | 'continueFileIterator'
      | 'continueFolderIterator'
      | 'addFile'
      | 'removeFile'
    >
{
  readonly Access = Access as unknown as typeof GoogleAppsScript.Drive.Access;
  readonly Permission = Permission as unknown as typeof GoogleAppsScript.Drive.Permission;

  constructor(private readonly rt: Runtime) {}

  /** Files or folders anywhere in Drive (the root folder aside) that pass `pred`. */
  private ids(kind: IterKind, pred: (e: DriveEntry) => boolean): string[] {
    return idsOf(this.rt, kind, (e) => e.id !== this.rt.rootFolderId && pred(e));
  }

  private files(pred: (e: DriveEntry) => boolean): FileIterator {
    return iterator(this.rt, 'File', this.ids('File', pred));
  }

  private folders(pred: (e: DriveEntry) => boolean): FolderIterator {
    return iterator(this.rt, 'Folder', this.ids('Folder', pred));
  }

  private lookup(id: unknown, folder: boolean): DriveEntry {
    const e = this.rt.drive.get(String(id));
    // getFileById on a folder id and vice versa are refused here (unconfirmed in Apps Script).
    if (!e || (e.mimeType === MIME.folder) !== folder) throw gasError(MISSING);
    return e;
  }

  createFolder(name: string): Folder {
    this.rt.call('DriveApp.createFolder');
    return createFolderIn(this.rt, this.rt.rootFolderId, name, 'DriveApp.createFolder');
  }

  createFile(a: unknown, content?: unknown, mimeType?: unknown): File {
    this.rt.call('DriveApp.createFile');
    const args = [a, content, mimeType].filter((x) => x !== undefined);
    return createFileIn(this.rt, this.rt.rootFolderId, args, 'DriveApp.createFile');
  }

  /** Missing id → the Drive wording [W]; a trashed file is still returned (reference/drive/drive-app). */
  getFileById(id: string): File {
    this.rt.call('DriveApp.getFileById');
    return fileHandle(this.rt, this.lookup(id, false));
  }

  getFolderById(id: string): Folder {
    this.rt.call('DriveApp.getFolderById');
    return folderHandle(this.rt, this.lookup(id, true));
  }

  getRootFolder(): Folder {
    this.rt.call('DriveApp.getRootFolder');
    return folderHandle(this.rt, this.rt.getEntry(this.rt.rootFolderId));
  }

  /** Includes trashed files, as DriveApp does [W] — filter with `isTrashed()` or `searchFiles`. */
  getFiles(): FileIterator {
    this.rt.call('DriveApp.getFiles');
    return this.files(() => true);
  }

  getFolders(): FolderIterator {
    this.rt.call('DriveApp.getFolders');
    return this.folders(() => true);
  }

  getFilesByName(name: string): FileIterator {
    this.rt.call('DriveApp.getFilesByName');
    return this.files((e) => e.name === name);
  }

  getFilesByType(mimeType: string): FileIterator {
    this.rt.call('DriveApp.getFilesByType');
    return this.files((e) => e.mimeType === mimeType);
  }

  getFoldersByName(name: string): FolderIterator {
    this.rt.call('DriveApp.getFoldersByName');
    return this.folders((e) => e.name === name);
  }

  getTrashedFiles(): FileIterator {
    this.rt.call('DriveApp.getTrashedFiles');
    return this.files((e) => e.trashed);
  }

  getTrashedFolders(): FolderIterator {
    this.rt.call('DriveApp.getTrashedFolders');
    return this.folders((e) => e.trashed);
  }

  searchFiles(params: string): FileIterator {
    this.rt.call('DriveApp.searchFiles');
    return this.files(parseQuery(params));
  }

  searchFolders(params: string): FolderIterator {
    this.rt.call('DriveApp.searchFolders');
    return this.folders(parseQuery(params));
  }

  continueFileIterator(continuationToken: string): FileIterator {
    this.rt.call('DriveApp.continueFileIterator');
    const t = decodeToken(continuationToken, 'File');
    return iterator(this.rt, 'File', t.ids, t.pos);
  }

  continueFolderIterator(continuationToken: string): FolderIterator {
    this.rt.call('DriveApp.continueFolderIterator');
    const t = decodeToken(continuationToken, 'Folder');
    return iterator(this.rt, 'Folder', t.ids, t.pos);
  }

  /** Adds the root as an extra parent (the file keeps its other parents). */
  addFile(child: File): Folder {
    this.rt.call('DriveApp.addFile');
    const f = implOf(child, FileImpl);
    if (!f) throw signatureError('DriveApp.addFile', [child]);
    if (!f.entry.parentIds.includes(this.rt.rootFolderId)) f.entry.parentIds.push(this.rt.rootFolderId);
    return folderHandle(this.rt, this.rt.getEntry(this.rt.rootFolderId));
  }

  removeFile(child: File): Folder {
    this.rt.call('DriveApp.removeFile');
    const f = implOf(child, FileImpl);
    if (!f) throw signatureError('DriveApp.removeFile', [child]);
    f.entry.parentIds = f.entry.parentIds.filter((p) => p !== this.rt.rootFolderId);
    return folderHandle(this.rt, this.rt.getEntry(this.rt.rootFolderId));
  }
}

export function createDriveApp(rt: Runtime): GoogleAppsScript.Drive.DriveApp {
  return wrap<GoogleAppsScript.Drive.DriveApp>(new DriveAppImpl(rt), 'DriveApp');
}

export { DriveIteratorImpl };
