/**
 * The progress chart of the plan van aanpak: every goal on one line chart, as the share of the
 * way from its nulmeting (0 %) to its streefwaarde (100 %) per monitoring round, so goals with
 * different indicators can share one axis. The alt text gives the real values.
 */
import type { DocNode } from './docTree';

/** What the chart needs of a goal's progress (model/planProgress `GoalProgress` fits). */
export interface GoalLine {
  id: string;
  indicator: string;
  baseline: number;
  target: number;
  measurements: readonly { round: number; value: number }[];
}

/** Percentage of the way from baseline to target (100 = target reached); null without a span. */
export function shareOfWay(baseline: number, target: number, value: number): number | null {
  if (target === baseline) return null;
  return Math.round(((value - baseline) / (target - baseline)) * 100);
}

/** `2.5` → `2,5`, `12` → `12`. */
const num = (n: number) => String(n).replace('.', ',');

export function goalChart(goals: readonly GoalLine[]): DocNode | null {
  const measured = goals.filter((g) => g.measurements.length > 0);
  if (measured.length === 0) return null;
  const rounds = [...new Set(measured.flatMap((g) => g.measurements.map((m) => m.round)))].sort(
    (a, b) => a - b,
  );
  const series = measured.map((g) => ({
    name: g.id,
    values: [
      0,
      ...rounds.map((r) => {
        const m = g.measurements.find((x) => x.round === r);
        return m ? shareOfWay(g.baseline, g.target, m.value) : null;
      }),
    ],
  }));
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  return {
    type: 'chart',
    chart: {
      kind: 'line',
      title: 'Voortgang per doel: van nulmeting (0 %) naar streefwaarde (100 %)',
      categories: ['Nulmeting', ...rounds.map((r) => `Ronde ${r}`)],
      series,
      min: Math.min(0, ...all),
      max: Math.max(100, ...all),
      alt:
        'Lijndiagram met per doel de gemeten waarde per monitoringronde: ' +
        measured
          .map((g) => {
            const last = g.measurements[g.measurements.length - 1];
            return `${g.id} (${g.indicator}) nulmeting ${num(g.baseline)}, streefwaarde ${num(g.target)}, laatst gemeten ${last ? num(last.value) : 'niets'}`;
          })
          .join('; ') +
        '.',
    },
  };
}
