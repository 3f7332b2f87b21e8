import type { ExtractedArticle, Teaser } from '../article.js';
import { articleSourceDomain } from './articleSourceDomain.js';
import { articleUrlKey } from './articleUrlKey.js';
import { compareVersions } from './compareVersions.js';

/** One stored teaser of a source and how widely it is linked. */
export interface TeaserStat {
  /** The teaser as the newest article carrying its key shows it (titles get edited). */
  teaser: Teaser;
  /** Distinct source articles (normalised source URLs) that carry it. */
  times: number;
}

/**
 * Each teaser once per source domain and key (the `teasers` table's natural key), with the number of
 * distinct source articles linking it: the in-memory twin of `teasers` + `article_teasers`.
 * Independent of input order.
 */
export function teaserStats(articles: readonly ExtractedArticle[]): Map<string, Map<string, TeaserStat>> {
  const oldestFirst = [...articles].sort(compareVersions);
  const linkedBy = new Map<string, Map<string, { teaser: Teaser; articles: Set<string> }>>();
  for (const article of oldestFirst) {
    const domain = articleSourceDomain(article);
    const byKey = linkedBy.get(domain) ?? new Map<string, { teaser: Teaser; articles: Set<string> }>();
    linkedBy.set(domain, byKey);
    const articleKey = articleUrlKey(article);
    for (const teaser of article.teasers) {
      const entry = byKey.get(teaser.key) ?? { teaser, articles: new Set<string>() };
      byKey.set(teaser.key, { teaser, articles: entry.articles.add(articleKey) });
    }
  }
  const stats = new Map<string, Map<string, TeaserStat>>();
  for (const [domain, byKey] of linkedBy) {
    const perKey = new Map<string, TeaserStat>();
    for (const [key, entry] of byKey) perKey.set(key, { teaser: entry.teaser, times: entry.articles.size });
    stats.set(domain, perKey);
  }
  return stats;
}
