import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/db/createPool.js';
import { startDashboard, type RunningDashboard } from '../../workers/startDashboard.js';
import { startSeededDashboard, type SeededDashboard, type TestContext } from './dashboardTestEnv.js';
import { HOSTILE_MESSAGE, HOSTILE_SITE_URL, SEEDED, SITE_URL } from './seedDashboardData.js';

/** A port nothing listens on, to make Postgres unreachable for the readiness test. */
const CLOSED_PORT = 1;

let seeded: SeededDashboard;
let ctx: TestContext;
let dashboard: RunningDashboard;
let runId: number;

beforeAll(async () => {
  seeded = await startSeededDashboard();
  ({ ctx, dashboard, runId } = seeded);
});

afterAll(async () => seeded?.close());

const get = (path: string, init?: RequestInit) => fetch(new URL(path, dashboard.url), init);

describe('startDashboard', () => {
  it('listens on a free port when asked for port 0 and reports the real URL', () => {
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(dashboard.url).not.toMatch(/:0\/$/);
  });

  it('answers /healthz with 200 ok and /readyz with both dependencies ok', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ redis: 'ok', postgres: 'ok' });
  });

  it('answers /readyz with 503 naming Postgres when Postgres is unreachable', async () => {
    const deadPool = createPool(`postgres://postgres@127.0.0.1:${CLOSED_PORT}/nowhere`, () => undefined);
    const broken = await startDashboard({ ...ctx, pool: deadPool }, { host: '127.0.0.1', port: 0, write: false });
    try {
      const response = await fetch(new URL('/readyz', broken.url));
      expect(response.status).toBe(503);
      const body = (await response.json()) as { redis: string; postgres: string };
      expect(body.redis).toBe('ok');
      expect(body.postgres).toMatch(/^failed: /);
    } finally {
      await broken.close();
      await deadPool.end();
    }
  });

  it('renders the overview with sources, run progress, queue depths, dedupe and errors by reason', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain(SITE_URL);
    const runRow = new RegExp(`<tr data-run-id="${runId}" data-state="running">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    expect(runRow).toContain(`${SEEDED.pages.processed}/${SEEDED.totalPages}`);
    expect(runRow).toContain(`${SEEDED.postsProcessed} / ${SEEDED.totalPosts}`);
    expect(runRow).toContain('<span class="badge running">running</span>');
    expect(runRow).toMatch(/<td class="num">\d+\.\d<\/td>\s*<td class="eta nowrap">(\d+m )?\d+s<\/td>/); // posts/s and ETA
    const fetchRow = /<tr data-queue="fetch">([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(fetchRow).toContain(`<td class="num">${SEEDED.fetchJobsWaiting}</td>`);
    expect(page).toMatch(/<td>fetch<\/td><td class="nowrap">http_503<\/td><td class="num">3<\/td>/);
    expect(page).toMatch(/<th>Duplicate posts merged<\/th><td class="num">1<\/td>/);
  });

  it('escapes every value it renders into HTML', async () => {
    const page = await (await get('/')).text();
    expect(page).not.toContain('<script>window.__xss');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&quot;&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&amp;x=&lt;b&gt;');
    expect(page).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('protects the page with a nonce-based CSP so only its own inline script runs', async () => {
    const response = await get('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`<script nonce="${nonce}">`);
  });

  it('answers /?part=main with just the <main> the open page swaps in every 2 s', async () => {
    const fragment = await (await get('/?part=main')).text();
    expect(fragment).toMatch(/^<main data-generated="[^"]+">/);
    expect(fragment).toContain(SITE_URL);
    expect(fragment).not.toContain('<script');
  });

  it('serves the same overview as JSON at /api/overview', async () => {
    const response = await get('/api/overview');
    expect(response.status).toBe(200);
    const overview = (await response.json()) as {
      sites: { url: string }[];
      runs: { id: number; pagesDone: number; pagesTotal: number; postsProcessed: number }[];
      queues: { queue: string; counts: Record<string, number> }[];
      articlesPerDay: unknown[];
      dedupe: { postsSeen: number; duplicatePostsMerged: number };
      failures: { reason: string; count: number; sample: string }[];
    };
    expect(overview.sites.map((site) => site.url)).toEqual([SITE_URL, HOSTILE_SITE_URL]);
    expect(overview.runs[0]).toMatchObject({
      id: runId,
      pagesDone: SEEDED.pages.processed,
      pagesTotal: SEEDED.totalPages,
      postsProcessed: SEEDED.postsProcessed,
    });
    expect(overview.queues.find((q) => q.queue === 'process')?.counts.delayed).toBe(SEEDED.processJobsDelayed);
    expect(overview.articlesPerDay).toHaveLength(30);
    expect(overview.dedupe).toMatchObject({ postsSeen: SEEDED.rawPosts, duplicatePostsMerged: 1 });
    expect(overview.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'http_503', count: SEEDED.failures.http_503 }),
        expect.objectContaining({ reason: 'parse_error', count: SEEDED.failures.parse_error, sample: HOSTILE_MESSAGE }),
      ]),
    );
  });

  it('serves Bull Board at /queues for every queue, read-only unless write is on', async () => {
    const response = await get('/queues');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<base href="/queues/"');
    expect(page).toContain('__UI_CONFIG__');
    const api = (await (await get('/queues/api/queues')).json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(api.queues.map((q) => q.name).sort()).toEqual(['control', 'fetch', 'process']);
    expect(api.queues.every((q) => q.readOnlyMode)).toBe(true);
    const writable = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: true });
    try {
      const writableApi = (await (await fetch(new URL('/queues/api/queues', writable.url))).json()) as { queues: { readOnlyMode: boolean }[] };
      expect(writableApi.queues.every((q) => !q.readOnlyMode)).toBe(true);
    } finally {
      await writable.close();
    }
  });

  it('refuses Bull Board mutations in read-only mode and allows them with write on', async () => {
    const refused = await get('/queues/api/queues/fetch/pause', { method: 'PUT' });
    expect(refused.status).toBe(405);
    expect(await ctx.queues.fetch.isPaused()).toBe(false);
    const writable = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: true });
    try {
      const allowed = await fetch(new URL('/queues/api/queues/fetch/pause', writable.url), { method: 'PUT' });
      expect(allowed.status).toBe(200);
      expect(await ctx.queues.fetch.isPaused()).toBe(true);
    } finally {
      await ctx.queues.fetch.resume();
      await writable.close();
    }
  });

  it('closes gracefully: the port stops answering and close can be called twice', async () => {
    const extra = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false });
    expect((await fetch(new URL('/healthz', extra.url))).status).toBe(200);
    await extra.close();
    await extra.close();
    await expect(fetch(new URL('/healthz', extra.url))).rejects.toThrow();
  });
});
