// Mutation testing of src/model, src/workflow and src/workspace with StrykerJS
// (https://stryker-mutator.io/docs/stryker-js/configuration/): `npm run mutate`, or narrowed,
// e.g. `npm run mutate -- --mutate "src/model/**/*.ts"`. The tests it runs are chosen in
// vitest.mutate.config.ts; the measured scores are in docs/betrouwbaarheid.md ("Mutatietests").
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['src/model/**/*.ts', 'src/workflow/**/*.ts', 'src/workspace/**/*.ts'],
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  // A mutant in code that runs while a module loads (the question catalog, constant tables) is
  // "static": Stryker would run every test for it, about a minute each on this machine. They are
  // reported as ignored and counted in docs/betrouwbaarheid.md
  // (https://stryker-mutator.io/docs/mutation-testing-elements/static-mutants/).
  ignoreStatic: true,
  // The machine has two cores shared with other work.
  concurrency: 1,
  // A rerun only tests the mutants whose code or covering tests changed
  // (https://stryker-mutator.io/docs/stryker-js/incremental/).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // A mutant counts as a timeout (an endless loop) after twice the test time of the dry run plus
  // 10 s: generous, because other work on the machine can slow a run down.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // Not copied into Stryker's sandbox (.stryker-tmp/): build output and reports.
  ignorePatterns: ['dist', 'out', 'coverage', 'reports'],
  cleanTempDir: 'always',
};
