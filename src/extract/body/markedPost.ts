import type { Element } from 'domhandler';
import { attr, childElements, closest, withAttribute, type PageIndex } from '../../html/index.js';
import { isCommentThread } from '../furniture/furnitureReason.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { titleWords, titleWordsShared } from '../metadata/titleWordsShared.js';
import type { DropReason, Drops } from '../dropReasons.js';
import {
  AMBIGUOUS_MARKER_SHARE,
  ELEMENTOR_CONTENT_LABEL,
  ELEMENTOR_CONTENT_TYPES,
  MAX_TITLE_HEADING_CHARS,
  MIN_TITLE_LETTERS,
  NESTED_MARKER_SHARE,
  POST_BODY_CLASSES,
  type PostMarkerLabel,
  THE_CONTENT_CLASSES,
  TITLE_CONTAINER_LEVELS,
} from './rules.js';

/** Drop reasons that mark a box of other posts: a marker inside one is another post's, unless the title says otherwise. */
const OTHER_POSTS_REASONS: ReadonlySet<DropReason> = new Set(['teaser', 'related-box', 'read-more']);
const THE_CONTENT: ReadonlySet<string> = new Set(THE_CONTENT_CLASSES);
const POST_BODY: ReadonlySet<string> = new Set(POST_BODY_CLASSES);

function isOtherPosts(reason: DropReason | undefined): boolean {
  return reason !== undefined && OTHER_POSTS_REASONS.has(reason);
}

export interface MarkedPost {
  element: Element;
  /** Characters of text outside links (non-space), from the node stats. */
  plain: number;
  /** Whether the post's title heading sits in the same post container. */
  holdsTitle: boolean;
  /**
   * Whether it sits in a box of other posts (teasers, related posts) without the title: the only evidence left
   * when the rules found nothing at all, but then no better than their choice.
   */
  inOtherPosts: boolean;
  /** How the page marks it, for `removed`/`explain` (`.entry-content`, `[itemprop=articleBody]`). */
  label: PostMarkerLabel;
  /** Whether it is a WordPress `the_content()` element, which nothing of the post follows. */
  theContent: boolean;
  /** The post's blocks after a stray end tag in it closed the_content() element early (see `afterStrayEndTag`). */
  rest: Element[];
}

export interface MarkedPostInput {
  $: PageIndex;
  stats: Map<Element, ElementStats>;
  drops: Drops;
  /** The post's title as the post or page gives it (the page `<title>` may add the site name). */
  title: string;
}

function plainChars(stats: Map<Element, ElementStats>, element: Element): number {
  const s = statsOf(stats, element);
  return s.text - s.link;
}

export function contains(ancestor: Element, node: Element): boolean {
  return closest(node, (element) => element === ancestor) !== null;
}

/** Lower-case letters and digits only, so "Title – Site" and "Title" compare by their words. */
export function titleLetters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** h1 (else h2) headings whose text is the post's title, or the title with the site name around it. */
export function titleHeadings($: PageIndex, title: string): Element[] {
  const wanted = titleLetters(title);
  if (wanted.length < MIN_TITLE_LETTERS) return [];
  const match = (heading: Element): boolean => {
    const text = titleLetters(headingText(heading));
    return text.length >= MIN_TITLE_LETTERS && (wanted.includes(text) || text.includes(wanted));
  };
  const h1 = ($.byTag.get('h1') ?? []).filter(match);
  if (h1.length > 0) return h1;
  const h2 = ($.byTag.get('h2') ?? []).filter(match);
  if (h2.length > 0) return h2;
  // A headline edited after the page title was written ("… over Celtics" under "… over Boston Celtics | Site"):
  // an h1 whose words are nearly all the title's.
  const words = new Set(titleWords(title));
  return ($.byTag.get('h1') ?? []).filter((heading) => titleWordsShared(headingText(heading), words) > 0);
}

function headingText(heading: Element): string {
  let text = '';
  const stack = [...heading.children];
  while (stack.length > 0 && text.length < MAX_TITLE_HEADING_CHARS) {
    const node = stack.shift()!;
    if (node.type === 'text') text += (node as unknown as { data: string }).data;
    else if ('children' in node) stack.unshift(...(node as Element).children);
  }
  return text;
}

function isElementorContent(element: Element): boolean {
  return ELEMENTOR_CONTENT_TYPES.has(element.attribs?.['data-elementor-type'] ?? '');
}

/**
 * The marking class (lower-cased), else the microdata property: every marker was found by one or the other, so
 * the second is the only other case.
 */
function markerLabel(element: Element): PostMarkerLabel {
  if (attr(element, 'itemprop') === 'articleBody') return '[itemprop=articleBody]';
  if (isElementorContent(element)) return ELEMENTOR_CONTENT_LABEL;
  const name = attr(element, 'class')
    .split(/\s+/)
    .map((token) => token.toLowerCase())
    .find((token) => POST_BODY.has(token));
  return name ? (`.${name}` as PostMarkerLabel) : '[itemprop=articleBody]';
}

/**
 * The element the page itself marks as the post's body, or null when it marks none or several that could each
 * be it (a list of posts) and the title does not tell which. Markers inside a comment thread are comments'.
 */
