import pg from 'pg';
import { execute, queryOne } from '../../src/db/query.js';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';
import { articleIdentity } from '../../src/jobs/process/prepareArticleRow.js';
import * as q from './seedQueries.js';

/** Teasers per seeded source, links per seeded article, block counts and sightings per seeded article. */
const TEASERS_PER_ARTICLE = 0.1;
const LINKS_PER_ARTICLE = 2;
const BLOCK_STATS_PER_ARTICLE = 0.2;
const SIGHTINGS_PER_ARTICLE = 1;

/** What was seeded, and how long it took. */
export interface SeedResult {
  domain: string;
  articles: number;
  teasers: number;
  links: number;
  blockStats: number;
  sightings: number;
  seconds: number;
}

/**
 * The source domain the fixture site's articles are stored under: the seeded articles go to the same source,
 * so every per-source cost (its article count, its block counts, its teasers) meets a million articles.
 */
export async function fixtureSourceDomain(siteUrl: string): Promise<string> {
  const response = await fetch(new URL('wp-json/wp/v2/posts?per_page=1', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`));
  const [post] = (await response.json()) as WpPost[];
  if (!post) throw new Error(`${siteUrl} lists no post`);
  return articleIdentity(extractArticle(post, { site: siteUrl, terms: EMPTY_TERM_NAMES })).sourceDomain;
}

/**
 * Bulk-loads `count` synthetic articles of `domain` (set-based SQL, not ingestion), with teasers and their
 * article links, block counts and sightings, as a long-running deployment would have them. The article
 * indexes are dropped for the load and built again (with the migrations' definitions), as a bulk load does.
 */
export async function seedArticles(databaseUrl: string, domain: string, count: number): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const teasers = Math.max(1, Math.round(count * TEASERS_PER_ARTICLE));
  const blockStats = Math.max(1, Math.round(count * BLOCK_STATS_PER_ARTICLE));
  try {
    await execute(client, q.raiseMaintenanceMemory());
    await execute(client, q.dropArticleIndexes());
    await execute(client, q.insertSeededArticles(domain, count, blockStats));
    for (const create of q.createArticleIndexes()) await execute(client, create);
    await execute(client, q.insertSeededTeasers(domain, teasers));
    const teaserIds = (await queryOne<{ min: string; max: string }>(client, q.teaserIdRange()))!;
    await execute(client, q.linkSeededTeasers(teaserIds.min, Number(teaserIds.max) - Number(teaserIds.min) + 1, LINKS_PER_ARTICLE));
    await execute(client, q.insertSeededBlockStats(domain, blockStats));
    await execute(client, q.insertSeededSightings(domain, Math.round(count * SIGHTINGS_PER_ARTICLE), blockStats));
    await execute(client, q.recountSourceArticles());
    await execute(client, q.vacuumAnalyze());
    const links = Number((await queryOne<{ n: string }>(client, q.articleTeaserCount()))!.n);
    return { domain, articles: count, teasers, links, blockStats, sightings: Math.round(count * SIGHTINGS_PER_ARTICLE), seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
