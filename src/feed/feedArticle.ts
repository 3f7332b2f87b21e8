/**
 * An article in its public shape: the columns of the `article_feed` view (sql/000009_article_feed.sql), with
 * timestamps as ISO 8601 UTC strings. What `wpingest export`, `wpingest search --json` and the read API emit.
 */
export interface FeedArticle {
  id: number;
  source_url: string;
  /** Links of every WordPress post the story was read from. */
  permalinks: string[];
  site: string;
  /** post, page or a custom post type; null when the raw post is gone. */
  post_type: string | null;
  title: string;
  summary: string | null;
  authors: string[];
  published_at: string | null;
  modified_at: string | null;
  section: string[];
  topics: string[];
  image: { url: string; caption: string | null; credit: string | null } | null;
  body_text: string;
  body_html: string;
  related: Array<{ title: string; url: string }>;
  language: string | null;
  word_count: number;
  teasers: Array<{ slot: string; position: number; title: string; url: string | null; image_url: string | null }>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The view's columns in output order (CSV header, Parquet schema, SELECT list). */
export const FEED_COLUMNS = [
  'id',
  'source_url',
  'permalinks',
  'site',
  'post_type',
  'title',
  'summary',
  'authors',
  'published_at',
  'modified_at',
  'section',
  'topics',
  'image',
  'body_text',
  'body_html',
  'related',
  'language',
  'word_count',
  'teasers',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies ReadonlyArray<keyof FeedArticle>;

/** Timestamp columns: pg gives Date objects, the public shape has ISO strings. */
export const FEED_TIMESTAMPS = ['published_at', 'modified_at', 'created_at', 'updated_at', 'deleted_at'] as const;

/** A feed row as selected, plus the exact keyset position (updated_at with microseconds, as text). */
export interface FeedRow extends Record<string, unknown> {
  id: number;
  cursor_updated_at: string;
}

/** The row in its public shape (new object; timestamps as ISO strings). */
export function toFeedArticle(row: FeedRow): FeedArticle {
  const article: Record<string, unknown> = {};
  for (const column of FEED_COLUMNS) article[column] = row[column];
  for (const column of FEED_TIMESTAMPS) {
    const value = row[column];
    article[column] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return article as unknown as FeedArticle;
}
