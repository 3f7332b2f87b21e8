import type { Pool } from '../db/createPool.js';
import { queryAll } from '../db/query.js';
import { searchArticles } from '../feed/searchArticles.js';
import { SEARCH_LIMIT, searchArticlesByTitle } from './articleQueries.js';

/** One hit of the dashboard's search box. */
export interface SearchHit {
  id: number;
  title: string;
  sourceDomain: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
}

/** A hit's domain from its source URL, or the URL itself when it does not parse. */
function domainOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * What the dashboard's search box finds for `text`: an article by id, then the ranked full-text search
 * (`searchArticles`, the same as `wpingest search` and the read API), and when that finds nothing (a
 * fragment of a word, a stop word) articles whose title holds the text.
 */
export async function searchArticlesForBox(pool: Pool, text: string): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === '') return [];
  if (!/^[0-9]{1,18}$/.test(query)) {
    const ranked = await searchArticles(pool, { q: query, limit: SEARCH_LIMIT });
    if (ranked.length > 0) {
      return ranked.map((hit) => ({
        id: Number(hit.id),
        title: hit.title,
        sourceDomain: domainOf(hit.source_url),
        publishedAt: hit.published_at ? new Date(hit.published_at) : null,
        deletedAt: null,
      }));
    }
  }
  const rows = await queryAll<SearchHit>(pool, searchArticlesByTitle(query, SEARCH_LIMIT));
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
