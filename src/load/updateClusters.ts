import type { PoolClient } from '../db/createPool.js';

/**
 * Links articles to near-duplicate clusters of the same source within `maxDistanceBits` (dedupe's
 * NEAR_DUPLICATE_MAX_DISTANCE): candidates share a SimHash band (GIN index), then the exact
 * Hamming distance decides. The cluster id is the smallest article id in the cluster, so it does not depend
 * on which article arrived first once all are loaded.
 */
export async function updateClusters(client: PoolClient, articleIds: readonly number[], maxDistanceBits: number): Promise<void> {
  if (articleIds.length === 0) return;
  await client.query(
    `WITH near AS (
       SELECT a.id, least(a.id, min(coalesce(b.cluster_id, b.id))) AS cid
       FROM articles a JOIN articles b ON b.simhash_bands && a.simhash_bands AND b.id <> a.id AND b.source_domain = a.source_domain
         AND bit_count((a.simhash # b.simhash)::bit(64)) <= $2
       WHERE a.id = ANY($1::bigint[]) GROUP BY a.id)
     UPDATE articles a SET cluster_id = near.cid FROM near
     WHERE a.id = near.id AND a.cluster_id IS DISTINCT FROM near.cid`,
    [[...articleIds].sort((x, y) => x - y), maxDistanceBits],
  );
  await client.query(
    `UPDATE articles b SET cluster_id = a.cluster_id FROM articles a
     WHERE a.id = ANY($1::bigint[]) AND a.cluster_id IS NOT NULL AND b.id = a.cluster_id AND b.cluster_id IS DISTINCT FROM a.cluster_id AND b.cluster_id IS NULL`,
    [[...articleIds]],
  );
}
