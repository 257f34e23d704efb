/**
 * The register's `Casussen` tab: the list of cases as a coordinator reads it — label, where each
 * case stands in words, what is late, the next action, dates as `dd-mm-jjjj uu:mm` and links to
 * the case's files. A view: the product rewrites it from the hidden system table `_casussen`,
 * which keeps the Drive ids and times the code needs. Pure.
 */
import type { Settings, StepId } from '../model/types';
import type { CellLink, SheetTable } from './sheetTable';
import { COLORS, TableBuilder, textCell } from './sheetTable';
import { nlDate, nlDateTime } from './views-common';
import { stepNameOf } from './views-model';

export const CASE_LIST_TAB = 'Casussen';

/** One case as the register keeps it (ids are Drive file ids; '' when there is none yet). */
export interface CaseListEntry {
  code: string;
  label: string;
  wijk: string;
  status: 'open' | 'gesloten';
  step: StepId;
  round: number;
  /** ISO date. */
  openedOn: string;
  /** Epoch ms; 0 = never. */
  updatedAt: number;
  /** Partners of the running step past their deadline without an answer. */
  late: number;
  /** The first next sensible action (model/nextActions), '' when none. */
  nextAction: string;
  spreadsheetId: string;
  overviewId: string;
  namesId: string;
  folderId: string;
}

export const CASE_LIST_HEADERS = [
  'Casuscode',
  'Label',
  'Wijk',
  'Status',
  'Stap',
  'Ronde',
  'Te laat',
  'Volgende actie',
  'Geopend',
  'Bijgewerkt',
  'Casusspreadsheet',
  'Integraal beeld',
  'Namenlijst',
  'Map',
] as const;

// The addresses Spreadsheet.getUrl, Document.getUrl and Folder.getUrl give for a file id
// (reference/spreadsheet/spreadsheet#getUrl, reference/document/document#getUrl,
// reference/drive/folder#getUrl): made from the id, so the list costs no call per link.
export const spreadsheetLink = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
export const documentLink = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const folderLink = (id: string) => `https://drive.google.com/drive/folders/${id}`;

/** Drive ids are letters, digits, `-` and `_`; anything else never becomes a link. */
function idOk(id: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(id);
}

/** `2 partners te laat`, `1 partner te laat`, '' when none. */
export function lateText(late: number): string {
  if (late <= 0) return '';
  return `${late} partner${late === 1 ? '' : 's'} te laat`;
}

/** `Stap 2A — Beoordelen groepsgedrag`. */
export function stepText(step: StepId, naming: Settings['naming']): string {
  return `Stap ${step} — ${stepNameOf(step, naming)}`;
}

export const CASE_LIST_NOTE =
  'Deze lijst houdt het product zelf bij. Label en Wijk mag u hier aanpassen (noem geen personen); wat u in andere kolommen wijzigt, wordt bij de volgende bijwerking overschreven. Kies een casus in het dashboard om ermee te werken.';

export function buildCaseList(
  entries: readonly CaseListEntry[],
  ctx: { naming: Settings['naming']; timeZone: string },
): SheetTable {
  const t = new TableBuilder(CASE_LIST_HEADERS.length);
  t.add([...CASE_LIST_HEADERS], { bold: true, background: COLORS.header });
  t.note(0, 0, CASE_LIST_NOTE);
  const links: CellLink[] = [];
  const linkCell = (row: number, column: number, id: string, url: (id: string) => string) => {
    if (!id || !idOk(id)) return '';
    links.push({ row, column, url: url(id) });
    return 'openen';
  };
  for (const e of entries) {
    const row = t.length;
    const open = e.status === 'open';
    const late = open ? lateText(e.late) : '';
    const col = (h: (typeof CASE_LIST_HEADERS)[number]) => CASE_LIST_HEADERS.indexOf(h);
    t.add(
      [
        textCell(e.code),
        textCell(e.label),
        textCell(e.wijk),
        e.status,
        open ? textCell(stepText(e.step, ctx.naming)) : textCell(`afgesloten na stap ${e.step}`),
        e.round,
        late === '' ? '' : textCell(late),
        open ? textCell(e.nextAction) : '',
        textCell(nlDate(e.openedOn)),
        e.updatedAt > 0 ? textCell(nlDateTime(e.updatedAt, ctx.timeZone)) : '',
        linkCell(row, col('Casusspreadsheet'), e.spreadsheetId, spreadsheetLink),
        linkCell(row, col('Integraal beeld'), e.overviewId, documentLink),
        e.namesId ? linkCell(row, col('Namenlijst'), e.namesId, spreadsheetLink) : 'nog niet',
        linkCell(row, col('Map'), e.folderId, folderLink),
      ],
      {
        background: CASE_LIST_HEADERS.map((h) =>
          h === 'Te laat' && late !== '' ? COLORS.red : h === 'Status' && !open ? COLORS.grey : null,
        ),
      },
    );
  }
  if (entries.length === 0) t.add([textCell('Nog geen casussen. Kies 7-stappen → Nieuwe casus openen.')]);
  const table = t.build(CASE_LIST_TAB, {
    frozenRows: 1,
    frozenColumns: 1,
    columnWidths: [120, 180, 120, 80, 260, 60, 130, 300, 100, 130, 110, 110, 110, 80],
    tabColor: '#3c78d8',
  });
  return links.length > 0 ? { ...table, links } : table;
}
