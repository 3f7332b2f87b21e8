import type { ExtractedArticle } from '../article.js';
import { hash64 } from '../fingerprintText.js';

/** Bumped when the hashed fields change, so old and new hashes never compare equal by accident. */
const CONTENT_HASH_VERSION = 'v1';

/**
 * 16-hex-digit hash of what a reader sees: title, summary, body text, authors, publication time, image
 * URL, section and topics. Equal hashes mean an unchanged post (a no-op load); a different hash is a new
 * version. Provenance (WP ids, dates), teasers and body HTML markup are deliberately left out.
 */
export function contentHash(article: ExtractedArticle): string {
  const visible = [
    CONTENT_HASH_VERSION,
    article.title,
    article.summary,
    article.body_text,
    article.authors,
    article.published_at,
    article.image?.url ?? null,
    article.section,
    article.topics,
  ];
  return hash64(JSON.stringify(visible));
}
