import { MIN_HEADLINE_WORDS, SHORT_TITLE_WORDS } from './rules.js';

import { TITLE_SEPARATOR as SEPARATOR } from './headlineParts.js';
/** Separators that name a hierarchy ("Site » Section » Headline"), where one dropped part is expected. */
const HIERARCHICAL = / [\\/>»] /;

/**
 * A Chinese or Japanese title's site name, with or without spaces around its separator ("标题-新华网",
 * "标题 _光明网"): a short run of such characters (or Latin letters) after the last separator, behind a headline of
 * several.
 */
const WIDE_SITE_NAME = /^(.*[\u3040-\u30ff\u3400-\u9fff].{3,}?)\s*[-_|｜－—–]\s*[\u3040-\u30ff\u3400-\u9fffA-Za-z0-9]{1,12}$/u;

function withoutWideSiteName(title: string): string {
  // "标题 _频道 _网站": the section's name goes with the site's
  let headline = title;
  for (let parts = 0; parts < MAX_WIDE_TITLE_PARTS; parts++) headline = WIDE_SITE_NAME.exec(headline)?.[1]?.trim() ?? headline;
  return headline;
}

/** At most this many trailing parts (site, section) come off a Chinese or Japanese title. */
const MAX_WIDE_TITLE_PARTS = 2;

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
  if (!last) return withoutWideSiteName(title);
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
