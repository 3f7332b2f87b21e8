import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/withTransaction.js';
import { startFixtureSite, type FixtureSiteHandle } from '../../../src/fixtureSite/index.js';
import { storeRawPosts } from '../../../src/load/storeRawPosts.js';
import { createLogger } from '../../../src/log.js';
import { renderedField, type WpPost } from '../../../src/wpPost.js';
import type { AppContext } from '../../../src/jobs/context.js';
import { createContext } from '../../../src/jobs/createContext.js';
import { processPosts } from '../../../src/jobs/process/processPosts.js';
import { settleRun } from '../../../src/jobs/settle/settleRun.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../../helpers/testDatabase.js';

/** Fixture posts, some 5% of them from the source with an unknown template. */
const POSTS = 400;
/** Posts of the fixture's unknown-template source, whose menu, footer and newsletter blocks are template blocks. */
const OTHERS = 12;

interface Outcome {
  /** content hash of every version of the story told twice */
  storyVersions: string[];
  /** `source_url|content_hash` of every article version */
  versions: string[];
  /** `source_url|content_hash` of every article */
  articles: string[];
}

/**
 * One story told by two posts (`first`, and `recrawl`: the same page crawled again later) among other posts of
 * its source. Each step stores its posts raw and processes them, the first ones from memory as the fetching
 * process does, the others read back as a process job does; then the run settles.
 */
async function ingest(label: string, site: FixtureSiteHandle, steps: WpPost[][]): Promise<Outcome> {
  const db = await createTestDatabase(label);
  const ctx = await createContext(
    loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix }),
    createLogger('silent'),
  );
  try {
    const siteId = (await ctx.pool.query<{ id: number }>('INSERT INTO sites (url) VALUES ($1) RETURNING id', [site.url])).rows[0]!.id;
    const runId = (
      await ctx.pool.query<{ id: number }>(`INSERT INTO runs (site_id, kind, status, started_at) VALUES ($1, 'backfill', 'running', now()) RETURNING id`, [
        siteId,
      ])
    ).rows[0]!.id;
    for (const [index, posts] of steps.entries()) {
      const stored = await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, posts));
      const ids = posts.map((post) => post.id);
      await processPosts(ctx, siteId, ids, index % 2 === 0 ? { held: { posts, hashes: stored.hashes } } : {});
    }
    await settleRun(ctx, runId);
    return await outcome(ctx, steps.flat().find((post) => post.id === RECRAWL_ID)!.id);
  } finally {
    await obliterateQueues(db.queuePrefix);
    await ctx.close();
    await db.drop();
  }
}

async function outcome(ctx: Pick<AppContext, 'pool'>, recrawlId: number): Promise<Outcome> {
  const [story, versions, articles] = await Promise.all([
    ctx.pool.query<{ k: string }>(
      `SELECT v.content_hash AS k FROM article_versions v JOIN article_posts ap ON ap.article_id = v.article_id WHERE ap.wp_id = $1 ORDER BY 1`,
      [recrawlId],
    ),
    ctx.pool.query<{ k: string }>(
      `SELECT a.source_url || '|' || v.content_hash AS k FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY 1`,
    ),
    ctx.pool.query<{ k: string }>(`SELECT source_url || '|' || content_hash AS k FROM articles ORDER BY 1`),
  ]);
  return { storyVersions: story.rows.map((row) => row.k), versions: versions.rows.map((row) => row.k), articles: articles.rows.map((row) => row.k) };
}

let RECRAWL_ID = 0;

