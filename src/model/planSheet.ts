/**
 * The `Plan van aanpak` tab of a case spreadsheet: where the coordinator writes the SMART plan
 * (with the partners in step 5, adjusted in monitoring). One row per goal (`D1`, ...: indicator,
 * nulmeting, streefwaarde, meetdatum), action (`A1`, ...: eigenaar, start, frequentie,
 * deadline), afschaalcriterium (`C1`, ...) and one `Evaluatie` row with the evaluation date.
 * Reading it gives a Plan, or Dutch errors that name the cell.
 * Pure: the caller passes the rows, the partner keys, the person codes, the time zone and the
 * duiding baselines.
 */
import { isDate, isoDate } from './time';
import type { Plan, PlanAction, PlanCriterion, PlanDraft, PlanGoal, Spoor } from './types';
import { SPOREN } from './types';
import { isValidIsoDate } from './workdays';

export const PLAN_SHEET = 'Plan van aanpak';
export const PLAN_HEADERS = [
  'Nr',
  'Spoor',
  'Omschrijving',
  'Doel',
  'Eigenaar',
  'Start',
  'Frequentie',
  'Deadline',
  'Persoonscode',
  'Indicator',
  'Nulmeting',
  'Streefwaarde',
  'Meetdatum',
] as const;

/** The label in column Nr of the row that holds the evaluation date (in column Deadline). */
export const EVALUATION_LABEL = 'Evaluatie';

/** Explanation written above the table (row 1); the header is row 2. */
export const PLAN_INTRO =
  'Doelen (D1, D2, ...): omschrijving, indicator, nulmeting (getal; leeg = uit de duiding als de indicator een duidingsonderdeel noemt), streefwaarde (getal), meetdatum en eventueel de eigenaar die de indicator meet (leeg = eigenaar van de eerste actie). ' +
  'Acties (A1, A2, ...): spoor (groep, persoon, domein, online of netwerk), omschrijving, doel (D-nummer), eigenaar (sleutel uit de tab Partners), start, frequentie, deadline en eventueel een persoonscode. ' +
  'Afschaalcriteria (C1, C2, ...): omschrijving. Rij "Evaluatie": de evaluatiedatum in de kolom Deadline. Datums als jjjj-mm-dd. ' +
  'Wordt gecontroleerd en vastgelegd bij het besluit "vastgesteld" (stap 5) of "bijstellen" (stap 6).';

/** A nulmeting the product can fill in: the duiding score that fits an indicator. */
export interface BaselineSuggestion {
  value: number;
  /** Where it comes from, in Dutch (`duiding: Vernieling`). */
  from: string;
}

export interface PlanSheetContext {
  partners: readonly string[];
  persons: readonly string[];
  version: number;
  timeZone: string;
  /** The nulmeting for an indicator when the coordinator left it empty (see planBaseline.ts). */
  baselineFor?: (indicator: string) => BaselineSuggestion | null;
}

export type PlanParse =
  | { ok: true; plan: Plan /** What the product filled in, naming the cell. */; notes: string[] }
  | { ok: false; errors: string[] };

