import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { blockStatKey, readBlockStats, recordBlockSightings, type BlockSighting } from '../../src/load/recordBlockSightings.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

const sighting = (sourceUrl: string, fingerprint: string): BlockSighting => ({
  sourceDomain: 'news.test',
  sourceUrl,
  fingerprint,
  sample: `text of ${fingerprint}`,
});

describe('block sightings', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('sightings');
    pool = createPool(db.databaseUrl, () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('returns the new count of each block it counted, and nothing for a sighting already recorded', async () => {
    const client = await pool.connect();
    try {
      const first = await recordBlockSightings(client, [sighting('https://news.test/a', 'f1'), sighting('https://news.test/a', 'f2')]);
      expect(first).toEqual(
        new Map([
          [blockStatKey('news.test', 'f1'), 1],
          [blockStatKey('news.test', 'f2'), 1],
        ]),
      );

      const second = await recordBlockSightings(client, [sighting('https://news.test/b', 'f1'), sighting('https://news.test/c', 'f1')]);
      expect(second).toEqual(new Map([[blockStatKey('news.test', 'f1'), 3]]));

      // The same article processed again: counted already, so no count comes back and none changes.
      expect(await recordBlockSightings(client, [sighting('https://news.test/a', 'f1')])).toEqual(new Map());
      const stored = await readBlockStats(client, 'news.test', ['f1', 'f2', 'f3']);
      expect(stored.counts).toEqual(
        new Map([
          ['f1', 3],
          ['f2', 1],
        ]),
      );
    } finally {
      client.release();
    }
  });

  it('counts a sighting once when two transactions record it at the same time', async () => {
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      expect(await recordBlockSightings(first, [sighting('https://news.test/d', 'f4'), sighting('https://news.test/d', 'f1')])).toEqual(
        new Map([
          [blockStatKey('news.test', 'f1'), 4],
          [blockStatKey('news.test', 'f4'), 1],
        ]),
      );
      // The second waits for the first's article row, then finds both fingerprints in it: nothing new to count.
      const waiting = recordBlockSightings(second, [sighting('https://news.test/d', 'f1'), sighting('https://news.test/d', 'f4')]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('COMMIT');
      expect(await waiting).toEqual(new Map());
      await second.query('COMMIT');
      // A later sighting of the same article with one more block counts only that one.
      expect(await recordBlockSightings(first, [sighting('https://news.test/d', 'f1'), sighting('https://news.test/d', 'f2')])).toEqual(
        new Map([[blockStatKey('news.test', 'f2'), 2]]),
      );
    } finally {
      first.release();
      second.release();
    }
    const reader = await pool.connect();
    const stored = await readBlockStats(reader, 'news.test', ['f1', 'f2', 'f4']).finally(() => reader.release());
    expect(stored.counts).toEqual(
      new Map([
        ['f1', 4],
        ['f2', 2],
        ['f4', 1],
      ]),
    );
  });
});
