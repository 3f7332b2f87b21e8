import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSiteHandle } from '../../../src/fixtureSite/index.js';
import { schedulerIds } from '../../../src/scheduler/controlJobs.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { cliEnv, eventually, runCli } from '../../helpers/serviceHelpers.js';

describe('sources added and removed with `wpingest source` while `run` is up', () => {
  let app: TestApp;
  let second: FixtureSiteHandle;
  let env: NodeJS.ProcessEnv;
  const siteIds: Record<'a' | 'b', number> = { a: 0, b: 0 };

  beforeAll(async () => {
    // The app's workers include the scheduler role, already running before any source exists.
    app = await startTestApp({ label: 'sources', posts: 30 });
    second = await startFixtureSite({ port: 0, posts: 20, seed: 'second', permalinks: 'plain' });
    env = cliEnv(app.config);
  });
  afterAll(async () => {
    await app?.close();
    await second?.close();
  });

  const syncRuns = async (siteId: number) =>
    (await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE site_id = $1 AND kind = 'sync' AND status = 'done'`, [siteId])).rows[0]!
      .n;
  const siteId = async (url: string) => (await app.ctx.pool.query<{ id: number }>('SELECT id FROM sites WHERE url = $1', [url])).rows[0]!.id;

  it('refuses bad values with a one-line error and exit status 2', async () => {
    for (const args of [
      ['--every', '5x'],
      ['--every', '100ms'],
      ['--rate', 'fast'],
      ['--per-page', '500'],
    ]) {
      const result = await runCli(['source', 'add', app.site.url, ...args], env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.output.trim().split('\n')).toHaveLength(1);
      expect(result.output).toMatch(/^wpingest: /);
    }
  });

  it('syncs both new sources on their schedules without a restart', async () => {
    expect((await runCli(['source', 'add', app.site.url, '--every', '1s', '--rate', '20/s'], env)).code).toBe(0);
    expect((await runCli(['source', 'add', second.url, '--every', '2s', '--per-page', '10'], env)).code).toBe(0);
    siteIds.a = await siteId(app.site.url);
    siteIds.b = await siteId(second.url);
    const settings = await app.ctx.pool.query('SELECT every_ms, per_page, rate_per_s, enabled FROM sites ORDER BY id');
    expect(settings.rows).toEqual([
      { every_ms: 1000, per_page: 100, rate_per_s: 20, enabled: true },
      { every_ms: 2000, per_page: 10, rate_per_s: null, enabled: true },
    ]);
    // Picked up by the scheduler's refresh (every 10 s), then synced every period.
    await eventually('two syncs of each source', async () => (await syncRuns(siteIds.a)) >= 3 && (await syncRuns(siteIds.b)) >= 2, 60_000);
    const scheduler = await app.ctx.queues.control.getJobScheduler(schedulerIds.sync(siteIds.a));
    expect(scheduler?.every).toBe(1000);
    expect(await app.ctx.queues.control.getJobScheduler(schedulerIds.sweep(siteIds.a))).toBeDefined();
    const articles = await app.ctx.pool.query<{ n: number }>('SELECT count(DISTINCT site_id)::int AS n FROM article_posts');
    expect(articles.rows[0]!.n).toBe(2);
  });

  it('stops syncing a removed source: its schedulers are removed, its data kept', async () => {
    const removed = await runCli(['source', 'remove', second.url], env);
    expect(removed.code).toBe(0);
    await eventually(
      'the removed source has no scheduler',
      async () =>
        (await app.ctx.queues.control.getJobScheduler(schedulerIds.sync(siteIds.b))) === undefined &&
        (await app.ctx.queues.control.getJobScheduler(schedulerIds.sweep(siteIds.b))) === undefined,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const [bAfterRemoval, aAfterRemoval] = [await syncRuns(siteIds.b), await syncRuns(siteIds.a)];
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await syncRuns(siteIds.b)).toBe(bAfterRemoval);
    expect(await syncRuns(siteIds.a)).toBeGreaterThan(aAfterRemoval);
    const list = await runCli(['source', 'list'], env);
    expect(list.output).toContain(`${second.url}  removed`);
    expect(list.output).toContain(`${app.site.url}  enabled  every 1s  rate 20/s`);
    const kept = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts WHERE site_id = $1', [siteIds.b]);
    expect(kept.rows[0]!.n).toBe(20);
  });
});
