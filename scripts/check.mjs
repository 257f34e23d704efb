// The checks `npm test` runs before vitest, side by side instead of one after the other: the two
// typechecks (Apps Script code without Node types, and everything with them) and Biome. Each
// check's output is printed as one block when it ends; the exit code is non-zero when any fails.
// The typechecks are incremental (https://www.typescriptlang.org/tsconfig/#incremental): the
// build info lives in node_modules/.cache/zeven-stappen/, so a run after a small change only
// checks again what that change can affect.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'zeven-stappen');
mkdirSync(cache, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tsc = (project, info) => [
  bin('tsc'),
  ['--noEmit', '-p', project, '--incremental', '--tsBuildInfoFile', join(cache, info)],
];

const CHECKS = {
  'typecheck (Apps Script)': tsc('tsconfig.json', 'tsc-apps-script.tsbuildinfo'),
  'typecheck (lokaal en tests)': tsc('tsconfig.node.json', 'tsc-node.tsbuildinfo'),
  lint: [bin('biome'), ['check', 'src', 'tests', 'scripts']],
};

function run(name, [cmd, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', (e) =>
      resolve({ name, code: 1, out: `${out}${e.message}\n`, ms: Date.now() - started }),
    );
    child.on('close', (code) => resolve({ name, code: code ?? 1, out, ms: Date.now() - started }));
  });
}

const results = await Promise.all(Object.entries(CHECKS).map(([name, c]) => run(name, c)));
for (const r of results) {
  const mark = r.code === 0 ? 'ok' : 'MISLUKT';
  console.log(`> ${r.name}: ${mark} (${(r.ms / 1000).toFixed(1)} s)`);
  if (r.out.trim() !== '') console.log(r.out.trimEnd());
}
if (results.some((r) => r.code !== 0)) process.exit(1);
