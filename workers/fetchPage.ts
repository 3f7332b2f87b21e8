import { withTransaction } from '../src/db/withTransaction.js';
import { fetchPostsPage } from '../src/fetch/fetchPostsPage.js';
import { storeRawPosts } from '../src/load/storeRawPosts.js';
import { type FetchJobData } from '../src/queues.js';
import * as q from '../src/scheduler/runQueries.js';
import { sitePoliteness } from '../src/scheduler/sourceQueries.js';
import type { AppContext } from './context.js';
import { politeFetch } from './politeFetch.js';
import { refreshTerms } from './refreshTerms.js';
import { retryTransient } from '../src/fetch/retryTransient.js';
import type { WpPost } from '../src/wpPost.js';
import { enqueuePages } from './enqueuePages.js';
import { applySiteCredentials } from './applySiteCredentials.js';
import { collectionPage } from '../src/scheduler/collectionPages.js';
import { settleIfComplete } from './processPage.js';
import { handOverPage } from './handOverPage.js';

/** Tries of a name lookup inside one fetch job. */
const NAME_LOOKUP_ATTEMPTS = 3;

export interface FetchPageResult {
  status: 'fetched' | 'empty' | 'skipped';
  posts: number;
  bytes: number;
}

interface SiteRow { id: number; url: string; apiRoot: string; perPage: number }
interface RunRow { id: number; siteId: number; kind: string; status: string; params: { before?: string; after?: string; pages?: { first: number; last: number }; collections?: string[] }; totalPages: number | null }

/**
 * Fetches one listing page and stores its posts raw before anything else happens to them, then hands the
 * page to the process queue. Safe to run twice: a page already fetched is only re-handed.
 */
export async function fetchPage(ctx: AppContext, data: FetchJobData, signal?: AbortSignal, options: { processHere?: boolean } = {}): Promise<FetchPageResult> {
  const processHere = options.processHere ?? false;
  const [site, run, state, politeness] = await Promise.all([
    one<SiteRow>(ctx, q.siteById(data.siteId)),
    one<RunRow>(ctx, q.runById(data.runId)),
    one<{ status: string }>(ctx, q.pageState(data.runId, data.page)),
    one<{ ratePerS: number | null }>(ctx, sitePoliteness(data.siteId)),
  ]);
  if (!site || !run || !state || run.status !== 'running') return { status: 'skipped', posts: 0, bytes: 0 };
  if (state.status !== 'pending') {
    if (state.status === 'fetched') await handOverPage(ctx, data, processHere);
    return { status: 'skipped', posts: 0, bytes: 0 };
  }
  await applySiteCredentials(ctx, site.id);
  // A run page number says which collection (posts, pages, a custom type) and which of its pages to read.
  const listing = collectionPage(run.params.collections, data.page);
  // Per-host rate limit and circuit breaker, shared by every fetch process (see politeFetch).
  const page = await politeFetch(ctx, { url: site.apiRoot, ratePerS: politeness?.ratePerS }, () =>
    fetchPostsPage(ctx.http, site.apiRoot, { collection: listing.collection, page: listing.page, perPage: site.perPage, orderby: 'id', order: 'asc', before: run.params.before, after: run.params.after }, signal), { signal });
  if (page.end) {
    await ctx.pool.query(q.markPageEmpty(data.runId, data.page));
    // An empty page may be the run's last one: no process job follows it to notice that.
    await settleIfComplete(ctx, data.runId);
    return { status: 'empty', posts: 0, bytes: page.bytes };
  }
  const stored = await withTransaction(ctx.pool, async (tx) => {
    const result = await storeRawPosts(tx, site.id, page.posts);
    await tx.query(q.markPageFetched(data.runId, data.page, page.posts.map((p) => p.id), page.rejected.length));
    for (const item of page.rejected) {
      await tx.query(q.insertFailure({ runId: data.runId, siteId: site.id, stage: 'fetch', page: data.page, wpId: null, reason: item.reason, message: `item ${item.index} of ${page.url}`, permanent: true }));
    }
    return result;
  });
  await resolveNames(ctx, site, page.posts, signal);
  if (listing.index === 0) await growPlanIfNeeded(ctx, run, page.totalPages, page.total);
  // Posts are held for processing only when each id is there once: of two posts with one id, the store keeps one.
  const held = stored.hashes.size === page.posts.length ? { posts: page.posts, hashes: stored.hashes } : undefined;
  if (page.posts.length > 0) await handOverPage(ctx, data, processHere, held);
  else await settleIfComplete(ctx, data.runId);
  return { status: page.posts.length > 0 ? 'fetched' : 'empty', posts: page.posts.length, bytes: page.bytes };
}

/**
 * A site that gained pages during the run (new posts sort last by id) gets the new pages planned too. Any
 * page's X-WP-TotalPages counts, not only the last planned page's: that one may have been fetched before the
 * site grew while an earlier page, fetched later, sees the growth. Planning is idempotent, so concurrent
 * jobs seeing the same growth add nothing twice. A run bounded by `--pages` keeps its bounds.
 */
async function growPlanIfNeeded(ctx: AppContext, run: RunRow, totalPages: number | undefined, total: number | undefined): Promise<void> {
  if (!totalPages || !run.totalPages || totalPages <= run.totalPages || run.params.pages) return;
  await ctx.pool.query(q.insertPages(run.id, run.totalPages + 1, totalPages));
  await ctx.pool.query('UPDATE runs SET total_pages = $2, total_posts = greatest(total_posts, $3) WHERE id = $1 AND total_pages < $2', [run.id, totalPages, total ?? 0]);
  const pages = Array.from({ length: totalPages - run.totalPages }, (_, i) => run.totalPages! + 1 + i);
  await enqueuePages(ctx, run.siteId, run.id, pages);
  ctx.log.info({ runId: run.id, from: run.totalPages, to: totalPages }, 'site grew during the run: pages added');
}

/**
 * Names of the page's categories, tags and authors, after the posts are safely stored. Best effort: a
 * lookup that keeps failing must not cost the page its attempts (the posts are what matters); the names are
 * looked up again whenever a later page refers to an id still unknown.
 */
async function resolveNames(ctx: AppContext, site: SiteRow, posts: WpPost[], signal?: AbortSignal): Promise<void> {
  try {
    await retryTransient(() => refreshTerms(ctx, site.id, site.apiRoot, posts, signal), NAME_LOOKUP_ATTEMPTS, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    ctx.log.warn({ siteId: site.id, err: error }, 'cannot resolve category, tag or author names now; will retry with a later page');
  }
}

async function one<T>(ctx: AppContext, query: { text: string; values: unknown[] }): Promise<T | undefined> {
  const result = await ctx.pool.query(query.text, query.values);
  return result.rows[0] as T | undefined;
}
