import type { Query } from '../db/query.js';
import type { ArticleRow } from './articleRow.js';

/** Named queries of a slice's provenance: which post shows which version of which story, and the per-post figures. */

/** Records which story and content each post shows, with the block and template fingerprints its decision was made with. */
export function upsertArticlePosts(rows: readonly ArticleRow[], articleIds: readonly number[]): Query {
  return {
    text: `INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at, block_fps, template_fps)
     SELECT u.site_id, u.wp_id, u.article_id, u.content_hash, now(), u.block_fps::text[], u.template_fps::text[]
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(site_id, wp_id, article_id, content_hash, block_fps, template_fps)
     ON CONFLICT (site_id, wp_id) DO UPDATE SET article_id = EXCLUDED.article_id, content_hash = EXCLUDED.content_hash, fetched_at = now(),
       block_fps = EXCLUDED.block_fps, template_fps = EXCLUDED.template_fps
     WHERE (article_posts.article_id, article_posts.content_hash, article_posts.block_fps, article_posts.template_fps)
       IS DISTINCT FROM (EXCLUDED.article_id, EXCLUDED.content_hash, EXCLUDED.block_fps, EXCLUDED.template_fps)`,
    // Arrays of arrays cannot be ragged in Postgres: each post's fingerprints travel as one array literal.
    values: [
      rows.map((r) => r.siteId),
      rows.map((r) => r.wpId),
      articleIds,
      rows.map((r) => r.contentHash),
      rows.map((r) => arrayLiteral(r.blockFps)),
      rows.map((r) => arrayLiteral(r.templateFps)),
    ],
  };
}

/** A version whose content is already recorded keeps its row (and the post it names, see `repointVersions`). */
export function insertVersions(rows: readonly ArticleRow[], articleIds: readonly number[]): Query {
  return {
    text: `INSERT INTO article_versions (article_id, content_hash, site_id, wp_id, date_gmt, title, body_text, payload_hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (article_id, content_hash) DO NOTHING`,
    values: [
      articleIds,
      rows.map((r) => r.contentHash),
      rows.map((r) => r.siteId),
      rows.map((r) => r.wpId),
      rows.map((r) => r.dateGmt),
      rows.map((r) => r.article.title),
      rows.map((r) => r.article.body_text),
      rows.map((r) => r.payloadHash ?? null),
    ],
  };
}

/** The post a version names no longer shows it (or shows another story). */
const NOT_SHOWN_BY_ITS_POST = `NOT EXISTS (SELECT 1 FROM article_posts ap
         WHERE ap.site_id = v.site_id AND ap.wp_id = v.wp_id AND ap.article_id = v.article_id AND ap.content_hash = v.content_hash)`;

/**
 * The versions these posts' load may have changed the standing of: those of the posts' stories and those the
 * posts themselves are named in (a post that moved to another story). Versions recorded before payload hashes
 * were (`payload_hash` NULL) are left as they are. `$1`, `$2`: the posts; `$3`: their article ids.
 * Two branches, each answered from an index (the primary key by article; `article_versions_post` by post): one
 * `article_id = ANY(...) OR (site_id, wp_id) IN (...)` condition could use neither and read the whole table,
 * twice a slice, a cost that grew with every story stored.
 */
const TOUCHED_VERSIONS = `SELECT v.article_id, v.content_hash FROM article_versions v
       WHERE v.article_id = ANY($3::bigint[]) AND v.payload_hash IS NOT NULL AND ${NOT_SHOWN_BY_ITS_POST}
     UNION
     SELECT v.article_id, v.content_hash FROM article_versions v
       JOIN unnest($1::bigint[], $2::bigint[]) AS u(site_id, wp_id) ON v.site_id = u.site_id AND v.wp_id = u.wp_id
       WHERE v.payload_hash IS NOT NULL AND ${NOT_SHOWN_BY_ITS_POST}`;

/**
 * A version row names one post (the first that showed it). When that post no longer shows it but another post of
 * the story does, the row is made to name that one (the lowest id, whatever the order they were loaded in): a row
 * always names a post that shows it, if any does, so `pruneVersions` can tell history from stale work.
 */
export function repointVersions(rows: readonly ArticleRow[], articleIds: readonly number[]): Query {
  return {
    text: `WITH touched AS (${TOUCHED_VERSIONS}),
     shown AS (
       SELECT DISTINCT ON (t.article_id, t.content_hash) t.article_id, t.content_hash, ap.site_id, ap.wp_id, r.content_hash AS payload_hash, r.date_gmt
       FROM touched t JOIN article_posts ap ON ap.article_id = t.article_id AND ap.content_hash = t.content_hash
       JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
       ORDER BY t.article_id, t.content_hash, ap.site_id, ap.wp_id)
     UPDATE article_versions v SET site_id = s.site_id, wp_id = s.wp_id, payload_hash = s.payload_hash, date_gmt = s.date_gmt
     FROM shown s WHERE v.article_id = s.article_id AND v.content_hash = s.content_hash`,
    values: [rows.map((r) => r.siteId), rows.map((r) => r.wpId), articleIds],
  };
}

/**
 * Drops a version no post shows any more when the post it names still holds the payload it was made from: it was
 * that payload extracted under template counts that have changed since (an early page, re-processed by the settle
 * pass), not a story's earlier text. A version whose post was edited or deleted since is history, and stays.
 */
export function pruneVersions(rows: readonly ArticleRow[], articleIds: readonly number[]): Query {
  return {
    text: `WITH touched AS (${TOUCHED_VERSIONS})
     DELETE FROM article_versions v USING touched t, raw_posts r
     WHERE v.article_id = t.article_id AND v.content_hash = t.content_hash
       AND r.site_id = v.site_id AND r.wp_id = v.wp_id AND r.content_hash = v.payload_hash AND r.status <> 'deleted'
       AND NOT EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = v.article_id AND ap.content_hash = v.content_hash)`,
    values: [rows.map((r) => r.siteId), rows.map((r) => r.wpId), articleIds],
  };
}

/** A Postgres array literal of hex fingerprints (no quoting needed: they hold no commas, quotes or braces). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
