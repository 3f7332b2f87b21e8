import type { ExtractedArticle } from '../../src/article.js';
import { createPool, type PoolClient } from '../../src/db/createPool.js';
import { queryOne } from '../../src/db/query.js';
import { blockFingerprintsForStats } from '../../src/dedupe/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { fetchPostsPage } from '../../src/fetch/fetchPostsPage.js';
import { createHttpClient } from '../../src/fetch/httpClient.js';
import type { ArticleRow } from '../../src/load/articleRow.js';
import { markPostsProcessed } from '../../src/load/markPostsProcessed.js';
import { readBlockStats, recordBlockSightings } from '../../src/load/recordBlockSightings.js';
import { storeRawPosts } from '../../src/load/storeRawPosts.js';
import { createLogger } from '../../src/log.js';
import { renderedField } from '../../src/wpPost.js';
import { createTestDatabase } from '../../test/helpers/testDatabase.js';
import { loadPostInputs, type StoredPost } from '../../src/jobs/process/loadPostInputs.js';
import { prepareArticleRow } from '../../src/jobs/process/prepareArticleRow.js';
import { loadRows, processedHash } from '../../src/jobs/process/processPosts.js';
import { refreshTerms } from '../../src/jobs/fetch/refreshTerms.js';
import { blockSightings, domainCandidates, groupByDomain } from '../../src/jobs/process/templateDecision.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { backendPid } from './benchQueries.js';
import { createStageMeter, type Stage, type StageCost } from './stageMeter.js';

/** Posts per listing page, as backfills ask for. */
const PER_PAGE = 100;

/** The stage profile: what each stage costs per post when run alone, page by page, over the same posts. */
export interface StageProfile {
  posts: number;
  costs: Map<Stage, StageCost>;
}

interface Extracted {
  stored: StoredPost;
  article: ExtractedArticle;
}

/**
 * Runs every stage function directly on the first `posts` posts of the site, one page at a time and one stage
 * after the other, into a fresh database: the same calls the fetch and process workers make (see
 * src/jobs/fetch/fetchPage.ts and src/jobs/process/processPosts.ts), without queues or concurrency, so that each stage's cost
 * can be read on its own. Postgres stages are charged the CPU of the backend that ran them.
 */
export async function profileStages(siteUrl: string, posts: number): Promise<StageProfile> {
  const db = await createTestDatabase('benchprofile');
  const pool = createPool(db.databaseUrl, () => undefined, 2);
  const http = createHttpClient({ userAgent: 'wpingest-bench' });
  const meter = createStageMeter();
  const client = await pool.connect();
  try {
    const backend = (await queryOne<{ pid: number }>(client, backendPid()))!.pid;
    const ctx = { pool, http, log: createLogger('silent') };
    const { siteId, apiRoot } = await registerSite(ctx, siteUrl);
    let profiled = 0;
    for (let page = 1; profiled < posts; page++) {
      const listing = await meter.time('fetch', () => fetchPostsPage(http, apiRoot, { page, perPage: PER_PAGE, orderby: 'id', order: 'asc' }));
      if (listing.end || listing.posts.length === 0) break;
      const text = await rawBody(http, listing.url);
      await meter.time('json-parse', () => JSON.parse(text) as unknown);
      await meter.time('terms', () => refreshTerms(ctx, siteId, apiRoot, listing.posts));
      await meter.time('raw-store', () => inTransaction(client, () => storeRawPosts(client, siteId, listing.posts)), backend);
      const ids = listing.posts.map((post) => post.id);
      const inputs = await meter.time('raw-read', () => loadPostInputs(client, siteId, ids, null), backend);
      const extracted = await meter.time('extract', () =>
        inputs.posts.map((stored) => ({ stored, article: extractArticle(stored.post, { site: inputs.siteUrl, terms: inputs.terms }) })),
      );
      const rows = await dedupe(meter, client, backend, siteId, extracted);
      await meter.time(
        'load',
        () =>
          inTransaction(client, async () => {
            await loadRows(client, rows);
            await markPostsProcessed(
              client,
              siteId,
              extracted.map((e) => ({ wpId: e.stored.wpId, hash: processedHash(e.stored.contentHash) })),
              [],
            );
          }),
        backend,
      );
      profiled += listing.posts.length;
    }
    // fetchPostsPage parses the JSON itself: report the HTTP part without it.
    const fetch = meter.costs.get('fetch')!;
    const parse = meter.costs.get('json-parse')!;
    meter.costs.set('fetch', { cpuMs: Math.max(0, fetch.cpuMs - parse.cpuMs), pgCpuMs: 0, wallMs: Math.max(0, fetch.wallMs - parse.wallMs) });
    return { posts: profiled, costs: meter.costs };
  } finally {
    client.release();
    await pool.end();
    await http.close();
    await db.drop();
  }
}

/** The dedupe steps of processPosts: block sightings and template counts (Postgres), then the row keys (pure). */
async function dedupe(
  meter: ReturnType<typeof createStageMeter>,
  client: PoolClient,
  backend: number,
  siteId: number,
  extracted: Extracted[],
): Promise<ArticleRow[]> {
  const counting = await meter.time('dedupe-prep', () => extracted.map((item) => ({ ...item, statsFingerprints: blockFingerprintsForStats(item.article) })));
  const sightings = await meter.time('dedupe-prep', () => blockSightings(counting));
  const counted = await meter.time('dedupe-stats', () => recordBlockSightings(client, sightings), backend);
  const byDomain = await meter.time('dedupe-prep', () => groupByDomain(counting));
  const rows: ArticleRow[] = [];
  for (const [domain, items] of byDomain) {
    const candidates = await meter.time('dedupe-prep', () => domainCandidates(domain, items, counted));
    const { counts, domainArticles } = await meter.time('dedupe-stats', () => readBlockStats(client, domain, candidates.unknown), backend);
    await meter.time('dedupe-prep', () => {
      const template = candidates.templateBlocks(counts, domainArticles);
      for (const { stored, article } of items) rows.push(prepareArticleRow(article, siteId, template, renderedField(stored.post.content).length));
    });
  }
  return rows;
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The listing body as text, fetched again outside the timings, to time JSON.parse on its own. */
async function rawBody(http: ReturnType<typeof createHttpClient>, url: string): Promise<string> {
  const target = new URL(url);
  const response = await http.agent.request({
    origin: target.origin,
    path: target.pathname + target.search,
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  return response.body.text();
}
