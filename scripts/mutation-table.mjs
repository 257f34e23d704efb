// Turns Stryker's JSON reports (mutation-testing-report-schema,
// https://stryker-mutator.io/docs/mutation-testing-elements/mutant-states-and-metrics/) into the
// tables of docs/betrouwbaarheid.md ("Mutatietests"): one row per source file and one per folder.
//
//   node scripts/mutation-table.mjs reports/mutation/*.json            # the tables
//   node scripts/mutation-table.mjs --doc reports/mutation/*.json      # merged with the doc's rows
//   node scripts/mutation-table.mjs --survivors src/workflow/x.ts reports/mutation/*.json
//
// Several reports may name the same file (a file measured again after new tests); the newest report
// (by modification time) wins for that file. With --doc, the per-file rows already in
// docs/betrouwbaarheid.md are kept for files no report names, and the folder rows are the sums.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
let survivorsOf = null;
let withDoc = false;
if (args[0] === '--survivors') {
  survivorsOf = args[1];
  args.splice(0, 2);
} else if (args[0] === '--doc') {
  withDoc = true;
  args.splice(0, 1);
}

/** @type {Map<string, {mutants: any[], source: string}>} */
const files = new Map();
for (const path of [...args].sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [name, file] of Object.entries(report.files)) files.set(name, file);
}

const COLUMNS = ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'Ignored'];
const zero = () => Object.fromEntries(COLUMNS.map((k) => [k, 0]));
const count = (mutants) => {
  const c = zero();
  for (const m of mutants) {
    if (m.status in c) c[m.status]++;
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') c.Killed++;
    else throw new Error(`onbekende status ${m.status} in een rapport`);
  }
  return c;
};
const score = (c) => {
  const tested = c.Killed + c.Survived + c.Timeout + c.NoCoverage;
  return tested === 0 ? '–' : `${((100 * (c.Killed + c.Timeout)) / tested).toFixed(1).replace('.', ',')} %`;
};
const row = (label, c, extra = []) =>
  `| ${[label, ...extra, c.Killed + c.Survived + c.Timeout + c.NoCoverage + c.Ignored, c.Killed, c.Survived, c.Timeout, c.NoCoverage, c.Ignored, score(c)].join(' | ')} |`;

/** Source files of a folder under src/, recursively: the "van N" of the folder row. */
const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });

if (survivorsOf) {
  const file = files.get(survivorsOf);
  if (!file) throw new Error(`${survivorsOf} staat in geen van de rapporten`);
  const lines = file.source.split('\n');
  for (const m of file.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const { start, end } = m.location;
    console.log(
      `${m.status} ${m.mutatorName} L${start.line}:${start.column}-${end.line}:${end.column} -> ${JSON.stringify(m.replacement).slice(0, 120)}`,
    );
    console.log(`    ${lines[start.line - 1].trim().slice(0, 160)}`);
  }
} else {
  /** Per file: the counts, from a report or (with --doc) from the doc's own row. */
  const counts = new Map();
  if (withDoc) {
    const doc = readFileSync('docs/betrouwbaarheid.md', 'utf8');
    for (const m of doc.matchAll(
      /^\| `(src\/[^`]+)` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|/gm,
    )) {
      const [, name, , ...n] = m;
      counts.set(name, Object.fromEntries(COLUMNS.map((k, i) => [k, Number(n[i])])));
    }
  }
  for (const [name, file] of files) counts.set(name, count(file.mutants));
  const names = [...counts.keys()].sort();
  const folders = new Map();
  for (const name of names) {
    const folder = name.split('/')[1];
    const f = folders.get(folder) ?? { n: 0, c: zero() };
    f.n++;
    for (const k of COLUMNS) f.c[k] += counts.get(name)[k];
    folders.set(folder, f);
  }
  for (const [folder, f] of folders)
    console.log(row(`\`${folder}/\``, f.c, [`${f.n} van ${sources(join('src', folder)).length}`]));
  console.log();
  for (const name of names) console.log(row(`\`${name}\``, counts.get(name)));
}
