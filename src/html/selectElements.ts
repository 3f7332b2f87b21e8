import type { Element } from 'domhandler';
import { attr } from './domNodes.js';
import { byDocumentOrder, documentOrder, withAttribute, type PageIndex } from './pageIndex.js';

/**
 * A small CSS selector subset for site profiles and metadata lookups: comma lists, descendant combinators,
 * and compounds of `tag`, `.class`, `#id`, `[attr]`, `[attr=v]`, `[attr*=v]`, `[attr~=v]`, `[attr^=v]`
 * (an `i` flag makes the value case-insensitive). Unsupported syntax matches nothing instead of throwing.
 */
interface Compound {
  tag: string | null;
  classes: string[];
  id: string | null;
  attributes: Array<{ name: string; op: string; value: string; insensitive: boolean }>;
}

const COMPOUND_PART = /([.#]?[\w-]+|\*)|\[\s*([\w:-]+)\s*(?:([*~^$]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*))\s*(i)?)?\s*\]/g;
const cache = new Map<string, Compound[][] | null>();

function parseCompound(text: string): Compound | null {
  const compound: Compound = { tag: null, classes: [], id: null, attributes: [] };
  let consumed = 0;
  for (const match of text.matchAll(COMPOUND_PART)) {
    consumed += match[0].length;
    const simple = match[1];
    if (simple === '*') continue;
    if (simple?.startsWith('.')) compound.classes.push(simple.slice(1));
    else if (simple?.startsWith('#')) compound.id = simple.slice(1);
    else if (simple) compound.tag = simple.toLowerCase();
    else compound.attributes.push({ name: (match[2] ?? '').toLowerCase(), op: match[3] ?? '', value: match[4] ?? match[5] ?? match[6] ?? '', insensitive: match[7] === 'i' });
  }
  return consumed === text.length ? compound : null;
}

function parseSelector(selector: string): Compound[][] | null {
  if (cache.has(selector)) return cache.get(selector) ?? null;
  const groups: Compound[][] = [];
  for (const group of selector.split(',')) {
    const compounds = group.trim().split(/\s+/).map(parseCompound);
    if (compounds.some((compound) => compound === null) || compounds.length === 0) {
      cache.set(selector, null);
      return null;
    }
    groups.push(compounds as Compound[]);
  }
  cache.set(selector, groups);
  return groups;
}

function attributeMatches(element: Element, { name, op, value, insensitive }: Compound['attributes'][number]): boolean {
  const raw = element.attribs?.[name];
  if (raw === undefined) return false;
  const actual = insensitive ? raw.toLowerCase() : raw;
  const wanted = insensitive ? value.toLowerCase() : value;
  if (op === '') return true;
  if (op === '=') return actual === wanted;
  if (op === '*=') return wanted !== '' && actual.includes(wanted);
  if (op === '^=') return wanted !== '' && actual.startsWith(wanted);
  if (op === '$=') return wanted !== '' && actual.endsWith(wanted);
  return actual.split(/\s+/).includes(wanted);
}

function matches(element: Element, compound: Compound): boolean {
  if (compound.tag && element.name !== compound.tag) return false;
  if (compound.id && attr(element, 'id') !== compound.id) return false;
  if (compound.classes.length > 0) {
    const classes = attr(element, 'class').split(/\s+/);
    if (!compound.classes.every((name) => classes.includes(name))) return false;
  }
  return compound.attributes.every((attribute) => attributeMatches(element, attribute));
}

function hasAncestors(element: Element, ancestors: Compound[]): boolean {
  let index = ancestors.length - 1;
  let node = element.parent as Element | null;
  while (node && index >= 0 && node.type === 'tag') {
    if (matches(node, ancestors[index] as Compound)) index--;
    node = node.parent as Element | null;
  }
  return index < 0;
}

/**
 * Elements that may match `last`, in document order: a superset of its matches, taken from the index so that
 * attribute selectors (`[data-timestamp]`, `[class*="date"]`) need not test every element of the page.
 */
function poolOf(index: PageIndex, last: Compound): readonly Element[] {
  if (last.classes.length > 0) return index.byClass.get(last.classes[0] as string) ?? [];
  if (last.tag) return index.byTag.get(last.tag) ?? [];
  const classPart = last.attributes.find(({ name, op, value, insensitive }) => name === 'class' && op === '*=' && !insensitive && value !== '' && !/\s/.test(value));
  if (classPart) return withClassPart(index, classPart.value);
  const attribute = last.attributes[0];
  return attribute ? withAttribute(index, attribute.name) : index.all;
}

/**
 * Elements whose class attribute contains `part` (which holds no whitespace, so it lies inside one class name):
 * the lists of the class names containing it, merged in document order.
 */
function withClassPart(index: PageIndex, part: string): Element[] {
  let pool = index.byClassPart.get(part);
  if (!pool) {
    const found = new Set<Element>();
    for (const [name, elements] of index.byClass) if (name.includes(part)) for (const element of elements) found.add(element);
    pool = [...found].sort(byDocumentOrder);
    index.byClassPart.set(part, pool);
  }
  return pool;
}

function groupMatches(element: Element, compounds: Compound[]): boolean {
  return matches(element, compounds[compounds.length - 1] as Compound) && hasAncestors(element, compounds.slice(0, -1));
}

/** Elements matching `selector`, in document order, each once. Groups without a tag or class share one scan. */
export function selectElements(index: PageIndex, selector: string): Element[] {
  const groups = parseSelector(selector);
  if (!groups) return [];
  const scanned = groups.filter((compounds) => poolOf(index, compounds[compounds.length - 1] as Compound) === index.all);
  const found = new Set<Element>();
  for (const compounds of groups) {
    if (scanned.includes(compounds)) continue;
    for (const element of poolOf(index, compounds[compounds.length - 1] as Compound)) if (groupMatches(element, compounds)) found.add(element);
  }
  if (scanned.length > 0) for (const element of index.all) if (scanned.some((compounds) => groupMatches(element, compounds))) found.add(element);
  const out = [...found];
  if (groups.length > 1) out.sort(byDocumentOrder);
  return out;
}

/** The first element in document order matching `selector`, or undefined; each group stops at its first hit. */
export function selectFirst(index: PageIndex, selector: string): Element | undefined {
  const groups = parseSelector(selector);
  if (!groups) return undefined;
  let best: Element | undefined;
  let bestOrder = Infinity;
  for (const compounds of groups) {
    for (const element of poolOf(index, compounds[compounds.length - 1] as Compound)) {
      const order = documentOrder(element);
      if (order >= bestOrder) break;
      if (!groupMatches(element, compounds)) continue;
      best = element;
      bestOrder = order;
      break;
    }
  }
  return best;
}
