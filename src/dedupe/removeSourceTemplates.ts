import type { ExtractedArticle } from '../article.js';
import { applyTemplateBlocks } from './applyTemplateBlocks.js';
import { articleSourceDomain } from './articleSourceDomain.js';
import { blockStatsByDomain } from './blockStatsByDomain.js';
import { templateFingerprints } from './templateFingerprints.js';

/**
 * Learns each source's template blocks from the articles themselves (the in-memory twin of the pipeline's
 * counts: `blockStatsByDomain` + `isTemplateBlock`) and removes them (`applyTemplateBlocks`). Returns the
 * cleaned articles in input order, one per input (no article is dropped or merged), and the fingerprints
 * judged boilerplate per source domain.
 */
export function removeSourceTemplates(articles: readonly ExtractedArticle[]): { articles: ExtractedArticle[]; templates: Map<string, Set<string>> } {
  const templates = new Map<string, Set<string>>();
  for (const [domain, stats] of blockStatsByDomain(articles)) templates.set(domain, templateFingerprints(stats));
  const cleaned = articles.map((article) => applyTemplateBlocks(article, templates.get(articleSourceDomain(article)) ?? new Set()));
  return { articles: cleaned, templates };
}
