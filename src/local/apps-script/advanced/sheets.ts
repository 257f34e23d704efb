/**
 * The Sheets advanced service (Sheets API v4 as the global `Sheets`), the subset the product
 * uses, on the same in-memory spreadsheets as SpreadsheetApp. Every call is counted as
 * `Sheets.Spreadsheets.get`, `Sheets.Spreadsheets.Values.batchGet`, ...
 *
 * Strict where the API is: an unknown tab or a range past the grid is refused with the API's
 * message, wrapped the way Apps Script reports a failed advanced-service call
 * (`API call to sheets.spreadsheets.values.batchGet failed with error: ...`). Anything outside
 * the subset throws `Emulator: ... not emulated` rather than guessing.
 *
 * References: spreadsheets/get, spreadsheets.values/batchGet and the ValueRange,
 * ValueRenderOption and DateTimeRenderOption pages of
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4.
 */
import { type DriveEntry, gasError, MIME, type Runtime } from '../runtime';
import { columnLetters, columnNumber, splitSheetPrefix } from '../spreadsheet-a1';
import { modelOf, type SheetData, type SpreadsheetData } from '../spreadsheet-model';
import { displayOf } from '../spreadsheet-values';
import { batchUpdate } from './sheets-batch-update';

function apiError(method: string, message: string): Error {
  return gasError(`API call to sheets.${method} failed with error: ${message}`);
}

function notEmulated(what: string): Error {
  return new Error(`Emulator: ${what} is not emulated`);
}

function open(rt: Runtime, method: string, id: unknown): { entry: DriveEntry; model: SpreadsheetData } {
  if (typeof id !== 'string' || id === '') throw apiError(method, 'Requested entity was not found.');
  let entry: DriveEntry;
  try {
    entry = rt.getEntry(id, MIME.spreadsheet);
  } catch {
    throw apiError(method, 'Requested entity was not found.');
  }
  return { entry, model: modelOf(entry) };
}

function liveSheets(model: SpreadsheetData): SheetData[] {
  return model.sheets.filter((s) => !s.deleted);
}

