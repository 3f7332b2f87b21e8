import type { Element, ParentNode } from 'domhandler';
import { attr, byDocumentOrder, findElements, hintString, type PageIndex, textOf, walkElements, withAttribute } from '../../html/index.js';
import { articleComponentClasses } from './articleComponentClasses.js';
import { commentListsByLinks } from './commentListsByLinks.js';
import { furnitureReason } from './furnitureReason.js';
import { headlineListReason } from './headlineListReason.js';
import type { ElementStats } from '../body/nodeStats.js';
import type { DropReason, Drops } from '../dropReasons.js';
import { MIN_ARTICLEBODY_COPY_CHARS } from './rules.js';

/** Cheap pre-check before the exact class/id token test. */
const ARTICLE_BODY_WORD = /articlebody/i;

/** Top-most furniture elements of the page with their reasons (descendants are implied). */
export function markFurniture($: PageIndex, root: ParentNode, stats: Map<Element, ElementStats>, pageProse: number, already: Drops): Map<Element, DropReason> {
  const drops = new Map<Element, DropReason>();
  const page = root.type === 'tag' ? stats.get(root as Element) : undefined;
  const components = articleComponentClasses($, stats, pageProse, already);
  walkElements(root, (element) => {
    if (already.has(element)) return false;
    const reason = furnitureReason(element, stats, pageProse, page, components) ?? headlineListReason(element, stats);
    if (!reason) return true;
    drops.set(element, reason);
    return false;
  });
  for (const list of commentListsByLinks($, new Map([...already, ...drops]))) drops.set(list, 'comments');
  return drops;
}

/**
 * `articleBody` elements that hold the body as one unstructured text blob (no paragraphs): scraped pages carry
 * them after the real body. Returns them with their text, used to confirm the chosen body.
 */
export function findArticleBodyCopies(index: PageIndex): Array<{ element: Element; text: string }> {
  return articleBodyCandidates(index)
    .filter(
      (element) =>
        attr(element, 'itemprop') === 'articleBody' ||
        attr(element, 'data-key') === 'articleBody' ||
        (ARTICLE_BODY_WORD.test(attr(element, 'class') + attr(element, 'id')) && /(?:^|\s)articlebody(?:\s|$)/.test(hintString(element))),
    )
    .filter((element) => findElements(element, (child) => child.name === 'p' || child.name === 'br').length === 0)
    .map((element) => ({ element, text: textOf(element) }))
    .filter(({ text }) => text.length >= MIN_ARTICLEBODY_COPY_CHARS);
}

/**
 * Elements that may be marked as articleBody, in document order: those with `itemprop` or `data-key`, and those
 * whose id or a class name holds the word (a superset of the matches, without testing every element).
 */
function articleBodyCandidates(index: PageIndex): Element[] {
  const found = new Set<Element>([...withAttribute(index, 'itemprop'), ...withAttribute(index, 'data-key')]);
  for (const element of withAttribute(index, 'id')) if (ARTICLE_BODY_WORD.test(attr(element, 'id'))) found.add(element);
  for (const [name, elements] of index.byClass) if (ARTICLE_BODY_WORD.test(name)) for (const element of elements) found.add(element);
  return [...found].sort(byDocumentOrder);
}
