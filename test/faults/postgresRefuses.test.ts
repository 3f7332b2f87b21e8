import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransient } from '../../src/errors.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { undisturbedDigest } from './baseline.js';
import { compareDigests, databaseDigest, expectNothingHalfDone, expectUndisturbed, reportFault, type DigestComparison } from './databaseDigest.js';
import {
  adminQuery,
  captureLog,
  FAST_STALL,
  pageCounts,
  startFaultApp,
  waitUntil,
  type CapturedLog,
  type FaultApp,
  waitForRunFinished,
} from './faultHarness.js';

const POSTS = 500;
/** How long the database refuses connections. */
const OUTAGE_MS = 4_000;

/** Closes a database to new connections and ends the open ones, as a maintenance window does. */
async function refuseConnections(name: string): Promise<void> {
  await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
}

describe('Postgres refuses connections for a few seconds mid-backfill', () => {
  let app: FaultApp;
  let log: CapturedLog;
  let comparison: DigestComparison;
  let runId: number;
  let unfinishedAtOutage = 0;

  beforeAll(async () => {
    log = captureLog('warn');
    app = await startFaultApp({ label: 'pgdown', posts: POSTS, roles: ['scheduler', 'fetch', 'process'], workerOptions: FAST_STALL, logger: log.logger });
    const baseline = await undisturbedDigest('pgdown', app.siteUrl);
    runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('a processed page', async () => ((await pageCounts(app, runId)).processed ?? 0) >= 1, 90_000, 50);
    const counts = await pageCounts(app, runId);
    unfinishedAtOutage = (counts.pending ?? 0) + (counts.fetched ?? 0);
    const name = new URL(app.db.databaseUrl).pathname.slice(1);
    await refuseConnections(name);
    try {
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    } finally {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    expect(await waitForRunFinished(app, runId, 150_000)).toMatchObject({ status: 'done', error: null });
    comparison = compareDigests(baseline, await databaseDigest(app.ctx.pool));
    await reportFault({
      fault: 'Postgres refuses connections 4 s',
      runs: 1,
      postsExpected: POSTS,
      articlesFound: comparison.found,
      lost: comparison.lost.length,
      doubled: comparison.doubled.length,
      note: `${transientRetries()} transient job failures retried`,
    });
  }, 300_000);
  afterAll(async () => app?.close());

  const jobFailures = () =>
    log
      .text()
      .split('\n')
      .filter((line) => line.includes('"job failed"'))
      .map((line) => JSON.parse(line) as { permanent: boolean; err?: { message?: string } });
  const transientRetries = () => jobFailures().filter((line) => !line.permanent).length;

  it('hit the outage while pages were unfinished, and the jobs it broke failed as transient', () => {
    expect(unfinishedAtOutage).toBeGreaterThan(0);
    expect(
      jobFailures()
        .filter((line) => line.permanent)
        .map((line) => line.err?.message),
    ).toEqual([]);
  });

  it('retries with backoff and ends equal to an undisturbed run', () => {
    expectUndisturbed(comparison);
  });

  it('marks no page processed whose posts are not stored, and records no failure', async () => {
    await expectNothingHalfDone(app.ctx.pool, runId);
  });

  it('classifies the errors an outage produces as transient', async () => {
    const name = new URL(app.db.databaseUrl).pathname.slice(1);
    const busy = new pg.Client({ connectionString: app.db.databaseUrl });
    await busy.connect();
    busy.on('error', () => undefined);
    const sleeping = busy.query('SELECT pg_sleep(10)').then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await refuseConnections(name);
    const seen: unknown[] = [await sleeping];
    try {
      seen.push(
        await new pg.Client({ connectionString: app.db.databaseUrl }).connect().then(
          () => null,
          (error: unknown) => error,
        ),
      );
      seen.push(
        await busy.query('SELECT 1').then(
          () => null,
          (error: unknown) => error,
        ),
      );
    } finally {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    const messages = seen.map((error) => `${(error as { code?: string }).code ?? '-'} ${(error as Error).message}`);
    expect(
      seen.every((error) => error instanceof Error),
      messages.join('; '),
    ).toBe(true);
    expect(
      seen.map((error) => isTransient(error)),
      messages.join('; '),
    ).toEqual([true, true, true]);
  });
});
