import type { Element, ParentNode } from 'domhandler';
import { attr, closest, findElements, hasText, textOf } from '../../html/index.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { SUBHEADING_TAG, THE_CONTENT_CLASSES } from '../body/rules.js';
import {
  MAX_CARD_LEVELS,
  MAX_CARD_PROSE_CHARS,
  MAX_CARD_TEXT_CHARS,
  MAX_SUMMARY_CARD_TEXT_CHARS,
  MIN_SUMMARY_CARD_PROSE_SHARE,
  MIN_SUMMARY_CARDS,
} from './rules.js';

/** What a card may hold: all its text, and its paragraphs of prose (non-space characters). */
interface CardLimits {
  text: number;
  prose: number;
}

/** A card anywhere on the page: a headline and a line of summary, no paragraph unless it is a cut excerpt. */
const PAGE_CARD: CardLimits = { text: MAX_CARD_TEXT_CHARS, prose: MAX_CARD_PROSE_CHARS };
/** A card inside a box named for teasers may carry its story's summary paragraph. */
const SUMMARY_CARD: CardLimits = { text: MAX_SUMMARY_CARD_TEXT_CHARS, prose: MAX_SUMMARY_CARD_TEXT_CHARS };

/** Content that makes an empty-looking link visible: a picture is a link's text. */
const VISIBLE_MEDIA = new Set(['img', 'picture', 'svg', 'video', 'iframe']);

/**
 * Teaser cards outside named boxes: a heading that is wholly one link, and near it a second link to the same
 * address (the picture, a "read more" arrow), with only a short summary around them. A story's own section
 * heading does not link away and then again to the same page; a table of contents links within the page (`#...`).
 * Returns the smallest element holding both links, for each such heading not inside `skip`.
 */
export function findLinkedCards(
  root: ParentNode,
  stats: Map<Element, ElementStats>,
  skip: (element: Element) => boolean,
  limits: CardLimits = PAGE_CARD,
): Element[] {
  const cards: Element[] = [];
  for (const heading of findElements(root, (element) => SUBHEADING_TAG.test(element.name))) {
    const href = wholeLinkHref(heading);
    if (!href || skip(heading)) continue;
    const card = cardAround(heading, href, stats, limits);
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
    if (holdsTheContent(card as Element)) continue;
    cards.push(card as Element);
  }
  return cards;
}

const THE_CONTENT: ReadonlySet<string> = new Set(THE_CONTENT_CLASSES);

/**
 * Whether an element is or holds a theme's the_content() element: a short post (a list of one reference) beside
 * an empty link that broken markup left is still the post, never a card.
 */
function holdsTheContent(element: Element): boolean {
  const isPost = (candidate: Element): boolean =>
    attr(candidate, 'class')
      .split(/\s+/)
      .some((name) => THE_CONTENT.has(name));
  return isPost(element) || findElements(element, isPost).length > 0;
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

/**
 * The cards of a box named for teasers ("next posts", "more stories") whose items each carry their story's
 * summary paragraph: at least MIN_SUMMARY_CARDS linked-heading cards that hold nearly all of the box's prose.
 * Such a box may hold more prose than a short article beside it, and is still no wrapper of that article: an
 * article's paragraphs are not each headed by a link to another page. Empty when the box is not such a list.
 */
export function summaryCards(box: Element, stats: Map<Element, ElementStats>): Element[] {
  const cards = findLinkedCards(box, stats, () => false, SUMMARY_CARD).filter((card) => card !== box);
  if (cards.length < MIN_SUMMARY_CARDS) return [];
  const inCards = cards.reduce((sum, card) => sum + statsOf(stats, card).paragraph, 0);
  return inCards >= statsOf(stats, box).paragraph * MIN_SUMMARY_CARD_PROSE_SHARE ? cards : [];
}

function cardAround(heading: Element, href: string, stats: Map<Element, ElementStats>, limits: CardLimits): Element | null {
  let node: Element = heading;
  for (let level = 0; level < MAX_CARD_LEVELS; level++) {
    const parent = node.parent;
    if (!parent || parent.type !== 'tag') return null;
    node = parent as Element;
    const nodeStats = statsOf(stats, node);
    if (nodeStats.text > limits.text || (nodeStats.paragraph > limits.prose && !onlyExcerpts(node))) return null;
    const second = findElements(
      node,
      (element) => element.name === 'a' && attr(element, 'href').trim() === href && !closest(element, (ancestor) => ancestor === heading),
    );
    if (second.length > 0) return node;
  }
  return null;
}

/** The marks that end a cut excerpt: WordPress's `[…]`, `[...]`, or a bare ellipsis. */
const CUT_EXCERPT_END = /(?:…|\.\.\.)\s*\]?$/;

/**
 * Whether every paragraph of a card is a cut excerpt of the story it links to (WordPress's automatic excerpt
 * ends in `[…]`): a card's summary, however long, and never the end of a story's own paragraph.
 */
function onlyExcerpts(node: Element): boolean {
  const paragraphs = findElements(node, (element) => element.name === 'p' && hasText(element));
  return paragraphs.length > 0 && paragraphs.every((paragraph) => CUT_EXCERPT_END.test(textOf(paragraph).trimEnd()));
}

/** A link's href when it leads to another page (not within the page, not a script); null otherwise. */
function outboundHref(link: Element): string | null {
  const href = attr(link, 'href').trim();
  return href && !href.startsWith('#') && !href.startsWith('javascript:') ? href : null;
}
