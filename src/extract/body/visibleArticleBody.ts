import type { Element } from 'domhandler';
import { attr, type PageIndex, textOf } from '../../html/index.js';

/**
 * The articleBody text to confirm the chosen body against. When it was read from a microdata element of the page
 * (`itemprop="articleBody"`), the furniture inside that element (a 50-slide gallery, a video player, share
 * buttons) is left out: its text is not article text, and counting it makes a right choice look like a miss.
 * A JSON-LD articleBody is returned unchanged.
 */
export function visibleArticleBody($: PageIndex, articleBody: string | null, drops: ReadonlyMap<Element, string>): string | null {
  if (!articleBody || drops.size === 0) return articleBody;
  const element = $.all.find((candidate) => attr(candidate, 'itemprop') === 'articleBody');
  if (!element || textOf(element) !== articleBody) return articleBody;
  return textOf(element, (inner) => drops.has(inner));
}
