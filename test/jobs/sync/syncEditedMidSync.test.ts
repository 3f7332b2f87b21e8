import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSiteHandle } from '../../../src/fixtureSite/index.js';
import { processedHash } from '../../../src/jobs/process/processPosts.js';
import { registerSite } from '../../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { SYNC_OVERLAP_MS, syncSite } from '../../../src/jobs/sync/syncSite.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { backfillUntilDone, waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 120;
/** A small page, so a few dozen edited posts make a sync of several pages. */
const PER_PAGE = 10;

interface StoredPost {
  wp_id: string;
  modified_gmt: Date;
  content_hash: string;
  processed_hash: string | null;
}

describe('a sync whose site changes while it pages', () => {
  let app: TestApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'midsync', posts: POSTS });
    siteId = (await backfillUntilDone(app)).siteId;
    await app.ctx.pool.query('UPDATE sites SET per_page = $2 WHERE id = $1', [siteId, PER_PAGE]);
  });
  afterAll(async () => app?.close());

  /**
   * Puts the cursor one overlap past the newest stored post, so the next sync lists only posts edited from now
   * on, and lets the site's edit clock (one minute per `editPosts` call) run past the cursor. Returns the
   * bound the sync will read from.
   */
  const freshCursor = async (): Promise<number> => {
    const row = await app.ctx.pool.query<{ cursor: Date }>(
      `UPDATE sites SET sync_cursor = (SELECT max(modified_gmt) FROM raw_posts WHERE site_id = $1) + $2 * interval '1 millisecond' + interval '1 second'
       WHERE id = $1 RETURNING sync_cursor AS cursor`,
      [siteId, SYNC_OVERLAP_MS],
    );
    for (let minute = 0; minute <= SYNC_OVERLAP_MS / 60_000; minute++) app.site.editPosts([]);
    return row.rows[0]!.cursor.getTime() - SYNC_OVERLAP_MS;
  };

  /** Posts the site now reports modified after `sinceMs` whose current version is not stored and processed. */
  const missedSince = async (sinceMs: number): Promise<number[]> => {
    const stored = new Map(
      (await app.ctx.pool.query<StoredPost>('SELECT wp_id, modified_gmt, content_hash, processed_hash FROM raw_posts WHERE site_id = $1', [siteId])).rows.map(
        (row) => [Number(row.wp_id), row],
      ),
    );
    const site = app.site.site;
    const missed: number[] = [];
    for (let i = 0; i < site.count; i++) {
      const modified = Math.floor(site.modifiedMs(i) / 1000) * 1000;
      if (site.isDeleted(i) || modified <= sinceMs) continue;
      const row = stored.get(site.plan.ids[i]!);
      if (row?.modified_gmt.getTime() !== modified || row.processed_hash !== processedHash(row.content_hash)) missed.push(site.plan.ids[i]!);
    }
    return missed;
  };

  /** The post a sync from `sinceMs` lists first: it is on the first page whatever the paging. */
  const firstListed = (sinceMs: number): number => {
    const site = app.site.site;
    let first = -1;
    for (let i = 0; i < site.count; i++) {
      if (site.isDeleted(i) || site.modifiedMs(i) <= sinceMs) continue;
      if (first < 0 || site.modifiedMs(i) < site.modifiedMs(first)) first = i;
    }
    return site.plan.ids[first]!;
  };

  /** Calls `change` just before the sync's third listing request (ordered by `orderby`) is answered: two pages were read by then. */
  const beforeThirdListing = (site: FixtureSiteHandle, change: () => void, orderby = 'modified'): void => {
    let listings = 0;
    site.onRestRequest(({ route, params }) => {
      if (route !== '/wp/v2/posts' || !params.some(([key, value]) => key === 'orderby' && value === orderby)) return;
      if (++listings === 3) change();
    });
  };

  /** Edits each post on its own, so each gets its own modified time (one minute apart). */
  const editOneByOne = (ids: readonly number[]): void => ids.forEach((id) => app.site.editPosts([id]));

  it('processes every post modified after the cursor when a post it already read is edited mid-sync', async () => {
    const since = await freshCursor();
    const edited = Array.from(app.site.site.plan.ids.slice(10, 45));
    editOneByOne(edited);
    // The post read first is edited again once two pages were read: it moves to the end of the modified order
    // and every later post moves one place back, so page-number paging would skip one.
    const first = firstListed(since);
    beforeThirdListing(app.site, () => app.site.editPosts([first]));
    const result = await syncSite(app.ctx, siteId).finally(() => app.site.onRestRequest(null));
    expect(await missedSince(since)).toEqual([]);
    // Each edited post once, and the re-edited one a second time.
    expect(result.postsChanged).toBe(edited.length + 1);
  });

  it('processes every post when more posts than a page share one modified second', async () => {
    const since = await freshCursor();
    const edited = Array.from(app.site.site.plan.ids.slice(50, 50 + 2 * PER_PAGE + 5));
    app.site.editPosts(edited);
    const result = await syncSite(app.ctx, siteId);
    expect(result.postsChanged).toBe(edited.length);
    expect(await missedSince(since)).toEqual([]);
  });

  it('processes every post when a post it already read is deleted mid-sync', async () => {
    const since = await freshCursor();
    editOneByOne(Array.from(app.site.site.plan.ids.slice(80, 115)));
    const first = firstListed(since);
    beforeThirdListing(app.site, () => app.site.deletePosts([first]));
    await syncSite(app.ctx, siteId).finally(() => app.site.onRestRequest(null));
    expect(await missedSince(since)).toEqual([]);
  });

  it('falls back to `after` on WordPress before 5.7 and reads every new post when one it read is deleted mid-sync', async () => {
    const legacy = await startFixtureSite({ port: 0, posts: 60, seed: 'legacy', permalinks: 'pretty', ignoreModifiedAfter: true });
    try {
      const { siteId: legacyId } = await registerSite(app.ctx, legacy.url);
      const site = legacy.site;
      const byDate = Array.from({ length: site.count }, (_, i) => i).sort((a, b) => site.dateGmtMs(a) - site.dateGmtMs(b));
      // The cursor leaves 35 posts (several pages) dated after its bound.
      const since = site.dateGmtMs(byDate[site.count - 36]!);
      await app.ctx.pool.query('UPDATE sites SET per_page = $2, sync_cursor = $3 WHERE id = $1', [legacyId, PER_PAGE, new Date(since + SYNC_OVERLAP_MS)]);
      beforeThirdListing(legacy, () => legacy.deletePosts([site.plan.ids[byDate[site.count - 35]!]!]), 'date');
      const result = await syncSite(app.ctx, legacyId).finally(() => legacy.onRestRequest(null));
      expect(result.mode).toBe('after');
      const stored = new Map(
        (
          await app.ctx.pool.query<StoredPost>('SELECT wp_id, modified_gmt, content_hash, processed_hash FROM raw_posts WHERE site_id = $1', [legacyId])
        ).rows.map((row) => [Number(row.wp_id), row]),
      );
      const missed = byDate
        .filter((i) => site.dateGmtMs(i) > since && !site.isDeleted(i))
        .map((i) => site.plan.ids[i]!)
        .filter((id) => stored.get(id)?.processed_hash !== processedHash(stored.get(id)?.content_hash ?? ''));
      expect(missed).toEqual([]);
    } finally {
      await legacy.close();
    }
  });

  it('reads every new id when a post the new-id pass read is deleted mid-pass', async () => {
    const other = await startFixtureSite({ port: 0, posts: 60, seed: 'newids', permalinks: 'pretty' });
    try {
      const { siteId: otherId } = await registerSite(app.ctx, other.url);
      // Only the 20 oldest ids are stored; the cursor is past every modified time, so only the new-id pass reads.
      await app.ctx.pool.query('UPDATE sites SET per_page = 20 WHERE id = $1', [otherId]);
      const start = await startBackfill(app.ctx, other.url, { pages: { first: 1, last: 1 } });
      expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done' });
      const site = other.site;
      const newest = Math.max(...Array.from({ length: site.count }, (_, i) => site.modifiedMs(i)));
      await app.ctx.pool.query('UPDATE sites SET per_page = $2, sync_cursor = $3 WHERE id = $1', [
        otherId,
        PER_PAGE,
        new Date(newest + SYNC_OVERLAP_MS + 1_000),
      ]);
      beforeThirdListing(other, () => other.deletePosts([site.plan.ids[site.count - 1]!]), 'id');
      await syncSite(app.ctx, otherId).finally(() => other.onRestRequest(null));
      const stored = new Set(
        (await app.ctx.pool.query<{ wp_id: string }>('SELECT wp_id FROM raw_posts WHERE site_id = $1', [otherId])).rows.map((row) => Number(row.wp_id)),
      );
      const live = Array.from(site.plan.ids).filter((_, i) => !site.isDeleted(i));
      expect(live.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
