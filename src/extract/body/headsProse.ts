import type { AnyNode, Element } from 'domhandler';
import { weightedLength } from './weightedLength.js';
import { findElements, isElement, isLink, textOf } from '../../html/index.js';
import { MIN_SECTION_PROSE_CHARS } from './rules.js';

/**
 * Whether a heading is followed, as its next sibling, by a paragraph of prose with no link: a section of the text,
 * however the heading reads ("Related posts" over the author's own words). A box's title is followed by its
 * links, cards or buttons.
 */
export function headsProse(heading: AnyNode): boolean {
  let next = heading.next;
  while (next && !isElement(next)) next = next.next;
  if (!next || (next as Element).name !== 'p') return false;
  const text = textOf(next);
  return weightedLength(text) >= MIN_SECTION_PROSE_CHARS && /[.!?…。！？]["”’)」]?$/.test(text) && findElements(next as Element, isLink).length === 0;
}
