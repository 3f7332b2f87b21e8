import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSite } from '../../../src/jobs/sync/syncSite.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { ARTICLE_TABLES, backfillUntilDone, tableSnapshot } from '../../helpers/waitForRunDone.js';

const POSTS = 300;
/** Every table a sync may write, except its own bookkeeping (runs, run_pages, sites). */
const DATA_TABLES = [...ARTICLE_TABLES, 'article_blocks', 'terms', 'failures'];

interface ArticleState {
  id: string;
  updated_at: Date;
  content_hash: string;
  wp_ids: string[];
}

describe('incremental sync after a backfill', () => {
  let app: TestApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'incremental', posts: POSTS });
    siteId = (await backfillUntilDone(app)).siteId;
  });
  afterAll(async () => app?.close());

  const articles = async () =>
    new Map(
      (
        await app.ctx.pool.query<ArticleState>(
          `SELECT a.id, a.updated_at, a.content_hash, array_agg(ap.wp_id ORDER BY ap.wp_id) AS wp_ids
     FROM articles a JOIN article_posts ap ON ap.article_id = a.id GROUP BY a.id`,
        )
      ).rows.map((row) => [String(row.id), row]),
    );
  const cursor = async () =>
    (await app.ctx.pool.query<{ sync_cursor: Date | null }>('SELECT sync_cursor FROM sites WHERE id = $1', [siteId])).rows[0]!.sync_cursor;

  it('writes no data row when nothing changed since the backfill', async () => {
    const before = await tableSnapshot(app.ctx, DATA_TABLES);
    const result = await syncSite(app.ctx, siteId);
    // From a null cursor this re-reads every post; from the cursor a complete backfill leaves, the overlap only.
    expect(result.postsSeen).toBeGreaterThan(0);
    expect(result.postsChanged).toBe(0);
    expect(result.articlesWritten).toBe(0);
    expect(await tableSnapshot(app.ctx, DATA_TABLES)).toEqual(before);
    expect(await cursor()).not.toBeNull();
  });

  it('re-extracts exactly the edited posts, updates exactly their articles and advances the cursor', async () => {
    // Posts that are the only version of their story, so an edit must show in the article.
    const single = await app.ctx.pool.query<{ wp_id: string }>(
      `SELECT wp_id FROM article_posts WHERE article_id IN (SELECT article_id FROM article_posts GROUP BY 1 HAVING count(*) = 1) ORDER BY wp_id`,
    );
    const edited = [single.rows[3]!, single.rows[40]!, single.rows[120]!].map((row) => Number(row.wp_id));
    const before = await articles();
    const processedBefore = await app.ctx.pool.query<{ wp_id: string; processed_hash: string }>(
      'SELECT wp_id, processed_hash FROM raw_posts WHERE site_id = $1',
      [siteId],
    );
    const cursorBefore = await cursor();

    app.site.editPosts(edited);
    const result = await syncSite(app.ctx, siteId);

    expect(result.postsChanged).toBe(edited.length);
    const after = await articles();
    expect(
      [...after.keys()].filter((id) => !before.has(id)),
      'new articles',
    ).toEqual([]);
    const changed = [...after.values()].filter((row) => {
      const old = before.get(String(row.id))!;
      return old.content_hash !== row.content_hash || old.updated_at.getTime() !== row.updated_at.getTime();
    });
    expect(changed.flatMap((row) => row.wp_ids.map(Number)).sort((a, b) => a - b)).toEqual([...edited].sort((a, b) => a - b));
    for (const row of changed) expect(row.content_hash).not.toBe(before.get(String(row.id))!.content_hash);
    const processedAfter = new Map(
      (
        await app.ctx.pool.query<{ wp_id: string; processed_hash: string }>('SELECT wp_id, processed_hash FROM raw_posts WHERE site_id = $1', [siteId])
      ).rows.map((r) => [Number(r.wp_id), r.processed_hash]),
    );
    const reprocessed = processedBefore.rows.filter((row) => processedAfter.get(Number(row.wp_id)) !== row.processed_hash).map((row) => Number(row.wp_id));
    expect(reprocessed.sort((a, b) => a - b)).toEqual([...edited].sort((a, b) => a - b));
    const cursorAfter = await cursor();
    expect(cursorAfter!.getTime()).toBeGreaterThan(cursorBefore!.getTime());
    expect(cursorAfter!.getTime()).toBe(Math.max(...edited.map((id) => app.site.site.modifiedMs(app.site.site.indexOfId(id)))));
  });

  it('writes nothing again on the next sync with no changes', async () => {
    const before = await tableSnapshot(app.ctx, DATA_TABLES);
    const result = await syncSite(app.ctx, siteId);
    expect(result.postsChanged).toBe(0);
    expect(await tableSnapshot(app.ctx, DATA_TABLES)).toEqual(before);
  });
});
