import type { Element, ParentNode } from 'domhandler';
import { attr, findElements, hintString, textOf, walkElements } from './domNodes.js';
import { furnitureReason } from './furnitureReason.js';
import { headlineListReason } from './headlineListReason.js';
import type { PageIndex } from './pageIndex.js';
import type { ElementStats } from './nodeStats.js';

/** A plain-text `articleBody` copy must be at least this long to be recognised as a copy of the body. */
export const MIN_ARTICLEBODY_COPY_CHARS = 200;

/** Cheap pre-check before the exact class/id token test. */
const ARTICLE_BODY_WORD = /articlebody/i;

/** Top-most furniture elements of the page with their reasons (descendants are implied). */
export function markFurniture(root: ParentNode, stats: Map<Element, ElementStats>, pageProse: number, already: ReadonlyMap<Element, string>): Map<Element, string> {
  const drops = new Map<Element, string>();
  const page = root.type === 'tag' ? stats.get(root as Element) : undefined;
  walkElements(root, (element) => {
    if (already.has(element)) return false;
    const reason = furnitureReason(element, stats, pageProse, page) ?? headlineListReason(element, stats);
    if (!reason) return true;
    drops.set(element, reason);
    return false;
  });
  return drops;
}

/**
 * `articleBody` elements that hold the body as one unstructured text blob (no paragraphs): scraped pages carry
 * them after the real body. Returns them with their text, used to confirm the chosen body.
 */
export function findArticleBodyCopies(index: PageIndex): Array<{ element: Element; text: string }> {
  return index.all
    .filter((element) => attr(element, 'itemprop') === 'articleBody' || attr(element, 'data-key') === 'articleBody' || (ARTICLE_BODY_WORD.test(attr(element, 'class') + attr(element, 'id')) && /(?:^|\s)articlebody(?:\s|$)/.test(hintString(element))))
    .filter((element) => findElements(element, (child) => child.name === 'p' || child.name === 'br').length === 0)
    .map((element) => ({ element, text: textOf(element) }))
    .filter(({ text }) => text.length >= MIN_ARTICLEBODY_COPY_CHARS);
}
