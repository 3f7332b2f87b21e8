import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSource } from '../../../src/scheduler/sourceQueries.js';
import { registerSite } from '../../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../../workers/startWorkers.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

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
    // Fetch spacing is what is measured: pages are processed by the process queue, not in the fetch jobs (which would
    // hold each fetch slot through processing and tie the unlimited run's fetch span to the CPU it gets).
    workers = await startWorkers(app.ctx, ['scheduler', 'fetch', 'process'], { fetchConcurrency: FETCH_CONCURRENCY, processFetched: false });
  });
  afterAll(async () => {
    await workers?.close();
    await app?.close();
  });

  /** Seconds between the first and the last page of a run being fetched (stored). */
  const fetchSpanSeconds = async (runId: number) => {
    const row = (
      await app.ctx.pool.query<{ s: number; n: number }>(
        'SELECT extract(epoch FROM max(fetched_at) - min(fetched_at))::float8 AS s, count(*)::int AS n FROM run_pages WHERE run_id = $1',
        [runId],
      )
    ).rows[0]!;
    expect(row.n).toBe(PAGES);
    return row.s;
  };

  it(`spaces ${PAGES} page fetches at ${RATE_PER_S}/s: they take at least ${(PAGES - 1) / RATE_PER_S} s, and none fails`, async () => {
    const unlimited = await startBackfill(app.ctx, app.site.url);
    expect(unlimited.totalPages).toBe(PAGES);
    expect(await waitForRunDone(app.ctx, unlimited.runId)).toMatchObject({ status: 'done', error: null });
    const unlimitedSpan = await fetchSpanSeconds(unlimited.runId);

    await app.ctx.pool.query(configureSource(siteId, { ratePerS: RATE_PER_S }));
    // When each listing-page request (not planning's totals probe) reached the site: the limiter spaces requests, and the site sees them
    // earlier and with less jitter than the stored fetched_at (written after the body is read and stored).
    const arrivals: number[] = [];
    app.site.onRestRequest(({ route, params }) => {
      const listing = params.some(([key, value]) => key === 'per_page' && value === String(PER_PAGE));
      const probe = params.some(([key]) => key === '_fields');
      if (route === '/wp/v2/posts' && listing && !probe) arrivals.push(performance.now());
    });
    const requestsBefore = app.site.requests;
    const started = performance.now();
    const limited = await startBackfill(app.ctx, app.site.url);
    expect(await waitForRunDone(app.ctx, limited.runId)).toMatchObject({ status: 'done', error: null });
    app.site.onRestRequest(null);
    const limitedSpan = await fetchSpanSeconds(limited.runId);
    const arrivalSpan = ((arrivals[arrivals.length - 1] ?? 0) - (arrivals[0] ?? 0)) / 1000;
    const wallSeconds = (performance.now() - started) / 1000;
    // A job put back while waiting for a slot makes no request and uses no attempt: one request per page,
    // plus planning's (API discovery: home page and index; the totals probe).
    expect(app.site.requests - requestsBefore).toBe(PAGES + 3);
    const jobs = (await app.ctx.queues.fetch.getJobs(['completed'])).filter((job) => job.data.runId === limited.runId);
    expect(jobs).toHaveLength(PAGES);
    expect(jobs.every((job) => job.attemptsMade <= 1)).toBe(true);
    const putBack = jobs.reduce((sum, job) => sum + job.attemptsStarted, 0) - PAGES;

    console.info(
      `rate limit: ${PAGES} pages, unlimited fetch span ${unlimitedSpan.toFixed(2)} s; at ${RATE_PER_S}/s span ${limitedSpan.toFixed(2)} s, requests ${arrivalSpan.toFixed(2)} s apart (bound ${(PAGES - 1) / RATE_PER_S} s), run wall time ${wallSeconds.toFixed(2)} s; ${putBack} times a job was put back as delayed`,
    );
    // Lower bound only: the limit must hold; how much slower the machine makes it is not asserted. Each request
    // reaches the site some time after its slot was granted; only the first one's delay can shorten the span, so
    // one slot of slack (0.2 s of 3.8 s) keeps a loaded machine from failing the test, and an unlimited run
    // (well under a second here) still fails it.
    expect(arrivals).toHaveLength(PAGES);
    expect(arrivalSpan).toBeGreaterThanOrEqual((PAGES - 2) / RATE_PER_S);
    expect(limitedSpan).toBeGreaterThan(unlimitedSpan);
    const failures = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM failures');
    expect(failures.rows[0]!.n).toBe(0);
    const pages = await app.ctx.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM run_pages WHERE run_id = $1 AND status = 'processed' AND attempts = 1`,
      [limited.runId],
    );
    expect(pages.rows[0]!.n).toBe(PAGES);
  });
});
