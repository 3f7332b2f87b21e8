import type { ExtractedArticle } from '../article.js';
import { normaliseSourceUrl } from './normaliseSourceUrl.js';

/**
 * Identity of the source article a post is a copy of: its normalised `source_url`, else its normalised WP
 * link, else `wp:<site>#<id>` (a post without any usable URL is only ever the same article as itself).
 */
export function articleUrlKey(article: Pick<ExtractedArticle, 'source_url' | 'wp'>): string {
  const fromSource = article.source_url === null ? null : normaliseSourceUrl(article.source_url);
  return fromSource ?? normaliseSourceUrl(article.wp.link) ?? `wp:${article.wp.site}#${article.wp.id}`;
}
