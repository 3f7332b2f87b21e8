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
});
