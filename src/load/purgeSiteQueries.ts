import type { Query } from '../db/query.js';

/**
 * Named queries of `source purge`. Articles made only from the site's posts go with it; an article another
 * site also provided stays (it loses only this site's provenance). The template detector's counts and the
 * teasers' sighting counts are recomputed for what was removed, so later decisions do not count ghosts.
 */

/** What a purge of the site would delete. */
export const purgeFigures = (siteId: number): Query => ({
  text: `SELECT (SELECT count(*)::int FROM raw_posts WHERE site_id = $1) AS posts,
           (SELECT count(DISTINCT ap.article_id)::int FROM article_posts ap WHERE ap.site_id = $1
              AND NOT EXISTS (SELECT 1 FROM article_posts o WHERE o.article_id = ap.article_id AND o.site_id <> $1)) AS articles`,
  values: [siteId],
});

/**
 * Deletes the articles only this site provided with their block sightings, each sighted block counted once less
 * per article; returns the domains touched.
 */
export const deleteOwnArticles = (siteId: number): Query => ({
  text: `WITH own AS (
           SELECT DISTINCT ap.article_id FROM article_posts ap WHERE ap.site_id = $1
             AND NOT EXISTS (SELECT 1 FROM article_posts o WHERE o.article_id = ap.article_id AND o.site_id <> $1)),
         gone AS (DELETE FROM articles a USING own WHERE a.id = own.article_id RETURNING a.source_url, a.source_domain),
         sightings AS (DELETE FROM article_blocks b USING gone WHERE b.source_domain = gone.source_domain AND b.source_url = gone.source_url
           RETURNING b.source_domain, b.fingerprints),
         uncounted AS (UPDATE block_stats s SET articles = s.articles - c.n
           FROM (SELECT source_domain, f AS fingerprint, count(*)::int AS n FROM sightings, unnest(sightings.fingerprints) AS f GROUP BY 1, 2) c
           WHERE s.source_domain = c.source_domain AND s.fingerprint = c.fingerprint)
         SELECT DISTINCT source_domain AS domain FROM gone`,
  values: [siteId],
});

/** Blocks of the domains seen in no remaining article go. */
export const dropUnseenBlocks = (domains: string[]): Query => ({
  text: `DELETE FROM block_stats b WHERE b.source_domain = ANY($1::text[]) AND b.articles <= 0`,
  values: [domains],
});

/**
 * The site's per-post rows that have no foreign key to cascade from; each teaser they showed is counted once less
 * per post (`times_seen` counts the posts whose `teaser_ids` hold it, see recordPostFigures).
 */
export const deletePostRows = (siteId: number): Query => ({
  text: `WITH figures AS (DELETE FROM post_figures WHERE site_id = $1 RETURNING teaser_ids),
         seen AS (SELECT t AS teaser_id, count(*)::int AS n FROM figures, unnest(figures.teaser_ids) AS t GROUP BY 1)
         UPDATE teasers t SET times_seen = t.times_seen - seen.n FROM seen WHERE t.id = seen.teaser_id`,
  values: [siteId],
});

/** The site itself: its runs, pages, raw posts, provenance rows, failures and terms cascade with it. */
export const deleteSite = (siteId: number): Query => ({
  text: `DELETE FROM sites WHERE id = $1`,
  values: [siteId],
});

/** Article counts of the domains again (see sql/000008_scale.sql), after their purged articles went. */
export const recountSourceArticles = (domains: string[]): Query => ({
  text: `UPDATE source_articles s SET articles = (SELECT count(*) FROM articles a WHERE a.source_domain = s.source_domain)
         WHERE s.source_domain = ANY($1::text[])`,
  values: [domains],
});