const COL = {
  nr: 'A',
  spoor: 'B',
  text: 'C',
  goal: 'D',
  owner: 'E',
  start: 'F',
  frequency: 'G',
  deadline: 'H',
  subject: 'I',
  indicator: 'J',
  baseline: 'K',
  target: 'L',
  measureDate: 'M',
} as const;
const IDX = Object.fromEntries(Object.keys(COL).map((k, i) => [k, i])) as Record<keyof typeof COL, number>;

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A measured value: a number, or text like `12`, `2,5` or `2.5`; null otherwise. */
export function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = text(v);
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/** A number as the coordinator writes it (`2,5`). */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** A deadline cell: an ISO date, a Dutch `dd-mm-jjjj` date, or a Date (Sheets turns typed dates into dates). */
export function deadlineOf(v: unknown, timeZone: string): string | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : isoDate(v.getTime(), timeZone);
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
  const notes: string[] = [];
  const goals: (PlanGoal & { row: number })[] = [];
  const actions: (PlanAction & { row: number })[] = [];
  const criteria: PlanCriterion[] = [];
  let evaluationDate: string | null = null;
  const seen = new Map<string, number>();
  const at = (col: string, row: number) => `${PLAN_SHEET}!${col}${row}`;
  const headerIndex = rows.findIndex((r) => text(r[0]).toLowerCase() === 'nr');
  if (headerIndex < 0) return { ok: false, errors: [`${PLAN_SHEET}: de kopregel met "Nr" ontbreekt`] };

  rows.slice(headerIndex + 1).forEach((r, i) => {
    const row = headerIndex + i + 2;
    const cell = (k: keyof typeof COL) => r[IDX[k]];
    const nr = text(r[0]).toUpperCase();
    if (!nr && r.every((c) => text(c) === '')) return;
    if (nr === EVALUATION_LABEL.toUpperCase()) {
      if (evaluationDate !== null) {
        errors.push(`${at(COL.nr, row)}: de rij ${EVALUATION_LABEL} staat dubbel`);
        return;
      }
      const date = deadlineOf(cell('deadline'), ctx.timeZone);
      if (!date) {
        errors.push(
          text(cell('deadline'))
            ? `${at(COL.deadline, row)}: ongeldige evaluatiedatum "${text(cell('deadline'))}"; schrijf jjjj-mm-dd`
            : `${at(COL.deadline, row)}: Evaluatiedatum ontbreekt`,
        );
      }
      evaluationDate = date ?? '';
      return;
    }
    if (!/^[DAC]\d+$/.test(nr)) {
      errors.push(
        `${at(COL.nr, row)}: ongeldig nummer "${text(r[0])}"; schrijf D1, D2, ... voor doelen, A1, A2, ... voor acties, C1, C2, ... voor afschaalcriteria of ${EVALUATION_LABEL}`,
      );
      return;
    }
    const first = seen.get(nr);
    if (first !== undefined) {
      errors.push(`${at(COL.nr, row)}: ${nr} staat dubbel; staat ook in rij ${first}`);
      return;
    }
    seen.set(nr, row);
    const description = text(cell('text'));
    if (!description) errors.push(`${at(COL.text, row)}: omschrijving van ${nr} ontbreekt`);
    const owner = text(cell('owner'));
    const checkOwner = () => {
      if (!ctx.partners.includes(owner)) {
        errors.push(
          `${at(COL.owner, row)}: onbekende eigenaar "${owner}"; gebruik de sleutel uit de tab Partners`,
        );
      }
    };
    if (nr.startsWith('C')) {
      criteria.push({ id: nr, text: description });
      return;
    }
    if (nr.startsWith('D')) {
      const goal = readGoal(nr, row, cell, ctx, errors, notes);
      if (owner) {
        checkOwner();
        goal.owner = owner;
      }
      goals.push({ ...goal, text: description, row });
      return;
    }
    const spoor = text(cell('spoor')).toLowerCase();
    if (!(SPOREN as readonly string[]).includes(spoor)) {
      errors.push(
        `${at(COL.spoor, row)}: onbekend spoor "${text(cell('spoor'))}"; kies ${SPOREN.join(', ')}`,
      );
    }
    checkOwner();
    const start = deadlineOf(cell('start'), ctx.timeZone);
    if (!start) {
      errors.push(
        text(cell('start'))
          ? `${at(COL.start, row)}: ongeldige start "${text(cell('start'))}" bij actie ${nr}; schrijf jjjj-mm-dd`
          : `${at(COL.start, row)}: Start ontbreekt bij actie ${nr}`,
      );
    }
    const frequency = text(cell('frequency'));
    if (!frequency) errors.push(`${at(COL.frequency, row)}: Frequentie ontbreekt bij actie ${nr}`);
    const deadline = deadlineOf(cell('deadline'), ctx.timeZone);
    if (!deadline)
      errors.push(
        `${at(COL.deadline, row)}: ongeldige deadline "${text(cell('deadline'))}"; schrijf jjjj-mm-dd`,
      );
    if (start && deadline && start > deadline) {
      errors.push(`${at(COL.start, row)}: start ${start} van ${nr} ligt na de deadline ${deadline}`);
    }
    const subject = text(cell('subject')).toUpperCase();
    if (subject && !ctx.persons.includes(subject)) {
      errors.push(
        // The cell is named, never its content: what was typed may be a name (AVG).
        `${at(COL.subject, row)}: dit is geen persoonscode van deze casus; vul alleen een code uit de namenlijst in (zoals P-7F3K), nooit een naam`,
      );
    }
    const action: PlanAction & { row: number } = {
      id: nr,
      spoor: spoor as Spoor,
      text: description,
      goalId: text(cell('goal')).toUpperCase(),
      owner,
      start: start ?? '',
      frequency,
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
  for (const g of goals) {
    if (g.owner) continue;
    const first = actions.find((a) => a.goalId === g.id);
    if (first) g.owner = first.owner;
    else errors.push(`${at(COL.owner, g.row)}: doel ${g.id} heeft geen actie en geen eigenaar die het meet`);
  }
  if (goals.length === 0) errors.push(`${PLAN_SHEET}: het plan heeft nog geen doel (D1, ...)`);
  if (actions.length === 0) errors.push(`${PLAN_SHEET}: het plan heeft nog geen actie (A1, ...)`);
  if (criteria.length === 0)
    errors.push(`${PLAN_SHEET}: het plan heeft nog geen afschaalcriterium (C1, ...)`);
  if (evaluationDate === null)
    errors.push(
      `${PLAN_SHEET}: de evaluatiedatum ontbreekt; schrijf een rij ${EVALUATION_LABEL} met de datum in de kolom Deadline`,
    );
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      version: ctx.version,
      goals: goals.map(({ row: _row, ...g }) => g),
      actions: actions.map(({ row: _row, ...a }) => a),
      criteria,
      evaluationDate: evaluationDate ?? '',
    },
    notes,
  };
}

