import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The emulated Date reads local time like Apps Script does in the script's time zone.
    env: { TZ: 'Europe/Amsterdam' },
    // dist/ is built once before any file runs (the bundle tests read it).
    globalSetup: ['tests/setup/buildOnce.ts'],
    // Every core runs test files (vitest's default leaves one core to the main process, which
    // on a two-core machine means one file at a time).
    maxWorkers: availableParallelism(),
    // A worker runs its files one after another without reloading the modules (about half the
    // suite's time went to importing them again for every file). Each file still makes its own
    // in-memory Apps Script and installs and removes its globals itself; the suite passes with
    // the files in shuffled orders (`--sequence.shuffle.files`).
    isolate: false,
    // A file that leaves an in-memory Apps Script installed fails instead of breaking the next one.
    setupFiles: ['tests/setup/noLeftoverAppsScript.ts'],
    // Tests assert call counts, never time; the timeouts only stop a test that hangs. Several
    // test runs share this two-core machine, so a whole-case test can take minutes of wall time.
    testTimeout: 600_000,
    // A whole-case run in beforeAll takes seconds of CPU; on a busy machine more than the default 10 s.
    hookTimeout: 600_000,
  },
});
