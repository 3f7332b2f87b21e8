import type { ExtractedArticle } from '../article.js';
import { simhash64 } from './simhash64.js';

/**
 * Bodies with fewer words than this get no signature and are never merged as near-duplicates. Below it a
 * body is a video stub, a caption or a standfirst ("Watch the full report above."), text that different
 * stories of one source share word for word; their identity must come from the URL instead.
 */
export const NEAR_DUPLICATE_MIN_WORDS = 50;

/** `simhash64` of an article's body text, or null when the body is too short to judge (see `NEAR_DUPLICATE_MIN_WORDS`). */
export function articleSimhash(article: Pick<ExtractedArticle, 'body_text' | 'word_count'>): bigint | null {
  return article.word_count < NEAR_DUPLICATE_MIN_WORDS ? null : simhash64(article.body_text);
}
