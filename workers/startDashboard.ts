import { assertSafeBind } from '../src/dashboard/assertSafeBind.js';
import { createDashboardApp } from '../src/dashboard/createDashboardApp.js';
import { listenHttp } from '../src/dashboard/listenHttp.js';
import { processMetrics, type Metrics, type SnapshotReader } from '../src/dashboard/metrics.js';
import { readMetricsSnapshot } from '../src/dashboard/readMetricsSnapshot.js';
import type { AppContext } from '../src/jobs/context.js';

/** Options of the dashboard server. */
export interface DashboardOptions {
  /** Address to listen on; anything but loopback needs DASHBOARD_TOKEN. */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Allow Bull Board's mutating actions (retry, clean, remove). */
  write: boolean;
  /** Instruments to serve at `/metrics`. @defaultValue processMetrics(), where `observeFetch()` records */
  metrics?: Metrics;
}

/** A running dashboard. */
export interface RunningDashboard {
  /** Where it really listens, e.g. `http://127.0.0.1:3000/`. */
  url: string;
  /** Stops accepting, finishes in-flight requests, unbinds its metrics. */
  close(): Promise<void>;
}

/** Serves the overview, `/api/overview`, `/metrics`, `/healthz`, `/readyz` and Bull Board at `/queues`. */
export async function startDashboard(ctx: AppContext, options: DashboardOptions): Promise<RunningDashboard> {
  const token = ctx.config.dashboardToken;
  assertSafeBind(options.host, token);
  const log = ctx.log.child({ stage: 'dashboard' });
  const metrics = options.metrics ?? processMetrics();
  const reader: SnapshotReader = () => readMetricsSnapshot(ctx.pool, ctx.queues.all);
  const unbind = () => {
    if (metrics.snapshotReader() === reader) metrics.setSnapshotReader(undefined);
  };
  metrics.setSnapshotReader(reader);
  const deps = { pool: ctx.pool, redis: ctx.redis, queues: ctx.queues.all, queuePrefix: ctx.config.queuePrefix, log };
  const app = createDashboardApp(deps, { metrics, write: options.write, token });
  const listener = await listenHttp(app, options.host, options.port).catch((error: unknown) => {
    unbind();
    throw new Error(`dashboard cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`, { cause: error });
  });
  log.info({ url: listener.url, write: options.write, auth: token ? 'token' : 'none (loopback only)' }, 'dashboard listening');
  return {
    url: listener.url,
    close: async () => {
      await listener.close();
      unbind();
      log.info('dashboard stopped');
    },
  };
}
