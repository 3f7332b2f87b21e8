import type { Query } from '../db/query.js';

/** Named queries over articles: the upsert of their newest versions, their ids, source counts and clusters. */

/** The columns `upsertArticles` writes, as `jsonb_to_recordset` reads them. */
const ARTICLE_COLUMNS = `source_url text, source_domain text, title text, summary text, authors text[], published_at timestamptz,
  modified_at timestamptz, section text[], topics text[], image jsonb, body_text text, body_html text, related jsonb,
  word_count int, language text, profile text, content_hash text, simhash bigint, simhash_bands int[],
  version_site_id bigint, version_wp_id bigint, version_date_gmt timestamptz, block_fps text[], template_fps text[], removed jsonb`;
const COLUMN_NAMES = ARTICLE_COLUMNS.split(',').map((column) => column.trim().split(/\s+/)[0]!);
const UPDATES = COLUMN_NAMES.filter((name) => name !== 'source_url')
  .map((name) => `${name} = EXCLUDED.${name}`)
  .join(', ');

/** A row `upsertArticles` wrote: `inserted` when it created the article, false when it replaced a version. */
export interface UpsertedArticle {
  id: number;
  source_domain: string;
  inserted: boolean;
}

/**
 * Inserts articles (objects keyed by the column names above), or replaces the stored one when the row is a newer
 * version (date_gmt, then wp id) or the same version re-extracted differently; returns the rows written.
 */
export const upsertArticles = (articles: ReadonlyArray<Record<string, unknown>>): Query => ({
  text: `INSERT INTO articles (${COLUMN_NAMES.join(', ')})
     SELECT ${COLUMN_NAMES.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${ARTICLE_COLUMNS})
     ON CONFLICT (source_url) DO UPDATE SET ${UPDATES}, updated_at = now()
     WHERE (coalesce(EXCLUDED.version_date_gmt, '-infinity'), EXCLUDED.version_wp_id) > (coalesce(articles.version_date_gmt, '-infinity'), articles.version_wp_id)
        OR ((EXCLUDED.version_site_id, EXCLUDED.version_wp_id) = (articles.version_site_id, articles.version_wp_id)
            AND (EXCLUDED.content_hash <> articles.content_hash OR EXCLUDED.template_fps <> articles.template_fps))
     RETURNING id, source_domain, (xmax = 0) AS inserted`,
  values: [JSON.stringify(articles)],
});

/** The id of each article among the source URLs (rows `{ id, source_url }`). */
export const articleIdsByUrl = (sourceUrls: readonly string[]): Query => ({
  text: 'SELECT id, source_url FROM articles WHERE source_url = ANY($1::text[])',
  values: [sourceUrls],
});

/** Adds newly created articles to their sources' kept counts (`source_articles`). */
export const addSourceArticles = (sources: readonly string[], created: readonly number[]): Query => ({
  text: `INSERT INTO source_articles (source_domain, articles) SELECT * FROM unnest($1::text[], $2::bigint[])
     ON CONFLICT (source_domain) DO UPDATE SET articles = source_articles.articles + EXCLUDED.articles`,
  values: [sources, created],
});

/**
 * Sets each article's cluster to the smallest id among it and its near duplicates of the same source.
 * Candidates share a band value at one position (the bands are tagged with it): one lookup per position in that
 * position's btree, answered from the index (it carries id, simhash and source; see sql/000008_scale.sql), so the
 * cost per article does not grow with the source's size; same source and the exact distance are checked on what
 * the lookups return, and only the near ones are read from the table (for their cluster). The lookups sit in a
 * subquery the conditions cannot be pushed into (OFFSET 0): given `source_domain = ...` as well, a planner without
 * statistics (a new database: autovacuum had not analyzed it) intersected each band with every article of the
 * source (BitmapAnd with articles_source_domain), a cost per article that grew with the source.
 */
export const clusterNearDuplicates = (sortedIds: readonly number[], maxDistanceBits: number): Query => ({
  text: `WITH mine AS MATERIALIZED (
       SELECT id, source_domain, simhash, simhash_bands AS bands FROM articles WHERE id = ANY($1::bigint[])),
     near AS (
       SELECT m.id, least(m.id, min(coalesce(b.cluster_id, b.id))) AS cid
       FROM mine m
       JOIN LATERAL (
         SELECT c.id, c.source_domain, c.simhash FROM articles c WHERE c.simhash_bands[1] = m.bands[1]
         UNION ALL SELECT c.id, c.source_domain, c.simhash FROM articles c WHERE c.simhash_bands[2] = m.bands[2]
         UNION ALL SELECT c.id, c.source_domain, c.simhash FROM articles c WHERE c.simhash_bands[3] = m.bands[3]
         UNION ALL SELECT c.id, c.source_domain, c.simhash FROM articles c WHERE c.simhash_bands[4] = m.bands[4]
         OFFSET 0) x ON x.source_domain = m.source_domain AND x.id <> m.id AND bit_count((m.simhash # x.simhash)::bit(64)) <= $2
       JOIN articles b ON b.id = x.id
       GROUP BY m.id)
     UPDATE articles a SET cluster_id = near.cid FROM near
     WHERE a.id = near.id AND a.cluster_id IS DISTINCT FROM near.cid`,
  values: [sortedIds, maxDistanceBits],
});

/** Gives a cluster's first article (its id is the cluster id) the cluster id too, when it has none yet. */
export const markClusterHeads = (articleIds: readonly number[]): Query => ({
  text: `UPDATE articles b SET cluster_id = a.cluster_id FROM articles a
     WHERE a.id = ANY($1::bigint[]) AND a.cluster_id IS NOT NULL AND b.id = a.cluster_id AND b.cluster_id IS DISTINCT FROM a.cluster_id AND b.cluster_id IS NULL`,
  values: [articleIds],
});
