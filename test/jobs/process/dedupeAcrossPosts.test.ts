import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { normaliseSourceUrl } from '../../../src/dedupe/index.js';
import { createLogger } from '../../../src/log.js';
import { createContext } from '../../../src/jobs/createContext.js';
import type { AppContext } from '../../../src/jobs/context.js';
import { processPage } from '../../../src/jobs/process/processPage.js';
import { settleRun } from '../../../src/jobs/settle/settleRun.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startWorkers } from '../../../workers/startWorkers.js';
import { expectedStories, expectedTeaserKeys } from '../../helpers/expectedArticles.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { createTestDatabase, TEST_REDIS_URL } from '../../helpers/testDatabase.js';
import { backfillUntilDone } from '../../helpers/waitForRunDone.js';

const POSTS = 2000;

/** Everything dedupe decides, keyed by natural keys so two databases can be compared. */
async function dedupeOutcome(ctx: Pick<AppContext, 'pool'>) {
  const articles = await ctx.pool.query(`SELECT source_url, title, body_text, content_hash, template_fps, block_fps FROM articles ORDER BY source_url`);
  const teasers = await ctx.pool.query(`SELECT source_domain, key, ref, title, times_seen, first_seen, last_seen FROM teasers ORDER BY source_domain, key`);
  const links = await ctx.pool.query(
    `SELECT a.source_url, t.key, at.slot, at.position FROM article_teasers at JOIN articles a ON a.id = at.article_id JOIN teasers t ON t.id = at.teaser_id ORDER BY 1, 2`,
  );
  const posts = await ctx.pool.query(`SELECT p.wp_id, a.source_url FROM article_posts p JOIN articles a ON a.id = p.article_id ORDER BY p.wp_id`);
  const versions = await ctx.pool.query(`SELECT a.source_url, v.content_hash FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY 1, 2`);
  return { articles: articles.rows, teasers: teasers.rows, links: links.rows, posts: posts.rows, versions: versions.rows };
}

