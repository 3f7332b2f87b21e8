import { execute, queryOne } from '../../db/query.js';
import { withTransaction } from '../../db/withTransaction.js';
import { ConfigError } from '../../errors.js';
import { fetchPostsPage } from '../../fetch/fetchPostsPage.js';
import { retryTransient } from '../../fetch/retryTransient.js';
import * as q from '../../scheduler/runQueries.js';
import { sitePoliteness, storeCredentials, type SitePolitenessRow } from '../../scheduler/sourceQueries.js';
import type { AppContext } from '../context.js';
import { plausiblePages } from '../../scheduler/plausiblePages.js';
import { enqueuePages } from './enqueuePages.js';
import { registerSite } from '../site/registerSite.js';
import { applySiteCredentials } from '../site/applySiteCredentials.js';
import { runPageNumber } from '../../scheduler/collectionPages.js';
import { siteCollections, useCredentials } from '../site/siteAccess.js';

export interface BackfillOptions {
  /** Only pages first..last of the plan (1-based, inclusive). */
  pages?: { first: number; last: number };
  /** Only posts published after / before these ISO times (WordPress `after` / `before`). */
  since?: string;
  until?: string;
  /**
   * Post types to read (`post`, `page`, a custom type's slug or rest_base); remembered as the site's types.
   * @defaultValue the site's stored types, `posts` for a new site
   */
  types?: string[];
  /** A private site's application password (`user:password`): stored encrypted (WPINGEST_SECRET_KEY). */
  auth?: { user: string; password: string };
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
  const forget = options.auth ? useCredentials(ctx, siteUrl, options.auth) : () => undefined;
  let registered: Awaited<ReturnType<typeof registerSite>>;
  try {
    registered = await registerSite(ctx, siteUrl);
  } catch (error) {
    // Credentials the site refused must not linger in this process's client.
    forget();
    throw error;
  }
  const { siteId, apiRoot } = registered;
  if (options.auth) await execute(ctx.pool, storeCredentials(siteId, options.auth, ctx.config.secretKey!));
  else await applySiteCredentials(ctx, siteId);
  const collections = await siteCollections(ctx, siteId, apiRoot, options.types);
  const active = await queryOne<q.RunIdRow>(ctx.pool, q.activeBackfill(siteId));
  if (active) return { ...(await runTotals(ctx, active.id)), runId: active.id, siteId, joined: true };
  const params = { after: options.since, before: options.until, pages: options.pages, collections };
  // The site's page size (`source add --per-page`): the plan must count pages as the fetches will read them.
  const perPage = (await queryOne<SitePolitenessRow>(ctx.pool, sitePoliteness(siteId)))?.perPage ?? 100;
  // Totals first, so a site that cannot answer leaves no half-planned run behind.
  const plans: CollectionPlan[] = [];
  for (const [index, collection] of collections.entries()) plans.push(await planCollection(ctx, apiRoot, collection, index, perPage, options));
  const totalPosts = plans.reduce((sum, plan) => sum + plan.posts, 0);
  const pages = plans.flatMap((plan) => plan.pages);
  let runId: number;
  try {
    // Run, pages and start in one transaction: a crash mid-plan leaves no run that blocks the next backfill.
    runId = await withTransaction(ctx.pool, async (tx) => {
      const id = (await queryOne<q.RunIdRow>(tx, q.insertRun(siteId, 'backfill', params)))!.id;
      for (const plan of plans) if (plan.pages.length > 0) await execute(tx, q.insertPages(id, plan.pages[0]!, plan.pages.at(-1)!));
      // total_pages is the first collection's last planned page: a site that grows past it during the run gets pages added.
      await execute(tx, q.startRun(id, totalPosts, plans[0]?.last ?? 0));
      return id;
    });
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const raced = (await queryOne<q.RunIdRow>(ctx.pool, q.activeBackfill(siteId)))!;
    return { ...(await runTotals(ctx, raced.id)), runId: raced.id, siteId, joined: true };
  }
  for (const plan of plans) if (plan.lie) await recordImplausibleTotal(ctx, { runId, siteId, page: plan.pages[0] ?? 1, message: plan.lie });
  await enqueuePages(ctx, siteId, runId, pages);
  if (pages.length === 0) await ctx.queues.control.add('settle', { kind: 'settle', runId }, { jobId: ctx.queues.ids.settle(runId, 0) });
  return { runId, siteId, joined: false, totalPages: pages.length, totalPosts };
}

interface CollectionPlan {
  /** Run page numbers to fetch (see collectionPages). */
  pages: number[];
  /** The last of them in the collection's own numbering. */
  last: number;
  posts: number;
  /** Set when the collection's reported page count was not believed (see plausiblePages). */
  lie?: string;
}

/** One collection's share of the plan, from one tiny request (`_fields=id`); `--pages` bounds the first collection. */
async function planCollection(
  ctx: AppContext,
  apiRoot: string,
  collection: string,
  index: number,
  perPage: number,
  options: BackfillOptions,
): Promise<CollectionPlan> {
  const probe = await retryTransient(() =>
    fetchPostsPage(ctx.http, apiRoot, { collection, page: 1, perPage, orderby: 'id', order: 'asc', after: options.since, before: options.until, fields: 'id' }),
  );
  const sitePosts = probe.total ?? probe.posts.length;
  const planned = plausiblePages(probe.totalPages ?? (probe.posts.length > 0 ? 1 : 0), perPage, ctx.config.maxSitePosts);
  const sitePages = planned.pages;
  const bounds = index === 0 ? options.pages : undefined;
  const first = bounds?.first ?? 1;
  const last = Math.min(bounds?.last ?? sitePages, sitePages);
  if (bounds && first > sitePages) {
    throw new ConfigError(`--pages ${first}-${bounds.last}: the site has only ${sitePages} pages of ${perPage} ${collection}`);
  }
  const posts = last < first ? 0 : Math.min(Math.min(sitePosts, sitePages * perPage) - (first - 1) * perPage, (last - first + 1) * perPage);
  const pages = last >= first ? Array.from({ length: last - first + 1 }, (_, i) => runPageNumber(index, first + i)) : [];
  return { pages, last, posts, ...(planned.lie ? { lie: planned.lie } : {}) };
}

/**
 * A site reporting more pages than it can hold is recorded as a failure (not permanent: nothing was lost, the
 * plan was capped) and logged, so `status` and the dashboard show it among the errors by reason.
 */
export async function recordImplausibleTotal(
  ctx: Pick<AppContext, 'pool' | 'log'>,
  at: { runId: number; siteId: number; page: number; message: string },
): Promise<void> {
  ctx.log.warn(at, 'site reports an implausible number of pages');
  await execute(
    ctx.pool,
    q.insertFailure({
      runId: at.runId,
      siteId: at.siteId,
      stage: 'plan',
      page: at.page,
      wpId: null,
      reason: 'implausible-total',
      message: at.message,
      permanent: false,
    }),
  );
}

async function runTotals(ctx: AppContext, runId: number): Promise<{ totalPages: number; totalPosts: number }> {
  const row = await queryOne<{ totalPages: number | null; totalPosts: number | null }>(ctx.pool, q.runProgress(runId));
  return { totalPages: row?.totalPages ?? 0, totalPosts: row?.totalPosts ?? 0 };
}
