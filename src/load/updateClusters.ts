import type { PoolClient } from '../db/createPool.js';
import { execute } from '../db/query.js';
import { clusterNearDuplicates, markClusterHeads } from './articleQueries.js';

/**
 * Links articles to near-duplicate clusters of the same source within `maxDistanceBits` (dedupe's
 * NEAR_DUPLICATE_MAX_DISTANCE): candidates share a SimHash band (one btree per band), then the exact
 * Hamming distance decides. The cluster id is the smallest article id in the cluster, so it does not depend
 * on which article arrived first once all are loaded.
 */
export async function updateClusters(client: PoolClient, articleIds: readonly number[], maxDistanceBits: number): Promise<void> {
  if (articleIds.length === 0) return;
  await execute(
    client,
    clusterNearDuplicates(
      [...articleIds].sort((x, y) => x - y),
      maxDistanceBits,
    ),
  );
  await execute(client, markClusterHeads([...articleIds]));
}
