import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The emulated Date reads local time like Apps Script does in the script's time zone.
    env: { TZ: 'Europe/Amsterdam' },
    testTimeout: 60_000,
    // Whole-case setups run in beforeAll; on a shared two-core machine they can take longer than
    // vitest's default 10 s. A guard only: no test depends on wall-clock time.
    hookTimeout: 60_000,
  },
});
