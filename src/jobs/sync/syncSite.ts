import { execute, queryOne } from '../../db/query.js';
import { withTransaction } from '../../db/withTransaction.js';
import { fetchPostsPage, type PostsPage } from '../../fetch/fetchPostsPage.js';
import { storeRawPosts } from '../../load/storeRawPosts.js';
import * as q from '../../scheduler/runQueries.js';
import { lockSiteSync, tryLockSiteSync, type SiteSyncLock } from '../../scheduler/siteSyncLock.js';
import { advanceSyncCursor, setSyncModeAfter } from '../../scheduler/siteQueries.js';
import { sitePoliteness, type SitePolitenessRow } from '../../scheduler/sourceQueries.js';
import type { WpPost } from '../../wpPost.js';
import type { AppContext } from '../context.js';
import { politeFetch } from '../fetch/politeFetch.js';
import { applySiteCredentials } from '../site/applySiteCredentials.js';
import { processPosts } from '../process/processPosts.js';
import { refreshTerms } from '../fetch/refreshTerms.js';
import { withUtcZone } from '../../withUtcZone.js';
import { newestStoredPostId } from './syncQueries.js';

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

type SiteRow = q.SiteRow & { ratePerS?: number | null };

/**
 * How far before the last post of a page the next listing starts: WordPress compares whole seconds and
 * strictly (`modified_after` is "later than"), so one second back re-lists the posts that share the last
 * post's second, and the ones already handled are skipped.
 */
export const KEYSET_MARGIN_MS = 1_000;

type SyncMode = SiteRow['syncMode'];

/**
 * One incremental pass: posts modified since the cursor (minus an overlap), oldest first, stored raw and
 * processed page by page; unchanged posts are no-ops by content hash. The cursor advances only after the
 * posts up to it are stored. WordPress older than 5.7 ignores `modified_after`: detected (a post older than
 * the bound comes back), and the site falls back to `after` (new posts only). Two syncs of one site never
 * overlap: this one waits for a sync of the site already running (in any process) to end.
 */
export async function syncSite(ctx: AppContext, siteId: number, signal?: AbortSignal): Promise<SyncResult> {
  const lock = await lockSiteSync({ databaseUrl: ctx.config.databaseUrl, log: ctx.log }, siteId, signal);
  return syncHoldingLock(ctx, siteId, lock, signal);
}

/**
 * A scheduled sync: skipped (null) when a sync of the site is already running, since that one reads the same
 * posts and the next period follows soon; waiting would hold a control worker slot for nothing.
 */
export async function syncSiteUnlessRunning(ctx: AppContext, siteId: number, signal?: AbortSignal): Promise<SyncResult | null> {
  const lock = await tryLockSiteSync({ databaseUrl: ctx.config.databaseUrl, log: ctx.log }, siteId);
  if (!lock) {
    ctx.log.info({ siteId }, 'sync skipped: a sync of this site is already running');
    return null;
  }
  return syncHoldingLock(ctx, siteId, lock, signal);
}

async function syncHoldingLock(ctx: AppContext, siteId: number, lock: SiteSyncLock, signal?: AbortSignal): Promise<SyncResult> {
  try {
    return await syncUnlocked(ctx, siteId, signal);
  } finally {
    await lock.release();
  }
}

async function syncUnlocked(ctx: AppContext, siteId: number, signal?: AbortSignal): Promise<SyncResult> {
  const site: SiteRow | null = await queryOne<q.SiteRow>(ctx.pool, q.siteById(siteId));
  if (!site) throw new Error(`site ${siteId} does not exist`);
  await applySiteCredentials(ctx, siteId);
  site.ratePerS = (await queryOne<SitePolitenessRow>(ctx.pool, sitePoliteness(siteId)))?.ratePerS;
  const runId = (await queryOne<q.RunIdRow>(ctx.pool, q.insertRun(site.id, 'sync', { cursor: site.syncCursor })))!.id;
  await execute(ctx.pool, q.startRun(runId, 0, 0));
  const newestStoredId = (await queryOne<{ id: number | null }>(ctx.pool, newestStoredPostId(site.id)))!.id;
  const bound = site.syncCursor ? isoSeconds(site.syncCursor.getTime() - SYNC_OVERLAP_MS) : undefined;
  const result: SyncResult = {
    runId,
    pages: 0,
    postsSeen: 0,
    postsChanged: 0,
    articlesWritten: 0,
    cursor: site.syncCursor?.toISOString() ?? null,
    mode: site.syncMode,
  };
  try {
    result.mode = await syncChangedPosts(ctx, site, runId, bound, result, signal);
    if (newestStoredId !== null) await syncNewIds(ctx, site, runId, newestStoredId, result, signal);
    await execute(ctx.pool, q.setRunTotals(runId, result.postsSeen, result.pages));
    await execute(ctx.pool, q.finishRun(runId, 'done'));
    return result;
  } catch (error) {
    await execute(ctx.pool, q.finishRun(runId, 'failed', (error as Error).message));
    throw error;
  }
}

/**
 * Reads every post changed after `bound` by keyset paging, not page numbers: a post edited (or deleted)
 * mid-sync moves in the order and would shift a post from an unread page onto a read one. After each page
 * the listing starts again at page 1, from the last post's time minus `KEYSET_MARGIN_MS`, skipping the posts
 * this pass already handled at the same modified time; it ends when a listing's last page was read. Only
 * when more than a page of posts share one second does it page by number within that second. That is the
 * limit: there, an edit or delete of a post of that second mid-sync, or WordPress ordering the tied posts
 * differently between requests (it has no tie-break), can still skip one of them, and the cursor may pass it.
 * Returns the mode the site ended in.
 */