export function markedPost(input: MarkedPostInput): MarkedPost | null {
  const { $, stats, drops } = input;
  const found = new Set<Element>();
  for (const name of POST_BODY_CLASSES) for (const element of $.byClass.get(name) ?? []) found.add(element);
  for (const element of $.byClass.get('elementor') ?? []) if (isElementorContent(element)) found.add(element);
  for (const element of withAttribute($, 'itemprop'))
    if (attr(element, 'itemprop') === 'articleBody' && drops.get(element) !== 'articlebody-copy') found.add(element);
  if (found.size === 0) return null;
  const candidates = [...found].filter((element) => plainChars(stats, element) > 0 && !closest(element, isCommentThread));
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => plainChars(stats, b) - plainChars(stats, a));
  let best = candidates[0] as Element;
  for (const candidate of candidates) {
    if (candidate !== best && contains(best, candidate) && plainChars(stats, candidate) >= plainChars(stats, best) * NESTED_MARKER_SHARE) best = candidate;
  }
  const headings = titleHeadings($, input.title);
  const holdsTitle = (element: Element): boolean =>
    headings.some((heading) => closest(heading, (ancestor) => contains(ancestor, element), TITLE_CONTAINER_LEVELS) !== null);
  const rivals = candidates.filter(
    (candidate) => !contains(best, candidate) && !contains(candidate, best) && plainChars(stats, candidate) >= plainChars(stats, best) * AMBIGUOUS_MARKER_SHARE,
  );
  if (rivals.length > 0) {
    const titled = [best, ...rivals].filter(holdsTitle);
    if (titled.length !== 1) return null;
    best = titled[0] as Element;
  }
  const titled = holdsTitle(best);
  const inOtherPosts = !titled && closest(best, (ancestor) => isOtherPosts(drops.get(ancestor))) !== null;
  const label = markerLabel(best);
  const theContent = label === ELEMENTOR_CONTENT_LABEL || THE_CONTENT.has(label.slice(1));
  const rest = theContent ? afterStrayEndTag(best, drops, stats) : [];
  return {
    element: best,
    plain: rest.reduce((sum, element) => sum + plainChars(stats, element), plainChars(stats, best)),
    holdsTitle: titled,
    inOtherPosts,
    label,
    theContent,
    rest,
  };
}

/** Drops a post's own content makes (a picture's caption, an ad slot, an embed): no end of the post's rest. */
const IN_POST_DROPS: ReadonlySet<DropReason> = new Set(['caption', 'ad', 'embed', 'hidden', 'script', 'rating']);

/** Siblings without prose (an embed, an empty `<p>`) passed over between the_content() element and the rest of its post. */
const MAX_SKIPPED_BEFORE_REST = 3;

/** Blocks a post's content is written in: what a theme never puts right after the_content() without a class. */
const POST_BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'figure', 'pre', 'table', 'dl']);

/** Class names WordPress itself writes into a post's content: the block editor's, and the classic editor's captions and alignment. */
const POST_CONTENT_CLASS = /^(?:wp-block|has-|wp-image|wp-caption|align(?:left|right|center|none)$|size-)/;

/** No class, or only WordPress's own in a post (`wp-block-quote`, `has-text-align-center`, `wp-caption alignleft`): a block of the post's content. */
function isBareBlock(element: Element): boolean {
  const names = attr(element, 'class').split(/\s+/).filter(Boolean);
  return POST_BLOCK_TAGS.has(element.name) && names.every((name) => POST_CONTENT_CLASS.test(name));
}

/**
 * A box of nothing but bare post blocks (or elements without class or id) with a `<p>` or a quote among them
 * (`<div class="part-2"><p>…</p><h2>…</h2><div><iframe …></div><p>…</p></div>`):
 * the next part of a post whose pasted HTML closed the_content() element and opened a box of its own. A theme's
 * boxes after the_content() hold its own markup (links, meta lines, forms, classed elements), not bare paragraphs.
 */
function isPostPart(element: Element): boolean {
  if (element.name !== 'div' && element.name !== 'section') return false;
  const children = childElements(element);
  const bare = (child: Element) => isBareBlock(child) || (!attr(child, 'class') && !attr(child, 'id'));
  return children.length > 0 && children.every(bare) && children.some((child) => child.name === 'p' || child.name === 'blockquote');
}

/**
 * The rest of a post whose content holds an end tag it never opened (HTML pasted from elsewhere: WordPress does
 * not balance a post's tags by default): the browser ends the_content() element there, and the post's later
 * blocks follow it as siblings. A theme puts nothing bare after the_content() (its footer, tags, share buttons and
 * comments come in classed elements), so bare post blocks after it (from a `<p>` of prose with no class on) are
 * the post's, with the siblings that hold prose and, between such blocks, the ones without text of their own (an
 * embed, an empty `<p>`, a captioned picture or an ad slot, which stay dropped): up to the first sibling dropped as
 * other furniture (comments, related posts, share buttons), and never more than `MAX_SKIPPED_BEFORE_REST` of those
 * before the first.
 */
function afterStrayEndTag(element: Element, drops: Drops, stats: Map<Element, ElementStats>): Element[] {
  const rest: Element[] = [];
  let pending: Element[] = [];
  for (let next = element.next; next; next = next.next) {
    if (next.type !== 'tag') continue;
    const sibling = next as Element;
    const dropped = drops.get(sibling);
    if (dropped !== undefined && !IN_POST_DROPS.has(dropped)) break;
    const prose = statsOf(stats, sibling).paragraph > 0;
    if (dropped === undefined && (rest.length > 0 ? prose || isBareBlock(sibling) : prose && (isBareBlock(sibling) || isPostPart(sibling)))) {
      rest.push(...pending, sibling);
      pending = [];
    } else if ((dropped !== undefined || !prose) && (rest.length > 0 || pending.length < MAX_SKIPPED_BEFORE_REST)) pending.push(sibling);
    else break;
  }
  return rest;
}
