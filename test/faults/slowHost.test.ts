import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSiteHandle } from '../../src/fixtureSite/index.js';
import { hostOf } from '../../src/scheduler/hostGate.js';
import { leaseKey } from '../../src/scheduler/hostLeases.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { cancelRun } from '../../src/jobs/backfill/resumeRun.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { expectedStories } from '../helpers/expectedArticles.js';
import { TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished, waitUntil, type FaultApp } from './faultHarness.js';

/** A site of 4 pages whose first answer to each page trickles its body at 1 byte/s. */
const SLOW_POSTS = 40;
const HEALTHY_POSTS = 300;

async function injected(site: FixtureSiteHandle): Promise<Record<string, number>> {
  return ((await (await fetch(`${site.url}/__fixture/stats`)).json()) as { faults: Record<string, number> }).faults;
}

async function storedUrls(app: FaultApp, siteUrl: string): Promise<Set<string>> {
  const rows = await app.ctx.pool.query<{ source_url: string }>(
    `SELECT DISTINCT a.source_url FROM articles a JOIN article_posts p ON p.article_id = a.id JOIN sites s ON s.id = p.site_id WHERE s.url = $1`,
    [siteUrl],
  );
  return new Set(rows.rows.map((row) => row.source_url));
}

describe('a site trickling its bodies at 1 byte/s next to a healthy site', () => {
  let app: FaultApp;
  let healthy: FixtureSiteHandle;
  const redis = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    app = await startFaultApp({
      label: 'slowhost',
      posts: SLOW_POSTS,
      faults: 'trickle:bps=1:times=1',
      roles: ['scheduler', 'fetch', 'process'],
      workerOptions: { reconcileIntervalMs: 1_000 },
    });
    healthy = await startFixtureSite({ port: 0, posts: HEALTHY_POSTS, seed: 'healthy', permalinks: 'pretty' });
    await registerSite(app.ctx, app.siteUrl, 10);
  });
  afterAll(async () => {
    redis.disconnect();
    await app?.close();
    await healthy?.close();
  });

  it('keeps a fetch slot for the healthy site, aborts the trickles at the minimum rate, retries them, and stores both sites whole', async () => {
    const slow = (await startBackfill(app.ctx, app.siteUrl)).runId;
    await waitUntil('the trickles to start', async () => ((await injected(app.site!)).trickle ?? 0) >= 3, 60_000, 50);
    // The open requests hold their places in the host's in-flight set (renewed while open).
    const held = await redis.zcard(leaseKey(app.config.queuePrefix, hostOf(app.siteUrl)));
    const started = Date.now();
    const fine = (await startBackfill(app.ctx, healthy.url)).runId;
    expect(await waitForRunFinished(app, fine, 120_000)).toMatchObject({ status: 'done', error: null });
    const healthyMs = Date.now() - started;
    const stillTrickling = (await app.ctx.pool.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [slow])).rows[0]!.status === 'running';
    expect(await waitForRunFinished(app, slow, 120_000)).toMatchObject({ status: 'done', error: null });
    const slowMs = Date.now() - started;
    const healthyFound = await storedUrls(app, healthy.url);
    const lostHealthy = [...expectedStories(healthy.site).keys()].filter((url) => !healthyFound.has(url));
    const slowFound = await storedUrls(app, app.siteUrl);
    const lostSlow = [...expectedStories(app.site!.site).keys()].filter((url) => !slowFound.has(url));
    const failures = (await app.ctx.pool.query('SELECT stage, reason, message FROM failures')).rows;
    await reportFault({
      fault: 'site: body trickled at 1 byte/s (4 pages) + healthy site',
      runs: 2,
      postsExpected: SLOW_POSTS + HEALTHY_POSTS,
      articlesFound: 0,
      lost: lostHealthy.length + lostSlow.length,
      doubled: 0,
      unattended: true,
      recoverMs: healthyMs,
      note: `healthy site done in ${(healthyMs / 1000).toFixed(1)} s${stillTrickling ? ' while the slow one was still running' : ''}, slow site in ${(slowMs / 1000).toFixed(1)} s; ${held} places held by open trickles; ${failures.length} failures`,
    });
    expect(held).toBeGreaterThanOrEqual(1);
    expect(lostHealthy).toEqual([]);
    expect(lostSlow).toEqual([]);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('`backfill --cancel` of a site whose requests trickle forever', () => {
  let app: FaultApp;
  const redis = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    // No minimum rate here, so only the cancel can end the open requests before the 120 s deadline.
    app = await startFaultApp({
      label: 'slowcancel',
      posts: SLOW_POSTS,
      faults: 'trickle:bps=1',
      roles: ['scheduler', 'fetch', 'process'],
      env: { WPINGEST_FETCH_MIN_BYTES_PER_S: '0' },
    });
    await registerSite(app.ctx, app.siteUrl, 10);
  });
  afterAll(async () => {
    redis.disconnect();
    await app?.close();
  });

  it('frees the host places and the worker slots of the open requests', async () => {
    const runId = (await startBackfill(app.ctx, app.siteUrl)).runId;
    const key = leaseKey(app.config.queuePrefix, hostOf(app.siteUrl));
    await waitUntil('the trickles to hold places', async () => (await redis.zcard(key)) >= 2, 60_000, 50);
    const started = Date.now();
    await cancelRun(app.ctx, runId);
    await waitUntil('the places to be freed', async () => (await redis.zcard(key)) === 0, 60_000, 50);
    const freedMs = Date.now() - started;
    const active = await app.ctx.queues.fetch.getActiveCount();
    await reportFault({
      fault: 'site: trickle forever, then backfill --cancel',
      runs: 1,
      postsExpected: 0,
      articlesFound: 0,
      lost: 0,
      doubled: 0,
      unattended: true,
      recoverMs: freedMs,
      note: `host places freed ${freedMs} ms after the cancel; ${active} fetch jobs still active`,
    });
    // Far below the 120 s request deadline that would otherwise have ended them.
    expect(freedMs).toBeLessThan(30_000);
  }, 120_000);
});
