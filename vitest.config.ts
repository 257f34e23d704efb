import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The emulated Date reads local time like Apps Script does in the script's time zone.
    env: { TZ: 'Europe/Amsterdam' },
    testTimeout: 60_000,
    // A whole-case run in beforeAll takes seconds of CPU; on a busy machine more than the default 10 s.
    hookTimeout: 120_000,
  },
});
