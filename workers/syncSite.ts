import { withTransaction } from '../src/db/withTransaction.js';
import { fetchPostsPage, type PostsPage } from '../src/fetch/fetchPostsPage.js';
import { storeRawPosts } from '../src/load/storeRawPosts.js';
import * as q from '../src/scheduler/runQueries.js';
import { sitePoliteness } from '../src/scheduler/sourceQueries.js';
import type { WpPost } from '../src/wpPost.js';
import type { AppContext } from './context.js';
import { politeFetch } from './politeFetch.js';
import { processPosts } from './processPosts.js';
import { refreshTerms } from './refreshTerms.js';

/** Re-reads this much before the cursor: posts saved in the same second as the cursor, clock skew. */
export const SYNC_OVERLAP_MS = 5 * 60_000;

export interface SyncResult {
  runId: number;
  pages: number;
  postsSeen: number;
  postsChanged: number;
  articlesWritten: number;
  cursor: string | null;
  mode: 'modified_after' | 'after';
}

interface SiteRow { id: number; url: string; apiRoot: string; perPage: number; syncCursor: Date | null; syncMode: 'modified_after' | 'after'; ratePerS?: number | null }

/**
 * One incremental pass: posts modified since the cursor (minus an overlap), oldest first, stored raw and
 * processed page by page; unchanged posts are no-ops by content hash. The cursor advances only after the
 * posts up to it are stored. WordPress older than 5.7 ignores `modified_after`: detected (a post older than
 * the bound comes back), and the site falls back to `after` (new posts only).
 */
export async function syncSite(ctx: AppContext, siteId: number, signal?: AbortSignal): Promise<SyncResult> {
  const site = (await ctx.pool.query(q.siteById(siteId))).rows[0] as SiteRow | undefined;
  if (!site) throw new Error(`site ${siteId} does not exist`);
  site.ratePerS = ((await ctx.pool.query(sitePoliteness(siteId))).rows[0] as { ratePerS: number | null } | undefined)?.ratePerS;
  const runId = ((await ctx.pool.query(q.insertRun(site.id, 'sync', { cursor: site.syncCursor }))).rows[0] as { id: number }).id;
  await ctx.pool.query(q.startRun(runId, 0, 0));
  const newestStoredId = ((await ctx.pool.query('SELECT max(wp_id) AS id FROM raw_posts WHERE site_id = $1', [site.id])).rows[0] as { id: number | null }).id;
  const bound = site.syncCursor ? new Date(site.syncCursor.getTime() - SYNC_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  let mode = site.syncMode;
  const result: SyncResult = { runId, pages: 0, postsSeen: 0, postsChanged: 0, articlesWritten: 0, cursor: site.syncCursor?.toISOString() ?? null, mode };
  try {
    for (let page = 1; ; page++) {
      const listing = await fetchSyncPage(ctx, site, mode, bound, page, signal);
      if (mode === 'modified_after' && bound && ignoresModifiedAfter(listing.posts, bound)) {
        mode = 'after';
        await ctx.pool.query(`UPDATE sites SET sync_mode = 'after' WHERE id = $1`, [site.id]);
        ctx.log.warn({ siteId }, 'site ignores modified_after (WordPress < 5.7): falling back to after');
        page = 0;
        continue;
      }
      if (listing.end || listing.posts.length === 0) break;
      await storeAndProcess(ctx, site, runId, page, listing.posts, result, signal);
      result.cursor = maxModified(listing.posts, result.cursor);
      await ctx.pool.query('UPDATE sites SET sync_cursor = $2 WHERE id = $1 AND (sync_cursor IS NULL OR sync_cursor < $2)', [site.id, result.cursor]);
      if (listing.totalPages !== undefined && page >= listing.totalPages) break;
    }
    if (newestStoredId !== null) await syncNewIds(ctx, site, runId, newestStoredId, result, signal);
    result.mode = mode;
    await ctx.pool.query('UPDATE runs SET total_posts = $2, total_pages = $3 WHERE id = $1', [runId, result.postsSeen, result.pages]);
    await ctx.pool.query(q.finishRun(runId, 'done'));
    return result;
  } catch (error) {
    await ctx.pool.query(q.finishRun(runId, 'failed', (error as Error).message));
    throw error;
  }
}

/**
 * Posts WordPress added with an old date: an aggregator dates a re-crawl by the story's publication time, and
 * WordPress then sets `modified` to that date too, so `modified_after` never returns it. New posts do get new
 * ids, so the newest ids are read (`orderby=id&order=desc`) until one already stored comes back.
 */
async function syncNewIds(ctx: AppContext, site: SiteRow, runId: number, newestStoredId: number, result: SyncResult, signal?: AbortSignal): Promise<void> {
  for (let page = 1; ; page++) {
    const listing = await politeFetch(ctx, { url: site.apiRoot, ratePerS: site.ratePerS }, () =>
      fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'id', order: 'desc' }, signal), { signal, busy: 'wait' });
    const fresh = listing.posts.filter((post) => post.id > newestStoredId);
    if (fresh.length > 0) await storeAndProcess(ctx, site, runId, result.pages + 1, fresh, result, signal);
    if (listing.end || fresh.length < listing.posts.length || listing.posts.length === 0) return;
    if (listing.totalPages !== undefined && page >= listing.totalPages) return;
  }
}

function fetchSyncPage(ctx: AppContext, site: SiteRow, mode: SiteRow['syncMode'], bound: string | undefined, page: number, signal?: AbortSignal): Promise<PostsPage> {
  // The same per-host rate limit and circuit breaker as backfill fetches; a sync waits for its slots.
  return politeFetch(ctx, { url: site.apiRoot, ratePerS: site.ratePerS }, () => fetchSyncPageNow(ctx, site, mode, bound, page, signal), { signal, busy: 'wait' });
}

function fetchSyncPageNow(ctx: AppContext, site: SiteRow, mode: SiteRow['syncMode'], bound: string | undefined, page: number, signal?: AbortSignal): Promise<PostsPage> {
  return mode === 'modified_after'
    ? fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'modified', order: 'asc', modifiedAfter: bound }, signal)
    : fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'date', order: 'asc', after: bound }, signal);
}

async function storeAndProcess(ctx: AppContext, site: SiteRow, runId: number, page: number, posts: WpPost[], result: SyncResult, signal?: AbortSignal): Promise<void> {
  await refreshTerms(ctx, site.id, site.apiRoot, posts, signal);
  const stored = await withTransaction(ctx.pool, async (tx) => {
    const counts = await storeRawPosts(tx, site.id, posts);
    await tx.query(q.insertPages(runId, page, page));
    await tx.query(q.markPageFetched(runId, page, posts.map((p) => p.id), 0));
    return counts;
  });
  const processed = await processPosts(ctx, site.id, posts.map((p) => p.id), { inTransaction: async (tx) => void (await tx.query(q.markPageProcessed(runId, page))) });
  result.pages += 1;
  result.postsSeen += posts.length;
  result.postsChanged += stored.changed;
  result.articlesWritten += processed.articlesWritten;
}

function gmtMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

function ignoresModifiedAfter(posts: WpPost[], bound: string): boolean {
  const limit = Date.parse(bound);
  return posts.some((post) => gmtMs(post.modified_gmt) <= limit);
}

function maxModified(posts: WpPost[], current: string | null): string | null {
  let best = current ? Date.parse(current) : Number.NEGATIVE_INFINITY;
  for (const post of posts) {
    const ms = gmtMs(post.modified_gmt);
    if (ms > best) best = ms;
  }
  return Number.isFinite(best) ? new Date(best).toISOString() : current;
}
