import { execute, queryOne } from '../../db/query.js';
import { withTransaction } from '../../db/withTransaction.js';
import { fetchPostsListing } from '../../fetch/fetchPostsPage.js';
import { type FetchJobData } from '../../queues.js';
import * as q from '../../scheduler/runQueries.js';
import { sitePoliteness, type SitePolitenessRow } from '../../scheduler/sourceQueries.js';
import type { AppContext } from '../context.js';
import { politeFetch } from './politeFetch.js';
import { refreshTerms } from './refreshTerms.js';
import { retryTransient } from '../../fetch/retryTransient.js';
import { enqueuePages } from '../backfill/enqueuePages.js';
import { applySiteCredentials } from '../site/applySiteCredentials.js';
import { collectionPage, runPageNumber } from '../../scheduler/collectionPages.js';
import { watchRunCancelled } from './watchRunCancelled.js';
import { plausiblePages } from '../../scheduler/plausiblePages.js';
import { recordImplausibleTotal } from '../backfill/startBackfill.js';
import { settleIfComplete } from '../process/processPage.js';
import { handOverPage } from './handOverPage.js';
import { storeListing, type NameRefs } from './storeListing.js';
import { MAX_POST_BYTES } from '../../fetch/listingPosts.js';

/** Most pages one fetched page can add to its run's plan (a site that grew; or one whose total lies). */
const GROWTH_STEP_PAGES = 1_000;

/** Pages a listing may end short of its announced total (posts deleted during the run) before that is recorded. */
const MISMATCH_SLACK_PAGES = 10;

/**
 * Largest page (body bytes) whose parsed posts are held for processing in memory (see handOverPage): an ordinary
 * page of 100 posts. A larger one is processed from the raw store in slices, so neither its fetch nor its
 * processing holds it parsed whole; held pages wait for their processing outside the heap share of post work.
 */
const HOLD_MAX_BYTES = 4 * 1024 * 1024;

/** Tries of a name lookup inside one fetch job. */
const NAME_LOOKUP_ATTEMPTS = 3;

export interface FetchPageResult {
  status: 'fetched' | 'empty' | 'skipped';
  posts: number;
  bytes: number;
}

/**
 * Fetches one listing page and stores its posts raw before anything else happens to them, then hands the
 * page to the process queue. Safe to run twice: a page already fetched is only re-handed.
 */
