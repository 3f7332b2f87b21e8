import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, METRIC_NAMES, type Metrics } from '../../src/dashboard/metrics.js';
import { observeFetch } from '../../src/dashboard/observeFetch.js';
import { startDashboard, type RunningDashboard } from '../../workers/startDashboard.js';
import { startSeededDashboard, type SeededDashboard, type TestContext } from './dashboardTestEnv.js';
import { parsePrometheusText, sampleValue, type Exposition } from './parsePrometheusText.js';
import { SEEDED, SITE_URL } from './seedDashboardData.js';

let seeded: SeededDashboard;
let ctx: TestContext;
let metrics: Metrics;
let dashboard: RunningDashboard;
let runId: number;

beforeAll(async () => {
  metrics = createMetrics();
  seeded = await startSeededDashboard({ metrics });
  ({ ctx, dashboard, runId } = seeded);
});

afterAll(async () => seeded?.close());

async function scrape(): Promise<Exposition> {
  const response = await fetch(`${dashboard.url}metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

async function count(table: string): Promise<number> {
  const result = await ctx.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(result.rows[0].n);
}

describe('/metrics', () => {
  it('serves valid Prometheus text whose totals equal the database counts', async () => {
    const exposition = await scrape();
    expect(exposition.types.get(METRIC_NAMES.postsTotal)).toBe('gauge');
    expect(exposition.types.get(METRIC_NAMES.fetchDurationSeconds)).toBe('histogram');
    expect(exposition.types.get(METRIC_NAMES.httpResponsesTotal)).toBe('counter');
    expect(sampleValue(exposition, METRIC_NAMES.postsTotal)).toBe(await count('raw_posts'));
    expect(sampleValue(exposition, METRIC_NAMES.articlesTotal)).toBe(await count('articles'));
    expect(sampleValue(exposition, METRIC_NAMES.teasersTotal)).toBe(await count('teasers'));
    expect(sampleValue(exposition, METRIC_NAMES.postsTotal)).toBe(SEEDED.rawPosts);
    expect(sampleValue(exposition, METRIC_NAMES.articlesTotal)).toBe(SEEDED.articles);
    expect(sampleValue(exposition, METRIC_NAMES.duplicatePostsMergedTotal)).toBe(SEEDED.articlePosts - SEEDED.articles);
    expect(sampleValue(exposition, METRIC_NAMES.dedupeRatio)).toBeCloseTo(1 - SEEDED.articles / SEEDED.rawPosts, 10);
  });

  it('reports job counts by queue and state from the queues themselves', async () => {
    const exposition = await scrape();
    const counts = await ctx.queues.fetch.getJobCounts('waiting');
    expect(sampleValue(exposition, METRIC_NAMES.jobs, { queue: 'fetch', state: 'waiting' })).toBe(counts.waiting);
    expect(sampleValue(exposition, METRIC_NAMES.jobs, { queue: 'fetch', state: 'waiting' })).toBe(SEEDED.fetchJobsWaiting);
    expect(sampleValue(exposition, METRIC_NAMES.jobs, { queue: 'process', state: 'delayed' })).toBe(SEEDED.processJobsDelayed);
    expect(sampleValue(exposition, METRIC_NAMES.jobs, { queue: 'control', state: 'active' })).toBe(0);
  });

  it('reports run pages by state and, per site, the time since its last successful sync (not the cursor post date)', async () => {
    const exposition = await scrape();
    for (const [state, pages] of Object.entries(SEEDED.pages)) {
      expect(sampleValue(exposition, METRIC_NAMES.runPages, { run: String(runId), state })).toBe(pages);
    }
    const lag = sampleValue(exposition, METRIC_NAMES.syncCursorLagSeconds, { site: SITE_URL });
    expect(lag).toBeGreaterThanOrEqual(SEEDED.lastSyncAgeSeconds);
    expect(lag).toBeLessThan(SEEDED.lastSyncAgeSeconds + 120);
  });

  it('collects at scrape time, so new rows show up in the next scrape', async () => {
    const before = sampleValue(await scrape(), METRIC_NAMES.teasersTotal);
    await ctx.pool.query(`INSERT INTO teasers (source_domain, key, title) VALUES ('source.example.test', 'nid:new', 'New')`);
    const after = sampleValue(await scrape(), METRIC_NAMES.teasersTotal);
    expect(after).toBe(before + 1);
    expect(after).toBe(await count('teasers'));
  });

  it('exports fetches observed with observeFetch, in the registry given and no other', async () => {
    observeFetch(metrics.registry, { status: 200, seconds: 0.25 });
    observeFetch(metrics.registry, { status: 200, seconds: 0.5 });
    observeFetch(metrics.registry, { status: 'timeout', seconds: 30 });
    const exposition = await scrape();
    expect(sampleValue(exposition, `${METRIC_NAMES.httpResponsesTotal}`, { status: '200' })).toBe(2);
    expect(sampleValue(exposition, `${METRIC_NAMES.httpResponsesTotal}`, { status: 'timeout' })).toBe(1);
    expect(sampleValue(exposition, `${METRIC_NAMES.fetchDurationSeconds}_count`, { status: '200' })).toBe(2);
    expect(sampleValue(exposition, `${METRIC_NAMES.fetchDurationSeconds}_sum`, { status: '200' })).toBeCloseTo(0.75, 10);
    expect(sampleValue(exposition, `${METRIC_NAMES.fetchDurationSeconds}_bucket`, { status: '200', le: '0.25' })).toBe(1);
    expect(sampleValue(exposition, `${METRIC_NAMES.fetchDurationSeconds}_bucket`, { status: '200', le: '+Inf' })).toBe(2);
    const other = createMetrics();
    expect(await other.registry.getSingleMetricAsString(METRIC_NAMES.httpResponsesTotal)).not.toContain('status="200"');
  });

  it('refuses to observe into a registry createMetrics did not make', () => {
    expect(() => observeFetch(new Registry(), { status: 200, seconds: 1 })).toThrow(/createMetrics/);
  });

  it('stops reading the database once its dashboard is closed', async () => {
    const own = createMetrics();
    const second = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false, metrics: own });
    expect(own.snapshotReader()).toBeDefined();
    await second.close();
    expect(own.snapshotReader()).toBeUndefined();
    expect(await own.registry.getSingleMetricAsString(METRIC_NAMES.jobs)).not.toContain('queue="fetch"');
  });
});
