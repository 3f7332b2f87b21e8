import type { PoolClient } from '../db/createPool.js';

/**
 * Links articles to near-duplicate clusters of the same source within `maxDistanceBits` (dedupe's
 * NEAR_DUPLICATE_MAX_DISTANCE): candidates share a SimHash band (GIN index), then the exact
 * Hamming distance decides. The cluster id is the smallest article id in the cluster, so it does not depend
 * on which article arrived first once all are loaded.
 */
export async function updateClusters(client: PoolClient, articleIds: readonly number[], maxDistanceBits: number): Promise<void> {
  if (articleIds.length === 0) return;
  // Candidates come from the band index alone (MATERIALIZED keeps the planner from combining it with the
  // source_domain index, whose bitmap covers most of the table for a big source: measured as the cost that grew
  // with the table in a 100k-post run); same source and the exact distance are checked on the few candidates.
  await client.query(
    `WITH candidates AS MATERIALIZED (
       SELECT a.id, a.source_domain AS a_domain, a.simhash AS a_hash, b.id AS b_id, b.cluster_id AS b_cluster, b.source_domain AS b_domain, b.simhash AS b_hash
       FROM articles a JOIN articles b ON b.simhash_bands && a.simhash_bands AND b.id <> a.id
       WHERE a.id = ANY($1::bigint[])),
     near AS (
       SELECT id, least(id, min(coalesce(b_cluster, b_id))) AS cid FROM candidates
       WHERE b_domain = a_domain AND bit_count((a_hash # b_hash)::bit(64)) <= $2
       GROUP BY id)
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
