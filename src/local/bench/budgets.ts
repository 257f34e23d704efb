/**
 * The budgets of issue 7 (docs/prestaties.md), checked on the benchmark's rows. `npm run bench`
 * prints every budget with its figures; tests/bench/budgets.test.ts asserts them at L.
 * All figures are call counts and emulated time, never the wall clock.
 */
import { type BenchRow, dispatcherDaily } from './report';

export type BudgetId =
  | 'one-execution'
  | 'gates-and-rebuilds'
  | 'split-job'
  | 'idle-dispatcher'
  | 'floor-ratio'
  | 'changed-tabs-only'
  | 'unchanged-document'
  | 'daily-trigger-runtime';

export interface BudgetResult {
  id: BudgetId;
  /** Dutch, as in docs/prestaties.md. */
  label: string;
  ok: boolean;
  /** The figures behind the verdict (worst offenders first). */
  detail: string;
}

/** 4.5 emulated minutes: the most one execution may take (the dispatcher's own budget). */
export const EXECUTION_BUDGET_S = 4.5 * 60;
/** A job that must be split (making forms) finishes within this many executions. */
export const SPLIT_EXECUTIONS = 3;
/** The constant of the idle dispatcher: register, case, lock, properties and the case's tables. */
export const IDLE_CONSTANT = 40;
export const FLOOR_RATIO = 1.5;
/** Daily trigger runtime on Workspace (6 h) and consumer accounts (90 min), in seconds. */
export const WORKSPACE_DAILY_S = 6 * 3600;
export const CONSUMER_DAILY_S = 90 * 60;

const s = (x: number) => `${Math.round(x)} s`;

