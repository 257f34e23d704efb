/**
 * The `Plan van aanpak` tab of a case spreadsheet: where the coordinator writes the goals and
 * actions (with the partners in step 5, adjusted in monitoring). One row per goal (`D1`, ...)
 * or action (`A1`, ...). Reading it gives a Plan, or Dutch errors that name the cell.
 * Pure: the caller passes the rows, the partner keys, the person codes and the time zone.
 */
import { isoDate } from './time';
import type { Plan, PlanAction, PlanGoal, Spoor } from './types';
import { SPOREN } from './types';
import { isValidIsoDate } from './workdays';

export const PLAN_SHEET = 'Plan van aanpak';
export const PLAN_HEADERS = [
  'Nr',
  'Spoor',
  'Omschrijving',
  'Doel',
  'Eigenaar',
  'Deadline',
  'Persoonscode',
] as const;

/** Explanation written above the table (row 1); the header is row 2. */
export const PLAN_INTRO =
  'Doelen: Nr D1, D2, ... met een omschrijving. Acties: Nr A1, A2, ... met spoor (groep, persoon, domein, online of netwerk), omschrijving, doel (D-nummer), eigenaar (sleutel uit de tab Partners van het register), deadline (jjjj-mm-dd) en eventueel een persoonscode. Wordt vastgelegd bij het besluit "vastgesteld" (stap 5) of "bijstellen" (stap 6).';

export interface PlanSheetContext {
  partners: readonly string[];
  persons: readonly string[];
  version: number;
  timeZone: string;
}

export type PlanParse = { ok: true; plan: Plan } | { ok: false; errors: string[] };

const COL = { nr: 'A', spoor: 'B', text: 'C', goal: 'D', owner: 'E', deadline: 'F', subject: 'G' } as const;

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A deadline cell: an ISO date, a Dutch `dd-mm-jjjj` date, or a Date (Sheets turns typed dates into dates). */
export function deadlineOf(v: unknown, timeZone: string): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDate(v.getTime(), timeZone);
  const s = text(v);
  if (isValidIsoDate(s)) return s;
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (isValidIsoDate(iso)) return iso;
  }
  return null;
}

export function parsePlanRows(rows: readonly (readonly unknown[])[], ctx: PlanSheetContext): PlanParse {
  const errors: string[] = [];
  const goals: PlanGoal[] = [];
  const actions: (PlanAction & { row: number })[] = [];
  const seen = new Map<string, number>();
  const at = (col: string, row: number) => `${PLAN_SHEET}!${col}${row}`;
  const headerIndex = rows.findIndex((r) => text(r[0]).toLowerCase() === 'nr');
  if (headerIndex < 0) return { ok: false, errors: [`${PLAN_SHEET}: de kopregel met "Nr" ontbreekt`] };

  rows.slice(headerIndex + 1).forEach((r, i) => {
    const row = headerIndex + i + 2;
    const nr = text(r[0]).toUpperCase();
    if (!nr && r.every((c) => text(c) === '')) return;
    if (!/^[DA]\d+$/.test(nr)) {
      errors.push(
        `${at(COL.nr, row)}: ongeldig nummer "${text(r[0])}"; schrijf D1, D2, ... voor doelen en A1, A2, ... voor acties`,
      );
      return;
    }
    const first = seen.get(nr);
    if (first !== undefined) {
      errors.push(`${at(COL.nr, row)}: ${nr} staat dubbel; staat ook in rij ${first}`);
      return;
    }
    seen.set(nr, row);
    const description = text(r[2]);
    if (!description) errors.push(`${at(COL.text, row)}: omschrijving van ${nr} ontbreekt`);
    if (nr.startsWith('D')) {
      goals.push({ id: nr, text: description });
      return;
    }
    const spoor = text(r[1]).toLowerCase();
    if (!(SPOREN as readonly string[]).includes(spoor)) {
      errors.push(`${at(COL.spoor, row)}: onbekend spoor "${text(r[1])}"; kies ${SPOREN.join(', ')}`);
    }
    const owner = text(r[4]);
    if (!ctx.partners.includes(owner)) {
      errors.push(
        `${at(COL.owner, row)}: onbekende eigenaar "${owner}"; gebruik de sleutel uit de tab Partners`,
      );
    }
    const deadline = deadlineOf(r[5], ctx.timeZone);
    if (!deadline)
      errors.push(`${at(COL.deadline, row)}: ongeldige deadline "${text(r[5])}"; schrijf jjjj-mm-dd`);
    const subject = text(r[6]).toUpperCase();
    if (subject && !ctx.persons.includes(subject)) {
      errors.push(
        `${at(COL.subject, row)}: onbekende persoonscode "${text(r[6])}"; alleen codes uit de namenlijst`,
      );
    }
    const action: PlanAction & { row: number } = {
      id: nr,
      spoor: spoor as Spoor,
      text: description,
      goalId: text(r[3]).toUpperCase(),
      owner,
      deadline: deadline ?? '',
      row,
    };
    if (subject) action.subject = subject;
    actions.push(action);
  });

  const goalIds = new Set(goals.map((g) => g.id));
  for (const a of actions) {
    if (!goalIds.has(a.goalId)) {
      errors.push(`${at(COL.goal, a.row)}: doel "${a.goalId}" van ${a.id} staat niet in het plan`);
    }
  }
  if (goals.length === 0) errors.push(`${PLAN_SHEET}: het plan heeft nog geen doel (D1, ...)`);
  if (actions.length === 0) errors.push(`${PLAN_SHEET}: het plan heeft nog geen actie (A1, ...)`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    plan: { version: ctx.version, goals, actions: actions.map(({ row: _row, ...a }) => a) },
  };
}

/** The tab's rows for a plan (intro, header, goals, actions); an empty plan gives example-free headers. */
export function planToRows(plan: Pick<Plan, 'goals' | 'actions'> | null): string[][] {
  const rows: string[][] = [[PLAN_INTRO], [...PLAN_HEADERS]];
  if (!plan) return rows;
  for (const g of plan.goals) rows.push([g.id, '', g.text, '', '', '', '']);
  for (const a of plan.actions)
    rows.push([a.id, a.spoor, a.text, a.goalId, a.owner, a.deadline, a.subject ?? '']);
  return rows;
}

/** Whether two plans have the same goals and actions (versions aside). */
export function samePlan(a: Pick<Plan, 'goals' | 'actions'>, b: Pick<Plan, 'goals' | 'actions'>): boolean {
  const key = (p: Pick<Plan, 'goals' | 'actions'>) =>
    JSON.stringify([p.goals, p.actions.map((x) => ({ ...x, subject: x.subject ?? '' }))]);
  return key(a) === key(b);
}
