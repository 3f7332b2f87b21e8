import type { Pool } from 'pg';

/** A site row for feed tests. */
export async function insertSite(pool: Pool, url: string): Promise<number> {
  return Number((await pool.query(`INSERT INTO sites (url) VALUES ($1) RETURNING id`, [url])).rows[0].id);
}

/** Fields of one article to insert; anything left out gets a plain default. */
export interface FeedArticleInput {
  wpId: number;
  title?: string;
  summary?: string | null;
  body?: string;
  language?: string | null;
  authors?: string[];
  topics?: string[];
  section?: string[];
  publishedAt?: string | null;
  image?: { url: string; caption: string | null; credit: string | null } | null;
  postType?: string;
}

/**
 * Inserts one story the way the loader leaves it: its raw post (link and type in the payload), the article
 * and the article_posts link. Returns the article id.
 */
export async function insertFeedArticle(pool: Pool, siteId: number, input: FeedArticleInput): Promise<number> {
  const site = (await pool.query(`SELECT url FROM sites WHERE id = $1`, [siteId])).rows[0].url as string;
  const link = `${site}/?p=${input.wpId}`;
  const body = input.body ?? `Body of post ${input.wpId}.`;
  await pool.query(`INSERT INTO raw_posts (site_id, wp_id, payload, content_hash) VALUES ($1, $2, $3, 'h')`, [
    siteId,
    input.wpId,
    JSON.stringify({ id: input.wpId, link, type: input.postType ?? 'post' }),
  ]);
  const row = await pool.query(
    `INSERT INTO articles (source_url, source_domain, title, summary, authors, published_at, modified_at, section, topics, image,
                           body_text, body_html, word_count, language, profile, content_hash, simhash, simhash_bands,
                           version_site_id, version_wp_id)
     VALUES ($1, 'source.example.test', $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, 'generic', 'c', 0, '{1,2,3,4}', $13, $14)
     RETURNING id`,
    [
      `https://source.example.test/s${siteId}/story-${input.wpId}`,
      input.title ?? `Story ${input.wpId}`,
      input.summary ?? null,
      input.authors ?? [],
      input.publishedAt === undefined ? '2026-05-01T12:00:00Z' : input.publishedAt,
      input.section ?? [],
      input.topics ?? [],
      input.image === undefined ? null : JSON.stringify(input.image),
      body,
      body
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join(''),
      body.split(/\s+/).length,
      input.language === undefined ? 'en' : input.language,
      siteId,
      input.wpId,
    ],
  );
  const id = Number(row.rows[0].id);
  await pool.query(`INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at) VALUES ($1, $2, $3, 'h', now())`, [
    siteId,
    input.wpId,
    id,
  ]);
  return id;
}

/** Sentences the bulk seeder builds bodies from (numbers make every body different). */
const FILLER = 'Officials met on Tuesday to discuss the port expansion, grid upgrades and the budget for the coming year.';

/**
 * Inserts `count` stories in bulk (one statement per table), with bodies of about `bodyWords` words: for
 * benchmarks and paging tests. wp ids start after `firstWpId`.
 */
export async function insertManyArticles(pool: Pool, siteId: number, count: number, options: { firstWpId?: number; bodyWords?: number } = {}): Promise<void> {
  const first = options.firstWpId ?? 0;
  const repeats = Math.max(1, Math.round((options.bodyWords ?? 400) / 18));
  await pool.query(
    `INSERT INTO raw_posts (site_id, wp_id, payload, content_hash)
     SELECT $1, $2 + g, json_build_object('id', $2 + g, 'link', s.url || '/?p=' || ($2 + g), 'type', 'post'), 'h'
       FROM generate_series(1, $3::int) g, sites s WHERE s.id = $1`,
    [siteId, first, count],
  );
  await pool.query(
    `INSERT INTO articles (source_url, source_domain, title, summary, authors, published_at, modified_at, section, topics, image,
                           body_text, body_html, word_count, language, profile, content_hash, simhash, simhash_bands,
                           version_site_id, version_wp_id)
     SELECT 'https://source.example.test/s' || $1::bigint || '/bulk-' || ($2::bigint + g), 'source.example.test', 'Bulk story ' || ($2::bigint + g), 'Summary ' || g,
            ARRAY['Author ' || (g % 7)], timestamptz '2026-01-01' + ($2::bigint + g) * interval '1 minute', NULL, ARRAY['World', 'Europe'], ARRAY['Topic ' || (g % 13)],
            jsonb_build_object('url', 'https://img.example.test/' || g || '.jpg', 'caption', 'Caption ' || g, 'credit', NULL),
            b.body, '<p>' || replace(b.body, E'\\n\\n', '</p><p>') || '</p>', $4::int * 18, 'en', 'generic', 'c', 0, '{1,2,3,4}', $1::bigint, $2::bigint + g
       FROM generate_series(1, $3::int) g,
            LATERAL (SELECT string_agg(replace($5, 'year', 'year ' || (g + r)), E'\\n\\n') AS body FROM generate_series(1, $4::int) r) b`,
    [siteId, first, count, repeats, FILLER],
  );
  await pool.query(
    `INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at)
     SELECT a.version_site_id, a.version_wp_id, a.id, 'h', now() FROM articles a
      WHERE a.version_site_id = $1 AND a.version_wp_id > $2 AND a.version_wp_id <= $2 + $3`,
    [siteId, first, count],
  );
}
