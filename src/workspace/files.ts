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
