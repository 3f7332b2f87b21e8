import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/withTransaction.js';
import { storeRawPosts } from '../../../src/load/storeRawPosts.js';
import { createLogger } from '../../../src/log.js';
import type { WpPost } from '../../../src/wpPost.js';
import { createContext } from '../../../src/jobs/createContext.js';
import type { AppContext } from '../../../src/jobs/context.js';
import { heldPostInputs, loadPostInputs, planHeldInputs, planPostInputs } from '../../../src/jobs/process/loadPostInputs.js';
import { processedHash, processPosts } from '../../../src/jobs/process/processPosts.js';
import { createTestDatabase, TEST_REDIS_URL } from '../../helpers/testDatabase.js';

const seed = JSON.parse(readFileSync(new URL('../../fixtures/extract/seed/post.json', import.meta.url), 'utf8')) as WpPost;

/** The seed post under another id and link, with a string that needs escaping in JSON. */
function variant(id: number, title = `Story ${id} \u00e9\u2028"quoted"`): WpPost {
  return { ...seed, id, link: `https://analyse.optim.biz/?p=${id}`, title: { rendered: title } };
}

describe('posts held in memory after the raw store, instead of read back', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ctx: AppContext & { close(): Promise<void> };
  let siteId: number;

  beforeAll(async () => {
    db = await createTestDatabase('held');
    ctx = await createContext(
      loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix }),
      createLogger('silent'),
    );
    siteId = (await ctx.pool.query<{ id: number }>(`INSERT INTO sites (url) VALUES ('https://analyse.optim.biz') RETURNING id`)).rows[0]!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  it('gives processing exactly the inputs and slice sizes a read of the raw store gives, hashes included', async () => {
    const posts = [variant(11), variant(12), variant(13)];
    const stored = await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, posts));
    expect(stored).toMatchObject({ changed: 3, unchanged: 0 });
    const client = await ctx.pool.connect();
    try {
      const plan = planHeldInputs({ posts, hashes: stored.hashes }, processedHash);
      expect(plan).toEqual(await planPostInputs(client, siteId, [11, 12, 13], processedHash));
      const held = await heldPostInputs(
        client,
        siteId,
        { posts, hashes: stored.hashes },
        plan.todo.map((item) => item.wpId),
      );
      const read = await loadPostInputs(client, siteId, [11, 12, 13], processedHash);
      expect(held).toEqual(read);
      expect(held.posts).toHaveLength(3);
    } finally {
      client.release();
    }
  });

  it('skips posts already processed from the same payload, as the read does, and processes a changed one', async () => {
    await processPosts(ctx, siteId, [11, 12, 13]);
    const posts = [variant(11), variant(12, 'An edited title'), variant(13)];
    const stored = await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, posts));
    expect(stored).toMatchObject({ changed: 1, unchanged: 2 });
    // The hash each post was last processed from is the one before this store.
    expect(stored.hashes.get(11)!.processedHash).toBe(processedHash(stored.hashes.get(11)!.contentHash));
    expect(stored.hashes.get(12)!.processedHash).not.toBe(processedHash(stored.hashes.get(12)!.contentHash));
    const result = await processPosts(ctx, siteId, [11, 12, 13], { held: { posts, hashes: stored.hashes } });
    expect(result).toMatchObject({ posts: 3, skipped: 2, rejected: 0 });
    // Every post is now marked processed from the payload stored last.
    const marks = await ctx.pool.query<{ wp_id: string; content_hash: string; processed_hash: string }>(
      'SELECT wp_id, content_hash, processed_hash FROM raw_posts ORDER BY wp_id',
    );
    expect(marks.rows.map((row) => row.processed_hash)).toEqual(marks.rows.map((row) => processedHash(row.content_hash)));
    expect(marks.rows.find((row) => Number(row.wp_id) === 12)!.content_hash).toBe(stored.hashes.get(12)!.contentHash);
  });

  it("keeps each source's article count equal to its articles (no count(*) per page)", async () => {
    const counts = await ctx.pool.query<{ kept: string; actual: string }>(
      `SELECT s.articles AS kept, (SELECT count(*) FROM articles a WHERE a.source_domain = s.source_domain) AS actual FROM source_articles s`,
    );
    expect(counts.rows.length).toBeGreaterThan(0);
    for (const row of counts.rows) expect(Number(row.kept)).toBe(Number(row.actual));
  });
});
