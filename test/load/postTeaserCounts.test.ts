import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { migrate, SQL_DIR } from '../../src/db/migrate.js';
import { withTransaction } from '../../src/db/withTransaction.js';
import type { PostFigures } from '../../src/load/postFigureQueries.js';
import { purgeSite } from '../../src/load/purgeSite.js';
import { recordPostFigures } from '../../src/load/recordPostFigures.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

const post = (siteId: number, wpId: number, teaserIds: number[]): PostFigures => ({
  siteId,
  wpId,
  teaserOccurrences: teaserIds.length,
  removedBytes: 10,
  contentBytes: 100,
  teasers: teaserIds.map((id, position) => ({ id, slot: position === 0 ? 'latest' : 'related', position })),
});

async function timesSeen(pool: Pool): Promise<Record<string, number>> {
  const rows = (await pool.query<{ key: string; times_seen: number }>('SELECT key, times_seen FROM teasers ORDER BY key')).rows;
  return Object.fromEntries(rows.map((row) => [row.key, row.times_seen]));
}

async function teaserIdsByKey(client: pg.Pool | pg.Client): Promise<Record<string, number>> {
  const rows = (await client.query<{ id: string; key: string }>('SELECT id, key FROM teasers')).rows;
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.id)]));
}

describe("teasers' times_seen, from the teaser ids on each post's figures row", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let id: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase('postteasers');
    pool = createPool(db.databaseUrl, () => undefined);
    await pool.query(`INSERT INTO sites (url) VALUES ('https://one.test'), ('https://two.test')`);
    await pool.query(`INSERT INTO teasers (source_domain, key, title) SELECT 'news.test', k, 'Story ' || k FROM unnest(ARRAY['a', 'b', 'c', 'd']) AS k`);
    id = await teaserIdsByKey(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const record = (posts: PostFigures[]) => withTransaction(pool, (tx) => recordPostFigures(tx, posts));

  it('counts each post once per teaser, and a post processed again not again', async () => {
    await record([post(1, 1, [id.a!, id.b!]), post(1, 2, [id.a!])]);
    expect(await timesSeen(pool)).toEqual({ a: 2, b: 1, c: 0, d: 0 });
    await record([post(1, 1, [id.a!, id.b!]), post(1, 2, [id.a!])]);
    expect(await timesSeen(pool)).toEqual({ a: 2, b: 1, c: 0, d: 0 });
  });

  it('moves the count of a post whose teasers changed from the old teasers to the new ones', async () => {
    await record([post(1, 1, [id.b!, id.c!])]);
    expect(await timesSeen(pool)).toEqual({ a: 1, b: 1, c: 1, d: 0 });
    const stored = await pool.query('SELECT teaser_occurrences, teaser_ids FROM post_figures WHERE site_id = 1 AND wp_id = 1');
    expect(stored.rows).toEqual([{ teaser_occurrences: 2, teaser_ids: [String(id.b), String(id.c)] }]);
  });

  /** Two transactions record the same posts at once, the second starting while the first holds its rows. */
  async function concurrently(posts: PostFigures[]): Promise<void> {
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await recordPostFigures(first, posts);
      // The second waits for the first's rows, then sees their ids: nothing is left to count.
      const waiting = recordPostFigures(second, posts);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
  }

  it('counts a post once when two transactions process it at the same time, new or changed', async () => {
    await concurrently([post(2, 7, [id.d!])]);
    expect(await timesSeen(pool)).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    await concurrently([post(2, 7, [id.a!, id.d!])]);
    expect(await timesSeen(pool)).toEqual({ a: 2, b: 1, c: 1, d: 1 });
  });

  it("uncounts a purged site's posts and keeps the other site's", async () => {
    await record([post(2, 8, [id.a!, id.d!])]);
    expect(await timesSeen(pool)).toEqual({ a: 3, b: 1, c: 1, d: 2 });
    await withTransaction(pool, (tx) => purgeSite(tx, 2));
    expect(await timesSeen(pool)).toEqual({ a: 1, b: 1, c: 1, d: 0 });
  });
});

