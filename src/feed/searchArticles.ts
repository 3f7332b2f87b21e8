import type { Pool } from '../db/createPool.js';

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
/** Characters of the body ts_headline reads: it re-parses its whole input per hit. */
const HEADLINE_INPUT_CHARS = 50_000;

/**
 * Ranked full-text search over live articles (`articles.search_vector`, GIN-indexed). The ranking runs first
 * with the limit applied; snippets are built for the returned hits only, since ts_headline re-parses the text.
 * Shared by `wpingest search`, the read API (`q`) and the dashboard.
 */
export async function searchArticles(pool: Pick<Pool, 'query'>, options: SearchOptions): Promise<SearchHit[]> {
  const [start, stop] = options.highlight ?? ['**', '**'];
  const headline = `${HEADLINE_OPTIONS}, StartSel="${quoteOption(start)}", StopSel="${quoteOption(stop)}"`;
  const result = await pool.query<SearchHit>(
    `SELECT h.id, h.title, s.url AS site, h.source_url, h.published_at, h.rank::float8 AS rank,
            ts_headline(h.cfg, coalesce(nullif(left(h.body_text, ${HEADLINE_INPUT_CHARS}), ''), h.title), h.query, $4) AS snippet
       FROM (SELECT a.id, a.title, a.source_url, a.published_at, a.body_text, a.version_site_id, sm.cfg, sm.query, sm.rank
               FROM search_matches($1) sm
               JOIN articles a ON a.id = sm.id
              WHERE a.deleted_at IS NULL
                AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = a.id AND ap.site_id = $2))
              ORDER BY sm.rank DESC, a.id
              LIMIT $3) h
       JOIN sites s ON s.id = h.version_site_id
      ORDER BY h.rank DESC, h.id`,
    [options.q, options.siteId ?? null, options.limit ?? DEFAULT_SEARCH_LIMIT, headline],
  );
  return result.rows.map((row) => ({ ...row, published_at: row.published_at ? new Date(row.published_at).toISOString() : null }));
}

/** ts_headline option values are double-quoted; a quote inside is doubled. */
function quoteOption(value: string): string {
  return value.replace(/"/g, '""');
}
