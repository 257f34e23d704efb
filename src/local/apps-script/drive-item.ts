/**
 * What `File` and `Folder` share (reference/drive/file, …/drive/folder; behaviours §4): both are
 * views of a Drive entry in the runtime registry; a trashed item keeps working (`isTrashed()`).
 */
import { DriveIteratorImpl, type IterKind, setSharingOn, urlOf } from './drive-core';
import { implOf, signatureError, userFor, wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';

type User = GoogleAppsScript.Drive.User;

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

export abstract class DriveItem {
  protected abstract readonly cls: 'File' | 'Folder';

  constructor(
    protected readonly rt: Runtime,
    /** Emulator internal (not an Apps Script member). */
    readonly entry: DriveEntry,
  ) {}

  protected enter(method: string): DriveEntry {
    this.rt.call(`${this.cls}.${method}`);
    return this.entry;
  }

  protected self<T>(): T {
    return this as unknown as T;
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
    return new Date(this.enter('getDateCreated').createdAt);
  }

  getLastUpdated(): Date {
    return new Date(this.enter('getLastUpdated').updatedAt);
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

  getOwner(): User {
    return userFor(this.enter('getOwner').owner);
  }

  /** Editors without the owner (unconfirmed whether Apps Script lists the owner). */
  getEditors(): User[] {
    return this.enter('getEditors').editors.map((e) => userFor(e));
  }

  getViewers(): User[] {
    return this.enter('getViewers').viewers.map((e) => userFor(e));
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.enter('getSharingAccess').sharingAccess as unknown as GoogleAppsScript.Drive.Access;
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.enter('getSharingPermission')
      .sharingPermission as unknown as GoogleAppsScript.Drive.Permission;
  }

  protected doSetName(name: unknown): void {
    const e = this.enter('setName');
    if (typeof name !== 'string') throw signatureError(`DriveApp.${this.cls}.setName`, [name]);
    e.name = name;
    this.rt.touch(e);
  }

  protected doSetDescription(description: unknown): void {
    this.enter('setDescription').description = String(description ?? '');
  }

  protected doSetTrashed(trashed: unknown, allowed = true): void {
    const e = this.enter('setTrashed');
    if (!allowed) throw gasError('Invalid argument: trashed'); // the root folder (wording unconfirmed)
    e.trashed = Boolean(trashed);
    this.rt.touch(e);
  }

  protected doSetSharing(access: unknown, permission: unknown): void {
    setSharingOn(this.rt, this.enter('setSharing'), access, permission, this.cls);
  }

  protected share(method: string, users: unknown, fn: (entry: DriveEntry, user: unknown) => void): void {
    const e = this.enter(method);
    const list = /^(add|remove)(Editors|Viewers)$/.test(method) ? users : [users];
    if (!Array.isArray(list)) throw signatureError(`DriveApp.${this.cls}.${method}`, [users]);
    for (const u of list) fn(e, u);
    this.rt.touch(e);
  }

  protected doMoveTo(destination: unknown): void {
    const e = this.enter('moveTo');
    const target = implOf(destination, DriveItem);
    if (!target || target.entry.mimeType !== MIME.folder)
      throw signatureError(`DriveApp.${this.cls}.moveTo`, [destination]);
    if (target.entry.id === e.id) throw gasError('Invalid argument: destination');
    e.parentIds = [target.entry.id];
    this.rt.touch(e);
  }
}
