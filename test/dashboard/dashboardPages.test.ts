import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRelative } from '../../src/dashboard/formatValues.js';
import { placeRemovedBlocks } from '../../src/dashboard/placeRemovedBlocks.js';
import { niceCeiling, renderBarChart } from '../../src/dashboard/renderBarChart.js';
import { runState } from '../../src/dashboard/renderOverviewSections.js';
import { sourceHealth, type HealthInput } from '../../src/dashboard/sourceHealth.js';
import { startDashboard } from '../../workers/startDashboard.js';
import { createDashboardTestEnv, type DashboardTestEnv, type TestContext } from './dashboardTestEnv.js';
import { seedDashboardData } from './seedDashboardData.js';

const healthy: HealthInput = {
  enabled: true,
  circuit: { open: false, openForMs: 0, failures: 0, lastCause: null },
  recentFailures: 0,
  lastFailure: null,
  lastRun: { status: 'done', pagesFailed: 0 },
};
const refused = { reason: 'ECONNREFUSED', message: 'GET http://127.0.0.1:9/wp-json/wp/v2/posts failed: connect ECONNREFUSED 127.0.0.1:9' };

describe('source health', () => {
  it('is ok, degraded, failing or CIRCUIT OPEN, worst first, with the cause of the last error', () => {
    expect(sourceHealth(healthy)).toMatchObject({ state: 'ok', label: 'ok', cause: null });
    expect(sourceHealth({ ...healthy, lastRun: { status: 'done', pagesFailed: 2 } })).toMatchObject({
      state: 'degraded',
      detail: 'the last run left 2 pages failed',
    });
    expect(sourceHealth({ ...healthy, recentFailures: 3, lastFailure: { reason: 'http-404', message: 'GET x answered 404' } })).toMatchObject({
      state: 'degraded',
      cause: 'http-404',
    });
    expect(sourceHealth({ ...healthy, circuit: { open: false, openForMs: 0, failures: 3, lastCause: refused } })).toMatchObject({
      state: 'failing',
      cause: 'ECONNREFUSED',
    });
    expect(
      sourceHealth({ ...healthy, circuit: { open: true, openForMs: 41_200, failures: 7, lastCause: { reason: 'circuit-open', message: refused.message } } }),
    ).toEqual({
      state: 'circuit-open',
      label: 'CIRCUIT OPEN',
      cause: 'ECONNREFUSED',
      detail: 'fetches paused 42s more after 7 failures',
      message: refused.message,
    });
    expect(sourceHealth({ ...healthy, enabled: false, circuit: { open: true, openForMs: 1, failures: 9, lastCause: refused } }).state).toBe('disabled');
  });
});

describe('article body with removed blocks in place', () => {
  it('puts each removed block before the first kept paragraph that follows it in the post', () => {
    const post =
      '<div class="ad">Buy now &amp; save</div><p>First kept paragraph of the story.</p><aside>Related: another story</aside><p>Second kept paragraph here.</p><div>Newsletter sign-up</div>';
    const removed = [
      { reason: 'newsletter', bytes: 20, text: 'Newsletter sign-up' },
      { reason: 'ad', bytes: 10, text: 'Buy now & save' },
      { reason: 'related-box', bytes: 30, text: 'Related: another story' },
      { reason: 'template', bytes: 5, text: 'Nowhere in the post' },
    ];
    const { items, unplaced } = placeRemovedBlocks(['First kept paragraph of the story.', 'Second kept paragraph here.'], removed, post);
    expect(items.map((item) => (item.kind === 'kept' ? `p:${item.text.slice(0, 6)}` : `x:${item.block.reason}`))).toEqual([
      'x:ad',
      'p:First ',
      'x:related-box',
      'p:Second',
      'x:newsletter',
    ]);
    expect(unplaced.map((block) => block.reason)).toEqual(['template']);
  });
});

describe('chart and value helpers', () => {
  it('rounds axis tops up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.7, 3, 21, 240, 260, 999].map(niceCeiling)).toEqual([0, 1, 5, 25, 250, 500, 1000]);
  });
  it('draws one bar per non-zero value with its exact value on hover, and escapes labels', () => {
    const svg = renderBarChart({ title: 't', labels: ['a<b', 'c'], series: [{ name: 'posts', color: '#000', values: [0, 7] }] }).value;
    expect(svg.match(/<rect x=/g)).toHaveLength(1);
    expect(svg).toContain('<title>c: 7 posts</title>');
    expect(svg).toContain('a&lt;b');
  });
  it('says times relative to now', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(formatRelative(new Date('2026-01-01T11:55:30Z'), now)).toBe('4m ago');
    expect(formatRelative(new Date('2026-01-01T12:00:42Z'), now)).toBe('in 42s');
    expect(formatRelative(new Date('2025-12-29T12:00:00Z'), now)).toBe('3d ago');
    expect(formatRelative(null, now)).toBe('—');
  });
  it('calls a run that ended with failed pages by its own name', () => {
    expect(runState({ status: 'done', pagesFailed: 3 })).toEqual({ label: 'done with 3 failed pages', className: 'partial' });
    expect(runState({ status: 'done', pagesFailed: 0 })).toEqual({ label: 'done', className: 'done' });
  });
});

