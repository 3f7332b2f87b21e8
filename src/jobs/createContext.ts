import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { createPool, endPoolWithin, pgTimeouts } from '../db/createPool.js';
import { instanceId } from '../db/instanceQueries.js';
import { queryOne } from '../db/query.js';
import { observeFetch } from '../dashboard/observeFetch.js';
import { createHttpClient } from '../fetch/httpClient.js';
import { createLogger, type Logger } from '../log.js';
import { openQueues, redisConnection } from '../queues.js';
import type { AppContext } from './context.js';

/** Opens every connection a process needs; `close` ends them all. */
export async function createContext(config: Config, log: Logger = createLogger(config.logLevel)): Promise<AppContext & { close(): Promise<void> }> {
  const pool = createPool(config.databaseUrl, (error) => log.warn({ err: error }, 'idle Postgres client error'), undefined, pgTimeouts(config));
  const connection = redisConnection(config.redisUrl);
  const redis = new Redis({ ...(connection as object), lazyConnect: true, maxRetriesPerRequest: 3 });
  redis.on('error', (error) => log.debug({ err: error }, 'redis connection error'));
  const [postgres, redisCheck] = await Promise.allSettled([checkPostgres(pool, config.databaseUrl), checkRedis(redis, config.redisUrl)]);
  if (postgres.status === 'rejected' || redisCheck.status === 'rejected') {
    // Close what did open, so a failed start exits instead of hanging on an open socket.
    redis.disconnect();
    await pool.end().catch(() => undefined);
    throw postgres.status === 'rejected' ? postgres.reason : (redisCheck as PromiseRejectedResult).reason;
  }
  const queues = openQueues(connection, config.queuePrefix, postgres.value);
  const http = createHttpClient({
    userAgent: config.userAgent,
    deadlineMs: config.fetchDeadlineMs,
    minBytesPerS: config.fetchMinBytesPerS,
    maxBodyBytes: config.maxPageBytes,
    onResponse: (status, seconds) => observeFetch({ status, seconds }),
  });
  return {
    config,
    log,
    pool,
    queues,
    http,
    redis,
    // Each step is bounded: a Redis or Postgres that went silent must not keep a stopping process alive.
    close: async () => {
      const grace = config.shutdownGraceMs;
      if (!(await settlesWithin(queues.close(), grace))) log.warn({ graceMs: grace }, 'queue connections did not close in time; leaving them');
      await settlesWithin(http.close(), grace);
      redis.disconnect();
      if (!(await endPoolWithin(pool, grace))) log.warn({ graceMs: grace }, 'Postgres pool did not end in time (connections hung); leaving it');
    },
  };
}

/** Waits for `promise` at most `ms`; true when it settled (resolved or rejected) in time. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port}${parsed.pathname}`;
}

/** Checks Postgres is migrated and returns the database's instance id (scopes queue job ids). */
async function checkPostgres(pool: ReturnType<typeof createPool>, url: string): Promise<string> {
  try {
    const row = await queryOne<{ id: string }>(pool, instanceId());
    if (!row) throw Object.assign(new Error('the instance table is empty'), { code: '42P01' });
    return row.id;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const hint = code === '3D000' || code === '42P01' ? ' (run `wpingest migrate` first)' : '';
    throw new Error(`Postgres at ${hostOf(url)} is not usable: ${(error as Error).message}${hint}`, { cause: error });
  }
}

async function checkRedis(redis: Redis, url: string): Promise<void> {
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis at ${hostOf(url)} is not reachable: ${(error as Error).message}`, { cause: error });
  }
}
