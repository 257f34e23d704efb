import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The emulated Date reads local time like Apps Script does in the script's time zone.
    env: { TZ: 'Europe/Amsterdam' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
