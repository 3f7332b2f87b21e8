import type { Element } from 'domhandler';
import { childElements, findElements, firstElement } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { sitsAmongParagraphs } from './sitsAmongParagraphs.js';

/** A list needs this many headline cards to be a stream of other stories. */
export const MIN_HEADLINE_CARDS = 3;
/** ...and they must be this share of its items. */
export const MIN_HEADLINE_CARD_SHARE = 0.6;
/** A card's heading is a headline link when links hold this share of its text. */
export const MIN_HEADLINE_LINK_SHARE = 0.8;
/** Text outside links (non-space characters) a card may hold: a summary, not a section of the article. */
export const MAX_CARD_PLAIN_CHARS = 400;

const HEADING = /^h[2-6]$/;

/** An item whose heading is a link to another page and whose other text is a short summary. */
function isHeadlineCard(item: Element, stats: Map<Element, ElementStats>): boolean {
  const heading = firstElement(item, (element) => HEADING.test(element.name));
  if (!heading) return false;
  const headingStats = statsOf(stats, heading);
  if (headingStats.text === 0 || headingStats.link < headingStats.text * MIN_HEADLINE_LINK_SHARE) return false;
  const itemStats = statsOf(stats, item);
  return itemStats.text - itemStats.link <= MAX_CARD_PLAIN_CHARS;
}

/**
 * 'teaser' for a list (`<ul>`/`<ol>`) whose items are headline cards (a linked heading and a short summary): a
 * stream of other stories, whatever its class names, even when its summaries add up to more prose than the article.
 * A list among the article's own paragraphs is the article's (a listicle whose entries link to what they review).
 */
export function headlineListReason(element: Element, stats: Map<Element, ElementStats>): string | null {
  if (element.name !== 'ul' && element.name !== 'ol') return null;
  const items = childElements(element).filter((child) => child.name === 'li');
  if (items.length < MIN_HEADLINE_CARDS || sitsAmongParagraphs(element, stats)) return null;
  let cards = 0;
  for (const item of items) if (isHeadlineCard(item, stats)) cards++;
  return cards >= MIN_HEADLINE_CARDS && cards >= items.length * MIN_HEADLINE_CARD_SHARE ? 'teaser' : null;
}
