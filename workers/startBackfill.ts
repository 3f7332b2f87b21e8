import { withTransaction } from '../src/db/withTransaction.js';
import { ConfigError } from '../src/errors.js';
import { fetchPostsPage } from '../src/fetch/fetchPostsPage.js';
import { retryTransient } from '../src/fetch/retryTransient.js';
import * as q from '../src/scheduler/runQueries.js';
import { sitePoliteness } from '../src/scheduler/sourceQueries.js';
import type { AppContext } from './context.js';
import { plausiblePages } from '../src/scheduler/plausiblePages.js';
import { enqueuePages } from './enqueuePages.js';
import { registerSite } from './registerSite.js';

export interface BackfillOptions {
  /** Only pages first..last of the plan (1-based, inclusive). */
  pages?: { first: number; last: number };
  /** Only posts published after / before these ISO times (WordPress `after` / `before`). */
  since?: string;
  until?: string;
}

export interface BackfillStart {
  runId: number;
  siteId: number;
  /** True when a backfill of the site was already running and this call joined it. */
  joined: boolean;
  totalPages: number;
  totalPosts: number;
}

/**
 * Plans a backfill: discovers the API, reads the totals from one tiny request (`_fields=id`), records the
 * run and every page in Postgres, then enqueues one fetch job per page in page order. A backfill of a site
 * that already has one running joins it instead of doubling the work.
 */
export async function startBackfill(ctx: AppContext, siteUrl: string, options: BackfillOptions = {}): Promise<BackfillStart> {
  const { siteId, apiRoot } = await registerSite(ctx, siteUrl);
  const active = (await ctx.pool.query(q.activeBackfill(siteId))).rows[0] as { id: number } | undefined;
  if (active) return { ...(await runTotals(ctx, active.id)), runId: active.id, siteId, joined: true };
  const params = { after: options.since, before: options.until, pages: options.pages };
  // The site's page size (`source add --per-page`): the plan must count pages as the fetches will read them.
  const perPage = ((await ctx.pool.query(sitePoliteness(siteId))).rows[0] as { perPage: number } | undefined)?.perPage ?? 100;
  // Totals first, so a site that cannot answer leaves no half-planned run behind.
  const probe = await retryTransient(() => fetchPostsPage(ctx.http, apiRoot, { page: 1, perPage, orderby: 'id', order: 'asc', after: options.since, before: options.until, fields: 'id' }));
  const sitePosts = probe.total ?? probe.posts.length;
  const planned = plausiblePages(probe.totalPages ?? (probe.posts.length > 0 ? 1 : 0), perPage, ctx.config.maxSitePosts);
  const sitePages = planned.pages;
  const first = options.pages?.first ?? 1;
  const last = Math.min(options.pages?.last ?? sitePages, sitePages);
  if (options.pages && first > sitePages) {
    throw new ConfigError(`--pages ${first}-${options.pages.last}: the site has only ${sitePages} pages of ${perPage} posts`);
  }
  const totalPosts = last < first ? 0 : Math.min(Math.min(sitePosts, sitePages * perPage) - (first - 1) * perPage, (last - first + 1) * perPage);
  let runId: number;
  try {
    // Run, pages and start in one transaction: a crash mid-plan leaves no run that blocks the next backfill.
    runId = await withTransaction(ctx.pool, async (tx) => {
      const id = ((await tx.query(q.insertRun(siteId, 'backfill', params))).rows[0] as { id: number }).id;
      if (last >= first) await tx.query(q.insertPages(id, first, last));
      // total_pages is the plan's last page: a site that grows past it during the run gets pages added.
      await tx.query(q.startRun(id, totalPosts, last));
      return id;
    });
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const raced = (await ctx.pool.query(q.activeBackfill(siteId))).rows[0] as { id: number };
    return { ...(await runTotals(ctx, raced.id)), runId: raced.id, siteId, joined: true };
  }
  if (planned.lie) await recordImplausibleTotal(ctx, { runId, siteId, page: 1, message: planned.lie });
  const pages = last >= first ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  await enqueuePages(ctx, siteId, runId, pages);
  if (pages.length === 0) await ctx.queues.control.add('settle', { kind: 'settle', runId }, { jobId: ctx.queues.ids.settle(runId, 0) });
  return { runId, siteId, joined: false, totalPages: pages.length, totalPosts };
}

/**
 * A site reporting more pages than it can hold is recorded as a failure (not permanent: nothing was lost, the
 * plan was capped) and logged, so `status` and the dashboard show it among the errors by reason.
 */
export async function recordImplausibleTotal(ctx: Pick<AppContext, 'pool' | 'log'>, at: { runId: number; siteId: number; page: number; message: string }): Promise<void> {
  ctx.log.warn(at, 'site reports an implausible number of pages');
  await ctx.pool.query(q.insertFailure({ runId: at.runId, siteId: at.siteId, stage: 'plan', page: at.page, wpId: null, reason: 'implausible-total', message: at.message, permanent: false }));
}

async function runTotals(ctx: AppContext, runId: number): Promise<{ totalPages: number; totalPosts: number }> {
  const row = (await ctx.pool.query(q.runProgress(runId))).rows[0] as { totalPages: number | null; totalPosts: number | null } | undefined;
  return { totalPages: row?.totalPages ?? 0, totalPosts: row?.totalPosts ?? 0 };
}
