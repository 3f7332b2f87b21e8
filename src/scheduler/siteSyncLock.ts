import pg from 'pg';
import type { Logger } from '../log.js';

/** First key of every site sync lock (`pg_advisory_lock(int, int)`), so wpingest's locks never meet another program's. */
export const SITE_SYNC_LOCK_CLASS = 0x77_70_53_59;
/** How often a waiting caller tries the lock again. */
export const SITE_SYNC_LOCK_POLL_MS = 1_000;

/** Held while one sync of a site runs; `release` ends it (idempotent). */
export interface SiteSyncLock {
  release(): Promise<void>;
}

/** What opening a lock needs: the database, and a logger for a connection lost while the lock is held. */
export interface SiteSyncLockDeps {
  databaseUrl: string;
  log: Logger;
}

/**
 * Takes the site's sync lock if no other sync of it holds it, else returns null. The lock is a Postgres
 * advisory lock on a connection of its own, outside the pool (a sync's queries never wait behind it), so it
 * is released when its process dies, whichever process and host held it.
 */
export async function tryLockSiteSync(deps: SiteSyncLockDeps, siteId: number): Promise<SiteSyncLock | null> {
  return withLockClient(deps, siteId, async (tryLock) => tryLock());
}

/** Takes the site's sync lock, waiting (polling) while another sync of the site holds it. */
export async function lockSiteSync(deps: SiteSyncLockDeps, siteId: number, signal?: AbortSignal): Promise<SiteSyncLock> {
  return withLockClient(deps, siteId, async (tryLock) => {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const lock = await tryLock();
      if (lock) return lock;
      if (attempt === 0) deps.log.info({ siteId }, 'another sync of this site is running; waiting for it to end');
      await new Promise((resolve) => setTimeout(resolve, SITE_SYNC_LOCK_POLL_MS));
    }
  });
}

/** Opens the lock's connection for `use`; it stays open only if `use` returns the lock it took. */
async function withLockClient<T extends SiteSyncLock | null>(deps: SiteSyncLockDeps, siteId: number, use: (tryLock: () => Promise<SiteSyncLock | null>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: deps.databaseUrl, application_name: 'wpingest-sync-lock' });
  client.on('error', (error) => deps.log.warn({ err: error, siteId }, 'sync lock connection lost; the lock is released'));
  await client.connect();
  let released: Promise<void> | undefined;
  // Closing the session releases its advisory locks; no unlock query is needed.
  const lock: SiteSyncLock = { release: () => (released ??= client.end().catch(() => undefined)) };
  const tryLock = async () => {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS locked', [SITE_SYNC_LOCK_CLASS, siteId]);
    return result.rows[0]?.locked ? lock : null;
  };
  try {
    const taken = await use(tryLock);
    if (!taken) await lock.release();
    return taken;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
