/**
 * `File` (reference/drive/file; reference/drive/drive-app): metadata, sharing, `makeCopy` (Google files copy
 * their model), `getBlob`/`getAs` (ordinary files give their bytes; Google files need a converter
 * registered by their service).
 */
import { BlobImpl } from './blob';
import { converterFor, copyData, renameForType } from './drive-core';
import { DriveItem, type DriveItemMember, driveHandles } from './drive-item';
import { implOf, signatureError, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

export class FileImpl
  extends DriveItem<File>
  implements Pick<File, DriveItemMember | 'getMimeType' | 'makeCopy' | 'getSize' | 'setContent'>
{
  protected readonly cls = 'File' as const;

  getMimeType(): string {
    return this.enter('getMimeType').mimeType;
  }

  getSize(): number {
    // Google-native files take no storage quota and report 0.
    return this.enter('getSize').bytes?.length ?? 0;
  }

  /**
   * `makeCopy()`, `(name)`, `(destination)`, `(name, destination)`: default name `Copy of <name>`
   * [W]; the copy lands next to the original unless a folder is given; sharing is not copied.
   * Google files copy their model (spreadsheets deep-copy; services can register a copier).
   */
  makeCopy(a?: string | Folder, b?: Folder): File {
    const e = this.enter('makeCopy');
    const args = [a, b].filter((x) => x !== undefined);
    const named = typeof a === 'string';
    const dest = named ? b : a;
    if (!named && b !== undefined) throw signatureError('DriveApp.File.makeCopy', args);
    let parentIds = [...e.parentIds];
    if (dest !== undefined) {
      const folder = implOf(dest, DriveItem);
      if (!folder || folder.entry.mimeType !== MIME.folder)
        throw signatureError('DriveApp.File.makeCopy', args);
      parentIds = [folder.entry.id];
    }
    const name = named ? a : `Copy of ${e.name}`;
    const data = e.data === undefined ? undefined : copyData(this.rt, e);
    const copy = this.rt.createFile(name, e.mimeType, data, e.bytes ? new Uint8Array(e.bytes) : undefined);
    copy.parentIds = parentIds;
    copy.description = e.description;
    return fileHandle(this.rt, copy);
  }

  /** Ordinary files give their bytes; Google files convert to PDF through a registered converter. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const e = this.enter('getBlob');
    if (e.bytes !== undefined)
      return new BlobImpl(e.bytes, e.mimeType, e.name) as unknown as GoogleAppsScript.Base.Blob;
    return this.convert(e, MIME.pdf);
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const e = this.enter('getAs');
    if (e.bytes !== undefined) {
      if (contentType === e.mimeType)
        return new BlobImpl(e.bytes, e.mimeType, e.name) as unknown as GoogleAppsScript.Base.Blob;
      throw gasError(`Converting from ${e.mimeType} to ${contentType} is not supported.`);
    }
    return this.convert(e, String(contentType));
  }

  private convert(e: DriveEntry, target: string): GoogleAppsScript.Base.Blob {
    const converter = converterFor(e.mimeType);
    if (!converter) throw gasError(`Converting from ${e.mimeType} to ${target} is not supported.`);
    // The converter counts the conversion against the day's quota (runtime.ts CreationKind).
    const blob = converter(this.rt, e, target);
    blob.setName(renameForType(e.name, target));
    return blob as unknown as GoogleAppsScript.Base.Blob;
  }

  setContent(content: string): File {
    const e = this.enter('setContent');
    if (typeof content !== 'string') throw signatureError('DriveApp.File.setContent', [content]);
    if (e.bytes === undefined) throw gasError('Invalid argument: content');
    e.bytes = new TextEncoder().encode(content);
    this.rt.touch(e);
    return this.self();
  }
}

export function fileHandle(rt: Runtime, entry: DriveEntry): File {
  return wrap<File>(new FileImpl(rt, entry), 'File');
}

driveHandles.file = fileHandle;
