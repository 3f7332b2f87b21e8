import { QueueEvents, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createHttpClient } from '../../src/fetch/httpClient.js';
import { startFixtureSite, type FixtureSiteHandle } from '../../src/fixtureSite/index.js';
import { redisConnection } from '../../src/queues.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { syncSite } from '../../src/jobs/sync/syncSite.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';
import { eventually } from '../helpers/serviceHelpers.js';

/** Long enough for a backfill of the small site and its settle pass on a busy machine; a liveness bound, not a timing. */
const SETTLE_DEADLINE_MS = 60_000;
/** The held sync's request must not time out (30 s by default) while the other work runs on a busy machine. */
const HELD_REQUEST_TIMEOUT_MS = 5 * 60_000;

describe('the control queue runs several jobs at once', () => {
  let app: TestApp;
  let slow: FixtureSiteHandle;
  let slowId: number;
  let events: QueueEvents;
  /** Lets the slow site answer; until then every listing request of it is held. */
  let release: () => void = () => undefined;
  let held = 0;
  let firstSync: Job;
  const patientHttp = createHttpClient({ userAgent: 'wpingest-test', headersTimeoutMs: HELD_REQUEST_TIMEOUT_MS });

  beforeAll(async () => {
    app = await startTestApp({ label: 'control', posts: 60 });
    app.ctx.http = patientHttp;
    slow = await startFixtureSite({ port: 0, posts: 30, seed: 'slow', permalinks: 'pretty' });
    slowId = (await registerSite(app.ctx, slow.url)).siteId;
    const gate = new Promise<void>((resolve) => (release = resolve));
    slow.onRestRequest(({ route }) => {
      if (route !== '/wp/v2/posts') return;
      held++;
      return gate;
    });
    events = new QueueEvents('control', { connection: redisConnection(app.config.redisUrl), prefix: app.config.queuePrefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    release();
    await events?.close();
    await slow?.close();
    await app?.close();
    await patientHttp.close();
  });

  const syncRuns = async () =>
    (
      await app.ctx.pool.query<{ id: number; created_at: Date; finished_at: Date | null; status: string }>(
        `SELECT id, created_at, finished_at, status FROM runs WHERE site_id = $1 AND kind = 'sync' ORDER BY id`,
        [slowId],
      )
    ).rows;

  it("completes a run's settle pass while a slow sync of another site is in progress", async () => {
    firstSync = await app.ctx.queues.control.add('sync', { kind: 'sync', siteId: slowId });
    await eventually('the slow sync to wait for its first listing', async () => held > 0);
    const start = await startBackfill(app.ctx, app.site.url);
    // A backfill is done only after its settle job ran on the control queue.
    expect(await waitForRunDone(app.ctx, start.runId, SETTLE_DEADLINE_MS)).toMatchObject({ status: 'done' });
    expect(await firstSync.getState()).toBe('active');
  });

  it('skips a scheduled sync of a site whose sync is running, and a direct sync waits for it', async () => {
    const second = await app.ctx.queues.control.add('sync', { kind: 'sync', siteId: slowId });
    expect(await second.waitUntilFinished(events, SETTLE_DEADLINE_MS)).toEqual({ skipped: 'a sync of this site is already running' });
    expect(await firstSync.getState()).toBe('active');
    expect(await syncRuns()).toHaveLength(1);

    const direct = syncSite(app.ctx, slowId);
    release();
    await firstSync.waitUntilFinished(events, SETTLE_DEADLINE_MS);
    await direct;
    const [first, then] = await syncRuns();
    expect([first?.status, then?.status]).toEqual(['done', 'done']);
    expect(then!.created_at.getTime()).toBeGreaterThanOrEqual(first!.finished_at!.getTime());
  });

  it('reads WPINGEST_CONTROL_CONCURRENCY, 4 by default, and refuses a bad value naming it', () => {
    expect(loadConfig({}).controlConcurrency).toBe(4);
    expect(loadConfig({ WPINGEST_CONTROL_CONCURRENCY: '8' }).controlConcurrency).toBe(8);
    expect(() => loadConfig({ WPINGEST_CONTROL_CONCURRENCY: '0' })).toThrow(/WPINGEST_CONTROL_CONCURRENCY/);
    expect(() => loadConfig({ WPINGEST_CONTROL_CONCURRENCY: 'many' })).toThrow(/WPINGEST_CONTROL_CONCURRENCY/);
  });
});
