import type { ExtractedArticle } from '../article.js';
import { keepNewestPerUrl } from './keepNewestPerUrl.js';
import type { MergedArticle, MergeReason } from './mergedArticle.js';
import { mergeNearDuplicates } from './mergeNearDuplicates.js';
import { removeSourceTemplates } from './removeSourceTemplates.js';
import type { TeaserStat } from './teaserStats.js';
import { teaserStats } from './teaserStats.js';

/** Options of `dedupeArticles`. */
export interface DedupeOptions {
  /** Learn template blocks from the batch itself and remove them from bodies. @defaultValue true */
  templates?: boolean;
}

/** Result of `dedupeArticles`. */
export interface DedupeResult {
  /** One article per source article, the newest version, in the input order of the kept posts. */
  articles: ExtractedArticle[];
  /** Every dropped post with the kept article it was folded into, in input order of the dropped posts. */
  merged: MergedArticle[];
  /** Source domain -> teaser key -> the teaser once, with how many kept articles link it. */
  teasers: Map<string, Map<string, TeaserStat>>;
  /** Source domain -> block fingerprints judged boilerplate in this batch (empty when `templates` is off). */
  templates: Map<string, Set<string>>;
}

/**
 * The in-memory twin of the pipeline's dedupe, for `wpingest extract` on an array of posts:
 * 1. keep the newest version (`compareVersions`) of each source article (`articleUrlKey`);
 * 2. optionally learn template blocks per source domain over those distinct articles and remove them;
 * 3. fold near-duplicate bodies (SimHash within 3 bits) of one domain into the newest;
 * 4. count teasers once per domain and key.
 * Templates go before near-duplicates so that shared boilerplate cannot make two short stories look alike.
 */
export function dedupeArticles(articles: readonly ExtractedArticle[], options: DedupeOptions = {}): DedupeResult {
  const byUrl = keepNewestPerUrl(articles);
  const distinct = byUrl.kept.map((index) => articles[index] as ExtractedArticle);
  const { articles: cleaned, templates } =
    options.templates === false ? { articles: distinct, templates: new Map<string, Set<string>>() } : removeSourceTemplates(distinct);
  const byText = mergeNearDuplicates(cleaned);

  const finalIndex = new Map<number, number>(byUrl.kept.map((index) => [index, index]));
  for (const merge of byText.merges) finalIndex.set(byUrl.kept[merge.dropped] ?? -1, byUrl.kept[merge.kept] ?? -1);
  const decisions: Array<{ kept: number; dropped: number; reason: MergeReason }> = [
    ...byUrl.merges.map((merge) => ({ kept: finalIndex.get(merge.kept) ?? merge.kept, dropped: merge.dropped, reason: 'same-source-url' as const })),
    ...byText.merges.map((merge) => ({ kept: byUrl.kept[merge.kept] ?? -1, dropped: byUrl.kept[merge.dropped] ?? -1, reason: 'near-duplicate' as const })),
  ].sort((a, b) => a.dropped - b.dropped);

  const kept = byText.kept.map((index) => cleaned[index] as ExtractedArticle);
  return {
    articles: kept,
    merged: decisions.map((decision) => ({
      kept: postRef(articles[decision.kept] as ExtractedArticle),
      dropped: postRef(articles[decision.dropped] as ExtractedArticle),
      reason: decision.reason,
    })),
    teasers: teaserStats(kept),
    templates,
  };
}

function postRef(article: ExtractedArticle): { site: string; id: number } {
  return { site: article.wp.site, id: article.wp.id };
}
