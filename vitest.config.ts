import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-WordPress test needs ../shared/realwp and minutes: `npm run test:wordpress` runs it.
    // The fault-injection suite takes several minutes (child workers, outages, baselines): `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'test/wordpress/**', 'test/faults/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests start servers and workers; two files at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
