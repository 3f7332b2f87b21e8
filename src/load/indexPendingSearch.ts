import { execute, type Queryable } from '../db/query.js';
import { indexSearchBatch } from './searchIndexQueries.js';

/** Articles indexed per statement: one GIN insertion pass over a few hundred documents, well under a second. */
export const SEARCH_INDEX_BATCH = 500;

/** Options of `indexPendingSearch`. */
export interface IndexSearchOptions {
  /** Stop after this many articles (a periodic caller's bound). @defaultValue no bound */
  max?: number;
  /** Stop between batches when this says so (shutdown). */
  signal?: AbortSignal;
}

/**
 * Puts pending articles (stored or re-written since their last indexing) into the full-text index, a batch per
 * statement, until none is left, `max` is reached or `signal` aborts. Returns how many were indexed. Safe to run
 * in several processes at once: each batch takes rows no other transaction holds.
 */
export async function indexPendingSearch(pool: Queryable, options: IndexSearchOptions = {}): Promise<number> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let indexed = 0;
  while (indexed < max && !options.signal?.aborted) {
    const done = await execute(pool, indexSearchBatch(Math.min(SEARCH_INDEX_BATCH, max - indexed)));
    indexed += done;
    if (done === 0) break;
  }
  return indexed;
}
