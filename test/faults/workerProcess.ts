/**
 * A worker process for fault tests: `node --import tsx test/faults/workerProcess.ts fetch,process`. Like
 * `wpingest run`, but with the short lock and stall settings of FAST_STALL, so the jobs of a SIGKILLed copy
 * are recovered in seconds. SIGTERM drains and exits 0.
 */
import { getHeapStatistics } from 'node:v8';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../workers/createContext.js';
import { startWorkers, type Role } from '../../workers/startWorkers.js';
import { FAST_STALL } from './faultHarness.js';

const roles = (process.argv[2] ?? 'fetch,process').split(',') as Role[];
// With WPINGEST_TEST_HEAP_PEAK set, the largest JS heap seen (sampled every 20 ms) is written to stderr as it
// grows (`heap peak <MB> MB`), for tests that bound memory.
if (process.env.WPINGEST_TEST_HEAP_PEAK) {
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
