/** Drive: folders and new files in them (SpreadsheetApp/DocumentApp create in the root). */
import { driveService } from './forms';

export function createFolder(name: string, parentId: string | null): string {
  const parent = parentId ? DriveApp.getFolderById(parentId) : DriveApp.getRootFolder();
  return parent.createFolder(name).getId();
}

/** The folder that holds a file (the first parent), or null. */
export function parentFolderId(fileId: string): string | null {
  const it = DriveApp.getFileById(fileId).getParents();
  return it.hasNext() ? it.next().getId() : null;
}

function moveInto(fileId: string, folderId: string): void {
  DriveApp.getFileById(fileId).moveTo(DriveApp.getFolderById(folderId));
}

export function createSpreadsheetIn(name: string, folderId: string): string {
  const ss = SpreadsheetApp.create(name);
  ss.setSpreadsheetTimeZone('Europe/Amsterdam');
  const id = ss.getId();
  moveInto(id, folderId);
  return id;
}

export function createDocumentIn(name: string, folderId: string): string {
  const doc = DocumentApp.create(name);
  const id = doc.getId();
  doc.saveAndClose();
  moveInto(id, folderId);
  return id;
}

/** Saves a blob as a file in the folder; returns the file id. */
export function saveBlobIn(blob: GoogleAppsScript.Base.Blob, folderId: string): string {
  return DriveApp.getFolderById(folderId).createFile(blob).getId();
}

/** A folder by stored id, or a new one (remembered in script properties under `key`). */
export function ensureFolder(key: string, name: string, parentId: string | null): string {
  const props = PropertiesService.getScriptProperties();
  const id = props.getProperty(key);
  if (id) {
    try {
      const f = DriveApp.getFolderById(id);
      if (!f.isTrashed()) return id;
    } catch (_e) {
      // gone: make a new one below
    }
  }
  const created = createFolder(name, parentId);
  props.setProperty(key, created);
  return created;
}

export interface SharingChange {
  added: string[];
  removed: string[];
}

/** The Permission fields sharing needs (guides/fields-parameter: a sub-selection in parentheses). */
export const PERMISSION_FIELDS = 'permissions(type, role, emailAddress)';

/**
 * Who can open a file, as Drive lists it (the file resource's `permissions`, each a Permission of
 * drive/api/reference/rest/v3/permissions): the owner, every other user or group by lower-case
 * address with its role (`writer`, `commenter`, `reader`), and whether anyone or a domain can
 * open it by link.
 */
export interface KnownSharing {
  owner: string;
  people: Record<string, string>;
  link: boolean;
}

/** The sharing in a file's `permissions`; null when Drive left them out (the user may not share the file). */
export function sharingOf(
  permissions: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission[] | undefined,
): KnownSharing | null {
  if (!permissions) return null;
  const out: KnownSharing = { owner: '', people: {}, link: false };
  for (const p of permissions) {
    // A published form's responders (`view: 'published'`) may answer it, not open it
    // (workspace/forms/api/guides/publish-form): no readers of the file.
    if ((p as { view?: string }).view === 'published') continue;
    if (p.type === 'anyone' || p.type === 'domain') out.link = true;
    else if (p.emailAddress) {
      const email = p.emailAddress.toLowerCase();
      if (p.role === 'owner') out.owner = email;
      else out.people[email] = String(p.role ?? 'reader');
    }
  }
  return out;
}

function wantedSet(emails: readonly string[], owner: string): Set<string> {
  return new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== '' && e !== owner));
}

/** Whether a file with this sharing is shared with exactly these addresses and not by link. */
export function sharedExactlyWith(known: KnownSharing, emails: readonly string[]): boolean {
  const wanted = wantedSet(emails, known.owner);
  const people = Object.keys(known.people).filter((e) => e !== known.owner);
  return !known.link && people.length === wanted.size && people.every((e) => wanted.has(e));
}

/**
 * Gives exactly these addresses access to the file, as viewers: everyone else with edit or view
 * access is removed, the missing ones are added in one call, and sharing by link is switched off
 * (reference/drive/file#setSharing; with PRIVATE, since Permission.NONE throws unless the access is
 * ANYONE, reference/drive/permission). The owner keeps the file and is never in either list.
 * Addresses compare case-insensitively.
 *
 * `known`: the file's permissions as Drive just gave them (a folder listing, the upload's answer);
 * otherwise they are read with one files.get. A file already shared exactly so costs no DriveApp
 * call, another only the calls that change it.
 */
