/**
 * `npm start`: prints the werkproces and the catalog, plays the demo scenario (or the one
 * given with --scenario) on the in-memory Apps Script and writes every output to out/.
 *
 *   npm start                          demo scenario → out/
 *   npm start -- --scenario FILE --out DIR
 *   npm start -- --catalog             every question per step and partner, with ids
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOG } from '../../model/catalog';
import { STEPS, stepLabel } from '../../model/steps';
import { STEP_IDS } from '../../model/types';
import { catalogListing, catalogSummary } from '../../render/catalogText';
import { demoScenarioPath, loadScenario } from '../demo/loadScenario';
import { runScenario } from '../demo/runScenario';
import { writeOutputs } from '../export/writeAll';
import { startLocalAppsScript } from '../harness';
import { scenarioManifest } from './outputs';

interface Args {
  scenario?: string;
  out: string;
  catalog: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: 'out', catalog: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scenario') args.scenario = argv[++i];
    else if (a === '--out') args.out = argv[++i] ?? 'out';
    else if (a === '--catalog') args.catalog = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`Onbekende optie: ${a}. Gebruik --help.`);
  }
  return args;
}

/** Empties an earlier output folder so no stale file survives; refuses folders that are not ours. */
function prepareOutDir(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes('index.html')) {
    throw new Error(
      `De map ${dir} bestaat al en bevat geen eerdere uitvoer van deze demo; kies een andere map met --out.`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

function printWerkproces(): void {
  console.log('Het werkproces (7-stappenmodel, namen 2023):');
  for (const id of STEP_IDS) {
    const s = STEPS[id];
    const outcomes = s.gate.outcomes.map((o) => `${o.key} → ${o.next}`).join(', ');
    console.log(`  ${stepLabel(id, '2023')}  [${s.lead}]  besluit: ${outcomes}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]
        ?.replace(/^\/\*\*?|^ \* ?/gm, '') ?? '',
    );
    return;
  }
  if (args.catalog) {
    console.log(catalogListing(CATALOG));
    return;
  }
  printWerkproces();
  console.log(catalogSummary(CATALOG));
  console.log('');

  const file = args.scenario ? resolve(args.scenario) : demoScenarioPath();
  const loaded = loadScenario(file);
  if (!loaded.ok) {
    console.error(`Scenario ${file} klopt niet:`);
    for (const e of loaded.errors) console.error(`  - ${e}`);
    process.exitCode = 1;
    return;
  }
  const scenario = loaded.scenario;
  const outDir = resolve(args.out);
  prepareOutDir(outDir);
  console.log(`Scenario: ${scenario.name}`);
  const local = startLocalAppsScript({
    now: Date.UTC(2026, 0, 5, 7, 0),
    mailDailyQuota: scenario.mailQuota,
    language: scenario.language,
  });
  try {
    const result = runScenario(local.rt, scenario, (line) => console.log(line));
    const written = await writeOutputs(local.rt, outDir, scenarioManifest(result));
    const calls = local.rt.totalCalls();
    console.log('');
    console.log(
      `Klaar: ${written.length} bestanden in ${outDir} (${result.formIds.length} formulieren, ${local.rt.mailbox.length} mails, ${calls} service-aanroepen, ${(local.rt.serviceTimeMs / 1000).toFixed(0)} s geëmuleerde Apps Script-tijd).`,
    );
    console.log(`Open ${join(outDir, 'index.html')} voor een overzicht.`);
  } finally {
    local.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
