import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startDashboard } from '../../workers/startDashboard.js';
import { createDashboardTestEnv, type DashboardTestEnv, type TestContext } from './dashboardTestEnv.js';
import { SITE_URL, seedDashboardData } from './seedDashboardData.js';

const TOKEN = `tok-${randomBytes(16).toString('hex')}`;
const PROTECTED_PATHS = [
  '/',
  '/api/overview',
  '/metrics',
  '/readyz',
  '/queues',
  '/queues/api/queues',
  '/search?q=Story',
  '/articles/1',
  '/sources/1',
  '/posts/1/1.json',
];

let env: DashboardTestEnv;
let ctx: TestContext;
let ctxWithToken: TestContext;
let dashboard: Awaited<ReturnType<typeof startDashboard>>;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  env = await createDashboardTestEnv();
  ctx = await env.openContext();
  await seedDashboardData(ctx.pool);
  const config = loadConfig({ DATABASE_URL: env.databaseUrl, WPINGEST_QUEUE_PREFIX: env.queuePrefix, DASHBOARD_TOKEN: TOKEN });
  const capture = new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) });
  ctxWithToken = await createContext(config, pino({ level: 'trace' }, capture));
  dashboard = await startDashboard(ctxWithToken, { host: '0.0.0.0', port: 0, write: false });
  base = `http://127.0.0.1:${new URL(dashboard.url).port}`;
});

afterAll(async () => {
  await dashboard?.close();
  await ctxWithToken?.close();
  await env?.destroy();
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const get = (path: string, authorization?: string) => fetch(base + path, { headers: authorization ? { authorization } : {} });

describe('dashboard authentication', () => {
  it('refuses to start on a non-loopback address without DASHBOARD_TOKEN', async () => {
    await expect(startDashboard(ctx, { host: '0.0.0.0', port: 0, write: false })).rejects.toThrow(/DASHBOARD_TOKEN/);
    await expect(startDashboard(ctx, { host: '::', port: 0, write: false })).rejects.toThrow(/DASHBOARD_TOKEN/);
  });

  it('starts on a loopback address without a token and serves without credentials', async () => {
    const local = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false });
    try {
      expect((await fetch(new URL('/', local.url))).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('listens beyond loopback when a token is set', () => {
    expect(dashboard.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
  });

  it('answers 401 with a Basic challenge on every route but /healthz when no token is sent', async () => {
    for (const path of PROTECTED_PATHS) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate'), path).toMatch(/^Basic realm="wpingest"/);
    }
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
  });

  it('answers 401 to a wrong token, whether Bearer or Basic', async () => {
    expect((await get('/', `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get('/', `Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await get('/', basic('admin', 'wrong-password-123'))).status).toBe(401);
    expect((await get('/', basic(TOKEN, ''))).status).toBe(401);
    expect((await get('/', `Token ${TOKEN}`)).status).toBe(401);
  });

  it('serves every route to the right Bearer token', async () => {
    for (const path of PROTECTED_PATHS) expect((await get(path, `Bearer ${TOKEN}`)).status, path).toBe(200);
    expect(await (await get('/', `Bearer ${TOKEN}`)).text()).toContain(SITE_URL);
  });

  it('serves to Basic credentials with any user name and the token as password', async () => {
    expect((await get('/', basic('admin', TOKEN))).status).toBe(200);
    expect((await get('/metrics', basic('', TOKEN))).status).toBe(200);
  });

  it('never puts the token in a page or a log line', async () => {
    for (const path of PROTECTED_PATHS) expect(await (await get(path, `Bearer ${TOKEN}`)).text(), path).not.toContain(TOKEN);
    expect(await (await get('/')).text()).not.toContain(TOKEN);
    expect(logLines.some((line) => line.includes('dashboard listening'))).toBe(true);
    expect(logLines.join('')).not.toContain(TOKEN);
  });
});
