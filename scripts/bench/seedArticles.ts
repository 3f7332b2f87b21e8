import pg from 'pg';
import { execute, queryAll } from '../../src/db/query.js';
import * as q from './seedQueries.js';

/** Teasers and block counts per seeded article of a source, teaser links and block sightings per article. */
const TEASERS_PER_ARTICLE = 0.1;
const BLOCK_STATS_PER_ARTICLE = 0.2;
const LINKS_PER_ARTICLE = 2;
/** Sources the seeded articles are spread over (by `sourceSizes`). */
export const SEEDED_SOURCES = 1_000;
/**
 * Every seeded source's domain ends so: the scale check compares what the backfill stored apart from them. No
 * fixture site has such a host (it is 127.0.0.1), so no seeded article is of the fixture's source.
 */
export const SEEDED_DOMAIN_SUFFIX = '.seeded.example';

/** What was seeded, and how long it took. */
export interface SeedResult {
  sources: number;
  /** Articles of the largest and of the smallest seeded source. */
  largestSource: number;
  smallestSource: number;
  articles: number;
  /** Rows of the other seeded tables, by table name. */
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Article counts of `sources` sources sharing `articles` articles as a news corpus shares them: by rank, the
 * r-th source has 1/r of the largest's (Zipf), so a few sources hold most articles and most hold few. With a
 * million articles over 1,000 sources: 133,951 in the largest, 134 in the smallest, 267 in the median one.
 */
export function sourceSizes(articles: number, sources: number): number[] {
  const count = Math.max(1, Math.min(sources, articles));
  let harmonic = 0;
  for (let rank = 1; rank <= count; rank++) harmonic += 1 / rank;
  // One article each, the rest by rank; what rounding leaves goes to the largest.
  const rest = articles - count;
  const sizes = Array.from({ length: count }, (_, i) => 1 + Math.floor(rest / (harmonic * (i + 1))));
  sizes[0]! += articles - sizes.reduce((sum, size) => sum + size, 0);
  return sizes;
}

/** The domain of the seeded source of rank `rank` (from 1). */
export function seededDomain(rank: number): string {
  return `source-${String(rank).padStart(4, '0')}${SEEDED_DOMAIN_SUFFIX}`;
}

/**
 * Bulk-loads `count` synthetic articles (set-based SQL, not ingestion) spread over `SEEDED_SOURCES` other
 * sources, each with its site and WP posts, provenance rows, teasers and their links, block counts and sightings,
 * as a long-running deployment would have them. None is of the fixture's source: a source's template decisions
 * depend on its article count (`TEMPLATE_MIN_SHARE`), so the backfill on top must store exactly what it stores
 * on an empty database, and what it costs more is the size of the database alone. The article indexes are
 * dropped for the load and built again (with the migrations' definitions), as a bulk load does.
 */
export async function seedArticles(databaseUrl: string, count: number): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const sizes = sourceSizes(count, SEEDED_SOURCES);
  try {
    await execute(client, q.raiseMaintenanceMemory());
    await execute(
      client,
      q.createSeedSources(
        sizes.map((_, i) => seededDomain(i + 1)),
        sizes,
        BLOCK_STATS_PER_ARTICLE,
        TEASERS_PER_ARTICLE,
      ),
    );
    await execute(client, q.dropArticleIndexes());
    await execute(client, q.insertSeededArticles());
    for (const create of q.createArticleIndexes()) await execute(client, create);
    await execute(client, q.insertSeededRawPosts());
    for (const insert of q.insertSeededProvenance()) await execute(client, insert);
    for (const insert of q.insertSeededTeasers()) await execute(client, insert);
    for (const link of q.linkSeededTeasers(LINKS_PER_ARTICLE)) await execute(client, link);
    for (const insert of q.insertSeededBlocks()) await execute(client, insert);
    await execute(client, q.recountSourceArticles());
    await execute(client, q.vacuumAnalyze());
    const rows = Object.fromEntries((await queryAll<{ name: string; n: string }>(client, q.seededRowCounts())).map((row) => [row.name, Number(row.n)]));
    return {
      sources: sizes.length,
      largestSource: sizes[0]!,
      smallestSource: sizes[sizes.length - 1]!,
      articles: count,
      rows,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
