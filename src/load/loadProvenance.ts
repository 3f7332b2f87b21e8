import type { PoolClient } from '../db/createPool.js';
import { execute } from '../db/query.js';
import type { ArticleRow } from './articleRow.js';
import { insertVersions, pruneVersions, repointVersions, upsertArticlePosts } from './provenanceQueries.js';

/**
 * Records which WP post shows which content of which story (article_posts, with the template decision it was
 * made with) and every version of every story (article_versions, keyed by content hash). All idempotent. Versions are kept to what the stored posts show and what they showed before
 * an edit, so a run's versions are the same whatever order its posts were processed in (see `pruneVersions`).
 */
export async function loadProvenance(client: PoolClient, rows: readonly ArticleRow[], ids: ReadonlyMap<string, number>): Promise<void> {
  // One lock order for every writer: rows of concurrent pages' transactions are taken in (site, post) order.
  const sorted = [...rows].sort((a, b) => a.siteId - b.siteId || a.wpId - b.wpId);
  const articleIds = sorted.map((row) => ids.get(row.sourceUrl)!);
  // What each post shows first: the versions are then pruned against it.
  await execute(client, upsertArticlePosts(sorted, articleIds));
  await execute(client, insertVersions(sorted, articleIds));
  await execute(client, repointVersions(sorted, articleIds));
  await execute(client, pruneVersions(sorted, articleIds));
}
