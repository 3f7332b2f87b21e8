import { execute, queryAll, queryOne } from '../../db/query.js';
import { withTransaction } from '../../db/withTransaction.js';
import { TransientError } from '../../errors.js';
import { fetchPostsPage } from '../../fetch/fetchPostsPage.js';
import * as q from '../../scheduler/runQueries.js';
import { sitePoliteness, type SitePolitenessRow } from '../../scheduler/sourceQueries.js';
import { markDeletedArticles, markVanishedPosts, reviveArticles } from '../../scheduler/sweepQueries.js';
import type { AppContext } from '../context.js';
import { politeFetch } from '../fetch/politeFetch.js';
import { applySiteCredentials } from '../site/applySiteCredentials.js';

/** Ids listed per request: the REST maximum, and only the `id` field, so a sweep is cheap. */
const SWEEP_PER_PAGE = 100;

export interface SweepResult {
  /** Ids the site lists now. */
  listed: number;
  /** Stored posts newly marked deleted. */
  deleted: number[];
  /** Articles newly marked deleted (all their posts gone) and revived (a post is back). */
  articlesDeleted: number;
  articlesRevived: number;
}

/**
 * Incremental sync cannot see deletions (a deleted post just stops being listed), so this lists every id
 * the site has and marks stored posts that vanished as deleted, and articles left with no live post too.
 * Only a complete, consistent listing is acted on: a failed page or a total that does not match the ids
 * read throws, and nothing is marked.
 */
export async function sweepSite(ctx: AppContext, siteId: number, signal?: AbortSignal): Promise<SweepResult> {
  const site = await queryOne<q.SiteRow>(ctx.pool, q.siteById(siteId));
  if (!site) throw new Error(`site ${siteId} does not exist`);
  await applySiteCredentials(ctx, siteId);
  const politeness = await queryOne<SitePolitenessRow>(ctx.pool, sitePoliteness(siteId));
  const listedAt = new Date();
  const ids = await listAllIds(ctx, site.apiRoot, politeness?.ratePerS ?? null, signal);
  const result = await withTransaction(ctx.pool, async (tx) => {
    const deleted = (await queryAll<{ wp_id: string }>(tx, markVanishedPosts(siteId, ids, listedAt))).map((row) => Number(row.wp_id));
    const articlesDeleted = await execute(tx, markDeletedArticles(siteId));
    const articlesRevived = await execute(tx, reviveArticles(siteId));
    return { listed: ids.length, deleted, articlesDeleted, articlesRevived };
  });
  ctx.log.info({ siteId, listed: result.listed, deleted: result.deleted.length, articlesDeleted: result.articlesDeleted }, 'id sweep done');
  return result;
}

async function listAllIds(ctx: AppContext, apiRoot: string, ratePerS: number | null, signal?: AbortSignal): Promise<number[]> {
  const ids: number[] = [];
  let expected: number | undefined;
  for (let page = 1; ; page++) {
    const listing = await politeFetch(
      ctx,
      { url: apiRoot, ratePerS },
      () => fetchPostsPage(ctx.http, apiRoot, { page, perPage: SWEEP_PER_PAGE, orderby: 'id', order: 'asc', fields: 'id' }, signal),
      { signal, busy: 'wait' },
    );
    if (listing.rejected.length > 0) throw new TransientError(`id sweep: ${listing.rejected.length} unreadable items on page ${page}`, 'sweep-unreadable');
    expected ??= listing.total;
    if (listing.end || listing.posts.length === 0) break;
    ids.push(...listing.posts.map((post) => post.id));
    if (listing.totalPages !== undefined && page >= listing.totalPages) break;
  }
  const unique = [...new Set(ids)];
  // Posts published or deleted mid-sweep shift id pages: a listing that does not add up is not trusted.
  if (expected !== undefined && unique.length !== expected) {
    throw new TransientError(`id sweep read ${unique.length} ids but the site reports ${expected}: the site changed during the sweep`, 'sweep-inconsistent');
  }
  return unique;
}
