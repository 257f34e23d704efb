/**
 * Writing several SheetTables in ONE call: `Sheets.Spreadsheets.batchUpdate` of the Sheets
 * advanced service (reference/rest/v4/spreadsheets/batchUpdate), where SpreadsheetApp needs
 * about ten calls per tab (clear, grid, freeze, values, backgrounds, weights, colours, notes,
 * widths, tab colour). The requests do what `writeSheetTable` does, tab for tab:
 * - a new tab: `addSheet` at its position, with its grid, freeze, colour and visibility;
 * - an existing tab: `updateSheetProperties` to the same grid, freeze, colour and visibility;
 * - then `updateCells` over the whole grid with the fields `userEnteredValue,
 *   userEnteredFormat, note`: cells outside the table are cleared ("If the data in rows does
 *   not cover the entire requested range, the fields matching those set in fields will be
 *   cleared", UpdateCellsRequest), which is what `Sheet.clear()` did;
 * - column widths (`updateDimensionProperties`) only for a new tab or a changed column count,
 *   so widths the coordinator set by hand survive a rewrite of the same shape.
 *
 * Text goes in as `stringValue`, which Sheets stores verbatim: it is never read as a formula,
 * number or date (ExtendedValue: only `formulaValue` is a formula), so no apostrophe is needed.
 * The batch is atomic: when one request is refused, no tab is changed.
 */
import type { Cell, SheetTable } from '../render/sheetTable';
import { isTextCell } from '../render/sheetTable';
import { fitCell, label, safeUrl } from './cells';
import { writeSheetTable } from './sheetWriter';
import { type Book, spreadsheetId } from './spreadsheets';
import { sheetsApi, sheetsServiceOn, tabNames } from './tabs';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** A tab as the spreadsheet has it now (from one spreadsheets.get). */
export interface TabState {
  sheetId: number;
  rowCount: number;
  columnCount: number;
}

function sheets(): NonNullable<ReturnType<typeof sheetsApi>> {
  const api = sheetsApi();
  if (!api) {
    throw new Error(
      'De geavanceerde Sheets-service (Sheets API v4) staat niet aan in dit Apps Script-project; zet hem aan onder Services.',
    );
  }
  return api;
}

/** Every tab by name with its id and grid size, in one `Sheets.Spreadsheets.get`. */
export function tabStates(ss: Book): Map<string, TabState> {
  const meta = sheets().get(spreadsheetId(ss), {
    fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
  });
  const out = new Map<string, TabState>();
  for (const s of meta.sheets ?? []) {
    const p = s.properties;
    if (!p?.title) continue;
    out.set(p.title, {
      sheetId: Number(p.sheetId),
      rowCount: Number(p.gridProperties?.rowCount ?? 0),
      columnCount: Number(p.gridProperties?.columnCount ?? 0),
    });
  }
  return out;
}

/** `#rrggbb` as a Sheets Color (red, green, blue in [0, 1]). */
export function colorOf(css: string, where: string): GoogleAppsScript.Sheets.Schema.Color {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (!m) throw new Error(`Interne fout: kleur ${css} in ${where} is geen #rrggbb.`);
  const part = (h: string) => Number.parseInt(h, 16) / 255;
  return { red: part(m[1]!), green: part(m[2]!), blue: part(m[3]!) };
}

