import type pg from 'pg';
import { isTransient } from '../errors.js';

/** Runs `work` on one pooled client; a client whose connection failed is destroyed, not handed back to the pool. */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    if (isTransient(error)) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}
