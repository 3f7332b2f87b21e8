import type { Pool } from '../db/createPool.js';
import { SEARCH_LIMIT, searchArticlesByTitle } from './articleQueries.js';

/** One hit of the dashboard's search box. */
export interface SearchHit {
  id: number;
  title: string;
  sourceDomain: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
}

/**
 * What the dashboard's search box finds for `text`: an article by id, or by words of its title. The one
 * place the box asks the database, so a ranked full-text search can take its place.
 */
export async function searchArticlesForBox(pool: Pool, text: string): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === '') return [];
  const result = await pool.query<SearchHit>(searchArticlesByTitle(query, SEARCH_LIMIT));
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}
