import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectNothingHalfDone, expectUndisturbed, reportFault, type DigestComparison } from './databaseDigest.js';
import { deletePrefix, FAST_STALL, pageCounts, startFaultApp, waitUntil, type FaultApp, waitForRunFinished } from './faultHarness.js';

const POSTS = 500;

describe('Redis loses every key of the deployment mid-backfill', () => {
  let app: FaultApp;
  let comparison: DigestComparison;
  let unfinishedAtLoss = 0;
  let deletedKeys = 0;
  let runId: number;

  beforeAll(async () => {
    // Reconcile every second instead of every 15 s: the scheduler re-plans lost pages from Postgres.
    app = await startFaultApp({ label: 'redislost', posts: POSTS, roles: ['scheduler', 'fetch', 'process'], workerOptions: FAST_STALL });
    const baseline = await undisturbedDigest('redislost', app.siteUrl);
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('a processed page', async () => ((await pageCounts(app, runId)).processed ?? 0) >= 1, 90_000, 50);
    const counts = await pageCounts(app, runId);
    unfinishedAtLoss = (counts.pending ?? 0) + (counts.fetched ?? 0);
    deletedKeys = await deletePrefix(app.db.queuePrefix);
    expect(await waitForRunFinished(app, runId, 120_000)).toMatchObject({ status: 'done', error: null });
    comparison = compareDigests(baseline, await databaseDigest(app.ctx.pool));
    await reportFault({
      fault: 'Redis keys deleted',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: comparison.found,
      lost: comparison.lost.length,
      doubled: comparison.doubled.length,
      note: `${deletedKeys} keys deleted, ${unfinishedAtLoss} pages unfinished`,
    });
  }, 300_000);
  afterAll(async () => app?.close());

  it('lost the queue state while pages were still unfinished', () => {
    expect(deletedKeys).toBeGreaterThan(0);
    expect(unfinishedAtLoss).toBeGreaterThan(0);
  });

  it('re-plans the missing pages from Postgres and ends equal to an undisturbed run', () => {
    expectUndisturbed(comparison);
    expect(comparison.found).toBe(comparison.expected);
  });

  it('marks no page processed whose posts are not stored', async () => {
    await expectNothingHalfDone(app.ctx.pool, runId);
  });
});
