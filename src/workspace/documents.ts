/** Google Docs documents as whole files: rewriting one from a DocTree, exporting it as PDF. */
import type { DocTree } from '../render/docTree';
import { writeDocTree } from './docWriter';
import { saveBlobIn } from './files';

/** Replaces the document's body with the tree and saves it. */
export function rewriteDocument(id: string, tree: DocTree): void {
  const doc = DocumentApp.openById(id);
  writeDocTree(doc, tree);
  doc.saveAndClose();
}

/** A PDF copy of the document in the folder (Document.getAs only supports PDF); returns the file id. */
export function savePdfIn(documentId: string, fileName: string, folderId: string): string {
  const blob = DocumentApp.openById(documentId).getAs('application/pdf');
  blob.setName(fileName);
  return saveBlobIn(blob, folderId);
}