export function checkBudgets(rows: readonly BenchRow[]): BudgetResult[] {
  const out: BudgetResult[] = [];

  // Every coordinator action and every dispatcher run: each execution ≤ 4.5 min (pessimistic).
  const over = rows
    .flatMap((r) => r.executionSecondsPessimistic.map((sec) => ({ r, sec })))
    .filter((x) => x.sec > EXECUTION_BUDGET_S)
    .sort((a, b) => b.sec - a.sec);
  out.push({
    id: 'one-execution',
    label: 'elke actie en elke dispatcher-run past per uitvoering in 4,5 minuten (pessimistisch)',
    ok: over.length === 0,
    detail: over.length
      ? `${over.length} uitvoering(en) te lang, o.a. ${over
          .slice(0, 4)
          .map((x) => `${x.r.operation} ${s(x.sec)}`)
          .join(', ')}`
      : `langste ${s(Math.max(0, ...rows.flatMap((r) => r.executionSecondsPessimistic)))}`,
  });

  // Every gate and every "integraal beeld bijwerken": ONE execution of at most 4.5 min
  // (pessimistic), documents and sharing included.
  const gates = rows.filter(
    (r) => r.kind === 'besluit' || r.operation.startsWith('integraal beeld bijwerken'),
  );
  const gateOver = gates
    .filter(
      (r) =>
        r.executions !== 1 ||
        Math.max(r.emulatedSecondsPessimistic, ...r.executionSecondsPessimistic) > EXECUTION_BUDGET_S,
    )
    .sort((a, b) => b.emulatedSecondsPessimistic - a.emulatedSecondsPessimistic);
  const slowest = [...gates].sort((a, b) => b.emulatedSecondsPessimistic - a.emulatedSecondsPessimistic)[0];
  out.push({
    id: 'gates-and-rebuilds',
    label:
      'elk besluit en elk "integraal beeld bijwerken" past in één uitvoering van 4,5 minuten (pessimistisch)',
    ok: gates.length > 0 && gateOver.length === 0,
    detail: gateOver.length
      ? `${gateOver.length} te lang of gesplitst, o.a. ${gateOver
          .slice(0, 4)
          .map((r) => `${r.operation} ${s(r.emulatedSecondsPessimistic)} in ${r.executions} uitvoering(en)`)
          .join(', ')}`
      : slowest
        ? `${gates.length} gemeten, langste ${slowest.operation} ${s(slowest.emulatedSecondsPessimistic)}`
        : 'geen besluiten gemeten',
  });

  // Non-splittable actions run in one execution; a start (forms) in at most 3.
  const starts = rows.filter((r) => r.kind === 'start');
  const tooMany = starts.filter((r) => r.executions > SPLIT_EXECUTIONS);
  const splitOthers = rows.filter((r) => r.kind !== 'start' && r.executions > 1);
  out.push({
    id: 'split-job',
    label: 'formulieren maken is binnen 3 uitvoeringen klaar; de rest in één',
    ok: tooMany.length === 0 && splitOthers.length === 0,
    detail: `meeste uitvoeringen bij een start: ${Math.max(0, ...starts.map((r) => r.executions))}${
      tooMany.length ? ` (${tooMany.map((r) => `${r.operation}: ${r.executions}`).join(', ')})` : ''
    }`,
  });

  // An idle dispatcher run: at most one call per open form plus a constant.
  const idle = rows.filter((r) => r.kind === 'dispatcher-idle');
  const idleOver = idle
    .filter((r) => r.calls > r.work.openForms + IDLE_CONSTANT)
    .sort((a, b) => b.calls - b.work.openForms - (a.calls - a.work.openForms));
  const worstIdle = [...idle].sort((a, b) => b.calls - b.work.openForms - (a.calls - a.work.openForms))[0];
  out.push({
    id: 'idle-dispatcher',
    label: `een idle dispatcher-run kost ten hoogste 1 aanroep per open formulier + ${IDLE_CONSTANT}`,
    ok: idleOver.length === 0,
    detail: worstIdle
      ? `duurste: ${worstIdle.operation}, ${worstIdle.calls} aanroepen bij ${worstIdle.work.openForms} open formulieren`
      : 'geen idle runs gemeten',
  });

  // Calls over the whole benchmark ≤ 1.5 × the floor of the chosen route.
  const calls = rows.reduce((n, r) => n + r.calls, 0);
  const floor = rows.reduce((n, r) => n + r.floor, 0);
  out.push({
    id: 'floor-ratio',
    label: 'over de hele casus ten hoogste 1,5 × de vloer',
    ok: calls <= FLOOR_RATIO * floor,
    detail: `${calls} aanroepen, vloer ${floor} (×${(calls / Math.max(floor, 1)).toFixed(2)})`,
  });

  // A view rebuild rewrites only the tabs that changed.
  const rewrites = rows.filter((r) => r.work.tabsWritten > r.work.tabsChanged);
  out.push({
    id: 'changed-tabs-only',
    label: 'een herbouw schrijft alleen gewijzigde tabbladen',
    ok: rewrites.length === 0,
    detail: rewrites.length
      ? `${rewrites.length} operatie(s) schreven ongewijzigde tabbladen, o.a. ${rewrites
          .slice(0, 3)
          .map((r) => `${r.operation} (${r.work.tabsWritten} geschreven, ${r.work.tabsChanged} gewijzigd)`)
          .join(', ')}`
      : 'alleen gewijzigde tabbladen geschreven',
  });

  // An unchanged document is not rebuilt (the second "integraal beeld bijwerken").
  const again = rows.find((r) => r.operation === 'integraal beeld bijwerken (ongewijzigd)');
  out.push({
    id: 'unchanged-document',
    label: 'een ongewijzigd document wordt niet opnieuw gebouwd',
    ok: again !== undefined && !again.work.docWritten,
    detail: again
      ? `tweede keer bijwerken: ${again.calls} aanroepen, document ${again.work.docWritten ? 'opnieuw geschreven' : 'niet aangeraakt'}`
      : 'niet gemeten',
  });

  // The dispatcher's day for 5 open cases like this one fits the Workspace trigger runtime.
  const daily = dispatcherDaily(rows);
  out.push({
    id: 'daily-trigger-runtime',
    label: 'de dispatcher past met 5 open casussen in het dagquotum triggertijd (Workspace, 6 uur)',
    ok: daily.seconds.pessimistic <= WORKSPACE_DAILY_S,
    detail: `${Math.round(daily.seconds.typical / 60)} min typisch, ${Math.round(daily.seconds.pessimistic / 60)} min pessimistisch per dag (zwaarste dag ${daily.worstDay}); consumentenaccount 90 min: ${daily.seconds.pessimistic <= CONSUMER_DAILY_S ? 'past' : 'past niet'}`,
  });
  return out;
}
