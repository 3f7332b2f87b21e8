import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/fetch/httpClient.js';
import { fetchPostsPage } from '../../../src/fetch/fetchPostsPage.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

describe('site variants', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('backfills a site with plain permalinks through ?rest_route=', async () => {
    app = await startTestApp({ label: 'plain', posts: 150, permalinks: 'plain' });
    const start = await startBackfill(app.ctx, app.site.url);
    const site = await app.ctx.pool.query<{ api_root: string; api_form: string }>('SELECT api_root, api_form FROM sites WHERE id = $1', [start.siteId]);
    expect(site.rows[0]).toMatchObject({ api_form: 'plain' });
    expect(site.rows[0]!.api_root).toContain('rest_route=');
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done' });
    const raw = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts');
    expect(raw.rows[0]!.n).toBe(150);
  });

  it('backfills a site with pretty permalinks through /wp-json/', async () => {
    app = await startTestApp({ label: 'pretty', posts: 120, permalinks: 'pretty' });
    const start = await startBackfill(app.ctx, app.site.url);
    const site = await app.ctx.pool.query<{ api_root: string; api_form: string }>('SELECT api_root, api_form FROM sites WHERE id = $1', [start.siteId]);
    expect(site.rows[0]).toMatchObject({ api_form: 'pretty' });
    expect(site.rows[0]!.api_root).toMatch(/\/wp-json\/$/);
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done' });
  });

  it('reads a page past the end as the end of the collection, not an error', async () => {
    app = await startTestApp({ label: 'pastend', posts: 30, roles: [] });
    const http = createHttpClient({ userAgent: 'wpingest-test' });
    try {
      const page = await fetchPostsPage(http, `${app.site.url}/wp-json/`, { page: 5, perPage: 10, orderby: 'id', order: 'asc' });
      expect(page.end).toBe(true);
      expect(page.posts).toEqual([]);
      const last = await fetchPostsPage(http, `${app.site.url}/wp-json/`, { page: 3, perPage: 10, orderby: 'id', order: 'asc' });
      expect(last.end).toBe(false);
      expect(last.posts).toHaveLength(10);
      expect(last.totalPages).toBe(3);
    } finally {
      await http.close();
    }
  });

  it('retries a site that answers 500 twice per page, then succeeds, losing nothing', async () => {
    app = await startTestApp({ label: 'flaky', posts: 250, faults: '500x2' });
    const start = await startBackfill(app.ctx, app.site.url);
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done', error: null });
    const raw = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts');
    expect(raw.rows[0]!.n).toBe(250);
    const failures = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM failures WHERE permanent');
    expect(failures.rows[0]!.n).toBe(0);
  });
});