describe(`dedupe across a ${POSTS}-post fixture site`, () => {
  let app: TestApp;

  beforeAll(async () => {
    // Four concurrent process jobs, pages in their natural order.
    app = await startTestApp({ label: 'dedupe4', posts: POSTS, processConcurrency: 4 });
    await backfillUntilDone(app, 240_000);
  });
  afterAll(async () => app?.close());

  it('stores exactly the fixture teaser pool, each story once whatever box showed it', async () => {
    const pool = app.site.site.teaserPool();
    const stored = await app.ctx.pool.query<{ key: string; ref: string; title: string }>(
      `SELECT key, ref, title FROM teasers WHERE source_domain = 'euronews.com'`,
    );
    expect(stored.rows.length).toBe(pool.length);
    expect(new Set(stored.rows.map((row) => row.key))).toEqual(new Set(pool.map((teaser) => teaser.text_key)));
    // The structural key is kept: every pool story was shown as a card with a data-nid somewhere.
    expect(new Set(stored.rows.map((row) => row.ref))).toEqual(new Set(pool.map((teaser) => teaser.key)));
    expect(new Set(stored.rows.map((row) => row.key))).toEqual(expectedTeaserKeys(app.site.site));
  });

  it('maps every duplicate post to its original article, one article per story', async () => {
    const stories = expectedStories(app.site.site);
    const count = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    expect(count.rows[0]!.n).toBe(stories.size);
    const byPost = new Map(
      (await app.ctx.pool.query<{ wp_id: number; article_id: number }>('SELECT wp_id, article_id FROM article_posts')).rows.map((r) => [r.wp_id, r.article_id]),
    );
    let duplicates = 0;
    for (let i = 0; i < POSTS; i++) {
      const truth = app.site.site.truth(i);
      if (truth.duplicate_of === null) continue;
      duplicates++;
      expect(byPost.get(truth.id), `duplicate ${truth.id} of ${truth.duplicate_of}`).toBe(byPost.get(truth.duplicate_of));
    }
    expect(duplicates).toBeGreaterThan(20);
    const versions = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_versions');
    expect(versions.rows[0]!.n).toBeGreaterThan(stories.size);
  });

  it('keeps every teaser title and every unknown-template block out of article bodies', async () => {
    const titles = (await app.ctx.pool.query<{ title: string }>('SELECT DISTINCT title FROM teasers')).rows.map((r) => r.title);
    const bodies = (await app.ctx.pool.query<{ source_url: string; body_text: string }>('SELECT source_url, body_text FROM articles')).rows;
    const templateBlocks = new Set<string>();
    for (let i = 0; i < POSTS; i++) for (const block of app.site.site.truth(i).template_blocks) templateBlocks.add(block);
    expect(templateBlocks.size).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const { source_url, body_text } of bodies) {
      for (const title of titles) if (body_text.includes(title)) leaks.push(`teaser "${title}" in ${source_url}`);
      const flat = body_text.replace(/\s+/g, ' ');
      for (const block of templateBlocks) if (flat.includes(block)) leaks.push(`template block "${block.slice(0, 40)}" in ${source_url}`);
    }
    expect(leaks).toEqual([]);
  });

  it('removes the unknown template’s repeated blocks with the generic detector and can say why', async () => {
    const rows = await app.ctx.pool.query<{ removed: Array<{ reason: string }>; profile: string }>(
      `SELECT removed, profile FROM articles WHERE source_domain = 'example-news.test'`,
    );
    expect(rows.rows.length).toBeGreaterThan(20);
    for (const row of rows.rows) expect(row.profile).toBe('generic');
    const withTemplate = rows.rows.filter((row) => row.removed.some((block) => block.reason === 'template'));
    expect(withTemplate.length).toBe(rows.rows.length);
    const stats = await app.ctx.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM block_stats WHERE source_domain = 'example-news.test' AND articles >= 5`,
    );
    expect(stats.rows[0]!.n).toBeGreaterThan(0);
  });

  it('gives the same result for another ingestion order with one worker', async () => {
    const db = await createTestDatabase('dedupe1');
    const config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix });
    const ctx = await createContext(config, createLogger('silent'));
    try {
      const fetchers = await startWorkers(ctx, ['fetch']);
      const start = await startBackfill(ctx, app.site.url);
      await waitForPagesFetched(ctx, start.runId);
      await fetchers.close();
      // Process the pages newest first, one at a time: the template detector sees the blocks in another order.
      const pages = (await ctx.pool.query<{ page: number }>('SELECT page FROM run_pages WHERE run_id = $1 ORDER BY page DESC', [start.runId])).rows;
      for (const { page } of pages) await processPage(ctx, { siteId: start.siteId, runId: start.runId, page });
      await settleRun(ctx, start.runId);
      const [reversed, natural] = await Promise.all([dedupeOutcome(ctx), dedupeOutcome(app.ctx)]);
      expect(reversed.articles.length).toBe(natural.articles.length);
      expect(reversed.articles).toEqual(natural.articles);
      expect(reversed.teasers).toEqual(natural.teasers);
      expect(reversed.links).toEqual(natural.links);
      expect(reversed.posts).toEqual(natural.posts);
      expect(reversed.versions).toEqual(natural.versions);
      expect(normaliseSourceUrl(app.site.url)).toBeTruthy();
    } finally {
      await ctx.queues.all[0]!.obliterate({ force: true }).catch(() => undefined);
      await ctx.close();
      await db.drop();
    }
  });
});

async function waitForPagesFetched(ctx: Pick<AppContext, 'pool'>, runId: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const left = await ctx.pool.query(`SELECT 1 FROM run_pages WHERE run_id = $1 AND status = 'pending' LIMIT 1`, [runId]);
    if (left.rowCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('pages not fetched in time');
}
