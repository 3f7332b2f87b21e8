import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../workers/startDashboard.js';
import { createDashboardTestEnv, type DashboardTestEnv, type TestContext } from './dashboardTestEnv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let env: DashboardTestEnv;
let ctx: TestContext;
let dashboard: Awaited<ReturnType<typeof startDashboard>>;
let port: number;

beforeAll(async () => {
  env = await createDashboardTestEnv();
  ctx = await env.openContext();
  dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: true });
  port = Number(new URL(dashboard.url).port);
});
afterAll(async () => {
  await dashboard?.close();
  await env?.destroy();
});

/** A raw request with the headers a test chooses (fetch would set Host and Origin itself). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a loopback dashboard without a token', () => {
  it('serves only Host names of this machine, on its own port (DNS rebinding is refused)', async () => {
    expect(await send('GET', '/api/overview', { host: `127.0.0.1:${port}` })).toBe(200);
    expect(await send('GET', '/api/overview', { host: `localhost:${port}` })).toBe(200);
    expect(await send('GET', '/api/overview', { host: `[::1]:${port}` })).toBe(200);
    expect(await send('GET', '/api/overview', { host: `attacker.example:${port}` })).toBe(421);
    expect(await send('GET', '/api/overview', { host: `127.0.0.1:${port + 1}` })).toBe(421);
    expect(await send('GET', '/queues/api/queues', { host: 'rebound.attacker.example' })).toBe(421);
    expect(await send('PUT', '/queues/api/queues/fetch/pause', { host: `attacker.example:${port}` })).toBe(421);
    expect(await ctx.queues.fetch.isPaused()).toBe(false);
  });

  it('refuses cross-site writes, text/plain POSTs included, and creates nothing', async () => {
    const host = `127.0.0.1:${port}`;
    const job = JSON.stringify({ name: 'x', data: { siteId: 1, runId: 1, page: 1 } });
    expect(
      await send(
        'POST',
        '/queues/api/queues/fetch/add',
        { host, origin: 'http://attacker.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
        job,
      ),
    ).toBe(403);
    expect(await send('POST', '/queues/api/queues/fetch/add', { host, origin: 'http://attacker.example', 'content-type': 'text/plain' }, job)).toBe(403);
    expect(await send('PUT', '/queues/api/queues/fetch/pause', { host, 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await ctx.queues.fetch.count()).toBe(0);
    expect(await ctx.queues.fetch.isPaused()).toBe(false);
    // The dashboard's own page (same origin) and a command-line client (no Origin, no Sec-Fetch-Site) may write.
    expect(await send('PUT', '/queues/api/queues/fetch/pause', { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await ctx.queues.fetch.isPaused()).toBe(true);
    expect(await send('PUT', '/queues/api/queues/fetch/resume', { host })).toBe(200);
    expect(await ctx.queues.fetch.isPaused()).toBe(false);
  });
});

/** Runs `wpingest run` from source until it exits; returns its exit code, how long it took and its stderr. */
function runCli(args: string[], extraEnv: Record<string, string>): Promise<{ code: number | null; ms: number; stderr: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      WPINGEST_QUEUE_PREFIX: env.queuePrefix,
      WPINGEST_LOG_LEVEL: 'info',
      DASHBOARD_TOKEN: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => void (stderr += String(chunk)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - started, stderr });
    }),
  );
}

describe('`wpingest run` with a dashboard it cannot serve', () => {
  it('exits 2 before any worker starts when asked to bind 0.0.0.0 without DASHBOARD_TOKEN', async () => {
    const result = await runCli(['--roles', 'fetch,process,dashboard', '--dashboard-host', '0.0.0.0'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing to serve the dashboard on 0\.0\.0\.0/);
    expect(result.stderr).not.toMatch(/wpingest running/);
  }, 90_000);

  it('exits 1 when its dashboard port is taken, even as a dashboard-only process', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['--roles', 'dashboard'], { DASHBOARD_PORT: String(taken) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/dashboard cannot listen/);
    } finally {
      blocker.close();
    }
  }, 90_000);
});
