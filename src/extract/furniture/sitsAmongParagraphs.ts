import type { Element } from 'domhandler';
import { isElement } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { MIN_SIBLING_PARAGRAPH_CHARS, MIN_SIBLING_PARAGRAPHS } from './rules.js';

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
