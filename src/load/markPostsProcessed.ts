import type { PoolClient } from '../db/createPool.js';
import { execute } from '../db/query.js';
import { markProcessedHashes, markRejected } from './rawPostQueries.js';

/** Records which payload version each post was processed from, and posts rejected with their reason. */
export async function markPostsProcessed(
  client: PoolClient,
  siteId: number,
  done: ReadonlyArray<{ wpId: number; hash: string }>,
  rejected: ReadonlyArray<{ wpId: number; reason: string }>,
): Promise<void> {
  const sorted = [...done].sort((a, b) => a.wpId - b.wpId);
  if (sorted.length > 0)
    await execute(
      client,
      markProcessedHashes(
        siteId,
        sorted.map((d) => d.wpId),
        sorted.map((d) => d.hash),
      ),
    );
  if (rejected.length > 0)
    await execute(
      client,
      markRejected(
        siteId,
        rejected.map((d) => d.wpId),
        rejected.map((d) => d.reason),
      ),
    );
}
