import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSite } from '../../../src/jobs/site/registerSite.js';
import { resumeRun } from '../../../src/jobs/backfill/resumeRun.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 30;
const PER_PAGE = 10;
/** The listing page the site loses while it is "down". */
const LOST_PAGE = '2';
/** Enough for a 3-page run on a busy machine; a run that never finishes fails the test here. */
const RUN_TIMEOUT_MS = 45_000;

describe('a run done with failed pages, resumed once the site is back', () => {
  let app: TestApp;
  let runId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'resumefailed', posts: POSTS });
    await registerSite(app.ctx, app.site.url, PER_PAGE);
  });
  afterAll(async () => app?.close());

  const rawPosts = async () => (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts')).rows[0]!.n;

  it('ends the first pass "done" with the lost page failed', async () => {
    // The site answers 410 Gone for page 2 of the listing: a permanent failure, the page is recorded as failed.
    app.site.onRestRequest(({ route, params }) => {
      const page = params.find(([key]) => key === 'page')?.[1];
      return route === '/wp/v2/posts' && page === LOST_PAGE && !params.some(([key]) => key === '_fields') ? { status: 410 } : undefined;
    });
    runId = (await startBackfill(app.ctx, app.site.url)).runId;
    expect(await waitForRunDone(app.ctx, runId, RUN_TIMEOUT_MS)).toEqual({ status: 'done', error: '1 page failed permanently' });
    expect(await rawPosts()).toBe(POSTS - PER_PAGE);
  });

  it('finishes the resumed run (its settle pass is not swallowed by the first one)', async () => {
    app.site.onRestRequest(null);
    const resumed = await resumeRun(app.ctx, runId);
    expect(resumed.fetchJobs).toBe(1);
    expect(await waitForRunDone(app.ctx, runId, RUN_TIMEOUT_MS)).toEqual({ status: 'done', error: null });
    expect(await rawPosts()).toBe(POSTS);
    const pages = await app.ctx.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [
      runId,
    ]);
    expect(pages.rows).toEqual([{ status: 'processed', n: POSTS / PER_PAGE }]);
  });

  it('lets a new backfill of the site start and finish afterwards', async () => {
    const next = await startBackfill(app.ctx, app.site.url);
    expect(next.joined).toBe(false);
    expect(next.runId).not.toBe(runId);
    expect(await waitForRunDone(app.ctx, next.runId, RUN_TIMEOUT_MS)).toEqual({ status: 'done', error: null });
  });
});
