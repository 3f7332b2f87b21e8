import type { PoolClient } from '../db/createPool.js';

/** One article's body block fingerprints, counted once per source article. */
export interface BlockSighting {
  sourceDomain: string;
  sourceUrl: string;
  fingerprint: string;
  sample: string;
}

/** Key of a block's count in the maps below: source domain and fingerprint. */
export function blockStatKey(sourceDomain: string, fingerprint: string): string {
  return `${sourceDomain}\u0000${fingerprint}`;
}

/**
 * Counts in how many distinct source articles of a domain each block appears (idempotent), and returns the new
 * count of every block this call counted (keyed by `blockStatKey`): the caller needs no second lookup for them.
 * A sighting already recorded (the same article processed again) changes nothing and is not in the result.
 */
export async function recordBlockSightings(client: PoolClient, sightings: readonly BlockSighting[]): Promise<Map<string, number>> {
  if (sightings.length === 0) return new Map();
  const sorted = [...sightings].sort((a, b) => (a.sourceDomain + a.fingerprint + a.sourceUrl < b.sourceDomain + b.fingerprint + b.sourceUrl ? -1 : 1));
  const result = await client.query(
    `WITH added AS (
       INSERT INTO block_sightings (source_domain, fingerprint, source_url) SELECT d, f, u FROM unnest($1::text[], $2::text[], $3::text[]) AS x(d, f, u)
       ON CONFLICT DO NOTHING RETURNING source_domain, fingerprint),
     counted AS (SELECT source_domain, fingerprint, count(*)::int AS n FROM added GROUP BY 1, 2),
     samples AS (SELECT DISTINCT ON (d, f) d, f, s FROM unnest($1::text[], $2::text[], $4::text[]) AS y(d, f, s) ORDER BY d, f)
     INSERT INTO block_stats (source_domain, fingerprint, articles, sample)
     SELECT c.source_domain, c.fingerprint, c.n, s.s FROM counted c JOIN samples s ON s.d = c.source_domain AND s.f = c.fingerprint
     ORDER BY 1, 2
     ON CONFLICT (source_domain, fingerprint) DO UPDATE SET articles = block_stats.articles + EXCLUDED.articles
     RETURNING source_domain, fingerprint, articles`,
    [sorted.map((s) => s.sourceDomain), sorted.map((s) => s.fingerprint), sorted.map((s) => s.sourceUrl), sorted.map((s) => s.sample.slice(0, 200))],
  );
  const rows = result.rows as Array<{ source_domain: string; fingerprint: string; articles: number }>;
  return new Map(rows.map((row) => [blockStatKey(row.source_domain, row.fingerprint), row.articles]));
}

/** Block counts and domain article counts for the given fingerprints: the template detector's input. */
export async function readBlockStats(client: PoolClient, domain: string, fingerprints: readonly string[]): Promise<{ counts: Map<string, number>; domainArticles: number }> {
  const stats = fingerprints.length === 0
    ? { rows: [] }
    : await client.query<{ fingerprint: string; articles: number }>('SELECT fingerprint, articles FROM block_stats WHERE source_domain = $1 AND fingerprint = ANY($2::text[])', [domain, fingerprints]);
  // The kept count (see countSourceArticles), not a count(*) that grows with the source.
  const total = await client.query<{ n: number }>('SELECT articles::int AS n FROM source_articles WHERE source_domain = $1', [domain]);
  return { counts: new Map(stats.rows.map((row) => [row.fingerprint, row.articles])), domainArticles: total.rows[0]?.n ?? 0 };
}