export function shareExactlyWith(
  fileId: string,
  emails: readonly string[],
  known?: KnownSharing | null,
): SharingChange {
  const sharing =
    known ?? sharingOf(driveService().Files.get(fileId, { fields: PERMISSION_FIELDS }).permissions);
  if (!sharing) throw new Error(`Het script mag het delen van bestand ${fileId} niet aanpassen.`);
  if (sharedExactlyWith(sharing, emails)) return { added: [], removed: [] };
  const wanted = wantedSet(emails, sharing.owner);
  const file = DriveApp.getFileById(fileId);
  const removed: string[] = [];
  for (const [email, role] of Object.entries(sharing.people)) {
    if (email === sharing.owner || wanted.has(email)) continue;
    // removeViewer has no effect on an editor (reference/drive/file#removeViewer).
    if (role === 'writer') file.removeEditor(email);
    else file.removeViewer(email);
    removed.push(email);
  }
  const added = [...wanted].filter((e) => !(e in sharing.people)).sort();
  if (added.length > 0) file.addViewers(added);
  if (sharing.link) file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.VIEW);
  return { added, removed: removed.sort() };
}

/** The address people open a file with (reference/drive/file#getUrl). */
export function fileUrl(fileId: string): string {
  return DriveApp.getFileById(fileId).getUrl();
}

/**
 * Moves a file to the trash (File.setTrashed) and says whether it is there now, read back from
 * Drive (File.isTrashed) rather than assumed. Drive empties the trash after 30 days; the owner
 * can empty it sooner.
 */
export function trashFile(fileId: string): boolean {
  const f = DriveApp.getFileById(fileId);
  if (!f.isTrashed()) f.setTrashed(true);
  return f.isTrashed();
}

/**
 * Every file and folder directly in a folder, trashed or not (drive/api/reference/rest/v3/files/list:
 * trashed files are listed unless the query excludes them): one query per 1,000.
 */
export function filesInFolder(folderId: string): { id: string; trashed: boolean }[] {
  const q = `'${folderId.replace(/[\\']/g, '\\$&')}' in parents`;
  const out: { id: string; trashed: boolean }[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { q, pageSize: 1000, fields: 'nextPageToken, files(id, trashed)' };
    if (pageToken) args.pageToken = pageToken;
    const page = driveService().Files.list(args);
    for (const f of page.files ?? []) if (f.id) out.push({ id: f.id, trashed: f.trashed === true });
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

/** Moves a folder to the trash and says whether Drive reports it there (Folder.isTrashed). */
export function trashFolder(folderId: string): boolean {
  const f = DriveApp.getFolderById(folderId);
  if (!f.isTrashed()) f.setTrashed(true);
  return f.isTrashed();
}

/** The Permission fields the sharing check asks for: `view` tells a form's responders apart. */
export const CHECK_PERMISSION_FIELDS = 'permissions(type, role, emailAddress, view)';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** A file or folder as the sharing check sees it. */
export interface ListedItem {
  id: string;
  mimeType: string;
  /** Null when Drive left the permissions out (the script may not share it). */
  sharing: KnownSharing | null;
}

function listedItem(f: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): ListedItem {
  return { id: String(f.id), mimeType: String(f.mimeType ?? ''), sharing: sharingOf(f.permissions) };
}

/**
 * Every file and folder directly in a folder that is not in the trash, with who can open it: ONE
 * files.list per 1,000 (drive/api/reference/rest/v3/files/list; `permissions` is a field of the
 * file resource, drive/api/reference/rest/v3/files).
 */
export function itemsInFolder(folderId: string): ListedItem[] {
  const q = `'${folderId.replace(/[\\']/g, '\\$&')}' in parents and trashed = false`;
  const out: ListedItem[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = {
      q,
      pageSize: 1000,
      fields: `nextPageToken, files(id, mimeType, ${CHECK_PERMISSION_FIELDS})`,
    };
    if (pageToken) args.pageToken = pageToken;
    const page = driveService().Files.list(args);
    for (const f of page.files ?? []) if (f.id) out.push(listedItem(f));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

/** One file or folder with who can open it (one files.get). */
export function itemById(id: string): ListedItem {
  return listedItem(driveService().Files.get(id, { fields: `id, mimeType, ${CHECK_PERMISSION_FIELDS}` }));
}

/**
 * Takes away what is more than `allowed`: sharing by link or with the domain is switched off
 * (setSharing PRIVATE: reference/drive/file#setSharing, reference/drive/folder#setSharing), and
 * every person not in `allowed` is removed (removeEditor for a writer, removeViewer otherwise:
 * reference/drive/file#removeViewer has no effect on an editor). Nobody is added. The owner stays.
 */
export function restrictSharing(
  item: ListedItem,
  allowed: ReadonlySet<string>,
): { link: boolean; removed: number } {
  const sharing = item.sharing;
  if (!sharing) return { link: false, removed: 0 };
  const extra = Object.entries(sharing.people).filter(([e]) => e !== sharing.owner && !allowed.has(e));
  if (!sharing.link && extra.length === 0) return { link: false, removed: 0 };
  const target =
    item.mimeType === FOLDER_MIME ? DriveApp.getFolderById(item.id) : DriveApp.getFileById(item.id);
  for (const [email, role] of extra) {
    if (role === 'writer') target.removeEditor(email);
    else target.removeViewer(email);
  }
  if (sharing.link) target.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.VIEW);
  return { link: sharing.link, removed: extra.length };
}
