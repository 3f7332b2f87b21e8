import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { isTransient } from '../../src/errors.js';
import { createHttpClient } from '../../src/fetch/httpClient.js';
import { startFixtureSite, type FixtureSiteHandle } from '../../src/fixtureSite/index.js';
import type { Logger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startWorkers, type Role, type RunningWorkers, type StartWorkersOptions } from '../../workers/startWorkers.js';
import { createTestDatabase, TEST_PG_SERVER, TEST_REDIS_URL } from '../helpers/testDatabase.js';

/** Project root, where child workers are started. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Short locks so a killed worker's jobs are recovered as stalled within seconds, not BullMQ's 30 s. */
export const FAST_STALL: StartWorkersOptions = { lockDurationMs: 3_000, stalledIntervalMs: 1_000, reconcileIntervalMs: 1_000 };

/** Log lines captured from pino, to look for leaked secrets. */
export interface CapturedLog {
  logger: Logger;
  text(): string;
}

/** A pino logger writing JSON lines into memory. */
export function captureLog(level = 'debug'): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino(
    { level, redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'databaseUrl', 'redisUrl'], censor: '***' } },
    stream,
  );
  return { logger, text: () => chunks.join('') };
}

export interface FaultAppOptions {
  label: string;
  posts: number;
  seed?: string;
  /** fixture-site faults, e.g. `500x1,reset:p=0.05` */
  faults?: string;
  /** roles of the in-process workers; [] for none (child processes do the work) */
  roles?: Role[];
  workerOptions?: StartWorkersOptions;
  /** fetch timeout to the first header byte, in ms (HttpClientOptions.headersTimeoutMs) */
  headersTimeoutMs?: number;
  /** use this site instead of starting a fixture site */
  siteUrl?: string;
  logger?: Logger;
  /** extra environment for loadConfig (e.g. DASHBOARD_TOKEN) */
  env?: Record<string, string>;
  /** database URL to use instead of the test server's trust URL (e.g. one with a password) */
  databaseUrl?: (url: string) => string;
}

export type FaultApp = Awaited<ReturnType<typeof startFaultApp>>;

/** A pipeline on its own database and queue prefix, with in-process workers and/or child worker processes. */
export async function startFaultApp(options: FaultAppOptions) {
  const db = await createTestDatabase(options.label);
  const databaseUrl = options.databaseUrl ? options.databaseUrl(db.databaseUrl) : db.databaseUrl;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_LOG_LEVEL: 'warn', ...options.env };
  const config: Config = loadConfig(env);
  const site: FixtureSiteHandle | undefined = options.siteUrl
    ? undefined
    : await startFixtureSite({ port: 0, posts: options.posts, seed: options.seed ?? 'faults', permalinks: 'pretty', faults: options.faults });
  const ctx = await createContext(config, options.logger ?? pino({ level: 'silent' }));
  // A client with a short timeout replaces the context's (which `ctx.close` still closes).
  const timedHttp =
    options.headersTimeoutMs === undefined
      ? undefined
      : createHttpClient({ userAgent: config.userAgent, headersTimeoutMs: options.headersTimeoutMs, bodyTimeoutMs: options.headersTimeoutMs });
  const fetchTimeout = timedHttp ? { ...ctx, http: timedHttp } : ctx;
  const roles = options.roles ?? ['scheduler', 'fetch', 'process'];
  let workers: RunningWorkers | undefined = roles.length > 0 ? await startWorkers(fetchTimeout, roles, options.workerOptions) : undefined;
  const children = new Set<ChildProcess>();
  return {
    ctx,
    config,
    db,
    env,
    site,
    siteUrl: options.siteUrl ?? site!.url,
    async stopWorkers() {
      await workers?.close();
      workers = undefined;
    },
    async startWorkers(nextRoles: Role[], workerOptions = options.workerOptions) {
      workers = await startWorkers(fetchTimeout, nextRoles, workerOptions);
    },
    /** Starts `node --import tsx <script> <args>` with this app's environment (and `extraEnv` over it). */
    spawnNode(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
      const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env, ...extraEnv },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr = (stderr + String(chunk)).slice(-2_000_000);
      });
      child.once('exit', () => children.delete(child));
      (child as ChildProcess & { stderrTail(): string }).stderrTail = () => stderr;
      children.add(child);
      return child;
    },
    async close() {
      for (const child of children) child.kill('SIGKILL');
      await workers?.close();
      await deletePrefix(db.queuePrefix);
      await timedHttp?.close();
      await ctx.close();
      await site?.close();
      await db.drop();
    },
  };
}

/** Spawns a worker child running the given roles with short stall settings (see workerProcess.ts). */
export function spawnWorker(app: FaultApp, roles: Role[], extraEnv: Record<string, string> = {}): ChildProcess {
  return app.spawnNode(['test/faults/workerProcess.ts', roles.join(',')], extraEnv);
}

/** Spawns the real CLI service (`wpingest run`), from source. */
export function spawnCli(app: FaultApp, roles: Role[], extraEnv: Record<string, string> = {}, args: string[] = []): ChildProcess {
  return app.spawnNode(['src/cli/main.ts', 'run', '--roles', roles.join(','), ...args], extraEnv);
}

/** The stderr a spawned child wrote so far (last 2 MB). */
export function stderrOf(child: ChildProcess): string {
  return (child as ChildProcess & { stderrTail(): string }).stderrTail();
}

/** Resolves with the exit code (or signal) once the child is gone. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
}

/** Deletes every Redis key of a queue prefix: what a Redis restart without persistence does to us. */
export async function deletePrefix(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Runs SQL on the server's maintenance database (for ALTER DATABASE, pg_terminate_backend). */
export async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: `${TEST_PG_SERVER}/postgres` });
  await admin.connect();
  try {
    return await admin.query(text, values);
  } finally {
    await admin.end();
  }
}

/** Waits until `predicate` holds, polling; throws with `what` after the timeout. */
export async function waitUntil(what: string, predicate: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const holds = () =>
    predicate().catch((error: unknown) => {
      if (isTransient(error)) return false;
      throw error;
    });
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Pages of a run by status. */
export async function pageCounts(app: FaultApp, runId: number): Promise<Record<string, number>> {
  const result = await app.ctx.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [
    runId,
  ]);
  return Object.fromEntries(result.rows.map((row) => [row.status, row.n]));
}

/** Polls until the run is finished, riding out transient database errors (the suite provokes them). */
export async function waitForRunFinished(app: Pick<FaultApp, 'ctx'>, runId: number, timeoutMs = 150_000): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + timeoutMs;
  let last = 'not read yet';
  for (;;) {
    try {
      const row = (await app.ctx.pool.query<{ status: string; error: string | null }>('SELECT status, error FROM runs WHERE id = $1', [runId])).rows[0];
      if (row && ['done', 'failed', 'cancelled'].includes(row.status)) return row;
      const pages = await app.ctx.pool.query('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [runId]);
      last = `${row?.status}; pages ${JSON.stringify(pages.rows)}`;
    } catch (error) {
      if (!isTransient(error)) throw error;
      last = `database unavailable: ${(error as Error).message}`;
    }
    if (Date.now() > deadline) throw new Error(`run ${runId} not finished after ${timeoutMs} ms: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