describe('migration 000017: post_teasers and article_teasers into post_figures, block_sightings into article_blocks', () => {
  it("moves each post's links into its figures row, keeps times_seen and the feed's teasers, and each article's sightings into one row", async () => {
    const db = await createTestDatabase('migration16');
    const admin = new pg.Client({ connectionString: db.databaseUrl });
    await admin.connect();
    try {
      // Back to schema 16, with the links as it kept them.
      await admin.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
      await admin.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const name of (await readdir(SQL_DIR)).filter((file) => /^\d{6}_.*\.sql$/.test(file) && file < '000017').sort()) {
        await admin.query(await readFile(SQL_DIR + name, 'utf8'));
        await admin.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      }
      await admin.query(`INSERT INTO sites (url) VALUES ('https://one.test')`);
      await admin.query(
        `INSERT INTO teasers (source_domain, key, title, times_seen) VALUES ('n.test', 'a', 'A', 2), ('n.test', 'b', 'B', 1), ('n.test', 'c', 'C', 0)`,
      );
      const ids = await teaserIdsByKey(admin);
      await admin.query(`INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes) VALUES (1, 1, 3, 5, 50)`);
      await admin.query('INSERT INTO post_teasers (site_id, wp_id, teaser_id) VALUES (1, 1, $1), (1, 1, $2), (1, 2, $1)', [ids.b, ids.a]);
      // Post 1 is its article's current version: the article's links give its teasers' slots and positions.
      const article = await admin.query<{ id: string }>(
        `INSERT INTO articles (source_url, source_domain, title, body_text, body_html, word_count, profile, content_hash, simhash, simhash_bands, version_site_id, version_wp_id)
         VALUES ('https://n.test/a', 'n.test', 'A', '', '', 0, 'generic', 'h', 0, '{1,65537,131073,196609}', 1, 1) RETURNING id`,
      );
      const articleId = Number(article.rows[0]!.id);
      await admin.query(`INSERT INTO article_teasers (article_id, teaser_id, slot, position) VALUES ($1, $2, 'latest', 0), ($1, $3, 'related', 4)`, [
        articleId,
        ids.b,
        ids.a,
      ]);
      const feedBefore = (await admin.query('SELECT teasers FROM article_feed')).rows;
      await admin.query(`INSERT INTO block_sightings (source_domain, fingerprint, source_url) VALUES
        ('n.test', 'f2', 'https://n.test/a'), ('n.test', 'f1', 'https://n.test/a'), ('n.test', 'f1', 'https://n.test/b')`);

      await migrate(db.databaseUrl);

      const figures = await admin.query(
        'SELECT site_id, wp_id, teaser_occurrences, teaser_ids, teaser_slots, teaser_positions FROM post_figures ORDER BY 1, 2',
      );
      expect(figures.rows).toEqual([
        {
          site_id: 1,
          wp_id: 1,
          teaser_occurrences: 3,
          teaser_ids: [String(ids.b), String(ids.a)],
          teaser_slots: ['latest', 'related'],
          teaser_positions: [0, 4],
        },
        { site_id: 1, wp_id: 2, teaser_occurrences: 0, teaser_ids: [String(ids.b)], teaser_slots: [null], teaser_positions: [null] },
      ]);
      const links = await admin.query('SELECT article_id, teaser_id, slot, position FROM article_teasers ORDER BY position');
      expect(links.rows).toEqual([
        { article_id: articleId, teaser_id: ids.b, slot: 'latest', position: 0 },
        { article_id: articleId, teaser_id: ids.a, slot: 'related', position: 4 },
      ]);
      expect((await admin.query('SELECT teasers FROM article_feed')).rows).toEqual(feedBefore);
      expect(feedBefore[0].teasers).toHaveLength(2);
      const blocks = await admin.query('SELECT source_domain, source_url, fingerprints, last_added FROM article_blocks ORDER BY source_url');
      expect(blocks.rows).toEqual([
        { source_domain: 'n.test', source_url: 'https://n.test/a', fingerprints: ['f1', 'f2'], last_added: null },
        { source_domain: 'n.test', source_url: 'https://n.test/b', fingerprints: ['f1'], last_added: null },
      ]);
      expect((await admin.query(`SELECT to_regclass('block_sightings') AS t`)).rows).toEqual([{ t: null }]);
      const seen = await admin.query('SELECT key, times_seen FROM teasers ORDER BY key');
      expect(seen.rows).toEqual([
        { key: 'a', times_seen: 1 },
        { key: 'b', times_seen: 2 },
        { key: 'c', times_seen: 0 },
      ]);
      expect((await admin.query(`SELECT to_regclass('post_teasers') AS t`)).rows).toEqual([{ t: null }]);
    } finally {
      await admin.end();
      await db.drop();
    }
  });
});
