/**
 * What `File` and `Folder` share (reference/drive/file, …/drive/folder; reference/drive/drive-app): both are
 * views of a Drive entry in the runtime registry; a trashed item keeps working (`isTrashed()`).
 */

import { DriveIteratorImpl, type IterKind, revokeFrom, setSharingOn, urlOf } from './drive-core';
import { Shareable, type SharingMember } from './drive-sharing';
import { implOf, signatureError, wrap } from './handles';
import { scriptDate } from './realm';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

type User = GoogleAppsScript.Drive.User;
type Folder = GoogleAppsScript.Drive.Folder;

/** Handle factories, filled in by drive-file.ts and drive-folder.ts (avoids an import cycle). */
export const driveHandles = {
  file: null as unknown as (rt: Runtime, entry: DriveEntry) => GoogleAppsScript.Drive.File,
  folder: null as unknown as (rt: Runtime, entry: DriveEntry) => GoogleAppsScript.Drive.Folder,
  iterator(rt: Runtime, kind: IterKind, ids: string[], pos = 0): unknown {
    const make = kind === 'File' ? driveHandles.file : driveHandles.folder;
    const impl = new DriveIteratorImpl<unknown>(rt, kind, ids, pos, (e) => make(rt, e));
    return wrap(impl, `${kind}Iterator`);
  },
};

/** The members `DriveItem` implements, for the `Pick<…>` lists of File and Folder. */
export type DriveItemMember =
  | SharingMember
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getDescription'
  | 'setDescription'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'isTrashed'
  | 'setTrashed'
  | 'getParents'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'setSharing'
  | 'revokePermissions'
  | 'moveTo';

/** `Self` is the Apps Script interface (`File` or `Folder`) the setters return. */
export abstract class DriveItem<Self = unknown> extends Shareable<Self, User> {
  protected abstract readonly cls: 'File' | 'Folder';

  constructor(
    protected readonly rt: Runtime,
    /** Emulator internal (not an Apps Script member). */
    readonly entry: DriveEntry,
  ) {
    super();
  }

  protected sharedEntry(method: string): DriveEntry {
    return this.enter(method);
  }

  protected signatureOf(method: string): string {
    return `DriveApp.${this.cls}.${method}`;
  }

  protected override sharingChanged(entry: DriveEntry): void {
    this.rt.touch(entry);
  }

  protected enter(method: string): DriveEntry {
    this.rt.call(`${this.cls}.${method}`);
    return this.entry;
  }

  protected self(): Self {
    return this as unknown as Self;
  }

  getId(): string {
    return this.enter('getId').id;
  }

  getName(): string {
    return this.enter('getName').name;
  }

  getUrl(): string {
    return urlOf(this.enter('getUrl'));
  }

  getDescription(): string | null {
    const d = this.enter('getDescription').description;
    return d === '' ? null : d;
  }

  getDateCreated(): Date {
    return scriptDate(this.enter('getDateCreated').createdAt);
  }

  getLastUpdated(): Date {
    return scriptDate(this.enter('getLastUpdated').updatedAt);
  }

  isTrashed(): boolean {
    return this.enter('isTrashed').trashed;
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return driveHandles.iterator(
      this.rt,
      'Folder',
      this.enter('getParents').parentIds,
    ) as GoogleAppsScript.Drive.FolderIterator;
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.enter('getSharingAccess').sharingAccess as unknown as GoogleAppsScript.Drive.Access;
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.enter('getSharingPermission')
      .sharingPermission as unknown as GoogleAppsScript.Drive.Permission;
  }

  setName(name: string): Self {
    const e = this.enter('setName');
    if (typeof name !== 'string') throw signatureError(`DriveApp.${this.cls}.setName`, [name]);
    e.name = name;
    this.rt.touch(e);
    return this.self();
  }

  setDescription(description: string): Self {
    this.enter('setDescription').description = String(description ?? '');
    return this.self();
  }

  /** The root folder cannot be trashed (wording unconfirmed). */
  setTrashed(trashed: boolean): Self {
    const e = this.enter('setTrashed');
    if (e.id === this.rt.rootFolderId) throw gasError('Invalid argument: trashed');
    e.trashed = Boolean(trashed);
    this.rt.touch(e);
    return this.self();
  }

  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): Self {
    setSharingOn(this.rt, this.enter('setSharing'), accessType, permissionType, this.cls);
    return this.self();
  }

  revokePermissions(user: string | GoogleAppsScript.Base.User): Self {
    return this.share('revokePermissions', user, revokeFrom);
  }

  moveTo(destination: Folder): Self {
    const e = this.enter('moveTo');
    const target = implOf(destination, DriveItem);
    if (!target || target.entry.mimeType !== MIME.folder)
      throw signatureError(`DriveApp.${this.cls}.moveTo`, [destination]);
    if (target.entry.id === e.id) throw gasError('Invalid argument: destination');
    e.parentIds = [target.entry.id];
    this.rt.touch(e);
    return this.self();
  }
}
