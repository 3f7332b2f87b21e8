import type { Element } from 'domhandler';
import { compileSelector, type PoolKey } from './compileSelector.js';
import { byDocumentOrder, documentOrder, withAttribute, type PageIndex } from './pageIndex.js';

/**
 * Elements that may match a selector group, in document order, from the page index: the many small metadata
 * queries of a page then test a few candidates each instead of walking the whole tree.
 */
function poolOf(index: PageIndex, key: PoolKey): readonly Element[] {
  switch (key.kind) {
    case 'class':
      return index.byClass.get(key.name) ?? [];
    case 'tag':
      return index.byTag.get(key.name) ?? [];
    case 'classPart':
      return withClassPart(index, key.name);
    case 'classPartAnyCase':
      return withClassPartAnyCase(index, key.name);
    case 'attribute':
      return withAttribute(index, key.name);
    default:
      return index.all;
  }
}

/**
 * Elements whose class attribute contains `part` (which holds no whitespace, so it lies inside one class name): the
 * lists of the class names containing it, merged in document order.
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

const UPPER_CASE = /[A-Z]/;

/** The page's class names that hold upper-case letters, lowered, with their elements (one scan per page). */
function upperClassNames(index: PageIndex): Array<[string, Element[]]> {
  const out: Array<[string, Element[]]> = [];
  for (const [name, elements] of index.byClass) if (UPPER_CASE.test(name)) out.push([name.toLowerCase(), elements]);
  return out;
}

/**
 * `withClassPart` in any case (`part` lower-case): its pool, with the elements of the page's few class names that
 * hold upper-case letters (`displayDate`) and contain `part` once lowered.
 */
function withClassPartAnyCase(index: PageIndex, part: string): Element[] {
  const key = `${part} i`;
  let pool = index.byClassPart.get(key);
  if (!pool) {
    index.upperClassNames ??= upperClassNames(index);
    const exact = withClassPart(index, part);
    const more = index.upperClassNames.filter(([name]) => name.includes(part));
    if (more.length === 0) pool = exact;
    else {
      const found = new Set(exact);
      for (const [, elements] of more) for (const element of elements) found.add(element);
      pool = [...found].sort(byDocumentOrder);
    }
    index.byClassPart.set(key, pool);
  }
  return pool;
}

/** Elements matching the CSS `selector` (css-select), in document order, each once. Throws on a bad selector. */
export function selectElements(index: PageIndex, selector: string): Element[] {
  const { matches, pools } = compileSelector(selector);
  if (pools.some((key) => key.kind === 'all')) return index.all.filter(matches);
  if (pools.length === 1) return poolOf(index, pools[0] as PoolKey).filter(matches);
  const found = new Set<Element>();
  for (const key of pools) for (const element of poolOf(index, key)) if (!found.has(element) && matches(element)) found.add(element);
  return [...found].sort(byDocumentOrder);
}

/**
 * The first element in document order matching `selector`, or undefined. Each group's pool is searched up to its
 * first match: the earliest of those is the first match of the whole selector.
 */
export function selectFirst(index: PageIndex, selector: string): Element | undefined {
  const { matches, pools } = compileSelector(selector);
  let best: Element | undefined;
  let bestOrder = Infinity;
  for (const key of pools) {
    for (const element of poolOf(index, key)) {
      const order = documentOrder(element);
      if (order >= bestOrder) break;
      if (!matches(element)) continue;
      best = element;
      bestOrder = order;
      break;
    }
  }
  return best;
}
