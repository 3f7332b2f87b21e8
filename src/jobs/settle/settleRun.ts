import { openLockSession } from '../../db/advisoryLock.js';
import { execute, queryAll, queryOne } from '../../db/query.js';
import { sourceArticleCount } from '../../load/blockQueries.js';
import { pgTimeouts } from '../../db/createPool.js';
import { isTemplateBlock } from '../../dedupe/index.js';
import * as q from '../../scheduler/runQueries.js';
import { lockDomainSettle } from '../../scheduler/settleLock.js';
import { startSyncCursor } from '../../scheduler/siteQueries.js';
import type { AppContext } from '../context.js';
import { processPosts } from '../process/processPosts.js';
import { indexPendingSearch } from '../../load/indexPendingSearch.js';
import { domainsOfSite, repeatedBlocks, stalePosts, type BlockCountRow, type StalePostRow } from './settleQueries.js';

/** Posts re-processed per batch during a settle pass. */
const SETTLE_BATCH = 200;

/**
 * Makes a run's result independent of processing order: early posts were processed before the template
 * detector had counts, so every article whose kept blocks are now template blocks (or whose removed blocks
 * no longer are) is processed again from its stored post with the final counts.
 */
export async function settleRun(ctx: AppContext, runId: number): Promise<{ reprocessed: number; indexed?: number }> {
  const run = await queryOne<q.RunRow>(ctx.pool, q.runById(runId));
  if (!run || !['running', 'settling'].includes(run.status)) return { reprocessed: 0 };
  await execute(ctx.pool, q.setRunStatus(runId, 'settling'));
  let reprocessed = 0;
  const session = await openLockSession({ databaseUrl: ctx.config.databaseUrl, log: ctx.log, timeouts: pgTimeouts(ctx.config) });
  try {
    for (const { source_domain: domain } of await queryAll<{ source_domain: string }>(ctx.pool, domainsOfSite(run.siteId))) {
      const lock = await lockDomainSettle(session, domain);
      try {
        reprocessed += await settleDomain(ctx, domain);
      } finally {
        await lock.release();
      }
    }
  } finally {
    await session.close();
  }
  const failedPages = (await queryOne<{ n: number }>(ctx.pool, q.failedPageCount(runId)))!.n;
  await execute(ctx.pool, q.finishRun(runId, 'done', failedPages > 0 ? `${failedPages} page${failedPages === 1 ? '' : 's'} failed permanently` : null));
  // A complete backfill is where incremental sync starts (see startSyncCursor).
  if (run.kind === 'backfill' && !run.params.pages && !run.params.after && !run.params.before) await execute(ctx.pool, startSyncCursor(run.siteId, runId));
  // The run's articles go into the full-text index now, off the ingest path (searches found them meanwhile).
  // A failure here loses nothing: the articles stay pending, searches still find them, and the next idle tick
  // of the scheduler indexes them.
  const indexed = await indexPendingSearch(ctx.pool).catch((error: unknown) => {
    ctx.log.warn({ err: error, runId }, 'search indexing after the run failed; the scheduler retries when idle');
    return 0;
  });
  ctx.log.info({ runId, reprocessed, failedPages, indexed }, 'run settled');
  return { reprocessed, indexed };
}

/**
 * Re-processes every post of the source whose version the final template blocks would change: its kept blocks
 * now template blocks, or its removed ones no longer. Every post, not only the one behind each article's newest
 * version: a story told by several posts keeps a version per post (see loadProvenance). One pass at a time per
 * source (settleLock).
 */
async function settleDomain(ctx: AppContext, domain: string): Promise<number> {
  const template = await templateFingerprints(ctx, domain);
  const stale = await queryAll<StalePostRow>(ctx.pool, stalePosts(domain, template));
  for (let i = 0; i < stale.length; i += SETTLE_BATCH) {
    const batch = stale.slice(i, i + SETTLE_BATCH);
    for (const siteId of new Set(batch.map((row) => row.site_id))) {
      await processPosts(
        ctx,
        siteId,
        batch.filter((row) => row.site_id === siteId).map((row) => row.wp_id),
        { force: true },
      );
    }
  }
  return stale.length;
}

/** The domain's template block fingerprints under the final counts. */
export async function templateFingerprints(ctx: Pick<AppContext, 'pool'>, domain: string): Promise<string[]> {
  const [stats, total] = await Promise.all([
    queryAll<BlockCountRow>(ctx.pool, repeatedBlocks(domain)),
    // The kept count (source_articles, as processing reads it), not a count(*) that grows with the source.
    queryOne<{ n: number }>(ctx.pool, sourceArticleCount(domain)),
  ]);
  const domainArticles = total?.n ?? 0;
  return stats
    .filter((row) => isTemplateBlock({ articles: row.articles }, domainArticles))
    .map((row) => row.fingerprint)
    .sort();
}