async function syncChangedPosts(
  ctx: AppContext,
  site: SiteRow,
  runId: number,
  bound: string | undefined,
  result: SyncResult,
  signal?: AbortSignal,
): Promise<SyncMode> {
  let mode = site.syncMode;
  const handled = new Map<number, string | null | undefined>();
  let from = bound;
  for (let page = 1; ;) {
    const listing = await fetchSyncPage(ctx, site, mode, from, page, signal);
    if (mode === 'modified_after' && from && ignoresModifiedAfter(listing.posts, from)) {
      mode = 'after';
      await execute(ctx.pool, setSyncModeAfter(site.id));
      ctx.log.warn({ siteId: site.id }, 'site ignores modified_after (WordPress < 5.7): falling back to after');
      [from, page] = [bound, 1];
      continue;
    }
    if (listing.end || listing.posts.length === 0) return mode;
    const fresh = listing.posts.filter((post) => !handled.has(post.id) || handled.get(post.id) !== post.modified_gmt);
    if (fresh.length > 0) {
      await storeAndProcess(ctx, site, runId, result.pages + 1, fresh, result, signal);
      for (const post of fresh) handled.set(post.id, post.modified_gmt);
      result.cursor = maxModified(fresh, result.cursor);
      await execute(ctx.pool, advanceSyncCursor(site.id, result.cursor));
    }
    if (listing.totalPages !== undefined && page >= listing.totalPages) return mode;
    const next = nextKeysetBound(listing.posts, mode);
    if (next !== undefined && (from === undefined || Date.parse(next) > Date.parse(from))) [from, page] = [next, 1];
    else page += 1;
  }
}

/**
 * Posts WordPress added with an old date: an aggregator dates a re-crawl by the story's publication time, and
 * WordPress then sets `modified` to that date too, so `modified_after` never returns it. New posts do get new
 * ids, so the newest ids are read (`orderby=id&order=desc`) until one already stored comes back. WordPress has
 * no id bound to page by key, so when the total drops (a post was deleted, which moves later ids back onto
 * pages already read) the pass reads from the top again, skipping the posts it already handled.
 */
async function syncNewIds(ctx: AppContext, site: SiteRow, runId: number, newestStoredId: number, result: SyncResult, signal?: AbortSignal): Promise<void> {
  const handled = new Set<number>();
  let total: number | undefined;
  for (let page = 1; ; page++) {
    const listing = await politeFetch(
      ctx,
      { url: site.apiRoot, ratePerS: site.ratePerS },
      () => fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'id', order: 'desc' }, signal),
      { signal, busy: 'wait' },
    );
    const shrank = total !== undefined && listing.total !== undefined && listing.total < total;
    total = listing.total ?? total;
    if (shrank && page > 1) {
      page = 0;
      continue;
    }
    const newer = listing.posts.filter((post) => post.id > newestStoredId);
    const fresh = newer.filter((post) => !handled.has(post.id));
    if (fresh.length > 0) await storeAndProcess(ctx, site, runId, result.pages + 1, fresh, result, signal);
    for (const post of fresh) handled.add(post.id);
    if (listing.end || newer.length < listing.posts.length || listing.posts.length === 0) return;
    if (listing.totalPages !== undefined && page >= listing.totalPages) return;
  }
}

function fetchSyncPage(ctx: AppContext, site: SiteRow, mode: SyncMode, bound: string | undefined, page: number, signal?: AbortSignal): Promise<PostsPage> {
  // The same per-host rate limit and circuit breaker as backfill fetches; a sync waits for its slots.
  return politeFetch(ctx, { url: site.apiRoot, ratePerS: site.ratePerS }, () => fetchSyncPageNow(ctx, site, mode, bound, page, signal), {
    signal,
    busy: 'wait',
  });
}

function fetchSyncPageNow(ctx: AppContext, site: SiteRow, mode: SyncMode, bound: string | undefined, page: number, signal?: AbortSignal): Promise<PostsPage> {
  return mode === 'modified_after'
    ? fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'modified', order: 'asc', modifiedAfter: bound }, signal)
    : fetchPostsPage(ctx.http, site.apiRoot, { page, perPage: site.perPage, orderby: 'date', order: 'asc', after: bound }, signal);
}

async function storeAndProcess(
  ctx: AppContext,
  site: SiteRow,
  runId: number,
  page: number,
  posts: WpPost[],
  result: SyncResult,
  signal?: AbortSignal,
): Promise<void> {
  await refreshTerms(ctx, site.id, site.apiRoot, posts, signal);
  const stored = await withTransaction(ctx.pool, async (tx) => {
    const counts = await storeRawPosts(tx, site.id, posts);
    await execute(tx, q.insertPages(runId, page, page));
    await execute(
      tx,
      q.markPageFetched(
        runId,
        page,
        posts.map((p) => p.id),
        0,
      ),
    );
    return counts;
  });
  const processed = await processPosts(
    ctx,
    site.id,
    posts.map((p) => p.id),
    { inTransaction: async (tx) => void (await execute(tx, q.markPageProcessed(runId, page))) },
  );
  result.pages += 1;
  result.postsSeen += posts.length;
  result.postsChanged += stored.changed;
  result.articlesWritten += processed.articlesWritten;
}

/** Where the next keyset listing starts: the last post's ordering time (modified, or date in `after` mode) minus the margin. */
function nextKeysetBound(posts: WpPost[], mode: SyncMode): string | undefined {
  const last = posts[posts.length - 1];
  const ms = gmtMs(mode === 'modified_after' ? last?.modified_gmt : last?.date_gmt);
  return Number.isFinite(ms) ? isoSeconds(ms - KEYSET_MARGIN_MS) : undefined;
}

/** An ISO time in whole seconds, as WordPress takes it. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function gmtMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(withUtcZone(value));
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