export async function fetchPage(ctx: AppContext, data: FetchJobData, signal?: AbortSignal, options: { processHere?: boolean } = {}): Promise<FetchPageResult> {
  const processHere = options.processHere ?? false;
  const [site, run, state, politeness] = await Promise.all([
    queryOne<q.SiteRow>(ctx.pool, q.siteById(data.siteId)),
    queryOne<q.RunRow>(ctx.pool, q.runById(data.runId)),
    queryOne<q.PageStateRow>(ctx.pool, q.pageState(data.runId, data.page)),
    queryOne<SitePolitenessRow>(ctx.pool, sitePoliteness(data.siteId)),
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
  const watch = watchRunCancelled(ctx, data.runId, signal);
  let page;
  try {
    page = await politeFetch(
      ctx,
      { url: site.apiRoot, ratePerS: politeness?.ratePerS },
      () =>
        fetchPostsListing(
          ctx.http,
          site.apiRoot,
          {
            collection: listing.collection,
            page: listing.page,
            perPage: site.perPage,
            orderby: 'id',
            order: 'asc',
            before: run.params.before,
            after: run.params.after,
          },
          watch.signal,
        ),
      { signal },
    );
  } catch (error) {
    // Cancelled mid-request: the request is dropped, its slot and host place freed, and nothing is recorded.
    if (watch.cancelled()) return { status: 'skipped', posts: 0, bytes: 0 };
    throw error;
  } finally {
    watch.stop();
  }
  if (page.end) {
    await execute(ctx.pool, q.markPageEmpty(data.runId, data.page));
    // Past the site's real end, so are the pages after it: a total that lied (or shrank) costs no more requests.
    // Only this collection's pages: the pages of a run's other collections are numbered in blocks after it.
    await execute(ctx.pool, q.markPagesEmptyBetween(data.runId, data.page, runPageNumber(listing.index + 1, 0)));
    const announced = (await queryOne<q.RunRow>(ctx.pool, q.runById(data.runId)))?.totalPages ?? 0;
    if (listing.index === 0 && announced > 2 * data.page + MISMATCH_SLACK_PAGES) {
      // Far more pages were announced than the listing has (deleted posts shift a few, never this many): recorded.
      if (!(await queryOne(ctx.pool, q.implausibleTotalRecorded(run.id))))
        await recordImplausibleTotal(ctx, {
          runId: run.id,
          siteId: run.siteId,
          page: data.page,
          message: `the site announced ${announced} pages; its listing ends before page ${data.page}`,
        });
    }
    // An empty page may be the run's last one: no process job follows it to notice that.
    await settleIfComplete(ctx, data.runId);
    return { status: 'empty', posts: 0, bytes: page.bytes };
  }
  // Each post is parsed as it is stored: a page near the size cap is held as its bytes and a batch of posts.
  const intake = await storeListing(ctx, site.id, page.posts, page.bytes <= HOLD_MAX_BYTES);
  // Only the page's figures from here: its body (up to the size cap) is let go before the page is processed.
  const { url: pageUrl, total, totalPages, bytes } = page;
  page = undefined;
  // fetched_at says when the posts were stored, not when their names were resolved.
  const storedAt = new Date();
  // Names first, then the page is marked fetched: a fetched page is what the reconcile loop hands to the process
  // queue, and a post processed before its category and author names are known would be stored without them.
  await resolveNames(ctx, site, intake.names, signal);
  await withTransaction(ctx.pool, async (tx) => {
    await execute(tx, q.markPageFetched(data.runId, data.page, intake.ids, intake.rejected.length, storedAt));
    for (const item of intake.rejected) {
      await execute(
        tx,
        q.insertFailure({
          runId: data.runId,
          siteId: site.id,
          stage: 'fetch',
          page: data.page,
          wpId: item.wpId ?? null,
          reason: item.reason,
          message: `item ${item.index} of ${pageUrl}: ${REJECTION_MEANING[item.reason] ?? item.reason}`,
          permanent: true,
        }),
      );
    }
  });
  if (intake.rejected.length > 0)
    ctx.log.warn({ runId: data.runId, page: data.page, rejected: intake.rejected }, 'posts of the page rejected alone; the rest stored');
  // Growth is planned from the first collection's pages (run.totalPages counts them).
  if (listing.index === 0) await growPlanIfNeeded(ctx, run, data.page, totalPages, total, site.perPage);
  // Posts are held for processing only when each id is there once: of two posts with one id, the store keeps one.
  const held = intake.held && intake.hashes.size === intake.ids.length ? { posts: intake.held, hashes: intake.hashes } : undefined;
  if (intake.ids.length > 0) await handOverPage(ctx, data, processHere, held);
  else await settleIfComplete(ctx, data.runId);
  return { status: intake.ids.length > 0 ? 'fetched' : 'empty', posts: intake.ids.length, bytes };
}

/**
 * A site that gained pages during the run (new posts sort last by id) gets the new pages planned too. Any
 * page's X-WP-TotalPages counts, not only the last planned page's: that one may have been fetched before the
 * site grew while an earlier page, fetched later, sees the growth. Planning is idempotent, so concurrent
 * jobs seeing the same growth add nothing twice. A run bounded by `--pages` keeps its bounds.
 */
async function growPlanIfNeeded(
  ctx: AppContext,
  run: q.RunRow,
  page: number,
  reported: number | undefined,
  total: number | undefined,
  perPage: number,
): Promise<void> {
  if (!reported || !run.totalPages || reported <= run.totalPages || run.params.pages) return;
  const planned = plausiblePages(reported, perPage, ctx.config.maxSitePosts);
  if (planned.lie) {
    if (!(await queryOne(ctx.pool, q.implausibleTotalRecorded(run.id))))
      await recordImplausibleTotal(ctx, { runId: run.id, siteId: run.siteId, page, message: planned.lie });
  }
  // Growth is planned a step at a time: the pages of the step report the total again when they are fetched.
  // ... and never into the page numbers of the run's next collection (see collectionPages).
  const totalPages = Math.min(planned.pages, run.totalPages + GROWTH_STEP_PAGES, runPageNumber(1, 0) - 1);
  if (totalPages <= run.totalPages) return;
  await execute(ctx.pool, q.insertPages(run.id, run.totalPages + 1, totalPages));
  await execute(ctx.pool, q.growRunTotals(run.id, totalPages, Math.min(total ?? 0, totalPages * perPage)));
  const pages = Array.from({ length: totalPages - run.totalPages }, (_, i) => run.totalPages! + 1 + i);
  await enqueuePages(ctx, run.siteId, run.id, pages);
  ctx.log.info({ runId: run.id, from: run.totalPages, to: totalPages }, 'site grew during the run: pages added');
}

/**
 * Names of the page's categories, tags and authors, after the posts are safely stored. Best effort: a
 * lookup that keeps failing must not cost the page its attempts (the posts are what matters); the names are
 * looked up again whenever a later page refers to an id still unknown.
 */
async function resolveNames(ctx: AppContext, site: q.SiteRow, posts: NameRefs[], signal?: AbortSignal): Promise<void> {
  try {
    await retryTransient(() => refreshTerms(ctx, site.id, site.apiRoot, posts, signal), NAME_LOOKUP_ATTEMPTS, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    ctx.log.warn({ siteId: site.id, err: error }, 'cannot resolve category, tag or author names now; will retry with a later page');
  }
}

/** What each intake rejection means, for the failure's message. */
const REJECTION_MEANING: Record<string, string> = {
  'not-an-object': 'not a post object',
  'bad-id': 'no positive integer id',
  'link-too-long': 'link longer than the stored key allows',
  'too-deep': 'nested deeper than any real post (hostile or broken JSON)',
  'too-large': `larger than any real post (over ${MAX_POST_BYTES / 1024 / 1024} MiB of JSON), more than a worker can hold to extract it`,
};
