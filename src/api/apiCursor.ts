import type { FeedPosition } from '../feed/feedQueries.js';

/** timestamptz as Postgres prints it: `2026-12-07 07:25:55.006074+00`. */
const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/;

/**
 * The opaque page cursor of `/api/articles`: a keyset position (updated_at with microseconds, id) as base64url
 * JSON. Opaque so the order can change without breaking clients' expectations; not a secret.
 */
export function encodeApiCursor(position: FeedPosition): string {
  return Buffer.from(JSON.stringify({ u: position.updatedAt, i: position.id }), 'utf8').toString('base64url');
}

/** The position in a cursor, or null when it is not one this API issued. */
export function decodeApiCursor(cursor: string): FeedPosition | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { u?: unknown; i?: unknown };
    if (typeof parsed.u !== 'string' || !POSTGRES_TIMESTAMP.test(parsed.u) || !Number.isSafeInteger(parsed.i)) return null;
    return { updatedAt: parsed.u, id: parsed.i as number };
  } catch {
    return null;
  }
}
