/** Who runs this execution, and who owns a file: the two facts the access check needs. */
import { entryFact } from './spreadsheets';

/**
 * The address of the person running the script (reference/base/session#getActiveUser). Google
 * returns '' when the domain's policy does not reveal it (a user outside the owner's domain, a
 * simple trigger); the caller decides what that means.
 */
export function activeUserEmail(): string {
  // The same person for the whole execution: the access check and the decision's "vastgelegd
  // door" share one question.
  return entryFact('activeUser', () => Session.getActiveUser().getEmail().trim().toLowerCase());
}

/** The owner of a file by id (reference/drive/file#getOwner), lower case; '' when Drive names none. */
export function fileOwnerEmail(fileId: string): string {
  const owner = DriveApp.getFileById(fileId).getOwner();
  return owner ? owner.getEmail().trim().toLowerCase() : '';
}
