/**
 * A worker process for fault tests: `node --import tsx test/faults/workerProcess.ts fetch,process`. Like
 * `wpingest run`, but with the short lock and stall settings of FAST_STALL, so the jobs of a SIGKILLed copy
 * are recovered in seconds. SIGTERM drains and exits 0.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startWorkers, type Role } from '../../workers/startWorkers.js';
import { FAST_STALL } from './faultHarness.js';

const roles = (process.argv[2] ?? 'fetch,process').split(',') as Role[];
// With WPINGEST_TEST_HEAP_PEAK set, for tests that bound memory, the largest JS heap seen just after a major GC
// (about what is alive: `heap after major GC <MB> MB`) and sampled every 20 ms (garbage included: `heap peak
// <MB> MB`) are written to stderr as they grow.
if (process.env.WPINGEST_TEST_HEAP_PEAK) {
  let live = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const used = Math.round(getHeapStatistics().used_heap_size / 1024 / 1024);
      if (used > live) process.stderr.write(`heap after major GC ${(live = used)} MB\n`);
    }
  }).observe({ entryTypes: ['gc'] });
  let peak = 0;
  setInterval(() => {
    const used = Math.round(getHeapStatistics().used_heap_size / 1024 / 1024);
    if (used > peak) process.stderr.write(`heap peak ${(peak = used)} MB\n`);
  }, 20).unref();
}
const config = loadConfig();
const log = createLogger(config.logLevel, { roles: roles.join(',') });
const ctx = await createContext(config, log);
const workers = await startWorkers(ctx, roles, FAST_STALL);
process.stderr.write('worker ready\n');
await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
await workers.close();
await ctx.close();
process.exit(0);
