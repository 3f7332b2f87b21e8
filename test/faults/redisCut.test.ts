import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disturb, expectRecovered, finishAndReport, FULL, startProxiedRun, type ProxiedRun } from './networkHarness.js';

const POSTS = FULL ? 300 : 100;
/** The issue saw pages lost to a 30 s cut; `npm test` cuts for 5 s (ioredis gives up on a command within 1 s). */
const CUT_MS = FULL ? 30_000 : 5_000;

describe(`the Redis connection cut for ${CUT_MS / 1000} s mid-backfill (reset, new connections refused)`, () => {
  let run: ProxiedRun;
  let result: Awaited<ReturnType<typeof finishAndReport>>;
  let unfinishedAtFault = 0;

  beforeAll(async () => {
    // Every answer takes a second, so requests are in flight when the cut comes: their jobs then meet a Redis
    // that is gone (the lease release, the circuit breaker's bookkeeping), where the issue saw pages fail for good.
    run = await startProxiedRun('rediscut', { posts: POSTS, through: 'redis', faults: 'slow:ms=500:p=1' });
    const outage = await disturb(run, (proxy) => proxy.cut(), CUT_MS);
    unfinishedAtFault = outage.unfinishedAtFault;
    result = await finishAndReport(run, `network: Redis cut ${CUT_MS / 1000} s`, POSTS, outage.recoverMs, `${unfinishedAtFault} pages unfinished at the cut`);
  }, 400_000);
  afterAll(async () => run?.close());

  it('cut while pages were unfinished', () => {
    expect(unfinishedAtFault).toBeGreaterThan(0);
  });

  it('retries every failure as transient and ends equal to an undisturbed run, with no command typed', () => {
    expectRecovered(result);
  });
});
