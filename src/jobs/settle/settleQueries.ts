import type { Query } from '../../db/query.js';

/** Named queries of a run's settle pass. */

/** A row of `stalePosts`. */
export interface StalePostRow {
  site_id: number;
  wp_id: number;
}

/**
 * The source's posts processed under another template decision than `template`. A post loaded before its
 * fingerprints were kept per post (article_posts.block_fps NULL) is judged by its article's, when it is the
 * article's newest version, as before.
 */
export const stalePosts = (domain: string, template: string[]): Query => ({
  text: `SELECT ap.site_id, ap.wp_id FROM articles a JOIN article_posts ap ON ap.article_id = a.id
     WHERE a.source_domain = $1 AND CASE
       WHEN ap.block_fps IS NOT NULL THEN ap.block_fps && $2::text[] OR NOT (ap.template_fps <@ $2::text[])
       ELSE (ap.site_id, ap.wp_id) = (a.version_site_id, a.version_wp_id) AND (a.block_fps && $2::text[] OR NOT (a.template_fps <@ $2::text[])) END
     ORDER BY ap.wp_id, ap.site_id`,
  values: [domain, template],
});

/** The source domains of a site's articles (rows `{ source_domain }`). */
export const domainsOfSite = (siteId: number): Query => ({
  text: `SELECT DISTINCT a.source_domain FROM articles a JOIN article_posts p ON p.article_id = a.id WHERE p.site_id = $1 ORDER BY 1`,
  values: [siteId],
});

/** A row of `repeatedBlocks`. */
export interface BlockCountRow {
  fingerprint: string;
  articles: number;
}

/** The domain's body blocks seen in more than one article, with how many: the template candidates. */
export const repeatedBlocks = (domain: string): Query => ({
  text: 'SELECT fingerprint, articles FROM block_stats WHERE source_domain = $1 AND articles > 1',
  values: [domain],
});
