import type { Element } from 'domhandler';
import { closest, isElement, type PageIndex } from '../../html/index.js';
import type { DropReason, Drops } from '../dropReasons.js';
import { collectBlocks, type BodyCollection } from './collectBlocks.js';
import type { LinkScope } from './linkTarget.js';
import { isSiteNameHeading } from '../metadata/isSiteNameHeading.js';
import { isSiteHeader } from './findLead.js';
import { titleHeadings } from './markedPost.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { MIN_DENSEST_PROSE_CHARS, TITLE_CONTAINER_LEVELS } from './rules.js';

export interface UnderTitleInput {
  $: PageIndex;
  drops: Drops;
  base: string | null;
  scope: LinkScope;
  title: string;
}

/** Every element sibling after `element`. */
function laterSiblings(element: Element): Element[] {
  const out: Element[] = [];
  for (let next = element.next; next; next = next.next) if (isElement(next)) out.push(next);
  return out;
}

/** Drops between a headline and its story (a share bar, the byline, the picture's caption, an ad slot): passed over. */
const PASSED_OVER: ReadonlySet<DropReason> = new Set(['share', 'byline', 'caption', 'ad', 'hidden', 'script', 'embed', 'rating']);

/** The element siblings after `element`, up to the first one dropped as other furniture (the comments, a related box). */
function followingSiblings(element: Element, drops: Drops): Element[] {
  const out: Element[] = [];
  for (let next = element.next; next; next = next.next) {
    if (!isElement(next)) continue;
    const dropped = drops.get(next);
    if (dropped !== undefined && PASSED_OVER.has(dropped)) continue;
    if (dropped !== undefined) break;
    out.push(next);
  }
  return out;
}

/**
 * The text under the post's title, when the rules found no body at all: a short post (a sentence and a list of
 * links) on a theme that marks no the_content() element, beside a longer comment thread and widgets. From the one
 * heading that carries the title (not the site title's), up to a few levels above it (the title bar around it), the elements that follow
 * it until the first dropped one are read as the post.
 */
export function underTitle(input: UnderTitleInput): { taken: BodyCollection; containers: Element[] } | null {
  return textUnderTitle(input, [], new Map());
}

/** The one heading that carries the post's title, outside the site header and anything dropped; else null. */
function postTitleHeading(input: UnderTitleInput): Element | null {
  // The site's name in the title ("Post – Site") matches the site title's heading too: that one is no post's.
  const headings = titleHeadings(input.$, input.title).filter((heading) => !isSiteNameHeading(heading) && !closest(heading, isSiteHeader));
  if (headings.length !== 1) return null;
  return closest(headings[0]!, (ancestor) => input.drops.has(ancestor)) ? null : headings[0]!;
}

function overlaps(a: Element, b: Element): boolean {
  return closest(a, (ancestor) => ancestor === b) !== null || closest(b, (ancestor) => ancestor === a) !== null;
}

/**
 * The text under the post's title (as `underTitle`), when the chosen body is none of it: null when the title sits in
 * a chosen container that holds prose, or when an element that follows it, at any level up to where text follows
 * it, holds or sits in one (a tags line between the title and the chosen body ends the text under the title, not
 * the post). With `minProse`, null when the elements that follow the title hold less paragraph text than that.
 */
export function textUnderTitle(
  input: UnderTitleInput,
  chosen: readonly Element[],
  stats: Map<Element, ElementStats>,
  minProse = 0,
): { taken: BodyCollection; containers: Element[] } | null {
  const heading = postTitleHeading(input);
  if (!heading) return null;
  // A chosen container around the title with prose of its own is the story under it; one without (a headline
  // block taken as the lead) says nothing of where the story is.
  const holding = chosen.filter((container) => overlaps(container, heading));
  if (holding.some((container) => statsOf(stats, container).paragraph >= MIN_DENSEST_PROSE_CHARS)) return null;
  const others = chosen.filter((container) => !holding.includes(container));
  let level: Element | null = heading;
  for (let up = 0; level && up <= TITLE_CONTAINER_LEVELS; up++, level = level.parent && isElement(level.parent) ? level.parent : null) {
    if (others.length > 0 && laterSiblings(level).some((sibling) => others.some((other) => overlaps(sibling, other)))) return null;
    const containers = followingSiblings(level, input.drops);
    if (containers.length === 0) continue;
    // Prose asked for and not there: the text under the title is not read (reading it is the costly part).
    if (minProse > 0 && containers.reduce((sum, container) => sum + statsOf(stats, container).paragraph, 0) < minProse) return null;
    const taken = collectBlocks(containers, input.drops, input.base, { scope: input.scope });
    if (taken.blocks.length > 0) return { taken, containers };
  }
  return null;
}
