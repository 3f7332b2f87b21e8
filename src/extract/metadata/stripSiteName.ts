import { MIN_HEADLINE_WORDS, SHORT_TITLE_WORDS } from './rules.js';

import { TITLE_SEPARATOR as SEPARATOR } from './headlineParts.js';
/** Separators that name a hierarchy ("Site » Section » Headline"), where one dropped part is expected. */
const HIERARCHICAL = / [\\/>»] /;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * Drops the site name from a page title the way Readability's `_getArticleTitle` does (plus en/em dashes and
 * middle dots, which sites use as often): the part after the last separator goes, or, when that leaves fewer than
 * three words, the part before the first. Titles that would shrink to a few words are kept whole.
 */
export function stripSiteName(title: string): string {
  const separators = [...title.matchAll(SEPARATOR)];
  const last = separators[separators.length - 1];
  if (!last) return title;
  let headline = title.slice(0, last.index);
  if (wordCount(headline) < MIN_HEADLINE_WORDS) {
    const first = separators[0] as RegExpMatchArray;
    headline = title.slice((first.index ?? 0) + first[0].length);
  }
  headline = headline.trim();
  const words = wordCount(headline);
  const hierarchical = HIERARCHICAL.test(title);
  if (words <= SHORT_TITLE_WORDS && (!hierarchical || words !== wordCount(title.replace(/[|\-\\/>»·–—]+/g, '')) - 1)) return title;
  return headline;
}
