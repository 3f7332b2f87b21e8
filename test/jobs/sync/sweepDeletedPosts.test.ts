import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatus } from '../../../src/cli/commands/statusCommand.js';
import { createMetrics, METRIC_NAMES } from '../../../src/dashboard/metrics.js';
import { startDashboard } from '../../../workers/startDashboard.js';
import { sweepSite } from '../../../src/jobs/sync/sweepSite.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { backfillUntilDone, tableSnapshot } from '../../helpers/waitForRunDone.js';
import { parsePrometheusText, sampleValue } from '../../dashboard/parsePrometheusText.js';
import { cliEnv, runCli } from '../../helpers/serviceHelpers.js';

const POSTS = 150;

describe('the id sweep marks posts deleted on the site', () => {
  let app: TestApp;
  let siteId: number;
  let deleted: number[];

  beforeAll(async () => {
    app = await startTestApp({ label: 'sweep', posts: POSTS });
    siteId = (await backfillUntilDone(app)).siteId;
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
    expect(statuses.rows).toEqual([
      { status: 'deleted', n: deleted.length },
      { status: 'live', n: POSTS - deleted.length },
    ]);
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
    const events = await import('bullmq').then(
      ({ QueueEvents }) => new QueueEvents('control', { connection: { host: '127.0.0.1', port: 6379 }, prefix: app.config.queuePrefix }),
    );
    try {
      const result = (await job.waitUntilFinished(events, 30_000)) as { listed: number };
      expect(result.listed).toBe(POSTS - deleted.length);
    } finally {
      await events.close();
    }
  });

  it('counts live articles in status, status --json, the dashboard and /metrics, and deleted ones apart', async () => {
    const counts = (
      await app.ctx.pool.query<{ live: number; gone: number }>(
        'SELECT count(*) FILTER (WHERE deleted_at IS NULL)::int AS live, count(*) FILTER (WHERE deleted_at IS NOT NULL)::int AS gone FROM articles',
      )
    ).rows[0]!;
    expect(counts.gone).toBe(4);
    const figures = { articles: counts.live, deletedArticles: counts.gone };
    const siteFigures = { posts: POSTS - deleted.length, deletedPosts: deleted.length, ...figures };

    const status = await readStatus(app.ctx);
    expect(status.dedupe).toMatchObject(figures);
    expect(status.sites[0]).toMatchObject(siteFigures);

    const json = await runCli(['status', '--json'], cliEnv(app.config));
    expect(json.code, json.output).toBe(0);
    const printed = JSON.parse(json.output) as { dedupe: unknown; sites: unknown[] };
    expect(printed.dedupe).toMatchObject(figures);
    expect(printed.sites[0]).toMatchObject(siteFigures);
    const text = await runCli(['status'], cliEnv(app.config));
    expect(text.output).toContain(`${counts.live} live / ${counts.gone} deleted articles`);
    expect(text.output).toContain(`deleted articles: ${counts.gone}`);

    const dashboard = await startDashboard(app.ctx, { host: '127.0.0.1', port: 0, write: false, metrics: createMetrics() });
    try {
      const overview = (await (await fetch(new URL('/api/overview', dashboard.url))).json()) as { dedupe: unknown };
      expect(overview.dedupe).toMatchObject(figures);
      const page = await (await fetch(dashboard.url)).text();
      expect(page).toMatch(new RegExp(`<th>Articles</th><td class="num">${counts.live}</td>`));
      expect(page).toMatch(new RegExp(`<th>Deleted articles[^<]*</th><td class="num">${counts.gone}</td>`));
      const metrics = parsePrometheusText(await (await fetch(new URL('/metrics', dashboard.url))).text());
      expect(sampleValue(metrics, METRIC_NAMES.articlesTotal)).toBe(counts.live);
      expect(sampleValue(metrics, METRIC_NAMES.deletedArticlesTotal)).toBe(counts.gone);
    } finally {
      await dashboard.close();
    }
  });
});
