import type { Element, ParentNode } from 'domhandler';
import { attr, closest, findElements, hasText, textOf } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { SUBHEADING_TAG } from '../body/rules.js';
import { MAX_CARD_LEVELS, MAX_CARD_PROSE_CHARS, MAX_CARD_TEXT_CHARS } from './rules.js';

/** Content that makes an empty-looking link visible: a picture is a link's text. */
const VISIBLE_MEDIA = new Set(['img', 'picture', 'svg', 'video', 'iframe']);

/**
 * Teaser cards outside named boxes: a heading that is wholly one link, and near it a second link to the same
 * address (the picture, a "read more" arrow), with only a short summary around them. A story's own section
 * heading does not link away and then again to the same page; a table of contents links within the page (`#...`).
 * Returns the smallest element holding both links, for each such heading not inside `skip`.
 */
export function findLinkedCards(root: ParentNode, stats: Map<Element, ElementStats>, skip: (element: Element) => boolean): Element[] {
  const cards: Element[] = [];
  for (const heading of findElements(root, (element) => SUBHEADING_TAG.test(element.name))) {
    const href = wholeLinkHref(heading);
    if (!href || skip(heading)) continue;
    const card = cardAround(heading, href, stats);
    if (card && !cards.includes(card)) cards.push(card);
  }
  return cards;
}

/**
 * Teaser cards drawn as a block with a title and an empty "overlay" link stretched over it (`<a href=...>&nbsp;</a>`
 * next to `<div class="title">...</div>`): the whole card is the link, though its text is not inside it. A story
 * has no reason to link away with nothing to click on. Returns the parent of each such link that holds a short
 * text and no paragraph of prose, for links not inside `skip`.
 */
export function findOverlayCards(root: ParentNode, stats: Map<Element, ElementStats>, skip: (element: Element) => boolean): Element[] {
  const cards: Element[] = [];
  for (const link of findElements(root, isOverlayLink)) {
    const card = link.parent;
    if (!card || card.type !== 'tag' || cards.includes(card as Element) || skip(link)) continue;
    const cardStats = statsOf(stats, card as Element);
    if (cardStats.text === 0 || cardStats.text > MAX_CARD_TEXT_CHARS || cardStats.paragraph > MAX_CARD_PROSE_CHARS) continue;
    cards.push(card as Element);
  }
  return cards;
}

/** A link to another page with nothing to see inside it: no text, no picture. */
function isOverlayLink(element: Element): boolean {
  if (element.name !== 'a' || !outboundHref(element)) return false;
  return !hasText(element) && findElements(element, (inner) => VISIBLE_MEDIA.has(inner.name)).length === 0;
}

/** The href of the one link that holds all of the heading's text, or null. */
function wholeLinkHref(heading: Element): string | null {
  const links = findElements(heading, (element) => element.name === 'a');
  if (links.length !== 1) return null;
  const link = links[0] as Element;
  const href = outboundHref(link);
  if (!href) return null;
  const text = textOf(heading);
  return text.length > 0 && textOf(link) === text ? href : null;
}

function cardAround(heading: Element, href: string, stats: Map<Element, ElementStats>): Element | null {
  let node: Element = heading;
  for (let level = 0; level < MAX_CARD_LEVELS; level++) {
    const parent = node.parent;
    if (!parent || parent.type !== 'tag') return null;
    node = parent as Element;
    const nodeStats = statsOf(stats, node);
    if (nodeStats.text > MAX_CARD_TEXT_CHARS || nodeStats.paragraph > MAX_CARD_PROSE_CHARS) return null;
    const second = findElements(
      node,
      (element) => element.name === 'a' && attr(element, 'href').trim() === href && !closest(element, (ancestor) => ancestor === heading),
    );
    if (second.length > 0) return node;
  }
  return null;
}

/** A link's href when it leads to another page (not within the page, not a script); null otherwise. */
function outboundHref(link: Element): string | null {
  const href = attr(link, 'href').trim();
  return href && !href.startsWith('#') && !href.startsWith('javascript:') ? href : null;
}
