/**
 * The uncounted snapshot shapes the exporters read. The spreadsheet snapshot and the element,
 * heading and item-type unions are the emulator's own types; the document and form shapes below
 * are a looser subset of what `snapshotDocument` and `snapshotForm` produce (optional fields),
 * so a snapshot can also be built by hand in tests. The `export*` wrappers pass the emulator's
 * snapshots straight in, so the compiler reports any drift between the two.
 */
import type { ParagraphHeading } from '../apps-script/document-enums';
import type { DocElementSnapshot } from '../apps-script/document-snapshot';
import type { EmulatedType } from '../apps-script/forms-model';

export type {
  SheetSnapshotData as SheetSnapshot,
  SpreadsheetSnapshotData as SpreadsheetSnapshot,
} from '../apps-script/spreadsheet-links';

export type DocElementType = DocElementSnapshot['type'];

export type DocHeading = keyof typeof ParagraphHeading;

export interface DocRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string | null;
  underline?: boolean;
  /** `#rrggbb` or null. */
  color?: string | null;
  /** Highlight colour `#rrggbb` or null. */
  background?: string | null;
  /** A page-number element (PAGE / NUMPAGES): no text of its own. */
  field?: 'PAGE' | 'NUMPAGES';
}

export interface DocCell {
  text: string;
  background?: string | null;
  runs?: DocRun[];
}

export interface DocElement {
  type: DocElementType;
  heading?: DocHeading;
  /** Paragraphs: `LEFT` (default), `CENTER`, `RIGHT` or `JUSTIFY`. */
  alignment?: string;
  text?: string;
  runs?: DocRun[];
  /** List items: the glyph type (`BULLET`, `NUMBER`, `HOLLOW_BULLET`, ...). */
  glyph?: string;
  /** List items: nesting level, 0 = top. */
  nesting?: number;
  /** List items: items with the same list id form one list. */
  listId?: string;
  /** Tables: rows of cells. */
  rows?: DocCell[][];
  /** INLINE_IMAGE: PNG bytes, size in pixels and description. */
  image?: { png: Uint8Array; width: number; height: number; alt: string };
}

export interface DocumentSnapshot {
  name: string;
  /** Paragraph elements of the header section, or empty when the document has none. */
  header: DocElement[];
  body: DocElement[];
  /** Paragraph elements of the footer section, if any. */
  footer?: DocElement[];
}

/** The item types the emulator builds, plus the date/time variants hand-built snapshots may use. */
export type FormItemType = EmulatedType | 'DATETIME' | 'TIME' | (string & {});

export interface FormItemSnapshot {
  id: number | string;
  type: FormItemType;
  title: string;
  help: string;
  required: boolean;
  choices: string[];
  /** Choice items: an extra free-text "other" option. */
  otherOption?: boolean;
  rows: string[];
  columns: string[];
  /** SCALE: lower and upper bound. */
  bounds: [number, number] | null;
  /** SCALE: labels of the lower and upper bound. */
  labels: [string, string] | null;
}

export interface FormResponseSnapshot {
  id: string;
  timestamp: number;
  respondentEmail?: string;
  answers: { itemId: number | string; response: unknown }[];
}

export interface FormSnapshot {
  title: string;
  description: string;
  confirmationMessage: string;
  /** What respondents see instead of the form when it does not accept responses. */
  customClosedFormMessage?: string;
  published: boolean;
  accepting: boolean;
  items: FormItemSnapshot[];
  responses: FormResponseSnapshot[];
}
