/**
 * What `npm start` writes for a played scenario: the register and case spreadsheets, the
 * namenlijst, every document of the case (the restricted integraal beeld, the driehoek version,
 * a version per partner and the advice; each as .docx, .html and .pdf) and a preview per form.
 */
import { caseDocumentIds } from '../../workflow/publish';
import type { ScenarioResult } from '../demo/runScenario';
import type { OutputManifest } from '../export/writeAll';

/** The file name (without extension) of a case document by its key in the case's document list. */
export function documentFileName(code: string, key: string): string {
  return `${code}-${key.replace(/^partner:/, 'partnerversie-').replace(/^driehoek$/, 'integraal-beeld-driehoek')}`;
}

export function scenarioManifest(result: ScenarioResult): OutputManifest {
  const code = result.caseHandle.row.code;
  return {
    spreadsheets: [
      { id: result.register.ss.getId(), file: 'register.xlsx' },
      { id: result.caseHandle.row.spreadsheetId, file: `${code}-casusspreadsheet.xlsx` },
      ...(result.caseHandle.row.namesId
        ? [{ id: result.caseHandle.row.namesId, file: `${code}-namenlijst-BEPERKT.xlsx` }]
        : []),
    ],
    documents: [
      { id: result.caseHandle.row.overviewId, file: `${code}-integraal-beeld-BEPERKT` },
      ...[...caseDocumentIds(result.caseHandle)].map(([key, id]) => ({
        id,
        file: documentFileName(code, key),
      })),
    ],
    forms: result.formIds.map((f) => ({
      id: f.id,
      file: `${f.formKey.replace(/#/g, '-')}.html`,
      context: {
        caseCode: code,
        partner: result.register.partners.find((x) => x.id === f.partner)?.organisation ?? f.partner,
        deadline: f.deadline,
      },
    })),
  };
}
