/**
 * Vitest global setup: builds dist/ once, before any test file runs. The bundle tests read
 * dist/Code.js; building it here (not in each file's beforeAll) means two test files running at
 * the same time never see each other's half-written dist/, and the bundle is built once per run.
 * Always a fresh build: a stale dist/ would test yesterday's code.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync('node', ['scripts/build.mjs'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'pipe',
  });
}
