import { expect } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { TEST_PG_SERVER, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectUndisturbed, pagesDoneButNotStored, reportFault, type DigestComparison } from './databaseDigest.js';
import { pageCounts, spawnWorker, startFaultApp, stderrOf, waitForRunFinished, waitUntil, type FaultApp } from './faultHarness.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

/** `npm run test:faults` holds outages as long as the issue saw them; `npm test` keeps them short. */
export const FULL = process.env.WPINGEST_FAULTS_FULL === '1';

/**
 * Short Postgres limits for workers behind a proxy: a silent connection fails its query in 2 s instead of 60,
 * and shutdown gives up on a hung pool after 3 s.
 */
export const SHORT_PG_LIMITS = {
  WPINGEST_PG_QUERY_TIMEOUT_MS: '2000',
  WPINGEST_PG_STATEMENT_TIMEOUT_MS: '1500',
  WPINGEST_PG_CONNECT_TIMEOUT_MS: '2000',
  WPINGEST_SHUTDOWN_GRACE_MS: '3000',
};

/** Small pages, so a short backfill still has many pages unfinished when the fault strikes. */
const PER_PAGE = 10;

/** A backfill whose worker process reaches Redis or Postgres through a proxy the test disturbs. */
export interface ProxiedRun {
  app: FaultApp;
  proxy: TcpProxy;
  worker: ChildProcess;
  runId: number;
  /** What an undisturbed backfill of the same site stored. */
  baseline: Awaited<ReturnType<typeof undisturbedDigest>>;
  close(): Promise<void>;
}

/**
 * Starts a fixture site, records its undisturbed result, then starts one worker child (scheduler, fetch and
 * process, with short stall settings) whose `through` connection goes via a proxy, and a backfill. The test's
 * own connections (polling, digests) go direct.
 */
export async function startProxiedRun(
  label: string,
  options: { posts: number; through: 'redis' | 'postgres'; env?: Record<string, string>; faults?: string },
): Promise<ProxiedRun> {
  const app = await startFaultApp({ label, posts: options.posts, roles: [], faults: options.faults });
  const baseline = await undisturbedDigest(label, app.siteUrl, PER_PAGE);
  await registerSite(app.ctx, app.siteUrl, PER_PAGE);
  const direct = options.through === 'redis' ? TEST_REDIS_URL : TEST_PG_SERVER;
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(direct).port) });
  const url = options.through === 'redis' ? proxy.via(app.env.REDIS_URL) : proxy.via(app.env.DATABASE_URL);
  const worker = spawnWorker(app, ['scheduler', 'fetch', 'process'], { [options.through === 'redis' ? 'REDIS_URL' : 'DATABASE_URL']: url, ...options.env });
  await waitUntil('the worker to start', async () => stderrOf(worker).includes('worker ready'), 60_000);
  const { runId } = await startBackfill(app.ctx, app.siteUrl);
  return {
    app,
    proxy,
    worker,
    runId,
    baseline,
    close: async () => {
      await app.close();
      await proxy.close();
    },
  };
}

/** Pages processed so far. */
export async function processedPages(app: FaultApp, runId: number): Promise<number> {
  return (await pageCounts(app, runId)).processed ?? 0;
}

/**
 * Holds `fault` for `ms` once the run has processed a page, then ends it with `resume`; returns how long after
 * that the run made progress again (a page processed, or the run finished).
 */
export async function disturb(run: ProxiedRun, fault: (proxy: TcpProxy) => void, ms: number): Promise<{ recoverMs: number; unfinishedAtFault: number }> {
  await waitUntil('a processed page', async () => (await processedPages(run.app, run.runId)) >= 1, 90_000, 50);
  const counts = await pageCounts(run.app, run.runId);
  fault(run.proxy);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const before = await processedPages(run.app, run.runId);
  run.proxy.resume();
  const resumed = Date.now();
  await waitUntil(
    'progress after the fault',
    async () => {
      const status = (await run.app.ctx.pool.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [run.runId])).rows[0]?.status;
      return status !== 'running' || (await processedPages(run.app, run.runId)) > before;
    },
    180_000,
    50,
  );
  return { recoverMs: Date.now() - resumed, unfinishedAtFault: (counts.pending ?? 0) + (counts.fetched ?? 0) };
}

/** Waits for the run, compares it with the undisturbed one, and records the report row. */
export async function finishAndReport(
  run: ProxiedRun,
  fault: string,
  posts: number,
  recoverMs: number,
  note: string,
): Promise<{ status: string; comparison: DigestComparison; notStored: number[]; failures: unknown[] }> {
  const finished = await waitForRunFinished(run.app, run.runId, 240_000).catch(async (error: unknown) => {
    const failures = (await run.app.ctx.pool.query('SELECT stage, page, reason, message FROM failures ORDER BY id LIMIT 5')).rows;
    throw new Error(`${(error as Error).message}; failures ${JSON.stringify(failures)}; worker log tail ${stderrOf(run.worker).slice(-3000)}`);
  });
  const comparison = compareDigests(run.baseline, await databaseDigest(run.app.ctx.pool));
  const notStored = await pagesDoneButNotStored(run.app.ctx.pool, run.runId);
  const failures = (await run.app.ctx.pool.query('SELECT stage, reason, message FROM failures')).rows;
  await reportFault({
    fault,
    runs: 1,
    postsExpected: posts,
    articlesFound: comparison.found,
    lost: comparison.lost.length,
    doubled: comparison.doubled.length,
    unattended: finished.status === 'done',
    recoverMs,
    note: `${note}; run ${finished.status}; ${failures.length} failures recorded`,
  });
  return { status: finished.status, comparison, notStored, failures };
}

/** Fails unless the disturbed run ended `done` with no failure, equal to the undisturbed one, every processed page stored. */
export function expectRecovered(result: Awaited<ReturnType<typeof finishAndReport>>): void {
  expect(result.failures).toEqual([]);
  expect(result.status).toBe('done');
  expectUndisturbed(result.comparison);
  expect(result.notStored).toEqual([]);
}
