import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSiteHandle } from '../../src/fixtureSite/index.js';
import { hostOf, readCircuit } from '../../src/scheduler/hostGate.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import type { RunningDashboard } from '../../workers/startDashboard.js';
import { startWorkers, type RunningWorkers } from '../../workers/startWorkers.js';
import { eventually } from '../helpers/serviceHelpers.js';
import { startSeededDashboard, type DashboardTestEnv, type SeededDashboard, type TestContext } from './dashboardTestEnv.js';
import { SEEDED, SITE_URL } from './seedDashboardData.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots go here (git-ignored); WPINGEST_SCREENSHOTS_DIR sends them elsewhere, e.g. for a review. */
const ARTIFACTS_DIR = process.env.WPINGEST_SCREENSHOTS_DIR ?? 'test-artifacts';
/** Longer than the page's 2 s refresh, with room for a slow machine. */
const REFRESH_WAIT_MS = 8_000;
/** Posts and page size of the live fixture site: 20 listing pages. */
const LIVE_POSTS = 200;
const LIVE_PER_PAGE = 10;
/** The listing page whose request kills the site. */
const KILL_AT_PAGE = '8';
const hasChromium = existsSync(CHROMIUM_PATH);
const suite = hasChromium ? describe : describe.skip;
const title = hasChromium
  ? 'dashboard in headless Chromium'
  : `dashboard in headless Chromium — SKIPPED: ${CHROMIUM_PATH} is not installed (apt-get install -y chromium)`;

