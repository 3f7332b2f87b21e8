import { loadConfig } from '../../src/config.js';
import { startFixtureSite, type StartFixtureSiteOptions } from '../../src/fixtureSite/index.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startWorkers, type Role, type RunningWorkers } from '../../workers/startWorkers.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from './testDatabase.js';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * A real pipeline for one test file: its own database and queue prefix on the real Postgres and Redis, a
 * fixture WordPress site on 127.0.0.1, and workers for the given roles.
 */
export async function startTestApp(options: {
  label: string;
  posts: number;
  permalinks?: 'pretty' | 'plain';
  faults?: string;
  roles?: Role[];
  seed?: string;
  processConcurrency?: number;
  site?: Pick<StartFixtureSiteOptions, 'utcOffsetHours' | 'dateQuirk' | 'connectionClose'>;
}) {
  const db = await createTestDatabase(options.label);
  const config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_LOG_LEVEL: 'warn' });
  const site = await startFixtureSite({
    port: 0,
    posts: options.posts,
    seed: options.seed ?? 'test',
    permalinks: options.permalinks ?? 'pretty',
    faults: options.faults,
    ...options.site,
  });
  const ctx = await createContext(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  let workers: RunningWorkers | undefined = await startWorkers(ctx, options.roles ?? ['scheduler', 'fetch', 'process'], {
    processConcurrency: options.processConcurrency,
  });
  return {
    ctx,
    site,
    config,
    db,
    async stopWorkers() {
      await workers?.close();
      workers = undefined;
    },
    async restartWorkers(roles: Role[] = ['scheduler', 'fetch', 'process']) {
      await workers?.close();
      workers = await startWorkers(ctx, roles);
    },
    async close() {
      await workers?.close();
      await obliterateQueues(db.queuePrefix);
      await ctx.close();
      await site.close();
      await db.drop();
    },
  };
}
