import { openLockSession } from '../../db/advisoryLock.js';
import { queryOne, type Query } from '../../db/query.js';
import { sourceArticleCount } from '../../load/blockQueries.js';
import { pgTimeouts } from '../../db/createPool.js';
import { isTemplateBlock } from '../../dedupe/index.js';
import * as q from '../../scheduler/runQueries.js';
import { lockDomainSettle } from '../../scheduler/settleLock.js';
import type { AppContext } from '../context.js';
import { processPosts } from '../process/processPosts.js';

/** Posts re-processed per batch during a settle pass. */
const SETTLE_BATCH = 200;

/**
 * Makes a run's result independent of processing order: early posts were processed before the template
 * detector had counts, so every article whose kept blocks are now template blocks (or whose removed blocks
 * no longer are) is processed again from its stored post with the final counts.
 */
export async function settleRun(ctx: AppContext, runId: number): Promise<{ reprocessed: number }> {
  const run = (await ctx.pool.query(q.runById(runId))).rows[0] as { siteId: number; status: string; kind: string; params: Record<string, unknown> } | undefined;
  if (!run || !['running', 'settling'].includes(run.status)) return { reprocessed: 0 };
  await ctx.pool.query(q.setRunStatus(runId, 'settling'));
  let reprocessed = 0;
  const session = await openLockSession({ databaseUrl: ctx.config.databaseUrl, log: ctx.log, timeouts: pgTimeouts(ctx.config) });
  try {
    for (const domain of await domainsOfSite(ctx, run.siteId)) {
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
  const failed = await ctx.pool.query(`SELECT count(*)::int AS n FROM run_pages WHERE run_id = $1 AND status = 'failed'`, [runId]);
  const failedPages = (failed.rows[0] as { n: number }).n;
  await ctx.pool.query(q.finishRun(runId, 'done', failedPages > 0 ? `${failedPages} page${failedPages === 1 ? '' : 's'} failed permanently` : null));
  if (run.kind === 'backfill' && !run.params.pages && !run.params.after && !run.params.before) await startSyncCursor(ctx, run.siteId, runId);
  ctx.log.info({ runId, reprocessed, failedPages }, 'run settled');
  return { reprocessed };
}

/**
 * Re-processes every post of the source whose version the final template blocks would change: its kept blocks
 * now template blocks, or its removed ones no longer. Every post, not only the one behind each article's newest
 * version: a story told by several posts keeps a version per post (see loadProvenance). One pass at a time per
 * source (settleLock).
 */
async function settleDomain(ctx: AppContext, domain: string): Promise<number> {
  const template = await templateFingerprints(ctx, domain);
  const stale = await ctx.pool.query<{ site_id: number; wp_id: number }>(stalePosts(domain, template));
  for (let i = 0; i < stale.rows.length; i += SETTLE_BATCH) {
    const batch = stale.rows.slice(i, i + SETTLE_BATCH);
    for (const siteId of new Set(batch.map((row) => row.site_id))) {
      await processPosts(
        ctx,
        siteId,
        batch.filter((row) => row.site_id === siteId).map((row) => row.wp_id),
        { force: true },
      );
    }
  }
  return stale.rows.length;
}

/**
 * The source's posts processed under another template decision than `template`. A post loaded before its
 * fingerprints were kept per post (article_posts.block_fps NULL) is judged by its article's, when it is the
 * article's newest version, as before.
 */
function stalePosts(domain: string, template: string[]): Query {
  return {
    text: `SELECT ap.site_id, ap.wp_id FROM articles a JOIN article_posts ap ON ap.article_id = a.id
     WHERE a.source_domain = $1 AND CASE
       WHEN ap.block_fps IS NOT NULL THEN ap.block_fps && $2::text[] OR NOT (ap.template_fps <@ $2::text[])
       ELSE (ap.site_id, ap.wp_id) = (a.version_site_id, a.version_wp_id) AND (a.block_fps && $2::text[] OR NOT (a.template_fps <@ $2::text[])) END
     ORDER BY ap.wp_id, ap.site_id`,
    values: [domain, template],
  };
}

async function domainsOfSite(ctx: AppContext, siteId: number): Promise<string[]> {
  const result = await ctx.pool.query<{ source_domain: string }>(
    `SELECT DISTINCT a.source_domain FROM articles a JOIN article_posts p ON p.article_id = a.id WHERE p.site_id = $1 ORDER BY 1`,
    [siteId],
  );
  return result.rows.map((row) => row.source_domain);
}

/** The domain's template block fingerprints under the final counts. */
export async function templateFingerprints(ctx: Pick<AppContext, 'pool'>, domain: string): Promise<string[]> {
  const [stats, total] = await Promise.all([
    ctx.pool.query<{ fingerprint: string; articles: number }>('SELECT fingerprint, articles FROM block_stats WHERE source_domain = $1 AND articles > 1', [
      domain,
    ]),
    // The kept count (source_articles, as processing reads it), not a count(*) that grows with the source.
    queryOne<{ n: number }>(ctx.pool, sourceArticleCount(domain)),
  ]);
  const domainArticles = total?.n ?? 0;
  return stats.rows
    .filter((row) => isTemplateBlock({ articles: row.articles }, domainArticles))
    .map((row) => row.fingerprint)
    .sort();
}

/**
 * A complete backfill is where incremental sync starts: the newest `modified_gmt` the site reported, but no
 * later than the run's start, so a post edited while the backfill was paging is still picked up.
 */
async function startSyncCursor(ctx: AppContext, siteId: number, runId: number): Promise<void> {
  await ctx.pool.query(
    `UPDATE sites SET sync_cursor = least((SELECT max(modified_gmt) FROM raw_posts WHERE site_id = $1), (SELECT started_at FROM runs WHERE id = $2))
     WHERE id = $1 AND sync_cursor IS NULL`,
    [siteId, runId],
  );
}
