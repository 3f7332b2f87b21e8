import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../workers/startBackfill.js';
import { sweepSite } from '../../workers/sweepSite.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { tableSnapshot, waitForRunDone } from '../helpers/waitForRunDone.js';

const POSTS = 150;

describe('the id sweep marks posts deleted on the site', () => {
  let app: TestApp;
  let siteId: number;
  let deleted: number[];

  beforeAll(async () => {
    app = await startTestApp({ label: 'sweep', posts: POSTS });
    const start = await startBackfill(app.ctx, app.site.url);
    siteId = start.siteId;
    expect(await waitForRunDone(app.ctx, start.runId)).toMatchObject({ status: 'done' });
    // Three posts that are their story's only post, and every post of one multi-post story.
    const single = await app.ctx.pool.query<{ wp_id: string }>(
      `SELECT wp_id FROM article_posts WHERE article_id IN (SELECT article_id FROM article_posts GROUP BY 1 HAVING count(*) = 1) ORDER BY wp_id LIMIT 3`,
    );
    const shared = await app.ctx.pool.query<{ wp_id: string }>(
      `SELECT wp_id FROM article_posts WHERE article_id = (SELECT article_id FROM article_posts GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 1) ORDER BY wp_id`,
    );
    deleted = [...single.rows, ...shared.rows].map((row) => Number(row.wp_id));
  });
  afterAll(async () => app?.close());

  it('marks exactly the vanished posts deleted, and articles with no live post left', async () => {
    app.site.deletePosts(deleted);
    const result = await sweepSite(app.ctx, siteId);
    expect(result.listed).toBe(POSTS - deleted.length);
    expect([...result.deleted].sort((a, b) => a - b)).toEqual([...deleted].sort((a, b) => a - b));
    const statuses = await app.ctx.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM raw_posts GROUP BY 1 ORDER BY 1');
    expect(statuses.rows).toEqual([{ status: 'deleted', n: deleted.length }, { status: 'live', n: POSTS - deleted.length }]);
    const marked = await app.ctx.pool.query<{ wp_id: string }>(
      `SELECT ap.wp_id FROM articles a JOIN article_posts ap ON ap.article_id = a.id WHERE a.deleted_at IS NOT NULL ORDER BY ap.wp_id`,
    );
    expect(marked.rows.map((row) => Number(row.wp_id))).toEqual([...deleted].sort((a, b) => a - b));
    expect(result.articlesDeleted).toBe(4);
  });

  it('changes nothing when swept again', async () => {
    const before = await tableSnapshot(app.ctx, ['raw_posts', 'articles']);
    const again = await sweepSite(app.ctx, siteId);
    expect(again.deleted).toEqual([]);
    expect(await tableSnapshot(app.ctx, ['raw_posts', 'articles'])).toEqual(before);
  });

  it('runs as a control job of the scheduler role', async () => {
    const job = await app.ctx.queues.control.add('sweep', { kind: 'sweep', siteId } as never);
    const events = await import('bullmq').then(({ QueueEvents }) => new QueueEvents('control', { connection: { host: '127.0.0.1', port: 6379 }, prefix: app.config.queuePrefix }));
    try {
      const result = (await job.waitUntilFinished(events, 30_000)) as { listed: number };
      expect(result.listed).toBe(POSTS - deleted.length);
    } finally {
      await events.close();
    }
  });
});
