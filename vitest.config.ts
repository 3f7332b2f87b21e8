import { configDefaults, defineConfig } from 'vitest/config';

/** Fault tests that kill workers, stop services or compare whole backfills: on demand only. */
const HEAVY_FAULT_TESTS = [
  'deployMidRun',
  'failedJobRevived',
  'postgresRefuses',
  'redisLost',
  'workerKilled',
  'siteBrokenResponses',
  'siteStatusFaults',
  'hostileInput',
  'hostileSite',
  'hugePage',
  'versionsOrder',
].map((name) => `test/faults/${name}.test.ts`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-WordPress test needs ../shared/realwp and minutes: `npm run test:wordpress` runs it.
    // The fault-injection suite takes several minutes (child workers, outages, baselines): `npm run test:faults`
    // runs all of it; the default run keeps a trimmed set (XSS and fuzzing, off-origin fetches, secrets, pool waits,
    // and one each of the network rows: a Redis cut, a Postgres drop, the slow host, with short outages).
    exclude: [...configDefaults.exclude, 'test/wordpress/**', ...HEAVY_FAULT_TESTS],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests start servers and workers; two files at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
