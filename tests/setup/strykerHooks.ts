/**
 * Vitest setup file for mutation testing only (vitest.mutate.config.ts; does nothing outside a
 * Stryker run). StrykerJS with coverageAnalysis "perTest" records which test reaches which mutant
 * by the id of the running test; code that runs outside a test (in beforeAll or afterAll) is
 * counted as "static", and a static mutant is tested with every test of the suite
 * (https://stryker-mutator.io/docs/mutation-testing-elements/static-mutants/). Many workflow
 * tests build their case once in beforeAll, so nearly every mutant in workflow/ and workspace/
 * would run the whole suite. Here code that runs in a file's hooks counts as reached by every
 * test of that file: running any of those tests runs the hooks again. Code that runs while the
 * file is loaded (module top level, describe bodies) stays static, as it must: such a mutant
 * only acts when the module is loaded with it active.
 */
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

interface Coverage {
  static: Record<string, number>;
  perTest: Record<string, Record<string, number>>;
}
interface Namespace {
  currentTestId?: string;
  mutantCoverage?: Coverage;
}

// Provided by the Stryker vitest runner (@stryker-mutator/vitest-runner, stryker-setup.js).
const namespace = inject('globalNamespace' as never) as string | undefined;
const mode = inject('mode' as never) as string | undefined;

if (namespace !== undefined && mode === 'dry-run') {
  const root = globalThis as unknown as Record<string, Namespace>;
  root[namespace] ??= {};
  const ns = root[namespace];
  const HOOKS = 'hooks#outside any test';
  let running = ns.currentTestId;
  let inHooks = false;
  const tests: string[] = [];
  // Stryker's own setup file sets the id before each test and clears it after.
  Object.defineProperty(ns, 'currentTestId', {
    configurable: true,
    get: () => running ?? (inHooks ? HOOKS : undefined),
    set: (id: string | undefined) => {
      running = id;
    },
  });
  beforeAll(() => {
    inHooks = true;
  });
  beforeEach(() => {
    if (running !== undefined) tests.push(running);
  });
  // Runs after the file's own afterAll hooks (vitest runs after-hooks in reverse order).
  afterAll(() => {
    inHooks = false;
    const perTest = ns.mutantCoverage?.perTest;
    const hooks = perTest?.[HOOKS];
    if (perTest === undefined || hooks === undefined) return;
    delete perTest[HOOKS];
    for (const id of tests) {
      const own = perTest[id] ?? {};
      perTest[id] = own;
      for (const [mutant, hits] of Object.entries(hooks)) own[mutant] = (own[mutant] ?? 0) + hits;
    }
  });
}
