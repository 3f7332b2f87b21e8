import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseSourceUrl } from '../../../src/dedupe/index.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { syncSite } from '../../../src/jobs/sync/syncSite.js';
import { expectedStories } from '../../helpers/expectedArticles.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 200;

// The fixture site behaving like ../shared/realwp: site on UTC+3, date_gmt of imported posts 3 h early, php -S framing.
describe('pipeline against a fixture site in real-WordPress modes', () => {
  let app: TestApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'realwpmodes', posts: POSTS, permalinks: 'plain', site: { utcOffsetHours: 3, dateQuirk: true, connectionClose: true } });
    const start = await startBackfill(app.ctx, app.site.url);
    siteId = start.siteId;
    expect(start.totalPosts).toBe(POSTS);
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done', error: null });
  });
  afterAll(async () => app?.close());

  it('backfills every story over Connection-close responses', async () => {
    const stories = expectedStories(app.site.site);
    const articles = await app.ctx.pool.query<{ source_url: string }>('SELECT source_url FROM articles');
    expect(new Set(articles.rows.map((row) => row.source_url))).toEqual(new Set(stories.keys()));
  });

  it('dates articles by their page, not by the 3-hours-early date_gmt', async () => {
    const stories = expectedStories(app.site.site);
    const rows = await app.ctx.pool.query<{ source_url: string; published_at: Date }>('SELECT source_url, published_at FROM articles');
    const wrong = rows.rows.filter((row) => row.published_at.toISOString().replace('.000Z', 'Z') !== stories.get(row.source_url)!.newest.published_at);
    expect(wrong.map((row) => `${row.source_url}: ${row.published_at.toISOString()}`)).toEqual([]);
  });

  it('syncs an edit with an explicit-UTC modified_after: exactly that article changes', async () => {
    await syncSite(app.ctx, siteId);
    const before = await app.ctx.pool.query<{ source_url: string; content_hash: string }>('SELECT source_url, content_hash FROM articles');
    // A post that is the only version of its story, so its edit must show in the article.
    const stories = expectedStories(app.site.site);
    const story = [...stories.values()].reverse().find((s) => s.wpIds.length === 1 && s.newest.kind === 'scraped')!;
    app.site.editPosts([story.newest.id]);
    const result = await syncSite(app.ctx, siteId);
    expect(result.postsChanged).toBe(1);
    const after = await app.ctx.pool.query<{ source_url: string; content_hash: string }>('SELECT source_url, content_hash FROM articles');
    const old = new Map(before.rows.map((row) => [row.source_url, row.content_hash]));
    const changed = after.rows.filter((row) => old.get(row.source_url) !== row.content_hash).map((row) => row.source_url);
    expect(changed).toEqual([normaliseSourceUrl(story.newest.source_url)]);
  });
});
