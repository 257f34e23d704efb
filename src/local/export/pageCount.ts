/**
 * How many pages a document has, counted on the PDF the emulator exports for it (A4 when the
 * document came from a .docx upload). For the demo's figures and for tests that hold a document
 * to a page budget.
 */
import type { DocModel } from '../apps-script/document-model';
import { documentPageCount } from '../apps-script/document-snapshot';
import { MIME, type Runtime } from '../apps-script/runtime';

export function pageCount(rt: Runtime, docId: string): number {
  return rt.uncounted(() => {
    const entry = rt.getEntry(docId, MIME.document);
    return documentPageCount(entry.name, entry.data as DocModel);
  });
}
