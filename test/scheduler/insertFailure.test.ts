import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, queryAll } from '../../src/db/query.js';
import { insertFailure } from '../../src/scheduler/runQueries.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

describe('insertFailure', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let siteId: number;
  let runIds: number[];

  beforeAll(async () => {
    db = await createTestDatabase('failures');
    pool = new pg.Pool({ connectionString: db.databaseUrl, max: 4 });
    siteId = (await pool.query<{ id: number }>(`INSERT INTO sites (url) VALUES ('https://example.com') RETURNING id`)).rows[0]!.id;
    runIds = (
      await pool.query<{ id: number }>(`INSERT INTO runs (site_id, kind, status) VALUES ($1, 'backfill', 'done'), ($1, 'backfill', 'running') RETURNING id`, [
        siteId,
      ])
    ).rows.map((row) => Number(row.id));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const failure = (runId: number, reason: string, page: number) =>
    insertFailure({ runId, siteId, stage: 'fetch', page, wpId: null, reason, message: `${reason} on page ${page}`, permanent: false });

  it("records a run's implausible total once, however many workers record it at the same moment", async () => {
    const [first, second] = runIds as [number, number];
    await Promise.all([1, 2, 3, 4].map((page) => execute(pool, failure(first, 'implausible-total', page))));
    await execute(pool, failure(second, 'implausible-total', 1));
    await Promise.all([5, 6].map((page) => execute(pool, failure(first, 'http-500', page))));
    const rows = await queryAll<{ run_id: string; reason: string; n: number }>(pool, {
      text: 'SELECT run_id, reason, count(*)::int AS n FROM failures GROUP BY 1, 2 ORDER BY 1, 2',
      values: [],
    });
    expect(rows.map((row) => [Number(row.run_id), row.reason, row.n])).toEqual([
      [first, 'http-500', 2],
      [first, 'implausible-total', 1],
      [second, 'implausible-total', 1],
    ]);
  });
});
