import type { PoolClient } from '../db/createPool.js';

/**
 * Links articles to near-duplicate clusters of the same source within `maxDistanceBits` (dedupe's
 * NEAR_DUPLICATE_MAX_DISTANCE): candidates share a SimHash band (one btree per band), then the exact
 * Hamming distance decides. The cluster id is the smallest article id in the cluster, so it does not depend
 * on which article arrived first once all are loaded.
 */
export async function updateClusters(client: PoolClient, articleIds: readonly number[], maxDistanceBits: number): Promise<void> {
  if (articleIds.length === 0) return;
  // Candidates share a band value at one position (the bands are tagged with it): one lookup per position in that
  // position's btree, answered from the index (it carries id, simhash and source; see sql/000008_scale.sql), so the
  // cost per article does not grow with the source's size; same source and the exact distance are checked there
  // too, and only the near ones are read from the table (for their cluster).
  await client.query(
    `WITH mine AS MATERIALIZED (
       SELECT id, source_domain, simhash, simhash_bands AS bands FROM articles WHERE id = ANY($1::bigint[])),
     near AS (
       SELECT m.id, least(m.id, min(coalesce(b.cluster_id, b.id))) AS cid
       FROM mine m
       JOIN LATERAL (
         SELECT c.id FROM articles c WHERE c.simhash_bands[1] = m.bands[1] AND c.source_domain = m.source_domain AND c.id <> m.id AND bit_count((m.simhash # c.simhash)::bit(64)) <= $2
         UNION SELECT c.id FROM articles c WHERE c.simhash_bands[2] = m.bands[2] AND c.source_domain = m.source_domain AND c.id <> m.id AND bit_count((m.simhash # c.simhash)::bit(64)) <= $2
         UNION SELECT c.id FROM articles c WHERE c.simhash_bands[3] = m.bands[3] AND c.source_domain = m.source_domain AND c.id <> m.id AND bit_count((m.simhash # c.simhash)::bit(64)) <= $2
         UNION SELECT c.id FROM articles c WHERE c.simhash_bands[4] = m.bands[4] AND c.source_domain = m.source_domain AND c.id <> m.id AND bit_count((m.simhash # c.simhash)::bit(64)) <= $2) x ON true
       JOIN articles b ON b.id = x.id
       GROUP BY m.id)
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
