import pg from 'pg';
import type { Pool } from '../db/createPool.js';
import { toFeedArticle, type FeedArticle, type FeedRow } from './feedArticle.js';
import { openCursor, queryOne } from '../db/query.js';
import { countFeedRows, selectFeed, type FeedFilter, type FeedPosition } from './feedQueries.js';

/** Rows fetched per round trip: about 50 MB at most for 40 KB-bodied articles with their HTML. */
export const FEED_BATCH_ROWS = 500;

/** One batch of the feed and the keyset position of its last row. */
export interface FeedBatch {
  articles: FeedArticle[];
  last: FeedPosition;
}

/**
 * Reads the feed in (updated_at, id) order through a server-side cursor: memory holds one batch whatever the
 * table's size. The cursor has a connection of its own, made with the pool's settings but without its time
 * limits: the pool's per-query read timeout and `statement_timeout` would end an export that takes longer than
 * them (a cursor is one query however many batches it reads), and the read timeout's timer would keep the
 * process up after the export. Keepalive still finds a dead connection.
 */
export async function* streamFeed(pool: Pool, filter: FeedFilter, batchRows = FEED_BATCH_ROWS): AsyncGenerator<FeedBatch> {
  const client = new pg.Client({ ...pool.options, query_timeout: undefined, statement_timeout: 0, idle_in_transaction_session_timeout: 0 });
  await client.connect();
  const cursor = openCursor<FeedRow>(client, selectFeed(filter));
  try {
    for (;;) {
      const rows = await cursor.read(batchRows);
      if (rows.length === 0) return;
      const lastRow = rows[rows.length - 1]!;
      yield { articles: rows.map(toFeedArticle), last: { updatedAt: lastRow.cursor_updated_at, id: lastRow.id } };
    }
  } finally {
    await cursor.close().catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Rows the filter selects, for progress. */
export async function countFeed(pool: Pool, filter: FeedFilter): Promise<number> {
  return (await queryOne<{ n: number }>(pool, countFeedRows(filter)))?.n ?? 0;
}
