import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSite, registerSite, siteUrlOfApiRoot } from '../../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';
import { cliEnv, runCli } from '../../helpers/serviceHelpers.js';

const POSTS = 30;

describe('the site URL read from an API root', () => {
  it('drops wp-json/, index.php and ?rest_route=/ and keeps a subdirectory', () => {
    expect(siteUrlOfApiRoot('https://host.test/wp-json/', 'x')).toBe('https://host.test');
    expect(siteUrlOfApiRoot('https://host.test/blog/wp-json/', 'x')).toBe('https://host.test/blog');
    expect(siteUrlOfApiRoot('https://host.test/index.php?rest_route=/', 'x')).toBe('https://host.test');
    expect(siteUrlOfApiRoot('https://host.test/blog/?rest_route=/', 'x')).toBe('https://host.test/blog');
    expect(siteUrlOfApiRoot('https://host.test/api/', 'https://host.test/given')).toBe('https://host.test/given');
  });
});

describe('sites keyed by API root, and source purge', () => {
  let app: TestApp;
  let siteId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'purge', posts: POSTS });
    const start = await startBackfill(app.ctx, app.site.url);
    siteId = start.siteId;
    await waitForRunDone(app.ctx, start.runId);
  });
  afterAll(async () => app?.close());

  const count = async (table: string) => (await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it('resolves a pasted article or category URL to the site already registered, by its API root', async () => {
    for (const url of [`${app.site.url}/2026/05/04/some-article/`, `${app.site.url}/category/news/?page=2`, `${app.site.url}/`]) {
      expect((await registerSite(app.ctx, url)).siteId, url).toBe(siteId);
    }
    const again = await startBackfill(app.ctx, `${app.site.url}/some/path/`);
    expect(again.siteId).toBe(siteId);
    await waitForRunDone(app.ctx, again.runId);
    expect(await count('sites')).toBe(1);
    expect(await findSite(app.ctx.pool, `${app.site.url}/2026/05/04/some-article/`)).toEqual({ id: siteId, url: app.site.url });
    expect(await findSite(app.ctx.pool, 'http://127.0.0.2:1/')).toBeUndefined();
  });

  it('refuses to purge without a terminal to confirm on unless --yes is given', async () => {
    const articles = await count('articles');
    const refused = await runCli(['source', 'purge', app.site.url], cliEnv(app.config));
    expect(refused.code).toBe(2);
    expect(refused.output.trim()).toBe(
      `wpingest: source purge would delete ${app.site.url}: ${POSTS} posts and ${articles} articles; no terminal to confirm on: pass --yes`,
    );
    expect(await count('raw_posts')).toBe(POSTS);
  });

  it('purges a site with its posts, articles and their counts with --yes, given any URL of the site', async () => {
    const articles = await count('articles');
    expect(articles).toBeGreaterThan(0);
    const purged = await runCli(['source', 'purge', `${app.site.url}/2026/05/04/some-article/`, '--yes'], cliEnv(app.config));
    expect(purged.code).toBe(0);
    expect(purged.output.trim()).toBe(`purged ${app.site.url}: ${POSTS} posts and ${articles} articles deleted`);
    for (const table of ['sites', 'raw_posts', 'articles', 'article_posts', 'runs', 'post_figures', 'article_blocks'])
      expect(await count(table), table).toBe(0);
    const stale = await app.ctx.pool.query('SELECT 1 FROM block_stats WHERE articles > 0 LIMIT 1');
    expect(stale.rowCount).toBe(0);
    // The kept per-source article counts follow (the template detector reads them instead of counting).
    const counted = await app.ctx.pool.query('SELECT 1 FROM source_articles WHERE articles > 0 LIMIT 1');
    expect(counted.rowCount).toBe(0);
    const missing = await runCli(['source', 'purge', app.site.url, '--yes'], cliEnv(app.config));
    expect(missing.code).toBe(2);
    expect(missing.output.trim()).toMatch(/^wpingest: no source /);
  });

  it('backfills the site afresh after a purge', async () => {
    const start = await startBackfill(app.ctx, app.site.url);
    expect(await waitForRunDone(app.ctx, start.runId)).toEqual({ status: 'done', error: null });
    expect(await count('raw_posts')).toBe(POSTS);
  });
});
