import type { Query } from '../db/query.js';
import { FEED_COLUMNS } from './feedArticle.js';

/** A keyset position in (updated_at, id) order: updated_at as Postgres text, so microseconds survive. */
export interface FeedPosition {
  updatedAt: string;
  id: number;
}

/** Which articles of the feed to read. */
export interface FeedFilter {
  /** Only articles with a WP post on this site (sites.id). */
  siteId?: number;
  /** Published at or after this ISO time. */
  since?: string;
  /** Published before this ISO time. */
  until?: string;
  /** Full-text query (websearch syntax) the article must match. */
  q?: string;
  /** Only rows after this position in (updated_at, id) order: incremental consumers. */
  after?: FeedPosition;
  /** Only rows changed at or after this ISO time. */
  updatedSince?: string;
  /** Include deleted articles (deleted_at set). @defaultValue false */
  includeDeleted?: boolean;
  /**
   * Only rows no transaction still in flight could sort before (see `SETTLED_HORIZON`): a keyset reader that
   * saves its position must not step past a row that commits later with an earlier updated_at. @defaultValue false
   */
  settled?: boolean;
}

/**
 * A row's updated_at is its writing transaction's start time (now()), and it becomes visible only at commit.
 * Every row stamped before the start of the oldest transaction still open in this database is committed, so a
 * reader stopping there never skips a row that appears later behind its saved position.
 */
export const SETTLED_HORIZON = `(SELECT least(statement_timestamp(), min(xact_start)) FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)`;

/** The SELECT list of the feed: every public column plus the exact keyset position. */
export const FEED_SELECT = `${FEED_COLUMNS.map((c) => `f.${c}`).join(', ')}, f.updated_at::text AS cursor_updated_at`;

/**
 * The WHERE clause for a filter over `article_feed f`, with its values numbered from `firstParam`. The filter is
 * on `articles` columns through the view, so the indexes (updated_at, id), published_at and search apply.
 */
export function feedWhere(filter: FeedFilter, firstParam = 1): { sql: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${firstParam + values.length - 1}`;
  };
  if (!filter.includeDeleted) clauses.push('f.deleted_at IS NULL');
  if (filter.siteId !== undefined) clauses.push(`EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = f.id AND ap.site_id = ${param(filter.siteId)})`);
  if (filter.since) clauses.push(`f.published_at >= ${param(filter.since)}::timestamptz`);
  if (filter.until) clauses.push(`f.published_at < ${param(filter.until)}::timestamptz`);
  if (filter.updatedSince) clauses.push(`f.updated_at >= ${param(filter.updatedSince)}::timestamptz`);
  if (filter.after) clauses.push(`(f.updated_at, f.id) > (${param(filter.after.updatedAt)}::timestamptz, ${param(filter.after.id)}::bigint)`);
  if (filter.settled) clauses.push(`f.updated_at < ${SETTLED_HORIZON}`);
  if (filter.q) clauses.push(`f.id IN (${matchingArticleIds(param(filter.q))})`);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

/** Feed rows in (updated_at, id) order, at most `limit` when given. */
export function selectFeed(filter: FeedFilter, limit?: number): Query {
  const where = feedWhere(filter);
  const values = limit === undefined ? where.values : [...where.values, Math.trunc(limit)];
  const limitSql = limit === undefined ? '' : ` LIMIT $${values.length}`;
  return { text: `SELECT ${FEED_SELECT} FROM article_feed f ${where.sql} ORDER BY f.updated_at, f.id${limitSql}`, values };
}

/** How many rows the filter selects (row `{ n }`), for progress. */
export function countFeedRows(filter: FeedFilter): Query {
  const query = selectFeed(filter);
  return { text: `SELECT count(*)::int AS n FROM (${query.text}) rows`, values: query.values };
}

/** One article in the public shape, deleted or not. */
export function selectFeedArticle(id: number): Query {
  return { text: `SELECT ${FEED_SELECT} FROM article_feed f WHERE f.id = $1`, values: [id] };
}

/** The id of a registered site by its canonical URL. */
export function siteIdByUrl(url: string): Query {
  return { text: 'SELECT id FROM sites WHERE url = $1', values: [url] };
}

/** Ids of the articles matching a websearch query, each with its own language's parse (see `search_matches`). */
export function matchingArticleIds(queryParam: string): string {
  return `SELECT sm.id FROM search_matches(${queryParam}) sm`;
}

/** Characters of the body ts_headline reads: it re-parses its whole input per hit. */
const HEADLINE_INPUT_CHARS = 50_000;

/**
 * Ranked full-text matches among live articles (rows as `SearchHit`), at most `limit`, only those with a post on
 * `siteId` when given. The ranking runs first with the limit applied; snippets (ts_headline with the `headline`
 * options) are built for the returned hits only, since ts_headline re-parses the text.
 */
export function searchHits(q: string, siteId: number | null, limit: number, headline: string): Query {
  return {
    text: `SELECT h.id, h.title, s.url AS site, h.source_url, h.published_at, h.rank::float8 AS rank,
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
    values: [q, siteId, limit, headline],
  };
}
