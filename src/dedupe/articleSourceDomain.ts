import type { ExtractedArticle } from '../article.js';
import { sourceDomain } from './sourceDomain.js';

/**
 * The source an article's statistics (template blocks, teasers) are kept under: the domain of its
 * `source_url`, else of its WP link, else of the WP site itself.
 */
export function articleSourceDomain(article: Pick<ExtractedArticle, 'source_url' | 'wp'>): string {
  const fromSource = article.source_url === null ? null : sourceDomain(article.source_url);
  return fromSource ?? sourceDomain(article.wp.link) ?? sourceDomain(article.wp.site) ?? article.wp.site;
}
