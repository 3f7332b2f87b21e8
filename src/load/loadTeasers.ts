import type { PoolClient } from '../db/createPool.js';
import { execute, queryAll } from '../db/query.js';
import * as q from './teaserQueries.js';
import type { ArticleTeaserLink, TeaserInput } from './teaserQueries.js';
import type { ArticleRow } from './articleRow.js';

/**
 * Stores each teaser once per source domain and links it: `post_teasers` (which posts showed it, making
 * `times_seen` exact) and `article_teasers` (slot and position, from the article's current version only,
 * so the links do not depend on which version was ingested last).
 */
export async function loadTeasers(
  client: PoolClient,
  rows: readonly ArticleRow[],
  ids: ReadonlyMap<string, number>,
  inserted: ReadonlySet<number> = new Set(),
): Promise<void> {
  const teaserIds = await upsertTeasers(client, collectTeasers(rows));
  await linkPosts(client, rows, teaserIds);
  await linkArticles(client, rows, ids, teaserIds, inserted);
}

function collectTeasers(rows: readonly ArticleRow[]): TeaserInput[] {
  const byKey = new Map<string, TeaserInput>();
  for (const row of rows) {
    for (const [index, teaser] of row.article.teasers.entries()) {
      const key = row.teaserKeys[index]!;
      const id = `${row.sourceDomain}\u0000${key}`;
      const seen = row.dateGmt;
      const known = byKey.get(id);
      if (!known) {
        byKey.set(id, {
          domain: row.sourceDomain,
          key,
          ref: teaser.key,
          title: teaser.title,
          url: teaser.url,
          imageUrl: teaser.image_url,
          firstSeen: seen,
          lastSeen: seen,
        });
        continue;
      }
      if (!known.imageUrl && teaser.image_url) known.imageUrl = teaser.image_url;
      // The structural key wins over a text one, and the smallest wins among several: independent of order.
      if (rank(teaser.key) < rank(known.ref) || (rank(teaser.key) === rank(known.ref) && teaser.key < known.ref)) known.ref = teaser.key;
      if (seen && (!known.firstSeen || seen < known.firstSeen)) known.firstSeen = seen;
      if (seen && (!known.lastSeen || seen > known.lastSeen)) known.lastSeen = seen;
    }
  }
  // A stable order keeps concurrent upserts from deadlocking on each other's rows.
  return [...byKey.values()].sort((a, b) => (a.domain + a.key < b.domain + b.key ? -1 : 1));
}

function rank(ref: string): number {
  return ref.startsWith('text:') ? 1 : 0;
}

async function upsertTeasers(client: PoolClient, teasers: TeaserInput[]): Promise<Map<string, number>> {
  if (teasers.length === 0) return new Map();
  await execute(client, q.upsertTeasers(teasers));
  const found = await queryAll<{ id: number; source_domain: string; key: string }>(client, q.teaserIds(teasers));
  return new Map(found.map((row) => [`${row.source_domain}\u0000${row.key}`, row.id]));
}

async function linkPosts(client: PoolClient, rows: readonly ArticleRow[], teaserIds: ReadonlyMap<string, number>): Promise<void> {
  const links = rows.flatMap((row) =>
    [...new Set(row.teaserKeys.map((key) => teaserIds.get(`${row.sourceDomain}\u0000${key}`)!))].map((teaserId) => [row.siteId, row.wpId, teaserId] as const),
  );
  if (links.length === 0) return;
  links.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
  await execute(client, q.linkPostTeasers(links));
}

/**
 * Makes each current version's links exactly its teasers. Links of articles created in this transaction need no
 * reconciling, and leaving them out of the DELETE keeps it to a few index lookups: with every article of a page
 * in it, the planner (from statistics taken when the table was small) chose a scan of the whole link table per
 * page, a cost that grew with the database.
 */
async function linkArticles(
  client: PoolClient,
  rows: readonly ArticleRow[],
  ids: ReadonlyMap<string, number>,
  teaserIds: ReadonlyMap<string, number>,
  inserted: ReadonlySet<number>,
): Promise<void> {
  const current = await queryAll<{ id: number; site_id: number; wp_id: number }>(
    client,
    q.currentVersions(
      rows.map((r) => ids.get(r.sourceUrl)!),
      rows.map((r) => r.siteId),
      rows.map((r) => r.wpId),
    ),
  );
  const currentIds = new Set(current.map((row) => row.id));
  const currentVersions = new Set(current.map((row) => `${row.id}:${row.site_id}:${row.wp_id}`));
  const links: ArticleTeaserLink[] = [];
  for (const row of rows) {
    const articleId = ids.get(row.sourceUrl)!;
    if (!currentVersions.has(`${articleId}:${row.siteId}:${row.wpId}`)) continue;
    // One link per story: the first slot it was shown in wins, as inside a post.
    const linked = new Set<number>();
    row.article.teasers.forEach((teaser, position) => {
      const teaserId = teaserIds.get(`${row.sourceDomain}\u0000${row.teaserKeys[position]!}`)!;
      if (!linked.has(teaserId)) links.push([articleId, teaserId, teaser.slot, position]);
      linked.add(teaserId);
    });
  }
  if (currentIds.size === 0) return;
  links.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const existing = [...currentIds].filter((id) => !inserted.has(id)).sort((a, b) => a - b);
  if (existing.length > 0) await execute(client, q.deleteStaleArticleTeasers(existing, links));
  await execute(client, q.upsertArticleTeasers(links));
}
