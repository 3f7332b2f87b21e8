import type { Element, ParentNode } from 'domhandler';
import type { Teaser, TeaserSlot } from '../../article.js';
import { fingerprintFast } from '../body/fingerprintFast.js';
import { absoluteUrl } from '../body/absoluteUrl.js';
import { attr, closest, findElements, hasText, hintString, isElement, textOf, walkElements } from '../../html/index.js';
import { findLinkedCards, findOverlayCards, summaryCards } from './linkedCards.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { teaserReason, teaserSlot } from './teaserSlot.js';
import { HEADING_TAG, SUBHEADING_TAG } from '../body/rules.js';
import type { DropReason } from '../dropReasons.js';
import { MAX_BOX_HEADING_CHARS, MAX_TEASER_BOX_PROSE_SHARE, MAX_TEASER_TITLE_CHARS, MAX_TEASERS, MIN_BOX_LINK_CHARS, SLOT_LOOKUP_LEVELS } from './rules.js';
import { headsProse } from '../body/headsProse.js';

export interface TeaserCollection {
  /** Each teaser once, in first-seen document order (first slot wins). */
  teasers: Teaser[];
  /** Card and box elements to keep out of the body, with their reason. */
  drops: Map<Element, DropReason>;
}

interface PageFacts {
  stats: Map<Element, ElementStats>;
  pageProse: number;
  base: string | null;
}

/** Finds teaser cards (data-nid cards and items of named teaser boxes) and reports each once. */
export function collectTeasers(root: ParentNode, facts: PageFacts): TeaserCollection {
  const cards: Array<{ card: Element; slot: TeaserSlot }> = [];
  const drops = new Map<Element, DropReason>();
  const hintedSlot = hintedSlots();
  walkElements(root, (element) => {
    if (cards.length >= MAX_TEASERS) return false;
    if (attr(element, 'data-nid')) {
      const slot = slotOf(element, hintedSlot);
      cards.push({ card: element, slot });
      drops.set(element, teaserReason(slot));
      return false;
    }
    const boxSlot = boxSlotOf(element, hintedSlot(element), facts);
    if (!boxSlot) return true;
    drops.set(element, teaserReason(boxSlot));
    for (const item of boxItems(element, facts.stats)) cards.push({ card: item, slot: slotOf(item, hintedSlot, boxSlot) });
    return false;
  });
  const dropped = (element: Element) => closest(element, (ancestor) => drops.has(ancestor)) !== null;
  for (const card of [...findLinkedCards(root, facts.stats, dropped), ...findOverlayCards(root, facts.stats, dropped)]) {
    if (cards.length >= MAX_TEASERS) break;
    const slot = slotOf(card, hintedSlot);
    cards.push({ card, slot });
    drops.set(card, teaserReason(slot));
  }
  return { teasers: dedupe(cards, facts.base), drops };
}

/**
 * `teaserSlot` of an element's class/id, remembered per distinct class/id string for one page: cards repeat
 * their classes, and each card asks its ancestors again.
 */
function hintedSlots(): (element: Element) => TeaserSlot | null {
  const known = new Map<string, TeaserSlot | null>();
  return (element) => {
    const hints = hintString(element);
    let slot = known.get(hints);
    if (slot === undefined) {
      slot = teaserSlot(hints);
      known.set(hints, slot);
    }
    return slot;
  };
}

function slotOf(card: Element, hintedSlot: (element: Element) => TeaserSlot | null, fallback: TeaserSlot = 'other'): TeaserSlot {
  const named = closest(card, (element) => hintedSlot(element) !== null, SLOT_LOOKUP_LEVELS);
  return named ? (hintedSlot(named) ?? fallback) : fallback;
}

/** Class words of a box's title row. */
const TITLE_HINT = /title|heading|header|headline/;

function firstChildElement(element: Element): Element | undefined {
  for (const child of element.children) if (isElement(child)) return child;
  return undefined;
}

function boxHeading(element: Element): string {
  const first = firstChildElement(element);
  if (!first) return '';
  const heading = SUBHEADING_TAG.test(first.name)
    ? first
    : first.children.find((child): child is Element => isElement(child) && SUBHEADING_TAG.test(child.name));
  if (!heading && !TITLE_HINT.test(hintString(first))) return '';
  // A heading over a paragraph of prose heads that prose (a post's own "Related posts" section), not a box.
  if (heading && headsProse(heading)) return '';
  const text = textOf(heading ?? first);
  return text.length <= MAX_BOX_HEADING_CHARS ? text : '';
}

