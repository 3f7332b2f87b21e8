import type { Query } from '../db/query.js';

/** Named queries over body block counts (`block_stats`, `block_sightings`) and the sources' kept article counts. */

/**
 * Records block sightings (domain, fingerprint, source URL; idempotent) and adds each new one to its block's count,
 * storing a sample text with a new block; returns the new count of every block counted (rows
 * `{ source_domain, fingerprint, articles }`).
 */
export const recordSightings = (
  domains: readonly string[],
  fingerprints: readonly string[],
  sourceUrls: readonly string[],
  samples: readonly string[],
): Query => ({
  text: `WITH added AS (
       INSERT INTO block_sightings (source_domain, fingerprint, source_url) SELECT d, f, u FROM unnest($1::text[], $2::text[], $3::text[]) AS x(d, f, u)
       ON CONFLICT DO NOTHING RETURNING source_domain, fingerprint),
     counted AS (SELECT source_domain, fingerprint, count(*)::int AS n FROM added GROUP BY 1, 2),
     samples AS (SELECT DISTINCT ON (d, f) d, f, s FROM unnest($1::text[], $2::text[], $4::text[]) AS y(d, f, s) ORDER BY d, f)
     INSERT INTO block_stats (source_domain, fingerprint, articles, sample)
     SELECT c.source_domain, c.fingerprint, c.n, s.s FROM counted c JOIN samples s ON s.d = c.source_domain AND s.f = c.fingerprint
     ORDER BY 1, 2
     ON CONFLICT (source_domain, fingerprint) DO UPDATE SET articles = block_stats.articles + EXCLUDED.articles
     RETURNING source_domain, fingerprint, articles`,
  values: [domains, fingerprints, sourceUrls, samples],
});

/**
 * The counts of a domain's blocks among the fingerprints (rows `{ fingerprint, articles }`): one primary-key
 * lookup per fingerprint. Written as `fingerprint = ANY($2)`, the planner may read every block of the domain
 * and filter them whenever its statistics say the domain is small, and they say so for any source that grew
 * since the last ANALYZE (a new source on a big database: 27,683 blocks read for 35 wanted, 15,000 buffers per
 * page, growing with the source). The lateral subquery (OFFSET 0 keeps it from being flattened into a join)
 * leaves it nothing to choose.
 */
export const blockCounts = (domain: string, fingerprints: readonly string[]): Query => ({
  text: `SELECT f AS fingerprint, b.articles FROM unnest($2::text[]) AS f,
       LATERAL (SELECT articles FROM block_stats WHERE source_domain = $1 AND fingerprint = f OFFSET 0) AS b`,
  values: [domain, fingerprints],
});

/** A source's kept article count (row `{ n }`; none before its first article). */
export const sourceArticleCount = (domain: string): Query => ({
  text: 'SELECT articles::int AS n FROM source_articles WHERE source_domain = $1',
  values: [domain],
});
