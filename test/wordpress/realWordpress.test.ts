import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { normaliseSourceUrl } from '../../src/dedupe/index.js';
import { decodeHtmlText } from '../../src/html/index.js';
import { fingerprintText } from '../../src/fingerprintText.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../workers/startWorkers.js';
import { syncSite } from '../../src/jobs/sync/syncSite.js';
import { createTestDatabase, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';
import {
  appendToFirstParagraph,
  EDIT_MARKER_PREFIX,
  REALWP_POSTS,
  REALWP_SCRIPTS,
  REALWP_URL,
  readTeaserPool,
  readTruth,
  realWordpressAvailable,
  removeEditMarkers,
  startRealWordpress,
  type RealTruth,
} from './realWordpress.js';

/** Stories the loader makes: 2841 scraped pages + 9 ordinary posts (150 re-crawls merge into their originals). */
const EXPECTED_ARTICLES = 2850;
const BACKFILL_TIMEOUT_MS = 10 * 60_000;
const EDITED_POSTS = 3;

interface Story {
  key: string;
  newest: RealTruth;
  wpIds: number[];
}
type Ctx = Awaited<ReturnType<typeof createContext>>;

/** One story per normalised source URL (ordinary posts: their own link); the highest id is the newest re-crawl. */
function expectedStories(truth: RealTruth[]): Map<string, Story> {
  const stories = new Map<string, Story>();
  for (const post of truth) {
    const key = normaliseSourceUrl(post.source_url ?? `${REALWP_URL}/?p=${post.id}`)!;
    const known = stories.get(key);
    if (!known) stories.set(key, { key, newest: post, wpIds: [post.id] });
    else {
      known.wpIds.push(post.id);
      if (post.id > known.newest.id) known.newest = post;
    }
  }
  return stories;
}

async function articleHashes(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.pool.query<{ source_url: string; content_hash: string }>('SELECT source_url, content_hash FROM articles');
  return new Map(rows.rows.map((row) => [row.source_url, row.content_hash]));
}

async function syncCursor(ctx: Ctx, siteId: number): Promise<Date | null> {
  return (await ctx.pool.query<{ sync_cursor: Date | null }>('SELECT sync_cursor FROM sites WHERE id = $1', [siteId])).rows[0]!.sync_cursor;
}

if (!realWordpressAvailable())
  console.warn(`[test:wordpress] skipped: ${REALWP_SCRIPTS}/start.sh not found (the shared realwp folder sits beside the repository)`);

describe.skipIf(!realWordpressAvailable())(`backfill and sync of a real WordPress 6.1 (${REALWP_POSTS} posts, ${REALWP_URL})`, () => {
  let ctx: Ctx;
  let workers: RunningWorkers | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let siteId: number;
  let truth: RealTruth[];
  let stories: Map<string, Story>;

  beforeAll(async () => {
    startRealWordpress();
    const undone = removeEditMarkers();
    if (undone.length > 0) console.log(`[test:wordpress] undid edits left by an earlier run on posts ${undone.join(', ')}`);
    truth = readTruth();
    stories = expectedStories(truth);
    db = await createTestDatabase('realwp');
    const config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_LOG_LEVEL: 'warn' });
    ctx = await createContext(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
    workers = await startWorkers(ctx, ['scheduler', 'fetch', 'process']);

    const started = performance.now();
    const start = await startBackfill(ctx, REALWP_URL);
    siteId = start.siteId;
    expect(start.totalPosts).toBe(REALWP_POSTS);
    const done = await waitForRunDone(ctx, start.runId, BACKFILL_TIMEOUT_MS);
    const failures = await ctx.pool.query('SELECT stage, page, reason, message, permanent FROM failures ORDER BY id');
    if (failures.rows.length > 0) console.log('[test:wordpress] failures during the backfill:', failures.rows);
    expect(done).toMatchObject({ status: 'done', error: null });
    const seconds = (performance.now() - started) / 1000;
    const figures = (
      await ctx.pool.query<{ posts: number; articles: number; teasers: number }>(
        `SELECT (SELECT count(*)::int FROM raw_posts) AS posts, (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM teasers) AS teasers`,
      )
    ).rows[0]!;
    console.log(
      `[test:wordpress] backfill: ${figures.posts} posts, ${figures.articles} articles, ${figures.posts - figures.articles} merged, ${figures.teasers} teasers in ${seconds.toFixed(1)} s (${(figures.posts / seconds).toFixed(1)} posts/s)`,
    );
  });

  afterAll(async () => {
    if (realWordpressAvailable()) removeEditMarkers();
    await workers?.close();
    await ctx?.close();
    await db?.drop();
  });

  it('stores every post raw with its categories and tags resolved to their names', async () => {
    const rows = await ctx.pool.query<{ wp_id: number; categories: string[]; tags: string[] }>(
      `SELECT r.wp_id::int,
         ARRAY(SELECT t.name FROM json_array_elements_text(r.payload->'categories') c JOIN terms t ON t.site_id = r.site_id AND t.taxonomy = 'category' AND t.term_id = c::bigint ORDER BY 1) AS categories,
         ARRAY(SELECT t.name FROM json_array_elements_text(r.payload->'tags') g JOIN terms t ON t.site_id = r.site_id AND t.taxonomy = 'post_tag' AND t.term_id = g::bigint ORDER BY 1) AS tags
       FROM raw_posts r WHERE r.status = 'live'`,
    );
    expect(rows.rows.length).toBe(truth.length);
    const stored = new Map(rows.rows.map((row) => [row.wp_id, row]));
    const wrong = truth.filter((post) => {
      const row = stored.get(post.id);
      return (
        JSON.stringify(row?.categories) !== JSON.stringify([...post.categories].sort()) || JSON.stringify(row?.tags) !== JSON.stringify([...post.tags].sort())
      );
    });
    expect(wrong.map((post) => post.id)).toEqual([]);
  });

  it('stores one article per source story, re-crawls merged into the newest', async () => {
    expect(stories.size).toBe(EXPECTED_ARTICLES);
    const articles = await ctx.pool.query<{ source_url: string; version_wp_id: string }>('SELECT source_url, version_wp_id FROM articles');
    expect(new Set(articles.rows.map((row) => row.source_url))).toEqual(new Set(stories.keys()));
    const notNewest = articles.rows.filter((row) => Number(row.version_wp_id) !== stories.get(row.source_url)?.newest.id);
    expect(notNewest.map((row) => row.source_url)).toEqual([]);
    const posts = await ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts');
    expect(posts.rows[0]!.n).toBe(REALWP_POSTS);
  });

  it('puts every paragraph of the newest version in its article, the title as rendered, and no teaser title', async () => {
    const rows = await ctx.pool.query<{ source_url: string; title: string; body_text: string }>('SELECT source_url, title, body_text FROM articles');
    const teaserTitles = readTeaserPool().map((teaser) => decodeHtmlText(teaser.title));
    const problems = { title: [] as string[], missing: [] as string[], teaser: [] as string[] };
    for (const row of rows.rows) {
      const { newest } = stories.get(row.source_url)!;
      // WordPress texturizes the headline on the page and in title.rendered: ’ “ ” where the raw title has ' ".
      const title = decodeHtmlText(newest.title_rendered);
      if (row.title !== title) problems.title.push(`${newest.id}: ${JSON.stringify(row.title)} ≠ ${JSON.stringify(title)}`);
      const missing = newest.paragraphs_text.filter((paragraph) => !row.body_text.includes(paragraph));
      if (missing.length > 0)
        problems.missing.push(`${newest.id}: ${missing.length}/${newest.paragraphs_text.length} missing, e.g. "${missing[0]!.slice(0, 50)}"`);
      for (const teaser of teaserTitles) if (row.body_text.includes(teaser)) problems.teaser.push(`${newest.id}: "${teaser}"`);
    }
    const summary = Object.fromEntries(Object.entries(problems).map(([kind, list]) => [kind, { count: list.length, first: list.slice(0, 8) }]));
    expect(summary).toEqual({ title: { count: 0, first: [] }, missing: { count: 0, first: [] }, teaser: { count: 0, first: [] } });
  });

  it('dates each article by its page, not by the 3-hours-early date_gmt', async () => {
    const rows = await ctx.pool.query<{ source_url: string; published_at: Date | null }>('SELECT source_url, published_at FROM articles');
    const wrong: string[] = [];
    for (const row of rows.rows) {
      const { newest } = stories.get(row.source_url)!;
      const expected = newest.source_published_utc ?? `${newest.date_gmt.replace(' ', 'T')}Z`;
      if (row.published_at?.toISOString().replace('.000Z', 'Z') !== expected) wrong.push(`${newest.id}: ${row.published_at?.toISOString()} ≠ ${expected}`);
    }
    expect(wrong.slice(0, 10), `${wrong.length} articles misdated`).toEqual([]);
  });

  it('stores each teaser once', async () => {
    // A teaser is stored once per story, keyed by its title, whether a card with a data-nid or a bare "Read more" title showed it.
    const titles = new Map(readTeaserPool().map((teaser) => [teaser.nid, decodeHtmlText(teaser.title)]));
    const shown = new Set(
      truth.flatMap((post) => {
        const slots = post.teasers ?? {};
        return [...(slots.latest ?? []), ...(slots.top_stories ?? []), ...(slots.most_viewed ?? []), ...(slots.read_more ?? []), ...(slots.related ?? [])].map(
          (nid) => `text:${fingerprintText(titles.get(nid)!)}`,
        );
      }),
    );
    const teasers = await ctx.pool.query<{ key: string }>(`SELECT key FROM teasers WHERE source_domain = 'euronews.com'`);
    expect(teasers.rows.length).toBe(new Set(teasers.rows.map((row) => row.key)).size);
    expect(new Set(teasers.rows.map((row) => row.key))).toEqual(shown);
  });

  it('syncs posts edited in WordPress: exactly their articles change, and the cursor advances', async () => {
    // First pass from no cursor: everything is re-read and nothing changes.
    const before = await articleHashes(ctx);
    let started = performance.now();
    const first = await syncSite(ctx, siteId);
    const firstSeconds = (performance.now() - started) / 1000;
    expect(first.postsChanged).toBe(0);
    expect(await articleHashes(ctx)).toEqual(before);
    const cursorBefore = await syncCursor(ctx, siteId);
    expect(cursorBefore).not.toBeNull();

    const originals = new Set(truth.map((post) => post.duplicate_of).filter((id) => id !== null));
    const candidates = truth.filter((post) => post.kind === 'scraped' && !originals.has(post.id));
    const edited = [0.1, 0.5, 0.9].slice(0, EDITED_POSTS).map((at) => candidates[Math.floor(candidates.length * at)]!);
    const marker = `${EDIT_MARKER_PREFIX}${randomBytes(4).toString('hex')}`;
    appendToFirstParagraph(
      edited.map((post) => post.id),
      marker,
    );

    started = performance.now();
    const second = await syncSite(ctx, siteId);
    const secondSeconds = (performance.now() - started) / 1000;
    expect(second.postsChanged).toBe(EDITED_POSTS);
    const after = await articleHashes(ctx);
    const changed = [...after]
      .filter(([url, hash]) => before.get(url) !== hash)
      .map(([url]) => url)
      .sort();
    expect(changed).toEqual(edited.map((post) => normaliseSourceUrl(post.source_url!)!).sort());
    const bodies = await ctx.pool.query<{ body_text: string }>('SELECT body_text FROM articles WHERE source_url = ANY($1)', [changed]);
    for (const row of bodies.rows) expect(row.body_text).toContain(marker);
    const cursorAfter = await syncCursor(ctx, siteId);
    expect(cursorAfter!.getTime()).toBeGreaterThan(cursorBefore!.getTime());
    console.log(
      `[test:wordpress] sync: full pass ${first.pages} pages / ${first.postsSeen} posts in ${firstSeconds.toFixed(1)} s; after ${EDITED_POSTS} edits ${second.pages} page(s) / ${second.postsSeen} posts in ${secondSeconds.toFixed(1)} s, cursor ${cursorBefore!.toISOString()} → ${cursorAfter!.toISOString()}`,
    );

    // Undo the edits in WordPress: the next sync brings every article back to what the backfill stored.
    expect(removeEditMarkers().sort()).toEqual(edited.map((post) => post.id).sort());
    const third = await syncSite(ctx, siteId);
    expect(third.postsChanged).toBe(EDITED_POSTS);
    expect(await articleHashes(ctx)).toEqual(before);
  });
});