interface GridRange {
  sheet: SheetData;
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/**
 * An A1 range of the API (guides/concepts, "A1 notation"): `Tab`, `'Tab'`, `Tab!A1:B2`, `Tab!A2:M`
 * (to the last row), `Tab!A:C`, with the tab name quoted when needed (`'Mijn tab'!A1`). A
 * range without a tab name refers to the first visible tab. The API refuses a tab it does not
 * know ("Unable to parse range") and a range past the grid ("exceeds grid limits").
 */
export function parseApiRange(model: SpreadsheetData, ref: unknown, method: string): GridRange {
  if (typeof ref !== 'string' || ref.trim() === '') throw apiError(method, `Unable to parse range: ${ref}`);
  const sheets = liveSheets(model);
  const { sheet: prefixed, a1 } = splitSheetPrefix(ref);
  const byName = (name: string) => sheets.find((s) => s.name === name);
  let sheet: SheetData | undefined;
  let cells: string | null;
  if (prefixed !== null) {
    sheet = byName(prefixed);
    cells = a1;
  } else if (byName(ref)) {
    sheet = byName(ref);
    cells = null;
  } else if (/^'(?:[^']|'')+'$/.test(ref.trim())) {
    // A quoted tab name alone is the whole tab (guides/concepts: "'My Custom Sheet' refers to all
    // the cells in a sheet named 'My Custom Sheet'"); an unknown name is refused below.
    sheet = byName(ref.trim().slice(1, -1).replace(/''/g, "'"));
    cells = null;
  } else {
    sheet = sheets.find((s) => !s.hidden) ?? sheets[0];
    cells = ref;
  }
  if (!sheet) throw apiError(method, `Unable to parse range: ${ref}`);
  if (cells === null) return { sheet, r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols };
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)(?::\$?([A-Za-z]{0,3})\$?(\d*))?$/.exec(cells.trim());
  if (!m || (!m[1] && !m[2])) throw apiError(method, `Unable to parse range: ${ref}`);
  const c1 = m[1] ? columnNumber(m[1]) : 1;
  const r1 = m[2] ? Number(m[2]) : 1;
  const single = m[3] === undefined && m[4] === undefined;
  const c2 = single ? c1 : m[3] ? columnNumber(m[3]) : sheet.maxCols;
  const r2 = single ? r1 : m[4] ? Number(m[4]) : sheet.maxRows;
  if (r1 < 1 || r2 < 1) throw apiError(method, `Unable to parse range: ${ref}`);
  const r = Math.min(r1, r2);
  const c = Math.min(c1, c2);
  const nr = Math.abs(r2 - r1) + 1;
  const nc = Math.abs(c2 - c1) + 1;
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
    throw apiError(
      method,
      `Range (${sheet.name}!${columnLetters(c)}${r}:${columnLetters(c + nc - 1)}${r + nr - 1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  return { sheet, r, c, nr, nc };
}

/**
 * Sheet.developerMetadata: "The developer metadata associated with a sheet"
 * (reference/rest/v4/spreadsheets/sheets#Sheet), i.e. the metadata whose location is the whole
 * sheet (row and column metadata come with the grid data instead). It is bound to the sheet's id,
 * so it stays with the sheet when the sheet is renamed. Left out when there is none, as the API
 * leaves out empty fields.
 */
function sheetMetadata(
  model: SpreadsheetData,
  s: SheetData,
): { developerMetadata?: GoogleAppsScript.Sheets.Schema.DeveloperMetadata[] } {
  const own = model.metadata.filter((m) => m.location === 'SHEET' && m.sheetId === s.id);
  if (own.length === 0) return {};
  return {
    developerMetadata: own.map((m) => ({
      metadataId: m.id,
      metadataKey: m.key,
      ...(m.value === null ? {} : { metadataValue: m.value }),
      location: { locationType: 'SHEET', sheetId: s.id },
      visibility: m.visibility,
    })),
  };
}

function quoteTab(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'];

function enumArg(method: string, name: string, value: unknown, allowed: string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw apiError(method, `Invalid value at '${name}' (TYPE_ENUM), "${String(value)}"`);
  }
  return value;
}

/**
 * A tab's cells as GridData (sheets/api/reference/rest/v4/spreadsheets/sheets#GridData) from A1:
 * one RowData per row up to the last row with content, one CellData per cell up to the row's
 * last cell with content; an empty cell is `{}`. Each cell gives `formattedValue` (what the
 * tab shows, as `getDisplayValues`) and `effectiveValue` (ExtendedValue: `stringValue`,
 * `numberValue` — dates as serial numbers — or `boolValue`). Leaving out the trailing empty
 * rows and cells follows ValueRange; for GridData it is unconfirmed. Formulas are not computed.
 */
function gridDataOf(sheet: SheetData, model: SpreadsheetData): GoogleAppsScript.Sheets.Schema.GridData {
  const rowData: GoogleAppsScript.Sheets.Schema.RowData[] = [];
  for (const cells of sheet.rows) {
    const values: GoogleAppsScript.Sheets.Schema.CellData[] = [];
    for (const cell of cells ?? []) {
      if (!cell || cell.v === undefined || cell.v === '') {
        values.push({});
        continue;
      }
      const v = cell.v;
      values.push({
        formattedValue: displayOf(cell, model.locale),
        effectiveValue:
          typeof v === 'number'
            ? { numberValue: v }
            : typeof v === 'boolean'
              ? { boolValue: v }
              : { stringValue: v },
      });
    }
    while (values.length > 0 && Object.keys(values[values.length - 1]!).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && rowData[rowData.length - 1]!.values === undefined) rowData.pop();
  return { startRow: 0, startColumn: 0, rowData };
}

export function createSheetsService(rt: Runtime): GoogleAppsScript.Sheets {
  const Values = {
    /**
     * values:batchGet. The value ranges come back in the order asked; trailing empty rows and
     * trailing empty cells of a row are left out (ValueRange: "empty trailing rows and
     * columns will not be included"). UNFORMATTED_VALUE gives numbers and booleans as such;
     * dates follow dateTimeRenderOption (default SERIAL_NUMBER). A formula cell has no
     * computed value in the emulator and reads as empty, as with getValues.
     */
    batchGet(
      spreadsheetId: string,
      optionalArgs: Record<string, unknown> = {},
    ): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
      rt.call('Sheets.Spreadsheets.Values.batchGet');
      const method = 'spreadsheets.values.batchGet';
      const { model } = open(rt, method, spreadsheetId);
      for (const k of Object.keys(optionalArgs)) {
        if (!['ranges', 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension', 'fields'].includes(k))
          throw apiError(
            method,
            `Invalid JSON payload received. Unknown name "${k}": Cannot bind query parameter.`,
          );
      }
      const raw = optionalArgs.ranges;
      const ranges = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const render = enumArg(
        method,
        'value_render_option',
        optionalArgs.valueRenderOption,
        VALUE_RENDER,
        'FORMATTED_VALUE',
      );
      const dates = enumArg(
        method,
        'date_time_render_option',
        optionalArgs.dateTimeRenderOption,
        DATE_RENDER,
        'SERIAL_NUMBER',
      );
      const major = enumArg(
        method,
        'major_dimension',
        optionalArgs.majorDimension,
        ['ROWS', 'COLUMNS'],
        'ROWS',
      );
      if (render === 'FORMULA') throw notEmulated('valueRenderOption FORMULA');
      if (major !== 'ROWS') throw notEmulated('majorDimension COLUMNS');
      const grids = ranges.map((ref) => parseApiRange(model, ref, method));
      const valueRanges = grids.map((g): GoogleAppsScript.Sheets.Schema.ValueRange => {
        const rows: unknown[][] = [];
        // Rows past the last stored row, and cells past a row's last stored cell, are empty and
        // would be trimmed below: they are not visited (a whole-column range spans 1,000 rows).
        const stored = g.sheet.rows;
        const nr = Math.min(g.nr, stored.length - g.r + 1);
        for (let i = 0; i < nr; i++) {
          const row: unknown[] = [];
          const cells = stored[g.r + i - 1];
          const nc = cells ? Math.min(g.nc, cells.length - g.c + 1) : 0;
          for (let j = 0; j < nc; j++) {
            const cell = cells![g.c + j - 1];
            if (!cell || cell.v === undefined || cell.v === '') {
              row.push('');
              continue;
            }
            if (render === 'FORMATTED_VALUE' || (cell.d && dates === 'FORMATTED_STRING')) {
              row.push(displayOf(cell, model.locale));
            } else row.push(cell.v);
          }
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          rows.push(row);
        }
        while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
        const out: GoogleAppsScript.Sheets.Schema.ValueRange = {
          range: `${quoteTab(g.sheet.name)}!${columnLetters(g.c)}${g.r}:${columnLetters(g.c + g.nc - 1)}${g.r + g.nr - 1}`,
          majorDimension: 'ROWS',
        };
        if (rows.length > 0) out.values = rows;
        return out;
      });
      return { spreadsheetId, valueRanges };
    },
  };

  const Spreadsheets = {
    Values,
    /** spreadsheets.batchUpdate (advanced-service order: resource, then the spreadsheet id). */
    batchUpdate(
      resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
      rt.call('Sheets.Spreadsheets.batchUpdate');
      const { entry, model } = open(rt, 'spreadsheets.batchUpdate', spreadsheetId);
      return batchUpdate(rt, entry, model, resource);
    },
    /**
     * spreadsheets.get: the spreadsheet's and each tab's properties, and the tabs' cells when
     * asked for. "By default, data within grids is not returned": grid data comes with a field
     * mask that lists it (`sheets.data…`) or, without a mask, with `includeGridData: true` ("If a
     * field mask is set, the includeGridData parameter is ignored";
     * sheets/api/reference/rest/v4/spreadsheets/get). A mask may otherwise only narrow the
     * answer, so the full properties are returned. `ranges` is not emulated.
     */
    get(
      spreadsheetId: string,
      optionalArgs: Record<string, unknown> = {},
    ): GoogleAppsScript.Sheets.Schema.Spreadsheet {
      rt.call('Sheets.Spreadsheets.get');
      const method = 'spreadsheets.get';
      const { entry, model } = open(rt, method, spreadsheetId);
      for (const k of Object.keys(optionalArgs)) {
        if (!['fields', 'includeGridData', 'ranges'].includes(k))
          throw apiError(
            method,
            `Invalid JSON payload received. Unknown name "${k}": Cannot bind query parameter.`,
          );
      }
      if (optionalArgs.ranges !== undefined) throw notEmulated('spreadsheets.get with ranges');
      const fields = optionalArgs.fields;
      const withData =
        fields === undefined ? optionalArgs.includeGridData === true : /\bdata\b/.test(String(fields));
      return {
        spreadsheetId,
        properties: { title: entry.name, locale: model.locale, timeZone: model.timeZone },
        sheets: liveSheets(model).map((s, index) => ({
          ...(withData ? { data: [gridDataOf(s, model)] } : {}),
          ...sheetMetadata(model, s),
          properties: {
            sheetId: s.id,
            title: s.name,
            index,
            sheetType: 'GRID',
            hidden: s.hidden,
            gridProperties: {
              rowCount: s.maxRows,
              columnCount: s.maxCols,
              frozenRowCount: s.frozenRows,
              frozenColumnCount: s.frozenCols,
            },
          },
        })),
      };
    },
  };

  return { Spreadsheets } as unknown as GoogleAppsScript.Sheets;
}
