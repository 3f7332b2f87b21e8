import type { Element } from 'domhandler';
import { byDocumentOrder, closest, collapseWhitespace, documentOrder, textOf } from '../../html/index.js';
import { blocksRemoved } from './blocksRemoved.js';
import type { BodyChoice } from './extractBody.js';
import { contains, titleHeadings } from './markedPost.js';
import { titleWords } from '../metadata/titleWordsShared.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { HEADING_TAG, MAX_NEXT_STORY_LOOKAHEAD, MIN_DENSEST_PROSE_CHARS, MIN_HEADLINE_WORDS } from './rules.js';
import type { SafetyNetInput } from './safetyNet.js';

/**
 * On a page with several headlines (the next story loaded below this one, a second article further down), the
 * post's own headline says which story is the post's: a body that starts at or after the next headline below the
 * post's own, and holds none of it, is another story's. Returns that next headline, or null. A linked h1 (a
 * teaser's) or one in dropped furniture is no story's headline.
 */
export function nextStoryHeadline(body: BodyChoice, input: SafetyNetInput): { own: Element; next: Element } | null {
  const h1s = input.$.byTag.get('h1') ?? [];
  if (h1s.length < 2 || body.containers.length === 0) return null;
  const headings = titleHeadings(input.$, input.title);
  if (headings.length !== 1) return null;
  const own = headings[0] as Element;
  const headline = (heading: Element): boolean =>
    heading !== own && !closest(heading, (element) => element.name === 'a' || input.drops.has(element)) && statsOf(input.stats, heading).text > 0;
  const next = h1s.find((heading) => byDocumentOrder(heading, own) > 0 && headline(heading));
  // A lead taken from above (the post's standfirst) may come first: the body is the next story's when any of its
  // containers holds that headline or starts after it, and none holds the post's.
  const atOrAfter = (container: Element): boolean => contains(container, next as Element) || byDocumentOrder(container, next as Element) > 0;
  if (!next || !body.containers.some(atOrAfter) || body.containers.some((container) => contains(container, own))) return null;
  return { own, next };
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
