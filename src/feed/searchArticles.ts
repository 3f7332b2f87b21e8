import { queryAll, type Queryable } from '../db/query.js';
import { searchHits } from './feedQueries.js';

/** One search hit: enough to list it and link to the article. */
export interface SearchHit {
  id: number;
  title: string;
  site: string;
  source_url: string;
  /** ISO 8601 UTC, or null. */
  published_at: string | null;
  /** ts_rank of the match: the title (weight A) counts above summary and body (weight B). */
  rank: number;
  /** A few fragments of the body around the matched words, each match wrapped in the highlight markers. */
  snippet: string;
}

/** Options of `searchArticles`. */
export interface SearchOptions {
  /** The query, in websearch syntax: words, "a phrase", -excluded, or. */
  q: string;
  /** Only articles with a WP post on this site (sites.id). */
  siteId?: number;
  /** Hits returned at most. @defaultValue 20 */
  limit?: number;
  /** Put around each matched word in the snippet. @defaultValue ['**', '**'] */
  highlight?: [start: string, stop: string];
}

/** Hits returned when no limit is given. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** ts_headline options: two fragments of 8-20 words, joined with an ellipsis. */
const HEADLINE_OPTIONS = 'MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter=" … "';

/**
 * Ranked full-text search over live articles (`articles.search_vector`, GIN-indexed; see `searchHits`).
 * Shared by `wpingest search`, the read API (`q`) and the dashboard.
 */
export async function searchArticles(pool: Queryable, options: SearchOptions): Promise<SearchHit[]> {
  const [start, stop] = options.highlight ?? ['**', '**'];
  const headline = `${HEADLINE_OPTIONS}, StartSel="${quoteOption(start)}", StopSel="${quoteOption(stop)}"`;
  const rows = await queryAll<SearchHit>(pool, searchHits(options.q, options.siteId ?? null, options.limit ?? DEFAULT_SEARCH_LIMIT, headline));
  return rows.map((row) => ({ ...row, published_at: row.published_at ? new Date(row.published_at).toISOString() : null }));
}

/** ts_headline option values are double-quoted; a quote inside is doubled. */
function quoteOption(value: string): string {
  return value.replace(/"/g, '""');
}
