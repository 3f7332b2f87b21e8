import type { Query } from '../db/query.js';

/** Named queries over teasers and their links to posts and articles. */

/** A teaser as stored once per source domain. */
export interface TeaserInput {
  domain: string;
  key: string;
  ref: string;
  title: string;
  url: string | null;
  imageUrl: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * Inserts teasers, or widens a stored one's first/last seen, fills its missing image or URL and keeps the better
 * ref (`ref_rank`); a row that would change nothing is not updated.
 */
export const upsertTeasers = (teasers: readonly TeaserInput[]): Query => ({
  text: `INSERT INTO teasers (source_domain, key, title, url, image_url, first_seen, last_seen, ref)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[])
     ON CONFLICT (source_domain, key) DO UPDATE SET
       first_seen = least(teasers.first_seen, EXCLUDED.first_seen), last_seen = greatest(teasers.last_seen, EXCLUDED.last_seen),
       image_url = coalesce(teasers.image_url, EXCLUDED.image_url), url = coalesce(teasers.url, EXCLUDED.url),
       ref = CASE WHEN ref_rank(EXCLUDED.ref, teasers.ref) THEN EXCLUDED.ref ELSE teasers.ref END
     WHERE EXCLUDED.first_seen < teasers.first_seen OR EXCLUDED.last_seen > teasers.last_seen
        OR (teasers.image_url IS NULL AND EXCLUDED.image_url IS NOT NULL) OR (teasers.url IS NULL AND EXCLUDED.url IS NOT NULL)
        OR ref_rank(EXCLUDED.ref, teasers.ref)`,
  values: [
    teasers.map((t) => t.domain),
    teasers.map((t) => t.key),
    teasers.map((t) => t.title),
    teasers.map((t) => t.url),
    teasers.map((t) => t.imageUrl),
    teasers.map((t) => t.firstSeen),
    teasers.map((t) => t.lastSeen),
    teasers.map((t) => t.ref),
  ],
});

/** The ids of teasers given by domain and key (rows `{ id, source_domain, key }`). */
export const teaserIds = (teasers: readonly TeaserInput[]): Query => ({
  text: `SELECT t.id, t.source_domain, t.key FROM teasers t JOIN unnest($1::text[], $2::text[]) AS u(d, k) ON t.source_domain = u.d AND t.key = u.k`,
  values: [teasers.map((t) => t.domain), teasers.map((t) => t.key)],
});

/** Links posts to the teasers they showed (site id, wp id, teaser id), counting each new link in `times_seen`. */
export const linkPostTeasers = (links: ReadonlyArray<readonly [number, number, number]>): Query => ({
  text: `WITH added AS (
       INSERT INTO post_teasers (site_id, wp_id, teaser_id) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])
       ON CONFLICT DO NOTHING RETURNING teaser_id)
     UPDATE teasers t SET times_seen = t.times_seen + a.n FROM (SELECT teaser_id, count(*)::int AS n FROM added GROUP BY teaser_id) a WHERE t.id = a.teaser_id`,
  values: [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
});

/** Which of the (article id, site id, wp id) triples are their article's current version (rows `{ id, site_id, wp_id }`). */
export const currentVersions = (articleIds: readonly number[], siteIds: readonly number[], wpIds: readonly number[]): Query => ({
  text: `SELECT a.id, u.site_id, u.wp_id FROM articles a JOIN unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS u(id, site_id, wp_id)
       ON a.id = u.id AND a.version_site_id = u.site_id AND a.version_wp_id = u.wp_id`,
  values: [articleIds, siteIds, wpIds],
});

/** An article's link to a teaser: article id, teaser id, slot, position. */
export type ArticleTeaserLink = [articleId: number, teaserId: number, slot: string, position: number];

/** Deletes the teaser links of the articles that are not among `links`. */
export const deleteStaleArticleTeasers = (articleIds: readonly number[], links: readonly ArticleTeaserLink[]): Query => ({
  text: `DELETE FROM article_teasers at USING unnest($1::bigint[]) AS a(id)
       WHERE at.article_id = a.id AND NOT EXISTS (SELECT 1 FROM unnest($2::bigint[], $3::bigint[]) AS l(a, t) WHERE l.a = at.article_id AND l.t = at.teaser_id)`,
  values: [articleIds, links.map((l) => l[0]), links.map((l) => l[1])],
});

/** Inserts article-teaser links, or moves a stored one to its new slot and position. */
export const upsertArticleTeasers = (links: readonly ArticleTeaserLink[]): Query => ({
  text: `INSERT INTO article_teasers (article_id, teaser_id, slot, position) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[])
     ON CONFLICT (article_id, teaser_id) DO UPDATE SET slot = EXCLUDED.slot, position = EXCLUDED.position
     WHERE (article_teasers.slot, article_teasers.position) <> (EXCLUDED.slot, EXCLUDED.position)`,
  values: [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2]), links.map((l) => l[3])],
});
