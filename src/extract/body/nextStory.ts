import type { Element } from 'domhandler';
import { byDocumentOrder, closest, collapseWhitespace, documentOrder, textOf } from '../../html/index.js';
import { blocksRemoved } from './blocksRemoved.js';
import type { BodyChoice } from './extractBody.js';
import { contains, titleHeadings, titleLetters } from './markedPost.js';
import { titleWords } from '../metadata/titleWordsShared.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { HEADING_TAG, MAX_NEXT_STORY_LOOKAHEAD, MIN_DENSEST_PROSE_CHARS, MIN_HEADLINE_WORDS, MIN_TITLE_BOX_SHARE, MIN_TITLE_LETTERS } from './rules.js';
import type { SafetyNetInput } from './safetyNet.js';

/** Elements a theme or builder sets a post's title in when not in a heading. */
const TITLE_BOX_TAGS: ReadonlySet<string> = new Set(['div', 'p', 'span', 'strong', 'b', 'header']);

/**
 * On a page with several headlines (the next story loaded below this one, a second article further down), the
 * post's own headline says which story is the post's: a body that starts at or after the next headline below the
 * post's own, and holds none of it, is another story's. Returns that next headline (with the post's own and the
 * region around it), or null. A linked h1 (a teaser's) or one in dropped furniture is no story's headline.
 */
export function nextStoryHeadline(body: BodyChoice, input: SafetyNetInput): { own: Element; next: Element; region: Element } | null {
  const h1s = input.$.byTag.get('h1') ?? [];
  if (h1s.length === 0 || body.containers.length === 0) return null;
  const own = ownHeadline(input);
  if (!own) return null;
  const headline = (heading: Element): boolean =>
    heading !== own && !closest(heading, (element) => element.name === 'a' || input.drops.has(element)) && statsOf(input.stats, heading).text > 0;
  const next = h1s.find((heading) => byDocumentOrder(heading, own) > 0 && headline(heading));
  // A lead taken from above (the post's standfirst) may come first: the body is the next story's when any of its
  // containers holds that headline or starts after it, and those that hold the post's (its header box, taken as the
  // lead) hold less prose than they do.
  if (!next) return null;
  const atOrAfter = (container: Element): boolean => contains(container, next) || byDocumentOrder(container, next) > 0;
  const prose = (containers: Element[]): number => containers.reduce((sum, container) => sum + statsOf(input.stats, container).paragraph, 0);
  const after = body.containers.filter(atOrAfter);
  const holdingOwn = body.containers.filter((container) => contains(container, own));
  if (after.length === 0 || (holdingOwn.length > 0 && prose(holdingOwn) >= prose(after))) return null;
  // The post's region: the element around its headline that does not reach the next story.
  let region = own;
  while (region.parent && region.parent.type === 'tag' && !contains(region.parent as Element, next)) region = region.parent as Element;
  return { own, next, region };
}

/**
 * The post's own headline: the one heading that carries its title, else (a page builder's title module, a theme
 * that sets the title in a styled div) the first element outside links whose whole text is the title.
 */
function ownHeadline(input: SafetyNetInput): Element | null {
  const headings = titleHeadings(input.$, input.title);
  if (headings.length > 0) return headings.length === 1 ? (headings[0] as Element) : null;
  const wanted = titleLetters(input.title);
  if (wanted.length < MIN_TITLE_LETTERS) return null;
  for (const element of input.$.all) {
    const chars = statsOf(input.stats, element).text;
    if (chars < MIN_TITLE_LETTERS || chars > input.title.length * 2 || !TITLE_BOX_TAGS.has(element.name)) continue;
    const text = titleLetters(textOf(element));
    // The title, or its start when the site's name follows it with no separator; a line the title ends with is
    // more often the site's tagline or description ("Site - repo: what it is").
    const isTitle = text === wanted || (wanted.startsWith(text) && text.length >= wanted.length * MIN_TITLE_BOX_SHARE);
    // Only a position: a box in a dropped header row (with the breadcrumbs and the date) marks the post's place too.
    if (isTitle && !closest(element, (ancestor) => ancestor.name === 'a')) return element;
  }
  return null;
}

/**
 * Two headlines head separate stories when each sits in its own wrapper under the element they share, and each
 * wrapper holds prose of its own (headlines over sections of one story sit side by side with their paragraphs).
 */
function separateStories(own: Element, next: Element, stats: Map<Element, ElementStats>): boolean {
  const shared = closest(own, (element) => contains(element, next));
  if (!shared) return false;
  const below = (heading: Element): Element | null => closest(heading, (element) => element.parent === shared);
  const ownStory = below(own);
  const nextStory = below(next);
  if (!ownStory || !nextStory || ownStory === own || nextStory === next) return false;
  return statsOf(stats, ownStory).paragraph >= MIN_DENSEST_PROSE_CHARS && statsOf(stats, nextStory).paragraph >= MIN_DENSEST_PROSE_CHARS;
}

/** The body cut before the next story's headline when it holds the post's headline and then another story's, else null. */
export function cutBeforeNextStory(body: BodyChoice, input: SafetyNetInput): BodyChoice | null {
  const h1s = input.$.byTag.get('h1') ?? [];
  if (h1s.length < 2 || body.blocks.length < 2) return null;
  const headings = titleHeadings(input.$, input.title);
  if (headings.length !== 1) return null;
  const own = headings[0] as Element;
  if (!body.containers.some((element) => contains(element, own))) return null;
  const next = h1s.find(
    (heading) =>
      heading !== own &&
      byDocumentOrder(heading, own) > 0 &&
      body.containers.some((element) => contains(element, heading)) &&
      !closest(heading, (element) => element.name === 'a' || input.drops.has(element)),
  );
  // A story's headline is a sentence's worth of words; a one-word h1 ("Usage") heads a section of the page.
  if (!next || titleWords(textOf(next)).length < MIN_HEADLINE_WORDS || !separateStories(own, next, input.stats)) return null;
  // The first block read from after that headline (the headline itself may have gone as a title).
  const texts = new Map(body.blocks.map((block, i) => [block.text, i]));
  let at = -1;
  const start = documentOrder(next);
  for (let i = start; i < Math.min(input.$.all.length, start + MAX_NEXT_STORY_LOOKAHEAD) && at < 0; i++) {
    const element = input.$.all[i] as Element;
    if (element.children.length > 0) at = texts.get(collapseWhitespace(textOf(element))) ?? -1;
  }
  if (at <= 0 || !body.blocks.slice(0, at).some((block) => !HEADING_TAG.test(block.tag))) return null;
  return { ...body, blocks: body.blocks.slice(0, at), removed: [...body.removed, ...blocksRemoved(body.blocks.slice(at), 'safety-net: elsewhere')] };
}
