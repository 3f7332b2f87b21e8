import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { captureLog, exited, spawnCli, startFaultApp, waitForRunFinished, type FaultApp } from './faultHarness.js';

const DB_PASSWORD = 'pw-Zq8rT3xV9kLm2N';
const DASHBOARD_TOKEN = 'tok-Hs7Pq2Wx5Rn8Jk4Lm6';

/** Every text a secret could leak into. */
function leaks(text: string): string[] {
  return [DB_PASSWORD, DASHBOARD_TOKEN, encodeURIComponent(DB_PASSWORD)].filter((secret) => text.includes(secret));
}

describe('secrets never appear in logs or errors', () => {
  let app: FaultApp;
  let child: ChildProcess & { stderrTail?: () => string };
  let stderr = '';

  beforeAll(async () => {
    // Trust auth accepts any password: the secret travels everywhere a real one would.
    app = await startFaultApp({
      label: 'secrets',
      posts: 200,
      faults: '500x1,html200:p=0.1,truncate:p=0.1',
      roles: ['scheduler'],
      databaseUrl: (url) => url.replace('postgres@', `postgres:${DB_PASSWORD}@`),
      env: { DASHBOARD_TOKEN, WPINGEST_LOG_LEVEL: 'debug' },
    });
    child = spawnCli(app, ['fetch', 'process']);
    const { runId } = await startBackfill(app.ctx, app.siteUrl);
    await waitForRunFinished(app, runId);
    child.kill('SIGTERM');
    await exited(child);
    stderr = child.stderrTail?.() ?? '';
  }, 180_000);
  afterAll(async () => app?.close());

  it('the service logs (debug level, through retries of failing requests) hold neither the database password nor the dashboard token', () => {
    expect(stderr).toContain('"job failed"');
    expect(stderr).toContain('wpingest running');
    expect(leaks(stderr)).toEqual([]);
  });

  it('recorded failures and run errors hold no secret', async () => {
    const rows = await app.ctx.pool.query<{ text: string }>(
      `SELECT coalesce(string_agg(message || reason, ' '), '') AS text FROM failures UNION ALL SELECT coalesce(string_agg(error, ' '), '') FROM runs`,
    );
    expect(leaks(rows.rows.map((row) => row.text).join(' '))).toEqual([]);
  });

  it('a database that cannot be reached is reported without its password', async () => {
    const log = captureLog();
    const config = loadConfig({ ...app.env, DATABASE_URL: `postgres://postgres:${DB_PASSWORD}@127.0.0.1:1/nowhere` });
    const error = await createContext(config, log.logger).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(leaks(`${error?.message} ${String((error?.cause as Error | undefined)?.message)} ${log.text()}`)).toEqual([]);
  });
});
