import pg from 'pg';

/** Connections per process: a fetch job holds up to four at once and a process job two, at a few jobs each. */
const POOL_MAX_CONNECTIONS = 16;
const CONNECT_TIMEOUT_MS = 15_000;
const IDLE_TIMEOUT_MS = 10_000;

// timestamptz and bigint come back as strings; parse bigint ids to numbers (ids stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** A pg pool for `databaseUrl`; errors on idle clients are reported, never crash the process. */
export function createPool(databaseUrl: string, onError: (error: Error) => void, max = POOL_MAX_CONNECTIONS): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
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