function extendedValue(cell: Cell, where: string): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (isTextCell(cell)) {
    if (cell.text === '') return undefined;
    const text = fitCell(cell.text);
    return { stringValue: text };
  }
  if (typeof cell === 'string') return cell === '' ? undefined : { stringValue: label(cell, where) };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Interne fout: ongeldig getal in ${where}.`);
    return { numberValue: cell };
  }
  if (typeof cell === 'boolean') return { boolValue: cell };
  throw new Error(`Interne fout: een datum in ${where}; weergaven schrijven datums als tekst.`);
}

function cellsOf(table: SheetTable, width: number): GoogleAppsScript.Sheets.Schema.RowData[] {
  const bold = new Set(table.boldRows ?? []);
  const notes = new Map((table.notes ?? []).map((n) => [`${n.row}:${n.column}`, n.note]));
  const links = new Map((table.links ?? []).map((l) => [`${l.row}:${l.column}`, safeUrl(l.url, table.name)]));
  return table.rows.map((row, r) => {
    if (row.length !== width)
      throw new Error(`Interne fout: tabblad ${table.name}: rows is niet rechthoekig.`);
    return {
      values: row.map((cell, c): CellData => {
        const where = `${table.name}!R${r + 1}C${c + 1}`;
        const out: CellData = {};
        const value = extendedValue(cell, where);
        if (value) out.userEnteredValue = value;
        const bg = table.backgrounds?.[r]?.[c];
        const fc = table.fontColors?.[r]?.[c];
        const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
        if (bg) format.backgroundColor = colorOf(bg, where);
        const link = links.get(`${r}:${c}`);
        if (bold.has(r) || fc || link) {
          // TextFormat.link: the cell's text links to `uri` (reference/rest/v4/spreadsheets/other#TextFormat).
          format.textFormat = {
            ...(bold.has(r) ? { bold: true } : {}),
            ...(fc ? { foregroundColor: colorOf(fc, where) } : {}),
            ...(link ? { link: { uri: link } } : {}),
          };
        }
        if (Object.keys(format).length > 0) out.userEnteredFormat = format;
        const note = notes.get(`${r}:${c}`);
        if (note) out.note = note;
        return out;
      }),
    };
  });
}

/** Equal neighbouring widths as one range each. */
function widthRuns(
  widths: readonly number[],
  columns: number,
): { start: number; end: number; width: number }[] {
  const runs: { start: number; end: number; width: number }[] = [];
  widths.slice(0, columns).forEach((w, i) => {
    const last = runs[runs.length - 1];
    // Every run ends where the next column starts, so an equal width extends the last run.
    if (last && last.width === w) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, width: w });
  });
  return runs;
}

/** A sheet id for a new tab: stable for its name, different from every id in use. */
function newSheetId(name: string, used: Set<number>): number {
  let h = 7;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) % 2_000_000_000;
  let id = h + 1;
  while (used.has(id)) id = (id + 7919) % 2_000_000_000;
  used.add(id);
  return id;
}

/**
 * The requests that write `writes` (tables with their position among all tabs) given the tabs
 * as they are. Pure: tested without any service.
 */
export function sheetRequests(
  writes: readonly { table: SheetTable; position: number }[],
  states: ReadonlyMap<string, TabState>,
): Request[] {
  const used = new Set([...states.values()].map((s) => s.sheetId));
  const requests: Request[] = [];
  for (const { table, position } of writes) {
    const width = table.rows[0]?.length ?? 0;
    if (table.rows.length > 0 && width === 0)
      throw new Error(`Interne fout: tabblad ${table.name} heeft geen kolommen.`);
    const frozenRows = table.frozenRows;
    const frozenColumns = table.frozenColumns ?? 0;
    // One spare row/column beyond the frozen ones so Sheets accepts the freeze (reference/spreadsheet/sheet).
    const rowCount = Math.max(table.rows.length, frozenRows + 1, 1);
    const columnCount = Math.max(width, frozenColumns + 1, 1);
    const gridProperties = {
      rowCount,
      columnCount,
      frozenRowCount: frozenRows,
      frozenColumnCount: frozenColumns,
    };
    const tab = table.tabColor ? { tabColor: colorOf(table.tabColor, table.name) } : {};
    const existing = states.get(table.name);
    const sheetId = existing?.sheetId ?? newSheetId(table.name, used);
    if (existing) {
      requests.push({
        updateSheetProperties: {
          properties: { sheetId, gridProperties, hidden: table.hidden === true, ...tab },
          fields: 'gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount),hidden,tabColor',
        },
      });
    } else {
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: table.name,
            index: position,
            gridProperties,
            ...(table.hidden ? { hidden: true } : {}),
            ...tab,
          },
        },
      });
    }
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: rowCount,
          startColumnIndex: 0,
          endColumnIndex: columnCount,
        },
        rows: cellsOf(table, width),
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    });
    if (!existing || existing.columnCount !== columnCount) {
      for (const run of widthRuns(table.columnWidths ?? [], width)) {
        requests.push({
          updateDimensionProperties: {
            range: { sheetId, dimension: 'COLUMNS', startIndex: run.start, endIndex: run.end },
            properties: { pixelSize: run.width },
            fields: 'pixelSize',
          },
        });
      }
    }
  }
  return requests;
}

/**
 * The tabs as they are, read once before a rewrite: with the Sheets service their ids and grids
 * (what the batch needs), otherwise only their names.
 */
export interface TabSnapshot {
  names: ReadonlySet<string>;
  states: ReadonlyMap<string, TabState> | null;
}

export function tabSnapshot(ss: Book): TabSnapshot {
  if (!sheetsServiceOn()) return { names: new Set(tabNames(ss)), states: null };
  const states = tabStates(ss);
  return { names: new Set(states.keys()), states };
}

/**
 * Writes the tables: all in one batchUpdate where the Sheets service is on, otherwise tab by tab
 * with SpreadsheetApp (sheetWriter.ts), which gives the same tabs.
 */
export function writeTables(
  ss: Book,
  writes: readonly { table: SheetTable; position: number }[],
  snapshot: TabSnapshot,
  also: readonly Request[] = [],
): void {
  if (snapshot.states) writeSheetTables(ss, writes, snapshot.states, also);
  else for (const w of writes) writeSheetTable(ss, w.table, { position: w.position });
}

/**
 * Writes the tables in one batchUpdate (nothing at all when the list is empty), with `also`
 * (other requests on the same spreadsheet, e.g. a system table: tables.ts replaceTableRequest)
 * at the end of the same batch.
 */
export function writeSheetTables(
  ss: Book,
  writes: readonly { table: SheetTable; position: number }[],
  states: ReadonlyMap<string, TabState>,
  also: readonly Request[] = [],
): void {
  if (writes.length === 0 && also.length === 0) return;
  sheets().batchUpdate({ requests: [...sheetRequests(writes, states), ...also] }, spreadsheetId(ss));
}
