import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { searchArticles } from '../../src/feed/searchArticles.js';
import { createTestDatabase } from '../helpers/testDatabase.js';
import { insertFeedArticle, insertManyArticles, insertSite } from './seedFeedArticles.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let siteA: number;
let siteB: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase('feedsearch');
  pool = createPool(db.databaseUrl, () => undefined, 4);
  siteA = await insertSite(pool, 'https://a.example.test');
  siteB = await insertSite(pool, 'https://b.example.test');
  await insertManyArticles(pool, siteA, 300, { firstWpId: 1000, bodyWords: 80 });
  ids.bodyOnly = await insertFeedArticle(pool, siteA, {
    wpId: 1,
    title: 'Harbour authority publishes annual figures',
    body: 'The report was released on Monday.\n\nLocal fishermen said the offshore wind turbines near the quiet harbour of Valletta had changed their routes.',
  });
  ids.titleMatch = await insertFeedArticle(pool, siteA, {
    wpId: 2,
    title: 'Offshore wind turbines approved for Malta',
    body: 'Ministers approved the plan after a long debate. Offshore wind is expected to supply a third of demand.',
  });
  ids.otherSite = await insertFeedArticle(pool, siteB, { wpId: 3, title: 'Unrelated', body: 'A report on offshore wind farms in the Baltic.' });
  ids.german = await insertFeedArticle(pool, siteB, {
    wpId: 4,
    language: 'de',
    title: 'Neue Windkraftanlagen vor der Küste',
    body: 'Die Regierung hat den Bau von neuen Häusern und Windkraftanlagen beschlossen.',
  });
  ids.deleted = await insertFeedArticle(pool, siteA, { wpId: 5, title: 'Offshore wind turbines, withdrawn story', body: 'offshore wind turbines' });
  await pool.query(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [ids.deleted]);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('full-text search (searchArticles, wpingest search)', () => {
  it('finds an exact phrase from a stored body and highlights it in the snippet', async () => {
    const hits = await searchArticles(pool, { q: '"quiet harbour of Valletta"' });
    expect(hits.map((hit) => hit.id)).toEqual([ids.bodyOnly]);
    expect(hits[0]!.snippet).toContain('**quiet** **harbour**');
    expect(hits[0]).toMatchObject({
      title: 'Harbour authority publishes annual figures',
      site: 'https://a.example.test',
      published_at: '2026-05-01T12:00:00.000Z',
    });
  });

  it('ranks an article whose title matches above one whose body only mentions the words, and leaves deleted ones out', async () => {
    const hits = await searchArticles(pool, { q: 'offshore wind turbines' });
    expect(hits.map((hit) => hit.id)).toEqual([ids.titleMatch, ids.bodyOnly]);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
  });

  it('stems by the article language: an English plural finds the singular, a German plural the singular', async () => {
    expect((await searchArticles(pool, { q: 'turbine' })).map((hit) => hit.id)).toEqual([ids.titleMatch, ids.bodyOnly]);
    expect((await searchArticles(pool, { q: 'Windkraftanlage' })).map((hit) => hit.id)).toEqual([ids.german]);
  });

  it('restricts to a site, honours the limit, and accepts websearch syntax (or, -excluded)', async () => {
    expect((await searchArticles(pool, { q: 'offshore wind', siteId: siteB })).map((hit) => hit.id)).toEqual([ids.otherSite]);
    expect(await searchArticles(pool, { q: 'offshore wind', limit: 1 })).toHaveLength(1);
    expect((await searchArticles(pool, { q: 'offshore wind -turbines' })).map((hit) => hit.id)).toEqual([ids.otherSite]);
    expect((await searchArticles(pool, { q: 'Baltic or Valletta' })).map((hit) => hit.id).sort()).toEqual([ids.bodyOnly, ids.otherSite].sort());
    expect(await searchArticles(pool, { q: 'the and of' })).toEqual([]);
  });

  it('follows an article whose text changes: new words match, old ones no longer do', async () => {
    await pool.query(`UPDATE articles SET body_text = 'The lighthouse keeper retired after forty years.', cluster_id = id WHERE id = $1`, [ids.otherSite]);
    expect((await searchArticles(pool, { q: 'lighthouse keeper' })).map((hit) => hit.id)).toEqual([ids.otherSite]);
    expect((await searchArticles(pool, { q: 'Baltic' })).map((hit) => hit.id)).toEqual([]);
  });

  it('answers from the GIN index, not a scan of every body', async () => {
    const client = await pool.connect();
    try {
      await client.query('ANALYZE articles');
      // search_matches runs this statement per language configuration, with seq scans off: the planner does not
      // count the cost of detoasting every tsvector, and on a small table would scan them all.
      const settings = (await client.query(`SELECT proconfig FROM pg_proc WHERE proname = 'search_matches'`)).rows[0].proconfig as string[];
      expect(settings).toContain('enable_seqscan=off');
      await client.query('SET enable_seqscan = off');
      await client.query(`PREPARE per_language(tsquery, regconfig) AS
        SELECT a.id, ts_rank(a.search_vector, $1) FROM articles a WHERE a.search_vector @@ $1 AND text_search_config(a.language) = $2`);
      const plan = (await client.query(`EXPLAIN EXECUTE per_language(websearch_to_tsquery('english', 'quiet harbour'), 'english')`)).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
      expect(plan).toMatch(/Bitmap Index Scan on articles_search/);
    } finally {
      client.release(true);
    }
  });
});
