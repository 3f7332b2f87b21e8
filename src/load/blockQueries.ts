import type { Query } from '../db/query.js';

/** Named queries over body block counts (`block_stats`, `article_blocks`) and the sources' kept article counts. */

/**
 * Records block sightings (domain, fingerprint, source URL; idempotent) and adds each new one to its block's count,
 * storing a sample text with a new block; returns the new count of every block counted (rows
 * `{ source_domain, fingerprint, articles }`). An article's sighted fingerprints are one `article_blocks` row;
 * the fingerprints a sighting adds to it are computed against the row as locked by the upsert (the latest
 * committed one), so a sighting recorded twice, even by two transactions at once, is counted once. Set
 * operations (EXCEPT, DISTINCT) and not `<@`: array containment compares every element with every other, and a
 * post near the size cap has some 30,000 blocks (seconds a post, uninterruptible).
 */
export const recordSightings = (
  domains: readonly string[],
  fingerprints: readonly string[],
  sourceUrls: readonly string[],
  samples: readonly string[],
): Query => ({
  text: `WITH sighted AS (
       SELECT d, u, array_agg(DISTINCT f ORDER BY f) AS fps FROM unnest($1::text[], $2::text[], $3::text[]) AS x(d, f, u) GROUP BY d, u),
     written AS (
       INSERT INTO article_blocks AS b (source_domain, source_url, fingerprints) SELECT d, u, fps FROM sighted ORDER BY d, u
       ON CONFLICT (source_domain, source_url) DO UPDATE
         SET fingerprints = ARRAY(SELECT DISTINCT f FROM unnest(b.fingerprints || EXCLUDED.fingerprints) AS f ORDER BY f),
             last_added = ARRAY(SELECT unnest(EXCLUDED.fingerprints) EXCEPT SELECT unnest(b.fingerprints))
         WHERE EXISTS (SELECT unnest(EXCLUDED.fingerprints) EXCEPT SELECT unnest(b.fingerprints))
       RETURNING b.source_domain, CASE WHEN b.xmax = 0 THEN b.fingerprints ELSE b.last_added END AS added),
     counted AS (SELECT w.source_domain, f AS fingerprint, count(*)::int AS n FROM written w, unnest(w.added) AS f GROUP BY 1, 2),
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
