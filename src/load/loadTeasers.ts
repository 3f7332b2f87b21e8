import type { PoolClient } from '../db/createPool.js';
import { execute, queryAll } from '../db/query.js';
import * as q from './teaserQueries.js';
import type { TeaserInput } from './teaserQueries.js';
import type { ArticleRow } from './articleRow.js';
import type { PostFigures } from './postFigureQueries.js';
import { recordPostFigures } from './recordPostFigures.js';

/**
 * Stores each teaser once per source domain and records which posts showed it, in the post's figures row: the
 * teaser ids in the order the post showed them, each with the slot and position it was first shown in. That row
 * keeps `times_seen` exact (see `recordPostFigures`), and an article's teasers are those of the post behind its
 * current version (the `article_teasers` view), so they do not depend on which version was ingested last.
 * `teaserCounts`: each row's teaser occurrences, for the post's figures.
 */
export async function loadTeasers(client: PoolClient, rows: readonly ArticleRow[], teaserCounts: ReadonlyMap<ArticleRow, number>): Promise<void> {
  const teaserIds = await upsertTeasers(client, collectTeasers(rows));
  await recordPostFigures(client, postFigures(rows, teaserIds, teaserCounts));
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

/** Each post's figures with the teasers it showed, each story once: the first slot it was shown in wins. */
function postFigures(rows: readonly ArticleRow[], teaserIds: ReadonlyMap<string, number>, teaserCounts: ReadonlyMap<ArticleRow, number>): PostFigures[] {
  return rows.map((row) => {
    const shown: PostFigures['teasers'][number][] = [];
    const linked = new Set<number>();
    row.article.teasers.forEach((teaser, position) => {
      const id = teaserIds.get(`${row.sourceDomain}\u0000${row.teaserKeys[position]!}`)!;
      if (!linked.has(id)) shown.push({ id, slot: teaser.slot, position });
      linked.add(id);
    });
    return {
      siteId: row.siteId,
      wpId: row.wpId,
      teaserOccurrences: teaserCounts.get(row) ?? 0,
      removedBytes: row.removedBytes,
      contentBytes: row.contentBytes,
      teasers: shown,
    };
  });
}