suite(title, () => {
  let seeded: SeededDashboard;
  let env: DashboardTestEnv;
  let ctx: TestContext;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let workers: RunningWorkers | undefined;
  let site: FixtureSiteHandle | undefined;
  let seededRunId: number;

  beforeAll(async () => {
    seeded = await startSeededDashboard();
    ({ env, ctx, dashboard, runId: seededRunId } = seeded);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await workers?.close();
    await site?.close().catch(() => undefined);
    await seeded?.close();
  });

  /** A page that never reaches the internet (Bull Board links Google Fonts) and records script errors. */
  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { page, errors };
  }

  it('renders the overview, runs no injected script, and refreshes itself under its CSP', async () => {
    const { page, errors } = await openPage();
    const response = await page.goto(dashboard.url);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('#sources').innerText()).toContain(SITE_URL);
    expect(await page.locator(`#runs tr[data-run-id="${seededRunId}"] .pages`).innerText()).toBe(`${SEEDED.pages.processed}/${SEEDED.totalPages}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // Both charts are inline SVG drawn by the server.
    expect(await page.locator('#articles-per-day svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#throughput svg').count()).toBe(1);
    const newSite = `https://refreshed-${Date.now()}.example.test/`;
    await ctx.pool.query('INSERT INTO sites (url) VALUES ($1)', [newSite]);
    await expect.poll(() => page.locator('#sources').innerText(), { timeout: REFRESH_WAIT_MS }).toContain(newSite);
    expect(errors).toEqual([]);
    // After the error check: Playwright's screenshot injects a style of its own, which the page's CSP rightly blocks.
    await page.screenshot({ path: `${ARTIFACTS_DIR}/h16-overview-seeded.png`, fullPage: true });
    await page.context().close();
  });

  it('shows a run that ended with failed pages as its own state, with the command that resumes it', async () => {
    await ctx.pool.query(`UPDATE runs SET status = 'done', finished_at = now(), error = '1 page failed permanently' WHERE id = $1`, [seededRunId]);
    await ctx.pool.query(`UPDATE run_pages SET status = CASE WHEN page = 4 THEN 'failed' ELSE 'processed' END WHERE run_id = $1`, [seededRunId]);
    const { page } = await openPage();
    await page.goto(dashboard.url);
    const row = page.locator(`#runs tr[data-run-id="${seededRunId}"]`);
    expect(await row.getAttribute('data-state')).toBe('partial');
    expect(await row.innerText()).toContain('done with 1 failed page');
    expect(await row.locator('code.cmd').innerText()).toBe(`wpingest backfill --resume ${seededRunId}`);
    expect(await page.locator(`#sources tr[data-site-id] >> text=${SITE_URL}`).count()).toBe(1);
    await page.locator('#runs').screenshot({ path: `${ARTIFACTS_DIR}/h16-runs-partial.png` });
    await page.context().close();
  });

  it('shows a source whose site died mid-run as CIRCUIT OPEN with the cause, and its run waiting for the host', async () => {
    await ctx.pool.query(`UPDATE runs SET status = 'cancelled' WHERE id = $1`, [seededRunId]);
    const live = await startFixtureSite({ port: 0, posts: LIVE_POSTS, seed: 'browser', permalinks: 'pretty' });
    site = live;
    const { siteId } = await registerSite(ctx, live.url, LIVE_PER_PAGE);
    // The site dies when page 8 is asked for: that request and every later one are refused.
    live.onRestRequest(({ params }) => {
      if (params.find(([key]) => key === 'page')?.[1] !== KILL_AT_PAGE) return undefined;
      void live.close();
      return Promise.reject(new Error('site killed'));
    });
    const run = await startBackfill(ctx, live.url);
    workers = await startWorkers(ctx, ['scheduler', 'fetch', 'process']);
    await eventually('the host circuit to open', async () => (await readCircuit(ctx.redis, env.queuePrefix, hostOf(live.url))).open, 60_000);
    const { page, errors } = await openPage();
    await page.goto(dashboard.url);
    const source = page.locator(`#sources tr[data-site-id="${siteId}"]`);
    expect(await source.getAttribute('data-health')).toBe('circuit-open');
    expect(await source.locator('.badge').innerText()).toBe('CIRCUIT OPEN');
    expect(await source.locator('.cause').innerText()).toBe('ECONNREFUSED');
    const runRow = page.locator(`#runs tr[data-run-id="${run.runId}"]`);
    expect(await runRow.locator('.eta').innerText()).toBe('waiting for host');
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/h16-overview-circuit-open.png`, fullPage: true });
    // The source's own page says the same, and lists the articles stored before the site died.
    await source.locator('a').first().click();
    await page.waitForURL(/\/sources\/\d+$/);
    expect(await page.locator('#source .badge').innerText()).toBe('CIRCUIT OPEN');
    expect(await page.locator('#articles tr[data-article-id]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/h16-source.png`, fullPage: true });
    await page.context().close();
  });

  it('opens an article from the search box and from its source, with removed blocks in place and the raw post', async () => {
    const article = (
      await ctx.pool.query<{ id: string; title: string }>(
        `SELECT id, title FROM articles WHERE jsonb_array_length(removed) >= 2 AND source_domain <> 'source.example.test' ORDER BY id LIMIT 1`,
      )
    ).rows[0]!;
    const { page, errors } = await openPage();
    await page.goto(dashboard.url);
    await page.locator('header input[name="q"]').fill(article.title.slice(0, 24));
    await page.locator('header button[type="submit"]').click();
    await page.waitForURL(/\/search\?q=/);
    await page.locator(`#results tr[data-article-id="${article.id}"] a`).click();
    await page.waitForURL(new RegExp(`/articles/${article.id}$`));
    expect(await page.locator('h1').innerText()).toBe(article.title);
    expect(await page.locator('.body p').count()).toBeGreaterThan(0);
    const removed = page.locator('.body aside.removed');
    expect(await removed.count()).toBeGreaterThan(0);
    expect(await removed.first().locator('.reason').textContent()).toMatch(/^removed: [a-z-]+/);
    // In place: some removed block stands between two kept paragraphs, not all gathered at the end.
    expect(await page.locator('.body p + aside.removed, .body p + details.removed-run').count()).toBeGreaterThan(0);
    expect(await page.locator('.body aside.removed + p, .body details.removed-run + p').count()).toBeGreaterThan(0);
    const rawLink = page.locator('a', { hasText: 'raw post JSON' }).first();
    const raw = await page.request.get(new URL((await rawLink.getAttribute('href')) ?? '', page.url()).toString());
    expect(raw.headers()['content-type']).toMatch(/^application\/json/);
    expect(typeof (await raw.json()).id).toBe('number');
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/h16-article.png`, fullPage: true });
    await page.context().close();
  });

  it('loads Bull Board at /queues with every queue listed', async () => {
    const { page } = await openPage();
    const response = await page.goto(new URL('/queues', dashboard.url).toString());
    expect(response?.status()).toBe(200);
    const bodyText = async () => (await page.locator('body').innerText()).toLowerCase();
    await expect.poll(bodyText, { timeout: 15_000 }).toContain('fetch');
    const text = await bodyText();
    for (const queue of ['fetch', 'process', 'control']) expect(text).toContain(queue);
    await page.context().close();
  });
});
