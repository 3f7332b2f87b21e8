import { defineConfig } from 'vitest/config';

/** `npm run test:wordpress`: the compatibility test against a real WordPress (../shared/realwp), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/wordpress/**/*.test.ts'],
    // A first start installs WordPress (a minute or two); the 3000-post backfill itself takes about a minute.
    testTimeout: 600_000,
    hookTimeout: 900_000,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
