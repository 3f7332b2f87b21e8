import type { Element } from 'domhandler';
import { BOILERPLATE_HINTS, boilerplateReason } from './boilerplateHints.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import type { PageIndex } from '../../html/index.js';
import { MAX_COMPONENT_PART_SHARE, MIN_COMPONENT_PARTS, MIN_COMPONENT_PROSE_CHARS, MIN_COMPONENT_PROSE_SHARE } from './rules.js';
import type { Drops } from '../dropReasons.js';

const NAVIGATION_HINT = BOILERPLATE_HINTS.find(({ reason }) => reason === 'navigation')!.pattern;

/**
 * Class names with a navigation word that a page builder gives to the article's own blocks: every paragraph
 * wrapped in `<div class="x-widget x-widget-text"><div class="x-widget-container">`, all inside an
 * `x-widget-wrap`. The classes sharing the prefix up to the word form a family; when the family's elements hold
 * most of the page's prose, spread over several separate blocks, the word names a layout component there, not a
 * sidebar or menu box. A sidebar's `widget` boxes hold a small share of a page with an article. Prose in
 * `already` dropped subtrees (teasers) and in boxes that are furniture for another reason (related posts,
 * comments) counts for neither side.
 */
export function articleComponentClasses($: PageIndex, stats: Map<Element, ElementStats>, pageProse: number, already: Drops): Set<string> {
  const found = new Set<string>();
  const families = new Map<string, string[]>();
  for (const name of $.byClass.keys()) {
    const key = familyKey(name);
    if (key) families.set(key, [...(families.get(key) ?? []), name]);
  }
  // Most families (menus, a sidebar's widgets) hold little prose: the page-wide furniture scan runs only for one
  // that could qualify.
  const worthChecking = [...families.values()].filter((names) => proseOfTopMost(carriersOf($, names), stats) >= MIN_COMPONENT_PROSE_CHARS);
  if (worthChecking.length === 0) return found;
  const otherFurniture = new Set($.all.filter((element) => already.has(element) || isOtherFurniture(element)));
  const available = pageProse - proseOfTopMost(otherFurniture, stats);
  if (available < MIN_COMPONENT_PROSE_CHARS) return found;
  for (const names of worthChecking) {
    const carriers = new Set([...carriersOf($, names)].filter((element) => !insideAny(element, otherFurniture)));
    const prose = proseOfTopMost(carriers, stats);
    if (prose < MIN_COMPONENT_PROSE_CHARS || prose <= available * MIN_COMPONENT_PROSE_SHARE) continue;
    const parts = innermostWithProse(carriers, stats).map((element) => statsOf(stats, element).paragraph);
    if (parts.length >= MIN_COMPONENT_PARTS && Math.max(...parts) <= prose * MAX_COMPONENT_PART_SHARE) names.forEach((name) => found.add(name));
  }
  return found;
}

/** True when one of the element's class names is a component class. */
export function hasComponentClass(element: Element, components: ReadonlySet<string>): boolean {
  if (components.size === 0) return false;
  const classes = element.attribs?.class;
  return classes ? classes.split(/\s+/).some((name) => components.has(name)) : false;
}

/** `x-widget` for `x-widget-text` and `x-widget-wrap`: the class up to its navigation word; null without one. */
function familyKey(name: string): string | null {
  const match = NAVIGATION_HINT.exec(name.toLowerCase());
  if (!match) return null;
  return name
    .slice(0, match.index + match[0].length)
    .toLowerCase()
    .replace(/[-_ \d]+$/, '');
}

function carriersOf($: PageIndex, names: readonly string[]): Set<Element> {
  return new Set(names.flatMap((name) => $.byClass.get(name) ?? []));
}

function isOtherFurniture(element: Element): boolean {
  if (element.type !== 'tag') return false;
  const reason = boilerplateReason(element);
  return reason !== null && reason !== 'navigation';
}

/** Prose of the elements not nested in another of them (a nested one is already counted in its ancestor). */
function proseOfTopMost(elements: ReadonlySet<Element>, stats: Map<Element, ElementStats>): number {
  let prose = 0;
  for (const element of elements) if (!nearestAncestorIn(element, elements)) prose += statsOf(stats, element).paragraph;
  return prose;
}

/** Elements holding prose with no other such element inside them. */
function innermostWithProse(elements: ReadonlySet<Element>, stats: Map<Element, ElementStats>): Element[] {
  const withProse = new Set([...elements].filter((element) => statsOf(stats, element).paragraph > 0));
  const outer = new Set<Element>();
  for (const element of withProse) {
    const ancestor = nearestAncestorIn(element, withProse);
    if (ancestor) outer.add(ancestor);
  }
  return [...withProse].filter((element) => !outer.has(element));
}

function nearestAncestorIn(element: Element, set: ReadonlySet<Element>): Element | null {
  for (let node = element.parent; node && node.type === 'tag'; node = node.parent) if (set.has(node as Element)) return node as Element;
  return null;
}

function insideAny(element: Element, set: ReadonlySet<Element>): boolean {
  return set.has(element) || nearestAncestorIn(element, set) !== null;
}
