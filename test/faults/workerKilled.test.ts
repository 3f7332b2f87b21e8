import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectNothingHalfDone, expectUndisturbed, reportFault, type DigestComparison } from './databaseDigest.js';
import { exited, FAST_STALL, pageCounts, spawnWorker, startFaultApp, waitUntil, type FaultApp, waitForRunFinished } from './faultHarness.js';

const POSTS = 500;

describe('a worker process killed mid-backfill (SIGKILL), then restarted', () => {
  let app: FaultApp;
  let comparison: DigestComparison;
  let unfinishedAtKill = 0;
  let runId: number;
  let timing = '';

  beforeAll(async () => {
    // The scheduler stays in this process; fetch and process jobs run in a child that gets killed.
    app = await startFaultApp({ label: 'kill', posts: POSTS, roles: ['scheduler'], workerOptions: FAST_STALL });
    const t0 = Date.now();
    const baseline = await undisturbedDigest('kill', app.siteUrl);
    const t1 = Date.now();
    const first = spawnWorker(app, ['fetch', 'process']);
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('a processed page', async () => ((await pageCounts(app, runId)).processed ?? 0) >= 1, 90_000, 50);
    const counts = await pageCounts(app, runId);
    unfinishedAtKill = (counts.pending ?? 0) + (counts.fetched ?? 0);
    first.kill('SIGKILL');
    expect(await exited(first)).toBe('SIGKILL');
    spawnWorker(app, ['fetch', 'process']);
    expect(await waitForRunFinished(app, runId, 120_000)).toMatchObject({ status: 'done', error: null });
    timing = `baseline ${t1 - t0} ms, disturbed ${Date.now() - t1} ms`;
    comparison = compareDigests(baseline, await databaseDigest(app.ctx.pool));
    await reportFault({
      fault: 'worker SIGKILL + restart',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: comparison.found,
      lost: comparison.lost.length,
      doubled: comparison.doubled.length,
      note: `${unfinishedAtKill} pages unfinished at kill; ${timing}`,
    });
  }, 300_000);
  afterAll(async () => app?.close());

  it('killed the worker while pages were still unfinished', () => {
    expect(unfinishedAtKill).toBeGreaterThan(0);
  });

  it('ends with the same articles, teaser links and counters as an undisturbed run', () => {
    expectUndisturbed(comparison);
    expect(comparison.found).toBe(comparison.expected);
  });

  it('marks no page processed whose posts are not stored, and records no failure', async () => {
    await expectNothingHalfDone(app.ctx.pool, runId);
  });
});
