/** Drive: folders and new files in them (SpreadsheetApp/DocumentApp create in the root). */

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
  moveInto(ss.getId(), folderId);
  return ss.getId();
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

/**
 * Gives exactly these addresses access to the file, as viewers: everyone else with edit or view
 * access is removed, the missing ones are added in one call, and sharing by link is switched off
 * (reference/drive/file#setSharing). The owner keeps the file and is never in either list
 * (reference/drive/file#getEditors). Addresses compare case-insensitively.
 */
export function shareExactlyWith(fileId: string, emails: readonly string[]): SharingChange {
  const file = DriveApp.getFileById(fileId);
  const owner = file.getOwner()?.getEmail().toLowerCase() ?? '';
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== '' && e !== owner));
  const removed: string[] = [];
  const present = new Set<string>();
  for (const [users, remove] of [
    [file.getEditors(), (e: string) => file.removeEditor(e)],
    [file.getViewers(), (e: string) => file.removeViewer(e)],
  ] as const) {
    for (const u of users) {
      const email = u.getEmail().toLowerCase();
      if (email === '' || email === owner) continue;
      if (wanted.has(email)) present.add(email);
      else {
        remove(email);
        removed.push(email);
      }
    }
  }
  const added = [...wanted].filter((e) => !present.has(e)).sort();
  if (added.length > 0) file.addViewers(added);
  if (file.getSharingAccess() !== DriveApp.Access.PRIVATE) {
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  }
  return { added, removed: removed.sort() };
}

/** The address people open a file with (reference/drive/file#getUrl). */
export function fileUrl(fileId: string): string {
  return DriveApp.getFileById(fileId).getUrl();
}
