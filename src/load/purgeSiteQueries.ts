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

/** Deletes the articles only this site provided, with their block sightings; returns the domains touched. */
export const deleteOwnArticles = (siteId: number): Query => ({
  text: `WITH own AS (
           SELECT DISTINCT ap.article_id FROM article_posts ap WHERE ap.site_id = $1
             AND NOT EXISTS (SELECT 1 FROM article_posts o WHERE o.article_id = ap.article_id AND o.site_id <> $1)),
         gone AS (DELETE FROM articles a USING own WHERE a.id = own.article_id RETURNING a.source_url, a.source_domain),
         sightings AS (DELETE FROM block_sightings s USING gone WHERE s.source_domain = gone.source_domain AND s.source_url = gone.source_url)
         SELECT DISTINCT source_domain AS domain FROM gone`,
  values: [siteId],
});

/** Blocks of the domains seen in no remaining article go. */
export const dropUnseenBlocks = (domains: string[]): Query => ({
  text: `DELETE FROM block_stats b WHERE b.source_domain = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM block_sightings s WHERE s.source_domain = b.source_domain AND s.fingerprint = b.fingerprint)`,
  values: [domains],
});

/** Block counts of the domains again, from their remaining sightings. */
export const recountBlockStats = (domains: string[]): Query => ({
  text: `UPDATE block_stats b SET articles = (SELECT count(*) FROM block_sightings s WHERE s.source_domain = b.source_domain AND s.fingerprint = b.fingerprint)
         WHERE b.source_domain = ANY($1::text[])`,
  values: [domains],
});

/** The site's per-post rows that have no foreign key to cascade from, then teaser counts from what is left. */
export const deletePostRows = (siteId: number): Query => ({
  text: `WITH teasers_seen AS (DELETE FROM post_teasers WHERE site_id = $1 RETURNING teaser_id),
         figures AS (DELETE FROM post_figures WHERE site_id = $1)
         UPDATE teasers t SET times_seen = (SELECT count(*) FROM post_teasers p WHERE p.teaser_id = t.id AND p.site_id <> $1)
         WHERE t.id IN (SELECT teaser_id FROM teasers_seen)`,
  values: [siteId],
});

/** The site itself: its runs, pages, raw posts, provenance rows, failures and terms cascade with it. */
export const deleteSite = (siteId: number): Query => ({
  text: `DELETE FROM sites WHERE id = $1`,
  values: [siteId],
});
