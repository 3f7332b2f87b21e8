import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSite } from '../../../src/jobs/sync/syncSite.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { backfillUntilDone } from '../../helpers/waitForRunDone.js';

const POSTS = 2000;
/** The fixture hides its newest posts (by id) until this many requests were served: posts added later. */
const GROW_AFTER_REQUESTS = 200;

describe('sync of posts added with an old date', () => {
  let app: TestApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'newids', posts: POSTS, faults: `grow:after=${GROW_AFTER_REQUESTS}` });
    siteId = (await backfillUntilDone(app)).siteId;
  });
  afterAll(async () => app?.close());

  it('finds re-crawls that WordPress dated in the past, which modified_after never returns', async () => {
    const stored = async () =>
      new Set((await app.ctx.pool.query<{ wp_id: number }>('SELECT wp_id FROM raw_posts WHERE site_id = $1', [siteId])).rows.map((r) => r.wp_id));
    const before = await stored();
    const hidden = Array.from({ length: POSTS }, (_, i) => app.site.site.truth(i)).filter((truth) => !before.has(truth.id));
    // Re-crawls carry their original's date: those older than the cursor the backfill left are the case at hand.
    const cursor = (await app.ctx.pool.query<{ sync_cursor: Date }>('SELECT sync_cursor FROM sites WHERE id = $1', [siteId])).rows[0]!.sync_cursor;
    const hiddenDuplicates = hidden.filter((truth) => truth.duplicate_of !== null && Date.parse(`${truth.modified_gmt}Z`) < cursor.getTime() - 3_600_000);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hiddenDuplicates.length).toBeGreaterThan(0);

    while (app.site.requests <= GROW_AFTER_REQUESTS) await fetch(`${app.site.url}/wp-json/wp/v2/posts?per_page=1`).then((r) => r.arrayBuffer());
    await syncSite(app.ctx, siteId);

    const after = await stored();
    for (const truth of hidden) expect(after.has(truth.id), `post ${truth.id}`).toBe(true);
    const byPost = new Map(
      (await app.ctx.pool.query<{ wp_id: number; article_id: number }>('SELECT wp_id, article_id FROM article_posts')).rows.map((r) => [r.wp_id, r.article_id]),
    );
    for (const truth of hiddenDuplicates) expect(byPost.get(truth.id)).toBe(byPost.get(truth.duplicate_of!));
  });
});
