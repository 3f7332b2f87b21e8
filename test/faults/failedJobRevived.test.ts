import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, redisConnection } from '../../src/queues.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { reportFault } from './databaseDigest.js';
import { FAST_STALL, pageCounts, startFaultApp, waitUntil, type FaultApp, waitForRunFinished } from './faultHarness.js';

const POSTS = 200;

describe('a job that failed for good while its page stayed pending (its failure could not be recorded)', () => {
  let app: FaultApp;
  let runId: number;

  beforeAll(async () => {
    app = await startFaultApp({ label: 'revive', posts: POSTS, roles: [] });
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    // A worker whose every job fails unrecoverably without touching Postgres: what a last attempt during a
    // database outage leaves behind (the failure cannot be recorded, so the page stays pending).
    const breaker = new Worker(
      QUEUE_NAMES.fetch,
      async () => {
        throw new UnrecoverableError('postgres down at the last attempt');
      },
      { connection: redisConnection(app.config.redisUrl), prefix: app.config.queuePrefix },
    );
    await waitUntil('every fetch job failed', async () => (await app.ctx.queues.fetch.getJobCounts('failed')).failed === 2, 30_000);
    await breaker.close();
    expect(await pageCounts(app, runId)).toEqual({ pending: 2 });
    await app.startWorkers(['scheduler', 'fetch', 'process'], FAST_STALL);
  }, 120_000);
  afterAll(async () => app?.close());

  it('is retried by the scheduler reconcile, and the run finishes with every post', async () => {
    expect(await waitForRunFinished(app, runId, 60_000)).toMatchObject({ status: 'done', error: null });
    const raw = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts');
    const articles = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    await reportFault({
      fault: 'job failed while its page stayed pending',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: articles.rows[0]!.n,
      lost: POSTS - raw.rows[0]!.n,
      doubled: 0,
      note: 'revived by reconcile',
    });
    expect(raw.rows[0]!.n).toBe(POSTS);
  });
});
