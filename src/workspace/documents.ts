/**
 * Google Docs documents as whole files: exporting one as PDF. Writing a document from a DocTree
 * is `writeDocument` in docs.ts (one Drive upload).
 */
import { saveBlobIn } from './files';

/** A PDF copy of the document in the folder (Document.getAs only supports PDF); returns the file id. */
export function savePdfIn(documentId: string, fileName: string, folderId: string): string {
  const blob = DocumentApp.openById(documentId).getAs('application/pdf');
  blob.setName(fileName);
  return saveBlobIn(blob, folderId);
}