describe('article, source and search pages', () => {
  let env: DashboardTestEnv;
  let ctx: TestContext;
  let dashboard: Awaited<ReturnType<typeof startDashboard>>;
  let siteId: number;
  let articleId: number;

  beforeAll(async () => {
    env = await createDashboardTestEnv();
    ctx = await env.openContext();
    siteId = (await seedDashboardData(ctx.pool)).siteId;
    const payload = { id: 77, content: { rendered: '<p>Kept one.</p><div class="ad">ADVERTISEMENT</div><p>Kept <b>two</b>.</p>' } };
    await ctx.pool.query(`INSERT INTO raw_posts (site_id, wp_id, payload, content_hash) VALUES ($1, 77, $2, 'h77')`, [siteId, JSON.stringify(payload)]);
    articleId = Number(
      (
        await ctx.pool.query(
          `INSERT INTO articles (source_url, source_domain, title, body_text, body_html, word_count, profile, content_hash, simhash, simhash_bands, version_site_id, version_wp_id, removed)
       VALUES ('javascript:alert(1)', 'source.example.test', $1, $2, '', 4, 'generic', 'h77', 77, '{1}', $3, 77, $4) RETURNING id`,
          [
            '<script>window.__xss=3</script> Budget talks',
            'Kept one.\n\nKept two.',
            siteId,
            JSON.stringify([{ fingerprint: 'f', reason: 'ad', bytes: 13, text: 'ADVERTISEMENT' }]),
          ],
        )
      ).rows[0].id,
    );
    await ctx.pool.query(`INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at) VALUES ($1, 77, $2, 'h77', now())`, [
      siteId,
      articleId,
    ]);
    dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false });
  });
  afterAll(async () => {
    await dashboard?.close();
    await env?.destroy();
  });

  const get = (path: string) => fetch(new URL(path, dashboard.url));

  it('shows an article escaped, with its removed block between the paragraphs it stood between, and links its raw post', async () => {
    const response = await get(`/articles/${articleId}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('&lt;script&gt;window.__xss=3&lt;/script&gt; Budget talks');
    expect(page).not.toContain('<script>window.__xss');
    expect(page).not.toContain('href="javascript:');
    expect(page).toMatch(/<p>Kept one\.<\/p><aside class="removed" data-reason="ad">[\s\S]*?ADVERTISEMENT[\s\S]*?<\/aside><p>Kept two\.<\/p>/);
    expect(page).toContain(`href="../posts/${siteId}/77.json"`);
    const raw = await get(`/posts/${siteId}/77.json`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await raw.json()).id).toBe(77);
  });

  it('answers 404 for an article, source or raw post that does not exist, or a malformed id', async () => {
    for (const path of [
      '/articles/999999',
      '/articles/abc',
      '/articles/99999999999999999999',
      '/sources/999999',
      `/posts/${siteId}/123456.json`,
      `/posts/${siteId}/77.html`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('finds articles by a word of the body through the ranked full-text search', async () => {
    const byBody = await (await get('/search?q=kept')).text();
    expect(byBody).toContain(`href="./articles/${articleId}"`);
  });

  it('finds articles by words of the title or by id, and escapes the query', async () => {
    const byTitle = await (await get('/search?q=budget%20TALKS')).text();
    expect(byTitle).toContain(`href="./articles/${articleId}"`);
    const byId = await (await get(`/search?q=${articleId}`)).text();
    expect(byId).toContain(`data-article-id="${articleId}"`);
    const hostile = await (await get('/search?q=%3Cimg%20src%3Dx%3E%25_')).text();
    expect(hostile).toContain('&lt;img src=x&gt;%_');
    expect(hostile).toContain('No article has');
  });

  it('shows a source with its health and its newest articles, linked to their pages', async () => {
    const page = await (await get(`/sources/${siteId}`)).text();
    expect(page).toContain('data-health="degraded"');
    expect(page).toContain(`href="../articles/${articleId}"`);
  });
});
