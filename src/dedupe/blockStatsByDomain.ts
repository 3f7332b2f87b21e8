import type { ExtractedArticle } from '../article.js';
import { articleSourceDomain } from './articleSourceDomain.js';
import { articleUrlKey } from './articleUrlKey.js';
import { blockFingerprintsForStats } from './blockFingerprintsForStats.js';

/** Block counts of one source, the in-memory twin of the pipeline's Postgres counts. */
export interface SourceBlockStats {
  /** Distinct source articles (normalised source URLs) seen for this source. */
  articles: number;
  /** Block fingerprint -> number of distinct source articles whose body has it. */
  blocks: Map<string, number>;
}

/**
 * Counts, per source domain, in how many distinct source articles each block fingerprint appears. Several
 * posts of one source article (re-crawls) count once: a fingerprint is counted at most once per article key.
 */
export function blockStatsByDomain(articles: readonly ExtractedArticle[]): Map<string, SourceBlockStats> {
  const seen = new Map<string, Map<string, Set<string>>>();
  const articleKeys = new Map<string, Set<string>>();
  for (const article of articles) {
    const domain = articleSourceDomain(article);
    const key = articleUrlKey(article);
    articleKeys.set(domain, (articleKeys.get(domain) ?? new Set<string>()).add(key));
    const byFingerprint = seen.get(domain) ?? new Map<string, Set<string>>();
    seen.set(domain, byFingerprint);
    for (const fingerprint of blockFingerprintsForStats(article)) {
      byFingerprint.set(fingerprint, (byFingerprint.get(fingerprint) ?? new Set<string>()).add(key));
    }
  }
  const stats = new Map<string, SourceBlockStats>();
  for (const [domain, keys] of articleKeys) {
    const blocks = new Map<string, number>();
    for (const [fingerprint, holders] of seen.get(domain) ?? []) blocks.set(fingerprint, holders.size);
    stats.set(domain, { articles: keys.size, blocks });
  }
  return stats;
}
