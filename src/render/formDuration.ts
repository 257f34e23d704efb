/**
 * How long a form takes to fill in, estimated from its items. Pure.
 * The seconds per item kind are our own estimate (reading the question, choosing, writing a
 * few sentences); a grid costs a little per row, a text per code a little more per code.
 */
import type { FormItemSpec, FormSpec } from './formSpec';

const SECONDS: Record<FormItemSpec['type'], number> = {
  choice: 15,
  checkboxes: 20,
  scale: 10,
  date: 15,
  text: 30,
  paragraph: 90,
  grid: 15,
  checkbox_grid: 15,
};

/** Extra seconds per grid row (a radio row is quicker than a row of check boxes). */
const PER_ROW: Partial<Record<FormItemSpec['type'], number>> = { grid: 8, checkbox_grid: 12 };

/** Extra seconds per code line of a "one line per code" text. */
const PER_CODE_LINE = 20;

export function itemSeconds(item: FormItemSpec): number {
  const base = SECONDS[item.type];
  const rows = item.rows?.length ?? 0;
  if (item.type === 'grid' || item.type === 'checkbox_grid') return base + rows * (PER_ROW[item.type] ?? 0);
  if (item.subjects && item.subjects.length > 0) return base + item.subjects.length * PER_CODE_LINE;
  return base;
}

/** Whole minutes, at least 1, rounded up. */
export function formMinutes(sections: FormSpec['sections']): number {
  const seconds = sections.reduce((sum, s) => sum + s.items.reduce((t, i) => t + itemSeconds(i), 0), 0);
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The opening line of every form description. */
export function durationLine(minutes: number): string {
  return `Invullen duurt ongeveer ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}.`;
}
