import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { queryOne } from '../../src/db/query.js';
import { searchArticles } from '../../src/feed/searchArticles.js';
import { indexPendingSearch, SEARCH_INDEX_BATCH } from '../../src/load/indexPendingSearch.js';
import { pendingSearchCount } from '../../src/load/searchIndexQueries.js';
import { createTestDatabase } from '../helpers/testDatabase.js';
import { insertFeedArticle, insertManyArticles, insertSite } from '../feed/seedFeedArticles.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let site: number;
let harbour: number;

const pending = async () => (await queryOne<{ n: number }>(pool, pendingSearchCount()))!.n;
const hitsOf = async (q: string) => (await searchArticles(pool, { q })).map((hit) => ({ id: hit.id, rank: hit.rank, snippet: hit.snippet }));

beforeAll(async () => {
  db = await createTestDatabase('searchindex');
  pool = createPool(db.databaseUrl, () => undefined, 4);
  site = await insertSite(pool, 'https://index.example.test');
  await insertManyArticles(pool, site, SEARCH_INDEX_BATCH + 20, { firstWpId: 1000, bodyWords: 40 });
  harbour = await insertFeedArticle(pool, site, {
    wpId: 1,
    title: 'Harbour authority publishes annual figures',
    body: 'Local fishermen said the offshore wind turbines near the quiet harbour of Valletta had changed their routes.',
  });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('deferred full-text indexing (indexPendingSearch)', () => {
  it('stores articles without computing their search vector, and searches find them all the same', async () => {
    expect(await pending()).toBe(SEARCH_INDEX_BATCH + 21);
    const before = await hitsOf('quiet harbour');
    expect(before.map((hit) => hit.id)).toEqual([harbour]);

    const indexed = await indexPendingSearch(pool);
    expect(indexed).toBe(SEARCH_INDEX_BATCH + 21);
    expect(await pending()).toBe(0);
    // The same hits, ranks and snippets from the index as from the pending articles' vectors computed on the fly.
    expect(await hitsOf('quiet harbour')).toEqual(before);
  });

  it('makes an article pending again when its text changes, not when another column does', async () => {
    await pool.query('UPDATE articles SET cluster_id = id WHERE id = $1', [harbour]);
    expect(await pending()).toBe(0);
    await pool.query(`UPDATE articles SET body_text = 'The lighthouse keeper retired after forty years.' WHERE id = $1`, [harbour]);
    expect(await pending()).toBe(1);
    expect((await hitsOf('lighthouse keeper')).map((hit) => hit.id)).toEqual([harbour]);
    expect(await hitsOf('quiet harbour')).toEqual([]);
    expect(await indexPendingSearch(pool)).toBe(1);
    expect((await hitsOf('lighthouse keeper')).map((hit) => hit.id)).toEqual([harbour]);
  });

  it('stops at `max` and when aborted, leaving the rest pending', async () => {
    await pool.query(`UPDATE articles SET title = title || ' (updated)' WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 30)`);
    expect(await pending()).toBe(30);
    expect(await indexPendingSearch(pool, { max: 12 })).toBe(12);
    expect(await pending()).toBe(18);
    expect(await indexPendingSearch(pool, { signal: AbortSignal.abort() })).toBe(0);
    expect(await pending()).toBe(18);
  });

  it('skips rows another transaction holds and indexes them once it is done', async () => {
    await indexPendingSearch(pool);
    const loader = await pool.connect();
    try {
      await loader.query('BEGIN');
      await loader.query(`UPDATE articles SET summary = 'Held by a loader' WHERE id = $1`, [harbour]);
      await pool.query(`UPDATE articles SET summary = 'Changed too' WHERE id IN (SELECT id FROM articles WHERE id <> $1 ORDER BY id LIMIT 2)`, [harbour]);
      expect(await indexPendingSearch(pool)).toBe(2);
      await loader.query('COMMIT');
    } finally {
      loader.release();
    }
    expect(await pending()).toBe(1);
    expect(await indexPendingSearch(pool)).toBe(1);
    expect((await hitsOf('"held by a loader"')).map((hit) => hit.id)).toEqual([harbour]);
  });
});
