/**
 * Turns zod issues into Dutch lines a coordinator can act on: with a cell address
 * (`Partners!E7: ongeldig e-mailadres "jan@"`) when the data came from a sheet tab, or with the
 * field path (`partners[5].email: ongeldig e-mailadres`) otherwise. Values are only quoted
 * in sheet context: the coordinator sees their own cell, while other lines may end up in logs.
 */
import type * as z from './zod';

/** Where a list of records came from: one record per row, one field per column. */
export interface SheetContext {
  sheet: string;
  headerRow: number;
  /** Column letter per field, e.g. `{ email: 'E' }`. */
  columns: Record<string, string>;
  firstDataRow: number;
  /** Sheet row of each record when rows were skipped (blank rows); default firstDataRow + index. */
  rowNumbers?: readonly number[];
  /** Raw cell value of a record's field, quoted instead of the parsed input when given. */
  cell?: (index: number, field: string) => unknown;
}

/** Prefix for non-sheet data, e.g. `partners` → `partners[5].email`. */
export interface PathContext {
  root?: string;
}

export type IssueContext = SheetContext | PathContext;

/** A located issue: where it is (cell or path) and the value to quote (sheet only). */
export interface IssueLocation {
  where: string;
  value?: unknown;
  /** How to point at another record (duplicates): `rij 3` or `partners[1]`. */
  other?: (index: number) => string;
  /** Name of a key/value row that is missing altogether (Instellingen). */
  missingLabel?: string | undefined;
}

type Issue = z.core.$ZodIssue;

/** A, B, ..., Z, AA, AB, ... for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `partners[5].email`, `deadlineWorkdays.2A`. */
export function pathText(path: readonly PropertyKey[], root?: string): string {
  let out = root ?? '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function quote(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return `"${String(value)}"`;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const v = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `"${v.replace(/\s+/g, ' ')}"`;
}

/** Message with the quoted value placed before the first `; ` hint. */
function withValue(message: string, value: unknown): string {
  const q = quote(value);
  if (!q) return message;
  const cut = message.indexOf('; ');
  return cut < 0 ? `${message} ${q}` : `${message.slice(0, cut)} ${q}${message.slice(cut)}`;
}

function isSheet(ctx: IssueContext | undefined): ctx is SheetContext {
  return ctx !== undefined && 'sheet' in ctx;
}

function sheetLocation(issue: Issue, ctx: SheetContext): IssueLocation {
  const rowOf = (i: number) => ctx.rowNumbers?.[i] ?? ctx.firstDataRow + i;
  const [index, field] = issue.path;
  const other = (i: number) => `rij ${rowOf(i)}`;
  if (typeof index !== 'number') return { where: ctx.sheet, other };
  const row = rowOf(index);
  const column = typeof field === 'string' ? ctx.columns[field] : undefined;
  const value =
    issue.path.length === 2 && typeof field === 'string' && ctx.cell ? ctx.cell(index, field) : issue.input;
  if (!column) return { where: `${ctx.sheet} rij ${row}`, value, other };
  return { where: `${ctx.sheet}!${column}${row}`, value, other };
}

/** One Dutch line per issue, given a way to locate an issue. */
export function formatLocatedIssues(
  issues: readonly Issue[],
  locate: (issue: Issue) => IssueLocation,
  quoteValues: boolean,
): string[] {
  return issues.map((issue) => {
    const loc = locate(issue);
    let message = quoteValues ? withValue(issue.message, loc.value) : issue.message;
    const dup =
      issue.code === 'custom'
        ? (issue.params as { duplicateOf?: unknown } | undefined)?.duplicateOf
        : undefined;
    if (typeof dup === 'number' && loc.other) message += `; staat ook in ${loc.other(dup)}`;
    if (loc.missingLabel) message += `; voeg de rij "${loc.missingLabel}" toe`;
    return loc.where ? `${loc.where}: ${message}` : message;
  });
}

/**
 * Dutch lines for a zod error. With a sheet context: `Partners!E7: ongeldig e-mailadres "jan@"`
 * (values are quoted when the parse used `{ reportInput: true }`). Otherwise the field path:
 * `partners[5].email: ongeldig e-mailadres` (with `{ root: 'partners' }`).
 */
export function formatIssues(error: z.ZodError | readonly Issue[], context?: IssueContext): string[] {
  const issues = Array.isArray(error) ? (error as readonly Issue[]) : (error as z.ZodError).issues;
  if (isSheet(context)) return formatLocatedIssues(issues, (i) => sheetLocation(i, context), true);
  const root = context?.root;
  return formatLocatedIssues(
    issues,
    (issue) => {
      const where = pathText(issue.path, root);
      const base = pathText(issue.path.slice(0, -2), root);
      return { where, other: (i) => `${base}[${i}]` };
    },
    false,
  );
}
