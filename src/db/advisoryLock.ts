import pg from 'pg';
import type { Logger } from '../log.js';
import { clientOptions, DEFAULT_POOL_TIMEOUTS, type PoolTimeouts } from './createPool.js';

/** How often a waiting caller tries an advisory lock again. */
export const ADVISORY_LOCK_POLL_MS = 1_000;

/** Held until `release` (idempotent). */
export interface AdvisoryLock {
  release(): Promise<void>;
}

/** What opening a lock needs: the database, and a logger for a connection lost while a lock is held. */
export interface AdvisoryLockDeps {
  databaseUrl: string;
  log: Logger;
  /** Keepalive and time limits of the lock connection. @defaultValue DEFAULT_POOL_TIMEOUTS */
  timeouts?: PoolTimeouts;
}

/**
 * A lock name: `lockClass` keeps wpingest's locks apart from another program's and its kinds of lock apart;
 * `key` is an id, or a text hashed by Postgres (`hashtext`: a collision only makes two holders wait for each other).
 * `describe` names it in logs.
 */
export interface AdvisoryLockName {
  lockClass: number;
  key: number | string;
  describe: Record<string, unknown>;
}

/**
 * A connection of its own, outside the pool (holders' queries never wait behind it), on which session advisory
 * locks are taken one after another; closing it, or its process dying, releases every lock it holds.
 */
export interface LockSession {
  /** Takes the lock now, or returns null if another session holds it. */
  tryLock(name: AdvisoryLockName): Promise<AdvisoryLock | null>;
  /** Takes the lock, polling while another session holds it; `waiting` is logged once if it must wait. */
  lock(name: AdvisoryLockName, waiting: string, signal?: AbortSignal): Promise<AdvisoryLock>;
  close(): Promise<void>;
}

export async function openLockSession(deps: AdvisoryLockDeps): Promise<LockSession> {
  const client = new pg.Client({
    connectionString: deps.databaseUrl,
    application_name: 'wpingest-lock',
    ...clientOptions(deps.timeouts ?? DEFAULT_POOL_TIMEOUTS),
  });
  client.on('error', (error) => deps.log.warn({ err: error }, 'lock connection lost; its locks are released'));
  await client.connect();
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= client.end().catch(() => undefined));
  const keySql = (name: AdvisoryLockName) => (typeof name.key === 'number' ? '$2::int' : 'hashtext($2::text)');
  const tryLock = async (name: AdvisoryLockName): Promise<AdvisoryLock | null> => {
    const result = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1::int, ${keySql(name)}) AS locked`, [name.lockClass, name.key]);
    if (!result.rows[0]?.locked) return null;
    let released: Promise<void> | undefined;
    const unlock = async () => {
      if (closed) return;
      await client.query(`SELECT pg_advisory_unlock($1::int, ${keySql(name)})`, [name.lockClass, name.key]).catch(() => undefined);
    };
    return { release: () => (released ??= unlock()) };
  };
  const lock = async (name: AdvisoryLockName, waiting: string, signal?: AbortSignal): Promise<AdvisoryLock> => {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const taken = await tryLock(name);
      if (taken) return taken;
      if (attempt === 0) deps.log.info(name.describe, waiting);
      await new Promise((resolve) => setTimeout(resolve, ADVISORY_LOCK_POLL_MS));
    }
  };
  return { tryLock, lock, close };
}

/** Takes one lock on a session of its own if nobody holds it, else returns null; releasing it closes the session. */
export async function tryAdvisoryLock(deps: AdvisoryLockDeps, name: AdvisoryLockName): Promise<AdvisoryLock | null> {
  return soleLock(deps, (session) => session.tryLock(name));
}

/** Takes one lock on a session of its own, waiting while another holder has it; releasing it closes the session. */
export async function advisoryLock(deps: AdvisoryLockDeps, name: AdvisoryLockName, waiting: string, signal?: AbortSignal): Promise<AdvisoryLock> {
  return soleLock(deps, (session) => session.lock(name, waiting, signal));
}

async function soleLock<T extends AdvisoryLock | null>(deps: AdvisoryLockDeps, take: (session: LockSession) => Promise<T>): Promise<T> {
  const session = await openLockSession(deps);
  try {
    const taken = await take(session);
    if (!taken) await session.close();
    // Closing the session releases its advisory locks; no unlock query is needed.
    return (taken && { release: () => session.close() }) as T;
  } catch (error) {
    await session.close();
    throw error;
  }
}
