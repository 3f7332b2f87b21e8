import type { PoolClient } from '../db/createPool.js';
import { queryAll, queryOne } from '../db/query.js';
import { blockCounts, recordSightings, sourceArticleCount } from './blockQueries.js';

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
  const rows = await queryAll<{ source_domain: string; fingerprint: string; articles: number }>(
    client,
    recordSightings(
      sorted.map((s) => s.sourceDomain),
      sorted.map((s) => s.fingerprint),
      sorted.map((s) => s.sourceUrl),
      sorted.map((s) => s.sample.slice(0, 200)),
    ),
  );
  return new Map(rows.map((row) => [blockStatKey(row.source_domain, row.fingerprint), row.articles]));
}

/** Block counts and domain article counts for the given fingerprints: the template detector's input. */
export async function readBlockStats(
  client: PoolClient,
  domain: string,
  fingerprints: readonly string[],
): Promise<{ counts: Map<string, number>; domainArticles: number }> {
  const stats = fingerprints.length === 0 ? [] : await queryAll<{ fingerprint: string; articles: number }>(client, blockCounts(domain, fingerprints));
  // The kept count (see countSourceArticles), not a count(*) that grows with the source.
  const total = await queryOne<{ n: number }>(client, sourceArticleCount(domain));
  return { counts: new Map(stats.map((row) => [row.fingerprint, row.articles])), domainArticles: total?.n ?? 0 };
}
