import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingPosts } from '../../src/fetch/listingPosts.js';
import { splitJsonArray } from '../../src/fetch/splitJsonArray.js';
import { storeRawPosts } from '../../src/load/storeRawPosts.js';
import type { WpPost } from '../../src/wpPost.js';
import { withTransaction } from '../../src/db/withTransaction.js';
import { processPosts } from '../../src/jobs/process/processPosts.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp, type FaultApp } from './faultHarness.js';
import { FORBIDDEN_IN_BODY, hostilePosts, wpPost, XSS_PAYLOADS } from './hostilePosts.js';

/** Longest a single hostile post may take to process. */
const POST_BUDGET_MS = 60_000;
/** Most the heap may grow while processing one hostile post. */
const HEAP_BUDGET_BYTES = 1024 * 1024 * 1024;

describe('hostile and malformed posts stored raw, then processed', () => {
  let app: FaultApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startFaultApp({ label: 'hostile', posts: 0, roles: [], siteUrl: 'https://hostile.example' });
    siteId = (
      await app.ctx.pool.query<{ id: number }>(
        `INSERT INTO sites (url, api_root, api_form) VALUES ('https://hostile.example', 'https://hostile.example/wp-json/', 'pretty') RETURNING id`,
      )
    ).rows[0]!.id;
  });
  afterAll(async () => app?.close());

  /** Posts the listing parser refused, with the reason fetchPage records in `failures`. */
  const refusedAtIntake = new Map<number, string>();

  /** Stores posts the way fetched pages are: as JSON through the listing parser, then raw. */
  async function store(posts: WpPost[]): Promise<void> {
    const listing = listingPosts(splitJsonArray(Buffer.from(JSON.stringify(posts))));
    const items = Array.from({ length: listing.count }, (_, index) => listing.item(index));
    for (const { rejected } of items) if (rejected) refusedAtIntake.set(posts[rejected.index]!.id, rejected.reason);
    await withTransaction(app.ctx.pool, (tx) =>
      storeRawPosts(
        tx,
        siteId,
        items.flatMap((item) => (item.post ? [item.post] : [])),
      ),
    );
  }

  async function outcome(wpId: number): Promise<{ article: boolean; status: string; reason: string | null }> {
    const refused = refusedAtIntake.get(wpId);
    if (refused) return { article: false, status: 'rejected', reason: `refused at intake: ${refused}` };
    const raw = (
      await app.ctx.pool.query<{ status: string; reject_reason: string | null }>(
        'SELECT status, reject_reason FROM raw_posts WHERE site_id = $1 AND wp_id = $2',
        [siteId, wpId],
      )
    ).rows[0];
    const article = await app.ctx.pool.query('SELECT 1 FROM article_posts WHERE site_id = $1 AND wp_id = $2', [siteId, wpId]);
    return { article: (article.rowCount ?? 0) > 0, status: raw?.status ?? 'missing', reason: raw?.reject_reason ?? null };
  }

  const cases = hostilePosts();
  it.each(cases.map((c) => [c.name, c.post] as const))('%s: yields an article or a recorded rejection, in bounded time and memory', async (name, post) => {
    await store([post]);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let error: unknown;
    await processPosts(app.ctx, siteId, [post.id]).catch((caught: unknown) => {
      error = caught;
    });
    const ms = performance.now() - started;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const result = await outcome(post.id);
    await reportFault({
      fault: `hostile post: ${name}`,
      runs: 1,
      postsExpected: 1,
      articlesFound: result.article ? 1 : 0,
      lost: result.article || result.status === 'rejected' ? 0 : 1,
      doubled: 0,
      note: `${Math.round(ms)} ms; ${result.article ? 'article' : `rejected: ${result.reason}`}${error ? `; threw ${(error as Error).message.slice(0, 120)}` : ''}`,
    });
    expect((error as Error | undefined)?.message).toBeUndefined();
    expect(result.article || (result.status === 'rejected' && Boolean(result.reason)), JSON.stringify(result)).toBe(true);
    expect(ms).toBeLessThan(POST_BUDGET_MS);
    expect(heapGrowth).toBeLessThan(HEAP_BUDGET_BYTES);
  });

  it('one hostile post in a page does not sink the page: the good posts of the same batch are stored', async () => {
    const good = [wpPost(7001), wpPost(7002)];
    const bad = hostilePosts().map((c, i) => ({ ...c.post, id: 7100 + i }));
    await store([...good, ...bad]);
    await processPosts(
      app.ctx,
      siteId,
      [...good, ...bad].map((post) => post.id),
    );
    for (const post of good) expect(await outcome(post.id)).toMatchObject({ article: true });
    for (const post of bad) {
      const result = await outcome(post.id);
      expect(result.article || result.status === 'rejected', `${post.id}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it('stores SQL-looking titles and bodies verbatim', async () => {
    const title = "Robert'); DROP TABLE articles;-- ' OR 1=1 --";
    const sentence = "SELECT * FROM users WHERE name = '' OR '1'='1'; DELETE FROM raw_posts; -- and $1 $$ quoted $$";
    await store([wpPost(7500, { title, content: `<p>${sentence}</p>` })]);
    await processPosts(app.ctx, siteId, [7500]);
    const row = (
      await app.ctx.pool.query<{ title: string; body_text: string }>(
        'SELECT a.title, a.body_text FROM articles a JOIN article_posts p ON p.article_id = a.id WHERE p.site_id = $1 AND p.wp_id = 7500',
        [siteId],
      )
    ).rows[0];
    expect(row?.title).toBe(title);
    expect(row?.body_text).toContain(sentence);
  });

  it('lets no XSS payload into body_html', async () => {
    const posts = XSS_PAYLOADS.map((payload, i) =>
      wpPost(8000 + i, {
        content: `<p>Paragraph before the payload, with several words in it.</p>${payload}<p>Paragraph after the payload, with several words in it.</p>`,
      }),
    );
    await store(posts);
    await processPosts(
      app.ctx,
      siteId,
      posts.map((post) => post.id),
    );
    const rows = await app.ctx.pool.query<{ wp_id: number; body_html: string }>(
      'SELECT p.wp_id, a.body_html FROM articles a JOIN article_posts p ON p.article_id = a.id WHERE p.site_id = $1 AND p.wp_id >= 8000 AND p.wp_id < 9000',
      [siteId],
    );
    expect(rows.rows.length).toBe(posts.length);
    const survived = rows.rows.filter((row) => FORBIDDEN_IN_BODY.test(row.body_html)).map((row) => `${XSS_PAYLOADS[row.wp_id - 8000]} -> ${row.body_html}`);
    expect(survived).toEqual([]);
  });
});
