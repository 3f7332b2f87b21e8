import type { Query } from '../db/query.js';

/** Named queries of the deferred full-text index (`articles.search_vector`, sql/000016_deferred_search.sql). */

/**
 * Indexes up to `limit` pending articles (search_vector NULL), oldest first. Rows a loader holds are skipped
 * (`SKIP LOCKED`): its write may change their text, and they stay pending for the next batch.
 */
export function indexSearchBatch(limit: number): Query {
  return {
    text: `WITH batch AS (SELECT id FROM articles WHERE search_vector IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           UPDATE articles a SET search_vector = article_search_vector(a.title, a.summary, a.body_text, a.language)
             FROM batch WHERE a.id = batch.id`,
    values: [limit],
  };
}

/** Articles not yet in the full-text index (searches still find them, more slowly). */
export const pendingSearchCount = (): Query => ({
  text: 'SELECT count(*)::int AS n FROM articles WHERE search_vector IS NULL',
  values: [],
});
