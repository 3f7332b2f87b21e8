import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeRawPosts } from '../../src/load/storeRawPosts.js';
import type { WpPost } from '../../src/wpPost.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

function post(id: number, fields: Record<string, unknown> = {}): WpPost {
  return {
    id,
    date_gmt: '2026-05-05T13:25:43',
    modified_gmt: '2026-05-06T08:00:00',
    link: `https://example.com/?p=${id}`,
    type: 'post',
    title: { rendered: `Story ${id} \u00e9\u2028"quoted" \\ back` },
    content: { rendered: `<p>Body of ${id} \u{1F600}</p>` },
    ...fields,
  } as WpPost;
}

interface StoredRow {
  wp_id: string;
  content_hash: string;
  text_md5: string;
  bytes: number;
  modified_gmt: Date | null;
  date_gmt: Date | null;
  link: string | null;
  post_type: string | null;
}

describe('storeRawPosts', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let siteId: number;

  const stored = async (): Promise<StoredRow[]> =>
    (
      await pool.query<StoredRow>(
        `SELECT wp_id, content_hash, md5(payload::text) AS text_md5, octet_length(payload::text) AS bytes, modified_gmt, date_gmt, link, post_type
         FROM raw_posts WHERE site_id = $1 ORDER BY wp_id`,
        [siteId],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('storeraw');
    pool = new pg.Pool({ connectionString: db.databaseUrl });
    siteId = (await pool.query<{ id: number }>(`INSERT INTO sites (url) VALUES ('https://example.com') RETURNING id`)).rows[0]!.id;
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('stores each post once with the hash, size, dates, link and type Postgres would read from its text', async () => {
    const client = await pool.connect();
    try {
      const posts = [
        post(30),
        post(10, { date_gmt: '2026-01-02 03:04:05', modified_gmt: 'not a date', link: 42 }),
        post(20, { type: undefined }),
        post(10, { title: { rendered: 'a later copy of 10 in the same listing' } }),
      ];
      const result = await storeRawPosts(client, siteId, posts);
      expect(result).toMatchObject({ changed: 3, unchanged: 0 });
      const rows = await stored();
      expect(rows.map((row) => Number(row.wp_id))).toEqual([10, 20, 30]);
      for (const row of rows) {
        expect(row.content_hash).toBe(row.text_md5);
        expect(result.hashes.get(Number(row.wp_id))).toEqual({ contentHash: row.content_hash, processedHash: null, bytes: row.bytes });
      }
      const first = JSON.stringify(posts[1]);
      expect(rows[0]!.content_hash).toBe(createHash('md5').update(first).digest('hex'));
      expect(rows[0]).toMatchObject({ date_gmt: new Date('2026-01-02T03:04:05Z'), modified_gmt: null, link: null, post_type: 'post' });
      expect(rows[1]).toMatchObject({ post_type: null, link: 'https://example.com/?p=20' });
      expect(rows[2]).toMatchObject({ date_gmt: new Date('2026-05-05T13:25:43Z'), modified_gmt: new Date('2026-05-06T08:00:00Z'), post_type: 'post' });
    } finally {
      client.release();
    }
  });

  it('writes nothing for an unchanged post and replaces an edited one, link and type included', async () => {
    const client = await pool.connect();
    try {
      const again = await storeRawPosts(client, siteId, [post(30)]);
      expect(again).toMatchObject({ changed: 0, unchanged: 1 });
      const edited = await storeRawPosts(client, siteId, [post(30, { link: 'https://example.com/moved/', type: 'page' })]);
      expect(edited).toMatchObject({ changed: 1, unchanged: 0 });
      const row = (await stored()).find((r) => Number(r.wp_id) === 30)!;
      expect(row).toMatchObject({ link: 'https://example.com/moved/', post_type: 'page' });
      expect(row.content_hash).toBe(row.text_md5);
    } finally {
      client.release();
    }
  });

  it('still fills link and type for a writer that stores a payload without them', async () => {
    await pool.query(`INSERT INTO raw_posts (site_id, wp_id, payload, content_hash) VALUES ($1, 99, $2, 'h')`, [
      siteId,
      JSON.stringify(post(99, { type: 'page' })),
    ]);
    expect((await stored()).find((r) => Number(r.wp_id) === 99)).toMatchObject({ link: 'https://example.com/?p=99', post_type: 'page' });
    await pool.query(`UPDATE raw_posts SET payload = $2 WHERE site_id = $1 AND wp_id = 99`, [
      siteId,
      JSON.stringify(post(99, { link: 'https://example.com/renamed/' })),
    ]);
    expect((await stored()).find((r) => Number(r.wp_id) === 99)).toMatchObject({ link: 'https://example.com/renamed/', post_type: 'post' });
  });
});
