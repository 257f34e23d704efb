/**
 * `SpreadsheetApp` (reference/spreadsheet/spreadsheet-app): create/open,
 * the active (bound) spreadsheet, `getUi`, `flush`, `newDataValidation` and the enums.
 */
import { wrap } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';
import { createSpreadsheetEntry, spreadsheetHandle } from './spreadsheet';
import { modelOf } from './spreadsheet-model';
import { newRichTextValueBuilder } from './spreadsheet-rich-text';
import { DataValidationCriteria, newDataValidationBuilder } from './spreadsheet-validation';
import { gasEnum } from './strict';
import { createUi } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export const ProtectionType = gasEnum(['RANGE', 'SHEET']);
export const BorderStyle = gasEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
export const WrapStrategy = gasEnum(['WRAP', 'OVERFLOW', 'CLIP']);
export const DeveloperMetadataVisibility = gasEnum(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = gasEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const Dimension = gasEnum(['COLUMNS', 'ROWS']);
export const SheetType = gasEnum(['GRID', 'OBJECT', 'DATASOURCE']);

class SpreadsheetAppImpl
  implements
    Pick<
      App,
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'open'
      | 'getActiveSpreadsheet'
      | 'getActive'
      | 'getActiveSheet'
      | 'getUi'
      | 'flush'
      | 'newDataValidation'
      | 'newRichTextValue'
    >
{
  readonly ProtectionType = ProtectionType as unknown as App['ProtectionType'];
  readonly BorderStyle = BorderStyle as unknown as App['BorderStyle'];
  readonly WrapStrategy = WrapStrategy as unknown as App['WrapStrategy'];
  readonly DataValidationCriteria = DataValidationCriteria as unknown as App['DataValidationCriteria'];
  readonly DeveloperMetadataVisibility =
    DeveloperMetadataVisibility as unknown as App['DeveloperMetadataVisibility'];
  readonly DeveloperMetadataLocationType =
    DeveloperMetadataLocationType as unknown as App['DeveloperMetadataLocationType'];
  readonly Dimension = Dimension as unknown as App['Dimension'];
  readonly SheetType = SheetType as unknown as App['SheetType'];

  constructor(private readonly rt: Runtime) {}

  /** New file in the Drive root: one sheet `Sheet1`, 1000 × 26 unless sized (reference/spreadsheet/spreadsheet-app). */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.rt.call('SpreadsheetApp.create');
    return spreadsheetHandle(this.rt, createSpreadsheetEntry(this.rt, name, rows, columns));
  }

  private openEntry(id: string, method: string): Spreadsheet {
    const entry = this.rt.drive.get(id);
    // Unknown id / no access → this wording [W]; trashed files still open (unconfirmed, §9.9).
    if (!entry || entry.mimeType !== MIME.spreadsheet) {
      throw gasError(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    }
    modelOf(entry);
    return spreadsheetHandle(this.rt, entry);
  }

  openById(id: string): Spreadsheet {
    this.rt.call('SpreadsheetApp.openById');
    return this.openEntry(String(id), 'openById');
  }

  openByUrl(url: string): Spreadsheet {
    this.rt.call('SpreadsheetApp.openByUrl');
    const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw gasError('Invalid argument: url'); // wording unconfirmed
    return this.openEntry(m[1]!, 'openByUrl');
  }

  open(file: GoogleAppsScript.Drive.File): Spreadsheet {
    this.rt.call('SpreadsheetApp.open');
    return this.openEntry(
      this.rt.uncounted(() => file.getId()),
      'open',
    );
  }

  private active(): DriveEntry | null {
    return this.rt.boundEntry(MIME.spreadsheet);
  }

  /** The bound spreadsheet (also in trigger runs), or null for a standalone script. */
  getActiveSpreadsheet(): Spreadsheet {
    this.rt.call('SpreadsheetApp.getActiveSpreadsheet');
    const entry = this.active();
    return (entry ? spreadsheetHandle(this.rt, entry) : null) as Spreadsheet;
  }

  getActive(): Spreadsheet {
    this.rt.call('SpreadsheetApp.getActive');
    const entry = this.active();
    return (entry ? spreadsheetHandle(this.rt, entry) : null) as Spreadsheet;
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.rt.call('SpreadsheetApp.getActiveSheet');
    const entry = this.active();
    if (!entry) return null as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    return this.rt.uncounted(() => spreadsheetHandle(this.rt, entry).getActiveSheet());
  }

  /** Throws `Cannot call SpreadsheetApp.getUi() from this context.` outside a user session. */
  getUi(): GoogleAppsScript.Base.Ui {
    this.rt.call('SpreadsheetApp.getUi');
    return createUi(this.rt, 'SpreadsheetApp');
  }

  /** Applies pending changes; here only its (measurable) cost is modelled. */
  flush(): void {
    this.rt.call('SpreadsheetApp.flush');
  }

  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    this.rt.call('SpreadsheetApp.newRichTextValue');
    return newRichTextValueBuilder(this.rt);
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.rt.call('SpreadsheetApp.newDataValidation');
    return newDataValidationBuilder(this.rt);
  }
}

export function createSpreadsheetApp(rt: Runtime): App {
  return wrap<App>(new SpreadsheetAppImpl(rt), 'SpreadsheetApp');
}
