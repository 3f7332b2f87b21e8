import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectNothingHalfDone, expectUndisturbed, reportFault, type DigestComparison } from './databaseDigest.js';
import { exited, pageCounts, spawnCli, startFaultApp, waitForRunFinished, waitUntil, type FaultApp } from './faultHarness.js';

const POSTS = 500;

describe('a deploy mid-backfill: SIGTERM to every `wpingest run` process, then a fresh start', () => {
  let app: FaultApp;
  let comparison: DigestComparison;
  let exitCodes: Array<number | string> = [];
  let unfinishedAtDeploy = 0;
  let runId: number;

  beforeAll(async () => {
    app = await startFaultApp({ label: 'deploy', posts: POSTS, roles: ['scheduler'] });
    const baseline = await undisturbedDigest('deploy', app.siteUrl);
    const old = [spawnCli(app, ['fetch', 'process']), spawnCli(app, ['fetch', 'process'])];
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('a processed page', async () => ((await pageCounts(app, runId)).processed ?? 0) >= 1, 150_000, 50).catch((error: Error) => {
      throw new Error(`${error.message}; worker stderr: ${old.map((child) => (child as unknown as { stderrTail(): string }).stderrTail()).join(' | ')}`);
    });
    const counts = await pageCounts(app, runId);
    unfinishedAtDeploy = (counts.pending ?? 0) + (counts.fetched ?? 0);
    // The deploy stops the scheduler too, then starts the new version of every role.
    for (const child of old) child.kill('SIGTERM');
    [exitCodes] = await Promise.all([Promise.all(old.map(exited)), app.stopWorkers()]);
    spawnCli(app, ['fetch', 'process']);
    await app.startWorkers(['scheduler']);
    expect(await waitForRunFinished(app, runId)).toMatchObject({ status: 'done', error: null });
    comparison = compareDigests(baseline, await databaseDigest(app.ctx.pool));
    await reportFault({
      fault: 'deploy: SIGTERM all, restart',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: comparison.found,
      lost: comparison.lost.length,
      doubled: comparison.doubled.length,
      note: `exit codes ${exitCodes.join(',')}`,
    });
  }, 300_000);
  afterAll(async () => app?.close());

  it('drains: every old process exits cleanly while pages were still unfinished', () => {
    expect(unfinishedAtDeploy).toBeGreaterThan(0);
    expect(exitCodes).toEqual([0, 0]);
  });

  it('loses no job and runs none twice to effect: the database equals an undisturbed run', () => {
    expectUndisturbed(comparison);
  });

  it('marks no page processed whose posts are not stored, and records no failure', async () => {
    await expectNothingHalfDone(app.ctx.pool, runId);
  });
});