function boxSlotOf(element: Element, hinted: TeaserSlot | null, facts: PageFacts): TeaserSlot | null {
  if (element.name === 'body' || element.name === 'html' || element.name === 'main' || element.name === 'h1') return null;
  const slot = hinted ?? teaserSlot(boxHeading(element));
  if (!slot) return null;
  const prose = statsOf(facts.stats, element).paragraph;
  const mostProse = prose > facts.pageProse * MAX_TEASER_BOX_PROSE_SHARE && prose > 0;
  return mostProse && summaryCards(element, facts.stats).length === 0 ? null : slot;
}

const ITEM_HINT = /(?:^|[-_ ])(?:item|teaser|card|entry|story|post)s?(?:[-_ ]|$)|__item/;

function boxItems(box: Element, stats: Map<Element, ElementStats>): Element[] {
  const items: Element[] = [];
  walkElements(box, (element) => {
    if (element.name === 'article' || element.name === 'li' || ITEM_HINT.test(hintString(element)) || attr(element, 'data-nid')) {
      items.push(element);
      return false;
    }
    return true;
  });
  if (items.length > 0) return items;
  const cards = summaryCards(box, stats);
  if (cards.length > 0) return cards;
  const headings = findElements(box, (element) => /^h[3-6]$/.test(element.name));
  if (headings.length > 0) return headings;
  return findElements(box, (element) => element.name === 'a' && textOf(element).length >= MIN_BOX_LINK_CHARS);
}

/** The first descendants (document order) that a card's teaser fields come from. */
interface CardParts {
  /** Element with a title class/id and text. */
  titled?: Element;
  heading?: Element;
  /** Link with text. */
  textLink?: Element;
  /** Link with an href. */
  hrefLink?: Element;
  image?: Element;
  /** Element with a data-nid, looked for only when the card has none. */
  nidHolder?: Element;
}

const TITLE_WORD = /title|headline|heading/;

/** Finds a card's parts in one walk of its descendants instead of one walk per part. */
function cardParts(card: Element): CardParts {
  const parts: CardParts = {};
  const wantsNid = !attr(card, 'data-nid');
  walkElements(card, (element) => {
    if (!parts.titled && TITLE_WORD.test(hintString(element)) && hasText(element)) parts.titled = element;
    if (!parts.heading && HEADING_TAG.test(element.name)) parts.heading = element;
    if (element.name === 'a') {
      if (!parts.textLink && hasText(element)) parts.textLink = element;
      if (!parts.hrefLink && attr(element, 'href') !== '') parts.hrefLink = element;
    }
    if (!parts.image && element.name === 'img') parts.image = element;
    if (wantsNid && !parts.nidHolder && attr(element, 'data-nid') !== '') parts.nidHolder = element;
  });
  return parts;
}

function cardTitle(card: Element, parts: CardParts): string {
  const source = parts.titled ?? parts.heading ?? parts.textLink ?? card;
  return textOf(source).slice(0, MAX_TEASER_TITLE_CHARS);
}

function toTeaser(card: Element, slot: TeaserSlot, base: string | null): Teaser | null {
  const parts = cardParts(card);
  const title = cardTitle(card, parts);
  const href = card.name === 'a' ? attr(card, 'href') : attr(parts.hrefLink ?? card, 'href');
  const url = href ? absoluteUrl(href, base) : null;
  const imageSrc = parts.image ? attr(parts.image, 'src') || attr(parts.image, 'data-src') : '';
  const nid = attr(card, 'data-nid') || attr(parts.nidHolder ?? card, 'data-nid');
  if (!title && !url) return null;
  const key = nid ? `nid:${nid}` : url ? `url:${url}` : `text:${fingerprintFast(title)}`;
  return { key, slot, title, url, image_url: imageSrc ? absoluteUrl(imageSrc, base, 'image') : null };
}

/** One teaser per key; a teaser shown in two slots keeps the first slot in document order. */
function dedupe(cards: Array<{ card: Element; slot: TeaserSlot }>, base: string | null): Teaser[] {
  const byKey = new Map<string, Teaser>();
  for (const { card, slot } of cards) {
    const teaser = toTeaser(card, slot, base);
    if (teaser && !byKey.has(teaser.key)) byKey.set(teaser.key, teaser);
  }
  return [...byKey.values()];
}
