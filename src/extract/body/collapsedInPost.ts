import type { Element } from 'domhandler';
import { firstElement, isLink, textOf } from '../../html/index.js';
import { reasonBesidesHidden } from '../furniture/boilerplateHints.js';
import { HEADING_TAG } from './rules.js';

/**
 * Four words in a row outside links: a sentence's worth of prose, not a hidden line of metadata (an image's address
 * and size) nor a hidden slider of story cards (linked headlines).
 */
const PROSE_RUN = /\p{L}{2,}(?:[ \u00a0]+\p{L}+){3}/u;

/**
 * A hidden element that would be no furniture shown and holds prose: a collapsed accordion, tab pane or spoiler,
 * whose text the author wrote (WordPress's REST `content.rendered` holds it). A carousel's hidden slide of story
 * cards is none. Outside a post's own content only a hidden block of paragraphs counts: there a hidden word in a
 * line ("we dont want spam" in an address) or a hidden copy of the headline is a trick of the page.
 */
export function collapsedInPost(element: Element, inPost: boolean): boolean {
  if (reasonBesidesHidden(element) !== null || !PROSE_RUN.test(textOf(element, (child) => child.name === 'a'))) return false;
  if (!inPost && firstElement(element, (inner) => inner.name === 'p' && PROSE_RUN.test(textOf(inner))) === undefined) return false;
  // A hidden slide of a carousel holds story cards: an article, or a headline that links elsewhere.
  return (
    firstElement(element, (inner) => inner.name === 'article' || (HEADING_TAG.test(inner.name) && firstElement(inner, isLink) !== undefined)) === undefined
  );
}
