import type { ExtractedArticle } from '../article.js';
import { TEMPLATE_EXEMPT_PROFILES, TEMPLATE_REASON } from './applyTemplateBlocks.js';
import { isTemplateEvidence } from './isTemplateEvidence.js';

/**
 * The distinct fingerprints an article contributes to its source's block counts: its body blocks plus the
 * blocks template detection already moved out of the body (so the counts are the same before and after
 * `applyTemplateBlocks`, and reprocessing does not erode them), skipping blocks too short to be evidence.
 * Other removed blocks (teasers, related boxes, ads) are not counted: a teaser's standfirst is another
 * story's real first paragraph, and counting it would make that paragraph "template".
 * Ordinary posts (`TEMPLATE_EXEMPT_PROFILES`) contribute nothing. First-occurrence order; each fingerprint once.
 */
export function blockFingerprintsForStats(article: Pick<ExtractedArticle, 'blocks' | 'removed' | 'profile'>): string[] {
  if (TEMPLATE_EXEMPT_PROFILES.has(article.profile)) return [];
  const candidates = [...article.blocks, ...article.removed.filter((block) => block.reason === TEMPLATE_REASON)];
  const distinct = new Set<string>();
  for (const block of candidates) {
    if (isTemplateEvidence(block.text)) distinct.add(block.fingerprint);
  }
  return [...distinct];
}
