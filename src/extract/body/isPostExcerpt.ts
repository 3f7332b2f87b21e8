import type { Element } from 'domhandler';
import { childElements, hintString } from '../../html/index.js';
import { HEADING_TAG, POST_EXCERPT_CLASS } from './rules.js';

/**
 * Whether the element is a WordPress post's excerpt as a classic theme prints it above the post's `.entry-content`
 * on the post's own page: hAtom's summary class around `the_excerpt()`'s paragraph (`<div class="entry-summary"><p>`),
 * a summary written apart from the post, neither its lead nor a part of it. A heading with that class
 * (`<h2 class="article-lead entry-summary">`) is a news page's standfirst, and is read as one.
 */
export function isPostExcerpt(element: Element): boolean {
  const hints = hintString(element);
  if (!hints.includes(POST_EXCERPT_CLASS) || !hints.split(/\s+/).includes(POST_EXCERPT_CLASS) || HEADING_TAG.test(element.name)) return false;
  return childElements(element).some((child) => child.name === 'p');
}
