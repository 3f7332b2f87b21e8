import type { PoolClient } from '../src/db/createPool.js';
import type { TermNames, WpPost } from '../src/wpPost.js';

export interface StoredPost {
  wpId: number;
  post: WpPost;
  contentHash: string;
  processedHash: string | null;
}

/** Raw posts of a site by id, and the site's cached term and author names. */
export async function loadPostInputs(client: PoolClient, siteId: number, wpIds: readonly number[]): Promise<{ siteUrl: string; posts: StoredPost[]; terms: TermNames }> {
  const [site, posts, terms] = await Promise.all([
    client.query<{ url: string }>('SELECT url FROM sites WHERE id = $1', [siteId]),
    client.query<{ wp_id: number; payload: WpPost; content_hash: string; processed_hash: string | null }>(
      `SELECT wp_id, payload, content_hash, processed_hash FROM raw_posts WHERE site_id = $1 AND wp_id = ANY($2::bigint[]) AND status <> 'deleted' ORDER BY wp_id`,
      [siteId, wpIds],
    ),
    client.query<{ taxonomy: string; term_id: number; name: string }>('SELECT taxonomy, term_id, name FROM terms WHERE site_id = $1', [siteId]),
  ]);
  const names = { categories: new Map<number, string>(), tags: new Map<number, string>(), authors: new Map<number, string>() };
  for (const row of terms.rows) {
    const target = row.taxonomy === 'category' ? names.categories : row.taxonomy === 'post_tag' ? names.tags : names.authors;
    target.set(row.term_id, row.name);
  }
  return {
    siteUrl: site.rows[0]?.url ?? '',
    posts: posts.rows.map((row) => ({ wpId: row.wp_id, post: row.payload, contentHash: row.content_hash, processedHash: row.processed_hash })),
    terms: names,
  };
}
