import type { SourceBlockStats } from './blockStatsByDomain.js';
import { isTemplateBlock } from './isTemplateBlock.js';

/** The fingerprints of one source's counts that `isTemplateBlock` calls boilerplate. */
export function templateFingerprints(stats: SourceBlockStats): Set<string> {
  const templates = new Set<string>();
  for (const [fingerprint, articles] of stats.blocks) {
    if (isTemplateBlock({ articles }, stats.articles)) templates.add(fingerprint);
  }
  return templates;
}
