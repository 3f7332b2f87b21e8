import type { Query } from '../db/query.js';

/** Named read-only queries behind the article, source and search pages. */

/** Results of the header's search box at most. */
export const SEARCH_LIMIT = 50;
/** Articles listed on a source's page. */
export const SOURCE_ARTICLES = 100;

/** One article with everything its page shows. */
export const articleById = (id: number): Query => ({
  text: `SELECT a.id, a.source_url AS "sourceUrl", a.source_domain AS "sourceDomain", a.title, a.summary, a.authors,
           a.published_at AS "publishedAt", a.modified_at AS "modifiedAt", a.section, a.topics, a.image, a.body_text AS "bodyText",
           a.word_count AS "wordCount", a.language, a.profile, a.cluster_id AS "clusterId", a.removed,
           a.version_site_id AS "versionSiteId", a.version_wp_id AS "versionWpId",
           a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.deleted_at AS "deletedAt",
           r.payload->'content'->>'rendered' AS "postHtml"
         FROM articles a LEFT JOIN raw_posts r ON r.site_id = a.version_site_id AND r.wp_id = a.version_wp_id
         WHERE a.id = $1`,
  values: [id],
});

/** The WordPress posts behind an article. */
export const postsOfArticle = (id: number): Query => ({
  text: `SELECT p.site_id AS "siteId", p.wp_id AS "wpId", s.url AS "siteUrl", p.fetched_at AS "fetchedAt", r.status
         FROM article_posts p JOIN sites s ON s.id = p.site_id LEFT JOIN raw_posts r ON r.site_id = p.site_id AND r.wp_id = p.wp_id
         WHERE p.article_id = $1 ORDER BY p.site_id, p.wp_id`,
  values: [id],
});

/** The teasers an article showed, stored apart. */
export const teasersOfArticle = (id: number): Query => ({
  text: `SELECT at.slot, at.position, t.key, t.title, t.url, t.times_seen AS "timesSeen"
         FROM article_teasers at JOIN teasers t ON t.id = at.teaser_id WHERE at.article_id = $1 ORDER BY at.position`,
  values: [id],
});

/** A raw post exactly as the REST API sent it. */
export const rawPostPayload = (siteId: number, wpId: number): Query => ({
  text: `SELECT payload::text AS payload FROM raw_posts WHERE site_id = $1 AND wp_id = $2`,
  values: [siteId, wpId],
});

/** The newest articles a site provided. */
export const articlesOfSite = (siteId: number, limit: number): Query => ({
  text: `SELECT a.id, a.title, a.published_at AS "publishedAt", a.word_count AS "wordCount", a.deleted_at AS "deletedAt"
         FROM articles a WHERE a.id IN (SELECT article_id FROM article_posts WHERE site_id = $1)
         ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT $2`,
  values: [siteId, limit],
});

/**
 * The search box's lookup: an article id, or words of a title (case-insensitive substring). Kept to this one
 * query so a full-text search can replace it in one place.
 */
export const searchArticlesByTitle = (text: string, limit: number): Query => ({
  text: `SELECT a.id, a.title, a.source_domain AS "sourceDomain", a.published_at AS "publishedAt", a.deleted_at AS "deletedAt"
         FROM articles a
         WHERE ($1 ~ '^[0-9]{1,18}$' AND a.id = $1::bigint) OR a.title ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
         ORDER BY (a.id::text = $1) DESC, a.published_at DESC NULLS LAST, a.id DESC LIMIT $2`,
  values: [text, limit],
});
