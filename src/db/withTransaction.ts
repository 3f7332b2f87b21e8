import type pg from 'pg';
import { isTransient } from '../errors.js';

/**
 * Runs `work` in a transaction on one client; rolls back on any error and rethrows it. A client whose
 * connection failed (timed out, cut, terminated) is destroyed instead: closing it aborts the transaction
 * server-side, a ROLLBACK on a silent connection would only wait out another query timeout, and the next caller
 * must not get it back half-broken.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (isTransient(error)) broken = error as Error;
    else await client.query('ROLLBACK').catch((rollbackError: unknown) => void (broken = rollbackError as Error));
    throw error;
  } finally {
    client.release(broken);
  }
}
