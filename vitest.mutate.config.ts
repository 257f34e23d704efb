/**
 * The vitest configuration for mutation testing (`npm run mutate`, StrykerJS with its vitest
 * runner; see stryker.config.json and the section "Mutatietests" in docs/betrouwbaarheid.md).
 * Stryker runs the tests that cover a mutant once per mutant, one at a time, so this set leaves
 * out what cannot kill a mutant in src/ or costs too much per mutant:
 * - tests/build, tests/browser and tests/emulator/bridge.test.ts run the bundle dist/Code.js, not
 *   src/ (a mutant in src/ is not in the bundle); without them no test needs dist/, so there is
 *   no globalSetup that builds it;
 * - tests/bench and the whole-case tests (crash at every call, random cases, fault schedules, the
 *   demo case, the hostile corpus through every writer, the scenario command line) take seconds
 *   to minutes each and would run for nearly every mutant in workflow/ and workspace/.
 */
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const MUTATE_EXCLUDED = [
  'tests/build/**',
  'tests/browser/**',
  'tests/bench/**',
  'tests/emulator/bridge.test.ts',
  'tests/workflow/crashAnywhere.test.ts',
  'tests/workflow/randomCases.test.ts',
  'tests/workflow/faultSchedules.test.ts',
  'tests/workflow/demoCase.test.ts',
  'tests/export/hostile.test.ts',
  'tests/demo/scenario-cli.test.ts',
];

/** What the order of a test file rests on: whether it failed, how long it took, its size. */
export interface FileFacts {
  failed: boolean;
  /** Milliseconds of the last whole run of the file; undefined when unknown. */
  duration: number | undefined;
  size: number;
}

/**
 * Stryker stops a mutant's run at the first failing test (bail), so the quick files go first:
 * a file that failed last time (it probably kills the neighbouring mutant too), then the files
 * with a known duration, shortest first, then the others by size, smallest first. vitest's own
 * order is the other way round: longest first, which suits a parallel full run.
 */
export function quickFirstOrder<T>(files: readonly T[], facts: (f: T) => FileFacts): T[] {
  const rank = (f: FileFacts): [number, number, number] => [
    f.failed ? 0 : 1,
    f.duration === undefined ? 1 : 0,
    f.duration ?? f.size,
  ];
  return [...files]
    .map((file) => ({ file, rank: rank(facts(file)) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
    .map((x) => x.file);
}

/**
 * Durations of whole test files seen by this worker. A mutant's run filters each file to the
 * tests that cover the mutant, and vitest then remembers 0 ms for the file (and writes that to
 * its cache, node_modules/.vite/vitest), so a duration of 0 says nothing: the first real one, from
 * Stryker's dry run over all tests, is kept for the worker's lifetime.
 */
const knownDurations = new Map<string, number>();

class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    return quickFirstOrder(files, (f) => {
      const k = key(f);
      const result = cache.getFileTestResults(k);
      if (result && result.duration > 0 && !knownDurations.has(k)) knownDurations.set(k, result.duration);
      return {
        failed: result?.failed ?? false,
        duration: knownDurations.get(k),
        size: cache.getFileStats(k)?.size ?? 0,
      };
    });
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...MUTATE_EXCLUDED],
    environment: 'node',
    // The emulated Date reads local time like Apps Script does in the script's time zone.
    env: { TZ: 'Europe/Amsterdam' },
    // As in vitest.config.ts, a worker runs its files without loading the modules again. Stryker
    // starts a fresh worker for every mutant, so a mutant in code that runs when a module loads
    // (a catalog, a constant table) is active from the first load on.
    isolate: false,
    sequence: { sequencer: QuickFirst },
    // Code in a file's beforeAll/afterAll counts as reached by each test of that file.
    setupFiles: ['tests/setup/strykerHooks.ts'],
    // Tests assert call counts, never time; these only stop a test that hangs. Stryker has its
    // own timeout per mutant (stryker.config.json).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
