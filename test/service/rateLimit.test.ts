import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSource } from '../../src/scheduler/sourceQueries.js';
import { registerSite } from '../../workers/registerSite.js';
import { startBackfill } from '../../workers/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../workers/startWorkers.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';

const POSTS = 200;
const PER_PAGE = 10;
const PAGES = POSTS / PER_PAGE;
const RATE_PER_S = 5;
/** Many more concurrent fetches than the rate allows, so slots are queued and some jobs are put back as delayed. */
const FETCH_CONCURRENCY = 16;

describe('per-host rate limit shared through Redis', () => {
  let app: TestApp;
  let workers: RunningWorkers | undefined;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'ratelimit', posts: POSTS, roles: [] });
    siteId = (await registerSite(app.ctx, app.site.url, PER_PAGE)).siteId;
    workers = await startWorkers(app.ctx, ['scheduler', 'fetch', 'process'], { fetchConcurrency: FETCH_CONCURRENCY });
  });
  afterAll(async () => {
    await workers?.close();
    await app?.close();
  });

  /** Seconds between the first and the last page of a run being fetched (stored). */
  const fetchSpanSeconds = async (runId: number) => {
    const row = (await app.ctx.pool.query<{ s: number; n: number }>(
      'SELECT extract(epoch FROM max(fetched_at) - min(fetched_at))::float8 AS s, count(*)::int AS n FROM run_pages WHERE run_id = $1', [runId],
    )).rows[0]!;
    expect(row.n).toBe(PAGES);
    return row.s;
  };

  it(`spaces ${PAGES} page fetches at ${RATE_PER_S}/s: they take at least ${(PAGES - 1) / RATE_PER_S} s, and none fails`, async () => {
    const unlimited = await startBackfill(app.ctx, app.site.url);
    expect(unlimited.totalPages).toBe(PAGES);
    expect(await waitForRunDone(app.ctx, unlimited.runId)).toMatchObject({ status: 'done', error: null });
    const unlimitedSpan = await fetchSpanSeconds(unlimited.runId);

    await app.ctx.pool.query(configureSource(siteId, { ratePerS: RATE_PER_S }));
    const requestsBefore = app.site.requests;
    const started = performance.now();
    const limited = await startBackfill(app.ctx, app.site.url);
    expect(await waitForRunDone(app.ctx, limited.runId)).toMatchObject({ status: 'done', error: null });
    const limitedSpan = await fetchSpanSeconds(limited.runId);
    const wallSeconds = (performance.now() - started) / 1000;
    // A job put back while waiting for a slot makes no request and uses no attempt: one request per page,
    // plus planning's (API discovery: home page and index; the totals probe).
    expect(app.site.requests - requestsBefore).toBe(PAGES + 3);
    const jobs = (await app.ctx.queues.fetch.getJobs(['completed'])).filter((job) => job.data.runId === limited.runId);
    expect(jobs).toHaveLength(PAGES);
    expect(jobs.every((job) => job.attemptsMade <= 1)).toBe(true);
    const putBack = jobs.reduce((sum, job) => sum + job.attemptsStarted, 0) - PAGES;

    console.info(`rate limit: ${PAGES} pages, unlimited fetch span ${unlimitedSpan.toFixed(2)} s; at ${RATE_PER_S}/s span ${limitedSpan.toFixed(2)} s (bound ${(PAGES - 1) / RATE_PER_S} s), run wall time ${wallSeconds.toFixed(2)} s; ${putBack} times a job was put back as delayed`);
    // Lower bound only: the limit must hold; how much slower the machine makes it is not asserted.
    expect(limitedSpan).toBeGreaterThanOrEqual(((PAGES - 1) / RATE_PER_S) * 0.98);
    const failures = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM failures');
    expect(failures.rows[0]!.n).toBe(0);
    const pages = await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM run_pages WHERE run_id = $1 AND status = 'processed' AND attempts = 1`, [limited.runId]);
    expect(pages.rows[0]!.n).toBe(PAGES);
  });
});
