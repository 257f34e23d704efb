/**
 * `npm run bench`: generates the cases S, M and L as scenario files (out/bench/S.json, ...),
 * plays each on the in-memory Apps Script the way the menu and the trigger run the product, and
 * writes every operation's calls, floor, emulated time under both latency profiles, executions
 * and CPU time to out/bench.json, with a summary table on the console.
 *
 *   npm run bench                          S, M and L
 *   npm run bench -- --size L              one size
 *   npm run bench -- --scenario FILE       any scenario file
 *   npm run bench -- --out DIR             another output folder (default out)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadScenario } from '../demo/loadScenario';
import type { Scenario } from '../demo/scenarioSchema';
import { checkBudgets } from './budgets';
import { type BenchRow, dispatcherDaily, markdownTable, toRows, totals } from './report';
import { measureScenario } from './run';
import { BENCH_SIZES, type BenchSize, generateScenario } from './scenarios';

interface Args {
  sizes: BenchSize[];
  scenario?: string;
  out: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [...BENCH_SIZES], out: 'out', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size') {
      const s = (argv[++i] ?? '').toUpperCase();
      if (!BENCH_SIZES.includes(s as BenchSize)) throw new Error(`Onbekende grootte: ${s}. Kies S, M of L.`);
      args.sizes = [s as BenchSize];
    } else if (a === '--scenario') args.scenario = argv[++i];
    else if (a === '--out') args.out = argv[++i] ?? 'out';
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`Onbekende optie: ${a}. Gebruik --help.`);
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]
        ?.replace(/^\/\*\*?|^ \* ?/gm, '') ?? '',
    );
    return;
  }
  const out = resolve(args.out);
  mkdirSync(join(out, 'bench'), { recursive: true });
  const cases: { label: string; scenario: Scenario }[] = [];
  if (args.scenario) {
    const loaded = loadScenario(resolve(args.scenario));
    if (!loaded.ok) {
      console.error(`Scenario ${args.scenario} klopt niet:`);
      for (const e of loaded.errors) console.error(`  - ${e}`);
      process.exitCode = 1;
      return;
    }
    cases.push({ label: basename(args.scenario).replace(/\.json$/, ''), scenario: loaded.scenario });
  } else {
    for (const size of args.sizes) {
      const g = generateScenario(size);
      const file = join(out, 'bench', `${size}.json`);
      writeFileSync(file, `${JSON.stringify(g.input, null, 2)}\n`);
      console.log(`Scenario ${size} geschreven: ${file}`);
      cases.push({ label: size, scenario: g.scenario });
    }
  }
  const rows: BenchRow[] = [];
  const bySize: Record<string, BenchRow[]> = {};
  for (const c of cases) {
    const t0 = performance.now();
    const result = measureScenario(c.scenario);
    const r = toRows(c.label, result.runs);
    rows.push(...r);
    bySize[c.label] = r;
    const t = totals(c.label, r);
    console.log(
      `${c.label}: ${r.length} operaties, ${t.calls} aanroepen (vloer ${t.floor}), ${Math.round(t.emulatedSeconds)} s typisch, ${Math.round(t.emulatedSecondsPessimistic)} s pessimistisch, langste uitvoering ${Math.round(t.longestExecution.seconds)} s (${t.longestExecution.operation}), ${Math.round(performance.now() - t0)} ms rekentijd${t.errors ? `, ${t.errors} fout(en)` : ''}.`,
    );
    for (const e of r.filter((x) => x.error)) console.log(`  fout in ${e.operation}: ${e.error}`);
    const daily = dispatcherDaily(r);
    console.log(
      `  dispatcher per dag bij ${daily.cases} open casussen als deze (${daily.runsPerDay} runs, zwaarste dag ${daily.worstDay}): ${Math.round(daily.seconds.typical / 60)} min typisch, ${Math.round(daily.seconds.pessimistic / 60)} min pessimistisch (quotum 90 min consumer, 360 min Workspace).`,
    );
    for (const b of checkBudgets(r)) console.log(`  ${b.ok ? 'OK  ' : 'NIET'} ${b.label}: ${b.detail}`);
  }
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(rows, null, 1)}\n`);
  console.log('');
  console.log('aanroepen / typisch / pessimistisch / uitvoeringen / vloer');
  console.log(markdownTable(bySize));
  console.log('');
  console.log(`Geschreven: ${join(out, 'bench.json')}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
}
