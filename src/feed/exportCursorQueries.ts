import type { Query } from '../db/query.js';
import type { FeedPosition } from './feedQueries.js';

/** A named export cursor's saved position, if any. */
export function readExportCursor(name: string): Query {
  return { text: `SELECT updated_at::text AS "updatedAt", article_id AS id FROM export_cursors WHERE name = $1`, values: [name] };
}

/** Saves how far a named export got; only ever moves forward. */
export function saveExportCursor(name: string, position: FeedPosition, rows: number): Query {
  return {
    text: `INSERT INTO export_cursors (name, updated_at, article_id, rows_total) VALUES ($1, $2::timestamptz, $3, $4)
           ON CONFLICT (name) DO UPDATE SET updated_at = EXCLUDED.updated_at, article_id = EXCLUDED.article_id,
             rows_total = export_cursors.rows_total + EXCLUDED.rows_total, saved_at = now()
           WHERE (EXCLUDED.updated_at, EXCLUDED.article_id) > (export_cursors.updated_at, export_cursors.article_id)`,
    values: [name, position.updatedAt, position.id, rows],
  };
}