/** A post stored and processed, then edited on the site and stored and processed again, then processed once more. */
async function editHistory(site: FixtureSiteHandle, post: WpPost, words: string): Promise<{ afterEdit: number; afterReprocess: number }> {
  const db = await createTestDatabase('vorderedit');
  const ctx = await createContext(
    loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix }),
    createLogger('silent'),
  );
  const count = async () => (await ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_versions')).rows[0]!.n;
  try {
    const siteId = (await ctx.pool.query<{ id: number }>('INSERT INTO sites (url) VALUES ($1) RETURNING id', [site.url])).rows[0]!.id;
    const rendered = renderedField(post.content);
    expect(rendered).toContain(words);
    const edited: WpPost = { ...post, content: { rendered: rendered.replace(words, `Correction: ${words}`) } };
    for (const version of [post, edited]) {
      await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, [version]));
      await processPosts(ctx, siteId, [post.id]);
    }
    const afterEdit = await count();
    await processPosts(ctx, siteId, [post.id], { force: true });
    return { afterEdit, afterReprocess: await count() };
  } finally {
    await ctx.close();
    await db.drop();
  }
}

describe('the versions of a story told by two posts, whatever order the posts are processed in', () => {
  let site: FixtureSiteHandle;
  let early: Outcome;
  let late: Outcome;
  let together: Outcome;
  let edit: { afterEdit: number; afterReprocess: number };

  beforeAll(async () => {
    site = await startFixtureSite({ port: 0, posts: POSTS, seed: 'version-order', permalinks: 'pretty' });
    const listing: WpPost[] = [];
    for (let page = 1; page <= POSTS / 100; page++)
      listing.push(...((await (await fetch(`${site.url}/wp-json/wp/v2/posts?per_page=100&page=${page}&orderby=id&order=asc`)).json()) as WpPost[]));
    const templated = new Set(
      Array.from({ length: POSTS }, (_, i) => site.site.truth(i))
        .filter((truth) => truth.template_blocks.length > 0)
        .map((truth) => truth.id),
    );
    const [first, ...rest] = listing.filter((post) => templated.has(post.id));
    expect(rest.length).toBeGreaterThanOrEqual(OTHERS);
    // The same page crawled again a day later under a new post id: the same story, its newest version.
    RECRAWL_ID = first!.id + 100_000;
    const later = (iso: string | null | undefined) => new Date(Date.parse(`${iso ?? ''}Z`) + 86_400_000).toISOString().slice(0, 19);
    const recrawl: WpPost = {
      ...first!,
      id: RECRAWL_ID,
      date: later(first!.date),
      date_gmt: later(first!.date_gmt),
      modified_gmt: later(first!.modified_gmt),
      link: `${first!.link}?recrawl`,
    };
    const others = rest.slice(0, OTHERS);
    // Early: the first post is processed before its source's template blocks are known (it keeps them), the
    // re-crawl after (they are removed). Late: both are processed once the counts are final. Together: both
    // before, showing one version (recorded once, under the first post) that neither shows after the settle pass.
    early = await ingest('vorderearly', site, [[first!], others, [recrawl]]);
    late = await ingest('vorderlate', site, [others, [first!, recrawl]]);
    together = await ingest('vordertogether', site, [[first!, recrawl], others]);
    // A few words of the story's first paragraph, as the site's HTML has them.
    const words = site.site
      .truth(Array.from({ length: POSTS }, (_, i) => site.site.truth(i).id).indexOf(first!.id))
      .paragraphs[0]!.split(' ')
      .slice(0, 3)
      .join(' ');
    edit = await editHistory(site, first!, words);
  }, 240_000);
  afterAll(async () => site?.close());

  it('ends with one version of the story: both posts show the same page once the template blocks are known', () => {
    expect(late.storyVersions).toHaveLength(1);
    expect(early.storyVersions).toEqual(late.storyVersions);
    expect(together.storyVersions).toEqual(late.storyVersions);
  });

  it('ends with the same articles and versions in both orders', () => {
    expect(early.articles).toEqual(late.articles);
    expect(early.versions).toEqual(late.versions);
    expect(together.articles).toEqual(late.articles);
    expect(together.versions).toEqual(late.versions);
  });

  it('keeps the version a post showed before it was edited, and adds none when it is processed again', () => {
    expect(edit).toEqual({ afterEdit: 2, afterReprocess: 2 });
  });
});
