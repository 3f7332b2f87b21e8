import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { expectedStories, expectedTeaserKeys } from '../../helpers/expectedArticles.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { ARTICLE_TABLES, tableSnapshot, waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 600;

describe('backfill of a 600-post fixture site through the real queues', () => {
  let app: TestApp;
  let firstRun: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'backfill', posts: POSTS });
    const start = await startBackfill(app.ctx, app.site.url);
    firstRun = start.runId;
    expect(start.totalPosts).toBe(POSTS);
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done', error: null });
  });
  afterAll(async () => app?.close());

  it('stores every post raw, exactly as the site sent it', async () => {
    const raw = await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_posts WHERE status = 'live'`);
    expect(raw.rows[0]!.n).toBe(POSTS);
    const sample = await app.ctx.pool.query<{ payload: { id: number; title: { rendered: string } } }>('SELECT payload FROM raw_posts ORDER BY wp_id LIMIT 1');
    const truth = app.site.site.truth(0);
    expect(sample.rows[0]!.payload.id).toBe(truth.id);
  });

  it('stores one article per distinct source story, re-crawls merged', async () => {
    const stories = expectedStories(app.site.site);
    const articles = await app.ctx.pool.query<{ source_url: string }>('SELECT source_url FROM articles');
    expect(articles.rows.length).toBe(stories.size);
    expect(new Set(articles.rows.map((row) => row.source_url))).toEqual(new Set(stories.keys()));
    const posts = await app.ctx.pool.query<{ article_id: number; n: number }>('SELECT article_id, count(*)::int AS n FROM article_posts GROUP BY 1');
    expect(posts.rows.reduce((sum, row) => sum + row.n, 0)).toBe(POSTS);
  });

  it('puts every ground-truth paragraph of the newest version in its article, and no teaser title', async () => {
    const stories = expectedStories(app.site.site);
    const rows = await app.ctx.pool.query<{ source_url: string; body_text: string; title: string }>('SELECT source_url, body_text, title FROM articles');
    const teaserTitles = (await app.ctx.pool.query<{ title: string }>('SELECT DISTINCT title FROM teasers')).rows.map((r) => r.title);
    const missing: string[] = [];
    for (const row of rows.rows) {
      const story = stories.get(row.source_url)!;
      expect(row.title).toBe(story.newest.title);
      for (const paragraph of story.newest.paragraphs) if (!row.body_text.includes(paragraph)) missing.push(`${story.newest.id}: ${paragraph.slice(0, 60)}`);
      for (const title of teaserTitles) expect(row.body_text.includes(title), `teaser "${title}" in ${row.source_url}`).toBe(false);
    }
    expect(missing).toEqual([]);
  });

  it('stores each teaser once, linked to the articles that showed it', async () => {
    const keys = expectedTeaserKeys(app.site.site);
    // The fixture's teaser pool is the euronews template's; other templates' boxes are checked by the dedupe tests.
    const teasers = await app.ctx.pool.query<{ key: string }>(`SELECT key FROM teasers WHERE source_domain = 'euronews.com'`);
    expect(new Set(teasers.rows.map((row) => row.key))).toEqual(keys);
    expect(teasers.rows.length).toBe(keys.size);
    const links = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_teasers');
    expect(links.rows[0]!.n).toBeGreaterThan(keys.size);
  });

  it('changes no row when the same backfill runs again', async () => {
    const before = await tableSnapshot(app.ctx, ARTICLE_TABLES);
    const again = await startBackfill(app.ctx, app.site.url);
    expect(again.runId).not.toBe(firstRun);
    expect(await waitForRunDone(app.ctx, again.runId)).toMatchObject({ status: 'done' });
    expect(await tableSnapshot(app.ctx, ARTICLE_TABLES)).toEqual(before);
  });
});
