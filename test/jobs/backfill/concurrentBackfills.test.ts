import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { expectedStories } from '../../helpers/expectedArticles.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 200;

describe('two backfills of one site started at once', () => {
  let app: TestApp;
  let starts: Awaited<ReturnType<typeof startBackfill>>[];

  beforeAll(async () => {
    app = await startTestApp({ label: 'concurrent', posts: POSTS });
    starts = await Promise.all([startBackfill(app.ctx, app.site.url), startBackfill(app.ctx, app.site.url)]);
    expect(await waitForRunDone(app.ctx, starts[0]!.runId)).toMatchObject({ status: 'done' });
  });
  afterAll(async () => app?.close());

  it('make one run: the second joins the first', async () => {
    expect(starts[0]!.runId).toBe(starts[1]!.runId);
    expect(starts.map((s) => s.joined).sort()).toEqual([false, true]);
    const runs = await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE kind = 'backfill'`);
    expect(runs.rows[0]!.n).toBe(1);
  });

  it('store every post and article once', async () => {
    const pages = await app.ctx.pool.query<{ page: number; n: number }>('SELECT page, count(*)::int AS n FROM run_pages GROUP BY 1 HAVING count(*) > 1');
    expect(pages.rows).toEqual([]);
    const raw = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts');
    expect(raw.rows[0]!.n).toBe(POSTS);
    const articles = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    expect(articles.rows[0]!.n).toBe(expectedStories(app.site.site).size);
    const provenance = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts');
    expect(provenance.rows[0]!.n).toBe(POSTS);
  });
});