/** A D row's measurable part: indicator, nulmeting (or the duiding's), streefwaarde, meetdatum. */
function readGoal(
  nr: string,
  row: number,
  cell: (k: keyof typeof COL) => unknown,
  ctx: PlanSheetContext,
  errors: string[],
  notes: string[],
): Omit<PlanGoal, 'text'> {
  const at = (col: string) => `${PLAN_SHEET}!${col}${row}`;
  const indicator = text(cell('indicator'));
  if (!indicator) errors.push(`${at(COL.indicator)}: Indicator ontbreekt bij doel ${nr}`);
  let baseline = numberOf(cell('baseline'));
  let baselineFrom: string | undefined;
  if (text(cell('baseline')) === '') {
    const suggestion = indicator ? (ctx.baselineFor?.(indicator) ?? null) : null;
    if (suggestion) {
      baseline = suggestion.value;
      baselineFrom = suggestion.from;
      notes.push(
        `${at(COL.baseline)}: nulmeting van doel ${nr} overgenomen uit de ${suggestion.from} (${formatNumber(suggestion.value)})`,
      );
    } else {
      errors.push(`${at(COL.baseline)}: Nulmeting ontbreekt bij doel ${nr}`);
    }
  } else if (baseline === null) {
    errors.push(`${at(COL.baseline)}: Nulmeting "${text(cell('baseline'))}" bij doel ${nr} is geen getal`);
  }
  const target = numberOf(cell('target'));
  if (text(cell('target')) === '') errors.push(`${at(COL.target)}: Streefwaarde ontbreekt bij doel ${nr}`);
  else if (target === null)
    errors.push(`${at(COL.target)}: Streefwaarde "${text(cell('target'))}" bij doel ${nr} is geen getal`);
  // target is a number here, so a missing nulmeting (null) never equals it.
  else if (target === baseline)
    errors.push(
      `${at(COL.target)}: Streefwaarde van doel ${nr} is gelijk aan de nulmeting; er valt niets te meten`,
    );
  const measureDate = deadlineOf(cell('measureDate'), ctx.timeZone);
  if (!measureDate) {
    errors.push(
      text(cell('measureDate'))
        ? `${at(COL.measureDate)}: ongeldige meetdatum "${text(cell('measureDate'))}" bij doel ${nr}; schrijf jjjj-mm-dd`
        : `${at(COL.measureDate)}: Meetdatum ontbreekt bij doel ${nr}`,
    );
  }
  const goal: Omit<PlanGoal, 'text'> = {
    id: nr,
    indicator,
    baseline: baseline ?? Number.NaN,
    target: target ?? Number.NaN,
    measureDate: measureDate ?? '',
  };
  if (baselineFrom) goal.baselineFrom = baselineFrom;
  return goal;
}

type Cell = string | number;

/** The tab's rows for a plan (intro, header, goals, actions, criteria, evaluation); null gives the headers only. */
export function planToRows(plan: PlanDraft | Plan | null): Cell[][] {
  const rows: Cell[][] = [[PLAN_INTRO], [...PLAN_HEADERS]];
  if (!plan) return rows;
  const row = (values: Partial<Record<keyof typeof COL, Cell>>): Cell[] =>
    (Object.keys(COL) as (keyof typeof COL)[]).map((k) => values[k] ?? '');
  for (const g of plan.goals)
    rows.push(
      row({
        nr: g.id,
        text: g.text,
        owner: g.owner ?? '',
        indicator: g.indicator,
        baseline: g.baseline ?? '',
        target: g.target,
        measureDate: g.measureDate,
      }),
    );
  for (const a of plan.actions)
    rows.push(
      row({
        nr: a.id,
        spoor: a.spoor,
        text: a.text,
        goal: a.goalId,
        owner: a.owner,
        start: a.start,
        frequency: a.frequency,
        deadline: a.deadline,
        subject: a.subject ?? '',
      }),
    );
  for (const c of plan.criteria) rows.push(row({ nr: c.id, text: c.text }));
  rows.push(
    row({ nr: EVALUATION_LABEL, text: 'Evaluatiedatum van het plan', deadline: plan.evaluationDate }),
  );
  return rows;
}

/** Whether two plans have the same content (versions aside; where a nulmeting came from does not count). */
export function samePlan(a: PlanContent, b: PlanContent): boolean {
  const key = (p: PlanContent) =>
    JSON.stringify([
      p.goals.map((g) => [g.id, g.text, g.indicator, g.baseline, g.target, g.measureDate, g.owner ?? '']),
      p.actions.map((x) => ({ ...x, subject: x.subject ?? '' })),
      p.criteria,
      p.evaluationDate,
    ]);
  return key(a) === key(b);
}

type PlanContent = Omit<Plan, 'version'>;
