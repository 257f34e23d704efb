/**
 * The uncounted snapshot shapes the exporters read: the minimal subset of what the emulator
 * services produce (`snapshotSpreadsheet`, `snapshotDocument`, `snapshotForm`, whose types are
 * supersets of these). The exporters only depend on these interfaces, so a snapshot can also
 * be built by hand in tests; the `export*` wrappers pass the emulator's snapshots straight in,
 * so the compiler reports any drift between the two.
 */

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  values: unknown[][];
  formulas: string[][];
  backgrounds: (string | null)[][];
  fontWeights: string[][];
  fontColors: string[][];
  numberFormats: string[][];
  notes: string[][];
  /** Width in pixels per column position (1-based, as `Sheet.setColumnWidth`). */
  columnWidths: Record<number, number>;
  protected: boolean;
}

export interface SpreadsheetSnapshot {
  name: string;
  timeZone: string;
  sheets: SheetSnapshot[];
}

export type DocElementType = 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE' | 'PAGE_BREAK' | 'HORIZONTAL_RULE';

export type DocHeading =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';

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
}

export interface DocumentSnapshot {
  name: string;
  /** Paragraph elements of the header section, or empty when the document has none. */
  header: DocElement[];
  body: DocElement[];
  /** Paragraph elements of the footer section, if any. */
  footer?: DocElement[];
}

export type FormItemType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'SCALE'
  | 'DATE'
  | 'DATETIME'
  | 'TIME'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK'
  | (string & {});

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
