import pg from 'pg';

/** Connections per process: a fetch job holds up to four at once and a process job two, at a few jobs each. */
const POOL_MAX_CONNECTIONS = 16;
const IDLE_TIMEOUT_MS = 10_000;
/** First TCP keepalive probe after this much silence: a connection dropped by the network is found and closed. */
const KEEPALIVE_DELAY_MS = 10_000;

/** Time limits of every pooled connection (see the WPINGEST_PG_* settings in config.ts). */
export interface PoolTimeouts {
  /** Client-side limit on one query: a connection that went silent fails the query instead of hanging. */
  queryTimeoutMs: number;
  /** Server-side `statement_timeout`. */
  statementTimeoutMs: number;
  /** Longest wait for a connection, new or pooled. */
  connectTimeoutMs: number;
}

/** The defaults of config.ts, for callers (tests, tools) without a Config. */
export const DEFAULT_POOL_TIMEOUTS: PoolTimeouts = { queryTimeoutMs: 60_000, statementTimeoutMs: 45_000, connectTimeoutMs: 15_000 };

/** The pool limits of a config. */
export function pgTimeouts(config: { pgQueryTimeoutMs: number; pgStatementTimeoutMs: number; pgConnectTimeoutMs: number }): PoolTimeouts {
  return { queryTimeoutMs: config.pgQueryTimeoutMs, statementTimeoutMs: config.pgStatementTimeoutMs, connectTimeoutMs: config.pgConnectTimeoutMs };
}

// timestamptz and bigint come back as strings; parse bigint ids to numbers (ids stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** Client options shared by the pool and the lock sessions: keepalive and the time limits. */
export function clientOptions(timeouts: PoolTimeouts): pg.ClientConfig {
  return {
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    query_timeout: timeouts.queryTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    // A client that vanished mid-transaction (its connection dropped by the network) leaves a backend holding row
    // locks that every later writer would wait on: the server ends such a session after this long.
    idle_in_transaction_session_timeout: timeouts.queryTimeoutMs,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
  };
}

/** A pg pool for `databaseUrl`; errors on idle clients are reported, never crash the process. */
export function createPool(
  databaseUrl: string,
  onError: (error: Error) => void,
  max = POOL_MAX_CONNECTIONS,
  timeouts: PoolTimeouts = DEFAULT_POOL_TIMEOUTS,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    ...clientOptions(timeouts),
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    application_name: 'wpingest',
  });
  pool.on('error', onError);
  // pg-pool listens for errors only on idle clients: a checked-out client whose connection is terminated
  // between two queries (Postgres restarting, pg_terminate_backend) would emit an unhandled 'error' and
  // crash the process. Its next query fails instead, with an error `isTransient` recognises.
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/**
 * Ends the pool, or gives up after `graceMs`: a pool whose connections went silent (the network dropped them)
 * never finishes ending, and shutdown must not wait on it. Returns false when it gave up.
 */
export async function endPoolWithin(pool: pg.Pool, graceMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      pool.end().then(
        () => true,
        () => true,
      ),
      gaveUp,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
