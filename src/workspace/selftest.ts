/**
 * The Google calls of the Zelftest (workflow/selftest.ts) that the product's other workspace
 * modules do not make: answering a form as a script, probing a document, listing and trashing
 * what the test made, and keeping the script properties as they were.
 */

import { errorMessage } from './errors';

/** All script properties (reference/properties/properties#getProperties). */
export function allScriptProperties(): Record<string, string> {
  return { ...PropertiesService.getScriptProperties().getProperties() };
}

/** Puts the script properties back exactly as `saved` (setProperties with deleteAllOthers). */
export function restoreScriptProperties(saved: Record<string, string>): void {
  PropertiesService.getScriptProperties().setProperties(saved, true);
}

export function setScriptProperties(values: Record<string, string>): void {
  PropertiesService.getScriptProperties().setProperties(values, false);
}

function firstTextItem(form: GoogleAppsScript.Forms.Form): GoogleAppsScript.Forms.Item | null {
  const types = [FormApp.ItemType.TEXT, FormApp.ItemType.PARAGRAPH_TEXT];
  return form.getItems().find((i) => types.includes(i.getType())) ?? null;
}

function textResponse(item: GoogleAppsScript.Forms.Item, text: string): GoogleAppsScript.Forms.ItemResponse {
  return item.getType() === FormApp.ItemType.TEXT
    ? item.asTextItem().createResponse(text)
    : item.asParagraphTextItem().createResponse(text);
}

/**
 * Answers the form's first open question as a script would (reference/forms/form#createResponse,
 * form-response#submit): a script's submission skips the required-question check, so one
 * answer is enough. Returns the response id and its timestamp (ms).
 */
export function submitTextResponse(formId: string, text: string): { responseId: string; timestamp: number } {
  const form = FormApp.openById(formId);
  const item = firstTextItem(form);
  if (!item) throw new Error('Het formulier heeft geen open vraag om te beantwoorden.');
  const r = form.createResponse().withItemResponse(textResponse(item, text)).submit();
  return { responseId: r.getId(), timestamp: r.getTimestamp().getTime() };
}

/**
 * Tries to change a submitted response by script (withItemResponse + submit on the stored
 * response). The reference says submit() throws for a response already submitted
 * (form-response#submit); whether it does is one of the things the Zelftest finds out.
 */
export function editTextResponse(
  formId: string,
  responseId: string,
  text: string,
): { ok: true; timestamp: number; sameId: boolean } | { ok: false; reason: string } {
  try {
    const form = FormApp.openById(formId);
    const item = firstTextItem(form);
    if (!item) return { ok: false, reason: 'geen open vraag' };
    const r = form.getResponse(responseId).withItemResponse(textResponse(item, text)).submit();
    const again = form.getResponse(responseId);
    return { ok: true, timestamp: again.getTimestamp().getTime(), sameId: r.getId() === responseId };
  } catch (e) {
    return { ok: false, reason: errorMessage(e) };
  }
}

/** The ids of the responses `Form.getResponses(since)` returns. */
export function responseIdsSince(formId: string, since: number): string[] {
  return FormApp.openById(formId)
    .getResponses(new Date(since))
    .map((r) => r.getId());
}

/** The text of a document's body. */
export function documentText(docId: string): string {
  return DocumentApp.openById(docId).getBody().getText();
}

/**
 * Writes one paragraph with a line break inside (`appendParagraph('…\n…')`) to the document,
 * saves it, opens it again and reports what Docs kept: how many paragraphs hold the two lines,
 * and whether the break is still a `\n` (or became `\r`) inside one paragraph.
 */
export function paragraphBreakProbe(docId: string): { paragraphs: number; text: string } {
  const doc = DocumentApp.openById(docId);
  doc.getBody().appendParagraph('Zelftest regel een\nZelftest regel twee');
  doc.saveAndClose();
  const found = DocumentApp.openById(docId)
    .getBody()
    .getParagraphs()
    .map((p) => p.getText())
    .filter((t) => t.includes('Zelftest regel'));
  return { paragraphs: found.length, text: found.join('|') };
}

/** What lies below a folder: its files and its sub-folders (deepest last), the folder itself not included. */
export interface Tree {
  files: string[];
  folders: string[];
}

export function treeOf(folderId: string): Tree {
  const out: Tree = { files: [], folders: [] };
  const walk = (folder: GoogleAppsScript.Drive.Folder) => {
    const files = folder.getFiles();
    while (files.hasNext()) out.files.push(files.next().getId());
    const folders = folder.getFolders();
    while (folders.hasNext()) {
      const sub = folders.next();
      out.folders.push(sub.getId());
      walk(sub);
    }
  };
  walk(DriveApp.getFolderById(folderId));
  return out;
}

/**
 * Moves the files, then the folders (deepest first), to the trash (reference/drive/file#setTrashed,
 * reference/drive/folder#setTrashed).
 */
export function trashTree(tree: Tree): void {
  for (const id of tree.files) DriveApp.getFileById(id).setTrashed(true);
  for (const id of [...tree.folders].reverse()) DriveApp.getFolderById(id).setTrashed(true);
}

/** The ids of the tree that are not in the trash. */
export function notTrashed(tree: Tree): string[] {
  return [
    ...tree.files.filter((id) => !DriveApp.getFileById(id).isTrashed()),
    ...tree.folders.filter((id) => !DriveApp.getFolderById(id).isTrashed()),
  ];
}

/** The handler functions of this project's triggers for the current user. */
export function triggerHandlers(): string[] {
  return ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
}

/** Mail recipients left today. */
export { remainingQuota } from './mail';
