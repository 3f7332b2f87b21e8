import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { cliEnv, runCli } from '../helpers/serviceHelpers.js';

describe('wpingest demo', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let config: Config;

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix });
  });
  afterAll(async () => {
    await obliterateQueues(db.queuePrefix);
    await db?.drop();
  });

  it('backfills its fixture site, prints a human summary, and leaves no enabled source on the dead port behind', async () => {
    const result = await runCli(['demo', '--posts', '30'], cliEnv(config, { WPINGEST_LOG_LEVEL: 'info' }));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^posts fetched +30$/m);
    expect(result.output).not.toMatch(/^\{"level"/m);
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    try {
      const sites = await client.query<{ enabled: boolean; articles: number }>(
        `SELECT s.enabled, (SELECT count(*)::int FROM article_posts p WHERE p.site_id = s.id) AS articles FROM sites s`,
      );
      expect(sites.rows).toEqual([{ enabled: false, articles: 30 }]);
    } finally {
      await client.end();
    }
  });
});
