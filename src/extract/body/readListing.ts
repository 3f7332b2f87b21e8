import type { Element } from 'domhandler';
import type { BodyBlock } from '../../article.js';
import { closest, findElements, isLink, textOf } from '../../html/index.js';
import { fingerprintFast } from './fingerprintFast.js';
import { linkTarget, type LinkScope } from './linkTarget.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { escapeText } from './sanitizeHtml.js';
import { MIN_HEADLINE_LINK_SHARE } from '../furniture/rules.js';
import { MAX_CARD_LINK_LEVELS, MAX_LISTING_OWN_TEXT_CHARS, MIN_LISTING_CARDS, SUBHEADING_TAG } from './rules.js';

/** One story card of a listing: its element and its headline heading. */
interface Card {
  element: Element;
  headline: Element;
}

/** `ExtractedArticle.profile` of a listing page. */
export const LISTING_PROFILE = 'listing';

/** A listing page: the stories its cards announce, as body blocks (headline, then the card's other text). */
export interface Listing {
  blocks: BodyBlock[];
  /** Number of story cards. */
  cards: number;
}

/**
 * A story's headline: a heading that is a link to another page of the site, or that such a link wraps with the
 * rest of its card. Returns the element that anchors the card (the wrapping link, else the heading), or null.
 */
function headlineAnchor(element: Element, stats: Map<Element, ElementStats>, scope: LinkScope): Element | null {
  if (!SUBHEADING_TAG.test(element.name)) return null;
  const heading = statsOf(stats, element);
  if (heading.text === 0) return null;
  const wrapping = closest(element, isLink, MAX_CARD_LINK_LEVELS);
  if (wrapping) return linkTarget(wrapping, scope) === 'site' ? wrapping : null;
  if (heading.link < heading.text * MIN_HEADLINE_LINK_SHARE) return null;
  const inner = findElements(element, isLink)[0];
  return inner && linkTarget(inner, scope) === 'site' ? element : null;
}

/**
 * The cards of `container`: around each headline, the largest element that holds no other headline (the
 * headline's figure, kicker, summary and byline with it). A link that wraps a kicker and a headline is one card,
 * headed by its longer heading.
 */
function storyCards(container: Element, stats: Map<Element, ElementStats>, scope: LinkScope): Card[] {
  const headlines = new Map<Element, Element>();
  for (const heading of findElements(container, (element) => SUBHEADING_TAG.test(element.name))) {
    const anchor = headlineAnchor(heading, stats, scope);
    if (!anchor) continue;
    const known = headlines.get(anchor);
    if (!known || statsOf(stats, heading).text > statsOf(stats, known).text) headlines.set(anchor, heading);
  }
  const counts = new Map<Element, number>();
  for (const anchor of headlines.keys()) {
    for (let up = anchor.parent; up && up.type === 'tag'; up = up.parent) {
      counts.set(up as Element, (counts.get(up as Element) ?? 0) + 1);
      if (up === container) break;
    }
  }
  return [...headlines].map(([anchor, headline]) => {
    let element = anchor;
    while (element.parent && element.parent !== container && counts.get(element.parent as Element) === 1) element = element.parent as Element;
    return { element, headline };
  });
}

function block(tag: string, text: string): BodyBlock {
  return { tag, text, html: `<${tag}>${escapeText(text)}</${tag}>`, fingerprint: fingerprintFast(text) };
}

/** Characters of text outside links (non-space), from the node stats. */
function plainChars(stats: Map<Element, ElementStats>, element: Element): number {
  const measures = statsOf(stats, element);
  return measures.text - measures.link;
}

/**
 * Reads the chosen containers as a listing (a section front, a category or tag archive, search results): at
 * least `MIN_LISTING_CARDS` story cards (a headline linking to another page of the site, with its summary), and
 * no more text of its own outside them and outside links than `MAX_LISTING_OWN_TEXT_CHARS` (labels such as
 * "Advertisement"): no article. A page that declares an article in its structured data is never a listing.
 * Returns null for an article page.
 */
export function readListing(containers: readonly Element[], stats: Map<Element, ElementStats>, scope: LinkScope, declaresArticle: boolean): Listing | null {
  if (declaresArticle || scope.hosts.size === 0) return null;
  const cards = containers.flatMap((container) => storyCards(container, stats, scope));
  if (cards.length < MIN_LISTING_CARDS) return null;
  const ownText =
    containers.reduce((sum, container) => sum + plainChars(stats, container), 0) - cards.reduce((sum, card) => sum + plainChars(stats, card.element), 0);
  if (ownText > MAX_LISTING_OWN_TEXT_CHARS) return null;
  const blocks: BodyBlock[] = [];
  for (const card of cards) {
    const headline = textOf(card.headline);
    if (headline) blocks.push(block(card.headline.name, headline));
    const rest = textOf(card.element, (element) => element === card.headline || element.name === 'figure' || element.name === 'figcaption');
    if (rest) blocks.push(block('p', rest));
  }
  return { blocks, cards: cards.length };
}
