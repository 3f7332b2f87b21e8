/**
 * A block seen in at least this many distinct source articles of one source is boilerplate. A genuine
 * paragraph is very rarely repeated verbatim in five different stories (even a running story's background
 * paragraph is usually reworded), while menus, footers, newsletter pitches and disclaimers are in nearly
 * all. Counted over distinct articles (normalised source URLs), never posts, so re-crawls of one story do
 * not turn its quotes into boilerplate.
 */
export const TEMPLATE_MIN_POSTS = 5;

/**
 * ...and in at least this share of that source's articles, which takes over from the count once a source
 * has more than 50 articles (5 / 0.1). Section-level boilerplate (an opinion disclaimer, a live-blog notice)
 * sits in about a tenth of a source's stories or more; a paragraph a long-running series reuses verbatim
 * can reach five stories in a large archive but not one story in ten.
 */
export const TEMPLATE_MIN_SHARE = 0.1;

/**
 * Whether a block fingerprint seen in `stat.articles` distinct articles of a source with `sourceArticles`
 * distinct articles in total is boilerplate: at least `TEMPLATE_MIN_POSTS` and `TEMPLATE_MIN_SHARE` of them.
 */
export function isTemplateBlock(stat: { articles: number }, sourceArticles: number): boolean {
  return stat.articles >= TEMPLATE_MIN_POSTS && stat.articles >= TEMPLATE_MIN_SHARE * sourceArticles;
}
