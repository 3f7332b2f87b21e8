import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectNothingHalfDone, expectUndisturbed, reportFault, type DigestComparison } from './databaseDigest.js';
import { exited, pageCounts, startFaultApp, waitForRunFinished, waitUntil, type FaultApp } from './faultHarness.js';

const POSTS = 500;

/** The direct child processes of a process (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('`wpingest run --workers 2`: one worker process killed mid-backfill (SIGKILL)', () => {
  let app: FaultApp;
  let comparison: DigestComparison;
  let runId: number;
  let workersAtStart: number[] = [];
  let workersAfter: number[] = [];
  let unfinishedAtKill = 0;
  let exitCode: number | string = 'not stopped';
  let stderr = '';

  beforeAll(async () => {
    // No workers in the test process: the supervised service does everything, its scheduler included.
    app = await startFaultApp({ label: 'supkill', posts: POSTS, roles: [], env: { WPINGEST_LOG_LEVEL: 'info' } });
    const baseline = await undisturbedDigest('supkill', app.siteUrl);
    const service = app.spawnNode(['src/cli/main.ts', 'run', '--workers', '2']);
    const tail = () => (service as typeof service & { stderrTail(): string }).stderrTail();
    await waitUntil(
      'the service running',
      async () =>
        /"msg":"wpingest running"/.test(
          tail()
            .split('\n')
            .filter((line) => !/"worker":\d/.test(line))
            .join('\n'),
        ),
      90_000,
      100,
    );
    workersAtStart = childrenOf(service.pid!);
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('a processed page', async () => ((await pageCounts(app, runId)).processed ?? 0) >= 1, 90_000, 50);
    const counts = await pageCounts(app, runId);
    unfinishedAtKill = (counts.pending ?? 0) + (counts.fetched ?? 0);
    process.kill(workersAtStart[0]!, 'SIGKILL');
    // The killed worker's jobs come back once their locks expire (BullMQ's stalled check, 30 s by default).
    expect(await waitForRunFinished(app, runId, 240_000)).toMatchObject({ status: 'done', error: null });
    workersAfter = childrenOf(service.pid!);
    comparison = compareDigests(baseline, await databaseDigest(app.ctx.pool));
    service.kill('SIGTERM');
    exitCode = await exited(service);
    stderr = tail();
    await reportFault({
      fault: 'run --workers 2, one worker SIGKILL',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: comparison.found,
      lost: comparison.lost.length,
      doubled: comparison.doubled.length,
      note: `${unfinishedAtKill} pages unfinished at kill`,
    });
  }, 300_000);
  afterAll(async () => app?.close());

  it('ran two worker processes and killed one while pages were unfinished', () => {
    expect(workersAtStart).toHaveLength(2);
    expect(unfinishedAtKill).toBeGreaterThan(0);
  });

  it('started the killed worker again, saying which one died', () => {
    expect(workersAfter).toHaveLength(2);
    expect(workersAfter).not.toContain(workersAtStart[0]);
    expect(workersAfter).toContain(workersAtStart[1]);
    expect(stderr).toMatch(/"worker":1,"workerPid":\d+,"code":null,"signal":"SIGKILL".*"msg":"worker process died/);
  });

  it('stores every article exactly once, as an undisturbed run does', () => {
    expectUndisturbed(comparison);
    expect(comparison.found).toBe(comparison.expected);
  });

  it('marks no page processed whose posts are not stored, and records no failure', async () => {
    await expectNothingHalfDone(app.ctx.pool, runId);
  });

  it('drains every worker on SIGTERM and exits 0', () => {
    expect(exitCode, stderr.slice(-3000)).toBe(0);
    expect(stderr).toContain('stopped cleanly');
  });
});
