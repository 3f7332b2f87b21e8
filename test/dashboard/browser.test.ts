import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../workers/startDashboard.js';
import { createDashboardTestEnv, type DashboardTestEnv, type TestContext } from './dashboardTestEnv.js';
import { SEEDED, SITE_URL, seedDashboardData, seedJobs } from './seedDashboardData.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS_DIR = 'test-artifacts';
/** Longer than the page's 2 s refresh, with room for a slow machine. */
const REFRESH_WAIT_MS = 8_000;
const hasChromium = existsSync(CHROMIUM_PATH);
const suite = hasChromium ? describe : describe.skip;
const title = hasChromium
  ? 'dashboard in headless Chromium'
  : `dashboard in headless Chromium — SKIPPED: ${CHROMIUM_PATH} is not installed (apt-get install -y chromium)`;

suite(title, () => {
  let env: DashboardTestEnv;
  let ctx: TestContext;
  let dashboard: Awaited<ReturnType<typeof startDashboard>>;
  let browser: Browser;

  beforeAll(async () => {
    env = await createDashboardTestEnv();
    ctx = await env.openContext();
    const seeded = await seedDashboardData(ctx.pool);
    await seedJobs(ctx.queues, seeded.siteId, seeded.runId);
    dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await env?.destroy();
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
    expect(await page.locator('#runs .pages').first().innerText()).toBe(`${SEEDED.pages.processed}/${SEEDED.totalPages}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const newSite = `https://refreshed-${Date.now()}.example.test/`;
    await ctx.pool.query('INSERT INTO sites (url) VALUES ($1)', [newSite]);
    await expect.poll(() => page.locator('#sources').innerText(), { timeout: REFRESH_WAIT_MS }).toContain(newSite);
    expect(errors).toEqual([]);
    // After the error check: Playwright's screenshot injects a style of its own, which the page's CSP rightly blocks.
    await page.screenshot({ path: `${ARTIFACTS_DIR}/dashboard.png`, fullPage: true });
    await page.context().close();
  });

  it('loads Bull Board at /queues with every queue listed', async () => {
    const { page } = await openPage();
    const response = await page.goto(new URL('/queues', dashboard.url).toString());
    expect(response?.status()).toBe(200);
    // Bull Board renders in the browser: wait for its queue cards, then check each queue and the waiting count.
    const bodyText = async () => (await page.locator('body').innerText()).toLowerCase();
    await expect.poll(bodyText, { timeout: 15_000 }).toContain(`${SEEDED.fetchJobsWaiting} jobs`);
    const text = await bodyText();
    for (const queue of ['fetch', 'process', 'control']) expect(text).toContain(queue);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/queues.png`, fullPage: true });
    await page.context().close();
  });
});
