import type { Element } from 'domhandler';
import { isElement } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';

/** Prose paragraphs beside an element that make it a box inside the article text rather than a wrapper of it. */
export const MIN_SIBLING_PARAGRAPHS = 3;
/** ...holding at least this much prose (non-space characters). */
export const MIN_SIBLING_PARAGRAPH_CHARS = 400;

/**
 * True when the element's parent also holds the article's own paragraphs directly (`<p>`, `<p>`, widget, `<p>`):
 * a gallery or slideshow widget embedded in the text, however much caption prose it carries, is a box in the
 * article, not a layout wrapper around it (a wrapper's siblings are headers and sidebars, not paragraphs).
 */
export function sitsAmongParagraphs(element: Element, stats: Map<Element, ElementStats>): boolean {
  const parent = element.parent;
  if (!parent || parent.type !== 'tag') return false;
  let paragraphs = 0;
  let chars = 0;
  for (const sibling of parent.children) {
    if (sibling === element || !isElement(sibling) || sibling.name !== 'p') continue;
    const prose = statsOf(stats, sibling).paragraph;
    if (prose === 0) continue;
    paragraphs++;
    chars += prose;
  }
  return paragraphs >= MIN_SIBLING_PARAGRAPHS && chars >= MIN_SIBLING_PARAGRAPH_CHARS;
}
