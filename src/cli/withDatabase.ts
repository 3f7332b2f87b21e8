import { loadConfig } from '../config.js';
import { createPool, type Pool } from '../db/createPool.js';
import { queryOne } from '../db/query.js';
import { ConfigError } from '../errors.js';
import { siteIdByUrl } from '../feed/feedQueries.js';
import { createLogger } from '../log.js';
import { canonicalSiteUrl } from '../jobs/site/registerSite.js';

/** Connections a read-only command needs: a cursor's and one for counts and cursor bookkeeping. */
const READ_POOL_CONNECTIONS = 3;

/** Runs a command body that only reads Postgres (no Redis, no queues) and always closes the pool. */
export async function withDatabase<T>(body: (pool: Pool) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const pool = createPool(config.databaseUrl, (error) => log.warn({ err: error }, 'idle Postgres client error'), READ_POOL_CONNECTIONS);
  try {
    return await body(pool);
  } finally {
    await pool.end();
  }
}

/** The id of a registered site given as a URL, or a one-line error naming it. */
export async function resolveSiteId(pool: Pool, url: string | undefined): Promise<number | undefined> {
  if (url === undefined) return undefined;
  const canonical = canonicalSiteUrl(url);
  const row = await queryOne<{ id: number }>(pool, siteIdByUrl(canonical));
  if (!row) throw new ConfigError(`no site ${canonical}; see \`wpingest source list\``);
  return row.id;
}
