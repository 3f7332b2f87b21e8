import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrate } from '../../src/db/migrate.js';

/** The server tests use; each test file gets its own database on it. */
export const TEST_PG_SERVER = 'postgres://postgres@127.0.0.1:5432';
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** A fresh, migrated database and a unique queue prefix for one test file. */
export async function createTestDatabase(label: string): Promise<{ databaseUrl: string; queuePrefix: string; drop(): Promise<void> }> {
  const suffix = `${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const name = `wpingest_test_${suffix}`;
  const databaseUrl = `${TEST_PG_SERVER}/${name}`;
  await migrate(databaseUrl);
  return {
    databaseUrl,
    queuePrefix: `wpt_${suffix}`,
    drop: async () => {
      const admin = new pg.Client({ connectionString: `${TEST_PG_SERVER}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Removes every key of a test's queue prefix. */
export async function obliterateQueues(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
