import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startDashboard } from '../../workers/startDashboard.js';
import { insertFeedArticle, insertManyArticles, insertSite } from '../feed/seedFeedArticles.js';
import { createDashboardTestEnv, type DashboardTestEnv, type TestContext } from './dashboardTestEnv.js';

const TOKEN = `tok-${randomBytes(16).toString('hex')}`;
const SITE = 'https://api.example.test';
const OTHER_SITE = 'https://other.example.test';

let env: DashboardTestEnv;
let ctx: TestContext;
let dashboard: Awaited<ReturnType<typeof startDashboard>>;
let base: string;
let siteId: number;

interface Page {
  articles: Array<Record<string, unknown> & { id: number }>;
  next_cursor: string | null;
  has_more: boolean;
}

const get = (path: string, token: string | null = TOKEN) => fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const getJson = async <T>(path: string): Promise<T> => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  env = await createDashboardTestEnv();
  const config = loadConfig({ DATABASE_URL: env.databaseUrl, WPINGEST_QUEUE_PREFIX: env.queuePrefix, DASHBOARD_TOKEN: TOKEN, WPINGEST_LOG_LEVEL: 'silent' });
  ctx = await createContext(config);
  siteId = await insertSite(ctx.pool, SITE);
  await insertManyArticles(ctx.pool, siteId, 95, { bodyWords: 40 });
  const other = await insertSite(ctx.pool, OTHER_SITE);
  await insertFeedArticle(ctx.pool, other, {
    wpId: 1,
    title: 'Offshore wind in the Baltic',
    body: 'Turbines off the coast of Gdansk.',
    publishedAt: '2027-03-01T00:00:00Z',
  });
  dashboard = await startDashboard(ctx, { host: '0.0.0.0', port: 0, write: false });
  base = `http://127.0.0.1:${new URL(dashboard.url).port}`;
});

afterAll(async () => {
  await dashboard?.close();
  await ctx?.close();
  await env?.destroy();
});

describe('read API (/api/articles, /api/articles/:id, /api/sources)', () => {
  it('pages through every article exactly once while new ones arrive', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let added = 0;
    for (let round = 0; round < 100; round++) {
      const page: Page = await getJson(`/api/articles?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.articles.map((a) => a.id));
      cursor = page.next_cursor;
      // New stories land between page reads, as a running ingest would add them.
      if (added < 5) await insertFeedArticle(ctx.pool, siteId, { wpId: 10_000 + added++, title: `Arrived during paging ${added}` });
      if (!page.has_more && added >= 5) break;
    }
    const all = (await ctx.pool.query<{ id: number }>('SELECT id FROM articles ORDER BY id')).rows.map((row) => row.id);
    expect(all).toHaveLength(101);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(all);
  });

  it('an incremental consumer polling with its cursor gets only what changed since', async () => {
    const first: Page = await getJson('/api/articles?limit=200');
    expect(first.has_more).toBe(false);
    const idle: Page = await getJson(`/api/articles?cursor=${first.next_cursor}`);
    expect(idle.articles).toEqual([]);
    expect(idle.next_cursor).toBe(first.next_cursor);
    await ctx.pool.query(`UPDATE articles SET title = 'Corrected headline', updated_at = now() WHERE version_wp_id = 7`);
    const changed: Page = await getJson(`/api/articles?cursor=${first.next_cursor}`);
    expect(changed.articles.map((a) => a.title)).toEqual(['Corrected headline']);
    const since: Page = await getJson(`/api/articles?updated_since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(since.articles).toEqual([]);
  });

  it('filters by site, publication time and full-text query, in the public shape', async () => {
    const bySite: Page = await getJson(`/api/articles?site=${encodeURIComponent(OTHER_SITE)}`);
    expect(bySite.articles.map((a) => a.title)).toEqual(['Offshore wind in the Baltic']);
    expect(Object.keys(bySite.articles[0]!)).toContain('permalinks');
    expect(Object.keys(bySite.articles[0]!)).not.toContain('simhash_bands');
    const byTime: Page = await getJson('/api/articles?since=2027-01-01&until=2027-12-31');
    expect(byTime.articles.map((a) => a.site)).toEqual([OTHER_SITE]);
    const byQuery: Page = await getJson(`/api/articles?q=${encodeURIComponent('turbines Gdansk')}`);
    expect(byQuery.articles.map((a) => a.title)).toEqual(['Offshore wind in the Baltic']);
  });

  it('serves one article by id, 404 for an unknown one, and the sources without credentials', async () => {
    const id = (await ctx.pool.query<{ id: number }>('SELECT min(id) AS id FROM articles')).rows[0]!.id;
    const article = await getJson<Record<string, unknown>>(`/api/articles/${id}`);
    expect(article).toMatchObject({ id, site: SITE, permalinks: [`${SITE}/?p=1`] });
    expect((await get('/api/articles/999999')).status).toBe(404);
    await ctx.pool.query(`UPDATE sites SET auth_user = 'editor', auth_secret = 'v1:secret-ciphertext' WHERE id = $1`, [siteId]);
    const text = await (await get('/api/sources')).text();
    expect(text).not.toMatch(/secret-ciphertext|editor/);
    const sources = JSON.parse(text) as { sources: Array<{ url: string; authenticated: boolean; articles: number }> };
    expect(sources.sources.map((s) => [s.url, s.authenticated])).toEqual([
      [SITE, true],
      [OTHER_SITE, false],
    ]);
  });

  it('answers bad parameters with 400 and one line naming each, and needs the token like the dashboard', async () => {
    const bad = await get('/api/articles?limit=5000&since=yesterday&cursor=nonsense');
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: string };
    expect(error).toMatch(/limit/);
    expect(error).toMatch(/since/);
    expect(error).toMatch(/cursor/);
    expect((await get('/api/articles?site=https://unknown.example.test')).status).toBe(400);
    for (const path of ['/api/articles', '/api/articles/1', '/api/sources', '/api/openapi.json']) expect((await get(path, null)).status, path).toBe(401);
  });

  it('describes itself in OpenAPI, listing every route and the article fields the view has', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown>; components: { schemas: { Article: { required: string[] } } } }>(
      '/api/openapi.json',
    );
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/articles', '/api/articles/{id}', '/api/sources']));
    const columns = (
      await ctx.pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'article_feed' ORDER BY ordinal_position`,
      )
    ).rows.map((row) => row.column_name);
    expect(doc.components.schemas.Article.required).toEqual(columns);
  });
});
