import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/db/createPool.js';
import { isTransient } from '../../src/errors.js';
import { TEST_PG_SERVER } from '../helpers/testDatabase.js';

// Seen against the real WordPress on a busy 2-core box: a fetch job waited more than connectionTimeoutMillis for a
// pooled connection, and the page was failed for good instead of being retried.
describe('a Postgres pool with no free connection in time', () => {
  it('fails with an error the retry policy treats as transient', async () => {
    const pool = createPool(`${TEST_PG_SERVER}/postgres`, () => undefined, 1);
    const held = await pool.connect();
    try {
      const error = await pool.query('SELECT 1').then(
        () => null,
        (caught: unknown) => caught,
      );
      expect((error as Error).message).toMatch(/timeout exceeded when trying to connect/);
      expect(isTransient(error)).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  }, 20_000);
});
