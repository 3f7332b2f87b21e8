import type { PoolClient } from '../db/createPool.js';
import type { ArticleRow } from './articleRow.js';

interface TeaserInput {
  domain: string;
  key: string;
  ref: string;
  title: string;
  url: string | null;
  imageUrl: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * Stores each teaser once per source domain and links it: `post_teasers` (which posts showed it, making
 * `times_seen` exact) and `article_teasers` (slot and position, from the article's current version only,
 * so the links do not depend on which version was ingested last).
 */
export async function loadTeasers(client: PoolClient, rows: readonly ArticleRow[], ids: ReadonlyMap<string, number>, inserted: ReadonlySet<number> = new Set()): Promise<void> {
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
        byKey.set(id, { domain: row.sourceDomain, key, ref: teaser.key, title: teaser.title, url: teaser.url, imageUrl: teaser.image_url, firstSeen: seen, lastSeen: seen });
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
  await client.query(
    `INSERT INTO teasers (source_domain, key, title, url, image_url, first_seen, last_seen, ref)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[])
     ON CONFLICT (source_domain, key) DO UPDATE SET
       first_seen = least(teasers.first_seen, EXCLUDED.first_seen), last_seen = greatest(teasers.last_seen, EXCLUDED.last_seen),
       image_url = coalesce(teasers.image_url, EXCLUDED.image_url), url = coalesce(teasers.url, EXCLUDED.url),
       ref = CASE WHEN ref_rank(EXCLUDED.ref, teasers.ref) THEN EXCLUDED.ref ELSE teasers.ref END
     WHERE EXCLUDED.first_seen < teasers.first_seen OR EXCLUDED.last_seen > teasers.last_seen
        OR (teasers.image_url IS NULL AND EXCLUDED.image_url IS NOT NULL) OR (teasers.url IS NULL AND EXCLUDED.url IS NOT NULL)
        OR ref_rank(EXCLUDED.ref, teasers.ref)`,
    [teasers.map((t) => t.domain), teasers.map((t) => t.key), teasers.map((t) => t.title), teasers.map((t) => t.url), teasers.map((t) => t.imageUrl), teasers.map((t) => t.firstSeen), teasers.map((t) => t.lastSeen), teasers.map((t) => t.ref)],
  );
  const found = await client.query<{ id: number; source_domain: string; key: string }>(
    `SELECT t.id, t.source_domain, t.key FROM teasers t JOIN unnest($1::text[], $2::text[]) AS u(d, k) ON t.source_domain = u.d AND t.key = u.k`,
    [teasers.map((t) => t.domain), teasers.map((t) => t.key)],
  );
  return new Map(found.rows.map((row) => [`${row.source_domain}\u0000${row.key}`, row.id]));
}

async function linkPosts(client: PoolClient, rows: readonly ArticleRow[], teaserIds: ReadonlyMap<string, number>): Promise<void> {
  const links = rows.flatMap((row) => [...new Set(row.teaserKeys.map((key) => teaserIds.get(`${row.sourceDomain}\u0000${key}`)!))].map((teaserId) => [row.siteId, row.wpId, teaserId] as const));
  if (links.length === 0) return;
  links.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
  await client.query(
    `WITH added AS (
       INSERT INTO post_teasers (site_id, wp_id, teaser_id) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])
       ON CONFLICT DO NOTHING RETURNING teaser_id)
     UPDATE teasers t SET times_seen = t.times_seen + a.n FROM (SELECT teaser_id, count(*)::int AS n FROM added GROUP BY teaser_id) a WHERE t.id = a.teaser_id`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
}

/**
 * Makes each current version's links exactly its teasers. Links of articles created in this transaction need no
 * reconciling, and leaving them out of the DELETE keeps it to a few index lookups: with every article of a page
 * in it, the planner (from statistics taken when the table was small) chose a scan of the whole link table per
 * page, a cost that grew with the database.
 */
async function linkArticles(client: PoolClient, rows: readonly ArticleRow[], ids: ReadonlyMap<string, number>, teaserIds: ReadonlyMap<string, number>, inserted: ReadonlySet<number>): Promise<void> {
  const current = await client.query<{ id: number; site_id: number; wp_id: number }>(
    `SELECT a.id, u.site_id, u.wp_id FROM articles a JOIN unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS u(id, site_id, wp_id)
       ON a.id = u.id AND a.version_site_id = u.site_id AND a.version_wp_id = u.wp_id`,
    [rows.map((r) => ids.get(r.sourceUrl)!), rows.map((r) => r.siteId), rows.map((r) => r.wpId)],
  );
  const currentIds = new Set(current.rows.map((row) => row.id));
  const currentVersions = new Set(current.rows.map((row) => `${row.id}:${row.site_id}:${row.wp_id}`));
  const links: Array<[number, number, string, number]> = [];
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
  if (existing.length > 0) {
    await client.query(
      `DELETE FROM article_teasers at USING unnest($1::bigint[]) AS a(id)
       WHERE at.article_id = a.id AND NOT EXISTS (SELECT 1 FROM unnest($2::bigint[], $3::bigint[]) AS l(a, t) WHERE l.a = at.article_id AND l.t = at.teaser_id)`,
      [existing, links.map((l) => l[0]), links.map((l) => l[1])],
    );
  }
  await client.query(
    `INSERT INTO article_teasers (article_id, teaser_id, slot, position) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[])
     ON CONFLICT (article_id, teaser_id) DO UPDATE SET slot = EXCLUDED.slot, position = EXCLUDED.position
     WHERE (article_teasers.slot, article_teasers.position) <> (EXCLUDED.slot, EXCLUDED.position)`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2]), links.map((l) => l[3])],
  );
}
