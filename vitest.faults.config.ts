import { defineConfig } from 'vitest/config';

/** The fault-injection suite (`npm run test:faults`): real Postgres, Redis, child worker processes. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Fault tests time their disruptions against a running backfill: two files at a time at most.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
