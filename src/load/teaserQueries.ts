import type { Query } from '../db/query.js';

/** Named queries over teasers (which posts showed them is kept in `post_figures`, see postFigureQueries). */

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
