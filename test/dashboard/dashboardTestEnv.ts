import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startDashboard, type DashboardOptions, type RunningDashboard } from '../../workers/startDashboard.js';
import { seedDashboardData, seedJobs } from './seedDashboardData.js';

/** Postgres server the integration tests use (trust auth). */
const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

export type TestContext = Awaited<ReturnType<typeof createContext>>;

/** A fresh database and queue prefix for one test file. */
export interface DashboardTestEnv {
  databaseUrl: string;
  queuePrefix: string;
  /** Opens an app context on this database and prefix; extra environment such as DASHBOARD_TOKEN. */
  openContext(extraEnv?: Record<string, string>): Promise<TestContext>;
  /** Closes every context opened, removes the queues' keys and drops the database. */
  destroy(): Promise<void>;
}

export async function createDashboardTestEnv(): Promise<DashboardTestEnv> {
  const suffix = randomBytes(5).toString('hex');
  const database = `wpingest_test_dash_${suffix}`;
  const databaseUrl = `${POSTGRES_SERVER}/${database}`;
  const queuePrefix = `wpingest-test-dash-${suffix}`;
  await migrate(databaseUrl);
  const contexts: TestContext[] = [];
  return {
    databaseUrl,
    queuePrefix,
    openContext: async (extraEnv = {}) => {
      const config = loadConfig({ DATABASE_URL: databaseUrl, WPINGEST_QUEUE_PREFIX: queuePrefix, WPINGEST_LOG_LEVEL: 'silent', ...extraEnv });
      const ctx = await createContext(config);
      contexts.push(ctx);
      return ctx;
    },
    destroy: async () => {
      const first = contexts[0];
      if (first) await Promise.all(first.queues.all.map((queue) => queue.obliterate({ force: true })));
      for (const ctx of contexts) await ctx.close();
      await dropDatabase(database);
    },
  };
}

/** A dashboard over a fresh database seeded with the tests' runs, failures and jobs. */
export interface SeededDashboard {
  env: DashboardTestEnv;
  ctx: TestContext;
  dashboard: RunningDashboard;
  /** The seeded run. */
  runId: number;
  /** Closes the dashboard, then the environment. */
  close(): Promise<void>;
}

/** Seeds a fresh environment and starts a read-only dashboard on it, on a free loopback port. */
export async function startSeededDashboard(options: Partial<DashboardOptions> = {}): Promise<SeededDashboard> {
  const env = await createDashboardTestEnv();
  let dashboard: RunningDashboard | undefined;
  try {
    const ctx = await env.openContext();
    const seeded = await seedDashboardData(ctx.pool);
    await seedJobs(ctx.queues, seeded.siteId, seeded.runId);
    dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false, ...options });
    const running = dashboard;
    return {
      env,
      ctx,
      dashboard,
      runId: seeded.runId,
      close: async () => {
        await running.close();
        await env.destroy();
      },
    };
  } catch (error) {
    await dashboard?.close();
    await env.destroy();
    throw error;
  }
}

async function dropDatabase(database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
