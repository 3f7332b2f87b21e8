import type { PoolClient } from '../db/createPool.js';
import { execute, queryAll } from '../db/query.js';
import { addTimesSeen, insertNewPostFigures, lockPostTeaserIds, updatePostFigures, type PostFigures } from './postFigureQueries.js';

/**
 * Stores each post's figures with the teasers it showed, and counts every post once per teaser in
 * `times_seen`: a post's row holds the teaser ids it was counted for, and only the difference to its new ones
 * is applied, in the same transaction and under the row's lock. Processing a post again changes nothing; two
 * transactions processing the same post count it once (the second waits for the first's row and sees its ids).
 * One row per post instead of a link row per post and teaser (16 rows a post on seed-shaped sites).
 */
export async function recordPostFigures(client: PoolClient, posts: readonly PostFigures[]): Promise<void> {
  if (posts.length === 0) return;
  // One row per post (the last given wins), and one lock order for every writer: (site, post).
  const sorted = [...new Map(posts.map((post) => [key(post.siteId, post.wpId), post])).values()].sort((a, b) => a.siteId - b.siteId || a.wpId - b.wpId);
  const deltas = new Map<number, number>();
  const inserted = await queryAll<{ site_id: number; wp_id: number }>(client, insertNewPostFigures(sorted));
  const isNew = new Set(inserted.map((row) => key(row.site_id, row.wp_id)));
  for (const post of sorted) if (isNew.has(key(post.siteId, post.wpId))) count(deltas, teaserIds(post), 1);
  await rewriteStored(
    client,
    sorted.filter((post) => !isNew.has(key(post.siteId, post.wpId))),
    deltas,
  );
  const changed = [...deltas].filter(([, delta]) => delta !== 0).sort((a, b) => a[0] - b[0]);
  if (changed.length > 0)
    await execute(
      client,
      addTimesSeen(
        changed.map(([id]) => id),
        changed.map(([, delta]) => delta),
      ),
    );
}

/** Rewrites the rows of posts stored before, adding to `deltas` the difference between their old and new teasers. */
async function rewriteStored(client: PoolClient, stored: readonly PostFigures[], deltas: Map<number, number>): Promise<void> {
  if (stored.length === 0) return;
  const old = await queryAll<{ site_id: number; wp_id: number; teaser_ids: string[] }>(
    client,
    lockPostTeaserIds(
      stored.map((post) => post.siteId),
      stored.map((post) => post.wpId),
    ),
  );
  const oldIds = new Map(old.map((row) => [key(row.site_id, row.wp_id), row.teaser_ids.map(Number)]));
  // A row gone since the insert (its site purged meanwhile) is not written again: the post went with it.
  const kept = stored.filter((post) => oldIds.has(key(post.siteId, post.wpId)));
  for (const post of kept) {
    count(deltas, teaserIds(post), 1);
    count(deltas, oldIds.get(key(post.siteId, post.wpId))!, -1);
  }
  if (kept.length > 0) await execute(client, updatePostFigures(kept));
}

function key(siteId: number, wpId: number): string {
  return `${siteId}:${wpId}`;
}

function teaserIds(post: PostFigures): number[] {
  return post.teasers.map((teaser) => teaser.id);
}

function count(deltas: Map<number, number>, ids: readonly number[], sign: number): void {
  for (const id of ids) deltas.set(id, (deltas.get(id) ?? 0) + sign);
}
