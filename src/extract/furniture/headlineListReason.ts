import type { Element } from 'domhandler';
import { childElements, firstElement } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { sitsAmongParagraphs } from './sitsAmongParagraphs.js';
import { SUBHEADING_TAG } from '../body/rules.js';
import type { DropReason } from '../dropReasons.js';
import { MAX_CARD_TEXT_CHARS } from '../teasers/rules.js';
import { MIN_HEADLINE_CARD_SHARE, MIN_HEADLINE_CARDS, MIN_HEADLINE_LINK_SHARE } from './rules.js';

/** A heading that is a link to another page (its text all, or nearly all, link text). */
function isHeadlineLink(element: Element, stats: Map<Element, ElementStats>): boolean {
  if (!SUBHEADING_TAG.test(element.name)) return false;
  const headingStats = statsOf(stats, element);
  return headingStats.text > 0 && headingStats.link >= headingStats.text * MIN_HEADLINE_LINK_SHARE;
}

/**
 * An item with a headline that is a link to another page (after a kicker or a columnist's name heading, perhaps)
 * and whose other text is a short summary.
 */
function isHeadlineCard(item: Element, stats: Map<Element, ElementStats>): boolean {
  if (!firstElement(item, (element) => isHeadlineLink(element, stats))) return false;
  const itemStats = statsOf(stats, item);
  return itemStats.text - itemStats.link <= MAX_CARD_TEXT_CHARS;
}

/**
 * 'teaser' for a list (`<ul>`/`<ol>`) whose items are headline cards (a linked heading and a short summary): a
 * stream of other stories, whatever its class names, even when its summaries add up to more prose than the article.
 * A list among the article's own paragraphs is the article's (a listicle whose entries link to what they review).
 */
export function headlineListReason(element: Element, stats: Map<Element, ElementStats>): DropReason | null {
  if (element.name !== 'ul' && element.name !== 'ol') return null;
  const items = childElements(element).filter((child) => child.name === 'li');
  if (items.length < MIN_HEADLINE_CARDS || sitsAmongParagraphs(element, stats)) return null;
  let cards = 0;
  for (const item of items) if (isHeadlineCard(item, stats)) cards++;
  return cards >= MIN_HEADLINE_CARDS && cards >= items.length * MIN_HEADLINE_CARD_SHARE ? 'teaser' : null;
}
